"""The bench's decisions, without a widget: mode, the order on the bench, routing scans.

The window shows what this object says and hands it what the packer does. Everything
that takes time (the network, the disk) goes through the runtime's workers; results come
back here on the GUI thread. Loading and shipping live in ``orders.py`` and
``shipping.py``; this module routes scans and keeps the state they share.

Scans are handled strictly in order. While the API client is being built or an order is
loading, scans are held and handled once it is settled, so the item scanned right after
a slip packs into that slip's order. A scan that fails in an unexpected way is refused
with a sentence and the next one is handled: the queue never stops.
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
from packstation.ui.bench.mode import Mode
from packstation.ui.bench.orders import OrderFlow
from packstation.ui.bench.questions import Question
from packstation.ui.bench.shipping import ShipFlow
from packstation.ui.station.runtime import StationRuntime
from packstation.ui.station.sounds import Sound
from packstation.ui.words import feedback
from packstation.ui.words.feedback import Feedback, Tone
from packstation.ui.words.i18n import tr
from packstation.ui.words.messages import lower_text

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
    #: Every scan, once fully handled (tests wait on it).
    scan_handled = Signal(str)
    order_loaded = Signal(str)
    shipment_queued = Signal(str)

    def __init__(self, runtime: StationRuntime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.services = runtime.services
        self.mode = Mode.IDLE
        self.session: PackingSession | None = None
        self.order_ref = ""
        self.inputs = ShippingInputs()
        #: The packer at the bench (``PS-USER-<name>``), recorded with each shipment.
        self.packer = ""
        #: ``PS-QTY-n``: how many the next item scan counts.
        self.next_quantity = 1
        #: The last scan nothing matched, for F4 (teach it to a line).
        self.last_unknown = ""
        self.question: Question | None = None
        #: The tone of the last message: an error stays until acknowledged or replaced.
        self.showing: Feedback = feedback.info("")
        #: Is the packer's cursor in the tracking field? (asked of the window)
        self.tracking_focus: Callable[[], bool] = lambda: False
        self._held: list[str] = []
        self._draining = False
        self._started = False
        self._announced = False
        self._holding = False
        #: Loading the barcode tables waits while an order loads: it would compete with it.
        self._warm_up_waits = False
        self.orders = OrderFlow(self)
        self.shipping = ShipFlow(self)
        self.edits = EditFlow(self)
        self.boxes = BoxFlow(self)
        runtime.client_changed.connect(self._client_settled)
        runtime.client_failed.connect(lambda text: self.say(feedback.error(lower_text(text))))

    # ------------------------------------------------------------------ start-up

    def start(self) -> None:
        """Restore an open order, start sending, and build the API client."""
        self.runtime.start()
        self.orders.restore()
        if self.services.notices:
            self.say(Feedback(" ".join(self.services.notices), Tone.WARNING))
        self._started = True
        self.runtime.apply_settings()

    def _client_settled(self) -> None:
        if self._started and not self._announced:
            self._announced = True
            if not self.runtime.configured and not self.services.demo:
                self.say(self.hint())
                self.wants_settings.emit()
            self._warm_up_waits = True
            self.ready.emit()
        self.orders.client_ready()
        self._drain()
        self._warm_up_when_idle()

    def _warm_up_when_idle(self) -> None:
        # A slip scanned at launch is loading now: its order shows first, then the tables
        # load while the packer reaches for the first item. A moment later, not at once:
        # the order's first frame is painted after this, and the loading would share the
        # interpreter with it. A scan that needs them sooner loads what it needs itself.
        if self._warm_up_waits and self.mode is not Mode.LOADING:
            self._warm_up_waits = False
            QTimer.singleShot(WARM_UP_AFTER_MS, self, self.runtime.warm_up)

    # ------------------------------------------------------------------ what is shown

    def say(self, message: Feedback) -> None:
        self.showing = message
        if message.sound is not None:
            self.services.sound.play(message.sound)
        self.feedback.emit(message)

    def hint(self) -> Feedback:
        return feedback.hint(
            self.session, configured=self.runtime.configured, demo=self.services.demo
        )

    def refuse(self, message: Feedback, code: str = "") -> None:
        """A scan or key that did nothing: the error sound and a red message that stays."""
        log.info("refused %r: %s", code[:80], message.text)
        if self.shipping.stop_countdown():
            message = feedback.error(message.text + " " + tr("Auto-ship stopped."))
        self.say(message)

    def acknowledge(self) -> None:
        """Esc or a click on a red message: back to what to do next."""
        if self.showing.tone is Tone.ERROR:
            self.say(self.hint())

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

    def set_packer(self, name: str) -> None:
        self.packer = name
        self.packer_changed.emit()
        self.say(
            Feedback(
                tr("Hello {name}: you are packing at this bench.").format(name=name),
                Tone.INFO,
                Sound.GOOD,
            )
        )

    # ------------------------------------------------------------------ scans

    def handle_scan(self, code: str) -> None:
        """One code from the scanner or the code field: handled now, or held in order."""
        code = code.strip()
        if not code:
            return
        if self._held or self._holding or self.runtime.client_pending or self.mode is Mode.LOADING:
            self._held.append(code)
            if self.runtime.client_pending:
                waiting_for = tr("Connecting…")
            elif self._holding:
                waiting_for = tr("Closing the box…")
            else:
                waiting_for = tr("Loading order {ref}…").format(ref=self.orders.loading_ref)
            self.say(feedback.held(waiting_for, len(self._held)))
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
            while (
                self._held
                and not self._holding
                and not self.runtime.client_pending
                and self.mode is not Mode.LOADING
            ):
                self._handle_now(self._held.pop(0))
        finally:
            self._draining = False

    def _handle_now(self, code: str) -> None:
        try:
            self._route(code)
        except Exception:
            # A bug must not stop the bench, nor leave later scans waiting for good.
            log.exception("handling scan %r failed", code[:80])
            self.refuse(
                feedback.error(
                    tr("That scan could not be handled ({code}). Scan it again.").format(
                        code=code[:40]
                    )
                ),
                code,
            )
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
            self._other_slip(where.code)
            return
        assert isinstance(where, Unknown)
        if self.tracking_focus():
            # Typed into the tracking field: a number the recognisers do not know.
            self.shipping.set_tracking(where.code, None)
            return
        self.last_unknown = where.code
        self.refuse(feedback.unknown(where.code, where.kind), code)
        self.edits.journal_mis_scan(where.code)

    def _other_slip(self, code: str) -> None:
        assert self.session is not None
        if code in (self.session.order_id, self.order_ref):
            self.say(info_open(self.order_ref))
        elif self.session.total_packed:
            self.refuse(
                feedback.error(
                    tr(
                        "{code} is another order's slip. Ship or clear this order first (Esc)."
                    ).format(code=code)
                ),
                code,
            )
        else:
            self.shipping.stop_countdown()
            self.orders.close("switched")
            self.orders.load(code)

    # ------------------------------------------------------------------ changes

    @property
    def inputs_ready(self) -> bool:
        """Enough to ship with: a carrier and a tracking number, or dummy tracking."""
        return self.inputs.dummy or bool(self.inputs.carrier and self.inputs.tracking)

    def set_inputs(self, inputs: ShippingInputs) -> None:
        """The packer changed carrier, tracking or dummy tracking in the form."""
        if inputs == self.inputs:
            return
        self.inputs = inputs
        self.shipping.inputs_edited()
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

    def escape(self) -> None:
        """Esc: the question, the countdown, loading, a red message; then the order."""
        if self.question is not None:
            self.question.cancel()
        elif self.shipping.stop_countdown(announce=True):
            return
        elif self.mode is Mode.LOADING:
            self.orders.cancel_loading()
        elif self.showing.tone is Tone.ERROR:
            self.acknowledge()
        else:
            self.orders.clear()


def info_open(ref: str) -> Feedback:
    return feedback.info(tr("Order {ref} is already open.").format(ref=ref))
