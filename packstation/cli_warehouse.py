"""``packstation warehouse ...``: IT's commands for warehouse mode (issue 23).

``init URL`` creates or upgrades the schema and prints the GRANTs for the benches' role;
``status URL`` prints the benches, the live claims and each bench's outbox; ``password URL``
keeps the password read from standard input in the OS keyring (``--clear`` removes it);
``lead URL NAME`` names a lead at every bench (``--remove``: no longer); ``view URL`` opens
the lead's Warehouse window on its own; ``demo`` runs a whole warehouse on this PC
(``cli_warehouse_demo.py``).

Every outcome is said in one line, in English (IT's terminal and scripts), and the exit
code tells a deployment tool what happened: 0 done (also when there was nothing to do:
the schema already current, a lead already named), 2 bad input (the address, the name,
nothing on standard input, the demo's dependency group not installed; ``view`` and
``demo`` without a display, said by ``app.py``), 3 no secure keyring, 5 the warehouse
cannot be reached, refused the work, or has no schema or one newer than this PackStation
knows.

This module is imported by every launch (the parser is built before the window shows):
it loads psycopg, keyring, the window's words and the demo's process machinery only
inside the command that needs them.
"""

# ruff: noqa: T201 - a command's outcome is printed: that is its interface

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import datetime

    import psycopg

    from packstation.cli_warehouse_demo import Child
    from packstation.credentials import WarehousePasswords
    from packstation.warehouse.address import WarehouseAddress
    from packstation.warehouse.errors import SchemaTooNew

DONE, BAD_INPUT, KEYRING_REFUSED, UNREACHABLE = 0, 2, 3, 5
#: How the commands' connections are named on the server (``pg_stat_activity``).
APPLICATION = "packstation warehouse (IT)"


class Stop(Exception):
    """A command ends here: ``sentence`` on standard error, exit ``code``."""

    def __init__(self, code: int, sentence: str) -> None:
        super().__init__(sentence)
        self.code = code
        self.sentence = sentence


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    warehouse = sub.add_parser(
        "warehouse", help="set up, watch and demo the shared warehouse (for IT)"
    )
    actions = warehouse.add_subparsers(dest="warehouse_action", required=True, metavar="ACTION")
    url = "the warehouse's PostgreSQL URI, without a password (postgresql://user@host/db)"
    init = actions.add_parser("init", help="create or upgrade the schema; print the GRANTs")
    status = actions.add_parser("status", help="the benches, the claims and the outboxes")
    password = actions.add_parser("password", help="keep the password from stdin in the keyring")
    lead = actions.add_parser("lead", help="name a lead at every bench")
    view = actions.add_parser("view", help="open the lead's Warehouse window")
    for parser in (init, status, password, lead, view):
        parser.add_argument("warehouse_target", metavar="URL", help=url)
    password.add_argument("--clear", action="store_true", help="remove the kept password")
    lead.add_argument("lead_name", metavar="NAME", help="the name on the lead's badge")
    lead.add_argument("--remove", action="store_true", help="no longer a lead")
    actions.add_parser(
        "demo", help="a whole warehouse on this PC: PostgreSQL, sandbox, two benches, the view"
    )


def run(
    args: argparse.Namespace,
    passwords: WarehousePasswords | None = None,
    spawn: Callable[..., Child] | None = None,
) -> int:
    """Run ``args.warehouse_action``; ``passwords`` (the keyring) and ``spawn`` (how the
    demo starts its windows) are the tests' to replace."""
    if passwords is None:
        from packstation.credentials import WarehousePasswords

        passwords = WarehousePasswords()
    try:
        if args.warehouse_action == "demo":
            import subprocess

            from packstation.cli_warehouse_demo import run_demo

            return run_demo(spawn or subprocess.Popen)
        if args.warehouse_action == "view":
            return _view(args)
        commands = {"init": _init, "status": _status, "password": _password, "lead": _lead}
        return commands[args.warehouse_action](args, passwords)
    except Stop as stop:
        print(stop.sentence, file=sys.stderr, flush=True)
        return stop.code


# ---------------------------------------------------------------- the warehouse


