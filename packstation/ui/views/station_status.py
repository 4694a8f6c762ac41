"""The status bar: connection, what waits to be sent, what needs attention, who packs where."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar

from packstation import __version__
from packstation.store import OutboxCounts
from packstation.ui.station.sounds import SoundPlayer
from packstation.ui.words.i18n import tr


class StationStatus(QObject):
    """Fills a window's status bar; ``attention_requested`` when the lead clicks the count."""

    attention_requested = Signal()

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.online_label = QLabel(bar)
        self.pending_label = QLabel(bar)
        self.attention_button = QPushButton(bar)
        self.attention_button.setObjectName("attentionButton")
        self.attention_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.attention_button.setAccessibleDescription(tr("Opens the shipments Redo did not take"))
        self.attention_button.clicked.connect(self.attention_requested)
        self.note_label = QLabel(bar)
        self.note_label.setObjectName("noteLabel")
        self.sound_label = QLabel(bar)
        self.sound_label.setObjectName("soundLabel")
        self.station_label = QLabel(bar)
        bar.addWidget(self.online_label)
        bar.addWidget(self.pending_label)
        bar.addWidget(self.attention_button)
        bar.addWidget(self.note_label)
        bar.addPermanentWidget(self.sound_label)
        bar.addPermanentWidget(self.station_label)

    def show_state(
        self, counts: OutboxCounts, configured: bool | None, online: bool | None
    ) -> None:
        """``configured``: None while the token is still being read from the keyring.
        ``online``: None until the sender has talked to Redo."""
        if configured is None:
            self.online_label.setText(tr("○ Connecting…"))
        elif not configured:
            self.online_label.setText(tr("○ Not set up"))
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

    def show_note(self, text: str) -> None:
        """Work going on in the background (a catalog import); "" when it is over."""
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))

    def show_sound(self, sound: SoundPlayer) -> None:
        """Silence that is not chosen is said: a packer relies on the error sound."""
        problem = getattr(sound, "problem", None)
        self.sound_label.setText(tr("Sound: off (no audio device)") if problem else "")
        self.sound_label.setVisible(bool(problem))

    def show_station(self, station: str, packer: str) -> None:
        text = tr("Station {name} · v{version}").format(name=station, version=__version__)
        if packer:
            text = tr("Packer {packer} · ").format(packer=packer) + text
        self.station_label.setText(text)


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
