"""``packstation warehouse ...`` against a real PostgreSQL: init, status, leads, the
password in the keyring, the refusals and their exit codes (the demo: ``test_demo.py``)."""

from __future__ import annotations

import io
import socket
import sys
import time
import types
from typing import Any

import keyring.backends.fail
import pytest

from packstation import cli_warehouse
from packstation.app import build_parser, main
from packstation.credentials import WarehousePasswords
from packstation.warehouse import claims, floor, schema
from packstation.warehouse.address import KEYRING_SERVICE, WarehouseAddress
from packstation.warehouse.local_server import LocalPostgres
from tests.helpers.fakes import MemoryKeyring, PlaintextKeyring
from tests.helpers.warehouse import BENCH_PASSWORD, Warehouse


def warehouse_cli(*argv: str, passwords: WarehousePasswords | None = None, **more: Any) -> int:
    args = build_parser().parse_args(["warehouse", *argv])
    return cli_warehouse.run(args, passwords or WarehousePasswords(MemoryKeyring()), **more)


def test_init_creates_then_has_nothing_to_do_and_prints_the_grants_each_time(
    empty_database: Warehouse, capsys: pytest.CaptureFixture[str]
) -> None:
    assert warehouse_cli("init", empty_database.url) == 0
    first = capsys.readouterr()
    assert first.out.startswith(f"Warehouse schema created (version {schema.VERSION}) in ")
    assert f'GRANT CONNECT ON DATABASE "{empty_database.dbname}" TO packstation_bench;' in first.out
    assert first.err == ""
    assert warehouse_cli("init", empty_database.url) == 0
    second = capsys.readouterr().out
    assert second.startswith(f"Warehouse schema already at version {schema.VERSION} in ")
    assert ": nothing to do." in second.splitlines()[0]
    assert "GRANT SELECT, INSERT, UPDATE, DELETE ON claims" in second
    with empty_database.connect() as conn:
        assert schema.check(conn) == schema.VERSION


def test_init_says_an_upgrade_from_the_version_found(
    warehouse: Warehouse, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, "CREATE TABLE later (x int)"))
    monkeypatch.setattr(schema, "VERSION", schema.VERSION + 1)
    assert warehouse_cli("init", warehouse.url) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"Warehouse schema upgraded from version {schema.VERSION - 1} to ")


def test_status_after_init_on_an_empty_database_lists_a_bench_that_reported(
    empty_database: Warehouse, capsys: pytest.CaptureFixture[str]
) -> None:
    assert warehouse_cli("init", empty_database.url) == 0
    assert warehouse_cli("status", empty_database.url) == 0
    assert "No bench has joined yet." in capsys.readouterr().out
    with empty_database.connect() as conn:
        floor.report(conn, floor.BenchState("Bench 1", "Ana", "#1001", 3, 1, "1.0"))
        floor.report(conn, floor.BenchState("Bench 22", "", "", 0, 0, "1.0"))
    assert warehouse_cli("status", empty_database.url) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    header = next(line for line in lines if "Open order" in line)
    bench_1 = next(line for line in lines if line.strip().startswith("Bench 1 "))
    assert "Ana" in bench_1 and "#1001" in bench_1 and "s ago" in bench_1
    # Aligned: each column starts where its heading does.
    assert bench_1.index("#1001") == header.index("Open order")
    assert bench_1.index("Ana") == header.index("Packer")
    assert "Benches (2):" in out
    assert "No order is claimed." in out
    assert "Outboxes: Bench 1 has 1 failed and 3 waiting; the others have sent everything." in out
    assert "Leads named by the warehouse: none." in out


def test_status_shows_a_live_claim_with_its_holder_and_lease(
    warehouse: Warehouse, capsys: pytest.CaptureFixture[str]
) -> None:
    with warehouse.connect() as conn:
        floor.report(conn, floor.BenchState("Bench 2", "Sam"))
        claims.claim(conn, "gid://order/1", "#1001", "Bench 2", "Sam", 60)
    assert warehouse_cli("status", warehouse.url) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Claims (1):" in lines
    header = lines[lines.index("Claims (1):") + 1]
    row = lines[lines.index("Claims (1):") + 2]
    assert header.split() == ["Order", "Bench", "Packer", "Since", "Expires", "in"]
    assert row.split()[:4] == ["#1001", "Bench", "2", "Sam"]
    assert row.rstrip().endswith((" 60 s", " 59 s"))
    assert "Outboxes: every bench has sent everything." in lines


