"""The clock: waits follow the monotonic clock, and history is forgotten only by a wall
clock that Redo's agrees with. Every clock here is a fake a test moves; nothing sleeps."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from packstation.packing import DummyTracking, PackingSession
from packstation.redo.errors import Problem, ProblemKind
from packstation.store.station import StationStore
from tests.helpers.orders import demo_order
from tests.unit.clocks import FakeClock, date_header, redo_says

BUSY = Problem(ProblemKind.BUSY)
DAY = 86400.0


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _open(tmp_path: Path, clock: FakeClock) -> StationStore:
    store = StationStore(tmp_path / "station.sqlite3")
    store.outbox.clock = store.journal.clock = clock
    return store


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[StationStore]:
    station = _open(tmp_path, clock)
    yield station
    station.close()


def _ship(store: StationStore, fid: str) -> str:
    session = PackingSession(demo_order("#1002"))
    session.scan("SOCK-HIK-GRY-M")
    return store.ship(session, "#1002", DummyTracking(), fulfillment_id=fid).fulfillment_id


# ---------------------------------------------------------------- retries


@pytest.mark.parametrize(
    "step", [-3600.0, +3600.0, -31 * DAY], ids=["back 1 h", "ahead 1 h", "back 31 d"]
)
def test_a_retry_is_due_after_its_delay_whatever_the_wall_clock_does(
    store: StationStore, clock: FakeClock, step: float
) -> None:
    fid = _ship(store, "r")
    store.outbox.schedule_retry(fid, 5, BUSY, "retry")
    clock.set_wall(clock.wall + step)
    assert store.outbox.next_due() is None
    clock.advance(5)
    due = store.outbox.next_due()
    assert due is not None
    assert due.fulfillment_id == fid


@pytest.mark.parametrize("step", [-3600.0, +3600.0], ids=["back 1 h", "ahead 1 h"])
def test_the_sender_waits_out_the_delay_not_the_wall_clock(
    store: StationStore, clock: FakeClock, step: float
) -> None:
    """What the sender sleeps before it looks again (``Sender._run``): not an hour."""
    fid = _ship(store, "r")
    assert store.outbox.next_wait() == 0  # a new box is due now
    store.outbox.schedule_retry(fid, 5, BUSY, "retry")
    clock.set_wall(clock.wall + step)
    clock.advance(1)
    assert store.outbox.next_wait() == pytest.approx(4.0)
    store.outbox.mark_delivered(fid)
    assert store.outbox.next_wait() is None  # nothing waits: the sender sleeps its minute


def test_retry_now_still_makes_a_scheduled_retry_due_at_once(
    store: StationStore, clock: FakeClock
) -> None:
    fid = _ship(store, "r")
    store.outbox.schedule_retry(fid, 600, BUSY, "retry")
    assert store.outbox.retry_now(fid)
    assert store.outbox.next_due() is not None
    store.outbox.schedule_retry(fid, 600, BUSY, "retry")
    assert store.outbox.next_due() is None  # a new schedule counts again


def test_a_retry_kept_for_a_restart_waits_out_its_time(tmp_path: Path, clock: FakeClock) -> None:
    store = _open(tmp_path, clock)
    fid = _ship(store, "r")
    store.outbox.schedule_retry(fid, 300, BUSY, "retry")
    store.close()
    clock.advance(100)
    restarted = _open(tmp_path, clock)
    try:
        assert restarted.outbox.next_due() is None
        wait = restarted.outbox.next_wait()
        assert wait is not None
        assert 199 <= wait <= 200
        clock.advance(200)
        assert restarted.outbox.next_due() is not None
    finally:
        restarted.close()


@pytest.mark.parametrize(
    "step",
    [-3600.0, -120.0],
    ids=["further ahead than any wait", "computed across a clock step"],
)
def test_a_kept_retry_time_the_clock_cannot_vouch_for_is_due_now(
    tmp_path: Path, clock: FakeClock, step: float
) -> None:
    """Set back an hour, the row would be due in an hour and five minutes: longer than
    any backoff or Retry-After. Set back two minutes, it would be due in seven, within
    bounds, but it was written "after" now: computed before a step, not trusted."""
    store = _open(tmp_path, clock)
    fid = _ship(store, "r")
    store.outbox.schedule_retry(fid, 300, BUSY, "retry")
    store.close()
    clock.set_wall(clock.wall + step)
    restarted = _open(tmp_path, clock)
    try:
        due = restarted.outbox.next_due()
        assert due is not None
        assert due.fulfillment_id == fid
        wait = restarted.outbox.next_wait()
        assert wait is not None
        assert wait <= 0
    finally:
        restarted.close()


# ---------------------------------------------------------------- purging history


def _delivered(store: StationStore, fid: str) -> str:
    _ship(store, fid)
    store.outbox.mark_delivered(fid)
    return fid


def _kept(store: StationStore) -> list[str]:
    return sorted(i.fulfillment_id for i in store.outbox.history())


def _journal(store: StationStore) -> int:
    return int(store._conn.execute("SELECT COUNT(*) FROM journal").fetchone()[0])


@pytest.mark.expected_log("this computer's clock is")
def test_a_clock_a_month_ahead_of_redo_purges_nothing(
    store: StationStore, clock: FakeClock
) -> None:
    redo = redo_says(clock.wall, clock)  # Redo's Date, when the clocks agreed
    _delivered(store, "shipped-today")
    journal = _journal(store)
    assert journal > 0
    clock.set_wall(clock.wall + 31 * DAY)
    assert store.outbox.purge(30, redo) is None
    assert _kept(store) == ["shipped-today"]
    assert _journal(store) == journal


def test_without_redo_s_time_nothing_is_purged(store: StationStore, clock: FakeClock) -> None:
    _delivered(store, "old")
    clock.advance(40 * DAY)
    from packstation.redo.clock import ServerTime

    assert store.outbox.purge(30, ServerTime(clock)) is None
    assert _kept(store) == ["old"]


def test_with_agreeing_clocks_old_history_is_purged(store: StationStore, clock: FakeClock) -> None:
    _delivered(store, "old")
    clock.advance(20 * DAY)
    _delivered(store, "recent")
    clock.advance(20 * DAY)
    journal = _journal(store)
    # Redo's clock says the same, give or take the few minutes of a drifting clock.
    redo = redo_says(clock.wall - 120, clock)
    assert store.outbox.purge(30, redo) == 1
    assert _kept(store) == ["recent"]
    assert 0 < _journal(store) < journal  # the old box's journal lines went with it


def test_a_row_dated_by_a_clock_that_was_behind_is_kept(
    store: StationStore, clock: FakeClock
) -> None:
    """Written after a row that is still young, a row that looks 40 days old was dated by
    a clock that was behind at the time: its age is in doubt."""
    now = clock.wall
    clock.set_wall(now - 50 * DAY)
    _delivered(store, "really-old")
    clock.set_wall(now - DAY)
    _delivered(store, "yesterday")
    clock.set_wall(now - 40 * DAY)  # set back by mistake, for a while
    _delivered(store, "dated-wrong")
    clock.set_wall(now)
    assert store.outbox.purge(30, redo_says(now, clock)) == 1
    assert _kept(store) == ["dated-wrong", "yesterday"]


def test_redo_s_time_runs_on_the_monotonic_clock(clock: FakeClock) -> None:
    redo = redo_says(1_800_000_000.0, clock)
    clock.advance(60)
    clock.set_wall(0.0)  # the wall clock is no witness
    assert redo.now() == pytest.approx(1_800_000_060.0)
    redo.observe("not a date")
    redo.observe(None)
    assert redo.now() == pytest.approx(1_800_000_060.0)
    redo.observe(date_header(1_900_000_000.0))  # the last answer seen counts
    assert redo.now() == pytest.approx(1_900_000_000.0)
    assert redo.wall_offset() == pytest.approx(-1_900_000_000.0)


def test_the_purge_waits_for_the_time_to_be_known(clock: FakeClock) -> None:
    from packstation.redo.clock import ServerTime

    redo = ServerTime(clock)
    heard: list[str] = []
    redo.when_known(lambda: heard.append("first"))
    assert heard == []
    redo.observe(date_header(time.time()))
    assert heard == ["first"]
    redo.when_known(lambda: heard.append("later"))  # known: called at once
    redo.observe(date_header(time.time()))
    assert heard == ["first", "later"]  # each once
