"""What an item barcode says: its GTIN (in any of its forms) and GS1 extras, via biip.

UPC-A, UPC-E, EAN-8, EAN-13 and GTIN-14 name the same product when their GTINs
agree, so every product code is compared as its GTIN-14. GS1-128 and GS1
DataMatrix element strings (with the ``]C1``/``]d2``/``]Q3``/``]E0`` symbology
prefixes scanners send, FNC1 as ASCII GS, or the parenthesised text form) give
their AI 01 GTIN plus lot (10), expiry (17) and serial (21). A code that repeats an AI
is unreadable (which of its lots is in the box?); an expiry that is not a date is
left out and the item still reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from packstation.load_once import run_once
from packstation.packing import gs1_prefixes
from packstation.packing.codes import GS

if TYPE_CHECKING:
    from biip.gs1_messages import GS1Message


def _import_biip() -> tuple[ModuleType, ...]:
    gs1_prefixes.install()
    import biip
    import biip.gs1_messages
    import biip.gtin
    import biip.upc

    return (biip, biip.gs1_messages, biip.gtin, biip.upc)


# biip is imported on first use, without its company-prefix table (gs1_prefixes.py);
# the window warms it up on a worker once the first order shows, so no scan waits for
# it. Its modules import each other, so it is imported once, under a lock (load_once).
_biip = run_once(_import_biip)


@dataclass(frozen=True, slots=True)
class ItemCode:
    raw: str
    gtin14: str | None = None
    lot: str | None = None
    serial: str | None = None
    expiry: str | None = None


def warm_up() -> None:
    """Load biip's tables now (on a worker), not on the first scan."""
    _biip()


def gtin14(code: str) -> str | None:
    """The GTIN-14 of a plain UPC-A/UPC-E/EAN-8/EAN-13/GTIN-14, check digit verified."""
    digits = code.strip()
    # ASCII only: str.isdigit() is also true for "²" and "٣", which no barcode encodes.
    if not (digits.isascii() and digits.isdigit()) or len(digits) not in (6, 7, 8, 12, 13, 14):
        return None
    _biip()
    from biip.gtin import Gtin
    from biip.upc import Upc, UpcFormat

    # Every biip call is guarded where it is made: a code biip rejects, in whatever way
    # (ParseError, or an IndexError/ValueError from a corner of its parsers), is simply
    # not a product code, never an exception on the scan path.
    if len(digits) in (6, 7) or (len(digits) == 8 and digits[0] in "01"):
        # Eight digits starting 0/1 may be UPC-E; only trust it if it expands cleanly.
        try:
            upc = Upc.parse(digits)
            if upc.format == UpcFormat.UPC_E:
                return Gtin.parse(upc.as_upc_a()).as_gtin_14()
        except Exception:  # noqa: S110 - not a UPC-E; eight digits may still be an EAN-8
            pass
        if len(digits) != 8:
            return None
    try:
        return Gtin.parse(digits).as_gtin_14()
    except Exception:  # biip rejected it: not a product code
        return None


def parse_item_code(raw: str) -> ItemCode:
    """Read a scanned item barcode; unknown shapes come back with only ``raw``.

    Never raises: whatever a parser makes of ``raw``, the worst answer is "not a
    product code" (an ``ItemCode`` with only ``raw``).
    """
    code = raw.strip()
    if not code:
        return ItemCode(raw)
    plain = gtin14(code)
    if plain:
        return ItemCode(raw, gtin14=plain)
    if not (code.startswith(("(", "]")) or GS in code or code[:2] in {"01", "02"}):
        return ItemCode(raw)
    _biip()
    try:
        read = _read_gs1(code)
        if read is None:
            # An expiry that is no date (month 13) must not make the item unknown: the
            # code is read again without it.
            cleaned = _without_undated_expiry(code)
            read = _read_gs1(cleaned) if cleaned is not None else None
    except Exception:  # biip rejected it (``]``, ``]Yi``, ...): not a product code
        return ItemCode(raw)
    if read is None:
        return ItemCode(raw)
    if isinstance(read, str):
        return ItemCode(raw, gtin14=read)
    values, dated = read
    found = values.get("01") or values.get("02")
    return ItemCode(
        raw,
        gtin14=gtin14(found) if isinstance(found, str) else None,
        lot=_text(values.get("10")),
        serial=_text(values.get("21")),
        # An expiry that is no date (February 31) is left out; the item still packs.
        expiry=_text(values.get("17")) if "17" in dated else None,
    )


def _read_gs1(code: str) -> tuple[dict[str, str], set[str]] | str | None:
    """The element strings of a GS1 code (values by AI, and the AIs whose value is a
    real date), a plain GTIN-14, or None when biip cannot read it. Raises what biip
    raises for shapes it does not expect."""
    from biip import ParseConfig, ParseError, parse
    from biip.gs1_messages import GS1Message

    # Dates are checked here, not by biip: a bad expiry loses only the expiry.
    config = ParseConfig(gs1_element_strings_verify_date=False)
    try:
        if code.startswith("("):
            message: GS1Message | None = GS1Message.parse_hri(code, config=config)
        else:
            result = parse(code, config=config)
            message = result.gs1_message
            if message is None and result.gtin is not None:
                return result.gtin.as_gtin_14()
    except ParseError:
        return None
    if message is None:
        return None
    elements = message.element_strings
    ais = [element.ai.ai for element in elements]
    if len(set(ais)) != len(ais):
        # ``(10)A(10)B``: which lot is in the box cannot be known, so the code is
        # unreadable (nothing is packed) rather than one of its lots kept in silence.
        return None
    values = {element.ai.ai: element.value for element in elements}
    return values, {element.ai.ai for element in elements if element.date is not None}


#: AI 17 as biip accepts it (YYMMDD, month 01-12, day 00-31); any other six characters
#: make biip refuse the whole code.
_EXPIRY = re.compile(r"\d{2}(?:0\d|1[0-2])(?:[0-2]\d|3[01])")
_HRI_ELEMENT = re.compile(r"\((\d+)\)([^(]*)")


def _without_undated_expiry(code: str) -> str | None:
    """``code`` without its AI 17 elements whose value biip refuses as a date, or None
    when it has none (or cannot be walked element by element)."""
    from biip.gs1_element_strings import GS1ElementString

    if code.startswith("("):
        parts = _HRI_ELEMENT.findall("".join(code.split()))
        kept = [(ai, v) for ai, v in parts if ai != "17" or _EXPIRY.fullmatch(v)]
        expiries = sum(ai == "17" for ai, _ in parts)
        cleaned = "".join(f"({ai}){v}" for ai, v in kept)
        return cleaned if len(kept) < len(parts) and expiries == 1 else None
    prefix = code[:3] if code.startswith("]") else ""
    rest, out, expiries, dropped = code[len(prefix) :], [prefix], 0, False
    while rest:
        if rest.startswith("17"):
            expiries += 1
        if rest.startswith("17") and not _EXPIRY.fullmatch(rest[2:8]):
            rest, dropped = rest[8:], True  # AI 17 is always six characters long
        else:
            size = len(GS1ElementString.extract(rest))
            out.append(rest[:size])
            rest = rest[size:]
        while rest.startswith(GS):
            out.append(GS)
            rest = rest[1:]
    # Two expiries are a repeated AI: unreadable, as ``_read_gs1`` says of any other.
    return "".join(out) if dropped and expiries == 1 else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