def test_a_lead_is_named_and_unnamed_at_every_bench(
    warehouse: Warehouse, capsys: pytest.CaptureFixture[str]
) -> None:
    assert warehouse_cli("lead", warehouse.url, "  Ana ") == 0
    assert capsys.readouterr().out.startswith("Ana is now a lead at every bench of ")
    assert warehouse_cli("lead", warehouse.url, "Ana") == 0
    assert capsys.readouterr().out == "Ana was already a lead: nothing to do.\n"
    with warehouse.connect() as conn:
        assert floor.leads(conn) == ["Ana"]
    assert warehouse_cli("status", warehouse.url) == 0
    assert "Leads named by the warehouse: Ana." in capsys.readouterr().out
    assert warehouse_cli("lead", warehouse.url, "Ana", "--remove") == 0
    assert capsys.readouterr().out == "Ana is no longer a lead named by the warehouse.\n"
    assert warehouse_cli("lead", warehouse.url, "Ana", "--remove") == 0
    assert "was not a lead" in capsys.readouterr().out
    with warehouse.connect() as conn:
        assert floor.leads(conn) == []


@pytest.mark.parametrize("name", ["", "   ", "x" * 41, "Ana\tB"])
def test_a_lead_name_that_no_badge_carries_is_bad_input(
    warehouse: Warehouse, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    assert warehouse_cli("lead", warehouse.url, name) == 2
    assert "1 to 40 characters" in capsys.readouterr().err


def test_a_schema_newer_than_known_is_a_sentence_and_exit_5(
    warehouse: Warehouse, capsys: pytest.CaptureFixture[str]
) -> None:
    with warehouse.connect() as conn:
        conn.execute("UPDATE packstation_schema SET version = %s", (schema.VERSION + 1,))
    for command in (
        ("status", warehouse.url),
        ("lead", warehouse.url, "Ana"),
        ("init", warehouse.url),
    ):
        assert warehouse_cli(*command) == 5
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == (
            f"The warehouse's schema is version {schema.VERSION + 1}, newer than this "
            f"PackStation knows ({schema.VERSION}): update PackStation on this computer "
            "first. Nothing was changed.\n"
        )
    with warehouse.connect() as conn:
        assert schema.version(conn) == schema.VERSION + 1
        assert floor.leads(conn) == []


def test_status_on_a_database_without_the_schema_says_to_run_init(
    empty_database: Warehouse, capsys: pytest.CaptureFixture[str]
) -> None:
    assert warehouse_cli("status", empty_database.url) == 5
    assert "has no PackStation schema yet: run packstation warehouse init" in (
        capsys.readouterr().err
    )


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("command", ["init", "status"])
def test_an_unreachable_warehouse_exits_5_quickly_with_a_sentence(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://postgres@127.0.0.1:{_closed_port()}/packstation"
    started = time.monotonic()
    assert warehouse_cli(command, url) == 5
    assert time.monotonic() - started < 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("Cannot reach the warehouse packstation on 127.0.0.1:")
    assert captured.err.count("\n") == 1


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://it:secret@db.example/wh", "carries a password"),
        ("postgresql://it@db.example/wh?sslmode=disable", "must be encrypted"),
        ("https://db.example/wh", "Not a PostgreSQL address"),
    ],
)
def test_a_refused_address_is_bad_input_and_never_echoes_a_password(
    url: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in ("init", "status", "password", "view"):
        assert warehouse_cli(command, url) == 2
        err = capsys.readouterr().err
        assert words in err
        assert "secret" not in err


def test_the_password_is_kept_in_the_keyring_and_cleared(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    backend = MemoryKeyring()
    url = "postgresql://bench@db.example:5433/wh"
    whose = WarehouseAddress.parse(url).keyring_user
    monkeypatch.setattr("sys.stdin", io.StringIO(" pass word \n"))
    assert warehouse_cli("password", url, passwords=WarehousePasswords(backend)) == 0
    assert backend.secrets == {(KEYRING_SERVICE, whose): " pass word "}
    out = capsys.readouterr().out
    assert out == f"Password for {whose} kept in the keyring (MemoryKeyring).\n"
    assert "pass word" not in out
    assert warehouse_cli("password", url, "--clear", passwords=WarehousePasswords(backend)) == 0
    assert backend.secrets == {}
    assert capsys.readouterr().out == f"Password for {whose} removed from the keyring.\n"
    assert warehouse_cli("password", url, "--clear", passwords=WarehousePasswords(backend)) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_no_password_on_standard_input_is_bad_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    backend = MemoryKeyring()
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    url = "postgresql://bench@127.0.0.1/wh"
    assert warehouse_cli("password", url, passwords=WarehousePasswords(backend)) == 2
    assert capsys.readouterr().err == "No password on standard input. Nothing stored.\n"
    assert backend.secrets == {}


@pytest.mark.parametrize(
    ("backend", "words"),
    [
        (PlaintextKeyring(), "PlaintextKeyring stores secrets unencrypted"),
        (keyring.backends.fail.Keyring(), "No secure keyring"),
    ],
    ids=["plaintext", "fail"],
)
def test_an_unsafe_keyring_is_refused_with_exit_3(
    backend: Any, words: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("pw\n"))
    url = "postgresql://bench@127.0.0.1/wh"
    for extra in ((), ("--clear",)):
        assert warehouse_cli("password", url, *extra, passwords=WarehousePasswords(backend)) == 3
        assert words in capsys.readouterr().err
    if isinstance(backend, MemoryKeyring):
        assert backend.secrets == {}  # nothing written to the plain-text store


class AskedPasswords(WarehousePasswords):
    def __init__(self) -> None:
        super().__init__(MemoryKeyring())
        self.asked: list[WarehouseAddress] = []

    def get(self, address: WarehouseAddress) -> str | None:
        self.asked.append(address)
        return None


def test_a_trusted_warehouse_never_wakes_the_keyring(warehouse: Warehouse) -> None:
    passwords = AskedPasswords()
    assert warehouse_cli("status", warehouse.url, passwords=passwords) == 0
    assert passwords.asked == []


def test_the_commands_connect_with_the_password_the_keyring_keeps(
    guarded: LocalPostgres, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://bench@127.0.0.1:{guarded.port}/floor"
    passwords = WarehousePasswords(MemoryKeyring())
    assert warehouse_cli("status", url, passwords=passwords) == 5  # none kept yet
    assert "password" in capsys.readouterr().err
    assert passwords.set(WarehouseAddress.parse(url), BENCH_PASSWORD)
    assert warehouse_cli("init", url, passwords=passwords) == 0
    assert warehouse_cli("status", url, passwords=passwords) == 0
    said = capsys.readouterr()
    assert BENCH_PASSWORD not in said.out + said.err


def test_main_dispatches_the_warehouse_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"postgresql://postgres@127.0.0.1:{_closed_port()}/wh"
    assert main(["warehouse", "status", url]) == 5
    assert "Cannot reach the warehouse" in capsys.readouterr().err


def test_the_commands_parse_as_documented() -> None:
    parse = build_parser().parse_args
    args = parse(["warehouse", "lead", "postgresql://it@h/wh", "Ana", "--remove"])
    assert (args.warehouse_action, args.warehouse_target, args.lead_name, args.remove) == (
        "lead",
        "postgresql://it@h/wh",
        "Ana",
        True,
    )
    args = parse(["warehouse", "view", "postgresql://lead@wh.example/wh"])
    assert (args.warehouse_action, args.warehouse_target) == (
        "view",
        "postgresql://lead@wh.example/wh",
    )
    assert parse(["warehouse", "password", "postgresql://x@h/d", "--clear"]).clear is True
    assert parse(["warehouse", "demo"]).warehouse_action == "demo"
    for wrong in (
        ["warehouse"],
        ["warehouse", "init"],
        ["warehouse", "lead", "postgresql://x@h/d"],
    ):
        with pytest.raises(SystemExit) as exited:
            parse(wrong)
        assert exited.value.code == 2


def test_view_opens_the_leads_window_with_the_url(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    stand_in = types.ModuleType("packstation.ui.views.warehouse_view")
    stand_in.run_view = lambda url: opened.append(url) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "packstation.ui.views.warehouse_view", stand_in)
    assert main(["warehouse", "view", "postgresql://lead@127.0.0.1/wh"]) == 0
    assert opened == ["postgresql://lead@127.0.0.1/wh"]


@pytest.mark.parametrize("action", [["view", "postgresql://lead@127.0.0.1/wh"], ["demo"]])
def test_view_and_demo_without_a_display_say_so_before_starting_anything(
    action: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert main(["warehouse", *action]) == 2
    assert "no display" in capsys.readouterr().err
