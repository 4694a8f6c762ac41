"""Return receipts: what they say, printed as slips are (the same worker, PDF folder and
page sizes), read back as a person (pdftotext) and a scanner (zbar) would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packstation.config import Settings
from packstation.packing.receiving import Condition, ReceivingSession, ReturnLine
from packstation.ui.printing.print_queue import DocumentPrinter, PrintTarget
from packstation.ui.printing.printer import print_blocking
from packstation.ui.printing.receipts import (
    MAX_UNDECLARED,
    ReceiptLine,
    ReturnReceipt,
    receipt_file_name,
    receipt_for_return,
    should_print_receipt,
)
from packstation.ui.printing.slips import PrintError
from packstation.ui.station.port_returns import OnBench
from packstation.ui.views.language import install_language
from packstation.ui.words.returns import receipt_not_printed
from tests.helpers.pdf import need_tools, pdf_barcodes, pdf_text

RETURN_ID = "675a1c00e4b0d3f19a7c0002"
JACKET = ReturnLine("ri_1", "Rain Jacket - Navy / M", 1, "JKT-RAIN-NVY-M", Decimal("89.00"))
SOCKS = ReturnLine("ri_2", "Hiking Socks, 2-pack - Grey / M", 3, "SOCK-HIK-GRY-M")
BEANIE = ReturnLine("ri_3", "Wool Beanie - Charcoal", 2, "BNE-WOOL-CHR")
WHEN = dt.datetime(2026, 12, 4, 10, 5)


def _received() -> tuple[OnBench, ReceivingSession]:
    """#1003's return: the jacket damaged (a reason from the list), the socks one sellable
    and one wet, the beanies missing, and one code scanned twice that is on no item."""
    ret = OnBench(RETURN_ID, "#1003", "in_transit", (JACKET, SOCKS, BEANIE), exchange=True)
    session = ReceivingSession(RETURN_ID, ret.lines)
    session.scan("JKT-RAIN-NVY-M", Condition.DAMAGED)
    session.note_last(0, "Torn or broken")
    session.scan("SOCK-HIK-GRY-M")
    session.scan("SOCK-HIK-GRY-M", Condition.DAMAGED)
    session.note_last(1, "seam\r\nopen")  # typed by hand, with a line break
    session.scan("0123456789012")
    session.scan("0123456789012")
    return ret, session


def _receipt(packer: str = "Ana") -> ReturnReceipt:
    ret, session = _received()
    return receipt_for_return(
        ret, session, job_id="rx-0f3c", bench="Bench 7", packer=packer, when=WHEN
    )


def test_a_receipt_holds_what_arrived_in_which_condition() -> None:
    receipt = _receipt()
    assert (receipt.order_name, receipt.return_id, receipt.barcode) == (
        "#1003",
        RETURN_ID,
        RETURN_ID,
    )
    assert (receipt.bench, receipt.packer, receipt.when, receipt.job_id) == (
        "Bench 7",
        "Ana",
        WHEN,
        "rx-0f3c",
    )
    assert receipt.lines == (
        ReceiptLine("Rain Jacket - Navy / M", "JKT-RAIN-NVY-M", 1, 0, 1, (("Torn or broken", 1),)),
        ReceiptLine(
            "Hiking Socks, 2-pack - Grey / M", "SOCK-HIK-GRY-M", 3, 1, 1, (("seam open", 1),)
        ),
        ReceiptLine("Wool Beanie - Charcoal", "BNE-WOOL-CHR", 2),
    )
    assert [(line.sku, line.missing) for line in receipt.not_received] == [
        ("SOCK-HIK-GRY-M", 1),
        ("BNE-WOOL-CHR", 2),
    ]
    assert receipt.undeclared == (("0123456789012", 2),)
    assert (receipt.received, receipt.expected, receipt.exchange) == (3, 6, True)


def test_undeclared_codes_are_listed_at_most_so_many_and_the_rest_counted() -> None:
    ret = OnBench(RETURN_ID, "#1003", "open", (JACKET,))
    session = ReceivingSession(RETURN_ID, ret.lines)
    for n in range(MAX_UNDECLARED + 5):
        session.scan(f"STRAY-{n}")
    receipt = receipt_for_return(ret, session, job_id="j", bench="", packer="", when=WHEN)
    assert len(receipt.undeclared) == MAX_UNDECLARED
    assert receipt.undeclared_more == 5


def test_a_return_id_no_barcode_carries_is_a_sentence() -> None:
    receipt = ReturnReceipt("#1003", "retourné", ())
    with pytest.raises(PrintError, match="cannot be printed as a barcode"):
        _ = receipt.barcode


class _Recorder:
    def __init__(self) -> None:
        self.done: list[str] = []
        self.failed: list[BaseException] = []

    @property
    def answered(self) -> bool:
        return bool(self.done or self.failed)


@pytest.mark.parametrize("size", ["A4", "4x6"])
def test_a_receipt_printed_into_a_pdf_folder_reads_and_scans(
    qtbot: QtBot, tmp_path: Path, size: str
) -> None:
    need_tools()
    folder = tmp_path / "receipts"
    printer = DocumentPrinter(Settings(printer=f"pdf:{folder}", page_size=size))
    answers = _Recorder()
    assert printer.print_document(_receipt(), answers.done.append, answers.failed.append)
    qtbot.waitUntil(lambda: answers.answered, timeout=20000)
    printer.shutdown()
    assert answers.failed == []
    (written,) = folder.glob(f"receipt-1003-{RETURN_ID}-*.pdf")
    assert answers.done == [str(written)]
    text = pdf_text(written)
    for expected in (
        "Return receipt",
        "Return of #1003",
        f"Return ID: {RETURN_ID}",
        "Date: 2026-12-04 10:05",
        "Bench: Bench 7",
        "Received by: Ana",
        "The customer asked for an exchange.",
        "Expected",
        "Sellable",
        "Damaged",
        "JKT-RAIN-NVY-M",
        "Damaged: Torn or broken",
        "Damaged: seam open",
        "Units received: 3 of 6",
        "Not received",
        "(SOCK-HIK-GRY-M): 1 of 3 not received",
        "(BNE-WOOL-CHR): 2 of 2 not received",
        "Not on the return",
        "0123456789012 × 2",
        "PackStation rx-0f3c",
    ):
        assert expected in text, expected
    assert "…" not in text  # nothing elided, on a 4x6 in label either
    assert f"CODE-128:{RETURN_ID}" in pdf_barcodes(written)


def test_the_port_s_printer_takes_a_receipt_as_it_takes_a_slip(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """``print_slip`` is what the runtime hands the port: a receipt goes through it too."""
    printer = DocumentPrinter(Settings(printer=f"pdf:{tmp_path}"))
    answers = _Recorder()
    assert printer.print_slip(_receipt(), answers.done.append, answers.failed.append)
    qtbot.waitUntil(lambda: answers.answered, timeout=20000)
    printer.shutdown()
    assert answers.failed == [] and Path(answers.done[0]).name.startswith("receipt-1003-")


def test_a_failed_receipt_is_a_sentence_naming_the_return(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    printer = DocumentPrinter(Settings(printer=f"pdf:{blocker}"))
    answers = _Recorder()
    assert printer.print_document(_receipt(), answers.done.append, answers.failed.append)
    qtbot.waitUntil(lambda: answers.answered, timeout=20000)
    printer.shutdown()
    (error,) = answers.failed
    sentence = receipt_not_printed("#1003", error)
    assert sentence.startswith("The receipt for the return of #1003 did not print: The folder ")
    assert "cannot be used for printing" in sentence
    assert receipt_not_printed("#1003", OSError("x")).endswith("OSError while printing.")


def test_no_printer_prints_no_receipt(qapp: QApplication) -> None:
    printer = DocumentPrinter(Settings())
    assert not printer.print_document(_receipt(), print, print)
    printer.shutdown()
    assert not should_print_receipt(Settings())
    assert should_print_receipt(Settings(printer="PDF"))
    assert should_print_receipt(Settings(printer="PDF", print_when="open"))
    assert not should_print_receipt(Settings(printer="PDF", print_when="request"))


def test_receipt_file_names_are_safe() -> None:
    receipt = ReturnReceipt("#10/03 ../x", "675a1c00e4b0d3f1/9a7c", ())
    name = receipt_file_name(receipt, dt.datetime(2026, 12, 4, 10, 5))
    assert name == "receipt-1003..x-675a1c00e4b0d3f19a7c-20261204-100500.pdf"


def test_a_long_return_runs_onto_more_pages_and_loses_nothing(
    qapp: QApplication, tmp_path: Path
) -> None:
    need_tools()
    lines = tuple(
        ReturnLine(f"ri_{n}", f"Trail Sock {n:02d}", 2, f"SOCK-{n:02d}") for n in range(60)
    )
    ret = OnBench(RETURN_ID, "#1005", "delivered", lines)
    session = ReceivingSession(RETURN_ID, lines)
    for n in range(0, 60, 2):
        session.scan(f"SOCK-{n:02d}", Condition.DAMAGED)
        session.note_last(n, "Wet")
    receipt = receipt_for_return(ret, session, job_id="rx-1", bench="B", packer="", when=WHEN)
    path = tmp_path / "long.pdf"
    print_blocking(receipt, PrintTarget(), "4x6", pdf_file=path)
    text = pdf_text(path)
    assert "Trail Sock 59" in text and "(SOCK-59): 2 of 2 not received" in text
    assert "PackStation rx-1" in text
    assert "Received by" not in text  # nobody signed in: no "Received by: —"
    assert text.count("\f") >= 3  # pages: the items' heads repeat on each
    assert text.count("Sellable") == text.count("Expected") >= 3


@pytest.fixture
def german(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    install_language(qapp, "de", tmp_path)
    yield
    install_language(qapp, "en", tmp_path)


@pytest.mark.usefixtures("german")
def test_a_receipt_is_read_at_the_bench_in_its_language(tmp_path: Path) -> None:
    need_tools()
    path = tmp_path / "de.pdf"
    print_blocking(_receipt(), PrintTarget(), "4x6", pdf_file=path)
    text = pdf_text(path)
    assert "Return receipt" not in text and "Sellable" not in text
    assert "Retoure" in text
    assert "Damaged: Torn or broken" not in text  # a reason of the list, in German too
    assert "seam open" in text  # typed by hand: as typed
    assert "…" not in text
    assert f"CODE-128:{RETURN_ID}" in pdf_barcodes(path)


class _BrokenDocument:
    """A document whose painter has a bug: not a PrintError, so it is logged."""

    title = "broken-document"

    def file_name(self, now: dt.datetime | None = None) -> str:
        return "broken.pdf"

    def paint(
        self, painter: object, page: object, dots_per_mm: float, new_page: object = None
    ) -> int:
        raise RuntimeError("a painter's bug")


@pytest.mark.expected_log("printing broken-document failed")
def test_an_unexpected_failure_is_logged_on_the_worker_and_handed_back(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    printer = DocumentPrinter(Settings(printer=f"pdf:{tmp_path}"))
    answers = _Recorder()
    with caplog.at_level("ERROR", logger="packstation.printing"):
        assert printer.print_document(_BrokenDocument(), answers.done.append, answers.failed.append)
        qtbot.waitUntil(lambda: answers.answered, timeout=20000)
        printer.shutdown()
    (error,) = answers.failed
    assert isinstance(error, RuntimeError)
    (record,) = [r for r in caplog.records if r.name == "packstation.printing"]
    assert record.getMessage() == "printing broken-document failed"
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError
