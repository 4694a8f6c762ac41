"""What the window probe does to the window: scans, a burst, a shipment, a drain."""

from __future__ import annotations

import copy
import itertools
import json
import time
from typing import Any

from PySide6.QtCore import QTimer

from benchmarks.harness import PaintWatch, Station, Typist, idle, post_code, wait_until
from packstation.redo.models import CreateFulfillmentRequest, FulfillmentLineRequest
from packstation.resources import resource_path
from packstation.store.db import transaction
from packstation.store.outbox import ShipmentSummary

#: The order the drain's boxes are for (a line of quantity 500), never the open one.
DRAIN_ORDER = ("5801006", "#1006", "li_1006_001")


def extra_orders() -> list[dict[str, Any]]:
    """A 10-line order for the benchmarks only: the first 10 lines of #1005."""
    data = json.loads(resource_path("sandbox", "orders.json").read_text("utf-8"))
    source = next(o for o in data["orders"] if o["name"] == "#1005")
    order = copy.deepcopy(source["order"])
    order["orderId"] = "5809010"
    order["lineItems"] = order["lineItems"][:10]
    for number, line in enumerate(order["lineItems"], 1):
        line["id"] = f"li_9010_{number:03d}"
    return [{"name": "#9010", "internalId": "9010" * 6, "order": order}]


def codes(st: Station, ref: str) -> list[str]:
    """One SKU per line, spread over the order (first, last, then evenly between)."""
    session = st.window.controller.session
    assert session is not None
    skus = [line.item.sku or "" for line in session.lines() if line.packable and line.item.sku]
    step = max(1, len(skus) // 37)
    spread = [skus[0], skus[-1], *skus[1:-1:step]]
    return list(dict.fromkeys(spread)) * 3


def scan_once(st: Station, code: str) -> float:
    """Seconds from a scan's keys posted to its row and the banner repainted."""
    window = st.window
    watch = PaintWatch(window.order_page.table.viewport(), window.banner)
    handled: list[str] = []
    window.controller.scan_handled.connect(handled.append)
    packed: list[int] = []
    window.controller.row_scanned.connect(packed.append)
    start = time.perf_counter()
    post_code(code)
    wait_until(lambda: bool(handled) and bool(packed) and watch.all_painted_after(start), 5)
    window.controller.scan_handled.disconnect(handled.append)
    window.controller.row_scanned.disconnect(packed.append)
    watch.deleteLater()
    idle(st)
    return watch.latest() - start


def ship(st: Station) -> None:
    """Ship what is packed (dummy tracking), and wait until Redo has the box."""
    window = st.window
    posts = sum(1 for method, _ in st.requests if method == "POST")
    window.order_page.shipping.dummy_toggle.setChecked(True)
    window.controller.shipping.ship(partial_ok=True)
    wait_until(lambda: sum(1 for m, _ in st.requests if m == "POST") > posts, 20)
    wait_until(lambda: window.services.store.outbox.counts().pending == 0, 20)
    idle(st)


def drain(st: Station, ref: str, boxes: int) -> float:
    """With ``ref`` open again: queue ``boxes`` boxes for another order while the sender
    has no client, let it send them all, and return the GUI thread's longest gap."""
    window, runtime = st.window, st.window.runtime
    st.load(ref)
    idle(st)
    client = runtime.client
    runtime.outbox_sender.set_client(None)
    store = st.services.store
    order_id, order_ref, line_id = DRAIN_ORDER
    request = CreateFulfillmentRequest(
        line_items=[FulfillmentLineRequest(id=line_id, quantity=1)], use_dummy_tracking=True
    )
    summary = ShipmentSummary(order_ref, 1, "", "", True, "", (("Carabiner", 1),), True)
    with transaction(store._conn, store._lock):
        for number in range(boxes):
            store.outbox.add(f"bench-drain-{number:04d}", order_id, request, summary, "bench")
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    heartbeat.start()
    delivered: list[object] = []
    runtime.port.delivered.connect(delivered.append)
    runtime.outbox_sender.set_client(client)
    # Counted from the sender's events: polling the outbox here would load the GUI thread.
    wait_until(lambda: len(delivered) >= boxes, 120)
    runtime.port.delivered.disconnect(delivered.append)
    wait_until(lambda: len(beats) > 2 and time.perf_counter() - beats[-1] < 0.5, 5)
    end = time.perf_counter() + 0.3
    wait_until(lambda: time.perf_counter() > end, 5)
    heartbeat.stop()
    assert window.controller.session is not None
    return max(b - a for a, b in itertools.pairwise(beats))


def burst(st: Station, ref: str, count: int) -> dict[str, Any]:
    """``count`` scans typed back to back at 1 ms a key, from another thread, as a
    scanner types whatever the GUI thread is doing."""
    window = st.window
    window.controller.orders.close("bench")
    wait_until(lambda: window.controller.session is None)
    st.load(ref)
    idle(st)
    session = window.controller.session
    assert session is not None
    skus = [line.item.sku or "" for line in session.lines() if line.item.sku]
    typed = list(itertools.islice(itertools.cycle(skus), count))
    scanned: list[str] = []
    unreadable: list[str] = []
    handled: list[float] = []
    window.scanner.scanned.connect(scanned.append)
    refusals = getattr(window.scanner, "unreadable", None)  # older checkouts lack it
    if refusals is not None:
        refusals.connect(unreadable.append)
    window.controller.scan_handled.connect(lambda _: handled.append(time.perf_counter()))
    target = window.focusWidget() or window
    typist = Typist(target, typed, 0.001)
    start = time.perf_counter()
    typist.start()
    wait_until(lambda: not typist.is_alive(), 600)
    # Whatever was typed has arrived once nothing new has come for a second.
    seen = [-1, time.perf_counter()]

    def quiet() -> bool:
        now, total = time.perf_counter(), len(scanned) + len(unreadable) + len(handled)
        if total != seen[0]:
            seen[:] = [total, now]
        return len(scanned) + len(unreadable) >= count or now - seen[1] > 1.0

    wait_until(quiet, 120)
    wait_until(lambda: len(handled) >= len(scanned), 30)
    split = sum(1 for code in scanned if code not in skus)
    return {
        "burst_typed": count,
        "burst_kept": sum(1 for code in scanned if code in skus),
        "burst_split": split,
        "burst_refused": len(unreadable),
        "burst_lost": count - len(scanned) - len(unreadable),
        "burst_typing_s": typist.last_key_at - start,
        "burst_last_handled_after_s": max(0.0, handled[-1] - typist.last_key_at)
        if handled
        else None,
    }
