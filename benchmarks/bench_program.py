"""Issue 25's table, on the program the packer runs: ``uv run python -m benchmarks``.

Each run starts, in fresh processes on one X server (Xvfb, started here unless
``DISPLAY`` names one): a bare PySide6 window and the floor (the same after importing
pydantic and httpx), then PackStation itself (``benchmarks/program.py``) on a configured
station for a 10-line and a 1,000-line order. The program reads its token from a real
Secret Service (gnome-keyring on a private D-Bus session), plays its sounds through a
real sound server (a private PulseAudio with a null sink) and asks a stand-in Redo on
loopback (the sandbox, in this process: not sharing the program's interpreter). The
order sizes alternate from run to run, so a noisy neighbour spreads over both.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.program_table import TEN, THOUSAND, table

ROOT = Path(__file__).resolve().parents[1]


def ten_line_order() -> dict[str, Any]:
    """#1005's first ten lines, 61 units each: 600 scans all pack, and the order is never
    complete, so the shipment is a partial one as at 1,000 lines (no auto-ship countdown)."""
    from packstation.resources import resource_path

    data = json.loads(resource_path("sandbox", "orders.json").read_text("utf-8"))
    source = next(o for o in data["orders"] if o["name"] == "#1005")
    order = copy.deepcopy(source["order"])
    order["orderId"] = "5809011"
    order["lineItems"] = order["lineItems"][:10]
    for number, line in enumerate(order["lineItems"], 1):
        line["id"] = f"li_9011_{number:03d}"
        line["quantity"] = 61
    return {"name": TEN, "internalId": "9011" * 6, "order": order}


@contextlib.contextmanager
def x_server() -> Iterator[str]:
    """The display to use: ``DISPLAY`` if set, else a private Xvfb at 1366x768."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    if shutil.which("Xvfb") is None:
        raise SystemExit("the benchmarks need an X server: install Xvfb (xvfb) or set DISPLAY")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


