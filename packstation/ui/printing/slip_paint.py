"""How a packing slip is drawn: :func:`paint_slip` on any ``QPainter``, and the slip as the
print worker's :class:`~packstation.ui.printing.printer.Document` (:class:`SlipDocument`).

:func:`paint_slip` only needs a ``QPainter`` and the page's size, so the same drawing
goes to a PDF file, a system printer, or an image in a test. Sizes follow the page's
width: a 4x6 in label gets the A4 layout scaled down, never cut. The order's barcode is
Code 128, drawn with the demo sheet's own :func:`~packstation.ui.printing.sheets.draw_barcode`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from packstation.ui.printing.sheets import draw_barcode, modules
from packstation.ui.printing.slips import Slip, mark_text, slip_file_name
from packstation.ui.words.i18n import tr


@dataclass(frozen=True, slots=True)
class SlipDocument:
    """A slip that names and paints itself (the print worker's ``Document``)."""

    slip: Slip

    @property
    def title(self) -> str:
        return f"Packing slip {self.slip.order_ref} box {self.slip.box}"

    def file_name(self, now: dt.datetime | None = None) -> str:
        return slip_file_name(self.slip, now)

    def paint(
        self,
        painter: QPainter,
        page: QRectF,
        dots_per_mm: float,
        new_page: Callable[[], bool] | None = None,
    ) -> int:
        return paint_slip(painter, page, dots_per_mm, self.slip, new_page)


class Fonts:
    """The slip's fonts (the receipt's too), sized in ``mm`` (device pixels per mm)."""

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
    fonts = Fonts(mm)
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
    pattern = modules(slip.barcode, "code128")
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
    ]
    if slip.packer:  # no "Packed by: —" when nobody signed in at the bench
        facts.append((tr("Packed by"), slip.packer))
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
