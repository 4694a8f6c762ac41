"""Where the bench's file choosers open.

Not the working directory: an installed bench starts in its install folder (or
``C:\\Windows\\System32`` from a shortcut), which is where nobody keeps a catalog or wants
an export. The person's Documents folder, else their home.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def start_folder() -> str:
    for location in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        path = QStandardPaths.writableLocation(location)
        if path and Path(path).is_dir():
            return path
    return str(Path.home())


def file_chooser(parent: QWidget, title: str, folder: str = "") -> QFileDialog:
    """A chooser opened (never exec'd) by the caller; in ``folder`` if it exists."""
    chooser = QFileDialog(parent, title)
    chooser.setDirectory(folder if folder and Path(folder).is_dir() else start_folder())
    return chooser
