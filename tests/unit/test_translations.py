"""The translations: extractable, complete, up to date, compiled fresh, and switchable.

When one of these fails after strings changed in the code, refresh and fill:
    uv run python -m packstation.ui.words.translations update
    uv run python -m packstation.ui.words.translations todo
"""

from __future__ import annotations

import ast
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from packstation.store.problems import (
    ShipmentProblem,
    ShipmentProblemKind,
    reason_from_json,
    reason_to_json,
)
from packstation.ui.views.language import install_language, resolve, switch, system_language
from packstation.ui.words import translations
from packstation.ui.words.i18n import tr
from packstation.ui.words.problems import reason_text
from tests.unit.test_problem_words import sentences

PACKAGE = Path(translations.__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[^}]*\}|%n")


def _tr_calls(inside_fstrings: bool = False) -> Iterator[tuple[str, ast.Call]]:
    """Every ``tr(...)`` call of the package, or only those inside f-strings."""
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        roots: list[ast.AST] = [tree]
        if inside_fstrings:
            roots = [n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)]
        for root in roots:
            for node in ast.walk(root):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "tr"
                ):
                    yield f"{path.relative_to(PACKAGE.parent)}:{node.lineno}", node


def test_every_tr_call_can_be_extracted() -> None:
    """lupdate sees only literal arguments, passed by position, and not inside f-strings."""
    bad = []
    for where, call in _tr_calls():
        first = call.args[0] if call.args else None
        literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
        second_ok = len(call.args) < 2 or (
            isinstance(call.args[1], ast.Constant)
            and (call.args[1].value is None or isinstance(call.args[1].value, str))
        )
        if not literal or not second_ok or call.keywords:
            bad.append(f"{where}: {ast.unparse(call)[:80]}")
    for where, call in _tr_calls(inside_fstrings=True):
        bad.append(f"{where}: {ast.unparse(call)[:80]} inside an f-string")
    assert not bad, "tr() calls lupdate cannot extract:\n" + "\n".join(bad)
    assert sum(1 for _ in _tr_calls()) > 250


def test_the_sources_hold_exactly_the_strings_of_the_code() -> None:
    in_code = translations.code_strings()
    assert len(in_code) > 300
    for code in translations.LANGUAGES:
        in_file = {(m.source, m.comment) for m in translations.read_ts(translations.ts_file(code))}
        missing, gone = in_code - in_file, in_file - in_code
        assert not missing and not gone, (
            f"{code}: run `uv run python -m packstation.ui.words.translations update`; "
            f"new: {sorted(missing)[:5]}, gone: {sorted(gone)[:5]}"
        )


@pytest.mark.parametrize("code", translations.LANGUAGES)
def test_every_string_is_translated_with_its_placeholders(code: str) -> None:
    messages = translations.read_ts(translations.ts_file(code))
    unfinished = [m.source for m in messages if m.unfinished]
    assert not unfinished, f"{code}: {len(unfinished)} untranslated, e.g. {unfinished[:5]}"
    for m in messages:
        forms = m.translation.split("|") if m.numerus else [m.translation]
        for form in forms:
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(m.source)), (
                f"{code}: placeholders differ: {m.source!r} -> {form!r}"
            )


def test_a_checkout_compiles_at_first_use_and_again_when_the_source_is_newer(
    tmp_path: Path,
) -> None:
    qm = translations.catalog("de", tmp_path)
    assert qm is not None
    assert qm.is_relative_to(tmp_path)
    assert qm.stat().st_size > 10_000
    source = translations.ts_file("de").stat().st_mtime
    os.utime(qm, (source - 60, source - 60))  # a catalog older than its source is stale
    assert translations.catalog("de", tmp_path) == qm
    assert qm.stat().st_mtime >= source


def test_compiled_catalogs_hold_every_translation(tmp_path: Path) -> None:
    for qm in translations.compile_all(tmp_path):
        assert qm.stat().st_size > 10_000


