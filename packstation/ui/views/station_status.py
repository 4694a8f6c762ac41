"""The status bar: connection, what waits to be sent, what needs attention, who packs where.

The bar's sections sit in one :class:`FlowLayout`: side by side while they fit, and on a
second line when they do not (German in high visibility, a long station or packer name,
a catalog import under way). A section is never squeezed below its text: on a 1366 px
screen a squeezed "Needs attention" count used to vanish altogether.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QStatusBar,
    QWidget,
)

from packstation import __version__
from packstation.store import OutboxCounts
from packstation.ui.station.sounds import SoundPlayer
from packstation.ui.views.flow_layout import FlowLayout
from packstation.ui.words.i18n import tr


class StationStatus(QObject):
    """Fills a window's status bar; ``attention_requested`` when the lead clicks the count."""

    attention_requested = Signal()
    #: IT clicked the start-up notices: say them again.
    notices_requested = Signal()

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        # Permanent: a tooltip's status tip must not hide the attention count.
        row = QWidget(bar)
        row.setObjectName("statusRow")
        flow = FlowLayout(row, last_to_right=True, grow_owner=True)
        flow.setContentsMargins(0, 0, 0, 0)
        flow.setSpacing(6)
        bar.addPermanentWidget(row, 1)
        self.online_label = QLabel(row)
        #: Warehouse mode only: reached or not (a bench on its own never shows it).
        self.warehouse_label = QLabel(row)
        self.warehouse_label.setObjectName("warehouseLabel")
        self.warehouse_label.setVisible(False)
        self.pending_label = QLabel(row)
        self.attention_button = QPushButton(row)
        self.attention_button.setObjectName("attentionButton")
        self.attention_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.attention_button.setAccessibleDescription(tr("Opens the shipments Redo did not take"))
        self.attention_button.clicked.connect(self.attention_requested)
        # What start-up found wrong stays in sight until the bench restarts: the banner
        # that first said it is overwritten by the next scan.
        self.notices_button = QPushButton(row)
        self.notices_button.setObjectName("noticesButton")
        self.notices_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notices_button.setVisible(False)
        self.notices_button.clicked.connect(self.notices_requested)
        self.note_label = QLabel(row)
        self.note_label.setObjectName("noteLabel")
        self.note_label.setVisible(False)
        self.sound_label = QLabel(row)
        self.sound_label.setObjectName("soundLabel")
        self.sound_label.setVisible(False)
        self.station_label = QLabel(row)
        self.station_label.setObjectName("stationLabel")
        # The version is for IT, not for the packer: it waits in the tooltip.
        self.station_label.setToolTip(
            tr("PackStation version {version}").format(version=__version__)
        )
        # The packer's state first; who packs where last.
        for widget in (
            self.online_label,
            self.warehouse_label,
            self.pending_label,
            self.attention_button,
            self.notices_button,
            self.note_label,
            self.sound_label,
            self.station_label,
        ):
            flow.addWidget(widget)

    def show_state(
        self,
        counts: OutboxCounts,
        configured: bool | None,
        online: bool | None,
        has_store: bool = False,
    ) -> None:
        """``configured``: None while the token is still being read from the keyring.
        ``online``: None until the sender has talked to Redo. ``has_store``: IT set the
        store; unconfigured then means this computer's keyring has no token for it."""
        if configured is None:
            self.online_label.setText(tr("○ Connecting…"))
        elif not configured:
            self.online_label.setText(tr("○ No API token") if has_store else tr("○ Not set up"))
        elif online is False:
            self.online_label.setText(tr("○ Offline"))
        else:
            self.online_label.setText(tr("● Online") if online else tr("● Ready"))
        if counts.pending:
            age = int(time.time() - (counts.oldest_pending_at or time.time()))
            self.pending_label.setText(
                tr("Sending: {n} (oldest {age})").format(n=counts.pending, age=_age(age))
            )
        else:
            self.pending_label.setText(tr("Nothing waiting to send"))
        attention = tr("Needs attention: {n}").format(n=counts.attention)
        if attention != self.attention_button.text():
            self.attention_button.setText(attention)
            self.attention_button.setAccessibleName(attention)
        # A style-sheet property: red when something needs a lead. Re-polishing recomputes
        # the style sheet, so it is done only when the colour changes.
        active = "true" if counts.attention else "false"
        if self.attention_button.property("active") != active:
            self.attention_button.setProperty("active", active)
            self.attention_button.style().unpolish(self.attention_button)
            self.attention_button.style().polish(self.attention_button)

    def show_warehouse(self, text: str, tip: str, online: bool) -> None:
        """The warehouse: reached, or not (in words, and amber when it is not)."""
        self.warehouse_label.setText(text)
        self.warehouse_label.setToolTip(tip)
        self.warehouse_label.setAccessibleName(text)
        self.warehouse_label.setVisible(True)
        state = "true" if online else "false"
        if self.warehouse_label.property("online") != state:
            self.warehouse_label.setProperty("online", state)
            self.warehouse_label.style().unpolish(self.warehouse_label)
            self.warehouse_label.style().polish(self.warehouse_label)

    def show_notices(self, count: int, text: str) -> None:
        """Start-up notices for IT (a config line left out, a database moved aside)."""
        label = tr("⚠ Start-up notices: {n}").format(n=count)
        self.notices_button.setText(label)
        self.notices_button.setAccessibleName(label)
        self.notices_button.setToolTip(text)
        self.notices_button.setAccessibleDescription(tr("Says the start-up notices again"))
        self.notices_button.setVisible(count > 0)

    def show_note(self, text: str) -> None:
        """Work going on in the background (a catalog import); "" when it is over."""
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))

    def show_import_progress(self, name: str, done: int, total: int) -> None:
        self.show_note(
            tr("Importing {file}: {done} of {total}").format(
                file=name, done=f"{done:,}", total=f"{total:,}"
            )
        )

    def show_sound(self, sound: SoundPlayer) -> None:
        """Silence that is not chosen is said: a packer relies on the error sound."""
        problem = getattr(sound, "problem", None)
        self.sound_label.setText(tr("Sound: off (no audio device)") if problem else "")
        self.sound_label.setVisible(bool(problem))

    def show_station(self, station: str, packer: str) -> None:
        text = tr("Station {name}").format(name=station) if station else ""
        if packer:
            text = tr("Packer {packer}").format(packer=packer) + (f" · {text}" if text else "")
        self.station_label.setText(text)
        self.station_label.setVisible(bool(text))


class Coalescer(QObject):
    """Runs ``action`` once, ``delay_ms`` after the first of any number of ``request()``s.

    A hundred boxes delivered in a burst ask for a hundred status refreshes; the status
    bar needs one. The action runs on the GUI thread, at most once per ``delay_ms``.
    """

    def __init__(self, delay_ms: int, action: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._action = action
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(action)

    def request(self, *_: object) -> None:
        """Any signal's arguments are ignored, so any signal can be connected."""
        if not self._timer.isActive():
            self._timer.start()

    def cancel(self) -> None:
        """Drop a run that is due (the window is closing)."""
        self._timer.stop()

    def flush(self) -> None:
        """Run now if a run is due (before closing, or in a test)."""
        if self._timer.isActive():
            self._timer.stop()
            self._action()

    def stop(self) -> None:
        self._timer.stop()


def _age(seconds: int) -> str:
    if seconds < 90:
        return tr("%n s", None, seconds)
    if seconds < 5400:
        return tr("%n min", None, seconds // 60)
    return tr("%n h", None, seconds // 3600)
