"""A burst of scans through a real X server, the GUI thread stalled after each first key.

Offscreen, posted keys reach the filter before any timer does; on X11 the event loop runs
the timers that fell due first, then the keys the server queued meanwhile. A 45 ms stall
just after a scan's first key therefore used to let the flush timer, barely late, type that
key and leave the rest to be refused ("L-0792" for "KL-0792"). This test types the scans
with xdotool into a window on Xvfb, as a USB scanner types through the X server.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (.ci/run installs both)",
)

#: The window: a field with the program's scanner filter, and a stall after each first key.
CHILD = textwrap.dedent(
    """
    import json, sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit
    from packstation.ui.views.scanner import ScannerFilter

    stall_s, expected = float(sys.argv[1]), int(sys.argv[2])
    app = QApplication(["stall"])
    field = QLineEdit()
    field.setGeometry(0, 0, 400, 200)
    field.show()
    field.activateWindow()  # no window manager on Xvfb to give it the keyboard
    scanner = ScannerFilter()
    scanned, unreadable = [], []
    scanner.scanned.connect(scanned.append)
    scanner.unreadable.connect(unreadable.append)
    app.installEventFilter(scanner)

    stalls = [0]

    def stall():
        # On a timer, as the window's coalesced refreshes run: the scanner's flush timer,
        # due meanwhile, then fires before the keys the server queued during the stall.
        stalls[0] += 1
        end = time.monotonic() + stall_s
        while time.monotonic() < end:  # a long repaint, a garbage collection
            pass

    class FirstKey(QObject):
        # Installed after the scanner's filter, so it sees each key first; the stall runs
        # just after the scanner took the key (its flush timer is running).
        first = True

        def eventFilter(self, watched, event):
            text = event.text() if event.type() == QEvent.Type.KeyPress else ""
            if watched is field and text:  # Shift, pressed around capitals, has none
                if self.first and text.isprintable():
                    QTimer.singleShot(2, stall)
                self.first = text in ("\\r", "\\n")
            return False

    first_key = FirstKey()
    app.installEventFilter(first_key)

    def ready():
        if field.hasFocus() and field.isActiveWindow():
            print("READY", flush=True)
        else:
            QTimer.singleShot(20, ready)

    def done():
        if len(scanned) + len(unreadable) >= expected or "END-0000" in scanned:
            print("RESULT " + json.dumps({"scanned": scanned, "unreadable": unreadable,
                                          "typed": field.text(), "stalls": stalls[0]}), flush=True)
            app.quit()
        else:
            QTimer.singleShot(20, done)

    QTimer.singleShot(0, ready)
    QTimer.singleShot(0, done)
    app.exec()
    """
)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def _keys(code: str) -> list[str]:
    names = {"-": "minus"}
    return [names.get(c, c) for c in code] + ["Return"]


def _line(child: subprocess.Popen[str], within_s: float) -> str:
    """The child's next line; empty if it says nothing for ``within_s`` (it is stuck)."""
    assert child.stdout is not None
    with selectors.DefaultSelector() as waiting:
        waiting.register(child.stdout, selectors.EVENT_READ)
        if not waiting.select(within_s):
            return ""
    return child.stdout.readline()


def test_a_stall_after_each_first_key_splits_no_scan(display: str) -> None:
    codes = [f"KL-{n:04d}" for n in range(30)]
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=display, LC_ALL="C.UTF-8")
    env.pop("QT_QPA_PLATFORMTHEME", None)
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, "0.045", str(len(codes) + 1)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert _line(child, 30).strip() == "READY"
            # Each scan reaches an idle window, so its first key is read alone, then the
            # stall holds the rest in the X server's queue. One xdotool types them all.
            script = [
                word
                for code in [*codes, "END-0000"]
                for word in ["key", "--delay", "4", *_keys(code), "sleep", "0.06"]
            ]
            subprocess.run(["xdotool", *script], env=env, check=True)
            line = _line(child, 60)
        finally:
            if child.poll() is None:
                child.kill()
            _, errors = child.communicate()
    assert line.startswith("RESULT "), (line, errors)
    result = json.loads(line.removeprefix("RESULT "))
    assert result["unreadable"] == []
    assert result["typed"] == ""
    assert result["scanned"] == [*codes, "END-0000"]
    assert result["stalls"] == len(codes) + 1
