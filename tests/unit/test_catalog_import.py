"""Catalog CSV import: a bad row is refused with a reason; the rest is imported."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from packstation.packing.catalog import (
    CatalogEntry,
    CatalogProblem,
    CatalogReason,
    read_catalog_bytes,
    read_catalog_csv,
)
from packstation.store.station import StationStore
from packstation.ui.words.bench import catalog_problem

GOOD = "TEE-1,036000291452,2"


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("SOCK-1,10036000291459,²", "units per scan must be 1 to 1000"),
        ("SOCK-1,10036000291459,٣", "units per scan must be 1 to 1000"),
        ("SOCK-1,10036000291459,-3", "units per scan must be 1 to 1000"),
        ("SOCK-1," + "9" * 200_000, "longer than"),
        ('SOCK-1,"' + "9" * 200_000 + '"', "longer than"),
        ("SOCK-1,100\r36000291459", "carriage return"),
        ("SOCK-1\r10036000291459", "carriage return"),
        ('SOCK-1,"10036000291459', "cannot be read as CSV"),
        ("SOCK-1,1003600\x00291459", "characters a scanner never sends"),
        ("SOCK-\x1b1,10036000291459", "characters a scanner never sends"),
    ],
)
def test_a_bad_row_is_refused_with_a_reason_and_the_others_are_kept(bad: str, reason: str) -> None:
    entries, problems = read_catalog_csv(f"sku,barcode,units\n{GOOD}\n{bad}\nCAP-9,012345678905\n")
    assert entries == [
        CatalogEntry("TEE-1", "036000291452", 2),
        CatalogEntry("CAP-9", "012345678905", 1),
    ]
    (problem,) = problems
    assert problem.line == 3
    said = catalog_problem(problem)
    assert said.startswith("line 3 ")
    assert reason in said
    assert len(said) < 200


def test_crlf_line_ends_are_fine() -> None:
    entries, problems = read_catalog_csv(f"sku,barcode\r\n{GOOD}\r\nCAP-9,012345678905\r\n")
    assert problems == []
    assert [e.sku for e in entries] == ["TEE-1", "CAP-9"]


def test_bytes_that_are_not_utf8_spoil_only_their_row() -> None:
    data = b"\xef\xbb\xbfsku,barcode\n" + GOOD.encode() + b"\nBAD,12\xff34\nCAP-9,012345678905\n"
    entries, problems = read_catalog_bytes(data)
    assert [e.sku for e in entries] == ["TEE-1", "CAP-9"]
    assert problems == [CatalogProblem(3, CatalogReason.NOT_UTF8)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StationStore]:
    station = StationStore(tmp_path / "station.sqlite3")
    yield station
    station.close()


def test_a_hostile_catalog_file_does_not_stop_the_import(
    store: StationStore, tmp_path: Path
) -> None:
    path = tmp_path / "catalog.csv"
    path.write_bytes(
        b"sku,barcode,units\n"
        + GOOD.encode()
        + b"\nA,1,\xc2\xb2\nB,"
        + b"7" * 300_000
        + b"\nC,1\r2\nD,\xff\n"
    )
    count, problems = store.catalog.import_file(path, "csv")
    assert count == 1
    assert len(problems) == 4
    assert [e.sku for e in store.catalog.entries()] == ["TEE-1"]
