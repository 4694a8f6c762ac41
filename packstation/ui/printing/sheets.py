"""Printable barcode sheets (PDF), drawn with Qt's own PDF writer.

python-barcode encodes (Code 128 code sets, EAN/UPC check digits); QPdfWriter and
QPainter draw the bars as vectors, so a sheet prints sharp at any size and the app
needs no image library. The demo sheet and the command sheet share this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from packstation.store.returns_index import OPEN_STATUSES
from packstation.ui.printing.slips import PrintError
from packstation.ui.words.i18n import tr


class DemoReturns(Protocol):
    """What the demo sheet reads of the sandbox's returns (``ReturnsBook``)."""

    def snapshot(self) -> list[dict[str, Any]]:
        """Each return as ``{"return": <Redo's return-read shape>, ...}``."""
        ...


class DemoData(Protocol):
    """What the demo sheet needs of the sandbox's demo data (``SandboxState``), named here
    so that the window's code never imports the sandbox."""

    store_name: str
    products: list[dict[str, Any]]

    @property
    def returns(self) -> DemoReturns: ...

    def order_names(self) -> list[tuple[str, str, str]]: ...


@dataclass(frozen=True, slots=True)
class SheetEntry:
    """One labelled barcode: ``symbology`` is ``code128``, ``ean13``, ``upca`` or ``ean8``."""

    label: str
    code: str
    symbology: str = "code128"
    note: str = ""


def modules(code: str, symbology: str) -> str:
    """The bar pattern, one character per module: ``1`` black, ``0`` white.

    Raises :class:`~packstation.ui.printing.slips.PrintError` (a sentence) when the
    symbology cannot carry ``code``: python-barcode raises its own errors, or an
    ``IndexError`` for an empty code, which must not escape a print job as a bug.
    """
    # python-barcode is imported when a sheet or slip is drawn, not with the window.
    import barcode

    try:
        encoder = barcode.get(symbology, code)
        return "".join(encoder.build())
    except Exception as exc:  # python-barcode's refusals have no common base
        raise PrintError(
            tr("The code {code} cannot be drawn as a barcode ({symbology}).").format(
                code=code[:60], symbology=symbology
            )
        ) from exc


def symbology_for_product_code(code: str) -> str:
    return {12: "upca", 13: "ean13", 8: "ean8"}.get(len(code), "code128")


def draw_barcode(painter: QPainter, rect: QRectF, pattern: str) -> None:
    """Bars filling ``rect`` horizontally, with a quiet zone of 10 modules each side."""
    total = len(pattern) + 20
    module = rect.width() / total
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    x = rect.left() + 10 * module
    run_start = -1
    for i, bit in enumerate(pattern + "0"):
        if bit == "1" and run_start < 0:
            run_start = i
        elif bit != "1" and run_start >= 0:
            painter.drawRect(
                QRectF(x + run_start * module, rect.top(), (i - run_start) * module, rect.height())
            )
            run_start = -1
    painter.restore()


