"""The baseline for the startup budget: a bare PySide6 window, frozen the same way as the app."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)
window.show()


def ready() -> None:
    print("bare window ready", flush=True)
    app.quit()


QTimer.singleShot(0, ready)
sys.exit(app.exec())
