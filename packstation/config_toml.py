"""Reading IT's machine config when a line of it is not TOML: that line is left out; and
:class:`ConfigProblem`, what is wrong in any settings source, as a kind and its facts.

One typo must not leave a bench unconfigured. A line TOML cannot read is blanked (the
others keep their numbers), named in a problem with the file and the line, and the rest
is read again, within a bound of lines dropped and of characters parsed.

No sentence is made here: the window words each problem (``ui/words/startup.py``);
``str()`` of a problem is a technical line for the log that starts with the file and line.
"""

from __future__ import annotations

import re
import reprlib
import tomllib
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from packstation.redo.urls import UrlRefusal
    from packstation.warehouse.address import AddressProblem

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


class ConfigProblemKind(StrEnum):
    """What is wrong in a settings source; the facts each kind uses are named beside it."""

    #: ``key`` = ``value`` is not valid: ``reason`` (the validator's words) or ``refusal``
    #: (an API address) or ``printer`` or ``warehouse`` (and its ``host``); ``default`` is
    #: used instead.
    INVALID_VALUE = "invalid_value"
    #: The file cannot be read at all: ``reason`` (the system's or parser's words).
    FILE_UNREADABLE = "file_unreadable"
    #: The file (JSON) is nested too deeply to be settings.
    FILE_TOO_DEEP = "file_too_deep"
    #: The file (JSON) is not an object of settings.
    NOT_AN_OBJECT = "not_an_object"
    #: ``locked`` = ``value`` is not a list of names; ``count`` names in it are locked.
    LOCKED_NOT_A_LIST = "locked_not_a_list"
    #: Lines ``line``..``last_line`` (``value``: the first) are not TOML: ``reason``.
    LINE_UNREADABLE = "line_unreadable"
    #: The value on ``line`` is nested too deeply to be settings.
    LINE_TOO_DEEP = "line_too_deep"
    #: ``line`` opens a value that is still open at the end of the file.
    OPEN_AT_END = "open_at_end"
    #: ``line`` opens a value that is still open at line ``until``.
    OPEN_UNTIL = "open_until"
    #: Lines ``line``..``last_line`` are not read: ``count`` lines before could not be.
    LINES_NOT_READ = "lines_not_read"
    #: So many lines cannot be read that the whole file is left out.
    TOO_MANY_BROKEN_LINES = "too_many_broken_lines"
    #: ``key`` = ``value`` from the environment or the command line is refused: IT
    #: locked that key in ``locked_in`` (the machine file); ``default`` stays in force.
    LOCKED_KEY = "locked_key"


class PrinterProblem(StrEnum):
    """Why a ``printer`` setting is refused."""

    CONTROL_CHARACTERS = "control_characters"
    PDF_WITHOUT_FOLDER = "pdf_without_folder"


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """A :class:`ConfigProblemKind` and its facts.

    ``source`` is the file's path, or for the log a name ("the environment"). ``line`` is 0
    when the line is not known; ``last_line`` equals ``line`` for one line. For lines
    that are left out, ``unlocks`` says they set ``locked`` (so nothing they name is).
    """

    kind: ConfigProblemKind
    source: str
    line: int = 0
    last_line: int = 0
    key: str = ""
    #: A bounded repr of the value (or of the line) as written.
    value: str = ""
    reason: str = ""
    #: A repr of the default used instead.
    default: str = ""
    until: int = 0
    count: int = 0
    unlocks: bool = False
    refusal: UrlRefusal | None = None
    printer: PrinterProblem | None = None
    #: Why a ``warehouse_url`` is refused, and the host the refusal is about.
    warehouse: AddressProblem | None = None
    host: str = ""
    #: The machine file that locks ``key`` (``LOCKED_KEY``).
    locked_in: str = ""

    def __str__(self) -> str:
        where = self.source
        if self.line and self.last_line > self.line:
            where += f", lines {self.line} to {self.last_line}"
        elif self.line:
            where += f", line {self.line}"
        skip = {"kind", "source", "line", "last_line"}
        facts = [
            f"{f.name}={getattr(self, f.name)!r}"
            for f in fields(self)
            if f.name not in skip and getattr(self, f.name) not in (None, "", 0, False)
        ]
        return f"{where}: {self.kind.value}" + (f" ({', '.join(facts)})" if facts else "")


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


def read_toml(text: str, source: str) -> tuple[dict[str, Any], str, list[ConfigProblem]]:
    """The document of ``text`` without its lines that are not valid TOML.

    One typo must not leave a bench unconfigured: a line TOML cannot read is left out
    (blanked: the others keep their numbers), named in a problem, and the rest is read
    again. Returns the document, the text read and the problems.
    """
    toml = _TomlLines(text)
    problems: list[ConfigProblem] = []
    dropped = 0
    while not isinstance(result := toml.parse(), dict):
        failed_at, reason = _toml_error(result)
        first = toml.start(failed_at)
        if first is None:
            problems.append(ConfigProblem(ConfigProblemKind.TOO_MANY_BROKEN_LINES, source))
            return {}, "", problems
        shown = _show(toml.lines[first - 1].strip())
        last, until, kind = first, 0, ConfigProblemKind.LINE_UNREADABLE
        if isinstance(result, RecursionError):
            kind, reason = ConfigProblemKind.LINE_TOO_DEEP, ""
        elif first == failed_at:
            pass
        elif failed_at is None:  # quotes never closed: the lines after them may be good
            kind, reason = ConfigProblemKind.OPEN_AT_END, ""
        else:  # the lines of an array still open at the line TOML stopped at
            kind, reason, until = ConfigProblemKind.OPEN_UNTIL, "", failed_at
            last = failed_at - 1
        count = 0
        if dropped >= _MOST_LINES_DROPPED:
            last, count, reason, until = len(toml.lines), dropped, "", 0
            kind = ConfigProblemKind.LINES_NOT_READ
        locks = any(_SETS_LOCKED.match(line) for line in toml.lines[first - 1 : last])
        problems.append(
            ConfigProblem(
                kind,
                source,
                line=first,
                last_line=last,
                value=shown,
                reason=reason,
                until=until,
                count=count,
                unlocks=locks,
            )
        )
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
