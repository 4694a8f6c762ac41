"""The program the packer runs, measured from inside: ``python -m benchmarks.program``.

It starts PackStation's own ``main`` on the data folder it is given (a configured
station: its settings, the token read from the keyring, the style sheet, fonts and
translations, the real sound player, the whole start-up chain) on the display it is
given, scans a slip the moment the window is up, and then, without touching the
program's code, drives the window as a packer does:

- launch: the window mapped (first paint flushed) and the slip's order painted;
- the GUI thread's longest gap from that paint to 10 s after launch (idle: the
  collector's full pass after start-up falls in it), and peak memory with the order open;
- scans one by one: from the keys posted to the row and banner repainted and flushed
  (the end of the repaint pass, not the Paint event's arrival);
- the shipment: the GUI thread's longest gap from Ship to the page cleared and settled;
- bursts typed through the X server by xdotool at 1 ms a key, with and without a 50 ms
  stall injected on the GUI thread every 250 ms; "caught up" is after the last scan's
  journal write and repaint.

Of PackStation, only its entry module is imported before ``main`` runs, as its console
script does: the launch is the program's own.
One JSON line, ``RESULT {...}``, is printed at the end.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from typing import Any

# The program's own entry module first, as its console script imports it, then its Qt
# side, which lightens PySide6's import hook as the program does before anything else
# of Qt (ui/pyside_hook.py): otherwise the hook would keep the source of each module
# the probe's own imports touch (1.6 MiB the installed program never holds).
import packstation.ui  # noqa: F401
from packstation import app as program

# isort: split
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget

from benchmarks.event_loop import settle, wait_until
from benchmarks.program_diagnostics import print_mappings, profiled, sampled, timeline

#: How long after launch the GUI thread is watched while the bench sits idle.
AFTER_LAUNCH_S = 10.0
#: The stall injected during the second burst, and how often.
STALL_S, STALL_EVERY_MS = 0.050, 250


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Beats(QObject):
    """A 1 ms heartbeat on the GUI thread: its longest gap is the longest stall."""

    def __init__(self) -> None:
        super().__init__()
        self.beats: list[float] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def start(self) -> None:
        self.beats = [time.perf_counter()]
        self._timer.start(1)

    def stop(self) -> float:
        """The longest gap since ``start``, in seconds."""
        self._timer.stop()
        self.beats.append(time.perf_counter())
        return max(b - a for a, b in itertools.pairwise(self.beats))


class Flushed(QObject):
    """When each watched widget's repaint pass last ended (painted and flushed).

    A Paint event arrives before the widget paints, and the backing store is flushed
    after every dirty widget of the window has painted: a call posted from the Paint
    runs once that whole pass has returned to the event loop.
    """

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.ended: dict[int, float] = {}
        self._widgets = widgets
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            key = id(watched)
            QTimer.singleShot(0, lambda: self.ended.__setitem__(key, time.perf_counter()))
        return False

    def after(self, widget: QWidget, moment: float) -> bool:
        return self.ended.get(id(widget), 0.0) > moment

    def all_after(self, moment: float) -> bool:
        return all(self.ended.get(id(w), 0.0) > moment for w in self._widgets)

    def latest(self) -> float:
        return max(self.ended.get(id(w), 0.0) for w in self._widgets)

    def close(self) -> None:
        for widget in self._widgets:
            widget.removeEventFilter(self)


def post_code(code: str) -> None:
    """A scan's keys and its Enter, posted to the focused widget in one go."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    for char in [*code, "\r"]:
        key = Qt.Key.Key_Return if char == "\r" else ord(char.upper())
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.postEvent(
                target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )


