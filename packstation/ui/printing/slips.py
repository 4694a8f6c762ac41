"""A packing slip per box: what it says (:class:`Slip`), without Qt.

How it is drawn is ``slip_paint.py`` (:func:`~packstation.ui.printing.slip_paint.paint_slip`):
the bench builds slips and hands them to the print worker without importing any of Qt's
painting.

The slip is image-free so it prints the same on an office laser and a 4x6 in thermal
label printer: the store and order number, the order's barcode (Code 128, drawn with
the demo sheet's own :func:`~packstation.ui.printing.sheets.draw_barcode`; the Redo order
ID when the reference the packer used is not plain ASCII), the date, the full
ship-to address, the shipping method, the box's lines (title, SKU, quantity, lots and
serials), "Box 2 of 3" when there are several, the order's tags and the packer.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from packstation.config import Settings
from packstation.packing.marks import UnitMark
from packstation.redo.models import Order
from packstation.store.items import OutboxItem
from packstation.ui.words.i18n import tr


@dataclass(frozen=True, slots=True)
class SlipLine:
    title: str
    sku: str
    quantity: int
    #: Lots, expiry dates and serials of the units, one text per scan that named them.
    marks: tuple[UnitMark, ...] = ()


@dataclass(frozen=True, slots=True)
class Slip:
    """Everything printed on one box's packing slip (plain values: safe on any thread)."""

    store_name: str
    order_ref: str
    lines: tuple[SlipLine, ...]
    ship_to: tuple[str, ...] = ()
    method: str = ""
    packer: str = ""
    box: int = 1
    #: How many boxes the order ships in; None while more may follow ("Box 2").
    boxes: int | None = 1
    tags: tuple[str, ...] = ()
    date: dt.date = field(default_factory=dt.date.today)
    #: The order's ID in Redo: the barcode carries it when ``order_ref`` cannot.
    order_id: str = ""

    @property
    def barcode(self) -> str:
        """What the order's barcode encodes: the reference, or the order ID when Code 128
        cannot carry the reference (``refé``, an emoji, scanned from a slip of another
        system). Raises :class:`PrintError` when it can carry neither."""
        for text in (self.order_ref, self.order_id):
            if code128_can_encode(text):
                return text
        raise PrintError(
            tr("Neither {ref} nor its Redo order ID {id} can be printed as a barcode.").format(
                ref=self.order_ref[:60], id=self.order_id[:60]
            )
        )

    @property
    def box_label(self) -> str:
        """ "Box 2 of 3", "Box 2" while the count is open, "" for an order's only box."""
        if self.boxes is None:
            return tr("Box {box}").format(box=self.box)
        if self.boxes <= 1 and self.box <= 1:
            return ""
        return tr("Box {box} of {boxes}").format(box=self.box, boxes=self.boxes)

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)

    @classmethod
    def build(
        cls,
        order: Order,
        order_ref: str,
        packed: Mapping[str, int],
        *,
        store_name: str = "",
        marks: Mapping[str, Sequence[UnitMark]] | None = None,
        packer: str = "",
        box: int = 1,
        boxes: int | None = 1,
        date: dt.date | None = None,
    ) -> Slip:
        """The slip of a box holding ``packed`` (units by line ID) of ``order``.

        Lines are in the order's order; a line ID the order does not have is ignored.
        """
        marks = marks or {}
        lines = tuple(
            SlipLine(
                one_line(item.title),
                one_line(item.sku or ""),
                packed[item.id],
                tuple(marks.get(item.id, ())),
            )
            for item in order.line_items
            if packed.get(item.id, 0) > 0
        )
        return cls(
            store_name=one_line(store_name),
            order_ref=one_line(order_ref),
            lines=lines,
            ship_to=ship_to_lines(order),
            method=one_line((order.shipping.method or "") if order.shipping else ""),
            packer=one_line(packer),
            box=box,
            boxes=boxes,
            tags=slip_tags(order.tags or ()),
            date=date or dt.date.today(),
            order_id=order.order_id,
        )


