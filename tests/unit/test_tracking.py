"""Tracking numbers recognised by format and check digit."""

from __future__ import annotations

import logging

import pytest

from packstation.packing import tracking
from packstation.packing.barcodes import gtin14
from packstation.packing.tracking import (
    CARRIERS,
    COURIER_CARRIERS,
    FORMAT_CARRIERS,
    TrackingGuess,
    candidates,
    recognise,
)
from packstation.packing.tracking_data import data_set


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
    # A FedEx Express number that also passes Purolator's Luhn check (the data's own
    # Purolator test number). The old data's example here, "9274323214632289156320",
    # is neither: AI 92 needs a 9-digit mailer ID, and FedEx SmartPost's 92 format is gone.
    found = candidates("287809468872")
    assert [g.carrier for g in found] == ["FedEx", "Purolator"]
    assert recognise("287809468872") is None  # the packer must pick


def test_usps_zip_plus_4_label_is_usps_even_where_fedex_34_fits() -> None:
    scan = "4201002334249200190132607600283450"
    fedex_34 = next(f for f in data_set().formats if f.id == "fedex_34")
    assert fedex_34.fit(scan) is not None  # the ordering, not luck, decides
    guess = recognise(scan)
    assert guess == TrackingGuess("USPS", "9200190132607600283450")
    assert guess.zip == "100233424"


@pytest.mark.parametrize(
    ("scan", "code", "zip_code"),
    [
        ("4201002334249200190132607600833457", "9200190132607600833457", "100233424"),
        ("420787459400111206206406260787", "9400111206206406260787", "78745"),
        ("420 22153 9101026837331000039521", "9101026837331000039521", "22153"),
        # ZIP+4 before a 26-digit number: a real label the data's patterns do not describe.
        ("42012345678992748931507708513018050063", "92748931507708513018050063", "123456789"),
        # A GS1-128 label sends FNC1 as GS between the ZIP and the number.
        ("42078745\x1d9400111206206406260787", "9400111206206406260787", "78745"),
    ],
)
def test_impb_label_keeps_its_zip(scan: str, code: str, zip_code: str) -> None:
    guess = recognise(scan)
    assert guess == TrackingGuess("USPS", code)
    assert guess.zip == zip_code


@pytest.mark.parametrize("scan", ["9400111206206406260787", "1Z999AA10123456784", "986578788855"])
def test_no_zip_without_a_routing_prefix(scan: str) -> None:
    guess = recognise(scan)
    assert guess is not None
    assert guess.zip == ""


@pytest.mark.parametrize(
    ("scan", "carrier", "code"),
    [
        # FedEx ASTRA: the Express number sits in positions 17-28.
        ("32971514560102447849175802862014", "FedEx", "784917580286"),
        ("1001921334250001000300779017972697", "FedEx", "779017972697"),
        # A 34-digit FedEx barcode the data does not describe: the Express number at the end.
        ("9" + "0" * 21 + "986578788855", "FedEx", "986578788855"),
        ("00 81827 0998 0000 0200 33 350 276 C", "DPD", "09980000020033"),
        ("GM2951173225174494", "DHL eCommerce", "GM2951173225174494"),
        ("K1506235620", "UPS", "K1506235620"),
        ("RB123456785CV", "Correios de Cabo Verde", "RB123456785CV"),
    ],
)
def test_label_barcodes_yield_the_tracking_number(scan: str, carrier: str, code: str) -> None:
    assert candidates(scan) == [TrackingGuess(carrier, code)]


def test_a_case_code_is_not_taken_for_a_dhl_ecommerce_number() -> None:
    # Any 14 digits fit DHL eCommerce's format; a GTIN-14 (valid GS1 check digit) is an
    # item's case code and must stay "not in this order" at the router.
    assert gtin14("10012345678902") == "10012345678902"
    assert candidates("10012345678902") == []
    assert recognise("10012345678903") == TrackingGuess("DHL eCommerce", "10012345678903")


def test_service_named_by_the_data() -> None:
    guess = recognise("1ZXX3150YW44070023")
    assert guess is not None
    assert guess.service == "UPS SurePost - Delivered by the USPS"
    assert recognise("986578788855") == TrackingGuess("FedEx", "986578788855")
    assert recognise("986578788855").service == ""  # type: ignore[union-attr]


def test_every_courier_of_the_data_is_offered() -> None:
    data = data_set()
    offered = {COURIER_CARRIERS[code] for code in data.couriers if code != "s10"}
    offered |= set(FORMAT_CARRIERS.values())
    assert offered <= set(CARRIERS)
    # Names already in journals, history and tests stay as they were.
    assert CARRIERS[:9] == (
        "UPS",
        "USPS",
        "FedEx",
        "DHL Express",
        "Canada Post",
        "Royal Mail",
        "Australia Post",
        "OnTrac",
        "Amazon Logistics",
    )
    assert CARRIERS[-1] == "Other"
    assert len(set(CARRIERS)) == len(CARRIERS)
    assert len(CARRIERS) == len(offered | {"Royal Mail", "Australia Post", "Other"})


@pytest.mark.expected_log("cannot be loaded")
def test_a_missing_data_set_recognises_nothing_and_says_why(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def missing() -> None:
        raise FileNotFoundError("tracking_number_data")

    monkeypatch.setattr(tracking, "data_set", missing)
    with caplog.at_level(logging.ERROR, logger="packstation.packing.tracking"):
        assert candidates("1Z999AA10123456784") == []
        assert recognise("1Z999AA10123456784") is None
    assert "cannot be loaded" in caplog.text
    with pytest.raises(FileNotFoundError):
        tracking.warm_up()


@pytest.mark.parametrize(
    "scan",
    [
        "000000000000",  # 12 digits: FedEx Express's and Purolator's checks both pass
        "000000000000000",  # 15 digits: FedEx Ground's check passes
        "111111111111",
        "0000000000",  # DHL Express
        "0000000000000000",  # Canada Post
        "00000000000000000000",  # USPS 20
        "11111111111111",  # any 14 digits fit DHL eCommerce
        "0" * 34,  # a FedEx 34-digit barcode whose Express number would be all zeros
        "0 0 0 0 0 0 0 0 0 0 0 0",  # the same after the scan is cleaned
    ],
)
def test_one_repeated_character_is_no_tracking_number(scan: str) -> None:
    assert candidates(scan) == []
    assert recognise(scan) is None


@pytest.mark.parametrize(
    "scan",
    [
        "1Z0000000000000000",  # UPS: a serial of zeros passes the check digit
        "K0000000000",  # UPS Waybill
        "RR000000005GB",  # UPU S10: 8 zeros and their check digit
        "420" + "12345" + "0" * 20,  # an IMpb prefix before a USPS number of zeros
        "9622001900000" + "0" * 21,  # FedEx 34: a label whose number would be all zeros
    ],
)
def test_a_check_digit_over_one_repeated_character_is_no_tracking_number(scan: str) -> None:
    assert candidates(scan) == []


def test_a_format_without_check_digit_keeps_the_data_sets_own_zeros() -> None:
    # The data set lists these as valid: only a prefix identifies them, no check digit
    # was fooled, so the refusal above does not reach them.
    assert recognise("TBA000000000000") == TrackingGuess("Amazon Logistics", "TBA000000000000")
    assert recognise("1LS720000000000") is not None
