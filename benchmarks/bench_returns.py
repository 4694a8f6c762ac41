"""Returns mode: a parcel's label scanned to its return painted, with 2,000 open returns.

    uv run python -m benchmarks returns [--quick] [--runs 3] [--count 2000] [--scans 60] [--x11]

The real window (``harness.station``: style sheet, sounds, the runtime) on a sandbox serving
``--count`` open returns generated here by ``sandbox/returns_demo.py``'s own ``_build`` (the
demo's small orders, one to three items, a valid UPS, USPS or FedEx tracker each). The index
is filled by the port's own walk (``port.returns.refresh``). In a fresh process per size and
run (sizes interleaved): (1) that first walk on the empty index: time, list pages, requests,
returns read, the GUI thread's longest gap; (2) slip #9010 (10 lines), Enter to its order
painted (``Station.load``), then cleared: the packing baseline; (3) ``PS-RETURNS``, then
labels spread over the returns, each from its Enter to the returns table's viewport painted
with rows (the return checked to be the label's), then ``PS-CLEAR``; (4) labels the index
does not know, Enter to "no return" painted (a walk of what changed, then the answer).
Baseline in the same run: 20 returns. Benchmarks are not tests: no figure fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from benchmarks.harness import Station

JSON = dict[str, Any]
ROOT = Path(__file__).resolve().parents[1]
#: The demo orders returns_demo.py fills with (a few lines: a page carries each order whole).
ORDERS = tuple(f"#{n}" for n in (1001, 1002, 1003, 1004, *range(1007, 1014)))
#: Statuses a parcel reaching the bench has (all open: ``returns_index.OPEN_STATUSES``).
STATUSES = ("delivered", "in_transit", "delivered", "needs_review")
#: The returns were created over these last days (a store's open returns).
SPAN_DAYS = 60
SLIP = "#9010"
#: A label scan's moments, each from its Enter (``label_scan``).
PHASES = ("routed_s", "asked_s", "read_s", "label_s")
REASONS = tuple(
    {"reason": reason, "reasonCode": code, "customerComment": comment}
    for reason, code, comment in (
        ("Too small", "TOO_SMALL", "Runs a size small."),
        ("Changed my mind", "CHANGED_MIND", "Decided to keep my old one."),
        ("Damaged", "DAMAGED", "Arrived with a scuff on the front."),
    )
)


# --------------------------------------------------------------------------- the returns


def tracker(n: int, shipper: str = "B3NCH1") -> str:
    """A valid tracker of its own for return ``n``: UPS, USPS, FedEx in turn."""
    from packstation.sandbox import returns_demo as demo

    carrier = n % 3
    if carrier == 0:
        return demo.ups_1z(f"{shipper}03{n:07d}")
    if carrier == 1:
        return demo.usps_impb(f"9400111899224{n:08d}")
    return demo.fedex_12(f"{70_000_000_000 + 7_907_377 * n:011d}")


def generate(count: int) -> list[JSON]:
    """``count`` open returns as ``SandboxState`` stores them, newest first."""
    from packstation.resources import resource_path
    from packstation.sandbox import returns_demo as demo
    from packstation.sandbox.state import SandboxState

    state = SandboxState.demo()
    orders = {o["name"]: o for o in state.snapshot()["orders"]}
    by_sku = {p["sku"]: p for p in state.products}
    seed = json.loads(resource_path("sandbox", "returns.json").read_text("utf-8"))
    newest = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=2)
    step = dt.timedelta(days=SPAN_DAYS) / max(1, count)
    built = []
    for n in range(count):
        record = orders[ORDERS[n % len(ORDERS)]]
        lines = [line for line in record["order"]["lineItems"] if line.get("sku")]
        created = newest - step * n
        status = STATUSES[n % len(STATUSES)]
        arrived = created + dt.timedelta(days=1)
        carrier = ("UPS", "USPS", "FedEx")[n % 3]
        items = [  # one to three lines of the order, a unit or two of each
            {
                "id": demo._object_id(f"bench-return-item-{n}-{k}"),
                "line": lines[(n + k) % len(lines)]["id"],
                "quantity": 2 if (n + k) % 5 == 0 else 1,
                **REASONS[(n + k) % len(REASONS)],
            }
            for k in range(min(len(lines), 1 + n % 3))
        ]
        entry = {
            "id": demo._object_id(f"bench-return-{n}"),
            "order": record["name"],
            "status": status,
            "createdAt": demo._iso(created),
            "updatedAt": demo._iso(created if status == "in_transit" else arrived),
            "shipment": {
                "carrier": carrier,
                "tracker": tracker(n),
                "estimatedDeliveryDate": arrived.date().isoformat(),
                **({} if status == "in_transit" else {"deliveredAt": demo._iso(arrived)}),
            },
            "items": items,
        }
        built.append(demo._build(entry, record, by_sku, seed))
    return built


# --------------------------------------------------------------------------- one process


def probe(count: int, scans: int, slips: int, unknown: int) -> JSON:
    """One station with ``count`` returns in the sandbox: the figures of the docstring."""
    from PySide6.QtCore import QEvent, QObject

    from benchmarks import harness, workload

    served = generate(count)
    wanted = [served[round(i * (count - 1) / max(1, scans - 1))] for i in range(scans)]
    with harness.station(extra_orders=workload.extra_orders(), returns=served) as st:
        table = st.window.returns_page.table

        class RowsPainted(QObject):
            """When the returns table's viewport was last painted with rows in it."""

            at = 0.0

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and table.rowCount() > 0:
                    self.at = time.perf_counter()
                return False

        # When each request reached the sandbox (its own thread, in this process).
        arrived: list[tuple[float, str]] = []
        counted = st.sandbox.on_request
        assert counted is not None

        def on_request(method: str, path: str) -> None:
            arrived.append((time.perf_counter(), path))
            counted(method, path)

        st.sandbox.on_request = on_request
        result: JSON = {"count": count, **first_walk(st)}
        result["slip_s"] = []
        for _ in range(slips):
            result["slip_s"].append(st.load(SLIP))
            harness.idle(st)
            st.clear()
            harness.idle(st)
        harness.post_code("PS-RETURNS")
        harness.wait_until(lambda: st.window.controller.returns.active)
        harness.idle(st)
        rows = RowsPainted()
        table.viewport().installEventFilter(rows)
        for ret in (one["return"] for one in wanted):
            for key, value in label_scan(st, ret, lambda: rows.at, arrived).items():
                result.setdefault(key, []).append(value)
        table.viewport().removeEventFilter(rows)
        for n in range(unknown):
            took, requests = unknown_scan(st, tracker(3 * n, shipper="B3NCH9"))
            result.setdefault("unknown_s", []).append(took)
            result.setdefault("unknown_requests", []).append(requests)
    return result


