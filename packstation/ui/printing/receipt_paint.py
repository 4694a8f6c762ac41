"""How a return receipt is drawn: :func:`paint_receipt` on any ``QPainter``, and the
receipt as the print worker's :class:`~packstation.ui.printing.printer.Document`
(:class:`ReceiptDocument`).

Drawn as a packing slip is (``slip_paint.py``): laid out for a 180 mm wide page, a 4x6 in
label gets the same layout scaled down, never cut; the slip's fonts; the return ID's
barcode is Code 128 drawn with the demo sheet's :func:`~packstation.ui.printing.sheets.draw_barcode`.
Every word comes from ``words/returns.py``. Items, missing items and undeclared codes
run onto further pages when ``new_page`` is given (the items' heads repeat on each).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from packstation.ui.printing.receipts import ReturnReceipt, receipt_file_name
from packstation.ui.printing.sheets import draw_barcode, modules
from packstation.ui.printing.slip_paint import Fonts
from packstation.ui.words import returns as words

_LEFT = Qt.AlignmentFlag.AlignLeft
_RIGHT = Qt.AlignmentFlag.AlignRight
#: The widest module of the barcode (mm): a 203 dpi label printer draws it in 3 dots.
_MODULE_MM = 0.4


@dataclass(frozen=True, slots=True)
class ReceiptDocument:
    """A receipt that names and paints itself (the print worker's ``Document``)."""

    receipt: ReturnReceipt

    @property
    def title(self) -> str:
        return f"Return receipt {self.receipt.order_name} {self.receipt.return_id}"

    def file_name(self, now: dt.datetime | None = None) -> str:
        return receipt_file_name(self.receipt, now)

    def paint(
        self,
        painter: QPainter,
        page: QRectF,
        dots_per_mm: float,
        new_page: Callable[[], bool] | None = None,
    ) -> int:
        return paint_receipt(painter, page, dots_per_mm, self.receipt, new_page)


class _Page:
    """Where the next line goes, and a new page when it does not fit."""

    def __init__(
        self,
        painter: QPainter,
        page: QRectF,
        mm: float,
        new_page: Callable[[], bool] | None,
    ) -> None:
        self.painter, self.page, self.mm, self._new_page = painter, page, mm, new_page
        self.left, self.width = page.left(), page.width()
        self.y = page.top()
        self.pages = 1
        self.full = False  # out of room with no next page: the rest is left out

    def room(self, height: float, heads: Callable[[], None] | None = None) -> bool:
        """Whether ``height`` fits; starts a page (and draws ``heads`` on it) when not."""
        if self.full:
            return False
        if self.y + height <= self.page.bottom():
            return True
        if self._new_page is None or not self._new_page():
            self.full = True
            return False
        self.pages += 1
        self.y = self.page.top()
        if heads is not None:
            heads()
        return True

    def text(
        self,
        x: float,
        width: float,
        height: float,
        value: str,
        font: QFont,
        *,
        align: Qt.AlignmentFlag = _LEFT,
    ) -> None:
        """``value`` in one line at the current height, elided to ``width``."""
        self.painter.setFont(font)
        shown = self.painter.fontMetrics().elidedText(
            value, Qt.TextElideMode.ElideRight, max(1, int(width))
        )
        rect = QRectF(x, self.y, width, height)
        self.painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)

    def fitted(self, x: float, width: float, height: float, value: str, font: QFont) -> None:
        """A column's head: set smaller (to 70 %) before it is elided."""
        fitted = QFont(font)
        size = font.pixelSize()
        for step in range(7):
            fitted.setPixelSize(max(1, round(size * (1 - 0.05 * step))))
            self.painter.setFont(fitted)
            if self.painter.fontMetrics().horizontalAdvance(value) <= width:
                break
        self.text(x, width, height, value, fitted, align=_RIGHT)

    def rule(self) -> None:
        self.painter.setPen(QPen(QColor("black"), max(1.0, 0.3 * self.mm)))
        y = int(self.y)
        self.painter.drawLine(int(self.left), y, int(self.left + self.width), y)


def paint_receipt(
    painter: QPainter,
    page: QRectF,
    dots_per_mm: float,
    receipt: ReturnReceipt,
    new_page: Callable[[], bool] | None = None,
) -> int:
    """Draw ``receipt`` into ``page`` (device pixels); returns the pages used.

    ``new_page`` starts the next page when the rest does not fit (``QPrinter.newPage``);
    without it what does not fit is left out.
    """
    # Laid out for a 180 mm wide page; narrower pages scale everything down.
    mm = dots_per_mm * min(1.0, page.width() / dots_per_mm / 180.0)
    fonts = Fonts(mm)
    painter.setPen(QColor("black"))
    at = _Page(painter, page, mm, new_page)
    left, width = at.left, at.width

    at.text(left, width, 8 * mm, words.receipt_title(), fonts.store)
    at.y += 9 * mm
    at.text(left, width, 10 * mm, words.receipt_heading(receipt.order_name), fonts.order)
    at.y += 11 * mm
    # The return ID's barcode, as wide as the page allows up to 0.4 mm modules (24 hex
    # digits are about 300 modules: 128 mm on A4, the page's width on a 4x6 in label).
    pattern = modules(receipt.barcode, "code128")
    bar_w = min(width, (len(pattern) + 20) * _MODULE_MM * dots_per_mm)
    draw_barcode(painter, QRectF(left, at.y, bar_w, 14 * mm), pattern)
    at.y += 16 * mm
    facts = words.receipt_facts(receipt.return_id, receipt.when, receipt.bench, receipt.packer)
    for label, value in facts:
        at.text(left, width, 5 * mm, f"{label}: {value}", fonts.body)
        at.y += 5.5 * mm
    if receipt.exchange:
        at.text(left, width, 5 * mm, words.receipt_exchange(), fonts.head)
        at.y += 5.5 * mm
    at.y += 2 * mm

    _items(at, fonts, receipt)
    _missing(at, fonts, receipt)
    _undeclared(at, fonts, receipt)
    if receipt.job_id and at.room(8 * mm):
        at.y += 3 * mm
        at.text(left, width, 4.5 * mm, f"PackStation {receipt.job_id}", fonts.small)
    return at.pages


