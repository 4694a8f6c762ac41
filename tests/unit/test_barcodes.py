"""Item barcodes: every GTIN form names one product; GS1 element strings; the catalog."""

from __future__ import annotations

import pytest

from packstation.packing import AlreadyComplete, Packed, PackingSession
from packstation.packing.barcodes import gtin14, parse_item_code
from packstation.packing.catalog import (
    CatalogEntry,
    CatalogMatcher,
    CatalogProblem,
    CatalogReason,
    read_catalog_csv,
)
from tests.helpers.orders import make_order


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("036000291452", "00036000291452"),  # UPC-A
        ("0036000291452", "00036000291452"),  # the same as EAN-13
        ("00036000291452", "00036000291452"),  # ... and as GTIN-14
        ("4006381333931", "04006381333931"),  # EAN-13
        ("96385074", "00000096385074"),  # EAN-8
        ("04252614", "00000042100005264"[-14:]),  # UPC-E, expanded to UPC-A 042100005264
        ("10036000291459", "10036000291459"),  # GTIN-14 of a case (indicator 1)
    ],
)
def test_gtin_forms(code: str, expected: str) -> None:
    assert gtin14(code) == expected


@pytest.mark.parametrize(
    "code",
    ["036000291453", "4006381333932", "96385075", "00036000291453", "12345", "ABC", "", "0361"],
)
def test_bad_check_digits_and_non_gtins(code: str) -> None:
    assert gtin14(code) is None


GS = "\x1d"


@pytest.mark.parametrize(
    ("scan", "gtin", "lot", "serial", "expiry"),
    [
        ("]C10100036000291452" + "10LOT42" + GS + "21SN9", "00036000291452", "LOT42", "SN9", None),
        ("]d2010003600029145217261231" + "10ABC", "00036000291452", "ABC", None, "261231"),
        ("]Q3010003600029145221X1", "00036000291452", None, "X1", None),
        ("0100036000291452" + "10L1" + GS + "21S1", "00036000291452", "L1", "S1", None),
        ("(01)00036000291452(17)270101(10)B-7", "00036000291452", "B-7", None, "270101"),
        ("]E00036000291452", "00036000291452", None, None, None),
    ],
)
def test_gs1_element_strings(
    scan: str, gtin: str, lot: str | None, serial: str | None, expiry: str | None
) -> None:
    item = parse_item_code(scan)
    assert (item.gtin14, item.lot, item.serial, item.expiry) == (gtin, lot, serial, expiry)


def test_gs1_with_a_bad_gtin_has_no_gtin() -> None:
    assert parse_item_code("(01)00036000291453(10)X").gtin14 is None


def test_catalog_matches_any_form_of_the_product_code() -> None:
    order = make_order([("TEE-1", 5), ("SOCK-1", 30)])
    matcher = CatalogMatcher(
        [CatalogEntry("TEE-1", "036000291452"), CatalogEntry("SOCK-1", "10036000291459", 6)]
    )
    session = PackingSession(order, matcher=matcher)
    for code in (
        "036000291452",
        "0036000291452",
        "00036000291452",
        "]C10100036000291452" + "10LOT1",
    ):
        outcome = session.scan(code)
        assert isinstance(outcome, Packed)
        assert outcome.line_index == 0
    case = session.scan("10036000291459")  # a case of 6
    assert isinstance(case, Packed)
    assert (case.line_index, case.units, case.packed) == (1, 6, 6)
    assert isinstance(session.scan("TEE-1", multiplier=2), AlreadyComplete)  # 4 + 2 > 5
    multiplied = session.scan("10036000291459", multiplier=3)
    assert isinstance(multiplied, Packed)
    assert multiplied.packed == 24


def test_catalog_csv() -> None:
    text = (
        "sku,barcode,units\nTEE-1,036000291452,\nSOCK-1, 10036000291459 ,6\n# note\n,123,\nX,1,0\n"
    )
    entries, problems = read_catalog_csv(text)
    assert entries == [
        CatalogEntry("TEE-1", "036000291452", 1),
        CatalogEntry("SOCK-1", "10036000291459", 6),
    ]
    assert problems == [
        CatalogProblem(5, CatalogReason.NO_SKU_OR_BARCODE),
        CatalogProblem(6, CatalogReason.BAD_UNITS),
    ]


def test_biip_loaded_on_two_threads_at_once_is_never_half_initialised() -> None:
    """The warm-up imports biip on a worker while a scan may need it on the GUI thread."""
    import subprocess
    import sys

    script = (
        "import threading\n"
        "from packstation.packing import barcodes\n"
        "errors = []\n"
        "def warm():\n"
        "    try:\n"
        "        barcodes.warm_up()\n"
        "    except Exception as exc:\n"
        "        errors.append(exc)\n"
        "t = threading.Thread(target=warm)\n"
        "t.start()\n"
        "assert barcodes.gtin14('0840312000080') == '00840312000080'\n"
        "t.join()\n"
        "assert not errors, errors\n"
    )
    for _ in range(5):  # each run is a fresh interpreter, so biip is imported anew
        subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
