"""Getting a Qt application object for work that needs one but no window (PDF sheets)."""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication


def ensure_gui_application() -> QGuiApplication:
    """The running application, or a new windowless one (offscreen when no display)."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([])
