"""GS1 scans that say a thing twice are refused; a date that is none loses only the date."""

from __future__ import annotations

import pytest

from packstation.packing import NotInOrder, Packed, PackingSession, UnitMark
from packstation.packing.barcodes import parse_item_code
from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from tests.helpers.orders import make_order

GS = "\x1d"
GTIN = "00036000291452"


def _session() -> PackingSession:
    order = make_order([("TEE", 3), ("SOCK", 2)])
    return PackingSession(order, matcher=CatalogMatcher([CatalogEntry("TEE", GTIN)]))


@pytest.mark.parametrize(
    "code",
    [
        f"(01){GTIN}(10)A(10)B",
        f"]C101{GTIN}10A{GS}10B",
        f"(01){GTIN}(21)S1(21)S2",
        f"(01){GTIN}(17)270630(17)280630",
        f"(01){GTIN}(17)251332(17)270630",  # one of them no date: still said twice
        f"(01){GTIN}(01){GTIN}",
    ],
)
def test_a_repeated_ai_is_unreadable_and_nothing_is_packed(code: str) -> None:
    assert parse_item_code(code).gtin14 is None
    session = _session()
    assert isinstance(session.scan(code), NotInOrder)
    assert session.line(0).packed == 0
    assert session.marks(0) == ()


@pytest.mark.parametrize(
    ("code", "mark"),
    [
        (f"(01){GTIN}(17)251332(10)L1", UnitMark(lot="L1")),  # month 13
        (f"]C101{GTIN}17251399{GS}10L1{GS}21S1", UnitMark(lot="L1", serial="S1")),
        (f"]d201{GTIN}1725133210L2{GS}21S2", UnitMark(lot="L2", serial="S2")),
        (f"(01){GTIN}(17)260231(21)S3", UnitMark(serial="S3")),  # February 31
        (f"01{GTIN}17AB12CD10L4", UnitMark(lot="L4")),
    ],
)
def test_an_expiry_that_is_no_date_packs_the_item_without_it(code: str, mark: UnitMark) -> None:
    session = _session()
    outcome = session.scan(code)
    assert isinstance(outcome, Packed), outcome
    assert outcome.mark == mark
    assert session.line(0).packed == 1


def test_good_expiries_are_still_kept() -> None:
    session = _session()
    outcome = session.scan(f"(01){GTIN}(17)270600(10)L5")
    assert isinstance(outcome, Packed)
    assert outcome.mark == UnitMark(lot="L5", expiry="2027-06")
