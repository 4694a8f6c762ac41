"""Orders onto the bench and off it: load, restore after a restart, reconcile with Redo.

Part of the bench controller (``controller.py``), kept apart because it is the part
that talks to Redo and the journal about whole orders rather than single scans. An order
is on the bench once the journal says so (``port.open_order``); from then on the port's
snapshot follows it (its boxes and the units still on their way to Redo).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from packstation.packing import PackingSession
from packstation.packing.catalog import CatalogMatcher
from packstation.packing.checks import location_problem
from packstation.redo.errors import NotFound, RedoError, Unauthorized
from packstation.store import ShippingInputs
from packstation.ui.bench import order_codes
from packstation.ui.bench.mode import Mode
from packstation.ui.bench.questions import Question
from packstation.ui.station.port_types import NoClient, OrderOpened, Restored
from packstation.ui.station.sounds import Sound
from packstation.ui.words import bench as words
from packstation.ui.words import feedback
from packstation.ui.words.feedback import Feedback, Tone
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.redo.models import Order
    from packstation.ui.bench.controller import BenchController

log = logging.getLogger("packstation.bench")


class OrderFlow:
    def __init__(self, bench: BenchController) -> None:
        self.bench = bench
        self.loading_ref = ""
        self._generation = 0
        #: An order restored at start waits for the client before it is checked.
        self._check_when_ready = False
        #: "Order #1010 is shipping.": said with the next order when its slip, scanned
        #: during the countdown, shipped it (the packer never saw "Shipping…").
        self.shipped_first = ""
        bench.port.catalog_changed.connect(self._catalog_changed)

    # ------------------------------------------------------------------ loading

    def load(self, ref: str) -> None:
        bench = self.bench
        if bench.session is not None and bench.session.total_packed:
            bench.refuse(
                feedback.error(
                    tr("Finish or clear this order first (Esc): {items} packed.").format(
                        items=feedback.items(bench.session.total_packed)
                    )
                ),
                ref,
            )
            return
        if not bench.port.configured:
            bench.refuse(feedback.error(feedback.not_set_up(bench.port.settings.store_id)), ref)
            return
        self._generation += 1
        generation = self._generation
        self.loading_ref = ref
        bench.set_mode(Mode.LOADING)
        bench.say(self._after_shipped(feedback.loading(ref), keep=True))
        bench.port.fetch_order(
            ref,
            lambda order: self._fetched(generation, ref, order),
            lambda exc: self._failed(generation, ref, exc),
        )

    def _fetched(self, generation: int, ref: str, order: Order) -> None:
        if generation != self._generation:
            return  # Esc while it loaded: the bench is no longer waiting for it

        # In a warehouse the order is claimed first (``warehouse.py``); alone, it opens.
        if not self.bench.warehouse.claim(
            ref, order, lambda note: self._open(generation, ref, order, note)
        ):
            self._open(generation, ref, order)

    def claim_refused(self, ref: str, said: Feedback) -> None:
        """Another bench holds the order: the bench is back where it was, the slip refused."""
        self._back_from_loading()
        self.bench.refuse(said, ref)

    def open_claimed(self, ref: str, order: Order, note: str) -> None:
        """A lead took the order over to this bench: it opens, ``note`` said with it."""
        self._generation += 1
        self.loading_ref = ref
        self.bench.set_mode(Mode.LOADING)
        self._open(self._generation, ref, order, note)

    def _open(self, generation: int, ref: str, order: Order, note: str = "") -> None:
        if generation != self._generation:
            # Esc while it was claimed: the bench no longer waits for it; let it go.
            if self.bench.port.warehouse is not None:
                self.bench.port.warehouse.claims.release(order.order_id)
            return

        def not_opened(exc: BaseException) -> None:
            # Scans wait while an order loads: never leave the bench stuck loading.
            if generation == self._generation:
                self._back_from_loading()
                self.bench.edits.storage_failed(exc)

        self.bench.port.open_order(
            ref, order, lambda opened: self._opened(generation, ref, opened, note), not_opened
        )

    def _opened(self, generation: int, ref: str, opened: OrderOpened, note: str = "") -> None:
        bench = self.bench
        if generation != self._generation:
            return
        try:
            session = self.new_session(opened.order, CatalogMatcher(opened.entries))
        except Exception as exc:
            self._failed(generation, ref, exc)
            return
        # Scans held while it loaded are handled after the order says it is open, so a
        # refusal among them is the last thing on screen rather than overwritten.
        bench.hold_scans(True)
        try:
            self.show(ref, session, ShippingInputs())
            said = self._after_shipped(self._opened_message(ref, session))
            if note:  # a claim not checked, a take-over: said with the order
                tone = Tone.WARNING if said.tone is Tone.INFO else said.tone
                said = dataclasses.replace(said, text=f"{said.text} {note}", tone=tone)
            bench.say(said)
            bench.boxes.print_for_open(session)
            bench.focus_items.emit()
            bench.order_loaded.emit(ref)
        finally:
            bench.hold_scans(False)
        self._look_up_upcs(session)

    def _after_shipped(self, said: Feedback, keep: bool = False) -> Feedback:
        """``said``, after the order the countdown was shipping, if there was one."""
        shipped = self.shipped_first
        if not keep:
            self.shipped_first = ""
        return dataclasses.replace(said, text=f"{shipped} {said.text}") if shipped else said

    def _opened_message(self, ref: str, session: PackingSession) -> Feedback:
        """What opening the order says; an order pinned to another location warns first."""
        pinned = location_problem(session.order, self.bench.port.settings.location_id)
        if pinned is not None:
            return Feedback(
                tr(
                    "Order {ref} is for location {order}, not this station's {station}. "
                    "Check with your lead before packing."
                ).format(ref=ref, order=pinned[0], station=pinned[1]),
                Tone.WARNING,
                Sound.ERROR,
            )
        return feedback.order_opened(ref, session)

    def cancel_loading(self) -> None:
        """Esc while a slow server has not answered: stop waiting for it. The scans made
        meanwhile belonged to that order, so they are dropped rather than read as slips."""
        bench = self.bench
        self._generation += 1  # its answer, when it comes, is ignored
        self.shipped_first = ""
        dropped = bench.drop_held()
        self._back_from_loading()
        text = tr("Stopped loading order {ref}.").format(ref=self.loading_ref)
        if dropped:
            text += " " + tr("%n scan(s) dropped.", None, dropped)
        bench.say(feedback.info(text + " " + tr("Scan a packing slip.")))

    def _back_from_loading(self) -> None:
        self.bench.set_mode(Mode.IDLE if self.bench.session is None else Mode.ORDER)

    def _failed(self, generation: int, ref: str, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.shipped_first = ""  # the status bar counts it; the failure is what matters
        bench = self.bench
        self._back_from_loading()
        if isinstance(exc, NotFound) and bench.session is None:
            log.info("no order %s: %s", ref, exc.detail)
            bench.refuse(feedback.no_order_for(ref, order_codes.code_kind(ref)), ref)
            return
        if isinstance(exc, NoClient):
            bench.refuse(feedback.error(feedback.not_set_up(bench.port.settings.store_id)), ref)
            return
        if isinstance(exc, RedoError):
            log.info("loading %s failed: %s", ref, exc.detail)
        else:
            log.error("loading %s failed", ref, exc_info=exc)
        reason = feedback.load_failed(exc).text
        text = tr("Order {ref} could not be loaded: {reason}").format(ref=ref, reason=reason)
        if isinstance(exc, Unauthorized) and not bench.port.demo:
            text += "  " + tr("(Settings: top right)")
        bench.refuse(feedback.error(text), ref)

    def new_session(self, order: Order, matcher: CatalogMatcher | None = None) -> PackingSession:
        """A session on ``order``, counting the boxes this station queued that ``order`` does
        not show yet (still waiting, held, or sent since it was read: the port's snapshot)."""
        if matcher is None:
            current = self.bench.session
            matcher = (
                current.matcher
                if current is not None and isinstance(current.matcher, CatalogMatcher)
                else CatalogMatcher()
            )
        snapshot = self.bench.port.snapshot
        earlier, boxes = snapshot.earlier_marks(order)
        return PackingSession(
            order,
            matcher=matcher,
            in_flight=snapshot.in_flight(order),
            earlier_marks=earlier,
            serial_boxes=boxes,
        )

    def show(self, ref: str, session: PackingSession, inputs: ShippingInputs) -> None:
        self.bench.put_inputs(inputs)
        self.bench.show_session(session, ref)

    def close(self, reason: str) -> None:
        """The order leaves the bench (cleared, switched); the journal forgets it."""
        bench = self.bench
        session = bench.session
        if session is None:
            return
        bench.put_inputs(ShippingInputs())
        bench.show_session(None)
        bench.port.close_order(session.order_id, reason, bench.edits.storage_failed)

    def other_slip(self, code: str) -> None:
        """Another slip scanned while an order is open: opened when nothing is packed."""
        bench = self.bench
        assert bench.session is not None
        if code in (bench.session.order_id, bench.order_ref):
            bench.say(feedback.info(words.already_open(bench.order_ref)))
        elif bench.session.total_packed:
            bench.refuse(feedback.error(words.other_slip(code)), code)
        else:
            bench.shipping.stop_countdown()
            self.close("switched")
            self.load(code)

    def clear(self) -> None:
        """Esc or PS-CLEAR: the order leaves the bench; with items packed, asked first."""
        bench = self.bench
        session = bench.session
        if session is None:
            return
        bench.shipping.stop_countdown()
        if not session.total_packed:
            self.close("cleared")
            bench.say(feedback.info(tr("Order cleared. Scan the next packing slip.")))
            return
        question = Question.yes_no(
            tr("Clear this order?"),
            tr(
                "{items} packed for order {ref}. Clear the order anyway? The box must be unpacked."
            ).format(items=feedback.items(session.total_packed), ref=bench.order_ref),
            tr("Clear the order"),
            tr("Keep packing"),
            default_yes=False,
            parent=bench,
        )

        def cleared() -> None:
            if bench.session is session:
                self.close("cleared")
                bench.say(feedback.info(tr("Order cleared. Scan the next packing slip.")))

        question.answered.connect(lambda _: cleared())
        question.cancelled.connect(
            lambda: bench.say(feedback.info(tr("Not cleared. Keep packing.")))
        )
        bench.ask(question)

    def _look_up_upcs(self, session: PackingSession) -> None:
        order_codes.look_up_upcs(self.bench, session)

    def _catalog_changed(self) -> None:
        """The station's catalog changed: the open order packs by it from the next scan."""
        if self.bench.session is not None:
            order_codes.refresh_catalog(self.bench, self.bench.session)

    # ------------------------------------------------------------------ restore, reconcile

    def restore(self, then: Callable[[], None]) -> None:
        """At start: the order that was on the bench, exactly as the journal has it."""
        bench = self.bench

        def restored(found: Restored | None) -> None:
            try:
                if found is not None:
                    self._show_restored(found)
            finally:
                then()

        def failed(exc: BaseException) -> None:
            bench.edits.storage_failed(exc)
            then()

        bench.port.restore(restored, failed)

    def _show_restored(self, found: Restored) -> None:
        bench, saved = self.bench, found.saved
        session = self.new_session(saved.order, CatalogMatcher(found.entries))
        session.restore(saved.packed, marks=saved.marks)
        bench.boxes.reset(bench.port.snapshot.boxes(since=saved.opened_at))
        self.show(saved.order_ref, session, saved.shipping)
        bench.say(
            Feedback(
                tr("Restored order {ref} as it was: {items} packed. Checking it with Redo…").format(
                    ref=saved.order_ref, items=feedback.items(session.total_packed)
                ),
                Tone.WARNING,
            )
        )
        self._check_when_ready = True
        bench.warehouse.claim_restored(saved.order_ref, saved.order)
        self.client_ready()  # the client may have settled while the journal was read

    def client_ready(self) -> None:
        if (
            self._check_when_ready
            and self.bench.port.configured
            and not self.bench.port.client_pending
        ):
            self._check_when_ready = False
            self.reload()

    def reload(self, quiet: bool = False) -> None:
        """F5: fetch the order again and reconcile what is packed with it; the station's
        catalog is read again too (an import made meanwhile counts from the next scan).

        ``quiet`` keeps the message as it is unless something changed.
        """
        bench = self.bench
        session = bench.session
        if session is None or not bench.port.configured:
            return
        order_id = session.order_id
        if not quiet:
            bench.say(Feedback(tr("Reloading order {ref}…").format(ref=bench.order_ref), Tone.BUSY))
            order_codes.refresh_catalog(bench, session)
        bench.port.fetch_order(
            order_id,
            lambda fresh: self._reconcile(fresh, quiet),
            lambda exc: bench.refuse(feedback.load_failed(exc), order_id),
        )

    def _reconcile(self, fresh: Order, quiet: bool) -> None:
        """Rebuild the session on a fresher order, keeping what still fits; say what changed."""
        bench = self.bench
        old = bench.session
        if old is None or fresh.order_id != old.order_id:
            return
        session = self.new_session(fresh)
        session.restore(old.packed_by_line(), marks=old.marks_by_line())
        changes = feedback.order_changes(old, session)
        ref = bench.order_ref

        def shown(_: object) -> None:
            if bench.session is not old:
                return
            before = bench.showing
            self.show(ref, session, bench.inputs)
            if changes:
                bench.say(
                    Feedback(
                        tr("Order {ref} changed in Redo: {changes}.").format(
                            ref=ref, changes="; ".join(changes[:4])
                        ),
                        Tone.WARNING,
                        Sound.ERROR,
                    )
                )
            elif quiet:
                bench.say(before)
            else:
                bench.say(feedback.info(tr("Order {ref} is up to date.").format(ref=ref)))

        bench.port.reconcile(
            fresh, bench.edits.state_of(session), shown, bench.edits.storage_failed
        )
