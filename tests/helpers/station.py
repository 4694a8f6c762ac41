"""The station port without threads or HTTP: every bench rule, tested without a window.

As Picard tests its file saves with a ``FakeThreadPool``, the port here runs on a
synchronous runner: each verb's work runs at once, on the calling thread, and its
completion is called before the verb returns. Redo is an in-memory object over the
sandbox's own demo state (no server, no socket); the station database is a real one in
a temporary folder, so what the bench journals and queues is what a bench would. The
outbox sender is driven by hand (:meth:`FakeStation.send_all`), so a test decides when
Redo hears of a box.

Redo's reads (``network``) and the store's writes (``runner``) run on two synchronous
runners, as the runtime keeps them on two threads. ``network.hold()`` is a slow server:
Redo's answers wait, on this thread, until ``network.release()``; meanwhile the bench
goes on, as it does while a real request is in flight. The sandbox's faults a bench
meets (a revoked token, a rate limit) are raised as the real client raises them, by the
client's own mapping of the sandbox's answer (``redo/answers.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject

from packstation.config import Settings
from packstation.redo.answers import Reply, status_error
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
from packstation.ui.station.warehouse_door import WarehouseDoor
from tests.helpers.fakes import RecordingSound

T = TypeVar("T")
_Job = tuple[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]]


class SyncRunner:
    """Runs each job now, on this thread; the completion is called before ``submit``
    returns. A failing completion fails the test (the real runner logs it instead).

    ``hold()`` keeps the jobs submitted from then on (a slow server: nothing has answered
    yet); ``release()`` runs them in the order they came, still on this thread, and runs
    later ones at once again."""

    def __init__(self) -> None:
        self.jobs = 0
        #: Each job's ``after_turn``, in order: what the real runner would hold for the
        #: GUI thread's turn.
        self.after_turn: list[bool] = []
        self._held: list[_Job] | None = None

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        *,
        after_turn: bool = False,  # recorded; a synchronous runner has no loop to wait for
    ) -> None:
        self.jobs += 1
        self.after_turn.append(after_turn)
        if self._held is not None:
            self._held.append((fn, on_done, on_error))
            return
        self._run(fn, on_done, on_error)

    @staticmethod
    def _run(
        fn: Callable[[], T], on_done: Callable[[T], None], on_error: Callable[[BaseException], None]
    ) -> None:
        try:
            result = fn()
        except Exception as exc:
            on_error(exc)
            return
        on_done(result)

    @property
    def waiting(self) -> int:
        """Jobs held and not answered yet."""
        return len(self._held or [])

    def hold(self) -> None:
        if self._held is None:
            self._held = []

    def release(self) -> None:
        held, self._held = self._held or [], None
        for job in held:
            self._run(*job)


class FakeRedo:
    """Redo's Orders API as the bench uses it, in memory, over the sandbox's demo state.

    ``revoked`` and ``rate_limit`` (with ``retry_after``) are the sandbox's faults of the
    same names: every call is refused as the token's, or the next ``rate_limit`` calls
    are answered 429, and the error is the one the real client makes of that answer."""

    def __init__(self, state: SandboxState | None = None, *, inventory: bool = True) -> None:
        self.state = state or SandboxState.demo()
        self.inventory = inventory
        self.calls: list[tuple[str, str]] = []
        self.closed = False
        self.revoked = False
        self.rate_limit = 0
        self.retry_after = 5

    def _answer_faults(self, method: str, path: str) -> None:
        """The sandbox's answer to a faulty call, as the client reads it (``status_error``)."""
        if self.revoked:
            body: dict[str, object] = {"error": "Invalid or missing API token"}
            reply = Reply(401, "application/json", json.dumps(body).encode(), {})
        elif self.rate_limit > 0:
            self.rate_limit -= 1
            body = {
                "type": "about:blank",
                "title": "Too Many Requests",
                "detail": "Rate limit exceeded; retry later.",
                "status": 429,
            }
            reply = Reply(
                429,
                "application/problem+json",
                json.dumps(body).encode(),
                {"Retry-After": str(self.retry_after)},
            )
        else:
            return
        raise status_error(
            reply,
            missing=Problem(ProblemKind.NOT_FOUND),
            request=f"{method} {path}",
            host="sandbox.fake",
            write=method != "GET",
            redact=lambda text: text,
        )

    def prepare(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def get_order(self, ref: str) -> Order:
        self.calls.append(("get_order", ref))
        self._answer_faults("GET", f"/orders/{ref}")
        try:
            return Order.model_validate(self.state.get_order(ref))
        except SandboxError as exc:
            raise NotFound(
                Problem(ProblemKind.NOT_FOUND, subject=Subject.ORDER, reference=ref)
            ) from exc

    def create_fulfillment(self, order_id: str, request: CreateFulfillmentRequest) -> Fulfillment:
        self.calls.append(("create_fulfillment", order_id))
        self._answer_faults("POST", f"/orders/{order_id}/fulfillments")
        try:
            return Fulfillment.model_validate(self.state.create_fulfillment(order_id, request))
        except SandboxError as exc:
            raise Rejected(Problem(ProblemKind.REFUSED, said=exc.message)) from exc

    def update_fulfillment_status(
        self, order_id: str, fulfillment_id: str, request: UpdateFulfillmentStatusRequest
    ) -> Fulfillment:
        self.calls.append(("update_status", fulfillment_id))
        self._answer_faults("POST", f"/orders/{order_id}/fulfillments/{fulfillment_id}")
        return Fulfillment.model_validate(
            self.state.update_status(order_id, fulfillment_id, request)
        )

    def find_inventory_levels(self, sku: str) -> list[InventoryLevel]:
        self.calls.append(("find_inventory_levels", sku))
        self._answer_faults("GET", "/inventory-levels")
        if not self.inventory:
            raise Forbidden(ProblemKind.SCOPE_MISSING)
        return [InventoryLevel.model_validate(level) for level in self.state.inventory_levels(sku)]

    def _store_path(self, *segments: str) -> str:
        return "/stores/demo-store/" + "/".join(segments)

    def _call(self, method: str, path: str, **_: object) -> None:
        # The inventory list's pages (``redo/inventory.py``, for the UPC look-up) are read
        # through the client's own request: this fake has none. It answers as Redo does
        # without the inventory scope, so the look-up stops where it stops against Redo.
        self.calls.append(("call", f"{method} {path}"))
        self._answer_faults(method, path)
        raise Forbidden(ProblemKind.SCOPE_MISSING)

    def __getattr__(self, name: str) -> Any:
        # Anything else the bench asks is a scope this fake does not grant: the look-up
        # stops quietly, as it does against Redo.
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
    """The real port on synchronous runners, an in-memory Redo and a temporary database."""

    def __init__(
        self,
        folder: Path,
        *,
        settings: Settings | None = None,
        redo: FakeRedo | None = None,
        configured: bool = True,
        demo: bool = False,
        notices: list[str] | None = None,
        warehouse_url: str = "",
    ) -> None:
        #: The store's writes (and the dialogs' queries), in order, as on the store thread.
        self.runner = SyncRunner()
        #: Redo's reads, as on the reads' threads: ``network.hold()`` is a slow server.
        self.network = SyncRunner()
        self.store = StationStore(folder / "station.sqlite3")
        self.redo = redo or FakeRedo()
        self.sounds = RecordingSound()
        self.printer = FakePrinter()
        self._settings_now = settings or Settings(station_name="Bench 1")
        super().__init__(
            self.store,
            reads=self.network,
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
        #: The warehouse's calls, as on its worker (``warehouse.hold()``: a slow server).
        self.warehouse_calls = SyncRunner()
        if warehouse_url:
            self.use_warehouse(self._join(warehouse_url))

    def _join(self, url: str) -> WarehouseDoor:
        """The real warehouse door, on a synchronous runner, to a real PostgreSQL."""
        from packstation.ui.station.warehouse_door import WarehouseDoor
        from packstation.warehouse.address import WarehouseAddress
        from packstation.warehouse.connect import no_password

        settings = self._settings_now
        self.store.warehouse.join(settings.station_name)
        return WarehouseDoor(
            WarehouseAddress.parse(url),
            settings.station_name,
            lease=settings.warehouse_lease,
            local=self.store.warehouse,
            writes=self.runner,
            runner=self.warehouse_calls,
            password=no_password,
        )

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
        """As the runtime hears the sender (``StationRuntime._on_sender_event``)."""
        from packstation.store import Connectivity, Delivered, NeedsAttention, WillRetry

        if isinstance(event, Connectivity):
            self.online = event.online
            self.connectivity.emit(event.online)
            return
        self.refresh()
        if isinstance(event, Delivered):
            self.delivered.emit(event)
        elif isinstance(event, NeedsAttention):
            self.needs_attention.emit(event)
        elif isinstance(event, WillRetry):
            self.will_retry.emit(event)

    def close(self) -> None:
        if self.warehouse is not None:
            self.warehouse.shutdown()  # its claims released, its connections closed
        self.store.close()


#: A started bench controller and the fake station it talks to.
Bench = tuple[BenchController, FakeStation]


def fake_bench(
    folder: Path, parent: QObject | None = None, **station: Any
) -> tuple[BenchController, FakeStation]:
    """A started bench controller on a fake station: no window, no thread, no HTTP (a
    warehouse, when ``warehouse_url`` names one, is a real PostgreSQL)."""
    port = FakeStation(folder, **station)
    bench = BenchController(port, parent)
    bench.start()
    if port.warehouse is not None:
        port.warehouse.start()
    return bench, port


def scan(bench: BenchController, *codes: str) -> None:
    """Each code as the scanner hands it to the bench; every completion has run after."""
    for code in codes:
        bench.handle_scan(code)


def packed(bench: BenchController) -> list[int]:
    """How many of each line are in the box on the bench."""
    assert bench.session is not None
    return [line.packed for line in bench.session.lines()]


def fulfillments(redo: FakeRedo, order_id: str) -> list[dict[str, Any]]:
    """The fulfillments of ``order_id`` that a bench created (Redo's own are left out)."""
    return [
        f
        for oid, f in redo.state.all_fulfillments()
        if oid == order_id and str(f["id"]).startswith("ps-")
    ]
