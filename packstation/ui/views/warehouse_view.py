"""The lead's Warehouse view: every bench live, today's figures per packer, and claims.

What it shows comes from a :class:`~packstation.ui.station.floor_watch.FloorWatch`: read
again when the warehouse announces a change, not polled. A bench not seen for more than
:data:`~packstation.ui.words.warehouse.GONE_AFTER_S` is shown as gone, in words and in colour. Releasing a claim is a
lead's action and asks for confirmation; who releases is recorded in the warehouse.

Who counts as the lead depends on where the view runs. At a bench (Station menu,
:meth:`WarehouseView.of_bench`) it is the bench's own check: the packer if they are a
lead, otherwise a lead's badge scanned while the view is open. Standalone
(``packstation warehouse view URL``, :func:`run_view`) the lead types their name, which
must be one the warehouse or the machine config names.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from packstation.ui.station.floor_watch import FloorView, FloorWatch
from packstation.ui.views import floor_tables as tables
from packstation.ui.views.alive import while_open
from packstation.ui.views.lead_badge import LeadBadge
from packstation.ui.views.scan_note import ScanNote
from packstation.ui.views.stats_dialog import packer_name
from packstation.ui.words import warehouse as words
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.config import Settings
    from packstation.ui.bench.identity import Identity
    from packstation.ui.station.port import StationPort
    from packstation.warehouse.claims import Holder

#: ``as_lead(action, then)``: run ``then(lead)`` once a lead is known for ``action``.
AsLead = Callable[[str, Callable[[str], None]], None]


class WarehouseView(QDialog):
    """The floor as ``watch`` reads it. ``as_lead`` is the bench's lead check; without
    one, the lead types their name, one of ``leads`` (the machine config's) or of those
    the warehouse names."""

    def __init__(
        self,
        watch: FloorWatch,
        *,
        as_lead: AsLead | None = None,
        leads: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.watch = watch
        watch.setParent(self)
        self.config_leads = tuple(leads)
        self.as_lead: AsLead = as_lead or self._named_lead
        self.view: FloorView | None = None
        self.claims_shown: tuple[tuple[object, ...], ...] = ()
        self.setWindowTitle(tr("Warehouse: {where}").format(where=words.where(watch.address)))
        self.resize(1320, 680)
        layout = QVBoxLayout(self)
        self.state = QLabel(tr("Connecting to the warehouse…"), self)
        self.state.setObjectName("floorState")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        layout.addWidget(tables.title(tr("Benches"), self))
        self.benches = tables.table(
            self,
            "floorBenches",
            [
                tr("Bench"),
                tr("Packer"),
                tr("Open order"),
                # Two lines each: eight columns fit 1366 px in every language and look.
                tr("Items\ntoday"),
                tr("Items\nper hour"),
                tr("Outbox\nwaiting"),
                tr("Outbox\nfailed"),
                tr("Last seen"),
            ],
        )
        layout.addWidget(self.benches, 1)
        lower = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(tables.title(tr("Today per packer"), self))
        self.packers = tables.table(
            self,
            "floorPackers",
            [tr("Packer"), tr("Shipments"), tr("Items"), tr("Benches")],
        )
        left.addWidget(self.packers)
        lower.addLayout(left, 2)
        right = QVBoxLayout()
        right.addWidget(tables.title(tr("Claimed orders"), self))
        self.claims_table = tables.table(
            self,
            "floorClaims",
            [tr("Order"), tr("Bench"), tr("Packer"), tr("Since"), ""],
        )
        right.addWidget(self.claims_table)
        lower.addLayout(right, 3)
        layout.addLayout(lower, 1)
        self.note = ScanNote(self)
        layout.addWidget(self.note)
        #: A release waiting for a lead's badge (at a bench only, which gives the sound).
        self.badge = LeadBadge(self.note, lambda: None)
        bottom = QHBoxLayout()
        # Standalone, the lead says who they are here (at a bench, their badge does).
        self.lead_name = QLineEdit(self)
        self.lead_name.setObjectName("leadName")
        self.lead_name.setPlaceholderText(tr("Your name"))
        self.lead_name.setAccessibleName(tr("Lead's name, for releasing a claim"))
        self.lead_name.setMaximumWidth(320)
        self.lead_label = QLabel(tr("Releasing as:"), self)
        self.lead_label.setBuddy(self.lead_name)
        bottom.addWidget(self.lead_label)
        bottom.addWidget(self.lead_name, 1)
        self.lead_name.setVisible(as_lead is None)
        self.lead_label.setVisible(as_lead is None)
        bottom.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        # One box for the view's life, opened (never exec'd), as the Taught barcodes' is.
        self._confirm_box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Release this claim?"),
            "",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        self._release_choice = self._confirm_box.addButton(
            tr("Release"), QMessageBox.ButtonRole.DestructiveRole
        )
        self._confirm_box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self._confirm_box.buttonClicked.connect(self._confirmed)
        self._confirming: tuple[Holder, str] | None = None
        watch.changed.connect(self.show_floor)
        watch.online_changed.connect(self._online_changed)
        self.finished.connect(lambda _: watch.shutdown())

    @classmethod
    def of_bench(
        cls, port: StationPort, identity: Identity, parent: QWidget | None = None
    ) -> WarehouseView:
        """The Station menu's view: the bench's door, the bench's lead check."""
        from packstation.ui.station.sounds import Sound

        door = port.warehouse
        assert door is not None

        def as_lead(action: str, then: Callable[[str], None]) -> None:
            view.badge.ask(identity, action, then, words.badge_for_releasing())

        view = cls(FloorWatch.of_door(door), as_lead=as_lead, parent=parent)
        view.badge.refused = lambda: port.play(Sound.ERROR)
        view.watch.start()
        return view

    # ------------------------------------------------------------------ showing

    def show_floor(self, view: FloorView) -> None:
        self.view = view
        self._show_state()
        tables.fill_benches(self.benches, view)
        tables.fill_packers(self.packers, view)
        # Rebuilt only when what it shows changed (not on every renewal of a lease), so
        # a Release button keeps the keyboard's focus.
        shown = tuple(
            (h.order_id, h.order_ref, h.bench, h.packer, h.since, tables.minutes(view, h))
            for h in view.claims
        )
        if shown != self.claims_shown:
            tables.fill_claims(self.claims_table, view, self.ask_release)
            self.claims_shown = shown

    def _online_changed(self, online: bool) -> None:
        self._show_state()

    def _show_state(self) -> None:
        online = self.watch.online
        place = words.where(self.watch.address)
        if online is False:
            text = tr("⚠ Warehouse offline: {where} cannot be reached. Trying again…").format(
                where=place
            )
            if self.view is not None:
                text += " " + tr("Shown: what was read at {time}.").format(
                    time=words.clock(self.view.server_now)
                )
        elif self.view is None:
            text = tr("Connecting to the warehouse…")
        else:
            text = tr("● Live: {where}").format(where=place)
        self.state.setText(text)
        self.state.setProperty("offline", "true" if online is False else "false")
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)

    # ------------------------------------------------------------------ releasing

    def ask_release(self, holder: Holder) -> None:
        """A lead's action: who is the lead first, then the confirmation."""
        self.as_lead(words.releasing_action(), lambda lead: self._confirm(holder, lead))

    def known_leads(self) -> dict[str, str]:
        """Every lead's name by its case-folded form: the warehouse's and the config's."""
        names = [*self.config_leads, *(self.view.leads if self.view else ())]
        return {name.casefold(): name for name in names}

    def _named_lead(self, action: str, then: Callable[[str], None]) -> None:
        """Standalone: the name typed must be a lead's."""
        name = self.lead_name.text().strip()
        leads = self.known_leads()
        if not leads:
            self.note.say(
                tr(
                    "{action} is for a lead, and no lead is named: IT names them with "
                    "“packstation warehouse lead” or in the machine config."
                ).format(action=action),
                error=True,
            )
        elif not name:
            self.note.say(
                tr("{action} is for a lead: type your name beside “Releasing as” first.").format(
                    action=action
                ),
                error=True,
            )
            self.lead_name.setFocus(Qt.FocusReason.OtherFocusReason)
        elif name.casefold() not in leads:
            self.note.say(
                tr("{name} is not a lead here. {action} needs a lead.").format(
                    name=name, action=action
                ),
                error=True,
            )
        else:
            then(leads[name.casefold()])

    def _confirm(self, holder: Holder, lead: str) -> None:
        self._confirming = (holder, lead)
        box = self._confirm_box
        box.setText(
            tr(
                "Release order {order} from {bench} ({packer})? {bench} can no longer ship it."
            ).format(
                order=holder.order_ref or holder.order_id,
                bench=holder.bench,
                packer=packer_name(holder.packer),
            )
        )
        box.open()

    def _confirmed(self, button: QAbstractButton) -> None:
        chosen, self._confirming = self._confirming, None
        self.activateWindow()
        if button is not self._release_choice or chosen is None:
            self.note.say(tr("Nothing was released."))
            return
        holder, lead = chosen
        order = holder.order_ref or holder.order_id

        def released(was: Holder | None) -> None:
            if was is None:
                self.note.say(tr("Order {order} was no longer claimed.").format(order=order))
                return
            self.note.say(
                tr("Order {order} released from {bench} by {lead}.").format(
                    order=order, bench=was.bench, lead=lead
                )
            )

        def failed(exc: BaseException) -> None:
            self.note.say(
                tr("Order {order} was not released: the warehouse cannot be reached.").format(
                    order=order
                ),
                error=True,
            )

        self.watch.release(
            holder.order_id, lead, while_open(self, released), while_open(self, failed)
        )

    # ------------------------------------------------------------------ scans (at a bench)

    def take_scan(self, code: str) -> bool:
        """While a release waits for a lead, a scan is their badge; any other is not
        taken (the keyboard router refuses it, on the bench and here)."""
        return self.badge.scanned(code)

    def show_scan_refused(self, code: str) -> None:
        self.note.refused(code)

    def reject(self) -> None:
        """Esc or PS-CANCEL while a lead's badge is awaited gives up the release, not
        the view; otherwise they close it."""
        if not self.badge.give_up(tr("Nothing was released.")):
            super().reject()


def run_view(url: str, settings: Settings | None = None) -> int:
    """``packstation warehouse view URL``: the lead's view on its own, until closed.

    ``settings`` give the language, the look and the leads (the machine config's when
    None). Raises ``AddressError`` for a refused URL."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from packstation.config import load_machine_config
    from packstation.credentials import WarehousePasswords
    from packstation.resources import resource_path
    from packstation.ui.views.language import apply_look

    settings = settings or load_machine_config().defaults()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setWindowIcon(QIcon(str(resource_path("icons", "packstation.png"))))
    apply_look(app, settings)
    watch = FloorWatch.standalone(url, password=WarehousePasswords().get)
    view = WarehouseView(watch, leads=settings.leads)
    view.finished.connect(lambda _: app.quit())
    view.show()
    watch.start()
    try:
        return app.exec()
    finally:
        watch.shutdown()
