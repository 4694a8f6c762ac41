"""Needs attention: shipments Redo did not take, and those waiting to be sent.

Read through the port; the list follows the outbox by itself (every snapshot the port
publishes reads it again), so a box the sender delivers meanwhile leaves the list while
the lead looks at it. Retry, edit the tracking and retry, or discard: each is one write
through the port, never a nested event loop.

Its buttons flow onto a second row rather than widen the dialog: in German with high
visibility the five of them side by side are about 1,540 px, wider than a 1366x768 bench.
The dialog is never wider than the screen it opens on.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from packstation.packing.tracking import CARRIERS, recognise
from packstation.store import OutboxItem, OutboxState
from packstation.ui.station.port import StationPort
from packstation.ui.station.port_types import Attention
from packstation.ui.views.alive import while_open
from packstation.ui.views.flow_layout import FlowLayout
from packstation.ui.views.scan_note import ScanNote
from packstation.ui.views.shipping_form import TRACKING_SAMPLES
from packstation.ui.views.tracking_details import WholeField
from packstation.ui.words.feedback import items
from packstation.ui.words.i18n import tr
from packstation.ui.words.problems import outbox_reason_text

#: Kept free of the screen's width for the borders a window manager puts around the dialog
#: (unknown until it is first shown).
FRAME = 16


def say_refusals_here(window: QWidget, note: Callable[[str], None]) -> None:
    """A scan refused while ``window`` (a chooser, a message box, a small dialog opened
    over one of the bench's dialogs) is on top is said by ``note`` on the dialog under it.

    The scan is refused because ``window`` is the one on top, and the keyboard router says
    so on it through its ``show_scan_refused``; these windows have none, and the bench's
    banner, where the refusal is said too, is behind both ("✖ A" was all that showed).
    """
    setattr(window, "show_scan_refused", note)  # noqa: B010 - the router looks it up by name


def when(at: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(at))


def when_exact(at: float) -> str:
    """A next attempt: the time of day, with the date only when it is not today."""
    if time.strftime("%Y-%m-%d", time.localtime(at)) == time.strftime("%Y-%m-%d"):
        return time.strftime("%H:%M:%S", time.localtime(at))
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))


def waiting_text(item: OutboxItem, now: float | None = None) -> str:
    """When a waiting box is tried next: "now" when it is due (never a date in 1970)."""
    due = item.next_attempt_at
    if due <= (now if now is not None else time.time()):
        return tr("Waiting to be sent: sending now")
    return tr("Waiting to be sent: next try at {when}").format(when=when_exact(due))


class AttentionDialog(QDialog):
    """Shipments Redo did not accept: retry, edit tracking and retry, or discard."""

    def __init__(
        self,
        port: StationPort,
        parent: QWidget | None = None,
        open_settings: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.port = port
        self._open_settings = open_settings
        self._items: dict[str, OutboxItem] = {}
        self.setWindowTitle(tr("Needs attention"))
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("attentionList")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.list, 1)
        self.note = ScanNote(self)
        layout.addWidget(self.note)
        row = QHBoxLayout()
        actions = FlowLayout()
        self.retry_button = QPushButton(tr("Retry now"), self)
        self.edit_button = QPushButton(tr("Edit tracking and retry…"), self)
        self.discard_button = QPushButton(tr("Discard…"), self)
        self.retry_button.clicked.connect(self.retry)
        self.edit_button.clicked.connect(self.edit)
        self.discard_button.clicked.connect(self.discard)
        self.settings_button = QPushButton(tr("Settings (new token)…"), self)
        self.settings_button.clicked.connect(self._settings)
        for button in (
            self.retry_button,
            self.edit_button,
            self.discard_button,
            self.settings_button,
        ):
            actions.addWidget(button)
        row.addLayout(actions, 1)
        close = QPushButton(tr("Close"), self)
        close.clicked.connect(self.accept)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(row)
        self.list.addItem(tr("Loading…"))
        self._enable()
        port.snapshot_changed.connect(self.reload)
        self.finished.connect(lambda _: port.snapshot_changed.disconnect(self.reload))
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        screen = self.screen()
        if screen is not None:
            self.fit_to(screen.availableGeometry())
        super().showEvent(event)

    def fit_to(self, available: QRect) -> None:
        """As wide as its buttons in one row, but never wider than ``available`` (less the
        window's frame): the buttons take a second row instead."""
        frame = max(FRAME, self.frameGeometry().width() - self.geometry().width())
        cap = max(self.minimumSizeHint().width(), available.width() - frame)
        self.setMaximumWidth(cap)
        self.resize(min(max(self.width(), self.sizeHint().width()), cap), self.height())

    def reload(self, *_: object) -> None:
        self.port.records.attention(while_open(self, self._show))

    def _show(self, attention: Attention) -> None:
        """Held shipments first (a lead must act), then those waiting for their next try."""
        current = self._current()
        self.list.clear()
        self._items = {i.fulfillment_id: i for i in (*attention.held, *attention.waiting)}
        for item in attention.held:
            hint = (
                tr("  (check the token in Settings)") if item.error_kind == "unauthorized" else ""
            )
            self._add(item, f"{outbox_reason_text(item)}{hint}")
        for item in attention.waiting:
            state = waiting_text(item)
            reason = outbox_reason_text(item)
            if reason:
                state += " · " + reason
            self._add(item, state)
        if not self._items:
            self.list.addItem(tr("Nothing needs attention, and nothing is waiting to be sent."))
        # A 401 is fixed with a new token: offer Settings right here.
        self.settings_button.setVisible(
            self._open_settings is not None
            and any(i.error_kind == "unauthorized" for i in attention.held)
        )
        rows = [self.list.item(r) for r in range(self.list.count())]
        keep = next(
            (
                r
                for r, entry in enumerate(rows)
                if current is not None
                and entry is not None
                and entry.data(Qt.ItemDataRole.UserRole) == current.fulfillment_id
            ),
            0,
        )
        if self._items:
            self.list.setCurrentRow(keep)
        self._enable()

    def _add(self, item: OutboxItem, state: str) -> None:
        summary = item.summary
        tracking = (
            tr("dummy tracking") if summary.dummy else f"{summary.carrier} {summary.tracking}"
        )
        units = items(summary.units)
        ref = (
            tr("{ref} · box {n}").format(ref=summary.order_ref, n=summary.box)
            if summary.box
            else summary.order_ref
        )
        entry = QListWidgetItem(f"{ref} · {units} · {tracking} · {when(item.created_at)}\n{state}")
        entry.setToolTip(tr("fulfillment ID") + f" {item.fulfillment_id}")
        entry.setData(Qt.ItemDataRole.UserRole, item.fulfillment_id)
        self.list.addItem(entry)

    def _enable(self) -> None:
        item = self._current()
        held = item is not None and item.state is OutboxState.ATTENTION
        self.retry_button.setEnabled(item is not None and not item.unreadable)
        self.edit_button.setEnabled(held and item is not None and not item.unreadable)
        self.discard_button.setEnabled(held)

    def _settings(self) -> None:
        if self._open_settings is not None:
            self._open_settings()

    def _current(self) -> OutboxItem | None:
        entry = self.list.currentItem()
        fid = entry.data(Qt.ItemDataRole.UserRole) if entry else None
        return self._items.get(str(fid)) if fid else None

    def _failed(self, exc: BaseException) -> None:
        self.note.say(
            tr("Not done: the station database said {error}.").format(error=type(exc).__name__),
            error=True,
        )

    def retry(self) -> None:
        """Held: send it again. Waiting: do not wait for the next try."""
        item = self._current()
        if item is not None:
            self.port.records.retry(
                item.fulfillment_id, lambda _: None, while_open(self, self._failed)
            )

    def edit(self) -> None:
        """New tracking for a held box: asked in a small window of its own, never a nested
        loop; the same fulfillment ID is sent again with it."""
        item = self._current()
        if item is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("Edit tracking"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form = QFormLayout(dialog)
        carrier = QComboBox(dialog)
        carrier.setEditable(True)
        carrier.addItems(list(CARRIERS))
        carrier.setCurrentText(item.summary.carrier)
        code = WholeField(dialog, TRACKING_SAMPLES)
        code.setText(item.summary.tracking)

        def recognised(text: str) -> None:
            guess = recognise(text)
            if guess:
                carrier.setCurrentText(guess.carrier)

        code.textChanged.connect(recognised)
        form.addRow(tr("Carrier"), carrier)
        form.addRow(tr("Tracking"), code)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)

        def finished(result: int) -> None:
            chosen, number = carrier.currentText().strip(), code.text().strip()
            if result == QDialog.DialogCode.Accepted and chosen and number:
                self.port.records.edit_tracking(
                    item.fulfillment_id,
                    chosen,
                    number,
                    lambda _: None,
                    while_open(self, self._failed),
                )

        dialog.finished.connect(finished)
        say_refusals_here(dialog, self.show_scan_refused)
        dialog.open()

    def discard(self) -> None:
        item = self._current()
        if item is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Discard this shipment?"),
            tr(
                "Order {ref}, {n} items, will NOT be sent to Redo. Only do this if the box was "
                "unpacked or shipped another way."
            ).format(ref=item.summary.order_ref, n=item.summary.units),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if result == QMessageBox.StandardButton.Discard:
                self.port.records.discard(
                    item.fulfillment_id, lambda _: None, while_open(self, self._failed)
                )

        box.finished.connect(finished)
        say_refusals_here(box, self.show_scan_refused)
        box.open()

    def show_scan_refused(self, code: str) -> None:
        self.note.refused(code)
