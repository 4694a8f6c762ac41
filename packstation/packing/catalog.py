"""The station's barcode catalog as the matcher sees it: barcode -> (SKU, units per scan)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from packstation.packing.barcodes import gtin14, parse_item_code
from packstation.packing.codes import sku_key
from packstation.packing.matcher import Match, SkuMatcher
from packstation.redo.models import LineItem


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    sku: str
    barcode: str
    units: int = 1


def barcode_key(barcode: str) -> str:
    """How catalog barcodes are compared: a GTIN as GTIN-14, anything else case-folded."""
    return gtin14(barcode) or barcode.strip().casefold()


def read_catalog_csv(text: str) -> tuple[list[CatalogEntry], list[str]]:
    """Entries from ``sku,barcode[,units]`` CSV (a header row is optional) and the problems."""
    entries: list[CatalogEntry] = []
    problems: list[str] = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and cells[0].lower() == "sku":
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            problems.append(f"line {number}: needs a SKU and a barcode")
            continue
        units = 1
        if len(cells) > 2 and cells[2]:
            if not cells[2].isdigit() or not 1 <= int(cells[2]) <= 1000:
                problems.append(f"line {number}: units per scan must be 1 to 1000")
                continue
            units = int(cells[2])
        entries.append(CatalogEntry(cells[0], cells[1], units))
    return entries, problems


class CatalogMatcher(SkuMatcher):
    """SKU first; then the product code (any GTIN form, GS1) or a taught barcode via the catalog."""

    def __init__(self, entries: Iterable[CatalogEntry] = ()) -> None:
        super().__init__()
        self._by_barcode: dict[str, CatalogEntry] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: CatalogEntry) -> None:
        self._by_barcode[barcode_key(entry.barcode)] = entry

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
