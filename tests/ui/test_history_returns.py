"""The History's Returns tab and the stats' returns figures: a return received in the real
window is listed with its units and outcome and its receipt prints again; a held return
says why as Needs attention does; a return queued before its items were kept says it
cannot be reprinted; the export writes its items; the stats count returns per packer."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from packstation.config import Settings
from packstation.packing.receiving import Condition, ReceivingSession, ReturnLine
from packstation.redo.errors import Problem, ProblemKind, Scope
from packstation.sandbox import SandboxServer
from packstation.store.returns_sender import ReturnProcessed
from packstation.ui.bench.return_jobs import job_for
from packstation.ui.printing.receipts import ReturnReceipt, receipt_for_return
from packstation.ui.station.port_returns import OnBench
from packstation.ui.views.history_dialog import HistoryDialog
from packstation.ui.views.main_window import MainWindow
from packstation.ui.views.stats_dialog import StatsDialog
from packstation.ui.words.problems import reason_text
from tests.helpers.fakes import RecordingSound
from tests.helpers.station import FakeStation
from tests.ui.conftest import make_services, scan
from tests.ui.test_returns_window import JACKET_LABEL, JACKET_RETURN, enter_returns, open_return

LINES = (
    ReturnLine("ri_1", "Rain jacket", 1, sku="JKT-RAIN-NVY-M"),
    ReturnLine("ri_2", "Trek gloves", 3, sku="GLV-TRK-BLK-L"),
)


def cells(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]


def test_a_return_received_here_is_listed_and_its_receipt_prints_again(
    qtbot: QtBot,
    sandbox: SandboxServer,
    station_dir: Path,
    sound: RecordingSound,
    open_window: Callable[..., MainWindow],
    tmp_path: Path,
) -> None:
    from tests.helpers.pdf import pdf_text

    folder = tmp_path / "receipts"
    folder.mkdir()
    services = make_services(sandbox, station_dir, sound)
    services.settings = services.settings.with_(printer=f"pdf:{folder}")
    window = open_window(services)
    enter_returns(qtbot, window)
    open_return(qtbot, window, JACKET_LABEL)
    scan(qtbot, window, "MUG-ENM-WHT")  # on no item of the return
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    with qtbot.waitSignal(window.port.returns_news, timeout=10_000) as news:
        scan(qtbot, window, "PS-SHIP")
    assert isinstance(news.args[0], ReturnProcessed)
    qtbot.waitUntil(lambda: any(folder.glob("receipt-*.pdf")), timeout=10_000)
    for printed in folder.glob("receipt-*.pdf"):
        printed.unlink()

    window.menus.open_history()
    dialog = window.host.findChild(HistoryDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.show_returns()
    assert dialog.receipt_button.isVisible() and not dialog.reprint_button.isVisible()
    table = dialog.returns.table
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=5000)
    _when, order, return_id, packer, sellable, damaged, missing, undeclared, outcome = cells(
        table, 0
    )
    assert (order, return_id, packer) == ("#1001", JACKET_RETURN, "—")
    assert (sellable, damaged, missing, undeclared) == ("1", "0", "0", "1")
    assert outcome.startswith("processed")
    assert dialog.returns.count.text() == "1 return"
    # Found by its return ID (a scan of the receipt's barcode), not by another order.
    dialog.search.setText("#1002")
    qtbot.waitUntil(lambda: table.rowCount() == 0, timeout=5000)
    dialog.search.setText(JACKET_RETURN)
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=5000)

    table.setCurrentCell(0, 0)
    dialog.receipt_button.click()
    qtbot.waitUntil(lambda: any(folder.glob("receipt-*.pdf")), timeout=10_000)
    qtbot.waitUntil(lambda: "was printed" in dialog.note.text(), timeout=5000)
    (receipt,) = folder.glob("receipt-*.pdf")
    text = pdf_text(receipt)
    assert "#1001" in text
    assert JACKET_RETURN in text
    assert "Bench 7" in text
    assert "MUG-ENM-WHT" in text  # the undeclared item, as on the first print
    dialog.reject()


def received(
    port: FakeStation,
    order: str,
    return_id: str,
    packer: str,
    scans: tuple[tuple[str, Condition, str], ...],
) -> tuple[str, ReturnReceipt]:
    """A return received as the bench queues it; its job ID and the receipt printed then."""
    ret = OnBench(return_id, order, "delivered", LINES)
    session = ReceivingSession(return_id, LINES)
    for code, condition, note in scans:
        session.scan(code, condition, note)
    job = job_for(ret, session, bench="Bench 3", packer=packer)
    port.store.returns_outbox.process(**job)
    job_id = str(job["job_id"])
    first = receipt_for_return(
        ret, session, job_id=job_id, bench="Bench 3", packer=packer, when=dt.datetime.now()
    )
    return job_id, first


GLOVES = (
    ("GLV-TRK-BLK-L", Condition.DAMAGED, "Seam torn"),
    ("GLV-TRK-BLK-L", Condition.SELLABLE, ""),
    ("MUG-ENM-WHT", Condition.SELLABLE, ""),
)


def test_the_receipt_again_is_the_receipt_printed_then(qtbot: QtBot, tmp_path: Path) -> None:
    port = FakeStation(tmp_path, settings=Settings(station_name="Bench 1", printer="Counter"))
    _, first = received(port, "#1012", "675a1c00e4b0d3f19a7c0005", "Ben", GLOVES)
    dialog = HistoryDialog(port)
    qtbot.addWidget(dialog)
    dialog.show_returns()
    table = dialog.returns.table
    assert cells(table, 0)[4:8] == ["1", "1", "2", "1"]
    table.setCurrentCell(0, 0)
    dialog.receipt_button.click()
    (again,) = port.printer.printed
    assert isinstance(again, ReturnReceipt)
    assert abs((again.when - first.when).total_seconds()) < 60
    assert again == dataclasses.replace(first, when=again.when)  # bench "Bench 3", not "Bench 1"
    assert dialog.note.text() == "✔ The receipt of the return of #1012 was printed."
    # Without a printer it says so, and prints nothing.
    port.use_settings(Settings(station_name="Bench 1"))
    dialog.receipt_button.click()
    assert "No printer is chosen" in dialog.note.text()
    assert len(port.printer.printed) == 1
    dialog.reject()
    port.close()


def test_a_held_return_says_why_and_an_old_one_cannot_be_reprinted(
    qtbot: QtBot, tmp_path: Path
) -> None:
    port = FakeStation(tmp_path, settings=Settings(station_name="Bench 1", printer="Counter"))
    outbox = port.store.returns_outbox
    outbox.process(
        job_id="rx-old",
        return_id="ret_old",
        order_name="#0999",
        products=[{"_id": "ri_9", "processInput": {"restock": True}}],
        comment="PackStation rx-old",
        summary={"units": {"ri_9": [["sellable", ""]]}, "undeclared": [], "received": 1},
        packer="Ana",
    )
    held, _ = received(port, "#1012", "675a1c00e4b0d3f19a7c0005", "Ben", GLOVES)
    reason = Problem(ProblemKind.SCOPE_MISSING, scope=Scope.RETURNS_WRITE)
    outbox.mark_attention(held, reason, "forbidden")
    dialog = HistoryDialog(port)
    qtbot.addWidget(dialog)
    dialog.show_returns()
    table = dialog.returns.table
    assert table.rowCount() == 2
    assert cells(table, 0)[1] == "#1012" and cells(table, 0)[8] == "held"
    table.setCurrentCell(0, 0)
    detail = dialog.returns.detail.text()
    assert detail == "Held: Redo did not take it: " + reason_text(reason)
    assert "returns_write" in detail
    assert cells(table, 1)[1] == "#0999" and cells(table, 1)[6] == "—"  # not kept: unknown
    assert cells(table, 1)[8] == "waiting to be sent"
    table.setCurrentCell(1, 0)
    dialog.receipt_button.click()
    assert "cannot be printed here" in dialog.note.text()
    assert port.printer.printed == []
    # The search finds by packer.
    dialog.search.setText("ana")
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert cells(table, 0)[1] == "#0999"
    dialog.reject()
    port.close()


def test_the_returns_tab_exports_its_returns_one_row_per_item(qtbot: QtBot, tmp_path: Path) -> None:
    port = FakeStation(tmp_path)
    job_id, _ = received(port, "#1012", "675a1c00e4b0d3f19a7c0005", "Ben", GLOVES)
    received(port, "#1001", "675a1c00e4b0d3f19a7c0001", "Ana", ())
    dialog = HistoryDialog(port)
    qtbot.addWidget(dialog)
    dialog.show_returns()
    dialog.search.setText("#1012")
    qtbot.waitUntil(lambda: dialog.returns.table.rowCount() == 1)
    path = tmp_path / "returns.csv"
    dialog.export_csv(str(path))
    assert dialog.note.text() == f"✔ 3 rows written to {path}"
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [
        (r["order"], r["SKU"], r["sellable"], r["damaged"], r["not received"]) for r in rows
    ] == [
        ("#1012", "JKT-RAIN-NVY-M", "0", "0", "1"),
        ("#1012", "GLV-TRK-BLK-L", "1", "1", "1"),
        ("#1012", "MUG-ENM-WHT", "", "", ""),
    ]
    assert {r["job ID"] for r in rows} == {job_id}
    assert rows[1]["damage notes"] == "Seam torn"
    dialog.reject()
    port.close()


def test_stats_show_returns_and_units_received_per_hour_beside_packing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    port = FakeStation(tmp_path)
    received(port, "#1012", "675a1c00e4b0d3f19a7c0005", "Ben", GLOVES)
    received(
        port,
        "#1001",
        "675a1c00e4b0d3f19a7c0001",
        "Ben",
        (("JKT-RAIN-NVY-M", Condition.SELLABLE, ""),),
    )
    dialog = StatsDialog(port)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    headers = [
        dialog.table.horizontalHeaderItem(c).text()  # type: ignore[union-attr]
        for c in range(dialog.table.columnCount())
    ]
    row = dict(zip(headers, cells(dialog.table, 0), strict=True))
    assert (row["Packer"], row["Orders"], row["Items"]) == ("Ben", "0", "0")
    assert (row["Returns"], row["Units received"]) == ("2", "3")
    # Both in the same clock hour, unless this ran across one.
    assert row["Units received per hour"] in ("3.0", "1.5")
    dialog.reject()
    port.close()
