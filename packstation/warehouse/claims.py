"""Claims with leases: one bench packs an order at a time, and a dead bench lets go.

A claim is a row per Redo order ID with an expiry set by the server's clock. Opening an
order claims it; the bench renews while the order is open and releases it on ship, clear
and quit. A claim whose lease ran out belongs to nobody: the next bench to ask wins it,
in one statement (``INSERT ... ON CONFLICT ... WHERE expires_at < now()``), so of twenty
benches racing exactly one gets a row back. A lead takes a live claim over (recorded, and
announced so the bench that lost it closes the order at once) or releases it.

Every change is announced on :data:`~packstation.warehouse.schema.CHANNEL` as
``{"kind": "claim", "order_id": ..., "bench": <new holder or "">, "from": <old holder>}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from packstation.warehouse.schema import CHANNEL

if TYPE_CHECKING:
    import psycopg


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds an order: the bench, its packer, since when (server time)."""

    order_id: str
    order_ref: str
    bench: str
    packer: str
    since: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Claimed:
    """The order is this bench's until ``expires_at`` (renew before then)."""

    order_id: str
    expires_at: datetime
    #: Taken over from another bench (a lead's ``PS-TAKEOVER``), else None.
    taken_from: Holder | None = None


@dataclass(frozen=True, slots=True)
class HeldElsewhere:
    """Another bench holds the order: said aloud with who and since when."""

    holder: Holder


ClaimResult = Claimed | HeldElsewhere

_HOLDER = "order_id, order_ref, bench, packer, claimed_at, expires_at"


def _holder(row: Any) -> Holder:
    return Holder(row[0], row[1], row[2], row[3], row[4], row[5])


def _announce(conn: psycopg.Connection, **payload: str) -> None:
    conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, json.dumps({"kind": "claim", **payload})))


def claim(  # noqa: PLR0917 - an order, its bench and packer, the lease: read in order
    conn: psycopg.Connection,
    order_id: str,
    order_ref: str,
    bench: str,
    packer: str,
    lease: float,
) -> ClaimResult:
    """Claim ``order_id`` for ``bench``: won when nobody holds it, its lease ran out, or
    this bench holds it already (a restart); otherwise who holds it."""
    with conn.transaction():
        # Who had it (a lease that ran out): told it is gone, in the announcement.
        before = conn.execute("SELECT bench FROM claims WHERE order_id = %s", (order_id,))
        old = before.fetchone()
        row = conn.execute(
            "INSERT INTO claims (order_id, order_ref, bench, packer, expires_at)"
            " VALUES (%s, %s, %s, %s, now() + make_interval(secs => %s))"
            " ON CONFLICT (order_id) DO UPDATE SET"
            "  order_ref = excluded.order_ref, packer = excluded.packer,"
            "  claimed_at = CASE WHEN claims.bench = excluded.bench"
            "               THEN claims.claimed_at ELSE now() END,"
            "  bench = excluded.bench, renewed_at = now(), expires_at = excluded.expires_at"
            " WHERE claims.bench = excluded.bench OR claims.expires_at < now()"
            " RETURNING expires_at",
            (order_id, order_ref, bench, packer, lease),
        ).fetchone()
        if row is not None:
            was = str(old[0]) if old is not None and old[0] != bench else ""
            _announce(conn, order_id=order_id, bench=bench, **{"from": was})
            return Claimed(order_id, row[0])
        held = conn.execute(
            f"SELECT {_HOLDER} FROM claims WHERE order_id = %s",  # noqa: S608 - constant columns
            (order_id,),
        ).fetchone()
    if held is None:  # released between the two statements: ask again
        return claim(conn, order_id, order_ref, bench, packer, lease)
    return HeldElsewhere(_holder(held))


def renew(conn: psycopg.Connection, order_id: str, bench: str, lease: float) -> Claimed | None:
    """Extend this bench's lease; None when the claim is no longer this bench's (taken
    over, or released by a lead, or run out and won by another bench)."""
    row = conn.execute(
        "UPDATE claims SET renewed_at = now(), expires_at = now() + make_interval(secs => %s)"
        " WHERE order_id = %s AND bench = %s RETURNING expires_at",
        (lease, order_id, bench),
    ).fetchone()
    return None if row is None else Claimed(order_id, row[0])


