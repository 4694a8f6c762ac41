"""The documentation's screenshots, taken from the running packing window.

    uv run python scripts/screenshots.py            # offscreen, into docs/
    uv run python scripts/screenshots.py --x11 OUT  # on $DISPLAY (Xvfb :99 -screen 0 1366x768x24)

Each shot opens the real window (the shell with its menus and status bar, hosting the
bench) on the demo sandbox at 1366x768, in one language and look:

- ``bench-<en|es|de>-<normal|hivis>.png``: demo order #1009 (a Japanese address, emoji,
  long product titles), one line packed whole and one item of the next;
- ``settings-<en|es|de>.png``: the Settings dialog as it opens on a 1366x768 screen;
- ``packing-window.png`` (the README's first picture): #1013 in its second box, the first
  already sent to Redo;
- the README's language and high-visibility pictures, ``packing-window-<es|de>.png`` and
  ``packing-window-high-visibility[-dark].png`` (the light one is ``bench-en-hivis``).

Needs the Noto CJK and emoji fonts (``.ci/run`` installs them).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

if "--x11" not in sys.argv:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from keyring.backends.fail import Keyring as NoKeyring
from pydantic import SecretStr
from PySide6.QtCore import QEventLoop, QRect, Qt, QTimer, SignalInstance
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
from packstation.ui.views.settings_dialog import SettingsDialog
from packstation.ui.views.style import apply_bench_style

#: The packing benches' screens.
SCREEN = QRect(0, 0, 1366, 768)
LANGUAGES = ("en", "es", "de")


@dataclass(frozen=True)
class Look:
    language: str
    high_visibility: bool = False
    scheme: Qt.ColorScheme = Qt.ColorScheme.Light


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


class Bench:
    """One packing window on the sandbox, in one look; closed with ``close``."""

    def __init__(self, app: QApplication, sandbox: SandboxServer, root: Path, look: Look) -> None:
        # The OS's scheme; where the platform cannot set one (offscreen), the palette says it.
        app.styleHints().setColorScheme(look.scheme)
        dark = look.scheme == Qt.ColorScheme.Dark
        app.setPalette(QPalette(QColor("#202020") if dark else QColor("#f0f0f0")))
        settings = Settings(
            api_url=sandbox.base_url,
            store_id=sandbox.store_id,
            station_name="Bench 7",
            language=look.language,
            high_visibility=look.high_visibility,
        )
        apply_look(app, settings, root / "cache")
        apply_bench_style(app, look.high_visibility)  # again: the scheme may have changed
        data = Path(tempfile.mkdtemp(dir=root))
        paths = Paths.default(data)
        self.services = Services(
            settings=settings,
            paths=paths,
            store=StationStore(paths.database),
            tokens=TokenStore(NoKeyring()),  # type: ignore[no-untyped-call]
            sound=SilentPlayer(),
            demo=True,
            token_override=SecretStr(sandbox.token),
        )
        self.window = MainWindow(StationRuntime(self.services))
        self.window.host.setGeometry(SCREEN)
        self.window.host.show()
        wait_for(self.window.controller.ready, self.window.start)

    def open(self, ref: str) -> None:
        wait_for(self.window.controller.order_loaded, lambda: self.window.keys.scan_arrived(ref))

    def scan(self, code: str) -> None:
        wait_for(self.window.controller.scan_handled, lambda: self.window.keys.scan_arrived(code))

    def save(self, out: Path, *names: str) -> None:
        settle()
        image = self.window.host.grab()
        for name in names:
            image.save(str(out / name))
            print(out / name)

    def close(self) -> None:
        self.window.shutdown()
        self.services.store.close()
        self.window.host.close()


def bench_shot(bench: Bench, out: Path, names: Sequence[str]) -> None:
    bench.open("#1009")
    bench.scan("AERO-SHL-RED-M")  # its line is packed whole
    bench.scan("SPK-CMP-TI")  # one of three
    bench.save(out, *names)


def settings_shot(bench: Bench, out: Path, name: str) -> None:
    dialog = SettingsDialog(bench.window.runtime, bench.window.host)
    dialog.show()
    dialog.fit_to(SCREEN.adjusted(0, 0, 0, -40))  # the bench's screen less a task bar
    settle()
    dialog.grab().save(str(out / name))
    print(out / name)
    dialog.reject()


def two_boxes_shot(bench: Bench, out: Path, name: str) -> None:
    """#1013: the tee goes in box 1 with a USPS label and is sent; the socks into box 2."""
    bench.open("#1013")
    bench.scan("TEE-MER-BLK-M")
    bench.scan("9400111899223197428497")
    port = bench.window.port
    wait_for(port.delivered, bench.window.controller.boxes.close)
    bench.scan("SOCK-HIK-GRY-M")
    bench.save(out, name)


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if a != "--x11"]
    out = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "docs"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    legacy = {
        ("es", False): ("packing-window-es.png",),
        ("de", False): ("packing-window-de.png",),
        ("en", True): ("packing-window-high-visibility.png",),
    }
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sandbox = SandboxServer(state=SandboxState.demo(root / "sandbox.json")).start()
        shots: list[tuple[Look, Callable[[Bench], None]]] = []
        for language in LANGUAGES:
            for hv in (False, True):
                names = [f"bench-{language}-{'hivis' if hv else 'normal'}.png"]
                names += legacy.get((language, hv), ())
                shots.append((Look(language, hv), partial(bench_shot, out=out, names=names)))
            settings = f"settings-{language}.png"
            shots.append((Look(language), partial(settings_shot, out=out, name=settings)))
        dark = Look("en", True, Qt.ColorScheme.Dark)
        dark_names = ["packing-window-high-visibility-dark.png"]
        shots.append((dark, partial(bench_shot, out=out, names=dark_names)))
        shots.append((Look("en"), partial(two_boxes_shot, out=out, name="packing-window.png")))
        try:
            for look, take in shots:
                bench = Bench(app, sandbox, root, look)
                try:
                    take(bench)
                finally:
                    bench.close()
        finally:
            sandbox.stop()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
