"""The order's facts checked against what the packer scans: label ZIP, carrier, location.

Pure functions over the order and plain values; the bench decides what to do with the
answer (a ZIP mismatch is refused before anything ships, a carrier that does not fit the
shipping method is asked about, another location warns). Each function answers ``None``
or ``True`` when it cannot tell: a check that guesses would stop good boxes.
"""

from __future__ import annotations

import re

from packstation.packing.tracking import CARRIERS
from packstation.redo.models import Order

_US_ZIP = re.compile(r"(\d{5})(?:[-\s]?(\d{4}))?", re.ASCII)


def _format_zip(digits: str) -> str:
    return f"{digits[:5]}-{digits[5:]}" if len(digits) == 9 else digits


def label_zip_problem(guess_zip: str, order: Order) -> tuple[str, str] | None:
    """``(label ZIP, order postal code)`` when a USPS label is routed to another ZIP.

    ``guess_zip`` is the 5- or 9-digit ZIP of the label's ``420`` prefix (``""`` when the
    label has none: nothing to check). A 5-digit label ZIP is compared with the first 5
    digits of the order's postal code; a 9-digit one with the ZIP+4 when the order has it,
    else with its first 5 digits. An order without a postal code cannot be checked. A
    postal code that is not a US ZIP at all (the order ships abroad) never matches a
    ``420`` label, which only routes within the US. Both values come back as shown to
    the packer: ``("10001", "97201")``, ``("97201-1234", "97201-5678")``.
    """
    label = guess_zip.strip()
    if not (label.isascii() and label.isdigit() and len(label) in (5, 9)):
        return None
    address = order.shipping.address if order.shipping else None
    postal = (address.postal_code or "").strip() if address else ""
    if not postal:
        return None
    found = _US_ZIP.fullmatch(postal)
    if found is None:
        return (_format_zip(label), postal)
    order_zip = found.group(1) + (found.group(2) or "")
    if len(label) == 9 and len(order_zip) == 9:
        same = label == order_zip
    else:
        same = label[:5] == order_zip[:5]
    return None if same else (_format_zip(label), _format_zip(order_zip))


#: How shipping methods name each carrier (case-insensitive). Names not listed here are
#: matched as written in :data:`CARRIERS`. A bare "DHL" names both DHL networks.
_METHOD_NAMES: dict[str, tuple[str, ...]] = {
    "UPS": (r"\bups\b", r"united parcel"),
    "USPS": (r"\busps\b", r"postal service", r"priority mail", r"first[- ]class", r"media mail"),
    "FedEx": (r"\bfed\s?ex\b", r"federal express"),
    "DHL Express": (r"\bdhl\b(?!\s*e-?commerce)",),
    "DHL eCommerce": (r"\bdhl\b(?!\s*express)",),
    "Australia Post": (r"australia post", r"\bauspost\b", r"startrack"),
    "Amazon Logistics": (r"\bamazon\b",),
    "Canada Post": (r"canada post", r"postes canada"),
}
_PATTERNS: dict[str, re.Pattern[str]] = {
    name: re.compile(
        "|".join(_METHOD_NAMES.get(name, (rf"\b{re.escape(name.casefold())}\b",))),
        re.IGNORECASE,
    )
    for name in CARRIERS
    if name != "Other"
}
_CANONICAL = {name.casefold(): name for name in CARRIERS}


def carriers_named(method: str) -> frozenset[str]:
    """The carriers (names of :data:`CARRIERS`) a shipping method's text names."""
    return frozenset(name for name, pattern in _PATTERNS.items() if pattern.search(method))


def carrier_fits_method(carrier: str, method: str) -> bool:
    """Whether a label of ``carrier`` fits an order shipped by ``method``.

    A method that names no carrier we know ("Standard", "Express 2-day") fits every
    label, and so does a carrier we do not know (typed by hand): the check only speaks
    when both sides are known and differ, like a UPS label on "Australia Post Express".
    """
    named = carriers_named(method or "")
    known = _CANONICAL.get(carrier.strip().casefold())
    if not named or known is None or known == "Other":
        return True
    return known in named


def location_problem(order: Order, station_location_id: str) -> tuple[str, str] | None:
    """``(order's locationId, station's)`` when the order is pinned to another location.

    A station without a configured location, or an order without one, has no problem.
    """
    station = station_location_id.strip()
    pinned = (order.location_id or "").strip()
    if not station or not pinned or pinned == station:
        return None
    return (pinned, station)
