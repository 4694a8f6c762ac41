"""The floor: which benches are there and what they do, the label registry, facts, leads.

A bench says how it is (packer, open order, outbox health) when that changes and on a slow
heartbeat; what it did (a shipment, a box, a refusal) is a *fact*, pushed from its local
queue with an ID minted on the bench: a fact pushed twice (a crash between the push and
the bench's note of it) is stored once. A shipment's tracking numbers enter the label
registry in the same transaction, so a label used at any bench is "used before" at every
bench; a barcode taught or forgotten enters the catalog the same way. Each change is announced on the channel (``{"kind": "bench"|"label"|"fact"}``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from packstation.warehouse.schema import CHANNEL

if TYPE_CHECKING:
    import psycopg

#: The advisory lock label writers hold, so versions become visible in order.
LABELS_LOCK = 0x50_53_4C_42  # "PSLB"


@dataclass(frozen=True, slots=True)
class BenchState:
    """What a bench says of itself."""

    name: str
    packer: str = ""
    order_ref: str = ""
    outbox_waiting: int = 0
    outbox_failed: int = 0
    app_version: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """Something a bench did, with an ID minted on the bench (a UUID)."""

    id: str
    kind: str  # "shipment", "box", "refusal", "taught", "forgot", ...
    at: float  # the bench's time.time() when it happened (for the day's figures)
    packer: str = ""
    order_id: str = ""
    units: int = 0
    #: Tracking numbers the fact used (a shipment's, a box's): the label registry's.
    tracking: tuple[str, ...] = ()
    order_ref: str = ""
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BenchRow:
    """A bench as the lead's view shows it."""

    name: str
    packer: str
    order_ref: str
    outbox_waiting: int
    outbox_failed: int
    last_seen: datetime
    seconds_since_seen: float
    units_today: int
    items_per_hour: float | None


@dataclass(frozen=True, slots=True)
class PackerDay:
    """One packer's day across benches."""

    packer: str
    shipments: int
    units: int
    benches: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class UsedLabel:
    tracking: str
    bench: str
    order_id: str
    order_ref: str
    used_at: datetime
    version: int


def _announce(conn: psycopg.Connection, kind: str, **more: Any) -> None:
    conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, json.dumps({"kind": kind, **more})))


def report(conn: psycopg.Connection, state: BenchState) -> None:
    """This bench is here, as ``state`` says (its ``last_seen`` is the server's now)."""
    with conn.transaction():
        conn.execute(
            "INSERT INTO benches (name, packer, order_ref, outbox_waiting, outbox_failed,"
            " app_version, last_seen) VALUES (%s, %s, %s, %s, %s, %s, now())"
            " ON CONFLICT (name) DO UPDATE SET packer = excluded.packer,"
            "  order_ref = excluded.order_ref, outbox_waiting = excluded.outbox_waiting,"
            "  outbox_failed = excluded.outbox_failed, app_version = excluded.app_version,"
            "  last_seen = now()",
            (
                state.name,
                state.packer,
                state.order_ref,
                state.outbox_waiting,
                state.outbox_failed,
                state.app_version,
            ),
        )
        _announce(conn, "bench", bench=state.name)


def push(conn: psycopg.Connection, bench: str, facts: Sequence[Fact]) -> int:
    """Store ``facts`` once each (a fact already there is skipped); how many were new."""
    if not facts:
        return 0
    new = 0
    with conn.transaction():
        for fact in facts:
            inserted = conn.execute(
                "INSERT INTO facts (id, bench, kind, at, packer, order_id, units, payload)"
                " VALUES (%s, %s, %s, to_timestamp(%s), %s, %s, %s, %s)"
                " ON CONFLICT (id) DO NOTHING",
                (
                    fact.id,
                    bench,
                    fact.kind,
                    fact.at,
                    fact.packer,
                    fact.order_id,
                    fact.units,
                    json.dumps(fact.payload),
                ),
            ).rowcount
            new += inserted
            if inserted and fact.tracking:
                _use_labels(conn, bench, fact)
            if inserted and fact.kind in ("taught", "forgot"):
                _change_catalog(conn, bench, fact)
        _announce(conn, "fact", bench=bench)
    return new


