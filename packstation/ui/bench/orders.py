"""Orders onto the bench and off it: load, restore after a restart, reconcile with Redo.

Part of the bench controller (``controller.py``), kept apart because it is the part
that talks to Redo and the journal about whole orders rather than single scans.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from packstation.packing import PackingSession
from packstation.packing.barcodes import gtin14
from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from packstation.packing.checks import location_problem
from packstation.packing.tracking import candidates
from packstation.redo.errors import NotFound, RedoError, Unauthorized
from packstation.redo.models import Order
from packstation.store import OutboxState, ShippingInputs
from packstation.ui.bench.mode import Mode
from packstation.ui.bench.questions import Question
from packstation.ui.station.sounds import Sound
from packstation.ui.words import feedback
from packstation.ui.words.feedback import Feedback, Tone
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.ui.bench.controller import BenchController

log = logging.getLogger("packstation.bench")


def code_kind(code: str) -> str:
    """What a code that is no order looks like: "item", "label" or "" (for the message only)."""
    try:
        if gtin14(code):
            return "item"
        if candidates(code):
            return "label"
    except Exception:
        log.warning("could not tell what %r is", code[:80], exc_info=True)
    return ""


class OrderFlow:
    def __init__(self, bench: BenchController) -> None:
        self.bench = bench
        self.loading_ref = ""
        self._generation = 0
        #: An order restored at start waits for the client before it is checked.
        self._check_when_ready = False

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
        client = bench.runtime.client
        if client is None:
            bench.refuse(
                feedback.error(
                    tr("PackStation is not set up yet: open Settings to enter the store and token.")
                ),
                ref,
            )
            return
        self._generation += 1
        generation = self._generation
        self.loading_ref = ref
        bench.set_mode(Mode.LOADING)
        bench.say(feedback.loading(ref))
        catalog = bench.services.store.catalog
        launch = bench.services.launch
        # A slip scanned at launch may have gone to Redo before the bench was built.
        ahead = launch.take_order(ref, client) if launch is not None else None

        def fetch() -> tuple[Order, list[CatalogEntry]]:
            order = ahead.result() if ahead is not None else client.get_order(ref)
            return order, catalog.entries()

        bench.runtime.reads.submit(
            fetch,
            lambda loaded: self._loaded(generation, ref, *loaded),
            lambda exc: self._failed(generation, ref, exc),
        )

    def _opened_message(self, ref: str, session: PackingSession) -> Feedback:
        """What opening the order says; an order pinned to another location warns first."""
        pinned = location_problem(session.order, self.bench.services.settings.location_id)
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
        dropped = bench.drop_held()
        self._back_from_loading()
        text = tr("Stopped loading order {ref}.").format(ref=self.loading_ref)
        if dropped:
            text += " " + tr("%n scan(s) dropped.", None, dropped)
        bench.say(feedback.info(text + " " + tr("Scan a packing slip.")))

    def _back_from_loading(self) -> None:
        self.bench.set_mode(Mode.IDLE if self.bench.session is None else Mode.ORDER)

    def _loaded(self, generation: int, ref: str, order: Order, entries: list[CatalogEntry]) -> None:
        if generation != self._generation:
            return
        bench = self.bench
        try:
            session = self.new_session(order, CatalogMatcher(entries))
        except Exception as exc:
            self._failed(generation, ref, exc)
            return
        store = bench.services.store

        def opened(_: object) -> None:
            self.show(ref, session, ShippingInputs())
            bench.say(self._opened_message(ref, session))
            bench.boxes.print_for_open(session)
            bench.focus_items.emit()
            bench.order_loaded.emit(ref)
            self._look_up_upcs(session)

        def not_opened(exc: BaseException) -> None:
            # Scans wait while an order loads: never leave the bench stuck loading.
            self._back_from_loading()
            bench.edits.storage_failed(exc)

        bench.runtime.writes.submit(lambda: store.journal.open(ref, order), opened, not_opened)

    def _failed(self, generation: int, ref: str, exc: BaseException) -> None:
        if generation != self._generation:
            return
        bench = self.bench
        self._back_from_loading()
        if isinstance(exc, NotFound) and bench.session is None:
            log.info("no order %s: %s", ref, exc.detail)
            bench.refuse(feedback.no_order_for(ref, code_kind(ref)), ref)
            return
        if isinstance(exc, RedoError):
            log.info("loading %s failed: %s", ref, exc.detail)
        else:
            log.error("loading %s failed", ref, exc_info=exc)
        message = feedback.load_failed(exc)
        if isinstance(exc, Unauthorized) and not bench.services.demo:
            message = feedback.error(message.text + "  " + tr("(Settings: top right)"))
        bench.refuse(message, ref)

    def new_session(self, order: Order, matcher: CatalogMatcher | None = None) -> PackingSession:
        """A session on ``order``, counting boxes this station queued but ``order`` does not
        show: still waiting, held, or sent since ``order`` was read (a journal's copy)."""
        in_flight: dict[str, int] = {}
        outbox = self.bench.services.store.outbox
        states = (OutboxState.PENDING, OutboxState.ATTENTION, OutboxState.DELIVERED)
        for item in outbox.items(*states, order_id=order.order_id):
            if (
                item.order_id == order.order_id
                and order.find_fulfillment(item.fulfillment_id) is None
            ):
                for line in item.request.line_items:
                    in_flight[line.id] = in_flight.get(line.id, 0) + line.quantity
        if matcher is None:
            current = self.bench.session
            matcher = (
                current.matcher
                if current is not None and isinstance(current.matcher, CatalogMatcher)
                else CatalogMatcher()
            )
        return PackingSession(order, matcher=matcher, in_flight=in_flight)

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
        store = bench.services.store
        bench.runtime.writes.submit(
            lambda: store.journal.close(session.order_id, reason),
            lambda _: None,
            bench.edits.storage_failed,
        )

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
        """Learn the order's product codes from Redo in the background; scans never wait.

        A constant number of requests whatever the order's size (``store/upc_lookup.py``:
        the inventory list page by page, then a few details), none once the station's
        cache knows the SKUs. Without the inventory scope (or the network) this quietly
        stops: the local catalog and SKUs still work.
        """
        from packstation.store.upc_lookup import UpcLookup, learn_upcs

        client = self.bench.runtime.client
        if client is None:
            return
        catalog = self.bench.services.store.catalog
        skus = [line.sku for line in session.order.line_items if line.sku]

        def learned(result: UpcLookup) -> None:
            if isinstance(session.matcher, CatalogMatcher):
                for entry in result.learned:
                    session.matcher.add(entry)
            log.info(
                "learned %d product codes for order %s in %d requests (%d SKUs left)",
                len(result.learned),
                session.order_id,
                result.requests,
                result.left,
            )

        self.bench.runtime.reads.submit(
            lambda: learn_upcs(client, catalog, skus),
            learned,
            lambda exc: log.info("UPC look-up failed: %s", exc),
        )

    # ------------------------------------------------------------------ restore, reconcile

    def restore(self) -> None:
        """At start: the order that was on the bench, exactly as the journal has it."""
        bench = self.bench
        saved = bench.services.store.journal.load()
        if saved is None:
            bench.say(bench.hint())
            return
        matcher = CatalogMatcher()
        session = self.new_session(saved.order, matcher)
        session.restore(saved.packed, marks=saved.marks)
        catalog = bench.services.store.catalog

        def known(entries: list[CatalogEntry]) -> None:
            for entry in entries:
                matcher.add(entry)

        bench.runtime.reads.submit(
            catalog.entries, known, lambda exc: log.warning("catalog not read: %s", exc)
        )
        bench.boxes.reset(bench.boxes.restored(saved.order.order_id, saved.opened_at))
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

    def client_ready(self) -> None:
        if self._check_when_ready and self.bench.runtime.client is not None:
            self._check_when_ready = False
            self.reload()

    def reload(self, quiet: bool = False) -> None:
        """F5: fetch the order again and reconcile what is packed with it.

        ``quiet`` keeps the message as it is unless something changed.
        """
        bench = self.bench
        client = bench.runtime.client
        if bench.session is None or client is None:
            return
        order_id = bench.session.order_id
        if not quiet:
            bench.say(Feedback(tr("Reloading order {ref}…").format(ref=bench.order_ref), Tone.BUSY))
        bench.runtime.reads.submit(
            lambda: client.get_order(order_id),
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
        session.restore(old.packed_by_line())
        changes = feedback.order_changes(old, session)
        inputs, ref, store = bench.inputs, bench.order_ref, bench.services.store

        def persist() -> None:
            store.journal.replace_order(fresh)
            store.journal.save(fresh.order_id, session.packed_by_line(), inputs, "reconcile")

        def shown(_: object) -> None:
            if bench.session is not old:
                return
            before = bench.showing
            self.show(ref, session, inputs)
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

        bench.runtime.writes.submit(persist, shown, bench.edits.storage_failed)
