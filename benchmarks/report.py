"""Samples gathered over runs, and the table that prints them."""

from __future__ import annotations

import statistics
from collections import defaultdict
from typing import Any

Key = int | str

#: Seconds a distant server takes to answer, for the launch with a slow server.
SERVER_LATENCY = 0.15


class Samples:
    def __init__(self) -> None:
        self.raw: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))

    def add(self, where: Key, what: str, value: Any) -> None:
        self.raw[str(where)][what].append(value)

    def add_result(self, lines: int, result: dict[str, Any]) -> None:
        for what, value in result.items():
            if what == "scan_s":
                self.raw[str(lines)]["scan_s"].extend(value)
                self.add(lines, "scan_p99_s", _quantile(value, 0.99))
            elif what == "crashed":
                self.add(lines, what, value)
                self.add(lines, "burst_typed", result.get("burst_typed_planned"))
            elif what not in ("lines", "started_at", "burst_typed_planned"):
                self.add(lines, what, value)

    def get(self, where: Key, what: str) -> list[Any]:
        return [v for v in self.raw.get(str(where), {}).get(what, []) if v is not None]


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _ms(values: list[float], worst: str = "max") -> str:
    if not values:
        return "-"
    pick = max(values) if worst == "max" else min(values)
    return f"{statistics.median(values) * 1000:.1f} / {pick * 1000:.1f}"


def _num(values: list[float], unit: str = "", digits: int = 0) -> str:
    if not values:
        return "-"
    return f"{statistics.median(values):.{digits}f} / {max(values):.{digits}f}{unit}"


def _burst(samples: Samples, lines: int) -> str:
    typed = samples.get(lines, "burst_typed")
    if not typed:
        return "-"
    kept = sum(samples.get(lines, "burst_kept"))
    parts = [f"{kept}/{sum(typed)} kept"]
    for what in ("lost", "split", "refused"):
        parts.append(f"{sum(samples.get(lines, 'burst_' + what))} {what}")
    text = ", ".join(parts)
    after = samples.get(lines, "burst_last_handled_after_s")
    if after:
        text += f"; last +{statistics.median(after):.2f} / {max(after):.2f} s"
    crashed = samples.get(lines, "crashed")
    if crashed:
        text += f"; window aborted in {len(crashed)} run(s)"
    return text


def table(samples: Samples, quick: bool = False) -> str:
    """Markdown: one row per figure, a column per order size; 'median / worst'."""
    sizes = [s for s in (10, 150, 1000) if str(s) in samples.raw]
    head = ["measure (median / worst)", *(f"{s} lines" for s in sizes), "baseline"]
    rows: list[list[str]] = []

    def row(name: str, cells: list[str], baseline: str) -> None:
        rows.append([name, *cells, baseline])

    row(
        "scan to repainted row and banner, ms (median / worst run's p99)",
        [
            f"{statistics.median(samples.get(s, 'scan_s')) * 1000:.1f} / "
            f"{max(samples.get(s, 'scan_p99_s')) * 1000:.1f}"
            if samples.get(s, "scan_s")
            else "-"
            for s in sizes
        ],
        "10-line order",
    )
    row(
        "scan to repainted row, worst single scan, ms",
        [_ms(samples.get(s, "scan_s")).split(" / ")[1] for s in sizes],
        "",
    )
    row("slip Enter to the order painted, ms", [_ms(samples.get(s, "load_s")) for s in sizes], "")
    row(
        "scans typed back to back at 1 ms a key (all runs; last handled after the last key)",
        [_burst(samples, s) for s in sizes],
        "",
    )
    row(
        "HTTP requests per order, cold (load, scans, ship)",
        [_num(samples.get(s, "requests")) for s in sizes],
        "",
    )
    row(
        "peak RSS with the order open, MiB",
        [_num(samples.get(s, "rss_open_mib")) for s in sizes],
        f"bare window {_num(samples.get('bare', 'rss_mib'))}; "
        f"with pydantic + httpx {_num(samples.get('floor', 'rss_mib'))}",
    )
    row(
        "peak RSS at the end (after the scans, the shipment, the drain and the burst), MiB",
        [_num(samples.get(s, "rss_peak_mib")) for s in sizes],
        "",
    )
    row(
        "GUI thread's longest gap while queued boxes drain, ms",
        [_ms(samples.get(s, "drain_gap_s")) for s in sizes],
        "",
    )
    row(
        "launch to a slip scanned at launch painted, ms",
        [_ms(samples.get(s, "launch_s")) if s == 1000 else "" for s in sizes],
        f"bare window {_ms(samples.get('bare', 'launch_s'))}; "
        f"with pydantic + httpx {_ms(samples.get('floor', 'launch_s'))}",
    )
    row(
        f"the same, the server answering every request {SERVER_LATENCY * 1000:.0f} ms late, ms",
        [_ms(samples.get(s, "launch_slow_s")) if s == 1000 else "" for s in sizes],
        "",
    )
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
        for r in [head, ["-" * w for w in widths], *rows]
    ]
    if quick:
        lines.append("(--quick: one short run with small counts; figures are not comparable)")
    return "\n".join(lines)
