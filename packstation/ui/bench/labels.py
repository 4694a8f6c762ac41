"""Labels: a scanned or typed tracking number recognised, checked against the order, asked
about, and put on the form.

Part of the bench controller (``controller.py``), used by the shipping flow
(``shipping.py``). Every check happens as soon as the packer acts and again, for a number
typed into the field and never entered, before anything ships: a USPS label routed to
another ZIP is refused; a carrier that does not fit the order's shipping method asks; so
does a label used for another order at this station. A number no carrier's format knows
is taken as typed, with the carrier the packer chose, but said in amber: a person checks it.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from packstation.packing.checks import carrier_fits_method, label_zip_problem
from packstation.packing.codes import tracking_number
from packstation.packing.tracking import TrackingGuess, candidates
from packstation.ui.bench.questions import Question
from packstation.ui.words import bench as words
from packstation.ui.words import feedback
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.packing import PackingSession
    from packstation.ui.bench.controller import BenchController
    from packstation.ui.bench.shipping import ShipFlow


class LabelFlow:
    def __init__(self, bench: BenchController, ship_flow: ShipFlow) -> None:
        self.bench = bench
        self.ship_flow = ship_flow
        #: A tracking number the packer agreed to use again, for this order only.
        self._reuse_ok: tuple[str, str] | None = None
        #: The last (number, carrier) that went through recognition and the label checks.
        #: The form stores every keystroke and every carrier chosen in ``bench.inputs``;
        #: only this pair has been checked (a carrier chosen after an unknown number was
        #: said in amber is checked again, against that carrier's format).
        self._recognised: tuple[str, str] | None = None
        #: An unknown number with a carrier that does not fit the order's shipping method,
        #: agreed to by the packer: (order ID, number, carrier).
        self._method_ok: tuple[str, str, str] | None = None

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
        self.ship_flow.stop_countdown()
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
        other = self.used_elsewhere(number)
        if other is None:
            self.set_tracking(code, guess)
            return
        other_ref, where = other
        self.ship_flow.stop_countdown()
        if where:
            asked = tr(
                "Tracking number {code} was already used for order {other} at {bench}. "
                "Use it for this order too?"
            ).format(code=number, other=other_ref, bench=where)
        else:
            asked = tr(
                "Tracking number {code} was already used for order {other} at this station. "
                "Use it for this order too?"
            ).format(code=number, other=other_ref)
        question = Question.yes_no(
            tr("Tracking number used before"),
            asked,
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

    def used_elsewhere(self, number: str) -> tuple[str, str] | None:
        """Another order shipped with ``number``: (its ref, "" for this station or the
        bench's name). The port's snapshot holds every label this station used, the
        warehouse door those of every bench: nothing is read from disk or the network."""
        session = self.bench.session
        if session is None or not number or self._reuse_ok == (session.order_id, number):
            return None
        here = self.bench.port.snapshot.label_used_elsewhere(number, session.order_id)
        if here is not None:
            return here, ""
        elsewhere = self.bench.warehouse.label_used(tracking_number(number), session.order_id)
        if elsewhere is not None and elsewhere[1] == self.bench.port.settings.station_name:
            return elsewhere[0], ""
        return elsewhere

    def tracking_entered(self, text: str) -> None:
        """Enter (or Tab) in the tracking field: the same recognition as a scanned label."""
        number = tracking_number(text)
        bench = self.bench
        if not number or bench.session is None:
            return
        if (number, bench.inputs.carrier) == self._recognised == self._shown():
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
        self.ship_flow.stop_countdown()  # a new label: the countdown runs again only if it fits
        self._recognised = (number, carrier)
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
        bench.say(feedback.info(words.dummy_tracking(on)))
        if bench.session is not None:
            bench.edits.commit("shipping", "dummy" if on else "", lambda: None)

    def _shown(self) -> tuple[str, str]:
        """The number and carrier on the form now."""
        return (self.bench.inputs.tracking, self.bench.inputs.carrier)

    def _method_agreed(self, session: PackingSession, partial_ok: bool) -> bool:
        """A number no carrier's format knows ships with the carrier the packer chose: when
        that carrier does not fit the order's shipping method, the packer is asked first
        (as for a recognised label). True when it fits or was agreed; else it asks."""
        bench = self.bench
        carrier, number = bench.inputs.carrier, bench.inputs.tracking
        method = session.order.shipping.method if session.order.shipping else None
        agreed = (session.order_id, number, carrier)
        if not carrier or not method or carrier_fits_method(carrier, method):
            return True
        if self._method_ok == agreed:
            return True
        question = Question.yes_no(
            tr("Carrier and shipping method differ"),
            tr("The order ships by {method}; this box would go as {carrier}. Ship it so?").format(
                method=method, carrier=carrier
            ),
            tr("Ship as {carrier}").format(carrier=carrier),
            tr("Keep packing"),
            default_yes=False,
            parent=bench,
        )

        def yes(_: int) -> None:
            self._method_ok = agreed
            self.ship_flow.ship(partial_ok=partial_ok)

        question.answered.connect(yes)
        question.cancelled.connect(
            lambda: bench.say(feedback.info(tr("Not shipped. Check the carrier and the label.")))
        )
        bench.ask(question)
        return False

    def recognised_label(self) -> bool:
        """The form holds a label that went through the checks and a carrier's format
        knows: the countdown may run on it."""
        return self._shown() == self._recognised and bool(candidates(self.bench.inputs.tracking))

    def ready_to_ship(self, session: PackingSession, partial_ok: bool) -> bool:
        """Ctrl+Enter: a number typed into the field and never entered gets the checks a
        scanned label gets (carrier, ZIP, reuse) now. A question, a refusal or a number
        no carrier knows (said in amber) stops here for the packer to look; the next
        Ctrl+Enter ships it. A label that passes ships on."""
        bench = self.bench
        inputs = bench.inputs
        typed = not inputs.dummy and bool(tracking_number(inputs.tracking))
        if typed and self._shown() != self._recognised:
            self.tracking_entered(inputs.tracking)
            if (
                bench.question is not None
                or self._recognised != self._shown()
                or not candidates(bench.inputs.tracking)
            ):
                return False
        if typed and not candidates(bench.inputs.tracking):
            return self._method_agreed(session, partial_ok)
        if not bench.inputs.dummy and self.used_elsewhere(bench.inputs.tracking) is not None:
            # Agreed earlier, then the order's state changed: ask again, as a scan would.
            self._check_reuse_then_set(
                bench.inputs.tracking, TrackingGuess(bench.inputs.carrier, bench.inputs.tracking)
            )
            return False
        return True
