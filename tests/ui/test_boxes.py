"""An order in several boxes, in the window: the boxes panel, the slips, the History.

The rules of boxes (a box per fulfillment, its own label, a restart between boxes) are
the bench's: ``tests/bench/test_boxes.py``. Here a box closed with real keys is listed
in the panel, its slip is printed into a real PDF folder, and the History reprints it.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.ui.views.main_window import MainWindow
from tests.ui.conftest import idle, load, scan

LABEL_1 = "420972011234" + "9400111899223197005490"  # USPS to ZIP 97201-1234


def test_each_box_prints_its_slip_and_history_prints_one_again(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    from packstation.ui.views.history_dialog import HistoryDialog

    slips = tmp_path / "slips"
    slips.mkdir()
    window.services.settings = window.services.settings.with_(printer=f"pdf:{slips}")
    load(qtbot, window, "#1013")
    assert not window.order_page.boxes.isVisibleTo(window)  # one box so far: no panel
    scan(qtbot, window, "TEE-MER-BLK-M")
    scan(qtbot, window, LABEL_1)
    idle(qtbot, window)
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as box_1:
        scan(qtbot, window, "PS-BOX")
    assert not window.question_panel.isVisible()  # splitting is deliberate: no question
    assert window.order_page.shipping.tracking_input.text() == ""  # box 2 needs its own
    assert "Box 1 closed" in window.banner.message
    assert window.order_page.boxes.isVisibleTo(window)
    assert window.order_page.boxes.list.item(0).text().startswith("Box 1: 1 item")
    qtbot.waitUntil(lambda: len(list(slips.glob("*.pdf"))) == 1, timeout=8000)
    qtbot.waitUntil(lambda: window.services.store.outbox.counts().pending == 0, timeout=8000)
    window.menus.open_history()
    history = window.host.findChild(HistoryDialog)
    assert history is not None
    qtbot.waitUntil(lambda: history.table.rowCount() == 1)
    (row,) = [r for r, item in enumerate(history.items) if item.fulfillment_id == box_1.args[0]]
    assert history.table.item(row, 1).text() == "#1013 · box 1"
    history.table.setCurrentCell(row, 0)
    history.reprint_button.click()
    qtbot.waitUntil(lambda: len(list(slips.glob("*.pdf"))) == 2, timeout=8000)
    # The lead sees how it went where they are: on the history, not behind it.
    qtbot.waitUntil(lambda: history.note.text().startswith("✔ The slip of #1013 box 1 was printed"))
    history.reject()
