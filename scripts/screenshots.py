"""The README's screenshots, taken from the running packing window (offscreen, no display).

    uv run python scripts/screenshots.py            # writes docs/packing-window-*.png

Each shot opens the real window on the demo sandbox in one language and look, scans
demo order #1009 (Japanese city, emoji, long product titles) and one item, and saves
``QWidget.grab()``. Needs the Noto CJK and emoji fonts (``.ci/run`` installs them).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from keyring.backends.fail import Keyring as NoKeyring
from pydantic import SecretStr
from PySide6.QtCore import QEventLoop, Qt, QTimer, SignalInstance
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from packstation.config import Paths, Settings
from packstation.credentials import TokenStore
from packstation.sandbox import SandboxServer, SandboxState
from packstation.store.station import StationStore
from packstation.ui.station.runtime import StationRuntime
from packstation.ui.station.services import Services
from packstation.ui.station.sounds import SilentPlayer
from packstation.ui.views.language import apply_look
from packstation.ui.views.main_window import MainWindow
from packstation.ui.views.style import apply_bench_style

SHOTS = (
    ("packing-window-es.png", "es", False, Qt.ColorScheme.Light),
    ("packing-window-de.png", "de", False, Qt.ColorScheme.Light),
    ("packing-window-high-visibility.png", "en", True, Qt.ColorScheme.Light),
    ("packing-window-high-visibility-dark.png", "en", True, Qt.ColorScheme.Dark),
)


def wait_for(signal: SignalInstance, start: Callable[[], None], timeout_ms: int = 10_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    start()
    loop.exec()
    signal.disconnect(loop.quit)


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(
    app: QApplication,
    sandbox: SandboxServer,
    root: Path,
    out: Path,
    shot: tuple[str, str, bool, Qt.ColorScheme],
) -> None:
    name, language, high_visibility, scheme = shot
    # The OS's scheme; where the platform cannot set one (offscreen), the palette says it.
    app.styleHints().setColorScheme(scheme)
    dark = scheme == Qt.ColorScheme.Dark
    app.setPalette(QPalette(QColor("#202020") if dark else QColor("#f0f0f0")))
    settings = Settings(
        api_url=sandbox.base_url,
        store_id=sandbox.store_id,
        station_name="Bench 7",
        language=language,
        high_visibility=high_visibility,
    )
    apply_look(app, settings, root / "cache")
    apply_bench_style(app, high_visibility)  # again: the scheme may have changed
    paths = Paths.default(root / name)
    services = Services(
        settings=settings,
        paths=paths,
        store=StationStore(paths.database),
        tokens=TokenStore(NoKeyring()),  # type: ignore[no-untyped-call]
        sound=SilentPlayer(),
        demo=True,
        token_override=SecretStr(sandbox.token),
    )
    window = MainWindow(StationRuntime(services))
    window.resize(1366, 768)
    window.show()
    try:
        wait_for(window.controller.ready, window.start)
        wait_for(window.controller.order_loaded, lambda: window.keys.scan_arrived("#1009"))
        wait_for(window.controller.scan_handled, lambda: window.keys.scan_arrived("SPK-CMP-TI"))
        settle()
        window.grab().save(str(out / name))
        print(out / name)
    finally:
        window.shutdown()
        services.store.close()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "docs"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sandbox = SandboxServer(state=SandboxState.demo(root / "sandbox.json")).start()
        try:
            for shot in SHOTS:
                shoot(app, sandbox, root, out, shot)
        finally:
            sandbox.stop()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