def write_sheet(path: Path, title: str, entries: Sequence[SheetEntry], columns: int = 2) -> int:
    """Write entries as a grid of labelled barcodes; returns the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("PackStation")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    try:
        return _paint(writer, painter, title, entries, columns)
    finally:
        painter.end()


def _paint(
    writer: QPdfWriter, painter: QPainter, title: str, entries: Sequence[SheetEntry], columns: int
) -> int:
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = float(page.width()), float(page.height())
    dpmm = writer.resolution() / 25.4
    header = 14 * dpmm
    cell_w = width / columns
    cell_h = 40 * dpmm
    rows = max(1, int((height - header) // cell_h))
    per_page = rows * columns
    pages = max(1, -(-len(entries) // per_page))

    title_font = QFont("DejaVu Sans")
    title_font.setPixelSize(int(6 * dpmm))
    title_font.setBold(True)
    label_font = QFont("DejaVu Sans")
    label_font.setPixelSize(int(3.2 * dpmm))
    label_font.setBold(True)
    text_font = QFont("DejaVu Sans Mono")
    text_font.setPixelSize(int(3.4 * dpmm))
    note_font = QFont("DejaVu Sans")
    note_font.setPixelSize(int(2.6 * dpmm))

    for page_no in range(pages):
        if page_no:
            writer.newPage()
        painter.setFont(title_font)
        painter.drawText(
            QRectF(0, 0, width, header * 0.7),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        painter.setFont(note_font)
        painter.drawText(
            QRectF(0, 0, width, header * 0.7),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            tr("page {n} of {total}").format(n=page_no + 1, total=pages),
        )
        for slot, entry in enumerate(entries[page_no * per_page : (page_no + 1) * per_page]):
            col, row = slot % columns, slot // columns
            cell = QRectF(col * cell_w, header + row * cell_h, cell_w, cell_h).adjusted(
                2 * dpmm, 2 * dpmm, -2 * dpmm, -2 * dpmm
            )
            _draw_label(painter, label_font, entry.label, cell, dpmm)
            pattern = modules(entry.code, entry.symbology)
            bar_w = min(cell.width(), (len(pattern) + 20) * 0.33 * dpmm)
            draw_barcode(
                painter, QRectF(cell.left(), cell.top() + 7 * dpmm, bar_w, 17 * dpmm), pattern
            )
            painter.setFont(text_font)
            painter.drawText(
                QRectF(cell.left(), cell.top() + 25 * dpmm, cell.width(), 5 * dpmm),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                entry.code,
            )
            if entry.note:
                painter.setFont(note_font)
                painter.drawText(
                    QRectF(cell.left(), cell.top() + 30 * dpmm, cell.width(), 4 * dpmm),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    entry.note,
                )
    return pages


#: Shipping labels to try the flow with a real scanner: valid test numbers of each
#: carrier (from the tracking-number data's own test numbers), and USPS IMpb label
#: barcodes (420 + ZIP + number) for demo order #1013, one of them for the wrong ZIP.
DEMO_LABELS = (
    SheetEntry("Label: UPS (fits #1001, #1005, #1006)", "1Z999AA10123456784", note="UPS"),
    SheetEntry("Label: USPS (fits #1002)", "9400111899223197428497", note="USPS"),
    SheetEntry(
        "Label: USPS to ZIP 97201-1234 (fits #1013)",
        "420972011234" + "9400111899223197005490",
        note="USPS IMpb: 420 + ZIP+4 + tracking number",
    ),
    SheetEntry(
        "Label: USPS, a second box of #1013",
        "9400111206206406260787",
        note="USPS",
    ),
    SheetEntry(
        "Label: USPS to ZIP 10001 (WRONG for #1013: refused)",
        "42010001" + "9400111206206406260787",
        note="USPS IMpb: 420 + ZIP + tracking number",
    ),
    SheetEntry("Label: FedEx Express (fits #1004)", "986578788855", note="FedEx"),
    SheetEntry("Label: DHL Express (fits #1003)", "3318810025", note="DHL Express"),
    SheetEntry("Label: DHL eCommerce", "GM2951173225174494", note="DHL eCommerce"),
)


def _draw_label(painter: QPainter, font: QFont, text: str, cell: QRectF, dpmm: float) -> None:
    """A label is never cut: a long one is set smaller, then on two lines."""
    box = QRectF(cell.left(), cell.top(), cell.width(), 6.5 * dpmm)
    label = QFont(font)
    for size in (3.2, 2.9, 2.6):
        label.setPixelSize(int(size * dpmm))
        painter.setFont(label)
        if painter.fontMetrics().horizontalAdvance(text) <= cell.width():
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            return
    painter.drawText(
        box,
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
        text,
    )


def return_label_entries(state: DemoData) -> list[SheetEntry]:
    """The label of each demo return whose parcel may still reach the bench (the statuses
    the bench's returns index walks for), as a scanner reads it off the parcel: a USPS
    label's barcode is its IMpb (``420`` + the warehouse's ZIP + the tracking number),
    the others carry the tracking number itself."""
    entries = []
    for record in state.returns.snapshot():
        returned = record["return"]
        shipments: list[dict[str, Any]] = returned.get("shipments") or []
        shipment = returned.get("shipment") or (shipments[0] if shipments else {})
        tracker = str(shipment.get("tracker") or "")
        if returned.get("status") not in OPEN_STATUSES or not tracker:
            continue
        carrier = str(shipment.get("carrier") or "")
        code = tracker
        if carrier == "USPS":
            address = (returned.get("destination") or {}).get("mailingAddress") or {}
            zip_code = "".join(c for c in str(address.get("postalCode") or "") if c.isdigit())
            if len(zip_code) in (5, 9):
                code = "420" + zip_code + tracker
        entries.append(
            SheetEntry(
                tr("Return of {order} ({carrier})").format(
                    order=(returned.get("order") or {}).get("name") or "?", carrier=carrier
                ),
                code,
                "code128",
                tr("return label, {status}").format(
                    status=str(returned["status"]).replace("_", " ")
                ),
            )
        )
    return entries


def demo_sheet_entries(state: DemoData) -> list[SheetEntry]:
    """Every demo order's slip, every product's SKU and UPC/EAN, sample shipping labels of
    each carrier, the labels of the demo returns still to arrive, and the command
    barcodes: one printed sheet tries the whole flow, packing and receiving."""
    from packstation.packing.commands import sheet_codes

    entries = [
        SheetEntry(
            tr("Packing slip {name}").format(name=name),
            name,
            "code128",
            tr("external ID {id}").format(id=external),
        )
        for name, external, _ in state.order_names()
    ]
    for product in state.products:
        entries.append(SheetEntry(product["title"], product["sku"], "code128", "SKU"))
        upc = product["upc"]
        entries.append(
            SheetEntry(product["title"], upc, symbology_for_product_code(upc), "UPC / EAN")
        )
    entries.extend(DEMO_LABELS)
    entries.extend(return_label_entries(state))
    entries.extend(SheetEntry(text, code, note="command") for code, text in sheet_codes())
    return entries


def write_command_sheet(path: Path) -> int:
    """The PS- command barcodes, to print and keep at the bench."""
    from packstation.packing.commands import parse_command, sheet_codes
    from packstation.ui.qtapp import ensure_gui_application
    from packstation.ui.words.commands import command_text

    ensure_gui_application()
    entries = []
    for code, description in sheet_codes():
        scan = parse_command(code)
        label = command_text(scan) if scan is not None else description
        entries.append(SheetEntry(label, code, "code128"))
    entries.append(
        SheetEntry(tr("The packer at this bench (print one per packer)"), "PS-USER-Ana", "code128")
    )
    return write_sheet(path, tr("PackStation command barcodes"), entries)


def write_demo_sheet(path: Path, state: DemoData) -> int:
    from packstation.ui.qtapp import ensure_gui_application

    ensure_gui_application()
    return write_sheet(
        path,
        tr("PackStation demo sheet - {store}").format(store=state.store_name),
        demo_sheet_entries(state),
    )
