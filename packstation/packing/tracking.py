"""Recognising a shipping label's tracking number and its carrier, by format and check digit.

The formats come from ``tracking-numbers`` (data-driven, from the
tracking_number_data project). This module adds what labels carry that the data
does not: USPS IMpb barcodes with a ``420`` + ZIP routing prefix, FedEx's 34-digit
label barcode that embeds the 12- or 15-digit tracking number, and the country of
a UPU S10 number (which names the postal carrier).
"""

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

_COURIERS = {
    "ups": "UPS",
    "usps": "USPS",
    "fedex": "FedEx",
    "dhl": "DHL Express",
    "ontrac": "OnTrac",
    "amazon": "Amazon Logistics",
    "canada_post": "Canada Post",
    "royal_mail": "Royal Mail",
    "australia_post": "Australia Post",
}
_S10_COUNTRIES = {
    "US": "USPS",
    "GB": "Royal Mail",
    "CA": "Canada Post",
    "AU": "Australia Post",
}
_S10 = re.compile(r"^[A-Z]{2}\d{9}([A-Z]{2})$")
_IMPB = re.compile(r"^420(\d{5}|\d{9})(9\d{21}|9\d{25}|\d{20,22})$")
_DIGITS = re.compile(r"^\d+$")


@dataclass(frozen=True, slots=True)
class TrackingGuess:
    carrier: str
    code: str


def _normalise(raw: str) -> str:
    return "".join(clean_code(raw).split()).upper()


def warm_up() -> None:
    """Compile the carriers' patterns now (on a worker), not at the first label."""
    import tracking_numbers  # noqa: F401


def _library(code: str) -> list[TrackingGuess]:
    import tracking_numbers

    guesses: list[TrackingGuess] = []
    for definition in tracking_numbers.DEFINITIONS:
        found = definition.test(code)
        if found is None or not found.valid:
            continue
        carrier = _COURIERS.get(found.courier.code, "")
        if found.courier.code == "s10" or not carrier:
            match = _S10.match(code)
            carrier = _S10_COUNTRIES.get(match.group(1), "Other") if match else "Other"
        guesses.append(TrackingGuess(carrier, code))
    return guesses


def candidates(raw: str) -> list[TrackingGuess]:
    """Every carrier whose format and check digit fit the scan, most specific first."""
    code = _normalise(raw)
    if len(code) < 8 or len(code) > 40:
        return []
    forms = [code]
    impb = _IMPB.match(code)
    if impb:
        forms.insert(0, impb.group(2))  # the tracking number after "420" + ZIP
    if _DIGITS.match(code) and len(code) == 34:
        # FedEx label barcode: the tracking number is at the end (12 or 15 digits).
        forms = [code[-12:], code[-15:], *forms]
    seen: dict[str, TrackingGuess] = {}
    for form in forms:
        for guess in _library(form):
            seen.setdefault(guess.carrier, guess)
        if seen:
            break
    return list(seen.values())


def recognise(raw: str) -> TrackingGuess | None:
    """The one carrier a label fits, or None when none (or several) do."""
    found = candidates(raw)
    return found[0] if len(found) == 1 else None
