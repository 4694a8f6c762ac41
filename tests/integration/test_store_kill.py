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


_RECONCILE_CHILD = """
import os, signal, sys
from pathlib import Path
from packstation.packing import PackingSession
from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from packstation.store import ShippingInputs
from packstation.store.station import StationStore
from tests.helpers.orders import demo_order

db, kill_at = Path(sys.argv[1]), int(sys.argv[2])
store = StationStore(db)
order = demo_order("#1002")
matcher = CatalogMatcher([CatalogEntry("BNE-WOOL-CHR", "00036000291452")])
session = PackingSession(order, matcher=matcher)
session.scan("(01)00036000291452(10)LOT-7(21)SER-1")
store.journal.open("#1002", order)
store.journal.save(
    order.order_id, session.packed_by_line(), ShippingInputs(), "scan",
    marks=session.marks_by_line(),
)
fresh = order.model_copy(update={"tags": ["reloaded"]})
seen = []

def trace(sql):
    seen.append(sql.split()[0])
    if len(seen) == kill_at:
        sys.stdout.write(" ".join(seen) + "\\\\n")
        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGKILL)

store._conn.set_trace_callback(trace)
store.reconcile(
    fresh, session.packed_by_line(), ShippingInputs(), marks=session.marks_by_line()
)
store._conn.set_trace_callback(None)
print("reconciled", " ".join(seen), flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("kill_at", [1, 2, 3, 4, 5, 6, 0])
def test_sigkill_inside_a_reconcile_never_loses_a_units_lot_or_serial(
    tmp_path: Path, kill_at: int
) -> None:
    """F5 or the check after a restart rewrites the order and its marks together: killed at
    any statement, the journal holds the order before or after, each with the unit's lot
    and serial."""
    db = tmp_path / "station.sqlite3"
    child = subprocess.run(
        [sys.executable, "-c", _RECONCILE_CHILD, str(db), str(kill_at)],
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
        statements = child.stdout.split()[1:]
        assert statements[0] == "BEGIN" and statements[-1] == "COMMIT"
        assert len(statements) <= 6  # the kill points above reach every statement
    store = StationStore(db)
    try:
        saved = store.journal.load()
    finally:
        store.close()
    assert saved is not None
    (mark,) = saved.marks["li_1002_003"]
    assert (mark.lot, mark.serial) == ("LOT-7", "SER-1")
    assert saved.packed == {"li_1002_003": 1}
    if not kill_at:
        assert saved.order.tags == ["reloaded"]
