"""Redo's returns, one index for the floor (schema version 2).

Redo's returns API cannot be asked by tracking number, so each bench keeps an index of
returns (``store/returns_index.py``) filled by walking Redo's pages. In a warehouse one
walk serves every bench: a bench shares what its walk read here, and the others read the
rows changed since the version they applied, as they read the catalog (a poke on the
channel, versioned rows after it, everything again after a reconnect). The newest
``updatedAt`` of the last walk that ended, at any bench, is kept too: a bench starting
with the floor's rows walks Redo only from there.

A row is replaced only by one Redo updated later: an older page read by a slow bench never
overwrites a newer status.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from packstation.warehouse.schema import CHANNEL

if TYPE_CHECKING:
    import psycopg

#: The schema version that has the floor's returns.
SINCE_SCHEMA = 2
#: Rows read per call.
PAGE = 2000


@dataclass(frozen=True, slots=True)
class SharedReturn:
    return_id: str
    status: str
    order_name: str
    #: Redo's ``updatedAt`` (UTC, ISO 8601, compared as text).
    updated_at: str
    #: The return's trackers, as a JSON list.
    trackers: str
    body: str
    version: int = 0


def share(conn: psycopg.Connection, rows: Sequence[SharedReturn], watermark: str = "") -> int:
    """Add or update these returns (a newer ``updatedAt`` wins) and, after a walk that
    ended, the floor's watermark; the benches are poked. The count of rows changed."""
    changed = 0
    with conn.transaction():
        for row in rows:
            done = conn.execute(
                "INSERT INTO returns (return_id, status, order_name, updated_at, trackers,"
                " body, version) VALUES (%s, %s, %s, %s, %s, %s, nextval('returns_version'))"
                " ON CONFLICT (return_id) DO UPDATE SET status = excluded.status,"
                " order_name = excluded.order_name, updated_at = excluded.updated_at,"
                " trackers = excluded.trackers, body = excluded.body,"
                " version = excluded.version"
                " WHERE returns.updated_at < excluded.updated_at",
                (
                    row.return_id,
                    row.status,
                    row.order_name,
                    row.updated_at,
                    row.trackers,
                    row.body,
                ),
            )
            changed += done.rowcount
        if watermark:
            conn.execute(
                "INSERT INTO returns_walk (one, watermark) VALUES (1, %s) ON CONFLICT (one)"
                " DO UPDATE SET watermark = excluded.watermark"
                " WHERE returns_walk.watermark < excluded.watermark",
                (watermark,),
            )
        if changed:
            conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, '{"kind": "returns"}'))
    return changed


def changes_since(conn: psycopg.Connection, version: int, limit: int = PAGE) -> list[SharedReturn]:
    """Rows changed after ``version``, oldest change first (0: every row)."""
    rows = conn.execute(
        "SELECT return_id, status, order_name, updated_at, trackers, body, version"
        " FROM returns WHERE version > %s ORDER BY version LIMIT %s",
        (version, limit),
    ).fetchall()
    return [SharedReturn(*row) for row in rows]


def watermark(conn: psycopg.Connection) -> str:
    """The newest ``updatedAt`` of the last walk that ended at any bench ("" for none)."""
    row = conn.execute("SELECT watermark FROM returns_walk").fetchone()
    return str(row[0]) if row else ""