def first_walk(st: Station) -> JSON:
    """``port.returns.refresh`` on the empty index, a 1 ms heartbeat on the GUI thread."""
    from PySide6.QtCore import QTimer

    from benchmarks.harness import idle, wait_until

    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    walked: list[int] = []
    failed: list[BaseException] = []
    mark = len(st.requests)
    heartbeat.start()
    start = time.perf_counter()
    st.window.port.returns.refresh(walked.append, failed.append)
    wait_until(lambda: bool(walked or failed), 600)
    took = time.perf_counter() - start
    heartbeat.stop()
    if failed:
        raise RuntimeError(f"the first walk failed: {failed[0]!r}")
    calls = st.requests[mark:]
    idle(st)
    return {
        "walk_s": took,
        "walk_gap_s": max(b - a for a, b in itertools.pairwise([start, *beats])),
        "walk_pages": sum(1 for _, path in calls if path.endswith("/returns")),
        "walk_requests": len(calls),
        "walk_read": walked[0],
        "indexed_open": st.services.store.returns.count(),
    }


def label_scan(
    st: Station, ret: JSON, painted: Callable[[], float], arrived: list[tuple[float, str]]
) -> JSON:
    """A return's label scanned until its return is painted; checked, then cleared.

    Besides the whole: when the scan was routed (the look-up handed to the station
    database's thread), when Redo was asked (the GET reached the sandbox) and when the
    return reached the page (``returns_changed``), each from the Enter."""
    from benchmarks.harness import idle, post_code, wait_until

    c = st.window.controller
    code = ret["shipment"]["tracker"]
    routed: list[float] = []
    opened: list[float] = []

    def handled(_: str) -> None:
        routed.append(time.perf_counter())

    def changed() -> None:
        if c.returns.on_bench is not None:
            opened.append(time.perf_counter())

    c.scan_handled.connect(handled)
    c.returns_changed.connect(changed)
    mark, asked = len(st.requests), len(arrived)
    start = time.perf_counter()
    post_code(code)
    wait_until(lambda: c.returns.on_bench is not None and painted() > start, 30)
    c.scan_handled.disconnect(handled)
    c.returns_changed.disconnect(changed)
    opened_id = c.returns.on_bench.return_id if c.returns.on_bench else None
    if opened_id != ret["id"]:
        raise RuntimeError(f"{code} opened {opened_id}, not {ret['id']}")
    read_at = next(at for at, path in arrived[asked:] if "/returns/" in path)
    figures: JSON = {
        "label_s": painted() - start,
        "routed_s": routed[0] - start,
        "asked_s": read_at - start,
        "read_s": opened[0] - start,
    }
    idle(st)
    figures["label_requests"] = len(st.requests) - mark
    post_code("PS-CLEAR")
    wait_until(lambda: c.returns.on_bench is None)
    idle(st)
    return figures


