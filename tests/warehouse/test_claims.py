"""Claims are leases timed by the server: one winner, a dead bench lets go, a lead takes
over (recorded and announced), and the bench that lost an order cannot renew it."""

from __future__ import annotations

import json
import threading

import psycopg

from packstation.warehouse import claims, schema
from tests.helpers.warehouse import Warehouse


def expire(conn: psycopg.Connection, order_id: str) -> None:
    """The holder died a lease ago (no sleeping: the server's row says so)."""
    conn.execute(
        "UPDATE claims SET expires_at = now() - interval '1 second' WHERE order_id = %s",
        (order_id,),
    )


def test_twenty_benches_racing_one_order_get_exactly_one_winner(warehouse: Warehouse) -> None:
    outcomes: dict[str, claims.ClaimResult] = {}
    start = threading.Barrier(20)

    def bench(n: int) -> None:
        with warehouse.connect() as conn:
            start.wait()
            outcomes[f"Bench {n}"] = claims.claim(conn, "o1", "#1001", f"Bench {n}", f"P{n}", 60)

    threads = [threading.Thread(target=bench, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [name for name, result in outcomes.items() if isinstance(result, claims.Claimed)]
    assert len(outcomes) == 20 and len(winners) == 1
    losers = [r for r in outcomes.values() if isinstance(r, claims.HeldElsewhere)]
    assert {r.holder.bench for r in losers} == set(winners)


def test_another_bench_is_told_who_holds_the_order_and_since_when(warehouse: Warehouse) -> None:
    with warehouse.connect() as conn:
        won = claims.claim(conn, "o1", "#1001", "Bench 1", "Ana", 60)
        assert isinstance(won, claims.Claimed)
        held = claims.claim(conn, "o1", "#1001", "Bench 2", "Sam", 60)
        assert isinstance(held, claims.HeldElsewhere)
        assert (held.holder.bench, held.holder.packer, held.holder.order_ref) == (
            "Bench 1",
            "Ana",
            "#1001",
        )
        assert held.holder.since <= held.holder.expires_at == won.expires_at


def test_the_same_bench_claims_again_after_a_restart_and_keeps_its_since(
    warehouse: Warehouse,
) -> None:
    with warehouse.connect() as conn:
        first = claims.claim(conn, "o1", "#1001", "Bench 1", "Ana", 60)
        again = claims.claim(conn, "o1", "#1001", "Bench 1", "Ana", 60)
        assert isinstance(first, claims.Claimed) and isinstance(again, claims.Claimed)
        holder = claims.live(conn)[0]
        assert holder.bench == "Bench 1" and holder.since < again.expires_at


def test_a_lease_that_ran_out_lets_the_order_open_elsewhere(warehouse: Warehouse) -> None:
    with warehouse.connect() as conn:
        claims.claim(conn, "o1", "#1001", "Bench 1", "Ana", 60)
        expire(conn, "o1")
        assert claims.live(conn) == []
        won = claims.claim(conn, "o1", "#1001", "Bench 2", "Sam", 60)
        assert isinstance(won, claims.Claimed)
        # The dead bench, back, cannot renew what is now Bench 2's.
        assert claims.renew(conn, "o1", "Bench 1", 60) is None
        assert claims.renew(conn, "o1", "Bench 2", 60) is not None


def test_renewing_pushes_the_lease_on_by_the_servers_clock(warehouse: Warehouse) -> None:
    with warehouse.connect() as conn:
        claims.claim(conn, "o1", "#1001", "Bench 1", "Ana", 20)
        renewed = claims.renew(conn, "o1", "Bench 1", 90)
        assert renewed is not None
        (left,) = conn.execute(
            "SELECT extract(epoch FROM expires_at - now()) FROM claims"
        ).fetchone() or (0,)
        assert 80 < float(left) <= 90


def test_a_take_over_is_recorded_and_announced_and_the_loser_cannot_renew(
    warehouse: Warehouse,
) -> None:
    with warehouse.connect() as conn, warehouse.connect() as listener:
        listener.execute(f"LISTEN {schema.CHANNEL}")
        claims.claim(conn, "o1", "#1001", "Bench 1", "Ana", 60)
        taken = claims.take_over(conn, "o1", "#1001", "Bench 2", "Sam", "Lea", 60)
        assert taken.taken_from is not None and taken.taken_from.bench == "Bench 1"
        assert claims.renew(conn, "o1", "Bench 1", 60) is None
        assert not claims.release(conn, "o1", "Bench 1")  # no longer its to release
        event = conn.execute(
            "SELECT kind, bench, from_bench, from_packer, lead FROM claim_events"
        ).fetchone()
        assert event == ("takeover", "Bench 2", "Bench 1", "Ana", "Lea")
        pokes = [json.loads(n.payload) for n in listener.notifies(timeout=2, stop_after=2)]
    assert {"kind": "claim", "order_id": "o1", "bench": "Bench 2", "from": "Bench 1"} in pokes


def test_a_lead_releases_a_claim_and_the_order_opens_anywhere(warehouse: Warehouse) -> None:
    with warehouse.connect() as conn:
        claims.claim(conn, "o1", "#1001", "Bench 1", "Ana", 60)
        holder = claims.release_by_lead(conn, "o1", "Lea")
        assert holder is not None and holder.bench == "Bench 1"
        assert claims.release_by_lead(conn, "o1", "Lea") is None
        assert isinstance(claims.claim(conn, "o1", "#1001", "Bench 3", "Kai", 60), claims.Claimed)
        kinds = [r[0] for r in conn.execute("SELECT kind FROM claim_events").fetchall()]
    assert kinds == ["released"]


def test_shipping_releases_the_claim(warehouse: Warehouse) -> None:
    with warehouse.connect() as conn:
        claims.claim(conn, "o1", "#1001", "Bench 1", "Ana", 60)
        assert claims.release(conn, "o1", "Bench 1")
        assert claims.live(conn) == []


def test_winning_a_claim_that_ran_out_tells_the_bench_that_had_it(warehouse: Warehouse) -> None:
    with warehouse.connect() as conn, warehouse.connect() as listener:
        claims.claim(conn, "o1", "#1001", "Bench 1", "Ana", 60)
        expire(conn, "o1")
        listener.execute(f"LISTEN {schema.CHANNEL}")
        claims.claim(conn, "o1", "#1001", "Bench 2", "Sam", 60)
        pokes = [json.loads(n.payload) for n in listener.notifies(timeout=2, stop_after=1)]
    assert pokes == [{"kind": "claim", "order_id": "o1", "bench": "Bench 2", "from": "Bench 1"}]
