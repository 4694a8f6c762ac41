"""A real PostgreSQL for the suite: one server per session, a fresh database per test.

Each test's database is copied from a template that already has the schema (CREATE
DATABASE ... TEMPLATE takes milliseconds), so tests never share rows. ``PACKSTATION_PG_BIN``
points the server at other binaries (CI also runs these tests on Debian's PostgreSQL 15).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

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