def slip_for_shipment(
    order: Order,
    item: OutboxItem,
    *,
    store_name: str = "",
    box: int = 1,
    boxes: int | None = 1,
) -> Slip:
    """The slip of a box already queued or sent (History's reprint): its lines and lots
    from the station's record, the address and method from ``order`` (fetched again)."""
    packed = {line.id: line.quantity for line in item.request.line_items}
    marks: dict[str, list[UnitMark]] = {}
    for units in item.summary.packed_units:
        if units.lot or units.expiry or units.serial:
            mark = UnitMark(units.lot, units.expiry, units.serial, units.quantity)
            marks.setdefault(units.line_id, []).append(mark)
    return Slip.build(
        order,
        item.order_ref,
        packed,
        store_name=store_name,
        marks=marks,
        packer=item.packer,
        box=box,
        boxes=boxes,
        date=dt.date.fromtimestamp(item.created_at),
    )


def code128_can_encode(text: str) -> bool:
    """Whether a Code 128 barcode carries ``text`` as a scanner reads it back: printable
    ASCII (python-barcode refuses anything beyond ASCII; control characters would reach
    the bench as keys, not as the code)."""
    return bool(text) and all(" " <= c <= "~" for c in text)


def ship_to_lines(order: Order) -> tuple[str, ...]:
    """Name, street lines, "postal code city", province, country: each non-empty part."""
    name = order.customer.display_name if order.customer else ""
    address = order.shipping.address if order.shipping else None
    if address is None:
        return (name,) if name else ()
    town = " ".join(p for p in (address.postal_code, address.city) if p)
    parts = (name, address.address1, address.address2, town, address.province, address.country)
    return tuple(one_line(p) for p in parts if p and one_line(p))


#: Bidi controls (U+202A-202E, U+2066-2069, U+200E-200F, U+061C): on a slip they reorder
#: what follows ("qty 100" printed as "001 x"); nothing on a slip needs them.
_BIDI = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C], None
)
#: Tags on a slip at most: the rest are counted, never lost below the page.
MAX_TAGS = 12


def one_line(text: str) -> str:
    """``text`` for one line of a slip: no bidi controls, no line breaks or control
    characters (a CR/LF in an address line drew over the next line), spaces collapsed."""
    cleaned = "".join(
        " " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text.translate(_BIDI)
    )
    return " ".join(cleaned.split())


def slip_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """The order's tags, each on one line, at most :data:`MAX_TAGS` and then "+N more"."""
    kept = [one_line(tag) for tag in tags if one_line(tag)]
    if len(kept) <= MAX_TAGS:
        return tuple(kept)
    more = len(kept) - (MAX_TAGS - 1)
    return (*kept[: MAX_TAGS - 1], tr("+%n more", None, more))


def mark_text(mark: UnitMark) -> str:
    parts = []
    if mark.lot:
        parts.append(tr("Lot {lot}").format(lot=mark.lot))
    if mark.expiry:
        parts.append(tr("exp. {date}").format(date=mark.expiry))
    if mark.serial:
        parts.append(tr("S/N {serial}").format(serial=mark.serial))
    if mark.units > 1:
        parts.append(f"× {mark.units}")
    return " · ".join(parts)


def file_name_part(text: str, fallback: str) -> str:
    """``text`` as part of a file's name: letters, digits, ``.``, ``_`` and ``-`` only."""
    return re.sub(r"[^0-9A-Za-z._-]+", "", text) or fallback


def slip_file_name(slip: Slip, now: dt.datetime | None = None) -> str:
    """``slip-1002-box2-20261127-101500.pdf``: the order, the box and when, file-name safe."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"slip-{file_name_part(slip.order_ref, 'order')}-box{slip.box}-{stamp}.pdf"


def should_print(settings: Settings, moment: str) -> bool:
    """Whether a slip prints by itself at ``moment`` (``"open"`` or ``"ship"``)."""
    return bool(settings.printer) and settings.print_when == moment


class PrintError(Exception):
    """A slip or a receipt did not print; ``str(error)`` is the sentence for the packer."""
