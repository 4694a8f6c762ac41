"""The bench's decisions, without a widget: mode, the order on the bench, routing scans.

The window shows what this object says and hands it what the packer does. Everything
that takes time (the network, the disk, the printer) goes through the station port
(``ui/station/port.py``); its completions come back here on the GUI thread. Loading
lives in ``orders.py``, shipping in ``shipping.py``, boxes in ``boxes.py``, changes to
the box in ``edits.py``; this module routes scans and keeps the state they share.

Scans are handled strictly in order. While the API client is being built, the order
left on the bench is being restored, or an order is loading, scans are held and handled
once it is settled, so the item scanned right after a slip packs into that slip's order.
A scan that fails in an unexpected way is refused with a sentence and the next one is
handled: the queue never stops.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from packstation.packing import PackingSession
from packstation.packing.commands import CommandScan
from packstation.packing.router import (
    Empty,
    ItemScan,
    OrderReference,
    OtherSlip,
    TrackingScan,
    Unknown,
    route,
)
from packstation.store import ShippingInputs
from packstation.ui.bench.boxes import BoxFlow
from packstation.ui.bench.commands import run_command
from packstation.ui.bench.edits import EditFlow
from packstation.ui.bench.escape import escape
from packstation.ui.bench.identity import Identity
from packstation.ui.bench.mode import Mode
from packstation.ui.bench.orders import OrderFlow
from packstation.ui.bench.outbox_news import OutboxNews
from packstation.ui.bench.questions import Question
from packstation.ui.bench.returns import ReturnsFlow
from packstation.ui.bench.shipping import ShipFlow
from packstation.ui.bench.warehouse import WarehouseFlow
from packstation.ui.station.port import StationPort
from packstation.ui.words import bench as words
from packstation.ui.words import feedback, starting
from packstation.ui.words.feedback import Feedback, Tone

#: How long after the first order shows (or the bench is ready) the barcode tables load.
WARM_UP_AFTER_MS = 200

log = logging.getLogger("packstation.bench")


__all__ = ["BenchController", "Mode"]


class BenchController(QObject):
    #: Something to show and play: the banner's text, tone and sound.
    feedback = Signal(object)
    mode_changed = Signal()
    #: A different session is on the bench (or none): rebuild the order page.
    order_changed = Signal()
    #: These rows' counts changed (a tuple of indexes).
    rows_changed = Signal(object)
    #: This row just took a scan (packed, or refused as complete): flash it, bring it into view.
    row_scanned = Signal(int)
    #: The controller changed the shipping inputs (a label, PS-DUMMY, a restore).
    inputs_changed = Signal()
    #: Totals changed: the ship button and the progress bar.
    progress_changed = Signal()
    #: ``question`` opened or closed.
    question_changed = Signal()
    packer_changed = Signal()
    #: The packer should be back on the item list (after a label, an answer).
    focus_items = Signal()
    #: The first client is settled and the bench takes scans (``--smoke``, tests).
    ready = Signal()
    #: Not configured at first start: the window opens Settings.
    wants_settings = Signal()
    #: The barcode tables may load now (a moment after the first order shows).
    wants_warm_up = Signal()
    #: Every scan, once fully handled (tests wait on it).
    scan_handled = Signal(str)
    order_loaded = Signal(str)
    shipment_queued = Signal(str)
    #: An order left for the outbox and the bench is idle: the window paints that now,
    #: before the shipment's work starts on the store thread beside it.
    moved_on = Signal()
    #: Returns mode turned on or off, or the return on the bench changed.
    returns_changed = Signal()

    def __init__(self, port: StationPort, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.port = port
        self.mode = Mode.IDLE
        self.session: PackingSession | None = None
        self.order_ref = ""
        self.inputs = ShippingInputs()
        #: ``PS-QTY-n``: how many the next item scan counts.
        self.next_quantity = 1
        #: The last scan nothing matched, for F4 (teach it to a line).
        self.last_unknown = ""
        self.question: Question | None = None
        #: The tone of the last message: an error stays until acknowledged or replaced.
        self.showing: Feedback = feedback.info("")
        #: The last message was "what to do next": it follows the bench's state.
        self._showing_hint = False
        #: Is the packer's cursor in the tracking field? (asked of the window)
        self.tracking_focus: Callable[[], bool] = lambda: False
        self._held: list[str] = []
        self._draining = False
        self._started = False
        self._restoring = False
        self._announced = False
        self._holding = False
        #: Loading the barcode tables waits while an order loads: it would compete with it.
        self._warm_up_waits = False
        self.identity = Identity(self)
        self.orders = OrderFlow(self)
        self.shipping = ShipFlow(self)
        self.edits = EditFlow(self)
        self.boxes = BoxFlow(self)
        self.news = OutboxNews(self)
        #: Claims, take-overs and the bench's state in a warehouse (idle on its own).
        self.warehouse = WarehouseFlow(self)
        #: Receiving returned parcels (``PS-RETURNS``).
        self.returns = ReturnsFlow(self)
        port.client_changed.connect(self._client_settled)
        port.client_failed.connect(lambda exc: self.say(words.client_failed(exc)))

    @property
    def packer(self) -> str:
        """The packer at the bench (``PS-USER-<name>``), recorded with each shipment."""
        return self.identity.packer

    # ------------------------------------------------------------------ start-up

    def start(self) -> None:
        """Restore the order left on the bench; the window shows meanwhile, scans wait."""
        self._started = True
        self._restoring = True
        self.identity.restore()
        self.returns.restore()
        self.orders.restore(self._restored)

    def _restored(self) -> None:
        self._restoring = False
        if self.port.notices:
            self.say_notices()
        elif self.session is None and self.showing.tone is not Tone.ERROR:
            self.say_hint()  # not over what restoring said went wrong
        self._maybe_ready()
        self._drain()

    def _client_settled(self) -> None:
        self._maybe_ready()
        self.orders.client_ready()
        if self._showing_hint:
            self.say_hint()  # "Connecting…" becomes what to do next
        self._drain()
        self._warm_up_when_idle()

    def _maybe_ready(self) -> None:
        if not self._started or self._announced or self._restoring or self.port.client_pending:
            return
        self._announced = True
        if not self.port.configured and not self.port.demo:
            self.say_hint()
            self.say_notices()  # Settings opens by itself: the notices are what IT reads
            self.wants_settings.emit()
        self._warm_up_waits = True
        self.ready.emit()

    def _warm_up_when_idle(self) -> None:
        # A slip scanned at launch is loading now: its order shows first, then the tables
        # load while the packer reaches for the first item. A moment later, not at once:
        # the order's first frame is painted after this, and the loading would share the
        # interpreter with it. A scan that needs them sooner loads what it needs itself.
        if self._warm_up_waits and self.mode is not Mode.LOADING:
            self._warm_up_waits = False
            QTimer.singleShot(WARM_UP_AFTER_MS, self, self.wants_warm_up.emit)

    # ------------------------------------------------------------------ what is shown

    def say(self, message: Feedback) -> None:
        self.showing = message
        self._showing_hint = False
        if message.sound is not None:
            self.port.play(message.sound)
        self.feedback.emit(message)

    def hint(self) -> Feedback:
        if self.session is None and self.port.client_pending:
            return words.connecting()
        return feedback.hint(
            self.session,
            configured=self.port.configured,
            demo=self.port.demo,
            store_id=self.port.settings.store_id,
        )

    def say_notices(self) -> None:
        """What start-up found wrong (a config line left out, a database moved aside), with
        the file and line, after the order: IT reads it on the bench. The status bar keeps
        a button that says it again."""
        if self.port.notices:
            self.say(Feedback(starting.notices_text(self.port.notices), Tone.WARNING))

    def say_hint(self) -> None:
        """What to do next; it follows the bench (a connection that settles) by itself."""
        self.say(self.hint())
        self._showing_hint = True

    def refuse(self, message: Feedback, code: str = "") -> None:
        """A scan or key that did nothing: the error sound and a red message that stays."""
        log.info("refused %r: %s", code[:80], message.text)
        if self.shipping.stop_countdown():
            message = feedback.error(message.text + " " + words.autoship_stopped())
        self.say(message)

    def acknowledge(self) -> None:
        """Esc or a click on a red message: back to what to do next."""
        if self.showing.tone is Tone.ERROR:
            self.say_hint()

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        self.mode_changed.emit()
        self.progress_changed.emit()
        if mode is not Mode.LOADING and self._held:
            self._drain()
        self._warm_up_when_idle()

    def show_session(self, session: PackingSession | None, ref: str = "") -> None:
        if session is None or (
            self.session is not None and session.order_id != self.session.order_id
        ):
            self.boxes.reset()
        self.session = session
        self.order_ref = ref if session is not None else ""
        self.order_changed.emit()
        self.set_mode(Mode.ORDER if session is not None else Mode.IDLE)

    # ------------------------------------------------------------------ scans

    def _waiting_for(self) -> str | None:
        """What scans wait for now, in words, or None when they are handled at once."""
        if self.port.client_pending:
            return words.connecting().text
        if self._restoring:
            return words.restoring()
        if self._holding:
            return words.closing_box()
        if self.mode is Mode.LOADING:
            return words.loading(self.orders.loading_ref)
        return None

    def handle_scan(self, code: str) -> None:
        """One code from the scanner or the code field: handled now, or held in order."""
        code = code.strip()
        if not code:
            return
        waiting_for = self._waiting_for()
        if self._held or waiting_for is not None:
            self._held.append(code)
            self.say(feedback.held(waiting_for or words.connecting().text, len(self._held)))
            return
        self._handle_now(code)

    def take_over_scans(self, codes: list[str]) -> None:
        """Scans made before the bench could take them, handled in order."""
        self._held.extend(code.strip() for code in codes if code.strip())
        self._drain()

    def hold_scans(self, hold: bool) -> None:
        """While a box is being closed, scans wait for the next box; they are kept in order."""
        self._holding = hold
        if not hold:
            self._drain()

    def drop_held(self) -> int:
        dropped, self._held = len(self._held), []
        return dropped

    def _drain(self) -> None:
        """Handle held scans in order; a slip among them is loaded before the next one."""
        if self._draining:
            return
        self._draining = True
        try:
            while self._held and self._waiting_for() is None:
                self._handle_now(self._held.pop(0))
        finally:
            self._draining = False

    def _handle_now(self, code: str) -> None:
        try:
            self._route(code)
        except Exception:
            # A bug must not stop the bench, nor leave later scans waiting for good.
            log.exception("handling scan %r failed", code[:80])
            self.refuse(feedback.error(words.scan_not_handled(code)), code)
        finally:
            self.scan_handled.emit(code)

    def _route(self, code: str) -> None:
        where = route(code, self.session if self.mode is Mode.ORDER else None)
        if isinstance(where, Empty):
            return
        if isinstance(where, CommandScan):
            run_command(self, where)
            return
        if self.question is not None:
            self.refuse(feedback.error(self.question.hint()), code)
            return
        if self.returns.active:
            self.returns.scan(code)
            return
        if self.shipping.countdown.active and isinstance(where, (OrderReference, OtherSlip)):
            # The next slip during the countdown: the packed order goes now, the next opens.
            self.shipping.ship_now_then(lambda: self._route(code))
            return
        if isinstance(where, OrderReference):
            self.orders.load(where.code)
            return
        if isinstance(where, ItemScan):
            self.edits.pack(where.code)
            return
        if isinstance(where, TrackingScan):
            self.shipping.label_scanned(where.code, list(where.guesses))
            return
        if isinstance(where, OtherSlip):
            self.orders.other_slip(where.code)
            return
        assert isinstance(where, Unknown)
        if self.tracking_focus():
            # Typed into the tracking field: a number the recognisers do not know.
            self.shipping.set_tracking(where.code, None)
            return
        self.last_unknown = where.code
        self.refuse(feedback.unknown(where.code, where.kind), code)
        self.edits.journal_mis_scan(where.code)

    # ------------------------------------------------------------------ changes

    @property
    def inputs_ready(self) -> bool:
        """Enough to ship with: a carrier and a tracking number, or dummy tracking."""
        return self.inputs.dummy or bool(self.inputs.carrier and self.inputs.tracking)

    def set_inputs(self, inputs: ShippingInputs) -> None:
        """The packer changed carrier, tracking or dummy tracking in the form."""
        if inputs == self.inputs:
            return
        switched = inputs.dummy != self.inputs.dummy
        self.inputs = inputs
        self.shipping.inputs_edited()
        if switched:  # the box ticked by hand is said, as PS-DUMMY is
            self.say(feedback.info(words.dummy_tracking(inputs.dummy)))
        self.progress_changed.emit()
        if self.session is not None:
            self.edits.commit("shipping", "", lambda: None)

    def put_inputs(self, inputs: ShippingInputs) -> None:
        """The controller's own change to the inputs (a label, PS-DUMMY, an order shown)."""
        self.inputs = inputs
        self.inputs_changed.emit()
        self.progress_changed.emit()

    # ------------------------------------------------------------------ questions

    def ask(self, question: Question) -> None:
        """Put a question on screen; it answers through its own signals."""
        if self.question is not None:
            self.question.cancel()
        self.question = question
        question.closed.connect(lambda: self._question_closed(question))
        self.question_changed.emit()

    def _question_closed(self, question: Question) -> None:
        if self.question is question:
            self.question = None
            self.question_changed.emit()
            self.focus_items.emit()
            question.deleteLater()

    # ------------------------------------------------------------------ Esc

    def escape(self, *, in_text_field: bool = False, field_text: bool = False) -> str:
        """Esc: see ``escape.py`` (what it does, in which order, written once)."""
        return escape(self, in_text_field=in_text_field, field_text=field_text)
