"""Recognising a shipping label's tracking number and its carrier, by format and check digit.

The formats, check-digit rules and lookup tables are the tracking_number_data set
(``jkeen/tracking_number_data`` on GitHub, MIT), vendored with its version and licence in
``resources/tracking_number_data/`` and read by :mod:`packstation.packing.tracking_data`;
the check-digit algorithms it names are in :mod:`packstation.packing.checksums`.

A scan is read by three rules, in order; the first that recognises anything decides:

1. **A USPS IMpb label barcode**: ``420`` + a 5- or 9-digit ZIP + a USPS tracking number.
   The number after the ZIP is what gets shipped; the ZIP is kept on the guess. This
   comes first because the same 34 digits (``420`` + ZIP+4 + 22 digits) can also pass
   the check of FedEx's 34-digit barcode, one time in ten. The data describes some of
   these prefixes, not all (not ZIP+4 before a 26-digit number).
2. **Every format of the data**, on the whole scan. The data's formats overlap (a
   12-digit FedEx Express number can pass Purolator's Luhn check; an 11-digit DHL
   Express number Old Dominion's), so every carrier that fits is listed: formats with
   a check digit first, then in the order of :data:`CARRIERS`; the packer picks. Any
   14 digits fit DHL eCommerce, except a case's GTIN-14 (see ``_BARE_DIGIT_FORMATS``).
3. **A FedEx 34-digit label barcode the data does not describe**, whose last 12 digits
   are a FedEx Express number.

A scan of one repeated character, or a serial of one repeated character under a check
digit (``1Z`` and sixteen zeros), is nobody's number: zeros pass most check digits.

A label barcode yields the number a carrier's tracking page takes (the 22 digits after
an IMpb's ZIP, the 12-digit Express number in FedEx's 32- and 34-digit barcodes, DPD's
14-digit parcel number), not the whole barcode.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from packstation.packing import checksums
from packstation.packing.codes import tracking_number
from packstation.packing.tracking_data import DataSet, Format, data_set
from packstation.packing.tracking_data import group_text as _text

log = logging.getLogger("packstation.packing.tracking")

#: The carriers offered in the window, as Redo's tracking pages name them; recognised
#: numbers use these exact names (the first nine are stored in history and journals).
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
    "DHL eCommerce",
    "DPD",
    "Purolator",
    "Canpar",
    "LaserShip",
    "Yodel",
    "GOFO",
    "Landmark Global",
    "Speedee",
    "Old Dominion",
    "YunExpress",
    "Other",
)

#: The data's courier codes to the names above.
COURIER_CARRIERS = {
    "ups": "UPS",
    "usps": "USPS",
    "fedex": "FedEx",
    "dhl": "DHL Express",
    "canada_post": "Canada Post",
    "ontrac": "OnTrac",
    "amazon": "Amazon Logistics",
    "dpd": "DPD",
    "purolator": "Purolator",
    "canpar": "Canpar",
    "lasership": "LaserShip",
    "yodel": "Yodel",
    "gofo": "GOFO",
    "landmark": "Landmark Global",
    "speedee": "Speedee",
    "old_dominion": "Old Dominion",
    "yunexpress": "YunExpress",
}
#: Formats shipped by a different network from their courier's main one (DHL eCommerce
#: numbers are tracked by DHL eCommerce, not DHL Express).
FORMAT_CARRIERS = {"dhl_ecommerce": "DHL eCommerce", "dhl_ecommerce_14": "DHL eCommerce"}
#: A UPU S10 number names its postal service by country; these are the ones offered.
_S10_CARRIERS = {"US": "USPS", "GB": "Royal Mail", "CA": "Canada Post", "AU": "Australia Post"}
_RANK = {name: i for i, name in enumerate(CARRIERS)}
#: Formats with neither a prefix nor a check digit: any 14 digits fit. A case's GTIN-14
#: has that shape too, and a packer who scans the wrong case must hear "not in this
#: order", not see it become the tracking number (and start the auto-ship countdown);
#: so a number whose last digit is a valid GS1 check digit is not taken for them. That
#: turns away about one in ten of theirs, which can still be typed or scanned into the
#: tracking field.
_BARE_DIGIT_FORMATS = frozenset({"dhl_ecommerce_14"})

# "420", a 5- or 9-digit ZIP and a USPS number of 20 to 30 digits.
_USPS_LABEL = re.compile(r"420\d{25,39}", re.ASCII)
_FEDEX_LABEL = re.compile(r"\d{34}", re.ASCII)
_MIN_LENGTH, _MAX_LENGTH = 8, 48


@dataclass(frozen=True, slots=True)
class TrackingGuess:
    """A carrier the scan fits, and the number to ship with (the label's part of it).

    ``zip`` is the 5- or 9-digit ZIP of a USPS ``420`` routing prefix ("" without one);
    ``service`` is what the data's tables say of the service ("" when they do not).
    Both describe the label rather than identify the shipment, so guesses compare by
    carrier and number alone.
    """

    carrier: str
    code: str
    zip: str = field(default="", compare=False)
    service: str = field(default="", compare=False)


def warm_up() -> None:
    """Read and compile the data set now (on a worker), not at the first label.

    Raises when the data set is missing or unreadable; a scan then recognises nothing
    rather than failing.
    """
    data_set()


def candidates(raw: str) -> list[TrackingGuess]:
    """Every carrier whose format and check digit fit the scan, most specific first."""
    code = tracking_number(raw)
    # One character repeated ("000000000000") is a blank or test label, no carrier's
    # number, yet zeros pass most check digits (see ``_fit``); nor is a guess kept whose
    # number to ship is one repeated character (a 34-digit barcode ending in 12 zeros).
    if not _MIN_LENGTH <= len(code) <= _MAX_LENGTH or _one_character(code):
        return []
    data = _data()
    if data is None:
        return []
    for rule in (_usps_label, _data_formats, _fedex_label):
        found = [guess for guess in rule(data, code) if not _one_character(guess.code)]
        if found:
            return found
    return []


def recognise(raw: str) -> TrackingGuess | None:
    """The one carrier a label fits, or None when none (or several) do."""
    found = candidates(raw)
    return found[0] if len(found) == 1 else None


def _data() -> DataSet | None:
    try:
        return data_set()
    except (OSError, ValueError, KeyError, TypeError, re.error):
        # Logged at every scan on purpose: a bench without its data set cannot read a
        # label, and whoever reads the log should see why, next to the scan.
        log.exception("the tracking-number data set cannot be loaded")
        return None


def _one_character(text: str) -> bool:
    return len(set(text)) == 1


def _fit(fmt: Format, code: str) -> re.Match[str] | None:
    """``fmt.fit``, except a serial of one repeated character under a check digit.

    Check digits are weighted sums, and every weighted sum of zeros is zero: a serial of
    zeros passes each of the data's checks with a fixed check digit (FedEx's, Purolator's,
    DHL's, UPS's ``1Z`` + zeros, S10's ``RR000000005GB``), and one digit repeated passes
    some of them too. Such a number is a placeholder or a misread label, never a parcel
    (the data's own valid numbers have none), so the check proves nothing about it.
    Formats without a check digit are left to the data: it lists ``TBA000000000000`` as
    a valid Amazon number, recognised by its prefix alone.
    """
    match = fmt.fit(code)
    if match is not None and fmt.check is not None and _one_character(_text(match, "SerialNumber")):
        return None
    return match


def _usps_label(data: DataSet, code: str) -> list[TrackingGuess]:
    if not _USPS_LABEL.fullmatch(code):
        return []
    # ZIP+4 first, as the data's own IMpb pattern prefers it where both readings fit.
    for zip_length in (9, 5):
        number = code[3 + zip_length :]
        for fmt in data.formats:
            if fmt.courier == "usps" and _fit(fmt, number) is not None:
                return [TrackingGuess("USPS", number, code[3 : 3 + zip_length], "")]
    return []


def _data_formats(data: DataSet, code: str) -> list[TrackingGuess]:
    found: list[tuple[bool, TrackingGuess]] = []
    for fmt in data.formats:
        match = _fit(fmt, code)
        if match is not None and not (fmt.id in _BARE_DIGIT_FORMATS and _is_gtin(code)):
            found.append((fmt.check is None, _guess(fmt, match, code)))
    found.sort(key=lambda item: (item[0], _RANK.get(item[1].carrier, len(_RANK))))
    seen: dict[str, TrackingGuess] = {}
    for _, guess in found:
        seen.setdefault(guess.carrier, guess)
    return list(seen.values())


def _fedex_label(data: DataSet, code: str) -> list[TrackingGuess]:
    if not _FEDEX_LABEL.fullmatch(code):
        return []
    number = code[-12:]
    express = next((f for f in data.formats if f.id == "fedex_12"), None)
    if express is None or _fit(express, number) is None:
        return []
    return [TrackingGuess("FedEx", number)]


def _is_gtin(code: str) -> bool:
    # GS1 weighs 3, 1, 3, ... from the digit next to the check digit.
    return checksums.mod10(code[:-1], code[-1:], evens_multiplier=3, reverse=True)


def _guess(fmt: Format, match: re.Match[str], code: str) -> TrackingGuess:
    carrier = FORMAT_CARRIERS.get(fmt.id) or COURIER_CARRIERS.get(fmt.courier, "")
    if fmt.courier == "s10":
        country = _text(match, "CountryCode")
        courier = fmt.lookup("Courier", match)
        carrier = _S10_CARRIERS.get(country) or str((courier or {}).get("courier") or "Other")
    number, zip_code = code, ""
    if fmt.id in ("fedex_34", "fedex_ground_gsn"):
        number = code[-12:]
    elif fmt.id == "fedex_astra_32":
        number = _text(match, "SerialNumber") + _text(match, "CheckDigit")
    elif fmt.id == "dpd":
        # DPD's 28-character barcode: 7-digit postcode, the 14-digit parcel number, then
        # service, country and check character; DPD tracks the parcel number.
        number = code[7:21]
    elif _text(match, "RoutingApplicationId"):
        number = code[match.start("SerialNumber") :]
        zip_code = _text(match, "DestinationZip") + _text(match, "DestinationZipPlus4")
    return TrackingGuess(carrier or fmt.courier, number, zip_code, _service(fmt, match))


def _service(fmt: Format, match: re.Match[str]) -> str:
    row = fmt.lookup("Service Type", match)
    if row is None:
        return ""
    name, description = str(row.get("name") or ""), str(row.get("description") or "")
    return f"{name} ({description})" if name and description else name or description
