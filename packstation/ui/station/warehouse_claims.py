"""The orders a bench holds in the warehouse: claimed, renewed, released, taken over.

Part of the warehouse door (``warehouse_door.py``): its worker and connection, its signals.
A claim is a lease timed by the server's clock (``warehouse/claims.py``); the door renews
this bench's leases with its heartbeat. A claim the warehouse cannot check (out of reach,
or silent for :data:`CLAIM_WAIT_MS`) lets the order open unchecked: the bench keeps it in
:attr:`BenchClaims.held` and claims it again when the warehouse is back, and another bench
holding it by then is a conflict, recorded for the lead and said at the bench.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from packstation.warehouse import claims
from packstation.warehouse.claims import Claimed, HeldElsewhere
from packstation.warehouse.errors import WarehouseError, WarehouseOffline

if TYPE_CHECKING:
    from packstation.ui.station.port_types import Done, Failed
    from packstation.ui.station.warehouse_door import WarehouseDoor

#: A claim not answered by then (a warehouse that takes connections and says nothing)
#: lets the order open unchecked: the packer never waits on the network for longer.
CLAIM_WAIT_MS = 2000


@dataclass(frozen=True, slots=True)
class Unchecked:
    """The claim could not be checked: the warehouse is out of reach (or refused the
    schema). The bench packs on, and says so once per order."""

    reason: WarehouseError


ClaimOutcome = Claimed | HeldElsewhere | Unchecked


class BenchClaims:
    def __init__(self, door: WarehouseDoor) -> None:
        self.door = door
        #: Orders this bench holds (or packs unchecked): order ID -> slip reference.
        self.held: dict[str, str] = {}

    def claim(self, order_id: str, ref: str, packer: str, done: Done[ClaimOutcome]) -> None:
        """Claim the order for this bench; the outcome, never an error, and within
        :data:`CLAIM_WAIT_MS`: out of reach or silent, the claim is :class:`Unchecked`
        and the bench packs on. An answer that comes later still counts: held elsewhere
        by then, it is a conflict (``claim_conflict``)."""
        door = self.door
        if door.online is False:
            self.held[order_id] = ref
            done(Unchecked(door.problem or WarehouseError("offline")))
            return
        pending = {"open": True}

        def decided(outcome: ClaimOutcome) -> None:
            if pending["open"]:
                pending["open"] = False
                done(outcome)
            elif isinstance(outcome, HeldElsewhere):  # too late: the order opened here
                door.claim_conflict.emit(outcome.holder)

        def answered(result: claims.ClaimResult) -> None:
            if isinstance(result, Claimed):
                self.held[order_id] = ref
            else:
                self.held.pop(order_id, None)
            decided(result)

        def unchecked(exc: BaseException) -> None:
            self.held[order_id] = ref
            decided(Unchecked(exc if isinstance(exc, WarehouseError) else WarehouseError(str(exc))))

        def silent() -> None:
            if pending["open"]:
                self.held[order_id] = ref
                decided(Unchecked(WarehouseOffline("no answer in time")))

        QTimer.singleShot(CLAIM_WAIT_MS, door, silent)
        lease, bench = door.lease, door.bench
        door.call(
            lambda c: claims.claim(c, order_id, ref, bench, packer, lease), answered, unchecked
        )

    def release(self, order_id: str) -> None:
        """The order left this bench (shipped, cleared): another may open it now."""
        door = self.door
        if self.held.pop(order_id, None) is None or not door.online:
            return
        bench = door.bench
        door.call(lambda c: claims.release(c, order_id, bench), lambda _: None)

    def take_over(  # noqa: PLR0917 - as claims.take_over, with its completions
        self, order_id: str, ref: str, packer: str, lead: str, done: Done[Claimed], failed: Failed
    ) -> None:
        """A lead moves the order to this bench (recorded; the other bench is told)."""
        door = self.door
        lease, bench = door.lease, door.bench

        def taken(result: Claimed) -> None:
            self.held[order_id] = ref
            done(result)

        door.call(
            lambda c: claims.take_over(c, order_id, ref, bench, packer, lead, lease), taken, failed
        )

    def lost(self, order_id: str, bench_now: str) -> None:
        """The warehouse says the order is now ``bench_now``'s (a take-over)."""
        if self.held.pop(order_id, None) is not None:
            self.door.claim_lost.emit(order_id, bench_now)

    def claim_again(self, packer: str) -> None:
        """Back online: the orders packed meanwhile are claimed again; one another bench
        holds by now is a conflict (recorded for the lead, said at the bench)."""
        for order_id, ref in list(self.held.items()):
            self.claim(order_id, ref, packer, self._reclaimed(order_id, ref))

    def _reclaimed(self, order_id: str, ref: str) -> Callable[[ClaimOutcome], None]:
        door = self.door

        def answered(outcome: ClaimOutcome) -> None:
            if isinstance(outcome, HeldElsewhere):
                self.held.pop(order_id, None)
                holder, bench = outcome.holder, door.bench
                door.call(
                    lambda c: claims.record_conflict(c, order_id, ref, bench, holder),
                    lambda _: None,
                )
                door.claim_conflict.emit(holder)

        return answered

    def renew(self) -> None:
        for order_id in list(self.held):
            self._renew_one(order_id)

    def _renew_one(self, order_id: str) -> None:
        """Extend the lease; a claim that is no longer this bench's is lost (a lead took
        or released it while this bench was away)."""
        door = self.door
        lease, bench = door.lease, door.bench

        def renewed(result: Claimed | None) -> None:
            if result is None and self.held.pop(order_id, None) is not None:
                door.claim_lost.emit(order_id, "")

        door.call(lambda c: claims.renew(c, order_id, bench, lease), renewed)
