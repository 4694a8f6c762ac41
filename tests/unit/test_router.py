"""Routing every scan: commands, items, tracking, other slips, unknown; never an exception."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from packstation.packing import PackingSession
from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from packstation.packing.commands import Command, CommandScan, parse_command, sheet_codes
from packstation.packing.router import (
    Empty,
    ItemScan,
    OrderReference,
    OtherSlip,
    TrackingScan,
    Unknown,
    route,
)
from tests.helpers.orders import demo_order


@pytest.fixture
def session() -> PackingSession:
    return PackingSession(
        demo_order("#1002"), matcher=CatalogMatcher([CatalogEntry("BNE-WOOL-CHR", "840312000080")])
    )


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("PS-SHIP", CommandScan(Command.SHIP)),
        ("ps-undo", CommandScan(Command.UNDO)),
        ("PS-QTY-12", CommandScan(Command.QTY, quantity=12)),
        ("PS-USER-Ana Lima", CommandScan(Command.USER, user="Ana Lima")),
        ("PS-QTY-0", None),
        ("PS-QTY-5000", None),
        ("PS-NOPE", None),
        ("SHIP", None),
    ],
)
def test_commands(code: str, expected: CommandScan | None) -> None:
    assert parse_command(code) == expected


def test_command_sheet_codes_all_parse() -> None:
    for code, _ in sheet_codes():
        assert parse_command(code) is not None, code


def test_no_order_open_means_order_reference() -> None:
    assert route("#1002", None) == OrderReference("#1002")
    assert route("5801002", None) == OrderReference("5801002")
    assert route("PS-SHIP", None) == CommandScan(Command.SHIP)


def test_order_open_routing(session: PackingSession) -> None:
    assert route("PS-SHIP", session) == CommandScan(Command.SHIP)
    assert route("bne-wool-chr", session) == ItemScan("bne-wool-chr")
    assert route("0840312000080", session) == ItemScan("0840312000080")  # its UPC as EAN-13
    tracking = route("1Z999AA10123456784", session)
    assert isinstance(tracking, TrackingScan)
    assert tracking.guesses[0].carrier == "UPS"
    assert route("#1003", session) == OtherSlip("#1003")
    assert isinstance(route("BTL-STL-750", session), Unknown)
    assert isinstance(route("PS-SHIPP", session), Unknown)
    assert route("\r\n", session) == Empty("\r\n")


def test_a_case_code_of_another_product_is_not_a_tracking_number(
    session: PackingSession,
) -> None:
    # 14 digits fit DHL eCommerce's format; a GTIN-14 not in this order is refused.
    assert isinstance(route("10012345678902", session), Unknown)
    assert isinstance(route("60120172242323", session), TrackingScan)


@settings(max_examples=300)
@given(
    st.one_of(
        st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
        st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=50),
        st.text(max_size=300),
        st.integers(1, 3).map(lambda n: "9" * 10_000 * n),
        st.sampled_from(["PS-", "PS-QTY-", "PS-USER-", "(01)", "]C1", "420", "#"]).flatmap(
            lambda prefix: st.text(max_size=60).map(lambda t: prefix + t)
        ),
    ),
    st.booleans(),
)
def test_router_always_classifies(code: str, with_order: bool) -> None:
    session = PackingSession(demo_order("#1008")) if with_order else None
    result = route(code, session)
    assert isinstance(
        result, CommandScan | OrderReference | ItemScan | TrackingScan | OtherSlip | Unknown | Empty
    )
    if isinstance(result, ItemScan) and session is not None:
        session.scan(result.code)
