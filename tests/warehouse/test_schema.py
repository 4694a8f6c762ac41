"""The schema: created once, upgraded in order, safe twice and from two PCs at once; a
bench refuses a schema newer than it knows and never alters it; IT's GRANTs are enough."""

from __future__ import annotations

import threading

import psycopg
import pytest

from packstation.warehouse import claims, floor, schema
from packstation.warehouse.errors import SchemaMissing, SchemaTooNew
from tests.helpers.warehouse import Warehouse


def test_init_creates_the_schema_and_a_second_run_does_nothing(empty_database: Warehouse) -> None:
    with empty_database.connect() as conn:
        with pytest.raises(SchemaMissing):
            schema.check(conn)
        assert schema.init(conn) == schema.Migrated(0, schema.VERSION)
        assert schema.init(conn) == schema.Migrated(schema.VERSION, schema.VERSION)
        assert schema.check(conn) == schema.VERSION
        tables = {
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        }
    assert {"claims", "catalog", "labels", "facts", "benches", "leads"} <= tables


def test_two_pcs_running_init_at_once_take_turns(empty_database: Warehouse) -> None:
    results: list[schema.Migrated] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def run() -> None:
        try:
            with empty_database.connect() as conn:
                start.wait()
                results.append(schema.init(conn))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    # One started from nothing; each migration ran once, in its own transaction (another
    # PC may take the lock between two of them and run the next); all end at the last.
    befores = sorted(r.before for r in results)
    assert befores[0] == 0
    assert befores.count(0) == 1
    assert all(r.after == schema.VERSION for r in results)
    with empty_database.connect() as conn:
        assert conn.execute("SELECT count(*) FROM packstation_schema").fetchone() == (1,)


def test_a_schema_newer_than_the_bench_knows_is_refused_and_left_alone(
    warehouse: Warehouse,
) -> None:
    with warehouse.connect() as conn:
        conn.execute("UPDATE packstation_schema SET version = %s", (schema.VERSION + 1,))
        with pytest.raises(SchemaTooNew) as refused:
            schema.check(conn)
        assert (refused.value.found, refused.value.known) == (schema.VERSION + 1, schema.VERSION)
        with pytest.raises(SchemaTooNew):
            schema.init(conn)
        assert schema.version(conn) == schema.VERSION + 1


def test_the_printed_grants_are_all_a_bench_needs(warehouse: Warehouse) -> None:
    """A role given only IT's GRANTs claims, pushes, reports and reads; it cannot alter
    the schema."""
    role = f"bench_{warehouse.dbname}"
    with warehouse.connect() as conn:
        conn.execute(schema.grants(warehouse.dbname).replace("packstation_bench", role))
    url = warehouse.url.replace("postgres@", f"{role}@")
    with psycopg.connect(url, autocommit=True) as bench:
        assert schema.check(bench) == schema.VERSION
        assert isinstance(claims.claim(bench, "o1", "#1001", "Bench 1", "Ana", 60), claims.Claimed)
        assert claims.release(bench, "o1", "Bench 1")
        floor.report(bench, floor.BenchState("Bench 1", "Ana"))
        fact = floor.Fact(
            "00000000-0000-0000-0000-000000000001", "shipment", 1.0, tracking=("1Z1",)
        )
        assert floor.push(bench, "Bench 1", [fact]) == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bench.execute("ALTER TABLE claims ADD COLUMN x integer")