def release(conn: psycopg.Connection, order_id: str, bench: str) -> bool:
    """This bench lets go of ``order_id`` (shipped, cleared, quit); True if it held it."""
    with conn.transaction():
        gone = conn.execute(
            "DELETE FROM claims WHERE order_id = %s AND bench = %s", (order_id, bench)
        ).rowcount
        if gone:
            _announce(conn, order_id=order_id, bench="", **{"from": bench})
    return bool(gone)


def take_over(  # noqa: PLR0917 - as claim, and the lead
    conn: psycopg.Connection,
    order_id: str,
    order_ref: str,
    bench: str,
    packer: str,
    lead: str,
    lease: float,
) -> Claimed:
    """A lead moves ``order_id`` to ``bench``, whoever held it; recorded and announced, so
    the bench that lost it is told at once."""
    with conn.transaction():
        old = conn.execute(
            f"SELECT {_HOLDER} FROM claims WHERE order_id = %s FOR UPDATE",  # noqa: S608
            (order_id,),
        ).fetchone()
        row = conn.execute(
            "INSERT INTO claims (order_id, order_ref, bench, packer, expires_at)"
            " VALUES (%s, %s, %s, %s, now() + make_interval(secs => %s))"
            " ON CONFLICT (order_id) DO UPDATE SET order_ref = excluded.order_ref,"
            "  bench = excluded.bench, packer = excluded.packer, claimed_at = now(),"
            "  renewed_at = now(), expires_at = excluded.expires_at"
            " RETURNING expires_at",
            (order_id, order_ref, bench, packer, lease),
        ).fetchone()
        assert row is not None  # an upsert always returns its row
        previous = _holder(old) if old is not None and old[2] != bench else None
        if previous is not None:
            conn.execute(
                "INSERT INTO claim_events (kind, order_id, order_ref, bench, from_bench,"
                " from_packer, lead) VALUES ('takeover', %s, %s, %s, %s, %s, %s)",
                (order_id, order_ref, bench, previous.bench, previous.packer, lead),
            )
        _announce(
            conn, order_id=order_id, bench=bench, **{"from": previous.bench if previous else ""}
        )
    return Claimed(order_id, row[0], previous)


def release_by_lead(conn: psycopg.Connection, order_id: str, lead: str) -> Holder | None:
    """A lead frees ``order_id`` from whichever bench holds it (recorded); its holder."""
    with conn.transaction():
        old = conn.execute(
            f"DELETE FROM claims WHERE order_id = %s RETURNING {_HOLDER}",  # noqa: S608
            (order_id,),
        ).fetchone()
        if old is None:
            return None
        holder = _holder(old)
        conn.execute(
            "INSERT INTO claim_events (kind, order_id, order_ref, from_bench, from_packer, lead)"
            " VALUES ('released', %s, %s, %s, %s, %s)",
            (order_id, holder.order_ref, holder.bench, holder.packer, lead),
        )
        _announce(conn, order_id=order_id, bench="", **{"from": holder.bench})
    return holder


def record_conflict(
    conn: psycopg.Connection, order_id: str, order_ref: str, bench: str, other: Holder
) -> None:
    """A bench that packed ``order_id`` while the warehouse was out of reach found it held
    elsewhere on reconnect: recorded for the lead."""
    conn.execute(
        "INSERT INTO claim_events (kind, order_id, order_ref, bench, from_bench, from_packer)"
        " VALUES ('conflict', %s, %s, %s, %s, %s)",
        (order_id, order_ref, bench, other.bench, other.packer),
    )


def live(conn: psycopg.Connection) -> list[Holder]:
    """Every claim whose lease has not run out, oldest first."""
    rows = conn.execute(
        f"SELECT {_HOLDER} FROM claims WHERE expires_at >= now() ORDER BY claimed_at"  # noqa: S608
    ).fetchall()
    return [_holder(r) for r in rows]
