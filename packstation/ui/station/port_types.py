"""The station port's types: its runners, the facts its verbs take and give back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from packstation.store import OutboxItem, ShippingInputs

if TYPE_CHECKING:
    from packstation.packing.catalog import CatalogEntry
    from packstation.packing.marks import UnitMark
    from packstation.redo.models import Order
    from packstation.store import OpenSession
    from packstation.store.returns_outbox import ReturnJob
    from packstation.ui.printing.receipts import Paper

T = TypeVar("T")
Done = Callable[[T], None]
Failed = Callable[[BaseException], None]


class Runner(Protocol):
    """Runs ``fn`` somewhere and calls one of the two completions on the GUI thread;
    ``after_turn``: not before the GUI thread's loop has delivered what is waiting."""

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Failed,
        *,
        after_turn: bool = False,
    ) -> None: ...


class SlipSink(Protocol):
    """Prints a slip or a returns receipt on the print worker; False (and no completion)
    when no printer is set up."""

    def __call__(self, slip: Paper, on_done: Callable[[str], None], on_failed: Failed) -> bool: ...


class NoClient(LookupError):
    """A verb that needs Redo was asked for while the station has no API client."""


@dataclass(frozen=True, slots=True)
class BenchState:
    """What the journal records of the open order after a change: counts, marks, label."""

    packed: dict[str, int]
    inputs: ShippingInputs
    packer: str = ""
    #: Lots, expiry dates and serials by line ID; None keeps those recorded.
    marks: dict[str, tuple[UnitMark, ...]] | None = None


@dataclass(frozen=True, slots=True)
class OrderOpened:
    """An order is on the bench in the journal; the codes the station knows to pack it."""

    order: Order
    entries: list[CatalogEntry]


@dataclass(frozen=True, slots=True)
class Restored:
    """The order left on the bench at the last exit, as the journal holds it."""

    saved: OpenSession
    entries: list[CatalogEntry]


@dataclass(frozen=True, slots=True)
class KnownCode:
    """A code that already names a product: its SKU and its title (the SKU when unknown)."""

    sku: str
    title: str


@dataclass(frozen=True, slots=True)
class ShipmentRecord:
    """A box queued or sent from this station, and how many boxes its order went in."""

    item: OutboxItem
    boxes: int


@dataclass(frozen=True, slots=True)
class Attention:
    """The Needs attention list: held shipments first, then those waiting to be sent."""

    held: tuple[OutboxItem, ...]
    waiting: tuple[OutboxItem, ...]
    #: Received returns Redo did not take (``store/returns_outbox.py``), held for a lead.
    returns: tuple[ReturnJob, ...] = ()
