"""The Qt Linguist workflow: ``.ts`` sources in, compiled ``.qm`` catalogs out.

One command refreshes the sources after strings change in the code::

    uv run python -m packstation.ui.words.translations update    # lupdate: code -> .ts
    uv run python -m packstation.ui.words.translations todo      # what is left to translate
    uv run python -m packstation.ui.words.translations compile DIR  # lrelease: .ts -> DIR/*.qm
    uv run python -m packstation.ui.words.translations fill es es.json  # translations in bulk

Translators may also open a ``.ts`` in Qt Linguist (``uv run pyside6-linguist FILE``).

The ``.ts`` files under ``resources/translations/`` are the only thing committed. The
``.qm`` catalogs the program loads are built from them, never committed:

- a wheel gets them from the hatch build hook (``hatch_build.py``),
- the PyInstaller bundle from ``installer/packstation.spec``,
- a source checkout (``uv run packstation``) compiles them at first use into the user's
  cache folder, again whenever a ``.ts`` is newer than its catalog (:func:`catalog`).

``lupdate`` and ``lrelease`` are the ones shipped inside the PySide6 wheel.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from packstation.resources import resource_path

#: The languages with a translation; English is the source language.
LANGUAGES = ("es", "de")
PREFIX = "packstation_"


def sources_dir() -> Path:
    return resource_path("translations")


def ts_file(code: str) -> Path:
    return sources_dir() / f"{PREFIX}{code}.ts"


def qt_tool(name: str) -> Path:
    """``lupdate`` or ``lrelease`` from the PySide6 package (FileNotFoundError if absent)."""
    import PySide6

    exe = name + (".exe" if sys.platform == "win32" else "")
    candidates = [Path(PySide6.__file__).parent / exe]
    found = shutil.which(f"pyside6-{name}")
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"Qt's {name} is not installed with PySide6 here")


def extract(package_dir: Path, ts: Path, code: str = "") -> None:
    """Run lupdate over the package's Python files into ``ts`` (merging what it holds)."""
    subprocess.run(  # noqa: S603 - a fixed tool with our own paths
        [
            str(qt_tool("lupdate")),
            *(["-target-language", code] if code else []),
            "-extensions",
            "py",
            "-locations",
            "relative",
            "-no-obsolete",
            "-silent",
            str(package_dir),
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )


def release(ts: Path, qm: Path) -> None:
    """Compile one ``.ts`` into ``qm`` with lrelease."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603 - a fixed tool with our own paths
        [str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )


def package_dir() -> Path:
    return Path(__file__).resolve().parents[2]


def update() -> list[Path]:
    """Refresh every language's ``.ts`` from the code; returns the files written."""
    written = []
    for code in LANGUAGES:
        ts = ts_file(code)
        extract(package_dir(), ts, code)
        written.append(ts)
    return written


def compile_all(out_dir: Path) -> list[Path]:
    """Compile every language into ``out_dir``; returns the catalogs written."""
    return [_compiled(code, out_dir / f"{PREFIX}{code}.qm") for code in LANGUAGES]


def _compiled(code: str, qm: Path) -> Path:
    release(ts_file(code), qm)
    return qm


def catalog(code: str, cache_dir: Path) -> Path | None:
    """The ``.qm`` to load for ``code``: shipped compiled, or compiled here on demand.

    A wheel or bundle ships compiled catalogs beside the sources: those are used. From a
    source checkout (``resources/`` at the top of the repository) the ``.ts`` is the
    truth: it is compiled into ``cache_dir`` when that copy is missing or older than
    its source. None when the language has no translation at all.
    """
    shipped = sources_dir() / f"{PREFIX}{code}.qm"
    if shipped.exists() and not from_checkout():
        return shipped
    ts = ts_file(code)
    if not ts.exists():
        return None
    cached = cache_dir / "translations" / f"{PREFIX}{code}.qm"
    if not cached.exists() or cached.stat().st_mtime < ts.stat().st_mtime:
        tmp = cached.with_suffix(".tmp.qm")
        release(ts, tmp)
        tmp.replace(cached)
    return cached


def from_checkout() -> bool:
    """Running from a source checkout (not a wheel, not a frozen bundle)?"""
    return not hasattr(sys, "_MEIPASS") and sources_dir().parent.name == "resources"


@dataclass(frozen=True)
class Message:
    source: str
    comment: str
    translation: str
    unfinished: bool
    numerus: bool


def read_ts(ts: Path) -> list[Message]:
    """Every message of a ``.ts`` file, with its translation (numerus forms joined by |)."""
    messages = []
    for node in ET.parse(ts).getroot().iter("message"):  # noqa: S314 - our own files
        translation = node.find("translation")
        forms = [] if translation is None else translation.findall("numerusform")
        text = (
            "|".join(f.text or "" for f in forms)
            if forms
            else ("" if translation is None else translation.text or "")
        )
        unfinished = translation is None or translation.get("type") in {"unfinished"}
        messages.append(
            Message(
                source=node.findtext("source") or "",
                comment=node.findtext("comment") or "",
                translation=text,
                unfinished=unfinished
                or not text
                or (bool(forms) and not all(f.text for f in forms)),
                numerus=node.get("numerus") == "yes",
            )
        )
    return messages


def code_strings() -> set[tuple[str, str]]:
    """(source, comment) of every string lupdate finds in the code today."""
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "now.ts"
        extract(package_dir(), ts)
        return {(m.source, m.comment) for m in read_ts(ts)}


def todo() -> dict[str, list[str]]:
    """Per language, the source strings still without a finished translation."""
    return {code: [m.source for m in read_ts(ts_file(code)) if m.unfinished] for code in LANGUAGES}


def fill(code: str, texts: dict[str, str | list[str]]) -> int:
    """Write translations into ``code``'s ``.ts``: source -> text (plural forms: a list).

    Returns how many messages were filled. Sources not in the file are ignored; run
    ``update`` afterwards to put the file back in lupdate's own layout.
    """
    ts = ts_file(code)
    tree = ET.parse(ts)  # noqa: S314 - our own files
    filled = 0
    for node in tree.getroot().iter("message"):
        text = texts.get(node.findtext("source") or "")
        if not text:
            continue
        translation = node.find("translation")
        if translation is None:
            translation = ET.SubElement(node, "translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if node.get("numerus") == "yes":
            translation.text = None
            for form in [text] if isinstance(text, str) else text:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = text if isinstance(text, str) else text[0]
        filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m packstation.ui.words.translations")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help="refresh resources/translations/*.ts from the code")
    sub.add_parser("todo", help="list strings not yet translated")
    build = sub.add_parser("compile", help="compile every .ts into a folder of .qm files")
    build.add_argument("out_dir", type=Path)
    load = sub.add_parser("fill", help="write translations from a JSON object into a .ts")
    load.add_argument("code", choices=LANGUAGES)
    load.add_argument("json_file", type=Path, help='{"source": "translation" or [forms]}')
    args = parser.parse_args(argv)
    if args.command == "fill":
        import json

        count = fill(args.code, json.loads(args.json_file.read_text("utf-8")))
        update()
        print(f"{count} translations written to {ts_file(args.code).name}")
        return 0
    if args.command == "update":
        for ts in update():
            left = sum(m.unfinished for m in read_ts(ts))
            print(f"{ts.name}: {len(read_ts(ts))} strings, {left} to translate")
        return 0
    if args.command == "compile":
        for qm in compile_all(args.out_dir):
            print(qm)
        return 0
    missing = todo()
    for code, sources in missing.items():
        for source in sources:
            print(f"{code}\t{source!r}")
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
