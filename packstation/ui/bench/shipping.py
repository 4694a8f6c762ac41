"""Shipping the box on the bench and the auto-ship countdown.

Part of the bench controller (``controller.py``). Every check that can stop a shipment
happens before anything ships and, where it can, as soon as the packer acts; the label's
are ``labels.py`` (a tracking number used for another order is caught when the label is
scanned, before a countdown starts). Questions (partial shipment, a reused label) are
``Question`` objects: ``ship`` asks and returns; the answer carries the flow on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from packstation.packing import PackingError, TrackingInput
from packstation.redo.models import UpdateFulfillmentStatusRequest
from packstation.store import OutboxItem, ShippingInputs
from packstation.ui.bench.autoship import AutoShipCountdown
from packstation.ui.bench.labels import LabelFlow
from packstation.ui.bench.mode import Mode
from packstation.ui.bench.questions import Question
from packstation.ui.words import bench as words
from packstation.ui.words import feedback
from packstation.ui.words.feedback import Feedback, Tone
from packstation.ui.words.i18n import tr
from packstation.ui.words.problems import packing_problem, status_text

if TYPE_CHECKING:
    from packstation.packing import PackingSession
    from packstation.packing.shipment import DummyTracking
    from packstation.ui.bench.controller import BenchController

log = logging.getLogger("packstation.bench")


class ShipFlow:
    def __init__(self, bench: BenchController) -> None:
        self.bench = bench
        self.countdown = AutoShipCountdown(parent=bench)
        self.countdown.tick.connect(lambda left: bench.say(feedback.countdown(left)))
        self.countdown.fire.connect(self.ship)
        #: Labels: recognised, checked against the order, asked about (``labels.py``).
        self.labels = LabelFlow(bench, self)
        self.label_scanned = self.labels.label_scanned
        self.tracking_entered = self.labels.tracking_entered
        self.set_tracking = self.labels.set_tracking
        self.set_dummy = self.labels.set_dummy

    def inputs_edited(self) -> None:
        """A change in the form: the countdown only runs on what the packer sees."""
        self.stop_countdown()

    # ------------------------------------------------------------------ ship

    def checked_shipping(self, session: PackingSession) -> TrackingInput | DummyTracking | None:
        """The label (or dummy tracking) on the form, once ``session`` could be sent with
        it; otherwise the reason is refused aloud and None comes back."""
        inputs = self.bench.inputs
        shipping = (
            inputs.dummy_tracking()
            if inputs.dummy
            else TrackingInput(inputs.carrier, inputs.tracking)
        )
        try:
            session.check_shipping(shipping)
        except PackingError as exc:
            self.bench.refuse(feedback.error(packing_problem(exc)))
            return None
        return shipping

    def ship(self, partial_ok: bool = False) -> None:
        """Ctrl+Enter, PS-SHIP, the button or the countdown: queue the box, move on."""
        bench = self.bench
        if bench.returns.active:  # Ctrl+Enter on the receiving bench processes the return
            bench.returns.process()
            return
        self.stop_countdown()
        session = bench.session
        if session is None or bench.mode is not Mode.ORDER or bench.question is not None:
            return
        if not self.labels.ready_to_ship(session, partial_ok):
            return  # a typed label was checked now: asked, refused or said in amber
        inputs = bench.inputs
        shipping = self.checked_shipping(session)
        if shipping is None:
            return
        if not session.all_packed and not partial_ok:
            self._ask_partial()
            return
        ref = bench.order_ref
        # The last of several boxes carries its number; a single box has none.
        box = bench.boxes.number if bench.boxes.closed else 0
        bench.boxes.print_slip(session, bench.boxes.number, final=True)
        # The bench moves on at once: the sender delivers in the background.
        bench.put_inputs(ShippingInputs())
        bench.show_session(None)
        bench.say(feedback.shipping(ref, session.total_packed))
        bench.moved_on.emit()

        def queued(item: OutboxItem) -> None:
            bench.shipment_queued.emit(item.fulfillment_id)

        def failed(exc: BaseException) -> None:
            # Nothing was queued: put the order back exactly as it was, unless the packer
            # has already moved on to the next order.
            if bench.session is None and bench.mode is Mode.IDLE:
                bench.orders.show(ref, session, inputs)
            bench.edits.storage_failed(exc)

        bench.port.ship(
            session,
            ref,
            shipping,
            packer=bench.packer,
            box=box,
            last=True,
            done=queued,
            failed=failed,
        )

    def ship_now_then(self, after: Callable[[], None]) -> None:
        """The next slip scanned during the countdown: the counted-down order ships now
        (the packer has moved on: it is complete and labelled), then ``after`` runs."""
        self.stop_countdown()
        ref, session = self.bench.order_ref, self.bench.session
        self.ship()
        if self.bench.session is None:
            if session is not None:
                self.bench.orders.shipped_first = words.shipping_first(ref, session.total_packed)
            after()
        else:  # something stopped the shipment (it asks): the slip waits for the answer
            self.bench.refuse(feedback.error(tr("Answer the question first, then scan the slip.")))

    def _ask_partial(self) -> None:
        bench = self.bench
        session = bench.session
        assert session is not None
        left = session.total_remaining - session.total_packed
        question = Question.yes_no(
            tr("Partial shipment"),
            tr("Ship {packed} of {total}? {left} stay open for a later shipment.").format(
                packed=session.total_packed,
                total=feedback.items(session.total_remaining),
                left=feedback.items(left),
            ),
            tr("Ship {items}").format(items=feedback.items(session.total_packed)),
            tr("Keep packing"),
            parent=bench,
        )
        question.answered.connect(lambda _: self.ship(partial_ok=True))
        question.cancelled.connect(
            lambda: bench.say(feedback.info(tr("Not shipped. Keep packing.")))
        )
        bench.ask(question)

    def post_status(
        self, fulfillment_id: str, status: str, request: UpdateFulfillmentStatusRequest
    ) -> None:
        """A test status for a dummy-tracked shipment of the open order (a Redo automation)."""
        bench = self.bench
        if bench.session is None or not bench.port.configured:
            return
        order_id = bench.session.order_id
        bench.say(Feedback(tr("Posting {status}…").format(status=status_text(status)), Tone.BUSY))

        def done(_: object) -> None:
            bench.say(
                Feedback(tr("Posted {status}.").format(status=status_text(status)), Tone.SUCCESS)
            )
            bench.orders.reload(quiet=True)

        bench.port.post_status(
            order_id,
            fulfillment_id,
            request,
            done,
            lambda exc: bench.refuse(feedback.load_failed(exc), status),
        )

    # ------------------------------------------------------------------ auto-ship

    def maybe_autoship(self) -> None:
        """Everything packed and a recognised label (or dummy tracking): start the visible
        countdown (if enabled). A number no carrier's format knows ships only when the
        packer says so (Ctrl+Enter): it was taken as typed, and a person checks it."""
        bench = self.bench
        if self.countdown.active:
            # Feedback that arrives during the countdown must not hide it.
            bench.say(feedback.countdown(self.countdown.left()))
            return
        session = bench.session
        if (
            bench.port.settings.auto_ship
            and session is not None
            and bench.mode is Mode.ORDER
            and session.all_packed
            and bench.inputs_ready
            and bench.question is None
            and (bench.inputs.dummy or self.labels.recognised_label())
            and self.labels.used_elsewhere(bench.inputs.tracking if not bench.inputs.dummy else "")
            is None
        ):
            self.countdown.start()

    def stop_countdown(self, announce: bool = False) -> bool:
        """Stop a running countdown; True if one was running."""
        stopped = self.countdown.cancel()
        if stopped and announce:
            self.bench.say(
                Feedback(
                    tr("Auto-ship stopped. Ctrl+Enter or PS-SHIP ships when you are ready."),
                    Tone.INFO,
                )
            )
        return stopped