@contextlib.contextmanager
def sound_server(folder: Path) -> Iterator[dict[str, str]]:
    """A private PulseAudio with a null sink: the sound player plays for real, silently."""
    if shutil.which("pulseaudio") is None:
        print("no pulseaudio: the program's sound player runs without a server", file=sys.stderr)
        yield {}
        return
    socket = folder / "pulse-native"
    server = subprocess.Popen(
        [
            "pulseaudio",
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--load=module-null-sink",
            f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1",
        ],
        env=dict(os.environ, XDG_RUNTIME_DIR=str(folder)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline and server.poll() is None:
        time.sleep(0.05)  # a server starting: nothing to wait on but its socket
    try:
        yield {"PULSE_SERVER": f"unix:{socket}"} if socket.exists() else {}
    finally:
        server.terminate()
        server.wait(10)


def program_python(folder: Path) -> str:
    """A Python with the installed program's packages only (``uv sync --no-dev``).

    The development environment holds more: with the lint group's click and rich
    present, httpx imports its command-line tool (and pygments) into the program, several
    MiB and milliseconds the installed program never pays. Modules are compiled first,
    as an installer leaves them.
    """
    venv = folder / "program-venv"
    subprocess.run(
        ["uv", "sync", "--locked", "--no-dev", "--compile-bytecode", "--quiet"],
        cwd=ROOT,
        env=dict(os.environ, UV_PROJECT_ENVIRONMENT=str(venv)),
        check=True,
    )
    python = str(venv / "bin" / "python")
    subprocess.run(
        [python, "-m", "compileall", "-q", str(ROOT / "packstation"), str(ROOT / "benchmarks")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return python


def keyring_command(folder: Path, probe: list[str], python: str) -> list[str]:
    """``probe`` on a private D-Bus session with gnome-keyring unlocked, the token stored."""
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        raise SystemExit(
            "the program reads its token from the keyring: install dbus and gnome-keyring"
        )
    store = (
        "import os; from packstation.credentials import TokenStore; "
        "assert TokenStore().set(os.environ['BENCH_STORE'], os.environ.pop('BENCH_TOKEN'))"
    )
    script = (
        "echo -n bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "
        f'{python} -c "{store}" && exec "$@" --started-at "$(date +%s.%N)"'
    )
    folder.mkdir(parents=True, exist_ok=True)
    return ["dbus-run-session", "--", "sh", "-c", script, "probe", *probe]


def run_probe(command: list[str], env: dict[str, str]) -> dict[str, Any]:
    started = time.time()
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    for line in done.stdout.splitlines():
        tag, _, body = line.partition(" ")
        if tag == "RESULT":
            result: dict[str, Any] = json.loads(body)
            result.setdefault("started_at", started)  # the bare windows' probes
            if "error" in result:
                raise RuntimeError(f"{command[-4:]}: {result['error']}\n{done.stderr[-3000:]}")
            return result
    raise RuntimeError(f"probe failed: {command}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


@contextlib.contextmanager
def fresh_sandbox() -> Iterator[Any]:
    """A stand-in Redo in this process with the demo's orders as they start: each launch
    packs its order from nothing (what one run ships is no other run's business)."""
    from packstation.sandbox import SandboxServer, SandboxState

    demo = SandboxState.demo()
    state = SandboxState(
        {"storeName": demo.store_name, "orders": demo.snapshot()["orders"] + [ten_line_order()]},
        demo.products,
    )
    sandbox = SandboxServer(state=state).start()
    try:
        yield sandbox
    finally:
        sandbox.stop()


def measure(runs: int, quick: bool) -> dict[str, dict[str, list[Any]]]:
    samples: dict[str, dict[str, list[Any]]] = {}

    def add(where: str, what: str, value: Any) -> None:
        samples.setdefault(where, {}).setdefault(what, []).append(value)

    scans, burst = (os.environ.get("BENCH_QUICK_SCANS", "20"), "50") if quick else ("600", "1000")
    with tempfile.TemporaryDirectory(prefix="packstation-bench-") as tmp, x_server() as display:
        base = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", LC_ALL="C.UTF-8")
        base.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program runs compiled
        base["PYTHONPATH"] = str(ROOT)
        with sound_server(Path(tmp)) as sound_env:
            env = base | sound_env
            python = program_python(Path(tmp))
            if not quick:  # untimed: warms the OS's file cache for the first run
                program_run(
                    Path(tmp) / "warm",
                    THOUSAND,
                    env,
                    python=python,
                    scans="1",
                    burst="0",
                    quick=True,
                )
            for run in range(runs):
                print(f"run {run + 1}/{runs}", file=sys.stderr, flush=True)
                for kind, args in (("bare", []), ("floor", ["--libraries"])):
                    got = run_probe([python, "-m", "benchmarks.probes", "bare", *args], env)
                    add(kind, "launch_s", got["painted_at"] - got["started_at"])
                    add(kind, "rss_mib", got["rss_mib"])
                order = [TEN, THOUSAND] if run % 2 == 0 else [THOUSAND, TEN]
                for ref in order:
                    got = program_run(
                        Path(tmp) / f"run{run}-{ref[1:]}",
                        ref,
                        env,
                        python=python,
                        scans=scans,
                        burst=burst if ref == THOUSAND else "0",
                        quick=quick,
                    )
                    for what, value in got.items():
                        add(ref, what, value)
    return samples


def program_run(
    folder: Path,
    ref: str,
    env: dict[str, str],
    *,
    python: str,
    scans: str,
    burst: str,
    quick: bool,
) -> dict[str, Any]:
    with fresh_sandbox() as sandbox:
        data = folder / "data"
        data.mkdir(parents=True)
        # A bench that has launched before remembers its keyring backend (keyring_choice.py):
        # the warm-up's choice stands for every timed launch, as on a packer's PC.
        remembered = folder.parent / "warm" / "data" / "cache" / "keyring-backend"
        if remembered.is_file():
            (data / "cache").mkdir()
            (data / "cache" / "keyring-backend").write_bytes(remembered.read_bytes())
        (data / "settings.json").write_text(
            json.dumps(
                {
                    "api_url": sandbox.base_url,
                    "store_id": sandbox.store_id,
                    "station_name": "Bench 1",
                }
            ),
            "utf-8",
        )
        probe = [
            python,
            "-m",
            "benchmarks.program",
            "--data-dir",
            str(data),
            "--ref",
            ref,
            "--scans",
            scans,
            "--burst",
            burst,
        ]
        if quick:
            probe += ["--after-launch", "2"]
        env = env | {
            "XDG_DATA_HOME": str(folder / "share"),  # the keyring's files, this run's own
            "BENCH_STORE": sandbox.store_id,
            "BENCH_TOKEN": sandbox.token,
        }
        got = run_probe(keyring_command(folder, probe, python), env)
        out: dict[str, Any] = {
            "mapped_s": got["mapped_at"] - got["started_at"],
            "launch_s": got["painted_at"] - got["started_at"],
            "launch_cpu_s": got["cpu_at_paint_s"],
            "gap_after_launch_s": got["gap_after_launch_s"],
            "rss_open_mib": got["rss_open_mib"],
            "rss_peak_mib": got["rss_peak_mib"],
            "ship_gap_s": got["ship_gap_s"],
            "scan_s": got["scan_s"],
            "scans_refused": got.get("scans_refused", []),
        }
        for key in ("burst_plain", "burst_stalled"):
            if key in got:
                out[key] = got[key]
        return out


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    started = time.time()
    samples = measure(runs, args.quick)
    print(
        f"PackStation as the packer runs it, {time.strftime('%Y-%m-%d %H:%M')}, "
        f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{runs} run(s) in {time.time() - started:.0f} s, X11 (Xvfb), source {ROOT}"
    )
    print(table(samples))
    for ref in (TEN, THOUSAND):
        said = [m for run in samples.get(ref, {}).get("scans_refused", []) for m in run]
        if said:
            print(f"{ref}: {len(said)} scan(s) refused, first: " + "; ".join(said[:3]))
    if args.json:
        args.json.write_text(json.dumps(samples, indent=1), "utf-8")
