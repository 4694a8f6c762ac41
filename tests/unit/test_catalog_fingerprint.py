"""A catalog file is imported again only when it changed (size, mtime, then SHA-256)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from packstation.packing.catalog import CatalogProblem, CatalogReason
from packstation.store.catalog import IMPORT_CHUNK
from packstation.store.station import StationStore

ROWS = IMPORT_CHUNK * 2 + 10


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StationStore]:
    station = StationStore(tmp_path / "station.sqlite3")
    yield station
    station.close()


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text(
        "sku,barcode,units\n" + "".join(f"SKU-{i},BC-{i:08d},1\n" for i in range(ROWS)), "utf-8"
    )
    return path


def _forbid_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self} was read although it did not change")

    monkeypatch.setattr(Path, "read_bytes", refuse)


def test_an_unchanged_file_is_not_read_again(
    store: StationStore, catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.catalog.import_if_changed(catalog, "it")
    assert first is not None
    assert (first.entries, first.problems) == (ROWS, [])
    with monkeypatch.context() as patch:
        _forbid_reading(patch)
        assert store.catalog.import_if_changed(catalog, "it") is None
    assert len(store.catalog.entries()) == ROWS


def test_the_fingerprint_survives_a_restart(tmp_path: Path, catalog: Path) -> None:
    store = StationStore(tmp_path / "station.sqlite3")
    assert store.catalog.import_if_changed(catalog, "it") is not None
    store.close()
    store = StationStore(tmp_path / "station.sqlite3")
    try:
        assert store.catalog.import_if_changed(catalog, "it") is None
    finally:
        store.close()


def test_a_touched_but_identical_file_is_hashed_not_imported(
    store: StationStore, catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert store.catalog.import_if_changed(catalog, "it") is not None
    stat = catalog.stat()
    os.utime(catalog, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert store.catalog.import_if_changed(catalog, "it") is None
    with monkeypatch.context() as patch:  # the new mtime was recorded
        _forbid_reading(patch)
        assert store.catalog.import_if_changed(catalog, "it") is None


def test_a_changed_file_is_imported_again(store: StationStore, catalog: Path) -> None:
    assert store.catalog.import_if_changed(catalog, "it") is not None
    with catalog.open("a", encoding="utf-8") as file:
        file.write("NEW-1,036000291452,3\nBAD,1,²\n")
    again = store.catalog.import_if_changed(catalog, "it")
    assert again is not None
    assert again.entries == ROWS + 1
    assert again.problems == [CatalogProblem(ROWS + 3, CatalogReason.BAD_UNITS)]
    assert any(e.sku == "NEW-1" and e.units == 3 for e in store.catalog.entries())


def test_progress_is_reported_and_reads_are_not_held_up_between_chunks(
    store: StationStore, catalog: Path
) -> None:
    seen: list[tuple[int, int]] = []
    read_between: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == IMPORT_CHUNK:
            # Another thread (the window, a scan) gets the database between chunks.
            reader = threading.Thread(
                target=lambda: read_between.append(len(store.catalog.entries()))
            )
            reader.start()
            reader.join(timeout=60)  # a reader the import shut out would never end
            assert not reader.is_alive()

    result = store.catalog.import_if_changed(catalog, "it", progress=progress)
    assert result is not None
    assert seen == [(0, ROWS), (IMPORT_CHUNK, ROWS), (2 * IMPORT_CHUNK, ROWS), (ROWS, ROWS)]
    assert read_between == [IMPORT_CHUNK]


def test_an_import_cut_short_runs_again(store: StationStore, catalog: Path) -> None:
    class Stop(Exception):
        pass

    def stop_after_first_chunk(done: int, total: int) -> None:
        if done == IMPORT_CHUNK:
            raise Stop

    with pytest.raises(Stop):
        store.catalog.import_if_changed(catalog, "it", progress=stop_after_first_chunk)
    again = store.catalog.import_if_changed(catalog, "it")
    assert again is not None
    assert again.entries == ROWS
