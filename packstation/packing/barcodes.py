"""What an item barcode says: its GTIN (in any of its forms) and GS1 extras, via biip.

UPC-A, UPC-E, EAN-8, EAN-13 and GTIN-14 name the same product when their GTINs
agree, so every product code is compared as its GTIN-14. GS1-128 and GS1
DataMatrix element strings (with the ``]C1``/``]d2``/``]Q3``/``]E0`` symbology
prefixes scanners send, FNC1 as ASCII GS, or the parenthesised text form) give
their AI 01 GTIN plus lot (10), expiry (17) and serial (21).
"""

from __future__ import annotations

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
    from biip import parse
    from biip.gs1_messages import GS1Message

    try:
        if code.startswith("("):
            message: GS1Message | None = GS1Message.parse_hri(code)
        else:
            result = parse(code)
            message = result.gs1_message
            if message is None and result.gtin is not None:
                return ItemCode(raw, gtin14=result.gtin.as_gtin_14())
        if message is None:
            return ItemCode(raw)
        values = {element.ai.ai: element.value for element in message.element_strings}
    except Exception:  # biip rejected it (``]``, ``]Yi``, ...): not a product code
        return ItemCode(raw)
    found = values.get("01") or values.get("02")
    return ItemCode(
        raw,
        gtin14=gtin14(found) if isinstance(found, str) else None,
        lot=_text(values.get("10")),
        serial=_text(values.get("21")),
        expiry=_text(values.get("17")),
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
