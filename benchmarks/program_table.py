"""The program benchmark's table: each figure beside its same-run baseline and goal."""

from __future__ import annotations

import statistics
from typing import Any

#: Orders measured: the 10-line one (the baseline for scans) and the 1,000-line one.
TEN = "#9011"
THOUSAND = "#1014"
SIZES = {TEN: 10, THOUSAND: 1000}
FRAME_S = 1 / 60


def _q(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _ms(values: list[float]) -> str:
    if not values:
        return "-"
    return f"{statistics.median(values) * 1000:.1f} / {max(values) * 1000:.1f}"


def _mib(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} / {max(values):.0f}" if values else "-"


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def _bursts(runs: list[dict[str, Any]]) -> str:
    if not runs:
        return "-"
    total = {k: sum(r[k] for r in runs) for k in ("typed", "kept", "lost", "split", "refused")}
    worst = max(r["caught_up_s"] for r in runs)
    return (
        f"{total['kept']}/{total['typed']} kept, {total['lost']} lost, {total['split']} split, "
        f"{total['refused']} refused; caught up +{worst:.2f} s at worst"
    )


def table(samples: dict[str, dict[str, list[Any]]]) -> str:
    def get(where: str, what: str) -> list[Any]:
        return samples.get(where, {}).get(what, [])

    rows: list[tuple[str, str, str, str, str]] = []
    bare, floor = get("bare", "launch_s"), get("floor", "launch_s")
    mapped = get(TEN, "mapped_s") + get(THOUSAND, "mapped_s")
    launch = get(THOUSAND, "launch_s")
    bare_m, floor_m = statistics.median(bare), statistics.median(floor)
    rows.append(
        (
            "window mapped (first paint flushed), ms",
            _ms(get(TEN, "mapped_s")),
            _ms(get(THOUSAND, "mapped_s")),
            f"bare window {_ms(bare)}",
            f"<= 1.5x bare: {statistics.median(mapped) / bare_m:.2f}x, "
            + _verdict(statistics.median(mapped) <= 1.5 * bare_m),
        )
    )
    rows.append(
        (
            "launch to a slip scanned at launch painted, ms",
            _ms(get(TEN, "launch_s")),
            _ms(launch),
            f"floor (bare + pydantic + httpx) {_ms(floor)}",
            f"<= 2x floor: {statistics.median(launch) / floor_m:.2f}x, "
            + _verdict(statistics.median(launch) <= 2 * floor_m),
        )
    )
    scans = {ref: get(ref, "scan_s") for ref in SIZES}
    p99 = {ref: max((_q(run, 0.99) for run in scans[ref]), default=0.0) for ref in SIZES}
    rows.append(
        (
            "scan to row and banner repainted and flushed, ms (median / p99 of the worst run)",
            _scan_cell(scans[TEN], p99[TEN], _refused(get(TEN, "scans_refused"))),
            _scan_cell(scans[THOUSAND], p99[THOUSAND], _refused(get(THOUSAND, "scans_refused"))),
            "10-line order",
            "p99 <= 16.7: " + _verdict(max(p99.values()) <= FRAME_S),
        )
    )
    for what, label in (
        ("gap_after_launch_s", "GUI thread's longest gap, order painted to 10 s after launch, ms"),
        ("ship_gap_s", "GUI thread's longest gap while shipping (page cleared, 1 s after), ms"),
    ):
        worst = max(get(TEN, what) + get(THOUSAND, what))
        rows.append(
            (
                label,
                _ms(get(TEN, what)),
                _ms(get(THOUSAND, what)),
                "",
                "<= 16.7: " + _verdict(worst <= FRAME_S),
            )
        )
    for key, label in (
        ("burst_plain", "1,000 scans typed at 1 ms a key"),
        ("burst_stalled", "the same, a 50 ms stall every 250 ms"),
    ):
        runs = get(THOUSAND, key)
        clean = all(r["lost"] == 0 and r["split"] == 0 and r["refused"] == 0 for r in runs)
        rows.append((label, "", _bursts(runs), "", "0 lost, 0 split: " + _verdict(clean)))
    bare_rss = statistics.median(get("bare", "rss_mib"))
    open_rss = get(THOUSAND, "rss_open_mib")
    rows.append(
        (
            "peak RSS with the order open, MiB",
            _mib(get(TEN, "rss_open_mib")),
            _mib(open_rss),
            f"bare window {_mib(get('bare', 'rss_mib'))}; floor {_mib(get('floor', 'rss_mib'))}",
            f"<= bare + 60: +{statistics.median(open_rss) - bare_rss:.0f}, "
            + _verdict(statistics.median(open_rss) <= bare_rss + 60),
        )
    )
    rows.append(
        (
            "peak RSS at the end (scans, shipment, bursts), MiB",
            _mib(get(TEN, "rss_peak_mib")),
            _mib(get(THOUSAND, "rss_peak_mib")),
            "",
            "",
        )
    )
    head = ("measure (median / worst)", "10 lines", "1,000 lines", "baseline (same run)", "goal")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(5)]

    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join(
        [line(head), "| " + " | ".join("-" * w for w in widths) + " |", *map(line, rows)]
    )


def _scan_cell(runs: list[list[float]], p99: float, refused: int = 0) -> str:
    flat = [v for run in runs for v in run]
    if not flat:
        return "-"
    note = f", {refused} refused" if refused else ""
    return f"{statistics.median(flat) * 1000:.1f} / {p99 * 1000:.1f} ({len(flat)} scans{note})"


def _refused(runs: list[list[str]]) -> int:
    return sum(len(run) for run in runs)
