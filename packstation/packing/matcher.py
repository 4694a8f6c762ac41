"""The seam between a scanned code and the order's lines.

A matcher says which lines a code stands for and how many units one scan counts.
The session asks it and applies the packing rules; richer matchers (GTIN, GS1,
a local catalog) plug in here without touching the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from packstation.packing.codes import sku_key
from packstation.redo.models import LineItem


@dataclass(frozen=True, slots=True)
class Match:
    line_indexes: tuple[int, ...]
    units: int = 1


class Matcher(Protocol):
    def match(self, code: str, lines: Sequence[LineItem]) -> Match | None:
        """The lines ``code`` stands for, in order of preference, or None."""


class SkuMatcher:
    """Matches by SKU, trimmed and case-insensitive."""

    def __init__(self) -> None:
        self._lines: Sequence[LineItem] | None = None
        self._index: dict[str, tuple[int, ...]] = {}

    def match(self, code: str, lines: Sequence[LineItem]) -> Match | None:
        key = sku_key(code)
        if not key:
            return None
        hits = self._index_for(lines).get(key)
        return Match(hits) if hits else None

    def _index_for(self, lines: Sequence[LineItem]) -> dict[str, tuple[int, ...]]:
        """SKU -> line indexes, built once per order (a scan must not walk 150 lines)."""
        if lines is not self._lines:
            index: dict[str, list[int]] = {}
            for i, line in enumerate(lines):
                if line.sku and sku_key(line.sku):
                    index.setdefault(sku_key(line.sku), []).append(i)
            self._index = {k: tuple(v) for k, v in index.items()}
            self._lines = lines
        return self._index
