"""The packing window: idle prompt, the order on the bench, shipping, and the station's state."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from packstation import APP_NAME, __version__
from packstation.packing import (
    AlreadyComplete,
    Invalid,
    NothingToShip,
    Packed,
    PackingError,
    PackingSession,
    ScanOutcome,
    TrackingInput,
)
from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from packstation.packing.commands import Command, CommandScan
from packstation.packing.router import (
    Empty,
    ItemScan,
    OrderReference,
    OtherSlip,
    TrackingScan,
    Unknown,
    route,
)
from packstation.packing.tracking import TrackingGuess
from packstation.redo.errors import RedoError, Unauthorized
from packstation.redo.models import Order
from packstation.store import (
    Connectivity,
    Delivered,
    NeedsAttention,
    OutboxItem,
    OutboxState,
    Sender,
    SenderEvent,
    ShippingInputs,
    WillRetry,
)
from packstation.ui.autoship import AutoShipCountdown
from packstation.ui.banner import Banner, Tone
from packstation.ui.lines_model import Column, LinesModel
from packstation.ui.scanner import ScannerFilter
from packstation.ui.services import Services
from packstation.ui.shipments_panel import ShipmentsPanel
from packstation.ui.shipping_form import ShippingForm
from packstation.ui.sounds import Sound
from packstation.ui.station_status import StationStatus
from packstation.ui.tasks import TaskRunner
from packstation.ui.thumbnails import ThumbnailLoader

if TYPE_CHECKING:
    from packstation.redo.client import RedoClient

log = logging.getLogger("packstation.ui")


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class Mode(Enum):
    IDLE = "idle"
    LOADING = "loading"
    ORDER = "order"


class _SenderBridge(QObject):
    """Carries the sender thread's events onto the GUI thread."""

    arrived = Signal(object)


