"""A large station catalog: what an order load costs with it, beside the old way, same run.

    uv run python -m benchmarks catalog [--rows 1000000]

Imports a catalog of ``rows`` rows (27 bytes a row, as IT's files are) into a fresh
station database, then measures what opening an order of 3 SKUs costs in catalog work:

- now: ``CatalogStore.entries_for(skus)`` and a ``CatalogMatcher`` of what it returns;
- baseline (the way before, measured in the same run on the same database): every row
  (``entries()``) and a matcher of all of them, which every order load used to build.

Time is the median of the runs; memory is the peak of Python's own allocations
(tracemalloc) during one order load. Benchmarks are not tests: nothing fails on a figure.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from packstation.store.station import StationStore

SKUS = ["SKU-0000007", "SKU-0500000", "SKU-0999999"]


def upc(n: int) -> str:
    """A valid UPC-A (GTIN-12) for ``n``: 11 digits and its GS1 check digit."""
    body = f"2{n:010d}"
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def write_catalog(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("sku,barcode\n")
        for n in range(rows):
            out.write(f"SKU-{n:07d},{upc(n)}\n")


def measure(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median seconds, peak MiB of Python allocations in one run)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv = folder / "catalog.csv"
        write_catalog(csv, args.rows)
        store = StationStore(folder / "station.sqlite3")
        try:
            started = time.perf_counter()
            result = store.catalog.import_file(csv, "it")
            imported = time.perf_counter() - started
            assert result.entries == args.rows, result.problems[:3]
            size = (folder / "station.sqlite3").stat().st_size / 2**20

            def now() -> CatalogMatcher:
                return CatalogMatcher(store.catalog.entries_for(SKUS))

            def before() -> CatalogMatcher:
                return CatalogMatcher(store.catalog.entries())

            found = now().lookup(upc(7))
            assert found == CatalogEntry("SKU-0000007", upc(7)), found
            new_time, new_peak = measure(now, args.runs)
            old_time, old_peak = measure(before, max(1, args.runs // 2))
        finally:
            store.close()
    print(
        f"catalog: {args.rows:,} rows ({csv.stat().st_size / 2**20 if csv.exists() else 0:.0f} MB file)"
    )
    print(f"import: {imported:.1f} s, database {size:.0f} MiB")
    print()
    print("| an order load's catalog work | now | before (same run) | ratio |")
    print("|---|---|---|---|")
    print(
        f"| time (median of {args.runs}) | {new_time * 1000:.2f} ms | {old_time * 1000:.0f} ms "
        f"| {old_time / new_time:,.0f}x |"
    )
    print(
        f"| peak Python memory | {new_peak:.2f} MiB | {old_peak:.0f} MiB "
        f"| {old_peak / max(new_peak, 0.01):,.0f}x |"
    )


if __name__ == "__main__":
    main()
