"""The Qt binding itself: a method that returns nothing must not take a reference from None.

PySide6 6.12.0 did: each such call (QLabel.setText, QTimer.start, QPainter.drawRect ...)
left Python's None one reference short, and a bench aborted ("none_dealloc") after some
thousands of them. pyproject.toml excludes that release; this test keeps it excluded.
"""

from __future__ import annotations

import os
import subprocess
import sys


def test_qt_calls_that_return_nothing_leave_none_alone() -> None:
    # In a fresh interpreter: a broken binding aborts it instead of this test session.
    script = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label, timer = QLabel(), QTimer()\n"
        "before = sys.getrefcount(None), sys.getrefcount(True)\n"
        "for _ in range(2000):\n"
        "    label.setText('x')\n"
        "    timer.start(1000)\n"
        "    timer.stop()\n"
        "    QApplication.focusWidget()\n"  # a null pointer comes back as None
        "    label.windowTitleChanged.emit('x')\n"
        "after = sys.getrefcount(None), sys.getrefcount(True)\n"
        "print(max(abs(a - b) for a, b in zip(after, before)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 100
