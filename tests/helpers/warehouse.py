"""A real PostgreSQL for the suite: one server per session, a fresh database per test.

Each test's database is copied from a template that already has the schema (CREATE
DATABASE ... TEMPLATE takes milliseconds), so tests never share rows. ``PACKSTATION_PG_BIN``
points the server at other binaries (CI also runs these tests on Debian's PostgreSQL 15).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from packstation.warehouse import schema
from packstation.warehouse.local_server import LocalPostgres

_numbers = itertools.count(1)
TEMPLATE = "packstation_template"


@dataclass
class Warehouse:
    """A database of its own, with the schema, on the session's server."""

    server: LocalPostgres
    url: str
    dbname: str

    def connect(self) -> psycopg.Connection:
        return psycopg.connect(self.url, autocommit=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[LocalPostgres]:
    server = LocalPostgres().start()
    try:
        with psycopg.connect(server.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
        with psycopg.connect(server.url_for(TEMPLATE), autocommit=True) as conn:
            schema.init(conn)
        yield server
    finally:
        server.close()


def new_database(server: LocalPostgres, template: str = TEMPLATE) -> Warehouse:
    name = f"wh_{next(_numbers)}"
    with psycopg.connect(server.url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    return Warehouse(server, server.url_for(name), name)


@pytest.fixture
def warehouse(postgres: LocalPostgres) -> Warehouse:
    """A database with the schema, this test's alone."""
    return new_database(postgres)


@pytest.fixture
def empty_database(postgres: LocalPostgres) -> Warehouse:
    """A database without the schema (``init`` tests)."""
    return new_database(postgres, "template1")


#: The password of the role ``bench`` on the ``guarded`` server.
BENCH_PASSWORD = "s3cret-Kiwi-42"


@pytest.fixture(scope="session")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalPostgres]:
    """A server where the role ``bench`` needs a password (it owns the database ``floor``)
    and every other role is trusted."""
    folder: Path = tmp_path_factory.mktemp("guarded")
    server = LocalPostgres(folder / "postgres").start()
    try:
        with psycopg.connect(server.url, autocommit=True) as conn:
            conn.execute(f"CREATE ROLE bench LOGIN PASSWORD '{BENCH_PASSWORD}'")
            conn.execute("CREATE DATABASE floor OWNER bench")
        hba = server.data / "pg_hba.conf"
        hba.write_text(
            "host all bench 127.0.0.1/32 scram-sha-256\n" + hba.read_text("utf-8"), "utf-8"
        )
        with psycopg.connect(server.url, autocommit=True) as conn:
            conn.execute("SELECT pg_reload_conf()")
        yield server
    finally:
        server.close()
