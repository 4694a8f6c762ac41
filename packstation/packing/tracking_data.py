"""The vendored tracking_number_data set, read once into compiled formats.

``resources/tracking_number_data/`` holds the data as its project publishes it
(``couriers/*.json``, ``LICENSE``, ``SOURCE.md``) plus a ``VERSION`` file. Its regexes
are written for Ruby and Onigmo, whose ``(?<Name>...)`` groups Python spells
``(?P<Name>...)``; nothing else in them needs translating. A format the module cannot
read faithfully (a new check-digit algorithm, a regex Python rejects) makes loading
fail, so that a data update is caught by the tests rather than at a bench.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from packstation.packing.checksums import Validator, validator
from packstation.resources import resource_path

_NAMED_GROUP = re.compile(r"\(\?<(?=[A-Za-z_])")


@dataclass(frozen=True, slots=True)
class Lookup:
    """One of a format's ``additional`` tables: a named group's value to a row."""

    name: str
    group: str
    exact: Mapping[str, Mapping[str, Any]]
    patterns: tuple[tuple[re.Pattern[str], Mapping[str, Any]], ...]

    def find(self, match: re.Match[str]) -> Mapping[str, Any] | None:
        value = group_text(match, self.group)
        if not value:
            return None
        row = self.exact.get(value)
        if row is not None:
            return row
        return next((row for pattern, row in self.patterns if pattern.fullmatch(value)), None)


@dataclass(frozen=True, slots=True)
class Format:
    """One tracking-number format of one courier, ready to test a whole scan."""

    courier: str
    id: str
    name: str
    pattern: re.Pattern[str]
    check: Validator | None
    prepend: tuple[re.Pattern[str], str] | None
    lookups: tuple[Lookup, ...]
    required: frozenset[str]

    def fit(self, code: str) -> re.Match[str] | None:
        """The match when the whole code has this format and passes its checks."""
        match = self.pattern.fullmatch(code)
        if match is None:
            return None
        if self.check is not None:
            serial = group_text(match, "SerialNumber")
            if self.prepend is not None and self.prepend[0].search(serial):
                serial = self.prepend[1] + serial
            if not self.check(serial, group_text(match, "CheckDigit")):
                return None
        for lookup in self.lookups:
            if lookup.name in self.required and lookup.find(match) is None:
                return None
        return match

    def lookup(self, name: str, match: re.Match[str]) -> Mapping[str, Any] | None:
        table = next((t for t in self.lookups if t.name == name), None)
        return table.find(match) if table is not None else None


@dataclass(frozen=True, slots=True)
class DataSet:
    version: str
    #: courier code (``"ups"``) to the courier's name in the data (``"UPS"``)
    couriers: Mapping[str, str]
    formats: tuple[Format, ...]


def group_text(match: re.Match[str], name: str) -> str:
    """A named group's text without spaces; "" when the pattern has no such group or it did not take part."""
    if name not in match.re.groupindex:
        return ""
    value = match.group(name)
    return "".join(value.split()) if value else ""


def python_regex(source: str | list[str]) -> re.Pattern[str]:
    """Compile one of the data's regexes (a string, or a list of parts to join)."""
    text = "".join(source) if isinstance(source, list) else source
    # ASCII: \d, \s and \b must not take other scripts' digits and spaces for the
    # ASCII ones the data means.
    return re.compile(_NAMED_GROUP.sub("(?P<", text), re.ASCII)


def _lookups(entries: object) -> tuple[Lookup, ...]:
    tables: list[Lookup] = []
    for entry in entries if isinstance(entries, list) else []:
        exact: dict[str, Mapping[str, Any]] = {}
        patterns: list[tuple[re.Pattern[str], Mapping[str, Any]]] = []
        for row in entry.get("lookup", []):
            if "matches" in row:
                exact.setdefault(str(row["matches"]), row)
            elif "matches_regex" in row:
                patterns.append((python_regex(row["matches_regex"]), row))
        tables.append(Lookup(entry["name"], entry["regex_group_name"], exact, tuple(patterns)))
    return tuple(tables)


def _format(courier: str, spec: Mapping[str, Any]) -> Format:
    validation = spec.get("validation") or {}
    checksum = validation.get("checksum")
    check = validator(checksum) if checksum else None
    if checksum and check is None:
        raise ValueError(f"{spec['name']}: unknown check-digit algorithm {checksum.get('name')!r}")
    prepend_if = (validation.get("serial_number_format") or {}).get("prepend_if")
    prepend = (
        (python_regex(prepend_if["matches_regex"]), str(prepend_if["content"]))
        if prepend_if
        else None
    )
    required = (validation.get("additional") or {}).get("exists") or []
    lookups = _lookups(spec.get("additional"))
    missing = set(required) - {t.name for t in lookups}
    if missing:
        raise ValueError(f"{spec['name']}: requires tables it does not have: {sorted(missing)}")
    return Format(
        courier=courier,
        id=str(spec.get("id") or spec["name"]),
        name=str(spec["name"]),
        pattern=python_regex(spec["regex"]),
        check=check,
        prepend=prepend,
        lookups=lookups,
        required=frozenset(required),
    )


def load(directory: Path) -> DataSet:
    """Read and compile every courier file of a data set folder (a few milliseconds)."""
    couriers: dict[str, str] = {}
    formats: list[Format] = []
    for path in sorted((directory / "couriers").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        code = str(data["courier_code"])
        couriers[code] = str(data["name"])
        formats.extend(_format(code, spec) for spec in data["tracking_numbers"])
    version = (directory / "VERSION").read_text("utf-8").strip()
    return DataSet(version, couriers, tuple(formats))


@cache
def data_set() -> DataSet:
    """The vendored data set, loaded at the first call (``tracking.warm_up`` makes that early)."""
    return load(resource_path("tracking_number_data"))
