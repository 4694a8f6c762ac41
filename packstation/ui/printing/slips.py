"""A packing slip per box: what it says (:class:`Slip`) and how it is drawn (:func:`paint_slip`).

The slip is image-free so it prints the same on an office laser and a 4x6 in thermal
label printer: the store and order number, the order's barcode (Code 128, drawn with
the demo sheet's own :func:`~packstation.ui.printing.sheets.draw_barcode`), the date, the full
ship-to address, the shipping method, the box's lines (title, SKU, quantity, lots and
serials), "Box 2 of 3" when there are several, the order's tags and the packer.

:func:`paint_slip` only needs a ``QPainter`` and the page's size, so the same drawing
goes to a PDF file, a system printer, or an image in a test. Sizes follow the page's
width: a 4x6 in label gets the A4 layout scaled down, never cut.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from packstation.packing.marks import UnitMark
from packstation.redo.models import Order
from packstation.store.items import OutboxItem
from packstation.ui.printing.sheets import draw_barcode, modules
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
            SlipLine(item.title, item.sku or "", packed[item.id], tuple(marks.get(item.id, ())))
            for item in order.line_items
            if packed.get(item.id, 0) > 0
        )
        return cls(
            store_name=store_name,
            order_ref=order_ref,
            lines=lines,
            ship_to=ship_to_lines(order),
            method=(order.shipping.method or "") if order.shipping else "",
            packer=packer,
            box=box,
            boxes=boxes,
            tags=tuple(order.tags or ()),
            date=date or dt.date.today(),
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


def ship_to_lines(order: Order) -> tuple[str, ...]:
    """Name, street lines, "postal code city", province, country: each non-empty part."""
    name = order.customer.display_name if order.customer else ""
    address = order.shipping.address if order.shipping else None
    if address is None:
        return (name,) if name else ()
    town = " ".join(p for p in (address.postal_code, address.city) if p)
    parts = (name, address.address1, address.address2, town, address.province, address.country)
    return tuple(p.strip() for p in parts if p and p.strip())


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


class _Fonts:
    def __init__(self, mm: float) -> None:
        def font(size: float, bold: bool = False, family: str = "DejaVu Sans") -> QFont:
            f = QFont(family)
            f.setPixelSize(max(1, round(size * mm)))
            f.setBold(bold)
            return f

        self.store = font(5.0, bold=True)
        self.order = font(7.0, bold=True)
        self.head = font(3.2, bold=True)
        self.body = font(3.6)
        self.small = font(2.8)
        self.code = font(3.4, family="DejaVu Sans Mono")


def paint_slip(
    painter: QPainter,
    page: QRectF,
    dots_per_mm: float,
    slip: Slip,
    new_page: Callable[[], bool] | None = None,
) -> int:
    """Draw ``slip`` into ``page`` (device pixels); returns the pages used.

    ``new_page`` starts the next page when the lines do not fit (``QPrinter.newPage``);
    without it the lines that do not fit are left out.
    """
    width_mm = page.width() / dots_per_mm
    # Laid out for a 180 mm wide page; narrower pages scale everything down.
    mm = dots_per_mm * min(1.0, width_mm / 180.0)
    fonts = _Fonts(mm)
    left, top, width, bottom = page.left(), page.top(), page.width(), page.bottom()
    y = top
    black = QColor("black")
    painter.setPen(black)

    def text(rect: QRectF, value: str, font: QFont, flags: Qt.AlignmentFlag) -> None:
        painter.setFont(font)
        painter.drawText(rect, int(flags | Qt.AlignmentFlag.AlignVCenter), value)

    left_flag, right_flag = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight

    # Store, and the box this is.
    text(
        QRectF(left, y, width, 8 * mm),
        slip.store_name or tr("Packing slip"),
        fonts.store,
        left_flag,
    )
    text(QRectF(left, y, width, 8 * mm), slip.box_label, fonts.order, right_flag)
    y += 9 * mm
    text(
        QRectF(left, y, width, 10 * mm),
        tr("Order {ref}").format(ref=slip.order_ref),
        fonts.order,
        left_flag,
    )
    y += 11 * mm
    # The order's barcode: 0.4 mm modules (zbar and hand scanners read it at 203 dpi).
    pattern = modules(slip.order_ref, "code128")
    bar_w = min(width, (len(pattern) + 20) * 0.4 * mm)
    draw_barcode(painter, QRectF(left, y, bar_w, 14 * mm), pattern)
    y += 15 * mm
    text(QRectF(left, y, width, 5 * mm), slip.order_ref, fonts.code, left_flag)
    y += 7 * mm

    # Date, method, packer on the right; ship-to on the left.
    column = width * 0.55
    facts = [
        (tr("Date"), slip.date.isoformat()),
        (tr("Ship via"), slip.method or "—"),
        (tr("Packed by"), slip.packer or "—"),
    ]
    text(QRectF(left, y, column, 5 * mm), tr("Ship to"), fonts.head, left_flag)
    fy = y
    for label, value in facts:
        text(
            QRectF(left + column, fy, width - column, 5 * mm),
            f"{label}: {value}",
            fonts.body,
            left_flag,
        )
        fy += 5.5 * mm
    y += 5.5 * mm
    for address_line in slip.ship_to or ("—",):
        painter.setFont(fonts.body)
        elided = painter.fontMetrics().elidedText(
            address_line, Qt.TextElideMode.ElideRight, int(column)
        )
        text(QRectF(left, y, column, 5 * mm), elided, fonts.body, left_flag)
        y += 5.5 * mm
    y = max(y, fy) + 2 * mm

    # Tags as outlined badges: a gift or fragile box is seen at a glance.
    if slip.tags:
        x = left
        painter.setFont(fonts.head)
        for tag in slip.tags:
            w = painter.fontMetrics().horizontalAdvance(tag) + 4 * mm
            if x + w > left + width:
                x, y = left, y + 7 * mm
            painter.setPen(QPen(black, max(1.0, 0.3 * mm)))
            painter.drawRoundedRect(QRectF(x, y, w, 6 * mm), 1.5 * mm, 1.5 * mm)
            painter.drawText(QRectF(x, y, w, 6 * mm), int(Qt.AlignmentFlag.AlignCenter), tag)
            x += w + 2 * mm
        y += 9 * mm

    # The box's lines.
    sku_x, qty_x = left + width * 0.62, left + width * 0.88
    pages = 1

    def header(at: float) -> float:
        text(QRectF(left, at, width, 5 * mm), tr("Item"), fonts.head, left_flag)
        text(QRectF(sku_x, at, qty_x - sku_x, 5 * mm), tr("SKU"), fonts.head, left_flag)
        text(QRectF(qty_x, at, left + width - qty_x, 5 * mm), tr("Qty"), fonts.head, right_flag)
        painter.setPen(QPen(black, max(1.0, 0.3 * mm)))
        painter.drawLine(int(left), int(at + 5.5 * mm), int(left + width), int(at + 5.5 * mm))
        return at + 7 * mm

    y = header(y)
    footer = 8 * mm
    for line in slip.lines:
        needed = 6 * mm + 4.5 * mm * len(line.marks)
        if y + needed > bottom - footer:
            if new_page is None or not new_page():
                break
            pages += 1
            y = header(top)
        painter.setFont(fonts.body)
        title = painter.fontMetrics().elidedText(
            line.title, Qt.TextElideMode.ElideRight, int(sku_x - left - 2 * mm)
        )
        text(QRectF(left, y, sku_x - left, 6 * mm), title, fonts.body, left_flag)
        text(QRectF(sku_x, y, qty_x - sku_x, 6 * mm), line.sku, fonts.code, left_flag)
        text(
            QRectF(qty_x, y, left + width - qty_x, 6 * mm),
            str(line.quantity),
            fonts.body,
            right_flag,
        )
        y += 6 * mm
        for mark in line.marks:
            text(
                QRectF(left + 4 * mm, y, width - 4 * mm, 4.5 * mm),
                mark_text(mark),
                fonts.small,
                left_flag,
            )
            y += 4.5 * mm
    painter.setPen(QPen(black, max(1.0, 0.3 * mm)))
    painter.drawLine(int(left), int(y + mm), int(left + width), int(y + mm))
    total = tr("%n item(s) in this box", None, slip.units)
    text(QRectF(left, y + 2 * mm, width, 6 * mm), total, fonts.head, right_flag)
    return pages
