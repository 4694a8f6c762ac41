"""Measure the installers' budgets against a baseline built the same way, in the same run.

    uv run python benchmarks/bench_bundle.py [--reuse]

Builds the PackStation bundle and a bare PySide6 window bundle with the same rules
(installer/bundle_rules.py), builds the .deb, then times `--smoke` (offscreen) of each
frozen app. Prints a table with the budgets: bundle <= 140 MB, .deb <= 45 MB, ready for
scans within 1.5x the bare window's start. It also prints, without a budget, how long
the bench takes to load behind the window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "installer" / "dist"
MB = 1024 * 1024


def build(spec: str) -> None:
    subprocess.run(
        [
            "uv",
            "run",
            "--group",
            "build",
            "pyinstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(ROOT / "installer" / "build"),
            spec,
        ],
        cwd=ROOT,
        check=True,
    )


def disk_size(path: Path) -> int:
    out = subprocess.run(
        ["du", "-sk", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return int(out.split()[0]) * 1024


def launch(command: list[str], lines: int) -> list[float]:
    """Seconds from launch until each of the first ``lines`` lines is printed.

    PackStation prints "ready for scans" once its window is up and the scanner is
    listening, then "bench loaded" once a scan is handled the moment it arrives.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as home:
        extra = ["--data-dir", home] if "packstation" in command[0] else []
        times: list[float] = []
        start = time.perf_counter()
        with subprocess.Popen(
            [*command, *extra], env={**env, "HOME": home}, stdout=subprocess.PIPE, text=True
        ) as process:
            assert process.stdout is not None
            first = ""
            for _ in range(lines):
                line = process.stdout.readline()
                times.append(time.perf_counter() - start)
                first = first or line
            process.communicate(timeout=60)
        if "ready" not in first or process.returncode != 0:
            raise SystemExit(f"{command[0]} did not become ready: {first!r}")
    return times


def median_starts(app: list[str], bare: list[str], runs: int = 11) -> tuple[float, float, float]:
    """Medians of (app ready, app loaded, bare ready), the two launched in turn so that
    a busy moment on the machine falls on both alike."""
    app_ready, app_loaded, bare_ready = [], [], []
    for _ in range(runs):
        ready, loaded = launch(app, lines=2)
        app_ready.append(ready)
        app_loaded.append(loaded)
        bare_ready.append(launch(bare, lines=1)[0])
    return (
        statistics.median(app_ready),
        statistics.median(app_loaded),
        statistics.median(bare_ready),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--reuse", action="store_true", help="use bundles already in installer/dist"
    )
    args = parser.parse_args()
    if not args.reuse or not (DIST / "packstation").is_dir():
        build("installer/packstation.spec")
    if not args.reuse or not (DIST / "bare_window").is_dir():
        build("benchmarks/bare_window.spec")
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [
                str(ROOT / "installer/linux/build-deb"),
                "--bundle",
                str(DIST / "packstation"),
                "--out",
                out,
            ],
            check=True,
            capture_output=True,
        )
        deb = next(Path(out).glob("*.deb")).stat().st_size
    app_size, bare_size = disk_size(DIST / "packstation"), disk_size(DIST / "bare_window")
    app_start, app_loaded, bare_start = median_starts(
        [str(DIST / "packstation" / "packstation"), "--demo", "--smoke"],
        [str(DIST / "bare_window" / "bare_window")],
    )
    rows = [
        (
            "bundle on disk",
            f"{app_size / MB:.0f} MB",
            f"{bare_size / MB:.0f} MB",
            "<= 140 MB",
            app_size <= 140 * MB,
        ),
        (".deb (xz)", f"{deb / MB:.0f} MB", "-", "<= 45 MB", deb <= 45 * MB),
        (
            "launch to ready (--smoke)",
            f"{app_start * 1000:.0f} ms",
            f"{bare_start * 1000:.0f} ms",
            "<= 1.5x baseline",
            app_start <= 1.5 * bare_start,
        ),
        (
            "launch to bench loaded",
            f"{app_loaded * 1000:.0f} ms",
            f"{bare_start * 1000:.0f} ms",
            "(no budget)",
            True,
        ),
    ]
    print(f"{'measure':<26}{'PackStation':>13}{'bare window':>13}  {'budget':<18}ok")
    for name, value, base, budget, ok in rows:
        print(f"{name:<26}{value:>13}{base:>13}  {budget:<18}{'yes' if ok else 'NO'}")
    print(
        f"(ready ratio {app_start / bare_start:.2f}x: launch until the window is up and the"
        " scanner listening; scans made then are kept and handled once the bench is loaded,"
        f" {app_loaded / bare_start:.2f}x. Medians of 11 runs each, taken in turn, offscreen)"
    )
    sys.exit(0 if all(r[4] for r in rows) else 1)


if __name__ == "__main__":
    main()
