"""An order's codes are keyed where they are read (a worker), not on the GUI thread."""

from __future__ import annotations

import pytest

from packstation.packing import catalog
from packstation.packing.catalog import CatalogEntry, CatalogMatcher, KeyedEntries

ENTRIES = [CatalogEntry("TEE-1", "0036000291452"), CatalogEntry("MUG-2", "Shelf-Tag-7")]


def test_a_matcher_from_keyed_entries_finds_what_one_from_a_list_finds() -> None:
    from_list, from_keyed = CatalogMatcher(ENTRIES), CatalogMatcher(KeyedEntries(ENTRIES))
    for code in ("036000291452", "00036000291452", "shelf-tag-7", "SHELF-TAG-7", "nothing"):
        assert from_keyed.lookup(code) == from_list.lookup(code), code
    assert from_keyed.lookup("036000291452") == ENTRIES[0]


def test_keyed_entries_cost_the_matcher_no_barcode_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keyed = KeyedEntries(ENTRIES)

    def parsed(barcode: str) -> str:
        raise AssertionError(f"{barcode} parsed again where the matcher was built")

    monkeypatch.setattr(catalog, "barcode_key", parsed)
    matcher = CatalogMatcher(keyed)
    matcher.replace(keyed)
    matcher.add_all(KeyedEntries())
    assert len(matcher) == 2
    assert keyed == ENTRIES  # still the list every caller reads
