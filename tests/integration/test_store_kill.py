"""SIGKILL between the statements of ``StationStore.ship``: the order is open or queued.

A child process opens an order, then ships it with an SQLite trace hook that kills the
process with SIGKILL as the n-th statement of the ship begins (after the ones before it
ran). Whatever n, the database afterwards holds exactly one of: the open order, or the
queued box. Never both (the box would ship and the packer would pack it again), never
neither (a packed box would be forgotten).
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from packstation.store import OutboxState
from packstation.store.station import StationStore

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import os, signal, sys
from pathlib import Path
from packstation.packing import DummyTracking, PackingSession
from packstation.store import OutboxState
from packstation.store.station import StationStore
from tests.helpers.orders import demo_order

db, kill_at = Path(sys.argv[1]), int(sys.argv[2])
store = StationStore(db)
session = PackingSession(demo_order("#1002"))
session.scan(session.line(0).item.sku)
store.journal.open("#1002", session.order)
seen = []

def trace(sql):
    seen.append(sql.split()[0])
    if len(seen) == kill_at:
        sys.stdout.write(" ".join(seen) + "\\n")
        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGKILL)

store._conn.set_trace_callback(trace)
store.ship(session, "#1002", DummyTracking(), fulfillment_id="ps-kill")
store._conn.set_trace_callback(None)
print("shipped", " ".join(seen), flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("kill_at", [1, 2, 3, 4, 5, 0])
def test_sigkill_inside_ship_leaves_the_order_open_or_the_box_queued(
    tmp_path: Path, kill_at: int
) -> None:
    db = tmp_path / "station.sqlite3"
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db), str(kill_at)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if kill_at:
        assert child.returncode == -signal.SIGKILL, child.stderr
        assert len(child.stdout.split()) == kill_at
    else:
        assert child.returncode == 0, child.stderr
        # The statements of a ship, in order: the kill points above cover each of them.
        assert child.stdout.split()[1:] == ["BEGIN", "INSERT", "DELETE", "INSERT", "COMMIT"]
    store = StationStore(db)
    try:
        open_order = store.journal.load() is not None
        queued = [i.fulfillment_id for i in store.outbox.items(*OutboxState)]
    finally:
        store.close()
    assert open_order != bool(queued), f"open order: {open_order}, queued: {queued}"
    assert queued in ([], ["ps-kill"])


# The same child, closing the first box of the order instead of shipping it: the journal
# holds the packed box first, as after a scan.
_BOX_CHILD = _CHILD.replace(
    'store.journal.open("#1002", session.order)\n',
    'store.journal.open("#1002", session.order)\n'
    "from packstation.store import ShippingInputs\n"
    'store.journal.save(session.order_id, session.packed_by_line(), ShippingInputs(), "scan")\n',
).replace(
    'store.ship(session, "#1002", DummyTracking(), fulfillment_id="ps-kill")',
    'store.ship_box(session, "#1002", DummyTracking(), box=1, fulfillment_id="ps-kill")',
)


@pytest.mark.slow
@pytest.mark.parametrize("kill_at", [1, 2, 3, 4, 5, 0])
def test_sigkill_while_closing_a_box_leaves_it_in_the_box_or_queued(
    tmp_path: Path, kill_at: int
) -> None:
    """Between boxes: the box is either still packed on the open order or queued with
    the order open and empty, never both (it would ship twice) and never neither."""
    db = tmp_path / "station.sqlite3"
    child = subprocess.run(
        [sys.executable, "-c", _BOX_CHILD, str(db), str(kill_at)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if kill_at:
        assert child.returncode == -signal.SIGKILL, child.stderr
    else:
        assert child.returncode == 0, child.stderr
        assert child.stdout.split()[1:] == ["BEGIN", "INSERT", "UPDATE", "INSERT", "COMMIT"]
    store = StationStore(db)
    try:
        saved = store.journal.load()
        queued = [i.fulfillment_id for i in store.outbox.items(*OutboxState)]
    finally:
        store.close()
    assert saved is not None  # the order stays open whatever happened
    still_packed = bool(saved.packed)
    assert still_packed != bool(queued), f"packed: {saved.packed}, queued: {queued}"
    assert queued in ([], ["ps-kill"])
