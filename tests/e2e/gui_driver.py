"""The real program, demo mode, with scans typed into its window: for the SIGKILL test.

    python -m tests.e2e.gui_driver --data-dir D [CODE ...]

Starts PackStation exactly as `packstation --demo` does (shell, start-up steps, bench,
journal, outbox, sender, the demo sandbox persisted under D), then types each CODE as
a scanner burst into the active window; `SHIP` presses Ctrl+Enter. It prints a line
per event so the test can kill it at a chosen moment:

    ready                      the bench is loaded
    packed <order> <n>         n items packed for the open order, as the packer is shown
    queued <fulfillment id>    the shipment is in the outbox
    drained attention=<n>      nothing is waiting in the outbox (after the last code),
                               and n shipments need a lead
    restored <order> <n>       after a restart: the open order as the journal kept it
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from packstation.app import main
from packstation.ui.bench.controller import Mode
from packstation.ui.views.main_window import MainWindow
from packstation.ui.views.shell import BenchShell
from tests.helpers.scanner_keys import type_scan


def say(line: str) -> None:
    print(line, flush=True)


def bench() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, BenchShell) and isinstance(widget.centralWidget(), MainWindow):
            central = widget.centralWidget()
            assert isinstance(central, MainWindow)
            return central
    return None


def type_code(window: MainWindow, code: str) -> None:
    target = QApplication.focusWidget() or window.window()
    if code == "SHIP":
        QTest.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        return
    type_scan(code, target)  # stamped as a scanner's keys: a busy machine cannot split it


def drive(codes: list[str]) -> None:
    window = bench()
    if window is None or not window.controller._announced:
        QTimer.singleShot(20, lambda: drive(codes))
        return
    # Offscreen, a window is active only when asked to be; scans go to the active window.
    window.window().activateWindow()
    if QApplication.activeWindow() is not window.window():
        QTimer.singleShot(20, lambda: drive(codes))
        return
    say("ready")
    if window.controller.session is not None:
        say(f"restored {window.controller.order_ref} {window.controller.session.total_packed}")
    window.controller.shipment_queued.connect(lambda fid: say(f"queued {fid}"))

    def packed_line(_: str) -> None:
        # Reported once the journal has it, which is when the packer sees and hears it.
        if window.runtime.writes.busy:
            QTimer.singleShot(5, lambda: packed_line(_))
        elif window.controller.session is not None:
            say(f"packed {window.controller.order_ref} {window.controller.session.total_packed}")

    window.controller.scan_handled.connect(packed_line)
    steps: Iterator[str] = iter(codes)

    def next_code() -> None:
        # The next code once the bench is idle (an order loaded, the journal written).
        if (
            window.controller.mode is Mode.LOADING
            or window.runtime.writes.busy
            or window.runtime.reads.busy
        ):
            QTimer.singleShot(10, next_code)
            return
        code = next(steps, None)
        if code is None:
            wait_drained()
            return
        type_code(window, code)
        QTimer.singleShot(10, next_code)

    def wait_drained() -> None:
        counts = window.services.store.outbox.counts()
        if counts.pending:
            QTimer.singleShot(20, wait_drained)
            return
        say(f"drained attention={counts.attention}")
        window.window().close()

    next_code()


if __name__ == "__main__":
    data_dir, codes = sys.argv[2], sys.argv[3:]
    app = QApplication(sys.argv[:1])  # the program's own start-up takes this one over
    QTimer.singleShot(0, lambda: drive(codes))
    sys.exit(main(["--demo", "--data-dir", data_dir]))
