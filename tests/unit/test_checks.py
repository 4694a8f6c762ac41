"""The order's facts against a scanned label: ZIP, carrier and location."""

from __future__ import annotations

from typing import Any

import pytest

from packstation.packing.checks import (
    carrier_fits_method,
    carriers_named,
    label_zip_problem,
    location_problem,
)
from packstation.packing.tracking import recognise
from packstation.redo.models import Order
from tests.helpers.orders import demo_order


def _order(postal: str | None, method: str = "USPS Priority Mail", **extra: Any) -> Order:
    return Order.model_validate(
        {
            "orderId": "EXT-1",
            "createdAt": "2026-11-01T09:00:00Z",
            "lineItems": [{"id": "L0", "productId": "P0", "title": "Tee", "quantity": 1}],
            "shipping": {"method": method, "address": {"postalCode": postal, "country": "US"}},
            "fulfillments": [],
            **extra,
        }
    )


@pytest.mark.parametrize(
    ("label", "postal", "problem"),
    [
        ("10001", "97201", ("10001", "97201")),
        ("97201", "97201", None),
        ("97201", "97201-1234", None),  # the label carries 5: the first 5 digits decide
        ("972011234", "97201-1234", None),
        ("972011234", "97201 1234", None),
        ("972015678", "97201-1234", ("97201-5678", "97201-1234")),
        ("972015678", "97201", None),  # the order has no +4 to compare with
        ("972015678", "10001", ("97201-5678", "10001")),
        ("10001", "M5V 2T6", ("10001", "M5V 2T6")),  # a 420 label routes only within the US
        ("", "97201", None),  # no 420 prefix: nothing to check
        ("1234", "97201", None),  # not a ZIP
        ("10001", "", None),  # an order without a postal code cannot be checked
        ("10001", None, None),
    ],
)
def test_label_zip_against_the_postal_code(
    label: str, postal: str | None, problem: tuple[str, str] | None
) -> None:
    assert label_zip_problem(label, _order(postal)) == problem


def test_an_order_without_shipping_cannot_be_checked() -> None:
    order = _order("97201").model_copy(update={"shipping": None})
    assert label_zip_problem("10001", order) is None


def test_a_scanned_usps_label_carries_the_zip_the_check_reads() -> None:
    guess = recognise("420100019400111899223197428497")
    assert guess is not None
    assert (guess.carrier, guess.zip) == ("USPS", "10001")
    assert label_zip_problem(guess.zip, demo_order("#1002")) == ("10001", "02139")
    assert label_zip_problem("02139", demo_order("#1002")) is None


@pytest.mark.parametrize(
    ("carrier", "method", "fits"),
    [
        ("UPS", "Australia Post Express", False),
        ("Australia Post", "Australia Post Express", True),
        ("UPS", "UPS Ground", True),
        ("FedEx", "UPS Ground", False),
        ("USPS", "USPS Priority Mail International", True),
        ("USPS", "Priority Mail", True),
        ("UPS", "Priority Mail", False),
        ("FedEx", "FedEx Home Delivery", True),
        ("fedex", "Fed Ex Ground", True),
        ("DHL Express", "DHL Express Worldwide", True),
        ("DHL eCommerce", "DHL Express Worldwide", False),
        ("DHL eCommerce", "DHL Parcel", True),
        ("DHL Express", "DHL Parcel", True),
        ("Royal Mail", "Royal Mail Tracked 48", True),
        ("UPS", "Royal Mail Tracked 48", False),
        ("Canada Post", "Canada Post Expedited", True),
        ("UPS", "Standard shipping", True),  # names no carrier: anything fits
        ("UPS", "PostNord Parcel", True),  # a carrier we do not know: cannot tell
        ("UPS", "", True),
        ("Hermes", "UPS Ground", True),  # typed by hand, unknown: cannot tell
        ("Other", "UPS Ground", True),
    ],
)
def test_carrier_against_shipping_method(carrier: str, method: str, fits: bool) -> None:
    assert carrier_fits_method(carrier, method) is fits


def test_words_that_contain_a_carrier_name_do_not_name_it() -> None:
    assert carriers_named("Groups shipping") == frozenset()
    assert carriers_named("UPS Ground") == {"UPS"}


def test_location() -> None:
    pinned = _order("97201", locationId="loc_sea")
    assert location_problem(pinned, "loc_pdx_main") == ("loc_sea", "loc_pdx_main")
    assert location_problem(pinned, " loc_sea ") is None
    assert location_problem(pinned, "") is None
    assert location_problem(_order("97201"), "loc_pdx_main") is None
