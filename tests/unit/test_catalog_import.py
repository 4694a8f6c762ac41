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
from packstation.store.catalog import MAX_CATALOG_BYTES, CatalogImport, CatalogTooLarge
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


def test_a_quoted_line_break_is_refused_on_both_lines_never_half_read() -> None:
    entries, problems = read_catalog_csv(f'{GOOD}\n"A\nB",036000291452\nCAP-9,012345678905\n')
    assert [e.sku for e in entries] == ["TEE-1", "CAP-9"]  # never a SKU of 'B"'
    assert [(p.line, p.reason) for p in problems] == [
        (2, CatalogReason.NOT_CSV),
        (3, CatalogReason.NOT_CSV),
    ]


@pytest.mark.parametrize("bad", ['B",036000291452', 'SO"CK,036000291452', 'SOCK,"03"6'])
def test_a_stray_quote_is_refused(bad: str) -> None:
    entries, problems = read_catalog_csv(f"{bad}\n")
    assert entries == []
    assert [(p.line, p.reason) for p in problems] == [(1, CatalogReason.NOT_CSV)]


def test_quoted_fields_still_read() -> None:
    entries, problems = read_catalog_csv('"A,1","0360""0",2\n"",x\n')
    assert problems == [CatalogProblem(2, CatalogReason.NO_SKU_OR_BARCODE)]
    assert entries == [CatalogEntry("A,1", '0360"0', 2)]


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
    result = store.catalog.import_file(path, "csv")
    assert result.entries == 1
    assert len(result.problems) == 4
    assert [e.sku for e in store.catalog.entries()] == ["TEE-1"]


# ---------------------------------------------------------------- what an import replaces


def _import(store: StationStore, path: Path, text: str) -> CatalogImport:
    path.write_text(text, "utf-8")
    return store.catalog.import_file(path, "it")


def test_a_line_removed_from_the_file_stops_packing_at_the_next_import(
    store: StationStore, tmp_path: Path
) -> None:
    """IT deleted the line that made a code pack a T-shirt: after the next import it is gone."""
    path = tmp_path / "catalog.csv"
    _import(store, path, "sku,barcode\nTEE-1,036000291452\nCAP-9,012345678905\n")
    assert store.catalog.lookup("036000291452") is not None
    _import(store, path, "sku,barcode\nCAP-9,012345678905\n")
    assert store.catalog.lookup("036000291452") is None
    assert store.catalog.lookup("012345678905") == CatalogEntry("CAP-9", "012345678905")


def test_an_import_keeps_taught_codes_and_other_files_apart(
    store: StationStore, tmp_path: Path
) -> None:
    store.catalog.teach("MUG-1", "4006381333931", "Sam")
    other = tmp_path / "other.csv"
    other.write_text("sku,barcode\nCAP-9,012345678905\n", "utf-8")
    store.catalog.import_file(other, "csv")
    result = _import(
        store, tmp_path / "it.csv", "sku,barcode\nTEE-1,4006381333931\nTEE-2,012345678905\n"
    )
    assert [(p.line, p.reason, p.sku) for p in result.problems] == [
        (2, CatalogReason.TAUGHT_HERE, "MUG-1"),
        (3, CatalogReason.OTHER_FILE, "CAP-9"),
    ]
    assert store.catalog.lookup("4006381333931") == CatalogEntry("MUG-1", "4006381333931")
    _import(store, tmp_path / "it.csv", "sku,barcode\n")  # IT's file emptied
    assert store.catalog.lookup("4006381333931") is not None  # the taught code stays
    assert store.catalog.lookup("012345678905") is not None  # and the other file's row


def test_a_barcode_for_two_skus_packs_neither_and_a_repeated_one_is_kept_once(
    store: StationStore, tmp_path: Path
) -> None:
    """The last line never wins a clash; one GTIN as 13 and 14 digits is one code."""
    result = _import(
        store,
        tmp_path / "it.csv",
        "sku,barcode\nTEE-1,4006381333931\nTEE-9,4006381333931\n"
        "CAP-9,012345678905\nCAP-9,00012345678905\n",
    )
    assert [(p.line, p.reason, p.other_line) for p in result.problems] == [
        (2, CatalogReason.CONFLICT, 3),
        (3, CatalogReason.CONFLICT, 2),
        (5, CatalogReason.REPEATED, 4),
    ]
    assert store.catalog.lookup("4006381333931") is None
    assert store.catalog.lookup("00012345678905") == CatalogEntry("CAP-9", "012345678905")
    said = [catalog_problem(p) for p in result.problems]
    assert "line 3" in said[0] and "TEE-1" in said[1]


def test_a_tracking_number_never_becomes_an_item(store: StationStore, tmp_path: Path) -> None:
    result = _import(store, tmp_path / "it.csv", "sku,barcode\nTEE-1,1Z999AA10123456784\n")
    assert [(p.line, p.reason) for p in result.problems] == [(2, CatalogReason.TRACKING_NUMBER)]
    assert store.catalog.lookup("1Z999AA10123456784") is None


def test_a_file_over_the_bound_is_refused_before_it_is_read(
    store: StationStore, tmp_path: Path
) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as file:
        file.truncate(MAX_CATALOG_BYTES + 1)  # sparse: no 40 MB written
    with pytest.raises(CatalogTooLarge) as refused:
        store.catalog.import_file(path, "it")
    assert refused.value.size == MAX_CATALOG_BYTES + 1


def test_an_order_asks_only_for_its_own_skus(store: StationStore, tmp_path: Path) -> None:
    rows = "".join(f"SKU-{n},2{n:011d}\n" for n in range(20_000))
    _import(store, tmp_path / "it.csv", "sku,barcode\n" + rows + "tee-1,036000291452\n")
    found = store.catalog.entries_for(["TEE-1", "SKU-7"])
    assert sorted(e.sku for e in found) == ["SKU-7", "tee-1"]  # any case, nothing else
    plan = " ".join(
        str(tuple(r))
        for r in store._conn.execute(
            "EXPLAIN QUERY PLAN SELECT sku FROM catalog WHERE sku_key IN (?, ?)", ("a", "b")
        )
    )
    assert "catalog_sku" in plan
