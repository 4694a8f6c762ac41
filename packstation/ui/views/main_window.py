"""The packing bench as the packer sees it: it composes the bench and wires signals.

The controller (``bench/controller.py``) decides, the runtime (``station/runtime.py``)
owns the threads and the port, the pages (``pages.py``) show, the actions (``actions.py``)
hold menus, shortcuts and dialogs, the keyboard router (``keyboard.py``) says where keys
and scans go. This widget is hosted by the one top-level window, the shell
(``shell.py``), which shows at launch and takes the bench in when it is built: the
bench's menus and status bar are the shell's own. Nothing here reads the station's
database: the status bar and the boxes show the port's last snapshot.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from packstation import APP_NAME
from packstation.ui.bench.controller import BenchController, Mode
from packstation.ui.station.runtime import StationRuntime
from packstation.ui.views.accessibility import describe_controls
from packstation.ui.views.actions import BenchActions
from packstation.ui.views.banner import Banner
from packstation.ui.views.keyboard import KeyboardRouter
from packstation.ui.views.language import switch
from packstation.ui.views.pages import IdlePage, OrderPage
from packstation.ui.views.question_panel import QuestionPanel
from packstation.ui.views.returns_page import ReturnsPage
from packstation.ui.views.scanner import ScannerFilter
from packstation.ui.views.station_status import Coalescer, StationStatus
from packstation.ui.words import bench as words
from packstation.ui.words import feedback, starting
from packstation.ui.words import warehouse as warehouse_words
from packstation.ui.words.feedback import Feedback, Tone
from packstation.ui.words.i18n import tr

log = logging.getLogger("packstation.ui")

#: How long the window stays up to say that unsent shipments are kept, before it closes.
CLOSE_NOTICE_MS = 1500
#: The status bar's "oldest waiting" age is written again this often (from the snapshot).
AGE_TICK_MS = 30_000


class MainWindow(QWidget):
    #: Closing was asked for and everything is stopped (the shell closes with it).
    closed = Signal()

    def __init__(
        self,
        runtime: StationRuntime,
        scanner: ScannerFilter | None = None,
        host: QMainWindow | None = None,
    ) -> None:
        """``scanner``: one already listening (the start-up shell's), to take over.
        ``host``: the top-level window (the shell); without one, a shell of its own."""
        super().__init__()
        self.runtime = runtime
        self.services = runtime.services
        self.port = runtime.port
        self.controller = BenchController(runtime.port, self)
        self.controller.tracking_focus = lambda: (
            QApplication.focusWidget() is self.order_page.shipping.tracking_input
        )
        self.scanner = scanner or ScannerFilter(self)
        self._closing = False
        self._shut_down = False
        self._build()
        own_host = host is None
        if host is None:
            from packstation.ui.views.shell import BenchShell

            host = BenchShell(self.scanner)
        self.host = host
        self.status = StationStatus(host.statusBar())
        #: Where keys and scans go: the scanner's bursts, typing by hand, Esc, F2.
        self.keys = KeyboardRouter(self)
        describe_controls(self)  # accessible names, descriptions, Tab path
        self.menus = BenchActions(self)
        self._connect()
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(200)
        self._flash_timer.timeout.connect(self.order_page.model.expire_flashes)
        self._flash_timer.start()
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_TICK_MS)
        self._age_timer.timeout.connect(self.refresh_status)
        self._age_timer.start()
        self.settings_applied()
        self._show_mode()
        self.refresh_status()
        switch.changed.connect(self.retranslate)
        if own_host:  # a test or a script: the bench in a window of its own, at once
            from packstation.ui.views.shell import BenchShell

            assert isinstance(host, BenchShell)
            host.adopt(self, self.take_over_scans)

    def retranslate(self, _code: str = "") -> None:
        """After a language switch: the texts built with values (the fixed ones are done);
        the open order and any held scan are kept as they are."""
        self.settings_applied()
        self._show_mode()
        if self.controller.session is not None:
            self._show_order()
        self.refresh_status()
        self._show_question()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        outer.setSpacing(10)
        top = QHBoxLayout()
        self.code_field = QLineEdit(self)
        self.code_field.setObjectName("manualCodeInput")
        self.code_field.setPlaceholderText(tr("Type an order number or code and press Enter (F2)"))
        self.code_field.setClearButtonEnabled(True)
        self.code_field.setAccessibleName(tr("Code typed by hand"))
        top.addWidget(self.code_field, 1)
        for text, name in (
            (tr("History"), "historyButton"),
            (tr("Settings"), "settingsButton"),
            (tr("Shortcuts (F1)"), "helpButton"),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            top.addWidget(button)
        outer.addLayout(top)
        # A question takes the message line's place: it is what the bench is about now.
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        self.question_panel = QuestionPanel(self)
        outer.addWidget(self.question_panel)
        self.stack = QStackedWidget(self)
        self.idle_page = IdlePage(self.stack)
        self.order_page = OrderPage(self.runtime.thumbnails, self.stack)
        self.returns_page = ReturnsPage(self.runtime.thumbnails, self.stack)
        self.stack.addWidget(self.idle_page)
        self.stack.addWidget(self.order_page)
        self.stack.addWidget(self.returns_page)
        outer.addWidget(self.stack, 1)

    def _connect(self) -> None:
        c, port, page = self.controller, self.port, self.order_page
        for name, slot in (
            ("historyButton", self.menus.open_history),
            ("settingsButton", self.menus.open_settings),  # clicked(False): not a first run
            ("helpButton", self.menus.show_help),
        ):
            button = self.findChild(QPushButton, name)
            assert button is not None
            button.clicked.connect(slot)
        c.feedback.connect(self._show_feedback)
        c.mode_changed.connect(self._show_mode)
        c.order_changed.connect(self._show_order)
        c.rows_changed.connect(page.model.refresh)
        c.row_scanned.connect(page.scanned_row)
        c.inputs_changed.connect(lambda: page.shipping.set_inputs(c.inputs))
        c.progress_changed.connect(self._refresh_progress)
        c.question_changed.connect(self._show_question)
        c.packer_changed.connect(self.settings_applied)
        c.focus_items.connect(self.keys.focus_items)
        c.wants_warm_up.connect(self.runtime.warm_up)
        c.moved_on.connect(self._paint_now)
        c.wants_settings.connect(
            lambda: QTimer.singleShot(0, lambda: self.menus.open_settings(first_run=True))
        )
        page.shipping.edited.connect(lambda: c.set_inputs(page.shipping.inputs()))
        page.shipping.ship_clicked.connect(c.shipping.ship)
        page.shipping.tracking_input.editingFinished.connect(
            lambda: c.shipping.tracking_entered(page.shipping.tracking_input.text())
        )
        page.shipments.status_requested.connect(self._post_status)
        c.returns_changed.connect(self._show_returns)
        c.row_scanned.connect(self.returns_page.scanned_row)
        self.returns_page.process_clicked.connect(c.returns.process)
        self.returns_page.count_requested.connect(c.returns.set_received)
        page.change_requested.connect(lambda delta: c.edits.change_line(page.selected_row(), delta))
        self.banner.acknowledged.connect(c.acknowledge)
        self.scanner.unreadable.connect(self._scan_unreadable)
        # A hundred boxes delivered in a burst publish a hundred snapshots; one render will do.
        self._snapshot_soon = Coalescer(100, self._snapshot_shown, self)
        port.snapshot_changed.connect(self._snapshot_soon.request)
        port.connectivity.connect(self._snapshot_soon.request)
        # Rare, and the packer waits on them: "Connecting…", "Ready", at once.
        port.client_changed.connect(self.refresh_status)
        port.client_requested.connect(self.refresh_status)
        port.catalog_progress.connect(self.status.show_import_progress)
        if port.warehouse is not None:
            port.warehouse.online_changed.connect(self.refresh_status)
        port.catalog_imported.connect(self._catalog_imported)
        self.status.attention_requested.connect(self.menus.open_attention)
        self.status.notices_requested.connect(c.say_notices)

    # ------------------------------------------------------------------ start

    def start(self) -> None:
        """After the window is shown: listen to the scanner application-wide, then start."""
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self.scanner)
        self.runtime.start()
        self.controller.start()
        self.runtime.apply_settings()

    def take_over_scans(self, codes: list[str]) -> None:
        self.controller.take_over_scans(codes)

    def settings_applied(self) -> None:
        settings = self.services.settings
        parts = [APP_NAME]
        if self.services.demo:
            parts.append(tr("DEMO (sandbox)"))
        if settings.station_name:
            parts.append(settings.station_name)
        if self.controller.returns.active:
            parts.append(tr("RETURNS"))
        if self.controller.packer:
            parts.append(tr("packer: {name}").format(name=self.controller.packer))
        self.setWindowTitle(" · ".join(parts))
        self.status.show_station(settings.station_name, self.controller.packer)
        notices = self.port.notices
        self.status.show_notices(len(notices), starting.notices_text(notices) if notices else "")

    # ------------------------------------------------------------------ showing

    def _show_feedback(self, message: Feedback) -> None:
        self.banner.show_message(message.text, message.tone)
        if self.controller.question is not None:
            # What went wrong while a question is open is said on the question itself.
            self.question_panel.show_note(message.text if message.tone is Tone.ERROR else "")

    def _show_question(self) -> None:
        """The question takes the banner's place. The banner goes first: showing the panel
        lays the window out at once, and with both in it the bench's least height was more
        than a 768 px screen has (the window grew, and stayed grown)."""
        question = self.controller.question
        if question is not None:
            self.banner.setVisible(False)
        self.question_panel.show_question(question)
        self.banner.setVisible(question is None)

    def _show_order(self) -> None:
        c = self.controller
        self.order_page.show_order(c.order_ref, c.session, set(self.port.snapshot.own_dummy()))
        self._show_boxes()

    def _snapshot_shown(self) -> None:
        if self._shut_down:
            return
        self.refresh_status()
        self._refresh_recent()
        self._show_boxes()

    def _scan_unreadable(self, text: str) -> None:
        """A burst the scanner filter could not read cleanly: refused aloud, never typed."""
        self.controller.refuse(
            feedback.error(
                tr("That scan was not read cleanly ({code}). Scan it again.").format(
                    code=text[:40] or "…"
                )
            ),
            text,
        )

    def _show_boxes(self) -> None:
        boxes = self.controller.boxes
        self.order_page.boxes.show_boxes(boxes.latest(), boxes.number)

    def _show_returns(self) -> None:
        returns = self.controller.returns
        self.returns_page.show_reasons(self.port.settings.damage_reasons)
        self.returns_page.show_return(
            returns.on_bench,
            returns.session,
            awaiting_note=returns.note_for is not None,
            images=returns.images,
        )
        self.settings_applied()
        self._show_mode()

    def _paint_now(self) -> None:
        # The page the bench moved on to is laid out and painted here, not in the event
        # loop's next pass: a shipment's work starts on the store thread as this returns,
        # and sharing the interpreter with it made a 1,000-line order's idle page wait
        # 17-25 ms for its frame instead of 10-12 (benchmarks/RESULTS.md).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.window().repaint()

    def _show_mode(self) -> None:
        if self.controller.returns.active:
            self.stack.setCurrentWidget(self.returns_page)
            return
        order = self.controller.mode is Mode.ORDER
        self.stack.setCurrentWidget(self.order_page if order else self.idle_page)
        if not order:
            self._refresh_recent()
        self._refresh_progress()

    def _refresh_progress(self) -> None:
        c = self.controller
        self.order_page.shipping.refresh(c.session, order_open=c.mode is Mode.ORDER)
        self.order_page.refresh_progress(c.session)

    def _refresh_recent(self) -> None:
        if self.controller.mode is not Mode.ORDER and not self._shut_down:
            self.idle_page.show_recent(list(self.port.snapshot.recent))

    def refresh_status(self) -> None:
        if self._shut_down:
            return
        port = self.port
        configured = None if port.client_pending else port.configured
        self.status.show_state(
            port.snapshot.counts, configured, port.online, has_store=bool(port.settings.store_id)
        )
        self.status.show_sound(port.sound)
        door = port.warehouse
        if door is not None:
            self.status.show_warehouse(
                warehouse_words.status(door.online, door.problem),
                warehouse_words.status_tip(door.problem),
                bool(door.online),
            )

    def _catalog_imported(self, result: object) -> None:
        # A clean import is said in the status bar only: the packer's messages come first.
        text, problems = words.catalog_imported(result)
        self.status.show_note(text)
        if problems:
            self.controller.say(Feedback(text, Tone.WARNING))

    def _post_status(self, fulfillment_id: str, status: str, message: str) -> None:
        from packstation.packing.details import DetailsError

        try:
            request = self.order_page.shipments.status_request(status, message)
        except DetailsError as exc:
            from packstation.ui.words.problems import details_problem

            self.controller.refuse(feedback.error(details_problem(exc)))
            return
        self.controller.shipping.post_status(fulfillment_id, status, request)

    # ------------------------------------------------------------------ closing

    def request_close(self) -> bool:
        """The top-level window is closing: True to close now. When shipments wait to be
        sent, the bench first says they are kept and sent at the next start, then closes."""
        if self._shut_down or self._closing:
            self.shutdown()
            return True
        pending = self.port.snapshot.counts.pending
        if not pending:
            self.shutdown()
            return True
        self._closing = True
        text = tr(
            "Closing. Not yet sent to Redo: %n shipment(s), kept on this computer and sent "
            "when PackStation starts again.",
            None,
            pending,
        )
        log.info("closing with %d shipments pending", pending)
        self.controller.say(Feedback(text, Tone.WARNING))
        QTimer.singleShot(CLOSE_NOTICE_MS, self.host.close)
        return False

    def shutdown(self) -> None:
        """Stop every thread and timer this window started; safe to call twice."""
        if self._shut_down:
            return
        self._shut_down = True
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self._flash_timer.stop()
        self._age_timer.stop()
        self._snapshot_soon.cancel()
        self.controller.news.stop()
        self.controller.shipping.stop_countdown()
        self.menus.close_dialogs()
        self.runtime.shutdown()
        switch.changed.disconnect(self.retranslate)
        self.closed.emit()