class Probe:
    def __init__(self, args: argparse.Namespace, app: QApplication) -> None:
        self.args, self.app = args, app
        self.result: dict[str, Any] = {"ref": args.ref}
        self.shell: QMainWindow | None = None
        self.bench: Any = None
        self.flushed: Flushed | None = None

    # ------------------------------------------------------------------ launch

    def watch_launch(self) -> None:
        """Before ``main``: the shell's first flushed paint, the slip typed, the order."""

        class FirstPaint(QObject):
            def eventFilter(inner, watched: QObject, event: QEvent) -> bool:  # noqa: N805
                if event.type() == QEvent.Type.Paint:
                    watched.removeEventFilter(inner)
                    QTimer.singleShot(0, lambda: self.result.setdefault("mapped_at", time.time()))
                return False

        class TablePaint(QObject):
            def eventFilter(inner, watched: QObject, event: QEvent) -> bool:  # noqa: N805
                table = watched.parent()
                if event.type() == QEvent.Type.Paint and isinstance(table, QTableView):
                    model = table.model()
                    if model is not None and model.rowCount() > 0:
                        watched.removeEventFilter(inner)
                        QTimer.singleShot(0, self.launched)
                return False

        self._first, self._table = FirstPaint(), TablePaint()

        def find_shell() -> None:
            for top in QApplication.topLevelWidgets():
                if isinstance(top, QMainWindow) and type(top).__name__ == "BenchShell":
                    self.shell = top
                    top.installEventFilter(self._first)
                    top.activateWindow()  # no window manager under Xvfb to give it the keys
                    QTimer.singleShot(0, type_slip)
                    QTimer.singleShot(0, find_table)
                    return
            QTimer.singleShot(1, find_shell)

        def type_slip() -> None:
            if QApplication.focusWidget() is None and QApplication.activeWindow() is None:
                QTimer.singleShot(1, type_slip)
                return
            post_code(self.args.ref)

        def find_table() -> None:
            assert self.shell is not None
            table = self.shell.findChild(QTableView, "lineItemsTable")
            if table is None:
                QTimer.singleShot(1, find_table)
                return
            table.viewport().installEventFilter(self._table)

        QTimer.singleShot(0, find_shell)

    def launched(self) -> None:
        self.result["painted_at"] = time.time()
        # CPU time of all the program's threads up to this paint: steadier than the wall
        # clock on a shared machine, for comparing two versions of the launch.
        self.result["cpu_at_paint_s"] = time.process_time()
        assert self.shell is not None
        self.bench = self.shell._bench  # type: ignore[attr-defined]
        try:
            self.drive()
        except BaseException as exc:
            import traceback

            self.result["error"] = "".join(traceback.format_exception(exc)[-4:])
        print("RESULT " + json.dumps(self.result), flush=True)
        self.app.quit()

    # ------------------------------------------------------------------ the shift

    def drive(self) -> None:
        args, result = self.args, self.result
        beats = Beats()
        beats.start()
        done = sampled(beats, "after launch")
        result["started_at"] = args.started_at
        settle(max(0.0, args.after_launch - (time.time() - args.started_at)))
        result["gap_after_launch_s"] = beats.stop()
        done()
        self.idle()
        result["rss_open_mib"] = rss_mib()
        if os.environ.get("BENCH_SMAPS"):  # what the memory with the order open is made of
            print_mappings()
        bench = self.bench
        self.flushed = Flushed(bench.order_page.table.viewport(), bench.banner)
        with profiled("scans"):
            result["scan_s"] = [self.scan(code) for code in self.codes()[: args.scans]]
        self.flushed.close()
        result["ship_gap_s"] = self.ship()
        for stalled in [False, True] if args.burst else []:
            key = "stalled" if stalled else "plain"
            result[f"burst_{key}"] = self.burst(args.burst, stalled)
        result["rss_peak_mib"] = rss_mib()

    def idle(self) -> None:
        runtime = self.bench.runtime
        wait_until(lambda: not runtime.writes.busy and not runtime.reads.busy, 60)

    def codes(self) -> list[str]:
        """Scannable units of the open order: every line's SKU, spread, once per unit."""
        session = self.bench.controller.session
        assert session is not None
        units = [
            line.item.sku
            for line in session.lines()
            if line.packable and line.item.sku
            for _ in range(line.remaining)
        ]
        step = max(1, len(units) // max(1, self.args.scans))
        return units[::step] + units[1::step]

    def scan(self, code: str) -> float:
        controller, flushed = self.bench.controller, self.flushed
        assert flushed is not None
        handled: list[str] = []
        rows: list[int] = []
        controller.scan_handled.connect(handled.append)
        controller.row_scanned.connect(rows.append)
        start = time.perf_counter()
        post_code(code)
        banner, viewport = self.bench.banner, self.bench.order_page.table.viewport()

        def shown() -> bool:
            # A scan the bench refuses packs no row: only its banner is repainted.
            return (
                bool(handled)
                and flushed.after(banner, start)
                and (banner.is_error or flushed.after(viewport, start))
            )

        try:
            wait_until(shown, 10)
        except TimeoutError as exc:
            focus = QApplication.focusWidget()
            raise TimeoutError(
                f"scan {code!r}: handled {handled}, rows {rows}, banner "
                f"{self.bench.banner.message!r}, focus {type(focus).__name__}, "
                f"scanned so far {len(self.result.get('scan_s', []))}"
            ) from exc
        controller.scan_handled.disconnect(handled.append)
        controller.row_scanned.disconnect(rows.append)
        took = flushed.latest() - start
        if banner.is_error:
            said = banner.message
            self.result.setdefault("scans_refused", []).append(f"{code}: {said}"[:200])
        self.idle()
        return took

    def ship(self) -> float:
        bench = self.bench
        controller = bench.controller
        bench.order_page.shipping.dummy_toggle.setChecked(True)
        self.idle()
        beats = Beats()
        beats.start()
        done = sampled(beats, "shipping")
        with profiled("ship"):
            controller.shipping.ship(partial_ok=True)
            wait_until(lambda: controller.session is None, 30)
            settle(1.0)
        gap = beats.stop()
        done()
        store = bench.services.store
        wait_until(lambda: store.outbox.counts().pending == 0, 60)
        self.idle()
        return gap

    def load(self, ref: str) -> None:
        controller = self.bench.controller
        loaded: list[str] = []
        controller.order_loaded.connect(loaded.append)
        post_code(ref)
        wait_until(lambda: bool(loaded), 30)
        controller.order_loaded.disconnect(loaded.append)
        self.idle()

    def burst(self, count: int, stalled: bool) -> dict[str, Any]:
        """``count`` scans typed back to back through the X server at 1 ms a key."""
        bench = self.bench
        controller = bench.controller
        if controller.session is not None:
            controller.orders.close("bench")
            wait_until(lambda: controller.session is None, 10)
        self.load(self.args.ref)
        session = controller.session
        assert session is not None
        skus = sorted({line.item.sku for line in session.lines() if line.item.sku})
        typed = list(itertools.islice(itertools.cycle(skus), count))
        scanned: list[str] = []
        refused: list[str] = []
        handled: list[float] = []
        bench.scanner.scanned.connect(scanned.append)
        bench.scanner.unreadable.connect(refused.append)
        controller.scan_handled.connect(lambda _: handled.append(time.perf_counter()))
        flushed = Flushed(bench.order_page.table.viewport(), bench.banner)
        stalls = QTimer()
        stalls.timeout.connect(_stall)
        if stalled:
            stalls.start(STALL_EVERY_MS)
        typist = _type(typed)
        wait_until(lambda: typist.poll() is not None, 600)
        last_key = time.perf_counter()
        stalls.stop()
        # Whatever was typed has arrived once every scan is accounted for, or nothing new
        # came for 2 s (a key lost for good never arrives).
        seen = [-1, time.perf_counter()]

        def arrived() -> bool:
            total = len(scanned) + len(refused)
            if total != seen[0]:
                seen[:] = [total, time.perf_counter()]
            return total >= count or time.perf_counter() - seen[1] > 2.0

        wait_until(arrived, 120)
        wait_until(lambda: len(handled) >= len(scanned), 60)
        self.idle()
        caught_up = max(handled[-1] if handled else last_key, flushed.latest(), last_key)
        flushed.close()
        bench.scanner.scanned.disconnect(scanned.append)
        bench.scanner.unreadable.disconnect(refused.append)
        kept = sum(1 for code in scanned if code in skus)
        return {
            "typed": count,
            "kept": kept,
            "split": len(scanned) - kept,
            "refused": len(refused),
            "lost": count - len(scanned) - len(refused),
            "caught_up_s": max(0.0, caught_up - last_key),
            "stalls": stalled,
        }


def _stall() -> None:
    end = time.perf_counter() + STALL_S
    while time.perf_counter() < end:
        pass


def _type(codes: list[str]) -> subprocess.Popen[bytes]:
    """xdotool types every code and its Enter, 1 ms a key, in one process."""
    names = {"-": "minus", "#": "numbersign", ".": "period", "_": "underscore"}
    keys = [names.get(c, c) for code in codes for c in [*code, "Return"]]
    if shutil.which("xdotool") is None or os.environ.get("QT_QPA_PLATFORM") != "xcb":
        raise RuntimeError("bursts need xdotool on an X display (QT_QPA_PLATFORM=xcb)")
    return subprocess.Popen(["xdotool", "key", "--delay", "1", *keys])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="benchmarks.program")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--ref", default="#1014")
    parser.add_argument("--scans", type=int, default=600)
    parser.add_argument("--burst", type=int, default=1000)
    parser.add_argument("--after-launch", type=float, default=AFTER_LAUNCH_S)
    #: When the process was started (time.time(), by whoever started it).
    parser.add_argument("--started-at", type=float, required=True)
    args = parser.parse_args(argv)
    if os.environ.get("QT_QPA_PLATFORM") == "xcb":
        os.environ.setdefault("LC_ALL", "C.UTF-8")  # xdotool's keysyms: a US keyboard
    app = QApplication(["packstation"])
    probe = Probe(args, app)
    probe.watch_launch()
    timeline(args.started_at)

    program.main(["--data-dir", args.data_dir])
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
