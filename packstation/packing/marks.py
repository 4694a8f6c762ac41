"""Lots, expiry dates and serial numbers of packed units, as a GS1 scan gave them.

A scan of a GS1-128 or GS1 DataMatrix code can carry a lot (AI 10), an expiry date
(AI 17, ``YYMMDD``) and a serial number (AI 21). The session keeps one
:class:`UnitMark` per such scan with the units it packed, so a recall can find every
box a lot or a serial went into.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from packstation.packing.barcodes import ItemCode, parse_item_code
from packstation.packing.codes import GS


@dataclass(frozen=True, slots=True)
class UnitMark:
    """``units`` packed by one scan that named a lot, an expiry date and/or a serial.

    ``expiry`` is ISO (``2027-06-30``, or ``2027-06`` when the code's day is ``00``,
    GS1's "end of the month"); a serial names exactly one unit.
    """

    lot: str = ""
    expiry: str = ""
    serial: str = ""
    units: int = 1

    def to_json(self) -> dict[str, Any]:
        return {"lot": self.lot, "expiry": self.expiry, "serial": self.serial, "units": self.units}

    @classmethod
    def from_json(cls, data: object) -> UnitMark:
        """Raises ``TypeError``/``ValueError`` for anything that is not a mark."""
        if not isinstance(data, dict):
            raise TypeError("a unit mark is an object")
        lot, expiry, serial = (data.get(k, "") for k in ("lot", "expiry", "serial"))
        if not (isinstance(lot, str) and isinstance(expiry, str) and isinstance(serial, str)):
            raise TypeError("lot, expiry and serial are text")
        units = data.get("units", 1)
        if isinstance(units, bool) or not isinstance(units, int) or not 1 <= units <= 1000:
            raise ValueError("units of a mark are 1 to 1000")
        return cls(lot, expiry, serial, units)


def expiry_iso(yymmdd: str) -> str:
    """GS1 AI 17 as an ISO date; any other text comes back as it was."""
    if len(yymmdd) != 6 or not (yymmdd.isascii() and yymmdd.isdigit()):
        return yymmdd
    year, month, day = f"20{yymmdd[:2]}", yymmdd[2:4], yymmdd[4:]
    return f"{year}-{month}" if day == "00" else f"{year}-{month}-{day}"


def might_carry_marks(code: str) -> bool:
    """Whether a scan could be a GS1 element string (cheap; no parser is loaded)."""
    return code.startswith(("(", "]")) or GS in code or code[:2] in {"01", "02"}


def mark_of(code: str, units: int = 1) -> UnitMark | None:
    """The lot, expiry and serial a scanned item code names, or None when it names none."""
    if not might_carry_marks(code):
        return None
    item: ItemCode = parse_item_code(code)
    if not (item.lot or item.expiry or item.serial):
        return None
    return UnitMark(
        lot=item.lot or "",
        expiry=expiry_iso(item.expiry or ""),
        serial=item.serial or "",
        units=units,
    )


def marks_to_json(marks: Mapping[str, Sequence[UnitMark]]) -> dict[str, list[dict[str, Any]]]:
    """Marks by line ID, for the journal and the outbox summary; lines with none left out."""
    return {line: [m.to_json() for m in found] for line, found in marks.items() if found}


def marks_from_json(data: object) -> dict[str, tuple[UnitMark, ...]]:
    """The inverse of :func:`marks_to_json`; raises ``TypeError``/``ValueError``."""
    if not isinstance(data, dict):
        raise TypeError("marks are an object of line IDs")
    result: dict[str, tuple[UnitMark, ...]] = {}
    for line, found in data.items():
        if not isinstance(found, list):
            raise TypeError("a line's marks are a list")
        result[str(line)] = tuple(UnitMark.from_json(m) for m in found)
    return result
