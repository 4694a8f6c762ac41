"""PackStation's benchmarks: ``uv run python -m benchmarks [--quick] [--runs N]``.

By default, the program the packer runs (``bench_program.py``): launch, scans, the
shipment, bursts typed through X and memory, each beside its baseline measured in the same
run (a bare PySide6 window; the floor of pydantic and httpx; a 10-line order) and its goal.
Every measurement runs in a fresh process, and the order sizes alternate run by run, so a
noisy neighbour spreads over all of them rather than over one.

    uv run python -m benchmarks                # the program's table, 3 runs
    uv run python -m benchmarks --quick        # CI: checks that it runs (about 40 s)
    uv run python -m benchmarks window         # issue 15's lighter window (harness.py)
    uv run python -m benchmarks window --source DIR   # those probes on another checkout
    uv run python -m benchmarks core           # hot paths beside their baselines
    uv run python -m benchmarks bundle         # installer sizes and frozen start-up
    uv run python -m benchmarks catalog        # an order load with a million-row catalog
    uv run python -m benchmarks warehouse      # 50 benches on one PostgreSQL (issue 23)
    uv run python -m benchmarks returns        # a return's label to its return, 2,000 indexed

Benchmarks are not tests: nothing here passes or fails on a figure.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.report import SERVER_LATENCY, Samples, table

ROOT = Path(__file__).resolve().parents[1]
SIZES = (10, 150, 1000)
#: "xcb" (a real X server, xdotool as the scanner) or "offscreen" (keys posted by a thread).
PLATFORM = "offscreen"


def probe(kind: str, *args: str, source: Path = ROOT) -> dict[str, Any]:
    """Run one probe in a fresh process; its RESULT line, and when it was started."""
    # Start-up and memory are measured offscreen on any run: the bare window and the
    # program would need a window manager to get the keyboard focus under Xvfb.
    qpa = PLATFORM if kind == "window" else "offscreen"
    env = dict(os.environ, QT_QPA_PLATFORM=qpa, PYTHONPATH=str(source))
    # An installed program runs compiled modules; a shell that forbids writing them would
    # make every probe compile the whole program again (130 ms of a launch here).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.probes", kind, *args],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    partial: dict[str, Any] | None = None
    for line in done.stdout.splitlines():
        tag, _, body = line.partition(" ")
        if tag in ("RESULT", "PARTIAL"):
            partial = json.loads(body)
            partial["started_at"] = started
            if tag == "RESULT":
                return partial
    fatal = [line for line in done.stderr.splitlines() if "Fatal Python error" in line]
    if partial is not None and fatal:
        # The window died mid-probe: what it measured before stands, and so does the crash.
        partial["crashed"] = fatal[0]
        return partial
    raise RuntimeError(f"probe {kind} {args} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def measure(runs: int, quick: bool, source: Path) -> Samples:
    samples = Samples()
    scans, burst, drain = ("3", "20", "5") if quick else ("30", "1000", "100")
    sizes = (10, 1000) if quick else SIZES
    # Untimed: compiles what is not compiled yet and warms the OS's file cache, so the
    # first run's launch is not the only one paying for it.
    probe("launch", "--ref", "#1001", source=source)
    for run in range(runs):
        print(f"run {run + 1}/{runs}", file=sys.stderr, flush=True)
        bare = probe("bare", source=source)
        samples.add("bare", "launch_s", bare["painted_at"] - bare["started_at"])
        samples.add("bare", "rss_mib", bare["rss_mib"])
        floor = probe("bare", "--libraries", source=source)
        samples.add("floor", "launch_s", floor["painted_at"] - floor["started_at"])
        samples.add("floor", "rss_mib", floor["rss_mib"])
        launched = probe("launch", "--ref", "#1014", source=source)
        samples.add(1000, "launch_s", launched["painted_at"] - launched["started_at"])
        slow = probe("launch", "--ref", "#1014", "--latency", str(SERVER_LATENCY), source=source)
        samples.add(1000, "launch_slow_s", slow["painted_at"] - slow["started_at"])
        order = sizes[run % len(sizes) :] + sizes[: run % len(sizes)]
        for lines in order:
            result = probe(
                "window",
                "--lines",
                str(lines),
                "--scans",
                scans,
                "--burst",
                burst,
                "--drain",
                drain,
                source=source,
            )
            samples.add_result(lines, result)
    return samples


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "what",
        nargs="?",
        default="program",
        choices=["program", "window", "core", "bundle", "catalog", "warehouse", "returns"],
    )
    parser.add_argument("--quick", action="store_true", help="one short run: checks it runs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--json", type=Path, help="also write every sample here")
    parser.add_argument("--reuse", action="store_true", help="bundle: reuse built bundles")
    parser.add_argument(
        "--x11",
        action="store_true",
        help="run the windows on $DISPLAY (Xvfb) and type the bursts with xdotool",
    )
    args = parser.parse_args(argv)
    global PLATFORM  # noqa: PLW0603 (one setting for every probe of this run)
    if args.x11 and not args.quick:
        if not (os.environ.get("DISPLAY") and shutil.which("xdotool")):
            parser.error("--x11 needs DISPLAY (e.g. Xvfb :99) and xdotool")
        PLATFORM = "xcb"
    if args.what == "program":
        from benchmarks import bench_program

        options = ["--runs", str(args.runs)] + ["--quick"] * args.quick
        bench_program.main(options + (["--json", str(args.json)] if args.json else []))
        if args.quick:  # CI checks the returns probe runs too (3 s)
            from benchmarks import bench_returns

            print()
            bench_returns.main(["--quick"])
        return
    if args.what == "core":
        from benchmarks import bench_core

        bench_core.main()
        return
    if args.what == "catalog":
        from benchmarks import bench_catalog

        bench_catalog.main([])
        return
    if args.what == "warehouse":
        from benchmarks import bench_warehouse

        bench_warehouse.main(["--quick"] if args.quick else [])
        return
    if args.what == "returns":
        from benchmarks import bench_returns

        options = ["--runs", str(args.runs), "--source", str(args.source)]
        bench_returns.main(options + ["--quick"] * args.quick + ["--x11"] * args.x11)
        return
    if args.what == "bundle":
        script = ROOT / "benchmarks" / "bench_bundle.py"
        sys.exit(subprocess.call([sys.executable, str(script), *(["--reuse"] * args.reuse)]))
    runs = 1 if args.quick else args.runs
    started = time.time()
    samples = measure(runs, args.quick, args.source.resolve())
    print(
        f"PackStation benchmarks, {time.strftime('%Y-%m-%d %H:%M')}, {platform.node()}: "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {runs} run(s) in {time.time() - started:.0f} s, "
        f"Qt platform {PLATFORM}, source {args.source}"
    )
    print(table(samples, quick=args.quick))
    if args.json:
        args.json.write_text(json.dumps(samples.raw, indent=1), "utf-8")


if __name__ == "__main__":
    main()