def _items(at: _Page, fonts: Fonts, receipt: ReturnReceipt) -> None:
    mm, left, width = at.mm, at.left, at.width
    # Item | SKU | expected | sellable | damaged: each count as wide as its head in the
    # bench's language ("Verkaufsfähig"), the three at most 45 % of the page; the item
    # and its SKU share the rest.
    item_head, sku_head, *count_heads = words.receipt_columns()
    at.painter.setFont(fonts.head)
    metrics = at.painter.fontMetrics()
    count_ws = [
        max(metrics.horizontalAdvance(head), metrics.horizontalAdvance("000")) + 3 * mm
        for head in count_heads
    ]
    if sum(count_ws) > width * 0.45:
        count_ws = [w * width * 0.45 / sum(count_ws) for w in count_ws]
    counts_x = [left + width - sum(count_ws[i:]) for i in range(3)]
    sku_x = left + (counts_x[0] - left) * 0.62

    def heads() -> None:
        at.text(left, sku_x - left, 5 * mm, item_head, fonts.head)
        at.text(sku_x, counts_x[0] - sku_x, 5 * mm, sku_head, fonts.head)
        for x, w, head in zip(counts_x, count_ws, count_heads, strict=True):
            at.fitted(x + 1 * mm, w - 1 * mm, 5 * mm, head, fonts.head)
        at.y += 5.5 * mm
        at.rule()
        at.y += 1.5 * mm

    if not at.room(13 * mm):
        return
    heads()
    for line in receipt.lines:
        if not at.room(6 * mm + (4.5 * mm if line.notes else 0), heads):
            return
        at.text(left, sku_x - left - 2 * mm, 6 * mm, line.title, fonts.body)
        at.text(sku_x, counts_x[0] - sku_x - 1 * mm, 6 * mm, line.sku or "—", fonts.code)
        counts = (line.expected, line.sellable, line.damaged)
        for x, w, count in zip(counts_x, count_ws, counts, strict=True):
            at.text(x + 1 * mm, w - 1 * mm, 6 * mm, str(count), fonts.body, align=_RIGHT)
        at.y += 6 * mm
        if line.notes:
            damage = words.receipt_damage(line.notes)
            at.text(left + 4 * mm, width - 4 * mm, 4.5 * mm, damage, fonts.small)
            at.y += 4.5 * mm
    if at.room(9 * mm):
        at.y += 1 * mm
        at.rule()
        at.y += 1 * mm
        total = words.receipt_total(receipt.received, receipt.expected)
        at.text(left, width, 6 * mm, total, fonts.head, align=_RIGHT)
        at.y += 8 * mm


def _missing(at: _Page, fonts: Fonts, receipt: ReturnReceipt) -> None:
    mm, left, width = at.mm, at.left, at.width
    missing = receipt.not_received
    if not at.room(12 * mm):
        return
    if not missing:
        at.text(left, width, 5.5 * mm, words.receipt_all_arrived(), fonts.body)
        at.y += 8 * mm
        return
    at.text(left, width, 5.5 * mm, words.receipt_missing_head(), fonts.head)
    at.y += 6 * mm
    for line in missing:
        if not at.room(5.5 * mm):
            return
        said = words.receipt_missing(line.title, line.sku, line.missing, line.expected)
        at.text(left + 4 * mm, width - 4 * mm, 5.5 * mm, said, fonts.body)
        at.y += 5.5 * mm
    at.y += 2.5 * mm


def _undeclared(at: _Page, fonts: Fonts, receipt: ReturnReceipt) -> None:
    mm, left, width = at.mm, at.left, at.width
    if not receipt.undeclared or not at.room(12 * mm):
        return
    at.text(left, width, 5.5 * mm, words.receipt_undeclared_head(), fonts.head)
    at.y += 6 * mm
    for code, scans in receipt.undeclared:
        if not at.room(5 * mm):
            return
        at.text(
            left + 4 * mm, width - 4 * mm, 5 * mm, words.receipt_undeclared(code, scans), fonts.code
        )
        at.y += 5 * mm
    if receipt.undeclared_more and at.room(5 * mm):
        at.text(
            left + 4 * mm,
            width - 4 * mm,
            5 * mm,
            words.receipt_more(receipt.undeclared_more),
            fonts.small,
        )
        at.y += 5 * mm
    at.y += 2.5 * mm
