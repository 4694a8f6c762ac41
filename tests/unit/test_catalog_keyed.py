"""An order's codes are keyed where they are read (a worker), not on the GUI thread."""

from __future__ import annotations

from pathlib import Path

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


def test_a_thousand_skus_without_a_upc_are_remembered_at_once(tmp_path: Path) -> None:
    from packstation.store.station import StationStore

    store = StationStore(tmp_path / "station.sqlite3")
    try:
        skus = [f"PRT-{n:04d}" for n in range(1000)]
        assert len(store.catalog.skus_needing_upc(skus)) == 1000
        statements: list[str] = []
        store.catalog._conn.set_trace_callback(statements.append)
        store.catalog.remember_upcs((sku, None) for sku in skus)
        store.catalog._conn.set_trace_callback(None)
        assert sum(1 for s in statements if s.strip().upper() == "COMMIT") == 1
        assert store.catalog.skus_needing_upc(skus) == []
    finally:
        store.close()