def unknown_scan(st: Station, code: str) -> tuple[float, int]:
    """Seconds from a label's Enter to "no return" painted on the banner; its requests."""
    from benchmarks.harness import PaintWatch, idle, post_code, wait_until
    from packstation.ui.words import returns as words

    c, banner = st.window.controller, st.window.banner
    said: list[float] = []

    def heard(message: Any) -> None:
        if message.text == words.no_return(code).text:
            said.append(time.perf_counter())

    c.feedback.connect(heard)
    watch = PaintWatch(banner)
    mark = len(st.requests)
    start = time.perf_counter()
    post_code(code)
    wait_until(lambda: bool(said) and watch.painted.get(banner, 0.0) > said[0], 60)
    c.feedback.disconnect(heard)
    banner.removeEventFilter(watch)
    idle(st)
    return watch.latest() - start, len(st.requests) - mark


# --------------------------------------------------------------------------- the run


def run_probe(count: int, scans: int, slips: int, unknown: int, source: Path = ROOT) -> JSON:
    """``probe`` in a fresh process (compiled modules, offscreen unless told otherwise)."""
    env = dict(os.environ, PYTHONPATH=str(source))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed program runs
    args = ["--probe", str(count), "--scans", str(scans), "--slips", str(slips)]
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_returns", *args, "--unknown", str(unknown)],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return dict(json.loads(line.removeprefix("RESULT ")))
    raise RuntimeError(f"returns probe {count} failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")


