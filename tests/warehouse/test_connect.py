"""Connecting to the warehouse: the keyring is asked for a password only when the server
asks for one, and a refused password is said in libpq's words, never with the password."""

from __future__ import annotations

import pytest

from packstation.warehouse.address import WarehouseAddress
from packstation.warehouse.connect import connect
from packstation.warehouse.errors import WarehouseOffline
from packstation.warehouse.local_server import LocalPostgres
from tests.helpers.warehouse import BENCH_PASSWORD


def address(server: LocalPostgres, user: str) -> WarehouseAddress:
    return WarehouseAddress.parse(f"postgresql://{user}@127.0.0.1:{server.port}/postgres")


def test_a_trusted_bench_never_asks_the_keyring(guarded: LocalPostgres) -> None:
    asked: list[WarehouseAddress] = []

    def keyring(at: WarehouseAddress) -> str | None:
        asked.append(at)
        return BENCH_PASSWORD

    with connect(address(guarded, "postgres"), "test", keyring) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    assert asked == []


def test_a_password_is_asked_of_the_keyring_when_the_server_wants_one(
    guarded: LocalPostgres,
) -> None:
    asked: list[str] = []

    def keyring(at: WarehouseAddress) -> str | None:
        asked.append(at.keyring_user)
        return BENCH_PASSWORD

    with connect(address(guarded, "bench"), "test", keyring) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("bench",)
    assert len(asked) == 1


@pytest.mark.parametrize("kept", [None, "wrong-Password-1"])
def test_no_password_or_a_wrong_one_is_out_of_reach_in_libpqs_words(
    guarded: LocalPostgres, kept: str | None
) -> None:
    with pytest.raises(WarehouseOffline) as refused:
        connect(address(guarded, "bench"), "test", lambda _: kept)
    said = str(refused.value)
    assert "password" in said
    assert kept is None or kept not in said
    assert BENCH_PASSWORD not in said
