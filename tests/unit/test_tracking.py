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
