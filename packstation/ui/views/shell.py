"""The window as it first appears: on screen and taking scans while the bench is built in it.

Building the packing bench (the API models, the station database, a thousand lines of
widgets) takes several times as long as Qt needs to show a window. The shell shows
at once with the scanner already listening; start-up then runs in short steps with
the event loop turning between them, so scans made meanwhile are kept, in order, and
handed to the bench when it takes over the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from packstation import APP_NAME
from packstation.ui.views.scanner import ScannerFilter
from packstation.ui.words.i18n import tr
from packstation.ui.words.steps import StartupStep, step_text

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QKeyEvent

    from packstation.ui.views.main_window import MainWindow

# Everything here runs before the window first shows, so it stays cheap: no ``Qt``
# namespace (importing it builds a hundred enum classes) and no style sheet (the bench's
# is applied by the first start-up step; its #startup rules match the fonts set here).


#: Start-up's first step runs this long after ``run_steps`` if the window has not painted.
FIRST_STEP_LATEST_MS = 500


class _FirstPaint(QObject):
    """Calls ``then`` once the window's first paint has returned (flushed to the screen)."""

    def __init__(self, parent: QObject, then: Callable[[], None]) -> None:
        super().__init__(parent)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            # Posted from the paint: it runs after the paint pass, flush included.
            QTimer.singleShot(0, self._then)
        return False


class BenchShell(QMainWindow):
    """The one top-level window; ``adopt`` puts the bench in it (its menus and status bar
    are this window's) and hands the scans kept so far over to it."""

    def __init__(self, scanner: ScannerFilter | None = None) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setObjectName("benchShell")
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        self._centred_label(layout, "startupTitle", APP_NAME, 34, bold=True)
        self._step = self._centred_label(layout, "startupStep", tr("Starting…"), 16, bold=False)
        self._kept = self._centred_label(layout, "startupStep", "", 16, bold=False)
        layout.addStretch(3)
        self.setCentralWidget(page)
        self.scanner = scanner or ScannerFilter(self)
        self.scanner.scanned.connect(self._hold)
        self.scanner.unreadable.connect(self._unreadable)
        self.waiting: list[str] = []
        self._bench: MainWindow | None = None
        #: Told of the first scan kept (start-up may send a slip to Redo at once).
        self._first_kept: Callable[[str], None] | None = None

    @staticmethod
    def _centred_label(
        column: QVBoxLayout, name: str, text: str, points: int, *, bold: bool
    ) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        font = label.font()
        font.setPointSize(points)
        font.setBold(bold)
        label.setFont(font)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(label)
        row.addStretch(1)
        column.addLayout(row)
        return label

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Until the bench takes over, every key comes here (nothing else takes focus), so
        # the scanner reads them without an application-wide filter: that filter makes
        # PySide6 build a Python type for every kind of object and event it sees, about
        # 40 ms that would delay the first paint. The bench installs it when it starts.
        if self._bench is None and self.scanner.eventFilter(self, event):
            return
        super().keyPressEvent(event)

    def on_first_kept(self, call: Callable[[str], None]) -> None:
        """``call(code)`` with the first scan kept: now if there is one, else when it comes."""
        if self.waiting:
            call(self.waiting[0])
        else:
            self._first_kept = call

    def _hold(self, code: str) -> None:
        self.waiting.append(code)
        first, self._first_kept = self._first_kept, None
        if first is not None:
            first(code)
        self._kept.setText(
            tr("Scans kept: {n}. They are handled as soon as the bench is ready.").format(
                n=len(self.waiting)
            )
        )

    def _unreadable(self, _text: str) -> None:
        if self._bench is None:
            self._kept.setText(tr("A scan was not read cleanly: scan it again."))

    def show_step(self, step: StartupStep) -> None:
        self._step.setText(step_text(step))

    def run_steps(
        self, steps: Iterator[StartupStep], failed: Callable[[BaseException], None]
    ) -> None:
        """Run start-up one step at a time; each step's words show while it runs.

        The first step waits for the window's first paint to be on screen: on X11 the
        paint waits for the server's expose, and a step run before it (reading settings,
        the style sheet, the API models: a few hundred milliseconds) kept the window
        blank and unmapped that long. A window never painted (hidden, minimised) starts
        after ``FIRST_STEP_LATEST_MS`` all the same.
        """
        begun: list[bool] = []

        def begin() -> None:
            if not begun:
                begun.append(True)
                self.removeEventFilter(watch)
                QTimer.singleShot(0, advance)

        def advance() -> None:
            try:
                step = next(steps)
            except StopIteration:
                return
            except Exception as exc:
                failed(exc)
                return
            self.show_step(step)
            QTimer.singleShot(0, advance)

        watch = _FirstPaint(self, begin)
        self.installEventFilter(watch)
        QTimer.singleShot(FIRST_STEP_LATEST_MS, begin)

    def adopt(self, bench: MainWindow, take_over: Callable[[list[str]], None]) -> None:
        """Put the bench in the window and hand it the scans kept so far, in order."""
        self._bench = bench
        self._first_kept = None  # from now on the bench takes the scans
        self.setCentralWidget(bench)
        self.setWindowTitle(bench.windowTitle())
        bench.windowTitleChanged.connect(self.setWindowTitle)
        self.scanner.scanned.disconnect(self._hold)
        waiting, self.waiting = self.waiting, []
        take_over(waiting)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The bench decides (it says that shipments not yet sent are kept, then closes).
        if self._bench is not None and not self._bench.request_close():
            event.ignore()
            return
        super().closeEvent(event)
