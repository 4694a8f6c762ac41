"""Warehouse mode at the bench: claims on open, take-overs, what the bench says of itself.

Part of the bench controller (``controller.py``). With no warehouse configured every
method here lets the bench work exactly as on its own. With one:

- an order is claimed before it opens; held by another bench, the slip is refused aloud
  (which bench, which packer, since when) and kept for a lead's ``PS-TAKEOVER``;
- the warehouse out of reach, the order opens anyway, and the bench says once per order
  that the claim could not be checked;
- an order taken over or released by a lead is closed here at once: it cannot ship;
- an order opened while the warehouse was away and held elsewhere by the time it came
  back is said (the lead sees the conflict in the Warehouse window);
- who packs what, and the outbox's health, are reported when they change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from packstation.ui.station.warehouse_claims import Unchecked
from packstation.ui.words import warehouse as words
from packstation.ui.words.feedback import Feedback, Tone
from packstation.warehouse.claims import Claimed, HeldElsewhere, Holder
from packstation.warehouse.errors import WarehouseError

if TYPE_CHECKING:
    from packstation.redo.models import Order
    from packstation.ui.bench.controller import BenchController
    from packstation.ui.station.snapshot import Snapshot
    from packstation.ui.station.warehouse_claims import ClaimOutcome


class WarehouseFlow:
    def __init__(self, bench: BenchController) -> None:
        self.bench = bench
        self.door = bench.port.warehouse
        #: The slip refused as held elsewhere: (ref, order, holder), for PS-TAKEOVER.
        self.held: tuple[str, Order, Holder] | None = None
        #: Orders whose unchecked claim was said already (once per order).
        self._said_unchecked: set[str] = set()
        door = self.door
        if door is None:
            return
        door.claim_lost.connect(self._lost)
        door.claim_conflict.connect(self._conflict)
        bench.packer_changed.connect(self.report)
        bench.order_changed.connect(self.report)
        bench.port.snapshot_changed.connect(self._snapshot)

    # ------------------------------------------------------------------ claims

    def claim(self, ref: str, order: Order, opened: Callable[[str], None]) -> bool:
        """Claim ``order`` before it opens: ``opened(note)`` opens it (``note``: a sentence
        to add, when the claim could not be checked). False when the bench has no
        warehouse (the caller opens it at once)."""
        door = self.door
        if door is None:
            return False
        bench = self.bench

        def answered(outcome: ClaimOutcome) -> None:
            if isinstance(outcome, HeldElsewhere):
                self.held = (ref, order, outcome.holder)
                bench.orders.claim_refused(ref, words.held_elsewhere(ref, outcome.holder))
                return
            self.held = None
            opened(self._unchecked_note(order.order_id, outcome))

        door.claims.claim(order.order_id, ref, bench.packer, answered)
        return True

    def claim_restored(self, ref: str, order: Order) -> None:
        """An order restored at start is claimed again (quit released it); held elsewhere
        by now, it is closed here, as a take-over is."""
        door = self.door
        if door is None:
            return

        def answered(outcome: ClaimOutcome) -> None:
            if isinstance(outcome, HeldElsewhere):
                self._close_lost(order.order_id, outcome.holder.bench)
            else:
                note = self._unchecked_note(order.order_id, outcome)
                if note:
                    self.bench.say(Feedback(note, Tone.WARNING))

        door.claims.claim(order.order_id, ref, self.bench.packer, answered)

    def _unchecked_note(self, order_id: str, outcome: ClaimOutcome) -> str:
        if isinstance(outcome, Unchecked) and order_id not in self._said_unchecked:
            self._said_unchecked.add(order_id)
            return words.unchecked(outcome.reason)
        return ""

    def take_over(self) -> None:
        """``PS-TAKEOVER``: a lead moves the refused slip's order to this bench."""
        bench, door, held = self.bench, self.door, self.held
        if door is None or held is None:
            bench.refuse(words.nothing_to_take_over(), "PS-TAKEOVER")
            return
        ref, order, holder = held

        def as_lead(lead: str) -> None:
            def taken(result: Claimed) -> None:
                self.held = None
                bench.orders.open_claimed(
                    ref, order, words.took_over(ref, result.taken_from or holder, lead)
                )

            door.claims.take_over(
                order.order_id,
                ref,
                bench.packer,
                lead,
                taken,
                lambda exc: bench.refuse(
                    Feedback(words.unchecked(_reason(exc)), Tone.ERROR), "PS-TAKEOVER"
                ),
            )

        bench.identity.as_lead(words.takeover_action(), as_lead)

    def _lost(self, order_id: str, bench_now: str) -> None:
        self._close_lost(order_id, bench_now)

    def _close_lost(self, order_id: str, bench_now: str) -> None:
        bench = self.bench
        session = bench.session
        if session is None or session.order_id != order_id:
            return
        ref = bench.order_ref
        bench.shipping.stop_countdown()
        bench.orders.close("taken over")
        bench.say(words.taken_over(ref, bench_now))

    def _conflict(self, holder: Holder) -> None:
        bench = self.bench
        if bench.session is not None and bench.session.order_id == holder.order_id:
            bench.say(words.conflict(bench.order_ref, holder))

    # ------------------------------------------------------------------ the bench's state

    def report(self) -> None:
        door = self.door
        if door is None:
            return
        counts = self.bench.port.snapshot.counts
        door.report(
            packer=self.bench.packer,
            order_ref=self.bench.order_ref if self.bench.session is not None else "",
            waiting=counts.pending,
            failed=counts.attention,
        )

    def _snapshot(self, _: Snapshot) -> None:
        self.report()

    def label_used(self, number: str, order_id: str) -> tuple[str, str] | None:
        """(order ref, bench) when another bench shipped ``number`` for another order."""
        door = self.door
        return None if door is None else door.label_used(number, order_id)

    @property
    def leads(self) -> frozenset[str]:
        door = self.door
        return frozenset() if door is None else door.leads


def _reason(exc: BaseException) -> WarehouseError:
    return exc if isinstance(exc, WarehouseError) else WarehouseError(str(exc))
