"""Packing slips: what they say, where they go, and that printing never runs on the GUI thread."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from pytestqt.qtbot import QtBot

from packstation.app import main
from packstation.config import Settings
from packstation.packing.marks import UnitMark
from packstation.ui.printing import printer as printing
from packstation.ui.printing import slip_paint
from packstation.ui.printing.print_queue import PrintTarget, SlipPrinter
from packstation.ui.printing.slips import Slip, should_print, slip_file_name
from packstation.ui.views.printing_settings import PrintingSection
from packstation.ui.words.bench import print_failed
from tests.helpers.orders import demo_order
from tests.helpers.pdf import need_tools, pdf_barcodes, pdf_text

LOT = UnitMark(lot="L2291", expiry="2027-06-30", serial="SN-0042")


def _slip(box: int = 2, boxes: int | None = 3) -> Slip:
    return Slip.build(
        demo_order("#1002"),
        "#1002",
        {"li_1002_001": 2, "li_1002_003": 1, "not-a-line": 5},
        store_name="Trailhead Outfitters",
        marks={"li_1002_001": [LOT]},
        packer="Ana",
        box=box,
        boxes=boxes,
        date=dt.date(2026, 11, 27),
    )


def test_a_slip_holds_the_box_and_the_order_facts() -> None:
    slip = _slip()
    assert [(line.sku, line.quantity) for line in slip.lines] == [
        ("SOCK-HIK-GRY-M", 2),
        ("BNE-WOOL-CHR", 1),
    ]
    assert slip.lines[0].marks == (LOT,)
    assert slip.ship_to == ("Daniel Okafor", "77 Mass Ave", "02139 Cambridge", "MA", "US")
    assert (slip.method, slip.tags, slip.units) == (
        "USPS Priority Mail",
        ("web", "repeat-customer"),
        3,
    )
    assert slip.box_label == "Box 2 of 3"
    assert _slip(2, None).box_label == "Box 2"
    assert _slip(1, 1).box_label == ""


class _Recorder:
    def __init__(self) -> None:
        self.done: list[str] = []
        self.failed: list[str] = []

    @property
    def answered(self) -> bool:
        return bool(self.done or self.failed)


def test_a_slip_printed_into_a_pdf_folder_reads_and_scans(qtbot: QtBot, tmp_path: Path) -> None:
    need_tools()
    folder = tmp_path / "slips"
    printer = SlipPrinter(Settings(printer=f"pdf:{folder}", page_size="4x6"))
    answers = _Recorder()
    assert printer.print_slip(_slip(), answers.done.append, answers.failed.append)
    qtbot.waitUntil(lambda: answers.answered, timeout=20000)
    printer.shutdown()
    assert answers.failed == []
    (written,) = folder.glob("slip-1002-box2-*.pdf")
    assert answers.done == [str(written)]
    text = pdf_text(written)
    for expected in (
        "Trailhead Outfitters",
        "Box 2 of 3",
        "Order #1002",
        "Daniel Okafor",
        "02139 Cambridge",
        "USPS Priority Mail",
        "SOCK-HIK-GRY-M",
        "Lot L2291",
        "S/N SN-0042",
        "Packed by: Ana",
        "repeat-customer",
    ):
        assert expected in text, expected
    assert "TEE-MER-BLK-M" not in text  # not in this box
    assert "CODE-128:#1002" in pdf_barcodes(written)


@pytest.mark.parametrize("size", ["A4", "Letter", "4x6"])
def test_page_sizes(tmp_path: Path, qapp: object, size: str) -> None:
    path = tmp_path / f"{size}.pdf"
    printing.print_blocking(_slip(), PrintTarget(), size, pdf_file=path)
    width_mm = {"A4": 210, "Letter": 216, "4x6": 102}[size]
    need_tools()
    import subprocess

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    points = float(info.stdout.split("Page size:")[1].split()[0])
    assert abs(points / 72 * 25.4 - width_mm) < 1.5


def test_printing_happens_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A print job that hangs (a spooler that does not answer) leaves the GUI thread free."""
    threads: list[threading.Thread] = []
    painting, release = threading.Event(), threading.Event()
    real = slip_paint.paint_slip

    def slow(painter: QPainter, page: QRectF, dpmm: float, slip: Slip, new_page: object) -> int:
        threads.append(threading.current_thread())
        painting.set()
        release.wait(10)
        return real(painter, page, dpmm, slip, new_page)  # type: ignore[arg-type]

    monkeypatch.setattr(slip_paint, "paint_slip", slow)
    printer = SlipPrinter(Settings(printer=f"pdf:{tmp_path}"))
    answers = _Recorder()
    try:
        printer.print_slip(_slip(), answers.done.append, answers.failed.append)
        # print_slip returned while the job is still painting: nothing waited for it.
        qtbot.waitUntil(painting.is_set, timeout=10000)
        assert not answers.answered
        assert printer.busy
    finally:
        release.set()
    qtbot.waitUntil(lambda: answers.answered, timeout=20000)
    printer.shutdown()
    assert answers.done and answers.failed == []
    assert threads[0] is not threading.main_thread()