@pytest.fixture
def language(qapp: QCoreApplication, tmp_path: Path) -> Iterator[str]:
    yield str(tmp_path)
    install_language(qapp, "en", tmp_path)


def test_switching_language_translates_plurals_and_qt_buttons(
    qapp: QCoreApplication, language: str
) -> None:
    seen: list[str] = []
    switch.changed.connect(seen.append)
    try:
        assert install_language(qapp, "de", Path(language)) == "de"
        assert tr("%n item(s)", None, 1) == "1 Artikel"
        assert tr("Ship") == "Versenden"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
        assert install_language(qapp, "es", Path(language)) == "es"
        assert tr("%n item(s)", None, 1) == "1 artículo"
        assert tr("%n item(s)", None, 4) == "4 artículos"
        assert install_language(qapp, "en", Path(language)) == "en"
        assert tr("%n item(s)", None, 1) == "1 item"
    finally:
        switch.changed.disconnect(seen.append)
    assert seen == ["de", "es", "en"]


def test_the_setting_overrides_the_system_language() -> None:
    assert resolve("es") == "es"
    assert resolve("") == system_language()
    assert system_language() in {"en", "es", "de"}


@pytest.mark.parametrize("code", translations.LANGUAGES)
def test_outcomes_from_below_the_window_are_worded_in_the_packers_language(
    qapp: QCoreApplication, language: str, code: str
) -> None:
    """Every kind the lower layers report (``test_problem_words.SAMPLES``) is translated,
    with its facts carried over; a switch of language rewords a reason kept in the outbox."""
    reason = ShipmentProblem(ShipmentProblemKind.SHIPPED_ELSEWHERE, title="Cap", left=1, held=3)
    stored = reason_to_json(reason)  # as the outbox keeps it, whatever the language then
    english = sentences()
    said_in_english = reason_text(reason)
    install_language(qapp, code, Path(language))
    local = sentences()
    same = [f"{g}/{k}: {e}" for (g, k, e), (_, _, t) in zip(english, local, strict=True) if e == t]
    assert not same, f"{code}: not translated:\n" + "\n".join(same)
    redo = {k: t for g, k, t in local if g == "redo"}
    assert "api.example" in redo["unreachable"]  # the facts are carried over
    assert "line 3 is bad" in redo["refused"]  # the server's own words, as it said them
    read_back = reason_from_json(stored)
    assert read_back == reason
    said_now = reason_text(read_back)
    assert said_now != said_in_english
    assert "Cap" in said_now


def test_the_bundle_keeps_our_catalogs_and_qts_own_for_our_languages() -> None:
    installer = Path(__file__).resolve().parents[2] / "installer"
    sys.path.insert(0, str(installer))
    try:
        from bundle_rules import wanted  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(installer))
    for code in translations.LANGUAGES:
        ours = f"resources/translations/packstation_{code}.qm"
        assert wanted((ours, ours, "DATA"))
        qt_own = f"PySide6/Qt/translations/qtbase_{code}.qm"
        assert wanted((qt_own, qt_own, "DATA")), qt_own
    assert not wanted(("PySide6/Qt/translations/qtbase_fr.qm", "x", "DATA"))
    assert not wanted(("PySide6/Qt/translations/qtdeclarative_de.qm", "x", "DATA"))


def test_language_and_high_visibility_are_settings_and_machine_keys(tmp_path: Path) -> None:
    from packstation.config import check_values, layered_settings, load_machine_config

    machine_file = tmp_path / "config.toml"
    machine_file.write_text('language = "de"\nhigh_visibility = true\n', "utf-8")
    machine = load_machine_config(machine_file)
    settings, _, _ = layered_settings(machine, {}, {}, {})
    assert (settings.language, settings.high_visibility) == ("de", True)
    settings, _, _ = layered_settings(machine, {"language": "es"}, {}, {})
    assert settings.language == "es"  # the user's choice wins over a machine default
    values, problems = check_values({"language": "fr", "high_visibility": "yes"}, "x")
    assert values == {}
    assert [(p.source, p.key) for p in problems] == [("x", "language"), ("x", "high_visibility")]
