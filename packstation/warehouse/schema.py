"""The warehouse schema: versioned migrations, run by IT (``packstation warehouse init``).

Each migration runs in one transaction under a transaction-scoped advisory lock, so two
PCs running ``init`` at once take turns and the second finds nothing left to do. A bench
never alters the schema: it reads the version and refuses one newer than it knows
(:func:`check`), with a sentence the window can say.

Time is always the server's (``now()``): benches' clocks are never compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from packstation.warehouse.errors import SchemaMissing, SchemaTooNew

if TYPE_CHECKING:
    import psycopg

#: The key of the advisory lock that serialises migrations (any constant of our own).
MIGRATION_LOCK = 0x50_53_57_48  # "PSWH"
#: The channel every change is announced on (a poke: readers read after it).
CHANNEL = "packstation"

MIGRATIONS: tuple[str, ...] = (
    # 1: benches, claims, the catalog, the label registry, facts, leads.
    """
    CREATE TABLE benches (
        name text PRIMARY KEY,
        packer text NOT NULL DEFAULT '',
        order_ref text NOT NULL DEFAULT '',
        outbox_waiting integer NOT NULL DEFAULT 0,
        outbox_failed integer NOT NULL DEFAULT 0,
        app_version text NOT NULL DEFAULT '',
        last_seen timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE claims (
        order_id text PRIMARY KEY,
        order_ref text NOT NULL,
        bench text NOT NULL,
        packer text NOT NULL DEFAULT '',
        claimed_at timestamptz NOT NULL DEFAULT now(),
        renewed_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
    );
    CREATE TABLE claim_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL CHECK (kind IN ('takeover', 'released', 'conflict')),
        order_id text NOT NULL,
        order_ref text NOT NULL DEFAULT '',
        bench text NOT NULL DEFAULT '',
        from_bench text NOT NULL DEFAULT '',
        from_packer text NOT NULL DEFAULT '',
        lead text NOT NULL DEFAULT ''
    );
    CREATE SEQUENCE catalog_version;
    CREATE TABLE catalog (
        barcode_key text PRIMARY KEY,
        barcode text NOT NULL,
        sku text NOT NULL,
        units integer NOT NULL DEFAULT 1 CHECK (units > 0),
        source text NOT NULL,
        taught_by text NOT NULL DEFAULT '',
        bench text NOT NULL DEFAULT '',
        deleted boolean NOT NULL DEFAULT false,
        version bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX catalog_by_version ON catalog (version);
    CREATE SEQUENCE labels_version;
    CREATE TABLE labels (
        tracking text PRIMARY KEY,
        bench text NOT NULL,
        order_id text NOT NULL DEFAULT '',
        order_ref text NOT NULL DEFAULT '',
        used_at timestamptz NOT NULL DEFAULT now(),
        version bigint NOT NULL
    );
    CREATE INDEX labels_by_version ON labels (version);
    CREATE TABLE facts (
        id uuid PRIMARY KEY,
        bench text NOT NULL,
        kind text NOT NULL,
        at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        packer text NOT NULL DEFAULT '',
        order_id text NOT NULL DEFAULT '',
        units integer NOT NULL DEFAULT 0,
        payload jsonb NOT NULL
    );
    CREATE INDEX facts_by_day ON facts (at);
    CREATE TABLE leads (
        name text PRIMARY KEY,
        added_at timestamptz NOT NULL DEFAULT now()
    );
    """,
    # 2: Redo's returns as the benches read them, one index for the floor (returns at the
    # bench): a walk of Redo's pages by one bench serves them all.
    """
    CREATE SEQUENCE returns_version;
    CREATE TABLE returns (
        return_id text PRIMARY KEY,
        status text NOT NULL,
        order_name text NOT NULL,
        updated_at text NOT NULL,
        trackers text NOT NULL,
        body text NOT NULL,
        version bigint NOT NULL
    );
    CREATE INDEX returns_by_version ON returns (version);
    -- The newest updatedAt of the last walk that ended, at any bench.
    CREATE TABLE returns_walk (one integer PRIMARY KEY CHECK (one = 1), watermark text NOT NULL);
    """,
)

#: The schema this program knows.
VERSION = len(MIGRATIONS)

#: What a bench's role needs: rows, never the schema.
GRANTS = """\
-- A least-privilege role for the benches (run as the warehouse's owner):
CREATE ROLE packstation_bench LOGIN;  -- add PASSWORD '...' only for password auth
GRANT CONNECT ON DATABASE {dbname} TO packstation_bench;
GRANT USAGE ON SCHEMA public TO packstation_bench;
GRANT SELECT ON packstation_schema, leads TO packstation_bench;
GRANT SELECT, INSERT, UPDATE ON benches, catalog, labels, returns, returns_walk
    TO packstation_bench;
GRANT SELECT, INSERT, UPDATE, DELETE ON claims TO packstation_bench;
GRANT SELECT, INSERT ON claim_events, facts TO packstation_bench;
GRANT USAGE ON SEQUENCE catalog_version, labels_version, returns_version,
    claim_events_id_seq TO packstation_bench;
"""


@dataclass(frozen=True, slots=True)
class Migrated:
    """What ``init`` did: the version before and after (equal: nothing to do)."""

    before: int
    after: int


def version(conn: psycopg.Connection) -> int:
    """The warehouse's schema version; 0 when it has none yet."""
    row = conn.execute("SELECT to_regclass('packstation_schema') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute("SELECT version FROM packstation_schema").fetchone()
    return int(found[0]) if found else 0


def check(conn: psycopg.Connection) -> int:
    """The version, if this bench can work with it (raises :class:`SchemaTooNew` or
    :class:`SchemaMissing`: a bench never alters the schema itself)."""
    found = version(conn)
    if found == 0:
        raise SchemaMissing()
    if found > VERSION:
        raise SchemaTooNew(found, VERSION)
    return found


def init(conn: psycopg.Connection) -> Migrated:
    """Create or upgrade the schema to :data:`VERSION`, one transaction per migration,
    serialised across PCs by an advisory lock; safe to run again at any time."""
    before = None
    while True:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            conn.execute("CREATE TABLE IF NOT EXISTS packstation_schema (version integer NOT NULL)")
            current = version(conn)
            if before is None:
                before = current
            if current > VERSION:
                raise SchemaTooNew(current, VERSION)
            if current == VERSION:
                return Migrated(before, current)
            conn.execute(MIGRATIONS[current])
            if current == 0:
                conn.execute("INSERT INTO packstation_schema (version) VALUES (1)")
            else:
                conn.execute("UPDATE packstation_schema SET version = %s", (current + 1,))


def grants(dbname: str) -> str:
    """The GRANTs for a least-privilege bench role, for IT to run."""
    return GRANTS.format(dbname=_identifier(dbname))


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
