"""One measurement per process, printed as one JSON line: ``python -m benchmarks.probes KIND``.

Each probe runs in a fresh process so that peak RSS and start-up are its own, and so a
run on one order size cannot warm caches for the next.

- ``bare [--libraries]``: a bare PySide6 window (the baseline for memory and for
  start-up); with ``--libraries``, the same after importing pydantic and httpx.
- ``window --lines N``: the real window on the sandbox with an N-line order: slip Enter
  to the order painted, scan to row and banner repainted, a burst of scans typed back to
  back, HTTP requests for load + scans + ship on a cold station, peak RSS with the order
  open, and the GUI thread's longest gap while 100 queued boxes drain.
- ``launch [--latency S]``: the real program (``packstation --demo``) with a slip scanned
  at launch: process start to the order's table painted; with the sandbox answering
  every request ``S`` seconds late, as a distant server does.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "xcb":
    # xdotool sends the X server's keysym names: the X keyboard must be US.
    os.environ.setdefault("LC_ALL", "C.UTF-8")


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _emit(result: dict[str, Any], partial: bool = False) -> None:
    print(("PARTIAL " if partial else "RESULT ") + json.dumps(result), flush=True)


# --------------------------------------------------------------------------- bare window


def bare(libraries: bool = False) -> None:
    """A bare window; with ``libraries``, after importing the stack's two big libraries.

    The second is the floor under the program's start and memory: pydantic (one model
    validated) and httpx are what it cannot start without, whatever it does itself.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    if libraries:
        import httpx
        import pydantic

        class Probe(pydantic.BaseModel):
            value: int

        assert Probe.model_validate({"value": 1}).value == 1
        assert httpx.Client
    app = QApplication(["bare"])
    window = QMainWindow()
    window.resize(1366, 768)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched is window:
                window.removeEventFilter(self)
                _emit({"painted_at": time.time(), "rss_mib": _rss_mib()})
                QTimer.singleShot(300, app.quit)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


# --------------------------------------------------------------------------- the window


def window(lines: int, scans: int, burst: int, drain: int) -> None:
    from benchmarks import harness, workload

    result: dict[str, Any] = {"lines": lines}
    with harness.station(extra_orders=workload.extra_orders()) as st:
        ref = harness.ORDERS[lines]
        api_before = _api(st)
        result["load_s"] = st.load(ref)
        harness.settle(1.0)
        harness.idle(st)
        result["rss_open_mib"] = _rss_mib()
        codes = workload.codes(st, ref)
        result["scan_s"] = [workload.scan_once(st, code) for code in codes[:scans]]
        workload.ship(st)
        result["requests"] = _api(st) - api_before
        result["image_requests"] = sum(1 for _, p in st.requests if p.startswith("/demo-images"))
        _emit(result, partial=True)
        if drain:
            result["drain_gap_s"] = workload.drain(st, ref, drain)
            _emit(result, partial=True)
        if burst:
            result["burst_typed_planned"] = burst
            _emit(result, partial=True)
            result.update(workload.burst(st, ref, burst))
        result["rss_peak_mib"] = _rss_mib()
    _emit(result)


def _api(st: Any) -> int:
    return sum(1 for _, path in st.requests if not path.startswith("/demo-images"))


# --------------------------------------------------------------------------- launch


def launch(ref: str, latency: float = 0.0) -> None:
    """Runs the program's own ``main`` with a slip scanned as soon as a window is up.

    ``latency``: seconds the demo sandbox waits before every answer, as a real server
    across the internet would (the sandbox's own ``latency`` fault).
    """
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QTableView

    from packstation import app as program

    if latency:
        from packstation.sandbox import SandboxServer

        start = SandboxServer.start

        def start_slow(server: SandboxServer) -> SandboxServer:
            server.faults.set(latency=latency)
            return start(server)

        SandboxServer.start = start_slow  # type: ignore[method-assign]

    qt_app = QApplication(["packstation"])

    # The table is found by polling and only its viewport is watched: an application-wide
    # filter in Python would make PySide6 wrap every object an event is sent to, a cost
    # of the probe rather than of the program.
    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                table = watched.parent()
                if isinstance(table, QTableView):
                    model = table.model()
                    if model is not None and model.rowCount() > 0:
                        watched.removeEventFilter(self)
                        _emit({"painted_at": time.time(), "rss_mib": _rss_mib()})
                        QTimer.singleShot(0, qt_app.quit)
            return False

    watch = Watch()

    def find_table() -> None:
        for top in QApplication.topLevelWidgets():
            table = top.findChild(QTableView, "lineItemsTable")
            if table is not None:
                table.viewport().installEventFilter(watch)
                return
        QTimer.singleShot(1, find_table)

    QTimer.singleShot(0, find_table)

    def type_slip() -> None:
        target = QApplication.focusWidget() or QApplication.activeWindow()
        if target is None:
            QTimer.singleShot(2, type_slip)
            return
        for char in ref + "\r":
            key = Qt.Key.Key_Return if char == "\r" else ord(char.upper())
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QCoreApplication.postEvent(
                    target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char.strip())
                )

    QTimer.singleShot(0, type_slip)
    with tempfile.TemporaryDirectory(prefix="packstation-launch-") as tmp:
        program.main(["--demo", "--data-dir", str(Path(tmp))])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="benchmarks.probes")
    parser.add_argument("kind", choices=["bare", "window", "launch"])
    parser.add_argument("--lines", type=int, default=10)
    parser.add_argument("--scans", type=int, default=20)
    parser.add_argument("--burst", type=int, default=0)
    parser.add_argument("--drain", type=int, default=0)
    parser.add_argument("--ref", default="#1014")
    parser.add_argument("--libraries", action="store_true")
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args(argv)
    if args.kind == "bare":
        bare(args.libraries)
    elif args.kind == "window":
        window(args.lines, args.scans, args.burst, args.drain)
    else:
        launch(args.ref, args.latency)
    sys.stdout.flush()
    os._exit(0)  # daemon threads of the sandbox: nothing left to tidy in a probe


if __name__ == "__main__":
    main()
