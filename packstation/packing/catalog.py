"""The station's barcode catalog as the matcher sees it: barcode -> (SKU, units per scan)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from packstation.packing.barcodes import gtin14, parse_item_code
from packstation.packing.codes import MAX_CODE_LENGTH, clean_code, sku_key
from packstation.packing.matcher import Match, SkuMatcher
from packstation.redo.models import LineItem


class CatalogReason(StrEnum):
    """Why a line of a catalog file was left out (said in words by ``ui/words``)."""

    NOT_UTF8 = "not-utf8"
    CARRIAGE_RETURN = "carriage-return"
    TOO_LONG = "too-long"
    NOT_CSV = "not-csv"
    NO_SKU_OR_BARCODE = "no-sku-or-barcode"
    FIELD_TOO_LONG = "field-too-long"
    CONTROL_CHARACTERS = "control-characters"
    BAD_UNITS = "bad-units"
    #: The same barcode again for the same SKU (one GTIN as 13 and 14 digits): kept once.
    REPEATED = "repeated"
    #: The same barcode for two SKUs (``other_line`` names the other): neither is kept,
    #: rather than the last one winning.
    CONFLICT = "conflict"
    #: A carrier's tracking number: a label must never become an item.
    TRACKING_NUMBER = "tracking-number"
    #: Taught at this station as ``sku``: the taught code stays (Taught barcodes).
    TAUGHT_HERE = "taught-here"
    #: In another catalog file as ``sku``: that file's row stays.
    OTHER_FILE = "other-file"


@dataclass(frozen=True, slots=True)
class CatalogProblem:
    """A line of a catalog file that was left out: its number, why, and the bound broken
    (``limit``), the other line it clashes with, or the SKU the code already packs."""

    line: int
    reason: CatalogReason
    limit: int = 0
    other_line: int = 0
    sku: str = ""

    def __str__(self) -> str:  # for the log only
        return f"line {self.line}: {self.reason.value}"


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    sku: str
    barcode: str
    units: int = 1
    #: The line of the file it was read from (0: not from a file); not part of its meaning.
    line: int = field(default=0, compare=False)


def barcode_key(barcode: str) -> str:
    """How catalog barcodes are compared: a GTIN as GTIN-14, anything else case-folded."""
    return gtin14(barcode) or barcode.strip().casefold()


#: No SKU or barcode is longer: a scan is cut at 512 characters (``codes.clean_code``).
MAX_FIELD = MAX_CODE_LENGTH
#: A longer line is refused before the csv module sees it (its own limit is 128 KiB).
MAX_LINE = 4 * MAX_FIELD
_UNITS = re.compile(r"[0-9]{1,4}")  # ASCII digits only: int() also takes "²" and "٣"
_NOT_UTF8 = re.compile("[\udc80-\udcff]")  # bytes that did not decode (surrogateescape)
#: A whole line of CSV fields: each quoted (its quotes doubled inside) or free of quotes.
#: The csv module takes a quote inside an unquoted field as a letter, so the second half
#: of a quoted field broken over two lines (``B",123``) would read as the SKU ``B"``.
_FIELD = r'(?:"(?:[^"]|"")*"|[^",]*)'
_CSV_LINE = re.compile(rf"{_FIELD}(?:,{_FIELD})*")


def read_catalog_bytes(data: bytes) -> tuple[list[CatalogEntry], list[CatalogProblem]]:
    """Entries from a catalog file's bytes; a line that is not UTF-8 is refused alone."""
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "surrogateescape")
    return read_catalog_csv(text)


