"""Needs attention: shipments Redo did not take, and those waiting to be sent.

Read through the port; the list follows the outbox by itself (every snapshot the port
publishes reads it again), so a box the sender delivers meanwhile leaves the list while
the lead looks at it. Retry, edit the tracking and retry, or discard: each is one write
through the port, never a nested event loop.

Discarding a held shipment (it will never reach Redo) is a lead's action, as forgetting a
taught barcode is (``taught_dialog.py``, ``bench/identity.py``): a packer who is not a lead
is asked, on this dialog, for a lead's badge; the "are you sure?" then names the lead, and
the lead is written to the station's journal with the shipment.

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
from packstation.store.returns_outbox import ReturnJob
from packstation.ui.station.port import StationPort
from packstation.ui.station.port_types import Attention
from packstation.ui.station.sounds import Sound
from packstation.ui.views.alive import while_open
from packstation.ui.views.flow_layout import FlowLayout
from packstation.ui.views.lead_badge import LeadBadge, Leads
from packstation.ui.views.scan_note import ScanNote
from packstation.ui.views.shipping_form import TRACKING_SAMPLES
from packstation.ui.views.tracking_details import WholeField
from packstation.ui.words import bench as words
from packstation.ui.words import returns as returns_words
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
        identity: Leads,
        parent: QWidget | None = None,
        open_settings: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.port = port
        self.identity = identity
        self._open_settings = open_settings
        self._items: dict[str, OutboxItem] = {}
        #: Received returns Redo did not take, by their job's ID.
        self._returns: dict[str, ReturnJob] = {}
        #: The shipment the "are you sure?" is about, and the lead who discards it.
        self._discarding: tuple[OutboxItem, str] | None = None
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
        self.badge = LeadBadge(self.note, lambda: port.play(Sound.ERROR))
        row = QHBoxLayout()
        actions = FlowLayout()
        self.retry_button = QPushButton(tr("Retry now"), self)
        self.edit_button = QPushButton(tr("Edit tracking and retry…"), self)
        self.discard_button = QPushButton(tr("Discard…"), self)
        self.retry_button.clicked.connect(self.retry)
        self.edit_button.clicked.connect(self.edit)
        self.discard_button.clicked.connect(self.discard)
        # The Enter that ends a badge scan must never press it (it would ask again).
        self.discard_button.setAutoDefault(False)
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
        # One box for the dialog's life, opened (never exec'd), as ``TaughtDialog``'s.
        self._confirm_box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Discard this shipment?"),
            "",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        self._confirm_box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self._confirm_box.finished.connect(self._confirmed)
        say_refusals_here(self._confirm_box, self.show_scan_refused)
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
        self._returns = {job.id: job for job in attention.returns}
        for job in attention.returns:
            entry = QListWidgetItem(returns_words.held_entry(job, when(job.created_at)))
            entry.setToolTip(job.last_error)
            entry.setData(Qt.ItemDataRole.UserRole, job.id)
            self.list.addItem(entry)
        for item in attention.waiting:
            state = waiting_text(item)
            reason = outbox_reason_text(item)
            if reason:
                state += " · " + reason
            self._add(item, state)
        if not self._items and not self._returns:
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
        if self._items or self._returns:
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
        returned = self._current_return() is not None
        self.retry_button.setEnabled(returned or (item is not None and not item.unreadable))
        self.edit_button.setEnabled(held and item is not None and not item.unreadable)
        self.discard_button.setEnabled(held)

    def _settings(self) -> None:
        if self._open_settings is not None:
            self._open_settings()

    def _current(self) -> OutboxItem | None:
        entry = self.list.currentItem()
        fid = entry.data(Qt.ItemDataRole.UserRole) if entry else None
        return self._items.get(str(fid)) if fid else None

    def _current_return(self) -> ReturnJob | None:
        entry = self.list.currentItem()
        job_id = entry.data(Qt.ItemDataRole.UserRole) if entry else None
        return self._returns.get(str(job_id)) if job_id else None

    def _failed(self, exc: BaseException) -> None:
        self.note.say(
            tr("Not done: the station database said {error}.").format(error=type(exc).__name__),
            error=True,
        )

    def retry(self) -> None:
        """Held: send it again. Waiting: do not wait for the next try."""
        job = self._current_return()
        if job is not None:
            self.port.records.retry_return(job.id, lambda _: None, while_open(self, self._failed))
            return
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
        """Discard the selected shipment, as a lead: the packer if they are one, else the
        lead whose badge is scanned now, on this dialog; then "are you sure?", naming them."""
        item = self._current()
        if item is not None:
            self.badge.ask(
                self.identity,
                words.discarding_action(),
                lambda who: self._badged(item.fulfillment_id, who),
                words.badge_for_discarding(),
            )

    def _badged(self, fulfillment_id: str, who: str) -> None:
        item = self._items.get(fulfillment_id)
        if item is None or item.state is not OutboxState.ATTENTION:
            self.note.say(tr("Nothing was discarded: that shipment is no longer held."))
            return
        self._confirm(item, who)

    def take_scan(self, code: str) -> bool:
        """While a discard waits for a lead, a scan is the lead's badge. Otherwise this
        dialog takes no scan (the keyboard router refuses it, on the bench and here)."""
        return self.badge.scanned(code)

    def _confirm(self, item: OutboxItem, who: str) -> None:
        self.note.say("")
        self._discarding = (item, who)
        box = self._confirm_box
        box.setText(
            tr(
                "Order {ref}, {n} items, will NOT be sent to Redo. Only do this if the box was "
                "unpacked or shipped another way."
            ).format(ref=item.summary.order_ref, n=item.summary.units)
            + "\n\n"
            + tr("If you discard it, {who} is recorded at this station as the one who did.").format(
                who=who
            )
        )
        box.open()

    def _confirmed(self, result: int) -> None:
        asked, self._discarding = self._discarding, None
        if asked is None or result != QMessageBox.StandardButton.Discard:
            return
        item, who = asked

        def discarded(_: None) -> None:
            self.note.say(
                tr("The shipment of order {ref} is discarded (by {who}).").format(
                    ref=item.summary.order_ref, who=who
                )
            )

        self.port.records.discard(
            item.fulfillment_id, who, while_open(self, discarded), while_open(self, self._failed)
        )

    def reject(self) -> None:
        """Esc or PS-CANCEL while a lead's badge is awaited gives up the discard, not the
        dialog; otherwise they close it."""
        if not self.badge.give_up(tr("Nothing was discarded.")):
            super().reject()

    def show_scan_refused(self, code: str) -> None:
        self.note.refused(code)
