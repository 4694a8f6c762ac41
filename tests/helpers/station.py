"""The station port without threads or HTTP: every bench rule, tested without a window.

As Picard tests its file saves with a ``FakeThreadPool``, the port here runs on a
synchronous runner: each verb's work runs at once, on the calling thread, and its
completion is called before the verb returns. Redo is an in-memory object over the
sandbox's own demo state (no server, no socket); the station database is a real one in
a temporary folder, so what the bench journals and queues is what a bench would. The
outbox sender is driven by hand (:meth:`FakeStation.send_all`), so a test decides when
Redo hears of a box.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject

from packstation.config import Settings
from packstation.redo.errors import (
    Forbidden,
    NotFound,
    Problem,
    ProblemKind,
    Rejected,
    Subject,
)
from packstation.redo.models import (
    CreateFulfillmentRequest,
    Fulfillment,
    InventoryLevel,
    Order,
    UpdateFulfillmentStatusRequest,
)
from packstation.sandbox import SandboxState
from packstation.sandbox.state import SandboxError
from packstation.store import SenderEvent
from packstation.store.sender import Sender
from packstation.store.station import StationStore
from packstation.ui.bench.controller import BenchController
from packstation.ui.printing.slips import Slip
from packstation.ui.station.port import StationPort
from tests.helpers.fakes import RecordingSound

T = TypeVar("T")


class SyncRunner:
    """Runs each job now, on this thread; the completion is called before ``submit``
    returns. A failing completion fails the test (the real runner logs it instead)."""

    def __init__(self) -> None:
        self.jobs = 0

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.jobs += 1
        try:
            result = fn()
        except Exception as exc:
            on_error(exc)
            return
        on_done(result)


class FakeRedo:
    """Redo's Orders API as the bench uses it, in memory, over the sandbox's demo state."""

    def __init__(self, state: SandboxState | None = None, *, inventory: bool = True) -> None:
        self.state = state or SandboxState.demo()
        self.inventory = inventory
        self.calls: list[tuple[str, str]] = []
        self.closed = False

    def prepare(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def get_order(self, ref: str) -> Order:
        self.calls.append(("get_order", ref))
        try:
            return Order.model_validate(self.state.get_order(ref))
        except SandboxError as exc:
            raise NotFound(
                Problem(ProblemKind.NOT_FOUND, subject=Subject.ORDER, reference=ref)
            ) from exc

    def create_fulfillment(self, order_id: str, request: CreateFulfillmentRequest) -> Fulfillment:
        self.calls.append(("create_fulfillment", order_id))
        try:
            return Fulfillment.model_validate(self.state.create_fulfillment(order_id, request))
        except SandboxError as exc:
            raise Rejected(Problem(ProblemKind.REFUSED, said=exc.message)) from exc

    def update_fulfillment_status(
        self, order_id: str, fulfillment_id: str, request: UpdateFulfillmentStatusRequest
    ) -> Fulfillment:
        self.calls.append(("update_status", fulfillment_id))
        return Fulfillment.model_validate(
            self.state.update_status(order_id, fulfillment_id, request)
        )

    def find_inventory_levels(self, sku: str) -> list[InventoryLevel]:
        self.calls.append(("find_inventory_levels", sku))
        if not self.inventory:
            raise Forbidden(ProblemKind.SCOPE_MISSING)
        return [InventoryLevel.model_validate(level) for level in self.state.inventory_levels(sku)]

    def __getattr__(self, name: str) -> Any:
        # Anything else the bench asks (the inventory pages of the UPC look-up) is a scope
        # this fake does not grant: the look-up stops quietly, as it does against Redo.
        if name.startswith("_"):
            raise AttributeError(name)

        def refused(*_: object, **__: object) -> None:
            raise Forbidden(ProblemKind.SCOPE_MISSING)

        return refused


class FakePrinter:
    """Takes slips as a printer would; ``fail`` makes the next ones fail with it."""

    def __init__(self) -> None:
        self.printed: list[Slip] = []
        self.fail: BaseException | None = None
        self.enabled = True

    def __call__(
        self,
        slip: Slip,
        on_done: Callable[[str], None],
        on_failed: Callable[[BaseException], None],
    ) -> bool:
        if not self.enabled:
            return False
        if self.fail is not None:
            on_failed(self.fail)
        else:
            self.printed.append(slip)
            on_done("FakePrinter")
        return True


class FakeStation(StationPort):
    """The real port on a synchronous runner, an in-memory Redo and a temporary database."""

    def __init__(
        self,
        folder: Path,
        *,
        settings: Settings | None = None,
        redo: FakeRedo | None = None,
        configured: bool = True,
        demo: bool = False,
        notices: list[str] | None = None,
    ) -> None:
        self.runner = SyncRunner()
        self.store = StationStore(folder / "station.sqlite3")
        self.redo = redo or FakeRedo()
        self.sounds = RecordingSound()
        self.printer = FakePrinter()
        self._settings_now = settings or Settings(station_name="Bench 1")
        super().__init__(
            self.store,
            reads=self.runner,
            writes=self.runner,
            settings=lambda: self._settings_now,
            sound=self.sounds,
            printer=self.printer,
            demo=demo,
            notices=notices or [],
        )
        self.events: list[SenderEvent] = []
        self._sender = Sender(self.store.outbox, self.events.append)
        if configured:
            self.client = self.redo  # type: ignore[assignment]

    def use_settings(self, settings: Settings) -> None:
        self._settings_now = settings

    def connect_client(self, redo: FakeRedo | None) -> None:
        """The client settles (as the runtime does once the keyring answered)."""
        self.client = redo  # type: ignore[assignment]
        self.client_pending = False
        self.client_changed.emit()

    def send_all(self) -> list[SenderEvent]:
        """Deliver every box that is due, now, as the sender thread would; the bench hears
        of each as it would (and the snapshot follows)."""
        sent: list[SenderEvent] = []
        while (item := self.store.outbox.next_due()) is not None and self.client is not None:
            before = len(self.events)
            self._sender._deliver(self.client, item)
            sent.extend(self.events[before:])
            if len(self.events) == before:
                break
        for event in sent:
            self._announce(event)
        return sent

    def _announce(self, event: SenderEvent) -> None:
        from packstation.store import Delivered, NeedsAttention, WillRetry

        self.refresh()
        if isinstance(event, Delivered):
            self.delivered.emit(event)
        elif isinstance(event, NeedsAttention):
            self.needs_attention.emit(event)
        elif isinstance(event, WillRetry):
            self.will_retry.emit(event)

    def close(self) -> None:
        self.store.close()


def fake_bench(
    folder: Path, parent: QObject | None = None, **station: Any
) -> tuple[BenchController, FakeStation]:
    """A started bench controller on a fake station: no window, no thread, no HTTP."""
    port = FakeStation(folder, **station)
    bench = BenchController(port, parent)
    bench.start()
    return bench, port