class MainWindow(QMainWindow):
    #: Emitted when the window can take scans (used by ``--smoke`` and tests).
    ready = Signal()
    #: Emitted after every routed scan has been fully handled (tests wait on it).
    scan_handled = Signal(str)
    order_loaded = Signal(str)
    shipment_queued = Signal(str)

    def __init__(self, services: Services, scanner: ScannerFilter | None = None) -> None:
        """``scanner``: one already listening (the start-up shell's), to take over."""
        super().__init__()
        self.services = services
        self.mode = Mode.IDLE
        self.session: PackingSession | None = None
        self.order_ref = ""
        self._load_generation = 0
        self._loading_ref = ""
        self._client: RedoClient | None = None
        #: The client is built on a worker (the keyring may wait on the OS); scans that
        #: arrive meanwhile are held here and handled in order once it is settled.
        self._client_generation = 0
        self._client_pending = False
        self._held_scans: list[str] = []
        self._when_client: list[Callable[[], None]] = []
        self._started = False
        self._announced_ready = False
        self._online: bool | None = None
        self._closing_confirmed = False
        #: The packer at the bench (``PS-USER-<name>``), recorded with each shipment.
        self.packer = ""
        #: ``PS-QTY-n``: how many the next item scan counts.
        self._next_quantity = 1
        self._last_unknown = ""
        #: The question on screen that PS-CONFIRM / PS-CANCEL answer.
        self._question: QDialog | None = None
        self.countdown = AutoShipCountdown(parent=self)
        self.countdown.tick.connect(self._countdown_tick)
        self.countdown.fire.connect(self._countdown_fired)

        self.reads = TaskRunner("reads", workers=2, parent=self)
        self.writes = TaskRunner("store", workers=1, parent=self)
        self.thumbnails = ThumbnailLoader(services.paths.cache_dir, parent=self)
        self.model = LinesModel(self.thumbnails, parent=self)

        self._bridge = _SenderBridge(self)
        self._bridge.arrived.connect(self._on_sender_event)
        self.sender_worker = Sender(services.store.outbox, self._bridge.arrived.emit)

        self.scanner = scanner or ScannerFilter(self)
        self.scanner.scanned.connect(self.handle_scan)

        self._build()
        self._shortcuts()
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(200)
        self._flash_timer.timeout.connect(self.model.expire_flashes)
        self._flash_timer.start()
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(5000)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()

        self.apply_settings()
        self._set_mode(Mode.IDLE)
        self.refresh_status()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.setWindowTitle(self._title())
        self.setMinimumSize(1200, 700)
        self._build_menus()
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(16, 12, 16, 8)
        outer.setSpacing(10)

        top = QHBoxLayout()
        self.manual_input = QLineEdit(self)
        self.manual_input.setObjectName("manualCodeInput")
        self.manual_input.setPlaceholderText(
            tr("Type an order number or code and press Enter (F2)")
        )
        self.manual_input.setClearButtonEnabled(True)
        self.manual_input.returnPressed.connect(self._manual_entered)
        self.manual_input.setAccessibleName(tr("Manual code"))
        top.addWidget(self.manual_input, 1)
        self.settings_button = QPushButton(tr("Settings"), self)
        self.settings_button.clicked.connect(self.open_settings)
        self.history_button = QPushButton(tr("History"), self)
        self.history_button.clicked.connect(self.open_history)
        self.help_button = QPushButton(tr("Shortcuts (F1)"), self)
        self.help_button.clicked.connect(self.show_help)
        for button in (self.history_button, self.settings_button, self.help_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            top.addWidget(button)
        outer.addLayout(top)

        self.banner = Banner(self)
        self.banner.acknowledged.connect(self.acknowledge_error)
        outer.addWidget(self.banner)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_idle())
        self.stack.addWidget(self._build_order())
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.station_status = StationStatus(self.statusBar())
        self.station_status.attention_requested.connect(self.open_attention)
        # By their old names, for tests.
        self.attention_button = self.station_status.attention_button
        self.station_label = self.station_status.station_label

    def _build_menus(self) -> None:
        bar = self.menuBar()
        station = bar.addMenu(tr("&Station"))
        station.addAction(tr("Settings…"), self.open_settings)
        station.addAction(tr("Shipment history…"), self.open_history)
        station.addAction(tr("Needs attention…"), self.open_attention)
        station.addAction(tr("Packer stats…"), self.open_stats)
        station.addAction(tr("Import barcode catalog (CSV)…"), self.import_catalog)
        station.addSeparator()
        station.addAction(tr("Quit"), self.close)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(tr("Shortcuts"), self.show_help)
        help_menu.addAction(tr("Print the command sheet (PDF)…"), self.save_command_sheet)
        help_menu.addAction(tr("About PackStation"), self.show_about)

    def _build_idle(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        prompt = QLabel(tr("Scan a packing slip"), page)
        prompt.setObjectName("idlePrompt")
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            tr("or type an order number (#1001, the order ID or the Redo ID) and press Enter"), page
        )
        hint.setObjectName("idleHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(prompt)
        layout.addWidget(hint)
        self.idle_recent = QLabel(page)
        self.idle_recent.setObjectName("idleHint")
        self.idle_recent.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle_recent.setTextFormat(Qt.TextFormat.PlainText)
        layout.addSpacing(24)
        layout.addWidget(self.idle_recent)
        layout.addStretch(2)
        return page

    def _build_order(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.order_header = QLabel(page)
        self.order_header.setObjectName("orderHeader")
        self.order_sub = QLabel(page)
        self.order_sub.setObjectName("orderSubHeader")
        self.order_sub.setWordWrap(True)
        layout.addWidget(self.order_header)
        layout.addWidget(self.order_sub)

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView(left)
        self.table.setObjectName("lineItemsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(72)
        self.table.setIconSize(QSize(64, 64))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.IMAGE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(Column.IMAGE, 76)
        header.setSectionResizeMode(Column.ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.SKU, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.PACKED, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(Column.PACKED, 190)
        for column in (Column.ORDERED, Column.SHIPPED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda index: self.change_selected(+1))
        self.table.installEventFilter(self)
        left_layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.minus_button = QPushButton(tr("− One less"), left)
        self.plus_button = QPushButton(tr("+ One more"), left)
        self.minus_button.clicked.connect(lambda: self.change_selected(-1))
        self.plus_button.clicked.connect(lambda: self.change_selected(+1))
        for button in (self.minus_button, self.plus_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        hint = QLabel(tr("Select a line, then + / − (for items without a barcode)"), left)
        hint.setObjectName("orderSubHeader")
        row.addWidget(hint, 1)
        row.addWidget(self.minus_button)
        row.addWidget(self.plus_button)
        left_layout.addLayout(row)

        self.progress = QProgressBar(left)
        self.progress.setFormat(tr("%v of %m items packed"))
        left_layout.addWidget(self.progress)
        splitter.addWidget(left)

        right = QFrame(splitter)
        right.setMinimumWidth(420)
        right_layout = QVBoxLayout(right)
        self.shipping = ShippingForm(right)
        self.shipping.edited.connect(self._shipping_changed)
        self.shipping.ship_clicked.connect(self.ship)
        right_layout.addWidget(self.shipping)
        # The form's widgets by their old names, for the code below and for tests.
        self.carrier_input = self.shipping.carrier_input
        self.tracking_input = self.shipping.tracking_input
        self.dummy_toggle = self.shipping.dummy_toggle
        self.dummy_status = self.shipping.dummy_status
        self.ship_button = self.shipping.ship_button

        self.shipments = ShipmentsPanel(right)
        self.shipments.status_requested.connect(self._post_status)
        right_layout.addWidget(self.shipments, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        return page

    def _shortcuts(self) -> None:
        bindings: list[tuple[QKeySequence | QKeySequence.StandardKey, Callable[[], object]]] = [
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), self.ship),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter), self.ship),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Z), self.undo),
            (QKeySequence(Qt.Key.Key_Escape), self.escape),
            (QKeySequence(Qt.Key.Key_F2), self.focus_manual),
            (QKeySequence(Qt.Key.Key_F5), self.reload_order),
            (QKeySequence(Qt.Key.Key_F1), self.show_help),
            (QKeySequence(Qt.Key.Key_F4), self.teach_last_unknown),
        ]
        for sequence, slot in bindings:
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(slot)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.change_selected(+1)
                return True
            if event.key() in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
                self.change_selected(-1)
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ settings, client

    def _title(self) -> str:
        parts = [APP_NAME]
        if self.services.demo:
            parts.append(tr("DEMO (sandbox)"))
        if self.services.settings.station_name:
            parts.append(self.services.settings.station_name)
        if self.packer:
            parts.append(tr("packer: {name}").format(name=self.packer))
        return " · ".join(parts)

    def apply_settings(self, then: Callable[[], None] | None = None) -> None:
        """Apply the settings; ``then`` runs once the new client is in the sender's hands.

        The client is built on a worker: reading the token from the keyring is a call to
        the OS (D-Bus on Linux) that may stall or wait for an unlock prompt.
        """
        settings = self.services.settings
        self.services.sound.set_volume(settings.sounds, settings.volume)
        self.setWindowTitle(self._title())
        self._refresh_station_label()
        self._client_generation += 1
        generation = self._client_generation
        self._client_pending = True

        def made(client: RedoClient | None) -> None:
            if generation != self._client_generation:
                if client is not None:
                    client.close()
                return
            self._install_client(client, then)

        def failed(exc: BaseException) -> None:
            if generation != self._client_generation:
                return
            if isinstance(exc, ValueError):  # an API URL the client refuses
                message = tr(str(exc))
            else:
                log.warning("cannot build the API client: %s", type(exc).__name__)
                message = tr("The API token could not be read from this computer's keyring.")
            self.banner.show_message(message, Tone.ERROR)
            self._install_client(None, then)

        self.reads.run_detached("keyring", self.services.make_client, made, failed)

    def _install_client(self, client: RedoClient | None, then: Callable[[], None] | None) -> None:
        old, self._client = self._client, client
        self._client_pending = False
        self.sender_worker.set_client(client)
        if old is not None:
            old.close()
        self.refresh_status()
        waiting, self._when_client = self._when_client, []
        for job in [then, *waiting] if then else waiting:
            job()
        self._announce_ready()
        self._drain_held()

    @property
    def configured(self) -> bool:
        return self._client is not None

    def start(self) -> None:
        """After the window is shown: install the scanner filter, restore, start sending."""
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self.scanner)
        self.sender_worker.start()
        self._restore_open_session()
        if self.services.notices:
            self.banner.show_message(" ".join(self.services.notices), Tone.WARNING)
        self._started = True
        self._announce_ready()

    def _announce_ready(self) -> None:
        """Once started and the first client is settled: ask for settings if they are
        missing, and tell whoever waits (``--smoke``, tests) that scans are handled."""
        if not self._started or self._client_pending or self._announced_ready:
            return
        self._announced_ready = True
        if not self.configured and not self.services.demo:
            QTimer.singleShot(0, self.open_settings)
        from packstation.packing import barcodes, tracking

        client = self._client

        def warm_up() -> None:
            # The connection (httpx, TLS) and the barcode and tracking tables are made
            # ready on a worker once the bench is up, not in the way of the first scan.
            if client is not None:
                client.prepare()
            barcodes.warm_up()
            tracking.warm_up()

        self.reads.submit(warm_up, lambda _: None, lambda exc: log.warning("warm-up: %s", exc))
        self.ready.emit()

    # ------------------------------------------------------------------ modes

    def _set_mode(self, mode: Mode) -> None:
        self.mode = mode
        if mode is not Mode.LOADING and self._held_scans:
            QTimer.singleShot(0, self._drain_held)
        if mode in (Mode.IDLE, Mode.LOADING):
            self.stack.setCurrentIndex(0)
            self._refresh_idle_recent()
        else:
            self.stack.setCurrentIndex(1)
        self._refresh_ship_button()

    def _refresh_idle_recent(self) -> None:
        recent = self.services.store.outbox.history(limit=5)
        if not recent:
            self.idle_recent.setText("")
            return
        lines = [tr("Recent shipments from this bench:")]
        for item in recent:
            state = {
                OutboxState.DELIVERED: tr("shipped"),
                OutboxState.PENDING: tr("sending…"),
                OutboxState.ATTENTION: tr("NEEDS ATTENTION"),
            }.get(item.state, item.state.value)
            when = time.strftime("%H:%M", time.localtime(item.created_at))
            lines.append(f"{when}  {item.order_ref}  ·  {item.summary.units} items  ·  {state}")
        self.idle_recent.setText("\n".join(lines))

    # ------------------------------------------------------------------ scans

    @Slot(str)
    def handle_scan(self, code: str) -> None:
        """One code from the scanner (or the manual box): decide what it is and act."""
        code = code.strip()
        if code and (self._client_pending or self.mode is Mode.LOADING or self._held_scans):
            # Still reading the keyring, an order still loading, or earlier scans still
            # waiting: keep this one, in order. The first item scanned right after the
            # slip then packs once the order is on the bench, instead of being taken for
            # another slip.
            self._held_scans.append(code)
            waiting_for = (
                tr("Connecting…")
                if self._client_pending
                else tr("Loading order {ref}…").format(ref=self._loading_ref)
            )
            self.banner.show_message(
                waiting_for
                + " "
                + tr("Scans waiting: {n}. They are handled in order.").format(
                    n=len(self._held_scans)
                ),
                Tone.BUSY,
            )
            return
        self._handle_now(code)

    def take_over_scans(self, codes: list[str]) -> None:
        """Scans made before the bench could take them: handled in order, a slip among them
        loaded before the scans after it."""
        self._held_scans.extend(code.strip() for code in codes if code.strip())
        self._drain_held()

    def _handle_now(self, code: str) -> None:
        try:
            self._route(code)
        finally:
            self.scan_handled.emit(code)

    def _drain_held(self) -> None:
        """Handle held scans in order; a slip among them is loaded before the next one."""
        while self._held_scans and not self._client_pending and self.mode is not Mode.LOADING:
            self._handle_now(self._held_scans.pop(0))

    def _route(self, code: str) -> None:
        if not code:
            return
        where = route(code, self.session if self.mode is Mode.ORDER else None)
        if isinstance(where, Empty):
            return
        if isinstance(where, CommandScan):
            self._command(where)
            return
        if self._modal_open():
            self._refuse(tr("Answer the open question first (Enter = yes, Esc = no)."), code)
            return
        if isinstance(where, OrderReference):
            self.load_order(where.code)
            return
        assert self.session is not None
        tracking_focus = self.focusWidget() is self.tracking_input
        if isinstance(where, ItemScan):
            if tracking_focus:
                self._refuse(
                    tr("{code} is an item of this order, not a tracking number.").format(
                        code=where.code
                    ),
                    code,
                )
                return
            self._pack(where.code)
            return
        if isinstance(where, TrackingScan):
            self._tracking_scanned(where.code, list(where.guesses))
            return
        if isinstance(where, OtherSlip):
            if where.code in (self.session.order_id, self.order_ref):
                self.banner.show_message(
                    tr("Order {ref} is already open.").format(ref=self.order_ref), Tone.INFO
                )
            elif self.session.total_packed:
                self._refuse(
                    tr(
                        "{code} is another order's slip. Ship or clear this order first (Esc)."
                    ).format(code=where.code),
                    code,
                )
            else:
                self._switch_order(where.code)
            return
        assert isinstance(where, Unknown)
        if tracking_focus:
            self._set_tracking(where.code, None)
            return
        self._last_unknown = where.code
        self._refuse(
            tr(
                "Not in this order: {code}. Keep it out of the box. (Lead: F4 teaches it to a line.)"
            ).format(code=where.code)
            if "command" not in where.reason
            else tr("{code} is {reason}.").format(code=where.code, reason=tr(where.reason)),
            code,
        )
        self._journal_mis_scan(where.code)

    def _switch_order(self, ref: str) -> None:
        """Nothing is packed: a new slip replaces the open order."""
        self.countdown.cancel()
        self._close_order("switched")
        self.load_order(ref)

    def _pack(self, code: str) -> None:
        assert self.session is not None
        multiplier, self._next_quantity = self._next_quantity, 1
        outcome = self.session.scan(code, multiplier)
        if isinstance(outcome, Packed):
            self._commit("scan", code, lambda: self._packed_feedback(outcome))
            return
        self._scan_refused(outcome)

    def _command(self, scan: CommandScan) -> None:
        """A command barcode: works from any state, and answers open questions."""
        command = scan.command
        question = self._question
        if question is not None and question.isVisible():
            if command in (Command.CONFIRM, Command.SHIP):
                if hasattr(question, "choose_first"):
                    question.choose_first()
                else:
                    question.accept()
            elif command is Command.CANCEL:
                question.reject()
            else:
                self._refuse(tr("Answer the open question first (PS-CONFIRM or PS-CANCEL)."), "")
            return
        if command is Command.USER:
            self.set_packer(scan.user)
        elif command is Command.CANCEL:
            if self.countdown.cancel():
                self._autoship_stopped()
            else:
                self.acknowledge_error()
        elif command is Command.CONFIRM:
            # With no question open, "yes" resumes a stopped auto-ship countdown.
            self.acknowledge_error()
            self._maybe_autoship()
        elif self.session is None:
            self._refuse(tr("Scan a packing slip first."), scan.command.value)
        elif command is Command.SHIP:
            self.ship()
        elif command is Command.UNDO:
            self.undo()
        elif command is Command.CLEAR:
            self.escape(clear=True)
        elif command is Command.DUMMY:
            self.dummy_toggle.setChecked(not self.dummy_toggle.isChecked())
            self.banner.show_message(
                tr("Dummy tracking on.")
                if self.dummy_toggle.isChecked()
                else tr("Dummy tracking off."),
                Tone.INFO,
            )
        elif command is Command.QTY:
            self._next_quantity = scan.quantity
            self.services.sound.play(Sound.GOOD)
            self.banner.show_message(
                tr("The next item scan counts {n}.").format(n=scan.quantity), Tone.INFO
            )

    def _refresh_station_label(self) -> None:
        self.station_status.show_station(self.services.settings.station_name, self.packer)

    def set_packer(self, name: str) -> None:
        self.packer = name
        self.setWindowTitle(self._title())
        self._refresh_station_label()
        self.services.sound.play(Sound.GOOD)
        self.banner.show_message(
            tr("Hello {name}: you are packing at this bench.").format(name=name), Tone.INFO
        )

    def _journal_mis_scan(self, code: str) -> None:
        if self.session is None:
            return
        order_id = self.session.order_id
        shipping = self._shipping_inputs()
        packed = self.session.packed_by_line()
        packer = self.packer
        self.writes.submit(
            lambda: self.services.store.journal.save(
                order_id, packed, shipping, "mis-scan", code, packer=packer
            ),
            lambda _: None,
            lambda exc: log.warning("could not journal a mis-scan: %s", exc),
        )

    def _modal_open(self) -> bool:
        from PySide6.QtWidgets import QApplication

        return QApplication.activeModalWidget() is not None

    def _packed_feedback(self, outcome: Packed) -> None:
        assert self.session is not None
        self.model.refresh((outcome.line_index,))
        self.model.flash(outcome.line_index)
        self.table.selectRow(outcome.line_index)
        self.table.scrollTo(self.model.index(outcome.line_index, 0))
        line = self.session.line(outcome.line_index)
        self._refresh_progress()
        if self.session.all_packed:
            self.services.sound.play(Sound.COMPLETE)
            ready = self._shipping_ready()
            self.banner.show_message(
                tr("All {n} items packed. {next}").format(
                    n=self.session.total_packed,
                    next=tr("Press Ctrl+Enter to ship.")
                    if ready
                    else tr("Now scan the shipping label."),
                ),
                Tone.SUCCESS,
            )
        else:
            self.services.sound.play(Sound.GOOD)
            self.banner.show_message(
                tr("Packed {title}: {packed} of {remaining}").format(
                    title=line.item.title, packed=line.packed, remaining=line.remaining
                )
                + (tr(" (line complete)") if line.complete else ""),
                Tone.SUCCESS,
            )

    def _scan_refused(self, outcome: ScanOutcome) -> None:
        assert self.session is not None
        if isinstance(outcome, AlreadyComplete):
            line = self.session.line(outcome.line_index)
            message = tr(
                "Too many: {title} is already complete ({n} of {n}). Keep it out of the box."
            ).format(title=line.item.title, n=line.remaining)
            self.model.flash(outcome.line_index)
        elif isinstance(outcome, NothingToShip):
            message = tr("This order is already fully shipped. Nothing to pack.")
        elif isinstance(outcome, Invalid):
            message = tr("That scan was unreadable. Scan again.")
        else:
            message = tr("Not in this order: {code}. Keep it out of the box.").format(
                code=outcome.code
            )
        self._refuse(message, outcome.code)
        self._journal_mis_scan(outcome.code)

    def _refuse(self, message: str, code: str) -> None:
        log.info("refused scan %r: %s", code[:80], message)
        if self.countdown.cancel():
            # Something went wrong mid-countdown: the red message must stay readable.
            message += " " + tr("Auto-ship stopped.")
        self.services.sound.play(Sound.ERROR)
        self.banner.show_message(message, Tone.ERROR)

    @Slot()
    def acknowledge_error(self) -> None:
        if self.banner.is_error:
            self.banner.show_message(self._hint(), Tone.INFO)

    def _hint(self) -> str:
        if self.session is None:
            return tr("Ready. Scan a packing slip.")
        if self.session.nothing_to_ship:
            return tr("This order is already fully shipped. Press Esc for the next order.")
        if self.session.all_packed:
            return tr("All packed. Scan the shipping label, then Ctrl+Enter.")
        return tr("Scan the next item.")

    def _manual_entered(self) -> None:
        text = self.manual_input.text()
        self.manual_input.clear()
        self.handle_scan(text)

    def focus_manual(self) -> None:
        self.manual_input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.manual_input.selectAll()

    # ------------------------------------------------------------------ loading

    def load_order(self, ref: str) -> None:
        if self.session is not None and self.session.total_packed:
            self._refuse(
                tr("Finish or clear this order first (Esc): {n} items are packed.").format(
                    n=self.session.total_packed
                ),
                ref,
            )
            return
        client = self._client
        if client is None:
            self.banner.show_message(
                tr("PackStation is not set up yet: open Settings to enter the store and token."),
                Tone.ERROR,
            )
            return
        self._load_generation += 1
        generation = self._load_generation
        self._loading_ref = ref
        self._set_mode(Mode.LOADING)
        self.banner.show_message(tr("Loading order {ref}…").format(ref=ref), Tone.BUSY)
        catalog = self.services.store.catalog
        self.reads.submit(
            lambda: (client.get_order(ref), catalog.entries()),
            lambda loaded: self._order_loaded(generation, ref, *loaded),
            lambda exc: self._order_failed(generation, ref, exc),
        )

    def _cancel_loading(self) -> None:
        """Esc while a slow server has not answered: stop waiting for it. The scans made
        meanwhile belonged to that order, so they are dropped rather than read as slips."""
        self._load_generation += 1  # its answer, when it comes, is ignored
        dropped, self._held_scans = len(self._held_scans), []
        self._set_mode(Mode.IDLE if self.session is None else Mode.ORDER)
        message = tr("Stopped loading order {ref}.").format(ref=self._loading_ref)
        if dropped:
            message += " " + tr("Scans dropped: {n}.").format(n=dropped)
        self.banner.show_message(message + " " + tr("Scan a packing slip."), Tone.INFO)

    def _order_loaded(
        self, generation: int, ref: str, order: Order, entries: list[CatalogEntry]
    ) -> None:
        if generation != self._load_generation:
            return
        try:
            session = self._new_session(order, entries)
        except Exception as exc:
            self._order_failed(generation, ref, exc)
            return
        store = self.services.store

        def not_opened(exc: BaseException) -> None:
            # Scans wait while an order loads: never leave the bench stuck loading.
            self._set_mode(Mode.IDLE if self.session is None else Mode.ORDER)
            self._storage_failed(exc)

        self.writes.submit(
            lambda: store.journal.open(ref, order),
            lambda _: self._show_new_order(ref, session),
            not_opened,
        )

    def _show_new_order(self, ref: str, session: PackingSession) -> None:
        self._show_order(ref, session)
        self._look_up_upcs(session)

    def _look_up_upcs(self, session: PackingSession) -> None:
        """Learn the order's product codes from Redo in the background; scans never wait.

        Without the inventory scope (or the network) this quietly stops: the local
        catalog and SKUs still work.
        """
        client = self._client
        if client is None:
            return
        catalog = self.services.store.catalog
        skus = [line.sku for line in session.order.line_items if line.sku]

        def fetch() -> list[CatalogEntry]:
            learned: list[CatalogEntry] = []
            for sku in catalog.skus_needing_upc(skus):
                try:
                    upc = client.lookup_upc(sku)
                except RedoError as exc:
                    log.info("UPC look-up stopped (%s): %s", type(exc).__name__, exc.detail)
                    break
                catalog.remember_upc(sku, upc)
                if upc:
                    learned.append(CatalogEntry(sku, upc))
            return learned

        def learned(entries: list[CatalogEntry]) -> None:
            if isinstance(session.matcher, CatalogMatcher):
                for entry in entries:
                    session.matcher.add(entry)
            log.info("learned %d product codes for order %s", len(entries), session.order_id)

        self.reads.submit(fetch, learned, lambda exc: log.info("UPC look-up failed: %s", exc))

    def _new_session(
        self, order: Order, entries: list[CatalogEntry] | None = None
    ) -> PackingSession:
        in_flight: dict[str, int] = {}
        for item in self.services.store.outbox.items(OutboxState.PENDING):
            if (
                item.order_id == order.order_id
                and order.find_fulfillment(item.fulfillment_id) is None
            ):
                for line in item.request.line_items:
                    in_flight[line.id] = in_flight.get(line.id, 0) + line.quantity
        if entries is None and self.session is not None:
            matcher = self.session.matcher
        else:
            matcher = CatalogMatcher(entries or ())
        return PackingSession(order, matcher=matcher, in_flight=in_flight)

    def _show_order(
        self,
        ref: str,
        session: PackingSession,
        inputs: ShippingInputs | None = None,
        announce: bool = True,
    ) -> None:
        self.session = session
        self.order_ref = ref
        self.model.set_session(session)
        self._fill_header()
        self._set_shipping_inputs(inputs or ShippingInputs())
        self.shipments.set_order(session.order)
        self._set_mode(Mode.ORDER)
        self._refresh_progress()
        if announce:
            self._announce_order(ref, session)
            self.table.setFocus()
        self.order_loaded.emit(ref)

    def _announce_order(self, ref: str, session: PackingSession) -> None:
        if session.nothing_to_ship:
            self.services.sound.play(Sound.ERROR)
            self.banner.show_message(
                tr("Order {ref} is already fully shipped. Nothing to pack.").format(ref=ref),
                Tone.WARNING,
            )
        elif session.in_flight:
            self.banner.show_message(
                tr(
                    "Order {ref}: some items are still being sent from this bench; "
                    "they are not counted again."
                ).format(ref=ref),
                Tone.WARNING,
            )
        else:
            self.services.sound.play(Sound.GOOD)
            self.banner.show_message(
                tr("Order {ref}: {n} items to pack. Scan the first item.").format(
                    ref=ref, n=session.total_remaining
                ),
                Tone.INFO,
            )

    def _fill_header(self) -> None:
        assert self.session is not None
        order = self.session.order
        customer = order.customer.display_name if order.customer else ""
        address = order.shipping.address if order.shipping and order.shipping.address else None
        place = ", ".join(p for p in ((address.city, address.country) if address else ()) if p)
        method = order.shipping.method if order.shipping and order.shipping.method else ""
        self.order_header.setText(
            tr("Order {ref}").format(ref=self.order_ref)
            + (f"  ·  {customer}" if customer else "")
            + (f"  ·  {place}" if place else "")
        )
        created = order.created_at.astimezone().strftime("%d %b %Y %H:%M")
        bits = [
            tr("placed {date}").format(date=created),
            tr("order ID {id}").format(id=order.order_id),
        ]
        if method:
            bits.insert(0, method)
        self.order_sub.setText("  ·  ".join(bits))

    def _order_failed(self, generation: int, ref: str, exc: BaseException) -> None:
        if generation != self._load_generation:
            return
        self._set_mode(Mode.IDLE if self.session is None else Mode.ORDER)
        if isinstance(exc, RedoError):
            message = tr(exc.message)
            log.info("loading %s failed: %s", ref, exc.detail)
        else:
            log.exception("loading %s failed", ref, exc_info=exc)
            message = tr("Something went wrong loading the order.")
        self._refuse(message, ref)
        if isinstance(exc, Unauthorized):
            self._offer_settings()

    def _offer_settings(self) -> None:
        if self.services.demo:
            return
        self.banner.show_message(
            self.banner.message + "  " + tr("(Settings: top right)"), Tone.ERROR
        )

    def reload_order(self, quiet: bool = False) -> None:
        """F5: fetch the order again and reconcile what is packed with it.

        ``quiet`` keeps the banner as it is unless something changed.
        """
        if self.session is None or self._client is None:
            return
        client = self._client
        order_id = self.session.order_id
        if not quiet:
            self.banner.show_message(
                tr("Reloading order {ref}…").format(ref=self.order_ref), Tone.BUSY
            )
        self.reads.submit(
            lambda: client.get_order(order_id),
            lambda fresh: self._reconcile(fresh, quiet),
            lambda exc: self._refuse(
                tr(exc.message) if isinstance(exc, RedoError) else str(exc), order_id
            ),
        )

    def _reconcile(self, fresh: Order, quiet: bool = False) -> None:
        """Rebuild the session on a fresher order, keeping what still fits, and say what changed."""
        if self.session is None or fresh.order_id != self.session.order_id:
            return
        old = self.session
        packed = old.packed_by_line()
        session = self._new_session(fresh)
        session.restore(packed)
        changes: list[str] = []
        old_lines = {line.item.id: line for line in old.lines()}
        for line in session.lines():
            before = old_lines.pop(line.item.id, None)
            if before is None:
                changes.append(tr("new line {title}").format(title=line.item.title))
                continue
            if line.remaining != before.remaining:
                changes.append(
                    tr("{title}: {a} → {b} left to ship").format(
                        title=line.item.title, a=before.remaining, b=line.remaining
                    )
                )
            if line.packed != before.packed:
                changes.append(
                    tr("{title}: packed count reduced from {a} to {b}").format(
                        title=line.item.title, a=before.packed, b=line.packed
                    )
                )
        for gone in old_lines.values():
            changes.append(tr("{title} was removed from the order").format(title=gone.item.title))
        inputs = self._shipping_inputs()
        order_ref = self.order_ref
        store = self.services.store

        def persist() -> None:
            store.journal.replace_order(fresh)
            store.journal.save(fresh.order_id, session.packed_by_line(), inputs, "reconcile")

        def shown(_: object) -> None:
            before = (self.banner.message, self.banner.tone)
            self._show_order(order_ref, session, inputs, announce=not quiet)
            if quiet and not changes:
                self.banner.show_message(*before)
            elif changes:
                self.services.sound.play(Sound.ERROR)
                self.banner.show_message(
                    tr("Order {ref} changed in Redo: {changes}.").format(
                        ref=order_ref, changes="; ".join(changes[:4])
                    ),
                    Tone.WARNING,
                )
            else:
                self.banner.show_message(
                    tr("Order {ref} is up to date.").format(ref=order_ref), Tone.INFO
                )

        self.writes.submit(persist, shown, self._storage_failed)

    def _restore_open_session(self) -> None:
        saved = self.services.store.journal.load()
        if saved is None:
            self.banner.show_message(tr("Ready. Scan a packing slip."), Tone.INFO)
            return
        session = self._new_session(saved.order)
        session.restore(saved.packed)
        self._show_order(saved.order_ref, session, saved.shipping)
        self.banner.show_message(
            tr("Restored order {ref} as it was: {n} items packed. Checking it with Redo…").format(
                ref=saved.order_ref, n=session.total_packed
            ),
            Tone.WARNING,
        )
        if self._client_pending:
            self._when_client.append(self.reload_order)
        else:
            self.reload_order()

    # ------------------------------------------------------------------ changes

    def _commit(self, kind: str, detail: str, then: Callable[[], None]) -> None:
        """Journal the session's new state on the store thread; show it once it is on disk."""
        assert self.session is not None
        session = self.session
        packed = session.packed_by_line()
        shipping = self._shipping_inputs()
        store = self.services.store

        def failed(exc: BaseException) -> None:
            if self.session is session:
                session.undo()
                self.model.refresh()
                self._refresh_progress()
            self._storage_failed(exc)

        packer = self.packer

        def done(_: object) -> None:
            if self.session is session:
                then()
                self._maybe_autoship()

        self.writes.submit(
            lambda: store.journal.save(
                session.order_id, packed, shipping, kind, detail, packer=packer
            ),
            done,
            failed,
        )
        self._refresh_ship_button()

    def _storage_failed(self, exc: BaseException) -> None:
        log.error("could not write to the station database: %s", exc)
        self._refuse(
            tr(
                "Could not save to this computer's disk ({error}). The last change was not kept."
            ).format(error=type(exc).__name__),
            "",
        )

    def change_selected(self, delta: int) -> None:
        if self.session is None:
            return
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._refuse(tr("Select a line first (click it or use the arrow keys)."), "")
            return
        row = rows[0].row()
        before = self.session.line(row).packed
        after = self.session.set_quantity(row, before + delta)
        if after == before:
            line = self.session.line(row)
            if not line.packable:
                self._refuse(tr("{title}: nothing left to ship.").format(title=line.item.title), "")
            elif delta > 0:
                self._refuse(tr("{title} is already complete.").format(title=line.item.title), "")
            return

        def done() -> None:
            self.model.refresh((row,))
            self._refresh_progress()
            line = self.session.line(row) if self.session else None
            if line is not None:
                self.services.sound.play(
                    Sound.COMPLETE if self.session and self.session.all_packed else Sound.GOOD
                )
                self.banner.show_message(
                    tr("{title}: {packed} of {remaining}").format(
                        title=line.item.title, packed=line.packed, remaining=line.remaining
                    ),
                    Tone.SUCCESS,
                )

        self._commit("edit", f"{row}:{after}", done)

    def undo(self) -> None:
        if self.session is None:
            return
        rows = self.session.undo()
        if rows is None:
            self.banner.show_message(tr("Nothing to undo."), Tone.INFO)
            return

        def done() -> None:
            self.model.refresh(rows)
            self._refresh_progress()
            self.banner.show_message(tr("Undone."), Tone.INFO)

        self._commit("undo", "", done)

    def escape(self, clear: bool = False) -> None:
        """Esc: stop a countdown, acknowledge an error; otherwise clear the order (asking if packed)."""
        if self.countdown.cancel():
            self._autoship_stopped()
            return
        if self.mode is Mode.LOADING:
            self._cancel_loading()
            return
        if self.banner.is_error and not clear:
            self.acknowledge_error()
            return
        if self.focusWidget() is self.manual_input and self.manual_input.text():
            self.manual_input.clear()
            return
        if self.session is None:
            return
        if self.session.total_packed and not self._confirm(
            tr("Clear this order?"),
            tr(
                "{n} items are packed for order {ref}. Clear the order anyway? "
                "The box must be unpacked."
            ).format(n=self.session.total_packed, ref=self.order_ref),
            yes_label=tr("Clear the order"),
            default_yes=False,
        ):
            return
        self._close_order("cleared")
        self.banner.show_message(tr("Order cleared. Scan the next packing slip."), Tone.INFO)

    def _close_order(self, reason: str) -> None:
        session = self.session
        if session is None:
            return
        self.session = None
        self.order_ref = ""
        self.model.set_session(None)
        self.shipments.set_order(None)
        self._set_mode(Mode.IDLE)
        store = self.services.store
        self.writes.submit(
            lambda: store.journal.close(session.order_id, reason),
            lambda _: None,
            self._storage_failed,
        )

    # ------------------------------------------------------------------ shipping inputs

    def _shipping_inputs(self) -> ShippingInputs:
        return self.shipping.inputs()

    def _set_shipping_inputs(self, inputs: ShippingInputs) -> None:
        self.shipping.set_inputs(inputs)
        self._refresh_ship_button()

    def _tracking_scanned(self, code: str, guesses: list[TrackingGuess]) -> None:
        if len(guesses) == 1:
            self._set_tracking(code, guesses[0])
            return
        from packstation.ui.pickers import carrier_dialog

        dialog = carrier_dialog(code, guesses, self)
        if self._ask(dialog) and 0 <= dialog.choice < len(guesses):
            self._set_tracking(code, guesses[dialog.choice])
        else:
            self.banner.show_message(
                tr("Label not used. Scan it again to choose the carrier."), Tone.INFO
            )

    def _set_tracking(self, code: str, guess: TrackingGuess | None) -> None:
        self.shipping.set_tracking(code, guess)
        self.table.setFocus()
        carrier = self.carrier_input.currentText() or tr("carrier not recognised: choose one")
        self.services.sound.play(Sound.GOOD)
        ready = self.session is not None and self.session.all_packed
        self.banner.show_message(
            tr("Tracking {code} ({carrier}).").format(
                code=self.tracking_input.text(), carrier=carrier
            )
            + (" " + tr("Press Ctrl+Enter to ship.") if ready else ""),
            Tone.SUCCESS,
        )

    def _shipping_changed(self) -> None:
        self._refresh_ship_button()
        if self.session is not None:
            self._commit("shipping", "", lambda: None)

    def _shipping_ready(self) -> bool:
        return self.shipping.ready

    def _refresh_progress(self) -> None:
        if self.session is None:
            return
        self.progress.setMaximum(max(1, self.session.total_remaining))
        self.progress.setValue(self.session.total_packed)
        self._refresh_ship_button()

    def _refresh_ship_button(self) -> None:
        self.shipping.refresh(self.session, order_open=self.mode == Mode.ORDER)

    # ------------------------------------------------------------------ ship

    def ship(self) -> None:
        self.countdown.cancel()
        session = self.session
        if session is None or self.mode != Mode.ORDER:
            return
        inputs = self._shipping_inputs()
        shipping = (
            inputs.dummy_tracking()
            if inputs.dummy
            else TrackingInput(inputs.carrier, inputs.tracking)
        )
        try:
            session.to_request(shipping)
        except PackingError as exc:
            self._refuse(tr(str(exc)), "")
            return
        if not inputs.dummy:
            elsewhere = self.services.store.outbox.tracking_used_elsewhere(
                inputs.tracking, session.order_id
            )
            if elsewhere and not self._confirm(
                tr("Tracking number used before"),
                tr(
                    "Tracking number {code} was already used for order {other} at this station. Ship anyway?"
                ).format(code=inputs.tracking, other=elsewhere),
            ):
                return
        if not session.all_packed and not self._confirm(
            tr("Partial shipment"),
            tr(
                "Ship {packed} of {remaining} items? The other {left} stay open for a later shipment."
            ).format(
                packed=session.total_packed,
                remaining=session.total_remaining,
                left=session.total_remaining - session.total_packed,
            ),
        ):
            self.banner.show_message(tr("Not shipped. Keep packing."), Tone.INFO)
            return
        ref = self.order_ref
        store = self.services.store
        # The window moves on at once: the sender delivers in the background.
        self.session = None
        self.model.set_session(None)
        self.shipments.set_order(None)
        self._set_mode(Mode.IDLE)
        self.banner.show_message(
            tr("Shipping order {ref}: {n} items… Scan the next packing slip.").format(
                ref=ref, n=session.total_packed
            ),
            Tone.BUSY,
        )

        def queued(item: OutboxItem) -> None:
            self.refresh_status()
            self._refresh_idle_recent()
            self.shipment_queued.emit(item.fulfillment_id)

        def failed(exc: BaseException) -> None:
            # Nothing was queued: put the order back exactly as it was.
            self.session = session
            self.order_ref = ref
            self._show_order(ref, session, inputs)
            self._storage_failed(exc)

        packer = self.packer
        self.writes.submit(
            lambda: store.ship(session, ref, shipping, packer=packer), queued, failed
        )

    def _confirm(
        self, title: str, text: str, yes_label: str | None = None, default_yes: bool = True
    ) -> bool:
        """A yes/no question; PS-CONFIRM answers yes, PS-CANCEL and Esc answer no."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(yes_label or tr("Ship (Enter)"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(tr("Cancel (Esc)"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes if default_yes else no)
        self._ask(box)
        # PS-CONFIRM accepts the box without clicking a button.
        return box.clickedButton() is yes or box.result() == QDialog.DialogCode.Accepted

    def _ask(self, dialog: QDialog) -> bool:
        """A modal question that PS-CONFIRM / PS-CANCEL can answer; the bench gets the keyboard back."""
        self._question = dialog
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self._question = None
            self._after_dialog()

    def _after_dialog(self) -> None:
        """Give the bench window the keyboard back, so the next scan is not lost."""
        self.activateWindow()

    # ------------------------------------------------------------------ auto-ship

    def _maybe_autoship(self) -> None:
        """Everything packed and tracking set: start the visible countdown (if enabled)."""
        if self.countdown.active:
            # Feedback that arrives during the countdown must not hide it.
            self._countdown_tick(self.countdown.left())
            return
        session = self.session
        if (
            not self.services.settings.auto_ship
            or session is None
            or self.mode is not Mode.ORDER
            or not session.all_packed
            or not self._shipping_ready()
            or self._modal_open()
        ):
            return
        self.countdown.start()

    def _countdown_tick(self, left: float) -> None:
        self.banner.show_message(
            tr("All packed. Shipping in {s:.1f} s… (Esc or PS-CANCEL to stop)").format(s=left),
            Tone.WARNING,
        )

    def _countdown_fired(self) -> None:
        self.ship()

    def _autoship_stopped(self) -> None:
        self.banner.show_message(
            tr("Auto-ship stopped. Ctrl+Enter or PS-SHIP ships when you are ready."), Tone.INFO
        )

    # ------------------------------------------------------------------ sender and status

    @Slot(object)
    def _on_sender_event(self, event: SenderEvent) -> None:
        if isinstance(event, Connectivity):
            self._online = event.online
        elif isinstance(event, Delivered):
            summary = event.item.summary
            tracking = (
                tr("dummy tracking {code}").format(code=event.fulfillment.tracking_number or "")
                if summary.dummy
                else f"{summary.carrier} {summary.tracking}"
            )
            self.services.sound.play(Sound.SHIPPED)
            if self.mode != Mode.ORDER or not self.banner.is_error:
                self.banner.show_message(
                    tr("Shipped order {ref}: {n} items · {tracking} · fulfillment {id}").format(
                        ref=summary.order_ref,
                        n=summary.units,
                        tracking=tracking,
                        id=event.item.fulfillment_id,
                    ),
                    Tone.SUCCESS,
                )
            if self.session is not None and self.session.order_id == event.item.order_id:
                self.reload_order(quiet=True)
        elif isinstance(event, NeedsAttention):
            self.services.sound.play(Sound.ERROR)
            self.banner.show_message(
                tr("Order {ref} was NOT shipped: {message} See Needs attention below.").format(
                    ref=event.item.summary.order_ref, message=tr(event.message)
                ),
                Tone.ERROR,
            )
        elif isinstance(event, WillRetry) and self.mode != Mode.ORDER:
            self.banner.show_message(
                tr(
                    "Order {ref} is waiting to be sent: {message} Trying again in {s:.0f} s."
                ).format(
                    ref=event.item.summary.order_ref, message=tr(event.message), s=event.delay
                ),
                Tone.WARNING,
            )
        self.refresh_status()
        if self.mode != Mode.ORDER:
            self._refresh_idle_recent()

    def refresh_status(self) -> None:
        configured = None if self._client_pending else self._client is not None
        self.station_status.show_state(
            self.services.store.outbox.counts(), configured, self._online
        )

    def _post_status(self, fulfillment_id: str, status: str, message: str) -> None:
        from packstation.redo.models import StatusUpdate, UpdateFulfillmentStatusRequest

        if self.session is None or self._client is None:
            return
        client = self._client
        order_id = self.session.order_id
        request = UpdateFulfillmentStatusRequest(
            status=StatusUpdate(status), message=message or None
        )
        self.banner.show_message(tr("Posting {status}…").format(status=status), Tone.BUSY)

        def done(_: object) -> None:
            self.banner.show_message(
                tr("Posted {status} to shipment {id}.").format(status=status, id=fulfillment_id),
                Tone.SUCCESS,
            )
            self.reload_order(quiet=True)

        self.reads.submit(
            lambda: client.update_fulfillment_status(order_id, fulfillment_id, request),
            done,
            lambda exc: self._refuse(
                tr(exc.message) if isinstance(exc, RedoError) else str(exc), status
            ),
        )

    # ------------------------------------------------------------------ dialogs

    def open_settings(self) -> None:
        from packstation.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self)
        accepted = dialog.exec()
        self._after_dialog()
        if accepted:
            self.banner.show_message(tr("Settings saved."), Tone.INFO)
            self.apply_settings(then=self._release_unauthorized)

    def _release_unauthorized(self) -> None:
        """After a settings change: shipments held for a rejected token go out again,
        with the new client already in the sender's hands."""
        released = self.services.store.outbox.retry_all_unauthorized()
        if released:
            self.banner.show_message(
                tr("Settings saved. {n} held shipments will be sent again.").format(n=released),
                Tone.INFO,
            )
        self.refresh_status()

    def open_attention(self) -> None:
        from packstation.ui.outbox_dialogs import AttentionDialog

        AttentionDialog(self.services.store.outbox, self, open_settings=self.open_settings).exec()
        self._after_dialog()
        self.refresh_status()

    def open_stats(self) -> None:
        from packstation.ui.stats_dialog import StatsDialog

        StatsDialog(self.services.store.stats(), self).exec()
        self._after_dialog()

    def import_catalog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Import barcode catalog"), "", tr("CSV files (*.csv);;All files (*)")
        )
        self._after_dialog()
        if not path:
            return
        catalog = self.services.store.catalog

        def imported(result: tuple[int, list[str]]) -> None:
            count, problems = result
            message = tr("Imported {n} barcodes.").format(n=count)
            if problems:
                message += " " + tr("Skipped: {problems}").format(problems="; ".join(problems[:3]))
            self.banner.show_message(message, Tone.WARNING if problems else Tone.SUCCESS)

        self.writes.submit(
            lambda: catalog.import_file(Path(path), "csv"),
            imported,
            lambda exc: self._refuse(
                tr("Cannot read {path}: {error}").format(path=path, error=exc), ""
            ),
        )

    def teach_last_unknown(self) -> None:
        """F4: the last unknown scan is this line's product; remember it and pack it."""
        code = self._last_unknown
        session = self.session
        if not code or session is None:
            self.banner.show_message(
                tr("Nothing to teach: scan the unknown item first."), Tone.INFO
            )
            return
        from packstation.ui.pickers import teach_dialog

        lines = [line for line in session.lines() if line.item.sku and line.packable]
        if not lines:
            self._refuse(tr("No line of this order can take a barcode."), code)
            return
        dialog = teach_dialog(code, lines, self)
        if not self._ask(dialog) or not 0 <= dialog.choice < len(lines):
            return
        sku = lines[dialog.choice].item.sku or ""
        packer = self.packer or self.services.settings.station_name
        catalog = self.services.store.catalog

        def taught(entry: CatalogEntry) -> None:
            self._last_unknown = ""
            if isinstance(session.matcher, CatalogMatcher):
                session.matcher.add(entry)
            if self.session is session:
                self.banner.show_message(
                    tr("{code} is now {sku} on this station.").format(code=code, sku=sku),
                    Tone.SUCCESS,
                )
                self._pack(code)

        self.writes.submit(lambda: catalog.teach(sku, code, packer), taught, self._storage_failed)

    def save_command_sheet(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save the command sheet"), "packstation-commands.pdf", tr("PDF (*.pdf)")
        )
        self._after_dialog()
        if not path:
            return
        from packstation.ui.sheets import write_command_sheet

        pages = write_command_sheet(Path(path))
        self.banner.show_message(
            tr(
                "Command sheet saved: {path} ({n} pages). Print it and keep it at the bench."
            ).format(path=path, n=pages),
            Tone.SUCCESS,
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            tr("About PackStation"),
            tr("PackStation {version}\nPacking-bench software for Redo's Orders API v2.2.").format(
                version=__version__
            ),
        )
        self._after_dialog()

    def open_history(self) -> None:
        from packstation.ui.outbox_dialogs import HistoryDialog

        HistoryDialog(self.services.store.outbox, self).exec()
        self._after_dialog()

    def show_help(self) -> None:
        QMessageBox.information(
            self,
            tr("Shortcuts"),
            tr(
                "Scan a packing slip to open an order; scan items to pack them;\n"
                "scan the shipping label to fill carrier and tracking.\n\n"
                "Ctrl+Enter  Ship\n"
                "Ctrl+Z        Undo the last change\n"
                "Esc             Stop loading, dismiss an error, then clear the order\n"
                "F2              Type a code by hand\n"
                "F4              Teach the last unknown barcode to a line\n"
                "F5              Reload the order from Redo\n"
                "+ / −           Add or remove one of the selected line\n"
                "F1              This help"
            ),
        )

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        # Once shut down (or already asked), the store may be closed: do not read it again.
        counts = None if self._closing_confirmed else self.services.store.outbox.counts()
        if counts is not None and counts.pending:
            answer = QMessageBox.question(
                self,
                tr("Shipments still waiting"),
                tr(
                    "{n} shipments have not been sent to Redo yet. They are kept on this computer "
                    "and will be sent when PackStation starts again. Close now?"
                ).format(n=counts.pending),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop every thread this window started; safe to call twice."""
        self._closing_confirmed = True
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self._flash_timer.stop()
        self._status_timer.stop()
        self.sender_worker.stop()
        self.reads.shutdown(wait=True)
        self.writes.shutdown(wait=True)
        self.thumbnails.shutdown()
        if self._client is not None:
            self._client.close()
            self._client = None