def _use_labels(conn: psycopg.Connection, bench: str, fact: Fact) -> None:
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (LABELS_LOCK,))
    for number in fact.tracking:
        conn.execute(
            "INSERT INTO labels (tracking, bench, order_id, order_ref, version)"
            " VALUES (%s, %s, %s, %s, nextval('labels_version'))"
            " ON CONFLICT (tracking) DO NOTHING",
            (number, bench, fact.order_id, fact.order_ref),
        )
    _announce(conn, "label")


def _change_catalog(conn: psycopg.Connection, bench: str, fact: Fact) -> None:
    """A barcode taught or forgotten at a bench, now the warehouse's: every bench's."""
    from packstation.packing.catalog import CatalogEntry
    from packstation.warehouse import catalog

    barcode = str(fact.payload.get("barcode", ""))
    if fact.kind == "taught":
        entry = CatalogEntry(str(fact.payload.get("sku", "")), barcode)
        catalog.teach(conn, entry, fact.packer, bench)
    else:
        catalog.forget(conn, barcode, fact.packer, bench)


def labels_since(
    conn: psycopg.Connection, version: int, days: int = 30, limit: int = 5000
) -> list[UsedLabel]:
    """Labels registered after ``version`` and used in the last ``days``, oldest first."""
    rows = conn.execute(
        "SELECT tracking, bench, order_id, order_ref, used_at, version FROM labels"
        " WHERE version > %s AND used_at > now() - make_interval(days => %s)"
        " ORDER BY version LIMIT %s",
        (version, days, limit),
    ).fetchall()
    return [UsedLabel(*row) for row in rows]


def leads(conn: psycopg.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM leads ORDER BY name").fetchall()]


def add_lead(conn: psycopg.Connection, name: str) -> bool:
    """``name`` is a lead at every bench; False if they were already."""
    added = conn.execute(
        "INSERT INTO leads (name) VALUES (%s) ON CONFLICT DO NOTHING", (name.strip(),)
    ).rowcount
    if added:
        _announce(conn, "lead")
    return bool(added)


def remove_lead(conn: psycopg.Connection, name: str) -> bool:
    removed = conn.execute("DELETE FROM leads WHERE name = %s", (name.strip(),)).rowcount
    if removed:
        _announce(conn, "lead")
    return bool(removed)


#: Items per hour: units shipped today over the hours between a bench's first and last
#: shipment today (at least a quarter of an hour, so two quick boxes are not 400 an hour).
_TODAY = "at >= date_trunc('day', now())"


def benches(conn: psycopg.Connection) -> list[BenchRow]:
    """Every bench with today's shipped units and items per hour, by name."""
    rows = conn.execute(  # constant SQL (_TODAY is ours)
        "SELECT b.name, b.packer, b.order_ref, b.outbox_waiting, b.outbox_failed, b.last_seen,"  # noqa: S608
        " extract(epoch FROM now() - b.last_seen),"
        " coalesce(f.units, 0), f.first_at, f.last_at"
        " FROM benches b LEFT JOIN ("
        "  SELECT bench, sum(units) AS units, min(at) AS first_at, max(at) AS last_at"
        f"  FROM facts WHERE kind IN ('shipment', 'box') AND {_TODAY} GROUP BY bench"
        " ) f ON f.bench = b.name ORDER BY b.name"
    ).fetchall()
    out = []
    for name, packer, ref, waiting, failed, seen, ago, units, first, last in rows:
        rate = None
        if units and first is not None and last is not None:
            hours = max((last - first).total_seconds() / 3600, 0.25)
            rate = units / hours
        out.append(BenchRow(name, packer, ref, waiting, failed, seen, float(ago), int(units), rate))
    return out


def packers_today(conn: psycopg.Connection) -> list[PackerDay]:
    """Today's shipments and units per packer, across benches, busiest first."""
    rows = conn.execute(
        "SELECT packer, count(*) FILTER (WHERE kind = 'shipment'), coalesce(sum(units), 0),"  # noqa: S608
        " array_agg(DISTINCT bench ORDER BY bench)"
        f" FROM facts WHERE kind IN ('shipment', 'box') AND {_TODAY}"
        " GROUP BY packer ORDER BY 3 DESC, 1"
    ).fetchall()
    return [PackerDay(p or "", int(s), int(u), tuple(b)) for p, s, u, b in rows]
