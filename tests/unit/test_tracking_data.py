"""The vendored tracking-number data set's own test suite, run through the scan path.

Every courier file lists, for each format, numbers that must be valid and numbers that
must not be. Valid ones must be recognised with the right carrier; where the data's
formats overlap (listed in SHARED, each checked), the packer is asked to pick between
exactly those carriers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from packstation.packing import checksums
from packstation.packing.tracking import COURIER_CARRIERS, FORMAT_CARRIERS, candidates, recognise
from packstation.packing.tracking_data import data_set, load
from packstation.resources import resource_path

DATA = resource_path("tracking_number_data")
S10_CARRIERS = {
    "US": "USPS",
    "GB": "Royal Mail",
    "CV": "Correios de Cabo Verde",
    "CF": "Direction des services postaux de l'Office National des Postes et de l'Épargne",
}
#: Valid numbers more than one carrier's format fits, with every carrier that fits.
SHARED = {
    # Old Dominion's 11 digits with a Luhn check; DHL Express's 11 digits, mod 7.
    "78045768393": {"Old Dominion", "DHL Express"},
    # Purolator's 12 digits with a Luhn check; FedEx Express's 12 digits, mod 11.
    "287809468872": {"Purolator", "FedEx"},
    "320610804900": {"Purolator", "FedEx"},
    # Purolator's 3 letters + 9 digits; DHL Express piece IDs are J + 2-3 letters + digits.
    "JFV247545960": {"Purolator", "DHL Express"},
}


def _cases(kind: str) -> list[Any]:
    cases = []
    for path in sorted((DATA / "couriers").glob("*.json")):
        courier = json.loads(path.read_text("utf-8"))
        for spec in courier["tracking_numbers"]:
            cases.extend(
                pytest.param(courier["courier_code"], spec, number, id=f"{spec['name']}:{number}")
                for number in spec["test_numbers"].get(kind, [])
            )
    return cases


def _carrier(courier: str, spec: dict[str, Any], number: str) -> str:
    if courier == "s10":
        return S10_CARRIERS["".join(number.split())[-2:]]
    return FORMAT_CARRIERS.get(spec.get("id", ""), COURIER_CARRIERS[courier])


def _valid_elsewhere(carrier: str, number: str) -> bool:
    """Is the number listed as valid for another format of the same carrier?"""
    return any(
        _carrier(courier, spec, number) == carrier
        for courier, spec, other in (case.values for case in _cases("valid"))
        if "".join(other.split()) == "".join(number.split())
    )


def test_the_data_set_is_the_vendored_version() -> None:
    # An update of the data is a deliberate change: bump this with the files.
    assert data_set().version == "1.3.2"
    assert "tracking_number_data 1.3.2" in (DATA / "SOURCE.md").read_text("utf-8")
    assert (DATA / "LICENSE").read_text("utf-8").startswith("MIT License")
    assert len(data_set().formats) == 39
    assert set(data_set().couriers) == {*COURIER_CARRIERS, "s10"}


def test_the_suite_is_all_there() -> None:
    # Guards the parametrisation below against a path or key that silently finds nothing.
    assert len(_cases("valid")) == 192
    assert len(_cases("invalid")) == 88


@pytest.mark.parametrize(("courier", "spec", "number"), _cases("valid"))
def test_valid_numbers_are_recognised_with_their_carrier(
    courier: str, spec: dict[str, Any], number: str
) -> None:
    carrier = _carrier(courier, spec, number)
    found = {guess.carrier for guess in candidates(number)}
    shared = SHARED.get(number)
    if shared is None:
        guess = recognise(number)
        assert guess is not None
        assert guess.carrier == carrier
    else:
        assert found == shared
        assert recognise(number) is None  # the packer picks


@pytest.mark.parametrize(("courier", "spec", "number"), _cases("invalid"))
def test_invalid_numbers_are_refused(courier: str, spec: dict[str, Any], number: str) -> None:
    fmt = next(f for f in data_set().formats if f.name == spec["name"])
    assert fmt.fit("".join(number.split()).upper()) is None
    carrier = _carrier(courier, spec, number) if courier != "s10" else ""
    if carrier and not _valid_elsewhere(carrier, number):
        assert carrier not in {guess.carrier for guess in candidates(number)}


def test_invalid_numbers_are_mostly_nobodys() -> None:
    # Numbers invalid for their own format that another carrier's format accepts: one
    # Purolator alpha "invalid" is a valid Purolator 12-digit number. (All zeros pass
    # FedEx's and Purolator's checks, but one repeated digit is nobody's number.)
    recognised = {
        number for _, _, number in (case.values for case in _cases("invalid")) if candidates(number)
    }
    assert recognised == {"331426749957"}


def test_shared_numbers_are_in_the_suite() -> None:
    valid = {"".join(case.values[2].split()) for case in _cases("valid")}
    assert set(SHARED) <= valid


def test_an_unknown_check_digit_algorithm_is_refused_at_load(tmp_path: Path) -> None:
    (tmp_path / "couriers").mkdir()
    (tmp_path / "VERSION").write_text("9.9.9\n")
    courier = {
        "name": "New",
        "courier_code": "new",
        "tracking_numbers": [
            {
                "name": "New (10)",
                "regex": "(?<SerialNumber>[0-9]{9})(?<CheckDigit>[0-9])",
                "validation": {"checksum": {"name": "mod_97"}},
            }
        ],
    }
    (tmp_path / "couriers" / "new.json").write_text(json.dumps(courier))
    with pytest.raises(ValueError, match="mod_97"):
        load(tmp_path)
    courier["tracking_numbers"][0]["validation"] = {"checksum": {"name": "mod7"}}
    (tmp_path / "couriers" / "new.json").write_text(json.dumps(courier))
    loaded = load(tmp_path)
    assert loaded.version == "9.9.9"
    assert loaded.formats[0].fit("3318810025") is not None
    assert loaded.formats[0].fit("3318810026") is None


@pytest.mark.parametrize(
    ("algorithm", "sequence", "check", "expected"),
    [
        (checksums.mod7, "331881002", "5", True),
        (checksums.mod7, "331881002", "6", False),
        (checksums.luhn, "7992739871", "3", True),  # the textbook Luhn example
        (checksums.luhn, "7992739871", "4", False),
        (checksums.s10, "12345678", "5", True),
        (checksums.s10, "12345678", "6", False),
        (checksums.mod_37_36, "09980000020033", "F", True),
        (checksums.mod_37_36, "09980000020033", "D", False),
        # Check characters an algorithm does not define are a "no", not an exception.
        (checksums.mod7, "331881002", "X", False),
        (checksums.s10, "1234567", "5", False),
        (checksums.luhn, "79927398a1", "3", False),
        (checksums.mod_37_36, "0998000002003!", "F", False),
    ],
)
def test_check_digit_algorithms(
    algorithm: checksums.Validator, sequence: str, check: str, expected: bool
) -> None:
    assert algorithm(sequence, check) is expected


def test_mod10_options() -> None:
    # UPS: letters count as (ord - 3) % 10, odd positions doubled.
    assert checksums.mod10("5R8939035756712", "7", odds_multiplier=2)
    assert not checksums.mod10("5R8939035756712", "8", odds_multiplier=2)
    # USPS IMpb N weighs from the right, which differs on an even number of digits:
    # 1*3 + 2 + 3*3 + 4 = 18 -> 2; reversed, 4*3 + 3 + 2*3 + 1 = 22 -> 8.
    assert checksums.mod10("1234", "2", evens_multiplier=3)
    assert checksums.mod10("1234", "8", evens_multiplier=3, reverse=True)
    assert not checksums.mod10("1234", "2", evens_multiplier=3, reverse=True)
    assert not checksums.mod10("12345", "Z", evens_multiplier=3)


def test_the_frozen_bundle_keeps_the_data_set() -> None:
    # installer/packstation.spec ships resources/ whole, then filters a.datas through
    # bundle_rules.wanted(), which drops files by name prefix ("libtracker", ...).
    installer = Path(__file__).resolve().parents[2] / "installer"
    sys.path.insert(0, str(installer))
    try:
        from bundle_rules import wanted  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(installer))
    files = [p for p in DATA.rglob("*") if p.is_file()]
    assert len(files) == 22
    for path in files:
        dest = "resources/" + path.relative_to(DATA.parent).as_posix()
        assert wanted((dest, str(path), "DATA")), dest
