"""The history purge at start waits for Redo's first answer: only then can this
computer's clock be checked against Redo's (``RecordsDoor.purge_history``).

The port runs on its synchronous fake (no thread, no HTTP); Redo is the in-memory fake
with a ``ServerTime`` that a test feeds the Date header of an answer.
"""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from packstation.packing import DummyTracking, PackingSession
from packstation.redo.clock import ServerTime
from tests.helpers.orders import demo_order
from tests.helpers.station import FakeRedo, FakeStation
from tests.unit.clocks import FakeClock, date_header

DAY = 86400.0


class ClockedRedo(FakeRedo):
    """The in-memory Redo, with the clock a real client keeps from its answers."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__()
        self.server_time = ServerTime(clock)


def _station(tmp_path: Path, clock: FakeClock) -> FakeStation:
    port = FakeStation(tmp_path, configured=False)
    port.store.outbox.clock = port.store.journal.clock = clock
    return port


def _deliver_one(port: FakeStation, clock: FakeClock, fid: str) -> None:
    session = PackingSession(demo_order("#1002"))
    session.scan("SOCK-HIK-GRY-M")
    port.store.ship(session, "#1002", DummyTracking(), fulfillment_id=fid)
    port.store.outbox.mark_delivered(fid)


def _kept(port: FakeStation) -> list[str]:
    return sorted(i.fulfillment_id for i in port.store.outbox.history())


def test_the_purge_waits_for_redo_s_first_answer(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock()
    port = _station(tmp_path, clock)
    try:
        _deliver_one(port, clock, "old")
        clock.advance(40 * DAY)
        _deliver_one(port, clock, "new")
        port.records.purge_history(30)
        assert _kept(port) == ["new", "old"]  # nothing heard from Redo: ages in doubt
        redo = ClockedRedo(clock)
        port.connect_client(redo)
        assert _kept(port) == ["new", "old"]  # a client, but no answer yet
        # The first answer arrives on a worker (the sender's or a read's thread).
        worker = threading.Thread(target=redo.server_time.observe, args=(date_header(clock.wall),))
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: _kept(port) == ["new"])
        redo.server_time.observe(date_header(clock.wall))  # purged once per start
        assert port.runner.jobs == 1
    finally:
        port.close()


def test_a_client_that_knows_the_time_already_purges_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    """The client start-up built for a slip scanned at launch may have asked Redo already."""
    clock = FakeClock()
    port = _station(tmp_path, clock)
    try:
        _deliver_one(port, clock, "old")
        clock.advance(40 * DAY)
        redo = ClockedRedo(clock)
        redo.server_time.observe(date_header(clock.wall))
        port.connect_client(redo)
        port.records.purge_history(30)
        assert _kept(port) == []
    finally:
        port.close()
