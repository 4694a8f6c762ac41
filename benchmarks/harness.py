"""The real packing window on the sandbox, driven the way a scanner drives it.

Everything here runs on the GUI thread of one process: a sandbox on loopback (its own
thread), a station in a temporary folder, and ``MainWindow`` as the app composes it.
Scans are synthetic key events posted to the focused widget, so they pass the
application-wide scanner filter exactly as a USB scanner's keys do.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# First, as in the program: packstation.ui lightens PySide6's import hook before the
# rest is imported (ui/pyside_hook.py).
import packstation.ui  # noqa: F401, I001
from pydantic import SecretStr
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from benchmarks.event_loop import settle, wait_until
from packstation.config import Paths, Settings
from packstation.credentials import TokenStore
from packstation.sandbox import SandboxServer, SandboxState
from packstation.store.station import StationStore
from packstation.ui.views.main_window import MainWindow
from packstation.ui.station.runtime import StationRuntime
from packstation.ui.station.services import Services

#: An order of each size: #9010 is the benchmarks' own (see ``workload.extra_orders``).
ORDERS = {10: "#9010", 150: "#1005", 1000: "#1014"}


def app() -> QApplication:
    instance = QApplication.instance()
    if isinstance(instance, QApplication):
        return instance
    return QApplication(["packstation-bench"])


class PaintWatch(QObject):
    """Time of the last paint of each watched widget (``painted[widget]``)."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.painted: dict[QWidget, float] = {}
        self._widgets = widgets
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            self.painted[watched] = time.perf_counter()
        return False

    def all_painted_after(self, moment: float) -> bool:
        return all(self.painted.get(w, 0.0) > moment for w in self._widgets)

    def latest(self) -> float:
        return max(self.painted.get(w, 0.0) for w in self._widgets)


def post_code(code: str) -> None:
    """A scan's keys and its Enter, posted to the focused widget in one go."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    for char in code:
        key = ord(char.upper()) if char.isalnum() else ord(char)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.postEvent(
                target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.postEvent(
            target, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )


class Typist(threading.Thread):
    """Posts keys from another thread at a fixed pace, as a scanner types while the GUI
    thread is busy: the keys wait in the queue, they are not slowed down by it."""

    def __init__(self, target: QWidget, codes: list[str], gap_s: float) -> None:
        super().__init__(name="bench-typist", daemon=True)
        self.target, self.codes, self.gap_s = target, codes, gap_s
        self.last_key_at = 0.0

    def run(self) -> None:
        if os.environ.get("QT_QPA_PLATFORM") == "xcb" and shutil.which("xdotool"):
            # A real X server: keys go through XTEST, stamped by the server, like a
            # USB scanner's. One xdotool call types them all.
            delay = str(max(1, round(self.gap_s * 1000)))
            names = {"-": "minus", "#": "numbersign", ".": "period", "_": "underscore"}
            keys = [names.get(c, c) for code in self.codes for c in [*code, "Return"]]
            # No window manager under Xvfb: the keyboard follows the pointer.
            centre = self.target.window().geometry().center()
            subprocess.run(["xdotool", "mousemove", str(centre.x()), str(centre.y())], check=True)
            # One xdotool for every key: no process started between two scans.
            subprocess.run(["xdotool", "key", "--delay", delay, *keys], check=True)
            self.last_key_at = time.perf_counter()
            return
        for code in self.codes:
            for char in code + "\r":
                key = Qt.Key.Key_Return if char == "\r" else ord(char.upper())
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.postEvent(
                        self.target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
                    )
                time.sleep(self.gap_s)
        self.last_key_at = time.perf_counter()


@dataclass
class Station:
    window: MainWindow
    sandbox: SandboxServer
    services: Services
    requests: list[tuple[str, str]] = field(default_factory=list)

    def load(self, ref: str, timeout: float = 20.0) -> float:
        """Type a slip; seconds from its Enter to the order's table painted."""
        window = self.window
        watch = PaintWatch(window.order_page.table.viewport())
        loaded: list[str] = []
        window.controller.order_loaded.connect(loaded.append)
        start = time.perf_counter()
        post_code(ref)
        wait_until(lambda: bool(loaded) and watch.all_painted_after(start), timeout)
        window.controller.order_loaded.disconnect(loaded.append)
        return watch.latest() - start

    def clear(self) -> None:
        self.window.controller.orders.close("bench")
        wait_until(lambda: self.window.controller.session is None)


@contextmanager
def station(
    extra_orders: list[dict[str, Any]] | None = None,
    returns: list[dict[str, Any]] | None = None,
) -> Iterator[Station]:
    """A window on a fresh station and sandbox; everything is stopped on leaving.

    ``returns``: the sandbox's returns, as ``SandboxState`` stores them (the demo's when
    None)."""
    app()
    preload()
    demo = SandboxState.demo()
    data: dict[str, Any] = {
        "storeName": demo.store_name,
        "orders": demo.snapshot()["orders"] + (extra_orders or []),
    }
    if returns is not None:
        data["returns"] = returns
    state = SandboxState(data, demo.products)
    sandbox = SandboxServer(state=state).start()
    requests: list[tuple[str, str]] = []
    sandbox.on_request = lambda method, path: requests.append((method, path))
    with tempfile.TemporaryDirectory(prefix="packstation-bench-") as tmp:
        paths = Paths.default(Path(tmp))
        # A bench in a warehouse when the run names one (``bench_warehouse.py``); written
        # this way so the probes still run on checkouts without warehouse mode (--source).
        url = os.environ.get("PACKSTATION_WAREHOUSE_URL", "")
        services = Services(
            settings=Settings(
                api_url=sandbox.base_url,
                store_id=sandbox.store_id,
                station_name="Bench",
                **({"warehouse_url": url} if url else {}),
            ),
            paths=paths,
            store=StationStore(paths.database),
            tokens=TokenStore(),
            demo=True,
            token_override=SecretStr(sandbox.token),
        )
        window = MainWindow(StationRuntime(services))
        top = window.host  # the one top-level window, as the program shows it
        top.resize(1366, 768)
        top.show()
        top.activateWindow()
        ready: list[bool] = []
        window.controller.ready.connect(lambda: ready.append(True))
        window.start()
        try:
            wait_until(lambda: bool(ready) and window.runtime.client is not None)
            wait_until(lambda: QApplication.focusWidget() is not None, 5)
            door = getattr(window.port, "warehouse", None)
            if door is not None:  # in a warehouse: reached, and its first reads done
                wait_until(lambda: door.online is not None and not window.runtime.warehouse.busy)
            # As the program does 1.5 s after its start (startup.freeze_what_start_up_built),
            # written out here so the probes still run on older checkouts (--source).
            gc.collect(1)
            gc.freeze()
            yield Station(window, sandbox, services, requests)
        finally:
            window.shutdown()
            top.close()
            top.deleteLater()
            settle(0.05)
            services.store.close()
            sandbox.stop()


def preload() -> None:
    """Import what workers would import later, before any event loop runs (see above)."""
    import httpx  # noqa: F401

    from packstation.packing import barcodes, tracking
    from packstation.redo import client  # noqa: F401

    barcodes.warm_up()
    tracking.warm_up()


def idle(station: Station, timeout: float = 30.0) -> None:
    runtime: Any = station.window.runtime
    wait_until(lambda: not runtime.writes.busy and not runtime.reads.busy, timeout)
