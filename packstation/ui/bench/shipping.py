"""Labels, dummy tracking, shipping and the auto-ship countdown.

Part of the bench controller (``controller.py``). Every check that can stop a shipment
happens before anything ships and, where it can, as soon as the packer acts: a tracking
number used for another order is caught when the label is scanned, before a countdown
starts. Questions (partial shipment, a reused label) are ``Question`` objects: ``ship``
asks and returns; the answer carries the flow on.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from packstation.packing import PackingError, TrackingInput
from packstation.packing.checks import carrier_fits_method, label_zip_problem
from packstation.packing.codes import tracking_number
from packstation.packing.tracking import TrackingGuess, candidates
from packstation.redo.models import UpdateFulfillmentStatusRequest
from packstation.store import OutboxItem, ShippingInputs
from packstation.ui.bench.autoship import AutoShipCountdown
from packstation.ui.bench.mode import Mode
from packstation.ui.bench.questions import Question
from packstation.ui.words import bench as words
from packstation.ui.words import feedback
from packstation.ui.words.feedback import Feedback, Tone
from packstation.ui.words.i18n import tr
from packstation.ui.words.problems import packing_problem, status_text

if TYPE_CHECKING:
    from packstation.packing import PackingSession
    from packstation.packing.session import DummyTracking
    from packstation.ui.bench.controller import BenchController

log = logging.getLogger("packstation.bench")


class ShipFlow:
    def __init__(self, bench: BenchController) -> None:
        self.bench = bench
        self.countdown = AutoShipCountdown(parent=bench)
        self.countdown.tick.connect(lambda left: bench.say(feedback.countdown(left)))
        self.countdown.fire.connect(self.ship)
        #: A tracking number the packer agreed to use again, for this order only.
        self._reuse_ok: tuple[str, str] | None = None
        #: The last number that went through recognition and the label checks. The form
        #: stores every keystroke in ``bench.inputs``; only this one has been checked.
        self._recognised: str | None = None

    # ------------------------------------------------------------------ labels

    def label_scanned(self, code: str, guesses: list[TrackingGuess]) -> None:
        if len(guesses) == 1:
            self._check_then_set(code, guesses[0])
            return
        question = Question(
            tr("Which carrier?"),
            tr("The label {code} fits more than one carrier. Press its number.").format(code=code),
            [g.carrier for g in guesses],
            cancel_label=tr("Not using this label"),
            choice=True,
            parent=self.bench,
        )
        question.answered.connect(lambda i: self._check_then_set(code, guesses[i]))
        question.cancelled.connect(
            lambda: self.bench.say(
                feedback.info(tr("Label not used. Scan it again to choose the carrier."))
            )
        )
        self.bench.ask(question)

    def _check_then_set(self, code: str, guess: TrackingGuess | None) -> None:
        """A label is checked when it is scanned, before any countdown: a USPS label routed
        to another ZIP is refused; a carrier that does not fit the order's shipping method
        asks; so does a label used for another order at this station."""
        bench = self.bench
        session = bench.session
        if guess is not None and session is not None:
            wrong_zip = label_zip_problem(guess.zip, session.order)
            if wrong_zip is not None:
                bench.refuse(
                    feedback.error(
                        tr(
                            "This label is for ZIP {label}; the order ships to {order}. "
                            "Find the label for this order."
                        ).format(label=wrong_zip[0], order=wrong_zip[1])
                    ),
                    code,
                )
                return
            method = session.order.shipping.method if session.order.shipping else None
            if method and not carrier_fits_method(guess.carrier, method):
                self._ask_carrier_fit(code, guess, method)
                return
        self._check_reuse_then_set(code, guess)

    def _ask_carrier_fit(self, code: str, guess: TrackingGuess, method: str) -> None:
        bench = self.bench
        self.stop_countdown()
        question = Question.yes_no(
            tr("Label and shipping method differ"),
            tr("This is a {carrier} label; the order ships by {method}. Use this label?").format(
                carrier=guess.carrier, method=method
            ),
            tr("Use this label"),
            tr("Scan another label"),
            default_yes=False,
            parent=bench,
        )
        question.answered.connect(lambda _: self._check_reuse_then_set(code, guess))
        question.cancelled.connect(
            lambda: bench.say(feedback.info(tr("Label not used. Scan the order's label.")))
        )
        bench.ask(question)

    def _check_reuse_then_set(self, code: str, guess: TrackingGuess | None) -> None:
        bench = self.bench
        number = guess.code if guess is not None else tracking_number(code)
        other = self._used_elsewhere(number)
        if other is None:
            self.set_tracking(code, guess)
            return
        self.stop_countdown()
        question = Question.yes_no(
            tr("Tracking number used before"),
            tr(
                "Tracking number {code} was already used for order {other} at this station. "
                "Use it for this order too?"
            ).format(code=number, other=other),
            tr("Use it again"),
            tr("Scan another label"),
            default_yes=False,
            parent=bench,
        )

        def agreed(_: int) -> None:
            if bench.session is not None:
                self._reuse_ok = (bench.session.order_id, number)
            self.set_tracking(code, guess)

        question.answered.connect(agreed)
        question.cancelled.connect(
            lambda: bench.refuse(
                feedback.error(
                    tr("Label {code} not used: scan this order's own label.").format(code=number)
                )
            )
        )
        bench.ask(question)

    def _used_elsewhere(self, number: str) -> str | None:
        """Another order this station shipped with ``number`` (the port's snapshot holds
        every label in use, read through an index: nothing is read from disk here)."""
        session = self.bench.session
        if session is None or not number or self._reuse_ok == (session.order_id, number):
            return None
        return self.bench.port.snapshot.label_used_elsewhere(number, session.order_id)

    def tracking_entered(self, text: str) -> None:
        """Enter (or Tab) in the tracking field: the same recognition as a scanned label."""
        number = tracking_number(text)
        bench = self.bench
        if not number or bench.session is None:
            return
        if number == self._recognised and number == bench.inputs.tracking:
            return  # Enter then Tab: checked once is enough
        guesses = candidates(number)
        if guesses:
            self.label_scanned(number, guesses)
        else:
            self.set_tracking(number, None)

    def set_tracking(self, code: str, guess: TrackingGuess | None) -> None:
        """Put the label on the form. A number no carrier's format knows is taken as typed,
        with the carrier the packer chose, but said in amber: it is checked by a person."""
        bench = self.bench
        carrier = guess.carrier if guess is not None else bench.inputs.carrier
        number = guess.code if guess is not None else tracking_number(code)
        self.stop_countdown()  # a new label: the countdown runs again only if it fits
        self._recognised = number
        bench.put_inputs(
            dataclasses.replace(bench.inputs, carrier=carrier, tracking=number, dummy=False)
        )
        bench.focus_items.emit()
        ready = bench.session is not None and bench.session.all_packed
        if guess is None:
            bench.say(words.tracking_unrecognised(number, carrier))
        else:
            bench.say(feedback.tracking_set(number, carrier, ready))
        if bench.session is not None:
            bench.edits.commit("shipping", number, lambda: None)

    def set_dummy(self, on: bool) -> None:
        bench = self.bench
        bench.put_inputs(dataclasses.replace(bench.inputs, dummy=on))
        bench.say(feedback.info(tr("Dummy tracking on.") if on else tr("Dummy tracking off.")))
        if bench.session is not None:
            bench.edits.commit("shipping", "dummy" if on else "", lambda: None)

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
            session.to_request(shipping)
        except PackingError as exc:
            self.bench.refuse(feedback.error(packing_problem(exc)))
            return None
        return shipping

    def ship(self, partial_ok: bool = False) -> None:
        """Ctrl+Enter, PS-SHIP, the button or the countdown: queue the box, move on."""
        bench = self.bench
        self.stop_countdown()
        session = bench.session
        if session is None or bench.mode is not Mode.ORDER or bench.question is not None:
            return
        inputs = bench.inputs
        typed = not inputs.dummy and bool(tracking_number(inputs.tracking))
        if typed and inputs.tracking != self._recognised:
            # Typed into the field and never entered: it gets the checks a scanned label
            # gets (carrier, ZIP, reuse) before anything ships. A question, a refusal or
            # a number no carrier knows (said in amber) stops here for the packer to
            # look; the next Ctrl+Enter ships it. A label that passes ships on.
            self.tracking_entered(inputs.tracking)
            if (
                bench.question is not None
                or self._recognised != bench.inputs.tracking
                or not candidates(bench.inputs.tracking)
            ):
                return
            inputs = bench.inputs
        shipping = self.checked_shipping(session)
        if shipping is None:
            return
        if not inputs.dummy and self._used_elsewhere(inputs.tracking) is not None:
            # Typed by hand into the field: ask now, as a scanned label would have.
            self._check_reuse_then_set(
                inputs.tracking, TrackingGuess(inputs.carrier, inputs.tracking)
            )
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
            and (
                bench.inputs.dummy
                or (
                    bench.inputs.tracking == self._recognised
                    and bool(candidates(bench.inputs.tracking))
                )
            )
            and self._used_elsewhere(bench.inputs.tracking if not bench.inputs.dummy else "")
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