def test_a_failed_print_is_a_sentence_naming_the_slip(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for setting, reason in (
        ("No Such Printer 9", "The printer No Such Printer 9 is not installed on this computer."),
        (f"pdf:{blocker}", "cannot be used for printing"),
    ):
        printer = SlipPrinter(Settings(printer=setting))
        answers = _Recorder()
        printer.print_slip(_slip(), answers.done.append, answers.failed.append)
        qtbot.waitUntil(lambda: answers.answered, timeout=20000)  # noqa: B023
        printer.shutdown()
        assert answers.done == []
        (error,) = answers.failed
        sentence = print_failed(_slip(), error)
        assert sentence.startswith("The slip for #1002 box 2 did not print: ")
        assert reason in sentence


def test_no_printer_queues_nothing(qapp: object) -> None:
    printer = SlipPrinter(Settings())
    assert not printer.print_slip(_slip(), print, print)
    assert not printer.busy
    printer.shutdown()
    assert not should_print(Settings(), "ship")
    assert should_print(Settings(printer="PDF"), "ship")
    assert not should_print(Settings(printer="PDF", print_when="request"), "ship")
    assert should_print(Settings(printer="PDF", print_when="open"), "open")


def test_slip_file_names_are_safe() -> None:
    name = slip_file_name(_slip(), dt.datetime(2026, 11, 27, 10, 15))
    assert name == "slip-1002-box2-20261127-101500.pdf"


def test_printing_section_lists_printers_and_takes_a_folder(qtbot: QtBot, tmp_path: Path) -> None:
    section = PrintingSection(
        Settings(printer="Gone", page_size="Letter"), printers=["PDF", "Zebra_ZD421"]
    )
    qtbot.addWidget(section)
    labels = [section.printer.itemText(i) for i in range(section.printer.count())]
    assert labels == [
        "No printer",
        "PDF",
        "Zebra_ZD421",
        "Gone (not installed)",
        "PDF into a folder…",
    ]
    assert section.values()["printer"] == "Gone"
    section.printer.setCurrentIndex(2)
    section.page_size.setCurrentIndex(section.page_size.findData("4x6"))
    section.print_when.setCurrentIndex(section.print_when.findData("open"))
    assert section.values() == {
        "printer": "Zebra_ZD421",
        "page_size": "4x6",
        "print_when": "open",
        "store_name": "",
    }
    section.choose_folder("")  # the folder dialog was cancelled
    assert section.values()["printer"] == "Zebra_ZD421"
    section.choose_folder(str(tmp_path))
    assert section.values()["printer"] == f"pdf:{tmp_path}"
    assert Settings().with_(**section.values()).printer == f"pdf:{tmp_path}"


def test_locked_printing_settings_cannot_be_changed(qtbot: QtBot) -> None:
    section = PrintingSection(Settings(), {"printer": "Locked by IT."}, printers=[])
    qtbot.addWidget(section)
    assert not section.printer.isEnabled()
    assert section.printer.toolTip() == "Locked by IT."
    assert section.page_size.isEnabled()


def test_slip_command(tmp_path: Path, qapp: object, capsys: pytest.CaptureFixture[str]) -> None:
    need_tools()
    out = tmp_path / "it" / "slip.pdf"
    assert main(["slip", "#1002", "--demo", "--pdf", str(out), "--box", "1", "--boxes", "2"]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {out}: packing slip for #1002, 6 items."
    text = pdf_text(out)
    assert "Box 1 of 2" in text and "TEE-MER-BLK-M" in text
    assert "CODE-128:#1002" in pdf_barcodes(out)
    assert main(["slip", "#9999", "--demo", "--pdf", str(out)]) == 3
    assert capsys.readouterr().err.strip() == "No demo order #9999."


def test_the_item_cell_shows_the_lots_and_serials_packed(qapp: object) -> None:
    from PySide6.QtCore import Qt

    from packstation.packing import PackingSession
    from packstation.packing.catalog import CatalogEntry, CatalogMatcher
    from packstation.ui.views.lines_model import Column, LinesModel, marks_summary

    matcher = CatalogMatcher([CatalogEntry("SOCK-HIK-GRY-M", "00036000291452")])
    session = PackingSession(demo_order("#1002"), matcher=matcher)
    model = LinesModel(None)
    model.set_session(session)
    cell = model.index(0, Column.ITEM)
    assert model.data(cell) == "Hiking Socks, 2-pack - Grey / M"
    session.scan("(01)00036000291452(10)L1(21)S1")
    session.scan("(01)00036000291452(10)L1(21)S2")
    model.refresh((0,))
    assert model.data(cell) == "Hiking Socks, 2-pack - Grey / M  ·  Lot L1 · S/N S1, S2"
    assert "S/N S1, S2" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    many = tuple(UnitMark(serial=f"S{i}") for i in range(5))
    assert marks_summary(many) == "S/N S0, S1, S2 +2"


def test_a_queued_box_reprints_with_its_own_lines_lots_and_packer(tmp_path: Path) -> None:
    from packstation.packing import PackingSession
    from packstation.packing.catalog import CatalogEntry, CatalogMatcher
    from packstation.packing.shipment import TrackingInput
    from packstation.store.station import StationStore
    from packstation.ui.printing.slips import slip_for_shipment

    store = StationStore(tmp_path / "s.sqlite3")
    matcher = CatalogMatcher([CatalogEntry("SOCK-HIK-GRY-M", "00036000291452")])
    session = PackingSession(demo_order("#1002"), matcher=matcher)
    session.scan("(01)00036000291452(10)L9(21)S9")
    session.scan("SOCK-HIK-GRY-M")
    item = store.ship(session, "#1002", TrackingInput("UPS", "1Z999AA10123456784"), packer="Bo")
    store.close()
    slip = slip_for_shipment(demo_order("#1002"), item, store_name="Shop", box=2, boxes=2)
    (line,) = slip.lines
    assert (line.sku, line.quantity, line.marks) == (
        "SOCK-HIK-GRY-M",
        2,
        (UnitMark("L9", "", "S9"),),
    )
    assert (slip.packer, slip.box_label, slip.store_name) == ("Bo", "Box 2 of 2", "Shop")


def test_hostile_order_data_prints_on_its_own_line_in_reading_order() -> None:
    """Bidi overrides reordered "qty 100" into "001 x", a CR/LF in an address line drew
    over the next, and 5,000 tags printed 31 and lost the rest below the page."""
    order = demo_order("#1002")
    assert order.shipping is not None and order.shipping.address is not None
    address = order.shipping.address.model_copy(update={"address1": "77 Mass Ave\r\nFLOOR 2"})
    hostile = order.model_copy(
        update={
            "shipping": order.shipping.model_copy(update={"address": address}),
            "tags": [f"tag-{n}" for n in range(5000)],
            "line_items": [
                order.line_items[0].model_copy(update={"title": "Socks \u202eqty 100\u202c"}),
                *order.line_items[1:],
            ],
        }
    )
    slip = Slip.build(hostile, "#1002", {order.line_items[0].id: 1})
    assert slip.lines[0].title == "Socks qty 100"
    assert "77 Mass Ave FLOOR 2" in slip.ship_to
    assert all("\n" not in line and "\r" not in line for line in slip.ship_to)
    assert len(slip.tags) == 12
    assert slip.tags[-1] == "+4989 more"  # counted, never lost below the page
