"""The real program with scans typed into its window as the test sends them: for tests
where two benches (two processes) take turns, such as warehouse mode's.

    python -m tests.e2e.bench_driver ARG ...     (ARGs are the program's own)

Each line on stdin is a scan typed into the active window as a scanner burst (``SHIP``
presses Ctrl+Enter, ``KEY:F4`` presses F4, ``KEY:3`` types 3, ``CLOSE`` closes the
window). Each line on stdout is an event:

    ready                  the bench is loaded and takes scans
    said <tone> <text>     a banner the packer sees (tone: info, ok, error, ...)
    loaded <order>         an order opened
    packed <order> <n>     n items packed, once the journal has them
    cleared                no order is open any more
    asked                  the bench asks the packer a question
    catalog changed        the station's catalog changed (here or at another bench)
    queued <fid>           a shipment is in the outbox
    delivered              the outbox is empty again after a shipment (Redo has it)
    return <kind>          the returns sender processed a return (processed) or held one
    done                   the scan was handled and the bench is idle again
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from packstation.app import main
from packstation.ui.bench.controller import Mode
from packstation.ui.views.main_window import MainWindow
from packstation.ui.words.feedback import Feedback
from tests.e2e.gui_driver import bench, say, type_code


class Stdin(QObject):
    """Lines read on a thread of its own, handed to the GUI thread by a queued signal."""

    line = Signal(str)

    def start(self) -> None:
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for text in sys.stdin:
            self.line.emit(text.strip())


def drive(stdin: Stdin) -> None:
    window = bench()
    if window is None or not window.controller._announced:
        QTimer.singleShot(20, lambda: drive(stdin))
        return
    window.window().activateWindow()  # offscreen, scans reach the window asked to be active
    if QApplication.activeWindow() is not window.window():
        QTimer.singleShot(20, lambda: drive(stdin))
        return
    _report(window)
    queue: list[str] = []

    def arrived(code: str) -> None:
        queue.append(code)
        if len(queue) == 1:
            next_code()

    def next_code() -> None:
        if not queue:
            return
        if idle(window) is False:
            QTimer.singleShot(10, next_code)
            return
        code = queue[0]
        if code == "CLOSE":
            window.window().close()
            return
        if code.startswith("KEY:"):
            press(code.removeprefix("KEY:"))
        else:
            type_code(window, code)
        QTimer.singleShot(10, handled)

    def handled() -> None:
        if not idle(window):
            QTimer.singleShot(10, handled)
            return
        say("done")
        queue.pop(0)
        next_code()

    stdin.line.connect(arrived)
    stdin.start()
    say("ready")


def press(key: str) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    if key.startswith("F") and key[1:].isdigit():
        QTest.keyClick(target, getattr(Qt.Key, f"Key_{key}"))
    else:
        QTest.keyClick(target, key)


def idle(window: MainWindow) -> bool:
    return not (
        window.controller.mode is Mode.LOADING
        or window.runtime.writes.busy
        or window.runtime.reads.busy
        or window.runtime.warehouse.busy  # a teach goes through the warehouse first
    )


def _report(window: MainWindow) -> None:
    controller = window.controller

    def said(feedback: Feedback) -> None:
        text = " ".join(feedback.text.split())
        say(f"said {feedback.tone.name.lower()} {text}")

    def order() -> None:
        say("cleared" if controller.session is None else f"loaded {controller.order_ref}")

    def packed(_: str) -> None:
        if window.runtime.writes.busy:  # reported once the journal has it
            QTimer.singleShot(5, lambda: packed(_))
        elif controller.session is not None:
            say(f"packed {controller.order_ref} {controller.session.total_packed}")

    def outbox() -> None:
        if window.port.snapshot.counts.pending == 0 and queued:
            queued.clear()
            say("delivered")

    queued: list[str] = []
    controller.feedback.connect(said)
    controller.order_changed.connect(order)
    controller.scan_handled.connect(packed)
    controller.progress_changed.connect(lambda: packed(""))  # a unit packed by a teach
    controller.question_changed.connect(
        lambda: say("asked") if controller.question is not None else None
    )
    window.port.catalog_changed.connect(lambda: say("catalog changed"))
    controller.shipment_queued.connect(lambda fid: (queued.append(fid), say(f"queued {fid}")))
    window.port.snapshot_changed.connect(lambda *_: outbox())
    window.port.returns_news.connect(
        lambda event: say(
            "return held" if type(event).__name__ == "ReturnHeld" else "return processed"
        )
    )


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])  # the program's own start-up takes this one over
    stdin = Stdin()
    QTimer.singleShot(0, lambda: drive(stdin))
    sys.exit(main(sys.argv[1:]))