def _address(url: str) -> WarehouseAddress:
    from packstation.warehouse.address import AddressError, WarehouseAddress

    try:
        return WarehouseAddress.parse(url)
    except AddressError as exc:
        from packstation.ui.words.starting import warehouse_address_text

        raise Stop(BAD_INPUT, warehouse_address_text(exc.problem, exc.host) + ".") from None


@contextmanager
def connection(
    address: WarehouseAddress, password: Callable[[WarehouseAddress], str | None]
) -> Iterator[psycopg.Connection]:
    """A connection, closed after; unreachable, refused or a broken schema: :class:`Stop`."""
    import psycopg

    from packstation.warehouse.connect import connect, reason
    from packstation.warehouse.errors import SchemaMissing, SchemaTooNew, WarehouseOffline

    try:
        conn = connect(address, APPLICATION, password)
    except WarehouseOffline as exc:
        hint = (
            " If its server asks for a password, keep it with: packstation warehouse password URL"
            if "password" in exc.reason
            else ""
        )
        raise Stop(
            UNREACHABLE, f"Cannot reach the warehouse {address.shown()}: {exc.reason}.{hint}"
        ) from None
    try:
        with conn:
            yield conn
    except SchemaTooNew as exc:
        raise Stop(UNREACHABLE, _too_new(exc)) from None
    except SchemaMissing:
        raise Stop(
            UNREACHABLE,
            f"The warehouse {address.shown()} has no PackStation schema yet: "
            "run packstation warehouse init URL first.",
        ) from None
    except psycopg.Error as exc:
        raise Stop(
            UNREACHABLE, f"The warehouse {address.shown()} refused: {reason(exc)}."
        ) from None


def _too_new(exc: SchemaTooNew) -> str:
    return (
        f"The warehouse's schema is version {exc.found}, newer than this PackStation knows "
        f"({exc.known}): update PackStation on this computer first. Nothing was changed."
    )


def _init(args: argparse.Namespace, passwords: WarehousePasswords) -> int:
    from packstation.warehouse import schema

    address = _address(args.warehouse_target)
    with connection(address, passwords.get) as conn:
        done = schema.init(conn)
    where = address.shown()
    if done.before == 0:
        print(f"Warehouse schema created (version {done.after}) in {where}.")
    elif done.before == done.after:
        print(f"Warehouse schema already at version {done.after} in {where}: nothing to do.")
    else:
        print(f"Warehouse schema upgraded from version {done.before} to {done.after} in {where}.")
    print()
    print(schema.grants(address.dbname), end="", flush=True)
    return DONE


def _ago(seconds: float) -> str:
    seconds = max(seconds, 0)
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    if seconds < 36 * 3600:
        return f"{seconds / 3600:.0f} h"
    return f"{seconds / 86400:.0f} d"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """Aligned columns, two spaces apart (``right``: numbers, right-aligned)."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    return [
        "  "
        + "  ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in [headers, *rows]
    ]


def _status(args: argparse.Namespace, passwords: WarehousePasswords) -> int:
    from packstation.warehouse import claims, floor, schema

    address = _address(args.warehouse_target)
    with connection(address, passwords.get) as conn:
        version = schema.check(conn)
        now_row = conn.execute("SELECT now()").fetchone()
        assert now_row is not None
        now: datetime = now_row[0]
        benches = floor.benches(conn)
        held = claims.live(conn)
        leads = floor.leads(conn)
    lines = [f"Warehouse {address.shown()}, schema version {version}.", ""]
    if not benches:
        lines.append("No bench has joined yet.")
    else:
        lines.append(f"Benches ({len(benches)}):")
        headers = ["Bench", "Packer", "Open order", "Units today", "Items/hour"]
        headers += ["Outbox waiting", "Outbox failed", "Last seen"]
        bench_rows = [
            (
                b.name,
                b.packer or "-",
                b.order_ref or "-",
                str(b.units_today),
                "-" if b.items_per_hour is None else f"{b.items_per_hour:.0f}",
                str(b.outbox_waiting),
                str(b.outbox_failed),
                _ago(b.seconds_since_seen) + " ago",
            )
            for b in benches
        ]
        lines += _table(headers, bench_rows, right={3, 4, 5, 6})
    lines.append("")
    if not held:
        lines.append("No order is claimed.")
    else:
        lines.append(f"Claims ({len(held)}):")
        rows = [
            (
                h.order_ref or h.order_id,
                h.bench,
                h.packer or "-",
                f"{h.since.astimezone():%H:%M:%S} ({_ago((now - h.since).total_seconds())} ago)",
                _ago((h.expires_at - now).total_seconds()),
            )
            for h in held
        ]
        lines += _table(("Order", "Bench", "Packer", "Since", "Expires in"), rows, right={4})
    lines += ["", _outboxes(benches)]
    lines.append(f"Leads named by the warehouse: {', '.join(leads) if leads else 'none'}.")
    print("\n".join(lines), flush=True)
    return DONE


def _outboxes(benches: Sequence[Any]) -> str:
    """Each bench's outbox health in one line: the ones with work left, or all clear."""
    if not benches:
        return "Outboxes: no bench has reported one yet."
    behind = [
        f"{b.name} has {b.outbox_failed} failed and {b.outbox_waiting} waiting"
        for b in benches
        if b.outbox_failed or b.outbox_waiting
    ]
    if not behind:
        return "Outboxes: every bench has sent everything."
    others = "; the others have sent everything" if len(behind) < len(benches) else ""
    return "Outboxes: " + "; ".join(behind) + others + "."


