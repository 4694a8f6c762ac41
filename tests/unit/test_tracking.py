"""Tracking numbers recognised by format and check digit."""

from __future__ import annotations

import pytest

from packstation.packing.tracking import TrackingGuess, recognise


@pytest.mark.parametrize(
    ("scan", "expected"),
    [
        ("1Z999AA10123456784", TrackingGuess("UPS", "1Z999AA10123456784")),
        ("1z999aa10123456784", TrackingGuess("UPS", "1Z999AA10123456784")),
        ("9400111899223197428497", TrackingGuess("USPS", "9400111899223197428497")),
        # IMpb label barcode: "420" + ZIP 5 before the 22-digit tracking number.
        ("420972099400111899223197428497", TrackingGuess("USPS", "9400111899223197428497")),
        # ... and with ZIP+4.
        (
            "420972091234" + "9400111899223197428497",
            TrackingGuess("USPS", "9400111899223197428497"),
        ),
        ("986578788855", TrackingGuess("FedEx", "986578788855")),
        ("041441760228964", TrackingGuess("FedEx", "041441760228964")),
    ],
)
def test_recognised(scan: str, expected: TrackingGuess) -> None:
    assert recognise(scan) == expected


@pytest.mark.parametrize(
    "scan",
    [
        "1Z999AA10123456785",  # UPS, wrong check digit
        "9400111899223197428490",  # USPS, wrong check digit
        "986578788856",  # FedEx 12, wrong check digit
        "840312000011",  # a UPC-A, not a label
        "TEE-MER-BLK-M",
        "",
    ],
)
def test_not_recognised(scan: str) -> None:
    assert recognise(scan) is None


from packstation.packing.tracking import candidates


@pytest.mark.parametrize(
    ("scan", "carrier", "code"),
    [
        ("3318810025", "DHL Express", "3318810025"),
        ("TBA123456789000", "Amazon Logistics", "TBA123456789000"),
        ("C11031500001879", "OnTrac", "C11031500001879"),
        ("RR123456785GB", "Royal Mail", "RR123456785GB"),
        ("EE123456785US", "USPS", "EE123456785US"),
        # FedEx 34-digit label barcode: the 12-digit tracking number is at the end.
        ("9622001900000000000000776632517510", "FedEx", "776632517510"),
        ("1z 999 aa1 0123 4567 84", "UPS", "1Z999AA10123456784"),
    ],
)
def test_more_carriers(scan: str, carrier: str, code: str) -> None:
    assert candidates(scan) == [TrackingGuess(carrier, code)]


def test_ambiguous_numbers_list_every_carrier() -> None:
    found = candidates("9274323214632289156320")
    assert {g.carrier for g in found} == {"USPS", "FedEx"}
    assert recognise("9274323214632289156320") is None  # the packer must pick
