"""``packstation warehouse demo``: a whole warehouse on this PC (issue 23).

A local PostgreSQL with the schema and a lead (Lea), one sandbox in this process, two
benches and the lead's view, each a ``packstation`` process of its own. The benches are
demo benches on this sandbox (``--demo --sandbox-url``): they open it with the sandbox's
public :data:`~packstation.sandbox.SHARED_DEMO_TOKEN`, which they know themselves, so no
secret is handed to them (not in their arguments, their environment or a file). Closing
the lead's view, or every window, or Ctrl+C stops everything and removes its files.

Loaded only by the ``demo`` command (``cli_warehouse.run``).
"""

# ruff: noqa: T201 - a command's outcome is printed: that is its interface

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from packstation.cli_warehouse import BAD_INPUT, DONE, UNREACHABLE, Stop, connection

DEMO_HINT = (
    "The warehouse demo needs a local PostgreSQL from the warehouse-demo dependency group: "
    "run it as `uv run --group warehouse-demo packstation warehouse demo`."
)
#: Named a lead in the demo's warehouse: her badge releases claims in the lead's view
#: and lets PS-TAKEOVER move an order to another bench.
DEMO_LEAD = "Lea"
BENCHES = ("Bench 1", "Bench 2")
TRY_THIS = (
    "Bench 1 and Bench 2 share one warehouse: scan PS-USER-Ana then #1001 at Bench 1, "
    "then #1001 at Bench 2 (refused); PS-USER-Lea then PS-TAKEOVER at Bench 2 moves it."
)


class Child(Protocol):
    """What the demo needs of a process it started (``subprocess.Popen``)."""

    def poll(self) -> int | None: ...
    def terminate(self) -> None: ...
    def kill(self) -> None: ...
    def wait(self, timeout: float | None = None) -> int: ...


def _packstation() -> list[str]:
    """How to start this program again (frozen: the executable itself)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "packstation"]


def _environment(folder: Path) -> dict[str, str]:
    """The windows' environment: this one, with no machine config of this PC (IT's locked
    keys and leads are not the demo's: the benches take the warehouse's lead) and no
    keyring (the demo keeps no secret, and its PostgreSQL asks for no password: a bench
    asking this PC's keyring for one could only prompt to unlock it)."""
    return {
        **os.environ,
        "PACKSTATION_CONFIG_DIR": str(folder / "machine-config"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }


def _start(
    spawn: Callable[..., Child], command: list[str], log: Path, env: dict[str, str]
) -> Child:
    """``command`` in a session of its own (Ctrl+C reaches the demo, which stops it)."""
    import subprocess

    group: dict[str, Any] = (
        {"start_new_session": True}
        if os.name == "posix"
        else {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    )
    with log.open("wb") as out:
        return spawn(
            command,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            **group,
        )


def _tail(log: Path) -> str:
    try:
        lines = log.read_text("utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " | ".join(lines[-3:])


def run_demo(spawn: Callable[..., Child], poll: float = 0.2) -> int:
    """PostgreSQL, ``init`` and a lead, the sandbox, two benches and the lead's view;
    stopped and removed when the view is closed (or every window is, or on Ctrl+C)."""
    import shutil
    import signal
    import subprocess
    import tempfile
    import threading

    from packstation.warehouse import local_server

    folder = Path(tempfile.mkdtemp(prefix="packstation-warehouse-demo-"))
    children: list[tuple[str, Child, Path]] = []
    in_main = threading.current_thread() is threading.main_thread()
    terminate = signal.signal(signal.SIGTERM, _interrupt) if in_main else None
    server = sandbox = None
    try:
        try:
            server = local_server.LocalPostgres(folder / "postgres")
        except RuntimeError:
            raise Stop(BAD_INPUT, DEMO_HINT) from None
        try:
            server.start()
        except (OSError, subprocess.SubprocessError) as exc:
            log = folder / "postgres" / "server.log"
            raise Stop(
                UNREACHABLE, f"The demo's PostgreSQL did not start ({exc}): {_tail(log)}"
            ) from None
        url = server.create_database("packstation_demo")
        from packstation.sandbox import SHARED_DEMO_TOKEN, SandboxServer, SandboxState
        from packstation.warehouse import floor, schema
        from packstation.warehouse.address import WarehouseAddress
        from packstation.warehouse.connect import no_password

        with connection(WarehouseAddress.parse(url), no_password) as conn:
            done = schema.init(conn)
            floor.add_lead(conn, DEMO_LEAD)
        print(f"Demo warehouse at {url} (schema version {done.after})", flush=True)
        sandbox = SandboxServer(
            token=SHARED_DEMO_TOKEN, state=SandboxState.demo(folder / "sandbox-state.json")
        ).start()
        print(f"Redo sandbox at {sandbox.base_url} (store {sandbox.store_id})", flush=True)
        env = _environment(folder)
        for number, name in enumerate(BENCHES, start=1):
            data = folder / f"bench-{number}"
            data.mkdir()
            command = [
                *_packstation(), "--demo", "--sandbox-url", sandbox.base_url,
                "--store-id", sandbox.store_id, "--data-dir", str(data), "--station", name,
                "--warehouse-url", url,
            ]  # fmt: skip
            children.append((name, _start(spawn, command, data / "output.log", env), data))
            print(f"{name} started (its files: {data})", flush=True)
        view = [*_packstation(), "warehouse", "view", url]
        children.insert(
            0, ("The lead's view", _start(spawn, view, folder / "view.log", env), folder)
        )
        print(TRY_THIS, flush=True)
        print(
            f"{DEMO_LEAD} is the lead. Logs: {folder / 'bench-N' / 'output.log'} and "
            f"{folder / 'bench-N' / 'demo' / 'logs' / 'packstation.log'} for each bench, "
            f"{folder / 'view.log'} for the lead's view (removed when the demo stops).",
            flush=True,
        )
        print("Close the lead's view (or press Ctrl+C) to stop the demo.", flush=True)
        _watch(children, poll)
    except KeyboardInterrupt:
        print("Stopping the demo.", flush=True)
    finally:
        # A second Ctrl+C while stopping would leave a server and folders behind.
        interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_main else None
        for _, child, _ in children:
            _stop(child)
        if sandbox is not None:
            sandbox.stop()
        if server is not None:
            server.close()
        shutil.rmtree(folder, ignore_errors=True)
        if in_main:
            signal.signal(signal.SIGINT, interrupt)
            signal.signal(signal.SIGTERM, terminate)
    print("Demo stopped: the benches, the sandbox and PostgreSQL, and their files, are gone.")
    return DONE


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def _watch(children: list[tuple[str, Child, Path]], poll: float) -> None:
    """Until the view (the first child) closes normally, or every window has closed."""
    import time

    said: set[str] = set()
    while True:
        view_code = children[0][1].poll()
        if view_code == 0:
            print("The lead's view was closed.", flush=True)
            return
        for name, child, folder in children:
            code = child.poll()
            if code not in (None, 0) and name not in said:
                said.add(name)
                log = folder / ("view.log" if child is children[0][1] else "output.log")
                print(f"{name} stopped (exit {code}): {_tail(log)}", flush=True)
        if all(child.poll() is not None for _, child, _ in children):
            print("Every window was closed.", flush=True)
            return
        time.sleep(poll)


def _stop(child: Child) -> None:
    import subprocess

    if child.poll() is not None:
        return
    child.terminate()
    try:
        child.wait(timeout=5)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait(timeout=5)
