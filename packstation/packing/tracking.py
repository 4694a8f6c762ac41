"""Recognising a shipping label's tracking number and its carrier, by format and check digit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from packstation.packing.codes import clean_code

#: The carriers offered in the window; recognised numbers use these exact names.
CARRIERS = (
    "UPS",
    "USPS",
    "FedEx",
    "DHL Express",
    "Canada Post",
    "Royal Mail",
    "Australia Post",
    "OnTrac",
    "Amazon Logistics",
    "Other",
)


@dataclass(frozen=True, slots=True)
class TrackingGuess:
    carrier: str
    code: str


def _mod10_31(digits: str) -> int:
    """Check digit with weights 3,1,3,... from the right (USPS, FedEx Ground, GS1)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def _ups_valid(code: str) -> bool:
    body, check = code[2:-1], code[-1]
    if not check.isdigit():
        return False
    values = [int(c) if c.isdigit() else (ord(c) - ord("A") + 2) % 10 for c in body]
    total = sum(v if i % 2 == 0 else 2 * v for i, v in enumerate(values))
    return (10 - total % 10) % 10 == int(check)


def _fedex12_valid(code: str) -> bool:
    weights = (1, 3, 7)
    total = sum(int(d) * weights[i % 3] for i, d in enumerate(reversed(code[:-1])))
    return total % 11 % 10 == int(code[-1])


_UPS = re.compile(r"^1Z[0-9A-Z]{16}$")
_USPS_IMPB = re.compile(r"^420(\d{5}|\d{9})(9\d{21})$")
_USPS = re.compile(r"^(9[1-5]\d{18}|9[1-5]\d{20})$")
_DIGITS = re.compile(r"^\d+$")


def recognise(raw: str) -> TrackingGuess | None:
    """The carrier and tracking number a scanned label stands for, or None."""
    code = clean_code(raw).replace(" ", "").upper()
    if _UPS.match(code):
        return TrackingGuess("UPS", code) if _ups_valid(code) else None
    impb = _USPS_IMPB.match(code)
    if impb:
        # The IMpb barcode carries "420" + destination ZIP before the tracking number.
        code = impb.group(2)
    if _USPS.match(code) and _mod10_31(code[:-1]) == int(code[-1]):
        return TrackingGuess("USPS", code)
    if _DIGITS.match(code):
        if len(code) == 12 and _fedex12_valid(code):
            return TrackingGuess("FedEx", code)
        if len(code) == 15 and _mod10_31(code[:-1]) == int(code[-1]):
            return TrackingGuess("FedEx", code)
    return None
