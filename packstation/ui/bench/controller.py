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
from enum import Enum

from PySide6.QtCore import QObject, Signal

from packstation.packing import Packed, PackingSession
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
from packstation.store import ShippingInputs
from packstation.ui import feedback
from packstation.ui.bench.orders import OrderFlow
from packstation.ui.bench.questions import Question
from packstation.ui.bench.shipping import ShipFlow
from packstation.ui.feedback import Feedback, Tone
from packstation.ui.i18n import tr
from packstation.ui.messages import lower_text
from packstation.ui.runtime import StationRuntime
from packstation.ui.sounds import Sound

log = logging.getLogger("packstation.bench")


class Mode(Enum):
    IDLE = "idle"
    LOADING = "loading"
    ORDER = "order"


class BenchController(QObject):
    #: Something to show and play: the banner's text, tone and sound.
    feedback = Signal(object)
    mode_changed = Signal()
    #: A different session is on the bench (or none): rebuild the order page.
    order_changed = Signal()
    #: These rows' counts changed (a tuple of indexes).
    rows_changed = Signal(object)
    #: This row just took a scan: flash it and bring it into view.
    row_packed = Signal(int)
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
        self.orders = OrderFlow(self)
        self.shipping = ShipFlow(self)
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
            self.runtime.warm_up()
            self.ready.emit()
        self.orders.client_ready()
        self._drain()

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

    def show_session(self, session: PackingSession | None, ref: str = "") -> None:
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
        if self._held or self.runtime.client_pending or self.mode is Mode.LOADING:
            self._held.append(code)
            waiting_for = (
                tr("Connecting…")
                if self.runtime.client_pending
                else tr("Loading order {ref}…").format(ref=self.orders.loading_ref)
            )
            self.say(feedback.held(waiting_for, len(self._held)))
            return
        self._handle_now(code)

    def take_over_scans(self, codes: list[str]) -> None:
        """Scans made before the bench could take them, handled in order."""
        self._held.extend(code.strip() for code in codes if code.strip())
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
            while self._held and not self.runtime.client_pending and self.mode is not Mode.LOADING:
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
            self.command(where)
            return
        if self.question is not None:
            self.refuse(feedback.error(self.question.hint()), code)
            return
        if isinstance(where, OrderReference):
            self.orders.load(where.code)
            return
        if isinstance(where, ItemScan):
            self.pack(where.code)
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
        self.journal_mis_scan(where.code)

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

    def pack(self, code: str) -> None:
        session = self.session
        assert session is not None
        multiplier, self.next_quantity = self.next_quantity, 1
        outcome = session.scan(code, multiplier)
        if not isinstance(outcome, Packed):
            if hasattr(outcome, "line_index"):
                self.row_packed.emit(outcome.line_index)
            self.refuse(feedback.refused(outcome, session), code)
            self.journal_mis_scan(getattr(outcome, "code", code))
            return

        def shown() -> None:
            line = session.line(outcome.line_index)
            self.rows_changed.emit((outcome.line_index,))
            self.row_packed.emit(outcome.line_index)
            self.say(feedback.packed(outcome, line, session, self.inputs_ready))

        self.commit("scan", code, shown)

    def command(self, scan: CommandScan) -> None:
        """A command barcode: works from any state, and answers the open question."""
        command = scan.command
        if self.question is not None:
            if command in (Command.CONFIRM, Command.SHIP):
                self.question.confirm()
            elif command is Command.CANCEL:
                self.question.cancel()
            else:
                self.refuse(feedback.error(self.question.hint()), command.value)
            return
        if command is Command.USER:
            self.set_packer(scan.user)
        elif command is Command.CANCEL:
            if not self.shipping.stop_countdown(announce=True):
                self.acknowledge()
        elif command is Command.CONFIRM:
            # With no question open, "yes" resumes a stopped auto-ship countdown.
            self.acknowledge()
            self.shipping.maybe_autoship()
        elif self.session is None:
            self.refuse(feedback.error(tr("Scan a packing slip first.")), command.value)
        elif command is Command.SHIP:
            self.shipping.ship()
        elif command is Command.UNDO:
            self.undo()
        elif command is Command.CLEAR:
            self.clear_order()
        elif command is Command.DUMMY:
            self.shipping.set_dummy(not self.inputs.dummy)
        elif command is Command.QTY:
            self.next_quantity = scan.quantity
            self.say(
                Feedback(
                    tr("The next item scan counts %n.", None, scan.quantity), Tone.INFO, Sound.GOOD
                )
            )

    # ------------------------------------------------------------------ changes

    @property
    def inputs_ready(self) -> bool:
        """Enough to ship with: a carrier and a tracking number, or dummy tracking."""
        return self.inputs.dummy or bool(self.inputs.carrier and self.inputs.tracking)

    def commit(self, kind: str, detail: str, then: Callable[[], None]) -> None:
        """Journal the session's new state on the store thread; show it once it is on disk."""
        session = self.session
        assert session is not None
        packed = session.packed_by_line()
        inputs, packer, store = self.inputs, self.packer, self.services.store

        def done(_: object) -> None:
            if self.session is session:
                then()
                self.progress_changed.emit()
                self.shipping.maybe_autoship()

        def failed(exc: BaseException) -> None:
            if self.session is session:
                session.undo()
                self.rows_changed.emit(None)
                self.progress_changed.emit()
            self.storage_failed(exc)

        self.runtime.writes.submit(
            lambda: store.journal.save(
                session.order_id, packed, inputs, kind, detail, packer=packer
            ),
            done,
            failed,
        )
        # The ship button counts what is in the box now; the row shows once it is on disk.
        self.progress_changed.emit()

    def storage_failed(self, exc: BaseException) -> None:
        log.error("could not write to the station database: %s", exc)
        self.refuse(feedback.storage_failed(exc))

    def journal_mis_scan(self, code: str) -> None:
        session = self.session
        if session is None:
            return
        order_id, packed = session.order_id, session.packed_by_line()
        inputs, packer, store = self.inputs, self.packer, self.services.store
        self.runtime.writes.submit(
            lambda: store.journal.save(order_id, packed, inputs, "mis-scan", code, packer=packer),
            lambda _: None,
            lambda exc: log.warning("could not journal a mis-scan: %s", exc),
        )

    def change_line(self, row: int | None, delta: int) -> None:
        """+ / −: one more or one less of a selected line (items without a barcode)."""
        session = self.session
        if session is None:
            return
        if row is None:
            self.refuse(feedback.error(tr("Select a line first (arrow keys or a click).")))
            return
        line = session.line(row)
        after = session.set_quantity(row, line.packed + delta)
        if after == line.packed:
            if not line.packable:
                self.refuse(
                    feedback.error(
                        tr("{title}: this item was already shipped.").format(title=line.item.title)
                    )
                )
            elif delta > 0:
                self.refuse(
                    feedback.error(tr("{title} is already complete.").format(title=line.item.title))
                )
            else:
                self.say(
                    feedback.info(tr("{title}: none packed yet.").format(title=line.item.title))
                )
            return

        def shown() -> None:
            self.rows_changed.emit((row,))
            now = session.line(row)
            self.say(
                feedback.added(now, session.all_packed) if delta > 0 else feedback.removed(now)
            )

        self.commit("edit", f"{row}:{after}", shown)

    def undo(self) -> None:
        session = self.session
        if session is None:
            return
        rows = session.undo()
        if rows is None:
            self.say(feedback.info(tr("Nothing to undo.")))
            return
        self.shipping.stop_countdown()

        def shown() -> None:
            self.rows_changed.emit(rows)
            self.say(feedback.undone([session.line(row) for row in rows]))

        self.commit("undo", "", shown)

    def set_inputs(self, inputs: ShippingInputs) -> None:
        """The packer changed carrier, tracking or dummy tracking in the form."""
        if inputs == self.inputs:
            return
        self.inputs = inputs
        self.shipping.inputs_edited()
        self.progress_changed.emit()
        if self.session is not None:
            self.commit("shipping", "", lambda: None)

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
            self.clear_order()

    def clear_order(self) -> None:
        session = self.session
        if session is None:
            return
        self.shipping.stop_countdown()
        if not session.total_packed:
            self.orders.close("cleared")
            self.say(feedback.info(tr("Order cleared. Scan the next packing slip.")))
            return
        question = Question.yes_no(
            tr("Clear this order?"),
            tr(
                "{items} packed for order {ref}. Clear the order anyway? The box must be unpacked."
            ).format(items=feedback.items(session.total_packed), ref=self.order_ref),
            tr("Clear the order"),
            tr("Keep packing"),
            default_yes=False,
            parent=self,
        )

        def cleared() -> None:
            if self.session is session:
                self.orders.close("cleared")
                self.say(feedback.info(tr("Order cleared. Scan the next packing slip.")))

        question.answered.connect(lambda _: cleared())
        question.cancelled.connect(
            lambda: self.say(feedback.info(tr("Not cleared. Keep packing.")))
        )
        self.ask(question)


def info_open(ref: str) -> Feedback:
    return feedback.info(tr("Order {ref} is already open.").format(ref=ref))