def read_catalog_csv(text: str) -> tuple[list[CatalogEntry], list[CatalogProblem]]:
    """Entries from ``sku,barcode[,units]`` CSV (a header row is optional) and the problems.

    Read line by line (LF or CR LF): a line that cannot be used (a CR inside it, longer
    than :data:`MAX_LINE`, bad quoting (a quote left open, so a quoted line break too, or
    a quote inside an unquoted field), characters a scanner never sends, units that
    are not 1 to 1000 in ASCII digits) is refused with its number and a reason, and
    the rest is read. Never raises for any text.
    """
    entries: list[CatalogEntry] = []
    problems: list[CatalogProblem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        result = _read_line(number, line.removesuffix("\r"))
        if isinstance(result, CatalogEntry):
            entries.append(result)
        elif result is not None:
            problems.append(result)
    return entries, problems


def _read_line(number: int, line: str) -> CatalogEntry | CatalogProblem | None:
    """The entry on one line, why it is refused, or None (blank, comment, header)."""

    def refused(reason: CatalogReason, limit: int = 0) -> CatalogProblem:
        return CatalogProblem(number, reason, limit)

    if not line.strip():
        return None
    if _NOT_UTF8.search(line):
        return refused(CatalogReason.NOT_UTF8)
    if "\r" in line:
        return refused(CatalogReason.CARRIAGE_RETURN)
    if len(line) > MAX_LINE:
        return refused(CatalogReason.TOO_LONG, MAX_LINE)
    if not _CSV_LINE.fullmatch(line):
        return refused(CatalogReason.NOT_CSV)  # a quote left open or stray: never half-read
    try:
        row = next(csv.reader([line], strict=True))
    except csv.Error:
        return refused(CatalogReason.NOT_CSV)
    cells = [c.strip() for c in row]
    if not cells or cells[0].startswith("#"):
        return None
    if number == 1 and cells[0].lower() == "sku":
        return None
    if len(cells) < 2 or not cells[0] or not cells[1]:
        return refused(CatalogReason.NO_SKU_OR_BARCODE)
    sku, barcode = cells[0], cells[1]
    if len(sku) > MAX_FIELD or len(barcode) > MAX_FIELD:
        return refused(CatalogReason.FIELD_TOO_LONG, MAX_FIELD)
    if clean_code(sku) != sku or clean_code(barcode) != barcode:
        return refused(CatalogReason.CONTROL_CHARACTERS)
    units = 1
    if len(cells) > 2 and cells[2]:
        if not _UNITS.fullmatch(cells[2]) or not 1 <= int(cells[2]) <= 1000:
            return refused(CatalogReason.BAD_UNITS)
        units = int(cells[2])
    return CatalogEntry(sku, barcode, units, number)


class KeyedEntries(list[CatalogEntry]):
    """Catalog entries with each one's :func:`barcode_key` worked out where they were read.

    Keying an entry parses its barcode as a GTIN (about 10 us): built on a worker, an
    order's codes cost the GUI thread a dictionary copy, not 10 ms for 1,000 lines.
    """

    def __init__(self, entries: Iterable[CatalogEntry] = ()) -> None:
        super().__init__(entries)
        self.by_key = {barcode_key(e.barcode): e for e in self}


def _keyed(entries: Iterable[CatalogEntry]) -> dict[str, CatalogEntry]:
    if isinstance(entries, KeyedEntries):
        return dict(entries.by_key)
    return {barcode_key(e.barcode): e for e in entries}


class CatalogMatcher(SkuMatcher):
    """SKU first; then the product code (any GTIN form, GS1) or a taught barcode via the catalog."""

    def __init__(self, entries: Iterable[CatalogEntry] = ()) -> None:
        super().__init__()
        self._by_barcode: dict[str, CatalogEntry] = _keyed(entries)

    def add(self, entry: CatalogEntry) -> None:
        self._by_barcode[barcode_key(entry.barcode)] = entry

    def add_all(self, entries: Iterable[CatalogEntry]) -> None:
        self._by_barcode.update(_keyed(entries))

    def replace(self, entries: Iterable[CatalogEntry]) -> None:
        """The station's catalog as it is now: codes gone from it stop packing."""
        self._by_barcode = _keyed(entries)

    def __len__(self) -> int:
        return len(self._by_barcode)

    def lookup(self, code: str) -> CatalogEntry | None:
        item = parse_item_code(code)
        if item.gtin14 and item.gtin14 in self._by_barcode:
            return self._by_barcode[item.gtin14]
        return self._by_barcode.get(code.strip().casefold())

    def match(self, code: str, lines: Sequence[LineItem]) -> Match | None:
        direct = super().match(code, lines)
        if direct is not None:
            return direct
        entry = self.lookup(code)
        if entry is None:
            return None
        hits = self._index_for(lines).get(sku_key(entry.sku))
        return Match(hits, units=entry.units) if hits else None
