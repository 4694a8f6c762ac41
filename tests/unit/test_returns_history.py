"""The returns received at a station, read for the History and the stats: units by
condition, what did not arrive, undeclared codes, the outcome; searched, newest first;
exported as CSV one row per item; counted per packer and day."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from packstation.packing.receiving import Condition, ReceivingSession, ReturnLine
from packstation.store.problems import ShipmentProblem, ShipmentProblemKind
from packstation.store.returns_history import (
    COLUMNS,
    Outcome,
    export_returns_csv,
    return_record,
    returns_history,
)
from packstation.store.station import StationStore
from packstation.ui.bench.return_jobs import job_for
from packstation.ui.station.port_returns import OnBench
from tests.unit.clocks import FakeClock

LINES = (
    ReturnLine("ri_1", "Rain jacket", 1, sku="JKT-RAIN-NVY-M"),
    ReturnLine("ri_2", "Trek gloves", 3, sku="GLV-TRK-BLK-L"),
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StationStore]:
    opened = StationStore(tmp_path / "station.sqlite3")
    yield opened
    opened.close()


def received(
    store: StationStore,
    order: str,
    return_id: str,
    packer: str,
    scans: tuple[tuple[str, Condition, str], ...],
) -> str:
    """A return received as the bench queues it (``job_for``); its job ID."""
    ret = OnBench(return_id, order, "delivered", LINES)
    session = ReceivingSession(return_id, LINES)
    for code, condition, note in scans:
        session.scan(code, condition, note)
    job = job_for(ret, session, bench="Bench 3", packer=packer)
    store.returns_outbox.process(**job)
    return str(job["job_id"])


def two_returns(store: StationStore) -> tuple[str, str]:
    first = received(
        store,
        "#1001",
        "675a1c00e4b0d3f19a7c0001",
        "Ana",
        (("JKT-RAIN-NVY-M", Condition.SELLABLE, ""), ("=HYPERLINK(1)", Condition.SELLABLE, "")),
    )
    second = received(
        store,
        "#1012",
        "675a1c00e4b0d3f19a7c0005",
        "Ben",
        (
            ("GLV-TRK-BLK-L", Condition.DAMAGED, "Seam torn"),
            ("GLV-TRK-BLK-L", Condition.SELLABLE, ""),
            ("MUG-ENM-WHT", Condition.SELLABLE, ""),
            ("MUG-ENM-WHT", Condition.SELLABLE, ""),
        ),
    )
    return first, second


def test_returns_are_listed_newest_first_with_units_by_condition(store: StationStore) -> None:
    first, second = two_returns(store)
    records = returns_history(store.returns_outbox)
    assert [r.job.id for r in records] == [second, first]
    gloves, jacket = records
    assert (gloves.sellable, gloves.damaged, gloves.not_received, gloves.undeclared) == (
        1,
        1,
        2,  # the jacket (1) and one glove of three
        2,
    )
    assert (jacket.sellable, jacket.damaged, jacket.not_received, jacket.undeclared) == (1, 0, 3, 1)
    assert gloves.reprintable and jacket.reprintable
    glove_item = next(i for i in gloves.items if i.item_id == "ri_2")
    assert (glove_item.sku, glove_item.expected, glove_item.notes) == (
        "GLV-TRK-BLK-L",
        3,
        ("Seam torn",),
    )


def test_returns_are_found_by_order_return_id_or_packer(store: StationStore) -> None:
    first, second = two_returns(store)
    outbox = store.returns_outbox
    assert [r.job.id for r in returns_history(outbox, "#1001")] == [first]
    assert [r.job.id for r in returns_history(outbox, "7c0005")] == [second]
    assert [r.job.id for r in returns_history(outbox, "ben")] == [second]
    assert returns_history(outbox, "nobody") == []
    assert [r.job.id for r in returns_history(outbox, "", limit=1)] == [second]


def test_the_outcome_follows_the_job(store: StationStore) -> None:
    first, _ = two_returns(store)
    outbox = store.returns_outbox

    def outcome() -> tuple[Outcome, str]:
        found = return_record(outbox, first)
        assert found is not None
        return found.outcome, found.job.state

    assert outcome() == (Outcome.WAITING, "pending")
    outbox.mark_processed(first)
    assert outcome() == (Outcome.PROCESSED, "commenting")
    outbox.mark_attention(first, ShipmentProblem(ShipmentProblemKind.UNEXPECTED), "comment")
    assert outcome() == (Outcome.HELD, "attention")
    outbox.retry(first)
    outbox.mark_done(first)
    assert outcome() == (Outcome.PROCESSED, "done")
    assert return_record(outbox, "rx-none") is None


def old_row(store: StationStore) -> None:
    """A return queued before its items were kept with it (no ``return`` in the summary)."""
    store.returns_outbox.process(
        job_id="rx-old",
        return_id="ret_old",
        order_name="#0999",
        products=[{"_id": "ri_9", "processInput": {"restock": True}}],
        comment="PackStation rx-old",
        summary={"units": {"ri_9": [["sellable", ""], ["damaged", "Wet"]]}, "undeclared": []},
        packer="Ana",
    )


def test_a_return_queued_before_its_items_were_kept_counts_what_arrived_only(
    store: StationStore,
) -> None:
    old_row(store)
    (found,) = returns_history(store.returns_outbox)
    assert (found.sellable, found.damaged, found.undeclared) == (1, 1, 0)
    assert found.not_received is None  # unknown, not "0"
    assert not found.reprintable


def read_csv(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_the_export_has_a_row_per_item_and_per_undeclared_code(
    store: StationStore, tmp_path: Path
) -> None:
    first, second = two_returns(store)
    old_row(store)
    path = tmp_path / "returns.csv"
    assert export_returns_csv(returns_history(store.returns_outbox), path) == 7
    rows = read_csv(path)
    assert tuple(rows[0]) == COLUMNS
    old, gloves = rows[0], [r for r in rows if r["job ID"] == second]
    assert (old["order"], old["item ID"], old["sellable"], old["damaged"]) == (
        "#0999",
        "ri_9",
        "1",
        "1",
    )
    assert (old["expected"], old["not received"], old["damage notes"]) == ("", "", "Wet")
    assert [
        (r["SKU"], r["expected"], r["sellable"], r["damaged"], r["not received"]) for r in gloves
    ] == [
        ("JKT-RAIN-NVY-M", "1", "0", "0", "1"),
        ("GLV-TRK-BLK-L", "3", "1", "1", "1"),
        ("MUG-ENM-WHT", "", "", "", ""),
    ]
    assert gloves[1]["damage notes"] == "Seam torn"
    assert gloves[2]["undeclared scans"] == "2"
    assert {r["packer"] for r in gloves} == {"Ben"}
    assert {r["outcome"] for r in rows} == {"waiting"}
    jacket = [r for r in rows if r["job ID"] == first]
    # A scanned code a spreadsheet would run as a formula is written as text.
    assert jacket[-1]["SKU"] == "'=HYPERLINK(1)"


def test_stats_count_returns_and_units_received_per_packer(store: StationStore) -> None:
    today = dt.date.today()
    clock = FakeClock(dt.datetime.combine(today, dt.time(10, 15)).timestamp())
    store.returns_outbox.clock = clock
    two_returns(store)  # Ana's 1 unit, Ben's 2, at 10:15
    clock.advance(25 * 60)
    received(
        store,
        "#1012",
        "675a1c00e4b0d3f19a7c0006",
        "Ben",
        (("GLV-TRK-BLK-L", Condition.SELLABLE, ""),),
    )
    clock.advance(30 * 60)  # 11:10
    received(store, "#1001", "675a1c00e4b0d3f19a7c0009", "Ben", ())  # nothing arrived
    days = {day.packer: day for day in store.stats()}
    ana, ben = days["Ana"], days["Ben"]
    assert (ana.day, ana.returns, ana.return_units, ana.return_units_per_hour) == (
        today.isoformat(),
        1,
        1,
        1.0,
    )
    # 3 units over the two clock hours (10:00, 11:00) in which Ben received returns.
    assert (ben.returns, ben.return_units, ben.return_units_per_hour) == (3, 3, 1.5)
    assert (ben.orders, ben.items, ben.by_hour) == (0, 0, [0] * 24)  # packing stays its own
