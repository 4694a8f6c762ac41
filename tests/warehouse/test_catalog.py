"""One catalog: taught codes and imports, versioned, tombstones for what is gone, and
versions that become visible in order even when benches write at once."""

from __future__ import annotations

import threading

from packstation.packing.catalog import CatalogEntry
from packstation.warehouse import catalog
from tests.helpers.warehouse import Warehouse


def test_a_taught_code_is_read_by_any_bench_after_the_version_it_knows(
    warehouse: Warehouse,
) -> None:
    with warehouse.connect() as conn:
        v1 = catalog.teach(conn, CatalogEntry("BTL-STL-750", "2000000123457"), "Sam", "Bench 3")
        changes = catalog.changes_since(conn, 0)
        assert [(c.barcode, c.sku, c.taught_by, c.bench, c.deleted) for c in changes] == [
            ("2000000123457", "BTL-STL-750", "Sam", "Bench 3", False)
        ]
        assert catalog.changes_since(conn, v1) == []
        # Taught again to another SKU: one row, a newer version.
        v2 = catalog.teach(conn, CatalogEntry("MUG-ENM-WHT", "2000000123457"), "Ana", "Bench 4")
        assert v2 > v1
        assert [c.sku for c in catalog.changes_since(conn, v1)] == ["MUG-ENM-WHT"]


def test_a_forgotten_code_is_a_tombstone_every_bench_reads(warehouse: Warehouse) -> None:
    with warehouse.connect() as conn:
        v1 = catalog.teach(conn, CatalogEntry("BTL-STL-750", "012345678905"), "Sam", "Bench 3")
        assert catalog.forget(conn, "0012345678905", "Lea", "Bench 1")  # any GTIN form
        assert not catalog.forget(conn, "012345678905", "Lea", "Bench 1")
        (gone,) = catalog.changes_since(conn, v1)
        assert gone.deleted and gone.taught_by == "Lea"


def test_an_import_makes_its_source_equal_to_the_file_and_leaves_taught_codes(
    warehouse: Warehouse,
) -> None:
    with warehouse.connect() as conn:
        catalog.teach(conn, CatalogEntry("SOCK-HIK-GRY-M", "TAUGHT-1"), "Sam", "Bench 3")
        rows = [CatalogEntry("TEE-MER-BLK-M", "0012345678905"), CatalogEntry("BNE", "B-1", 2)]
        assert catalog.import_rows(conn, "catalog.csv", rows, "Bench 1") == (2, 0)
        after_first = max(c.version for c in catalog.changes_since(conn, 0))
        # The same file again changes nothing; a row gone from it is withdrawn.
        assert catalog.import_rows(conn, "catalog.csv", rows, "Bench 1") == (0, 0)
        assert catalog.import_rows(conn, "catalog.csv", rows[:1], "Bench 2") == (0, 1)
        changed = catalog.changes_since(conn, after_first)
        assert [(c.barcode, c.deleted) for c in changed] == [("B-1", True)]
        # A file that names a taught code does not overwrite it.
        catalog.import_rows(conn, "catalog.csv", [CatalogEntry("OTHER", "TAUGHT-1")], "Bench 2")
        rows_now = {c.barcode: c for c in catalog.changes_since(conn, 0)}
        assert rows_now["TAUGHT-1"].sku == "SOCK-HIK-GRY-M"


def test_versions_become_visible_in_the_order_they_were_given(warehouse: Warehouse) -> None:
    """Eight benches teach at once while a reader follows: it never skips a row."""
    seen: dict[str, int] = {}
    done = threading.Event()

    def reader() -> None:
        with warehouse.connect() as conn:
            last = 0
            while True:
                finished = done.is_set()
                for change in catalog.changes_since(conn, last):
                    seen[change.barcode] = change.version
                    last = change.version
                if finished:
                    return

    def bench(n: int) -> None:
        with warehouse.connect() as conn:
            for i in range(25):
                catalog.teach(conn, CatalogEntry(f"SKU-{n}", f"B-{n}-{i}"), "P", f"Bench {n}")

    follower = threading.Thread(target=reader)
    follower.start()
    writers = [threading.Thread(target=bench, args=(n,)) for n in range(8)]
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    done.set()
    follower.join()
    assert len(seen) == 200