def table(results: dict[int, list[JSON]], sizes: tuple[int, int]) -> list[str]:
    """The markdown rows: one figure a row, the size measured and its baseline."""
    from benchmarks.bench_warehouse import ms  # median / p99 / worst (n), as it prints them

    def each(size: int, what: str, skip_first: bool = False) -> list[float]:
        """Every sample of ``what`` over the runs (a per-scan list, or one per process)."""
        values: list[float] = []
        for r in results[size]:
            got = r[what]
            values.extend(got[skip_first:] if isinstance(got, list) else [got])
        return values

    def firsts(size: int, what: str) -> list[float]:
        return [r[what][0] for r in results[size] if r[what]]

    def span(size: int, what: str) -> str:
        values = sorted(each(size, what))
        return f"{values[0]:,}" if values[0] == values[-1] else f"{values[0]:,}-{values[-1]:,}"

    def medians(size: int) -> str:
        parts = [f"{statistics.median(each(size, k, True)) * 1000:.1f}" for k in PHASES]
        return " / ".join(parts)

    def walk(size: int) -> str:
        return (
            f"{ms(each(size, 'walk_s'))}; {span(size, 'walk_pages')} list pages, "
            f"{span(size, 'walk_requests')} requests, {span(size, 'walk_read')} returns read, "
            f"{span(size, 'indexed_open')} open in the index"
        )

    big, small = sizes
    lines = [
        f"| ms: median / p99 / worst (n) | {big:,} returns indexed "
        f"| baseline: {small:,} returns indexed |",
        "|---|---|---|",
    ]
    for name, key in (
        ("label scan (Enter) to its return painted on the returns page", "label_s"),
        ("baseline: a packing slip (Enter) to its order painted (#9010, 10 lines)", "slip_s"),
    ):
        lines.append(
            f"| {name}, after the first | {ms(each(big, key, True))} "
            f"| {ms(each(small, key, True))} |"
        )
        lines.append(
            f"| the same, the first of each process | {ms(firsts(big, key))} "
            f"| {ms(firsts(small, key))} |"
        )
    lines += [
        "| label scan, medians from the Enter: routed / Redo asked (the index looked up) "
        f"/ return on the GUI thread / painted | {medians(big)} | {medians(small)} |",
        f"| requests per label scan | {span(big, 'label_requests')} "
        f"| {span(small, 'label_requests')} |",
        f"| first walk (`port.returns.refresh`, empty index) | {walk(big)} | {walk(small)} |",
        f"| GUI thread's longest gap during the first walk | {ms(each(big, 'walk_gap_s'))} "
        f"| {ms(each(small, 'walk_gap_s'))} |",
        '| a label the index does not know: Enter to "no return" painted (a walk of what '
        f"changed, then the answer) | {ms(each(big, 'unknown_s'))}; "
        f"{span(big, 'unknown_requests')} request(s) each | {ms(each(small, 'unknown_s'))}; "
        f"{span(small, 'unknown_requests')} request(s) each |",
    ]
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks returns", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short run: checks it runs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--count", type=int, default=2000, help="returns in the sandbox")
    parser.add_argument("--scans", type=int, default=60, help="labels scanned per process")
    parser.add_argument("--slips", type=int, default=20, help="slips scanned per process")
    parser.add_argument("--unknown", type=int, default=5, help="unknown labels per process")
    parser.add_argument("--source", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--x11", action="store_true", help="the windows on $DISPLAY (Xvfb)")
    parser.add_argument("--probe", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe is not None:
        result = probe(args.probe, args.scans, args.slips, args.unknown)
        print("RESULT " + json.dumps(result), flush=True)
        os._exit(0)  # the sandbox's daemon threads: nothing left to tidy in a probe
    if args.x11:
        if not os.environ.get("DISPLAY"):
            parser.error("--x11 needs DISPLAY (e.g. Xvfb :99)")
        os.environ["QT_QPA_PLATFORM"] = "xcb"
    if args.quick:
        args.runs, args.count, args.scans, args.slips, args.unknown = 1, 200, 3, 2, 1
    sizes = (args.count, 20)
    began = time.time()
    results: dict[int, list[JSON]] = defaultdict(list)
    for run in range(args.runs):
        for size in sizes if run % 2 == 0 else sizes[::-1]:
            print(f"run {run + 1}/{args.runs}: {size} returns", file=sys.stderr, flush=True)
            results[size].append(
                run_probe(size, args.scans, args.slips, args.unknown, args.source.resolve())
            )
    qpa = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(
        f"PackStation returns benchmark, {time.strftime('%Y-%m-%d %H:%M')}, {platform.node()}: "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, Qt platform {qpa}, "
        f"source {args.source}; {args.runs} run(s) of each size, each a fresh process, in "
        f"{time.time() - began:.0f} s; per process {args.scans} labels, {args.slips} slips, "
        f"{args.unknown} unknown labels; the sandbox in the same process, on loopback"
        + (" (quick: 'it runs', not for comparing)" * args.quick)
    )
    print()
    print("\n".join(table(results, sizes)))


if __name__ == "__main__":
    main()
