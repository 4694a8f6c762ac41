"""Connections to the warehouse: short timeouts, autocommit, errors made typed.

A bench holds at most two: one that works (claims, pushes, reads) on its warehouse
thread, one that listens for the channel's pokes. Both are made here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from packstation.warehouse import driver
from packstation.warehouse.errors import WarehouseOffline

if TYPE_CHECKING:
    import psycopg

    from packstation.warehouse.address import WarehouseAddress

#: A statement that takes longer is cut (a lock held by a stuck bench, a slow disk):
#: the bench then treats the warehouse as out of reach rather than hang its thread.
STATEMENT_TIMEOUT_MS = 5000


def no_password(_: WarehouseAddress) -> str | None:
    return None


def connect(
    address: WarehouseAddress,
    application: str,
    password: Callable[[WarehouseAddress], str | None] = no_password,
) -> psycopg.Connection:
    """An autocommit connection, or :class:`WarehouseOffline` with libpq's reason.

    The keyring is asked for a password only when the server asks for one: trust, peer and
    certificate authentication (and ``.pgpass``) never wake it, which spares a bench the
    keyring's start (60 ms and more) on the way to its first claim."""
    driver.load()  # before any import of psycopg on this thread: see driver.py
    import psycopg

    def attempt(secret: str | None) -> psycopg.Connection:
        keywords = address.conninfo(application, secret)
        keywords["options"] = (
            keywords.get("options", "") + f" -c statement_timeout={STATEMENT_TIMEOUT_MS}"
        ).strip()
        return psycopg.connect(autocommit=True, **keywords)  # type: ignore[arg-type]

    try:
        try:
            return attempt(None)
        except psycopg.OperationalError as exc:
            secret = password(address) if _asks_for_a_password(exc) else None
            if not secret:
                raise
            return attempt(secret)
    except psycopg.Error as exc:
        raise WarehouseOffline(reason(exc)) from None


def _asks_for_a_password(exc: BaseException) -> bool:
    """libpq's words when the server wants a password and was given none."""
    return "no password supplied" in str(exc)


def reason(exc: BaseException) -> str:
    """libpq's words for the log, first line only: they never carry the password."""
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__