# ---------------------------------------------------------------- keyring and leads


def _read_secret() -> str:
    """One line of standard input (asked without echo at a terminal), ends of line off."""
    if sys.stdin is None:
        return ""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass("Warehouse password: ")
    return sys.stdin.readline().rstrip("\r\n")


def _password(args: argparse.Namespace, passwords: WarehousePasswords) -> int:
    import keyring.errors

    address = _address(args.warehouse_target)
    whose = address.keyring_user
    problem = ""
    if (refused := passwords.problem) is not None:
        from packstation.ui.words.problems import keyring_text  # English: no translator here

        problem = keyring_text(refused)
    if args.clear:
        if problem:
            raise Stop(KEYRING_REFUSED, f"Nothing removed: {problem}")
        if passwords.clear(address):
            print(f"Password for {whose} removed from the keyring.")
        else:
            print(f"No password was kept for {whose}: nothing to remove.")
        return DONE
    if problem:
        raise Stop(KEYRING_REFUSED, f"Cannot keep the password: {problem}")
    secret = _read_secret()
    if not secret.strip():
        raise Stop(BAD_INPUT, "No password on standard input. Nothing stored.")
    try:
        kept = passwords.set(address, secret)
    except keyring.errors.KeyringError:
        kept = False
    if not kept:
        raise Stop(KEYRING_REFUSED, "The keyring did not take the password. Nothing stored.")
    backend = type(passwords.backend or keyring.get_keyring()).__name__
    print(f"Password for {whose} kept in the keyring ({backend}).")
    return DONE


def _lead(args: argparse.Namespace, passwords: WarehousePasswords) -> int:
    from packstation.warehouse import floor, schema

    name = args.lead_name.strip()
    if not 1 <= len(name) <= 40 or not name.isprintable():
        raise Stop(
            BAD_INPUT,
            "A lead's name is the one on their badge (PS-USER-<name>): 1 to 40 characters.",
        )
    address = _address(args.warehouse_target)
    with connection(address, passwords.get) as conn:
        schema.check(conn)
        changed = floor.remove_lead(conn, name) if args.remove else floor.add_lead(conn, name)
    if args.remove:
        print(
            f"{name} is no longer a lead named by the warehouse."
            if changed
            else f"{name} was not a lead named by the warehouse: nothing to do."
        )
    else:
        print(
            f"{name} is now a lead at every bench of {address.shown()}."
            if changed
            else f"{name} was already a lead: nothing to do."
        )
    return DONE


def _view(args: argparse.Namespace) -> int:
    _address(args.warehouse_target)  # refused here, in words, before a window opens
    from packstation.ui.views.warehouse_view import run_view

    return int(run_view(args.warehouse_target))
