"""Reading IT's machine config when a line of it is not TOML: that line is left out.

One typo must not leave a bench unconfigured. A line TOML cannot read is blanked (the
others keep their numbers), named in a sentence with the file and the line, and the rest
is read again, within a bound of lines dropped and of characters parsed.
"""

from __future__ import annotations

import re
import reprlib
import tomllib
from typing import Any

_repr = reprlib.Repr()  # a bounded repr: a broken line may be megabytes long
_repr.maxlevel, _repr.maxstring, _repr.maxother, _repr.maxlist, _repr.maxdict = 2, 40, 40, 4, 4
_show = _repr.repr

#: A broken machine file is read again without each line TOML cannot read, this many
#: lines at most; then the rest of the file is left out with the next broken line.
_MOST_LINES_DROPPED = 50
#: Characters parsed while finding those lines, all attempts together: half a second at
#: most for a file of any size (IT's file is a few hundred bytes: thousands of attempts).
_MOST_PARSED = 2_000_000
_TOML_WHERE = re.compile(r" \(at (?:line (\d+), column \d+|end of document)\)$")
_SETS_LOCKED = re.compile(r"""\s*["']?locked["']?\s*=""")


class _TomlLines:
    """A TOML text as lines, numbered as TOML numbers them (by "\\n" alone), parsed in a bound."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.budget = _MOST_PARSED

    def parse(self, upto: int | None = None) -> dict[str, Any] | Exception:
        """The document of the first ``upto`` lines (all by default), or why it fails."""
        text = "\n".join(self.lines[:upto])
        self.budget -= len(text) + 1
        try:
            return tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError) as exc:
            return exc

    def start(self, failed_at: int | None) -> int | None:
        """The first line of what TOML stopped reading at line ``failed_at`` (None: the end).

        When an array or a string opened on an earlier line is still open there, that
        line is at fault (a ``]`` or quotes left out), not the good line TOML stopped at.
        It is the line after the last one before which the text reads as a document.
        None when the bound is spent first.
        """
        last = len(self.lines) - 1 if failed_at is None else failed_at - 1
        for before in range(last, -1, -1):
            if before == 0 or isinstance(self.parse(before), dict):
                return before + 1
            if self.budget <= 0:
                return None
        return None


def read_toml(text: str, source: str) -> tuple[dict[str, Any], str, list[str]]:
    """The document of ``text`` without its lines that are not valid TOML.

    One typo must not leave a bench unconfigured: a line TOML cannot read is left out
    (blanked: the others keep their numbers), named in a sentence, and the rest is read
    again. Returns the document, the text read and the sentences.
    """
    toml = _TomlLines(text)
    problems: list[str] = []
    dropped = 0
    while not isinstance(result := toml.parse(), dict):
        failed_at, reason = _toml_error(result)
        first = toml.start(failed_at)
        if first is None:
            problems.append(f"{source}: too many lines cannot be read; using safe defaults.")
            return {}, "", problems
        shown = _show(toml.lines[first - 1].strip())
        last = first
        if isinstance(result, RecursionError):
            what = f"{shown} is nested too deeply to be settings"
        elif first == failed_at:
            what = f"{shown} cannot be read ({reason})"
        elif failed_at is None:  # quotes never closed: the lines after them may be good
            what = f"{shown} opens a value that is still open at the end of the file"
        else:  # the lines of an array still open at the line TOML stopped at
            what = f"{shown} opens a value that is still open at line {failed_at}"
            last = failed_at - 1
        if dropped >= _MOST_LINES_DROPPED:
            last = len(toml.lines)
            what = f"not read, as {dropped} lines before them could not be"
        locks = any(_SETS_LOCKED.match(line) for line in toml.lines[first - 1 : last])
        where, ignored, it = (
            (f"line {first}", "that line is ignored", "it names")
            if first == last
            else (f"lines {first} to {last}", "those lines are ignored", "they name")
        )
        if locks:
            ignored += f", so the settings {it} are not locked"
        problems.append(f"{source}, {where}: {what}; {ignored}.")
        toml.lines[first - 1 : last] = [""] * (last - first + 1)
        dropped += last - first + 1
    return result, "\n".join(toml.lines), problems


def _toml_error(exc: Exception) -> tuple[int | None, str]:
    """The line a TOML error names (None: the end of the document) and what it says.

    Python 3.11's message ends with "(at line N, column M)"; ``lineno`` came in 3.14.
    """
    where = _TOML_WHERE.search(str(exc))
    if where is not None:
        return (int(where.group(1)) if where.group(1) else None), str(exc)[: where.start()]
    lineno = getattr(exc, "lineno", None)
    return (lineno if isinstance(lineno, int) else None), str(exc)
