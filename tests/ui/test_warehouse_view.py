"""The lead's Warehouse view against a real PostgreSQL: what benches report and push shows
up because the warehouse announced it (no poll), a lead releases a claim (recorded), a
name that is not a lead's is refused, offline is said and survived, and closing leaves
no thread (the suite's autouse fixture checks)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest
from PySide6.QtWidgets import QMenu, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.ui.station.floor_watch import FloorLink, FloorWatch
from packstation.ui.station.services import Services
from packstation.ui.views.main_window import MainWindow
from packstation.ui.views.warehouse_view import WarehouseView
from packstation.warehouse import claims, floor, schema
from packstation.warehouse.address import WarehouseAddress
from packstation.warehouse.local_server import LocalPostgres
from tests.helpers.fakes import RecordingSound
from tests.helpers.warehouse import Warehouse
from tests.ui.conftest import make_services, type_scan

#: Far beyond any wait of these tests: what they see was pushed, not polled.
WAIT_MS = 5000


def column(table: QTableWidget, col: int) -> list[str]:
    return [
        (item.text() if (item := table.item(row, col)) is not None else "")
        for row in range(table.rowCount())
    ]


def row_of(table: QTableWidget, first: str) -> list[str]:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.text() == first:
            return [
                (cell.text() if (cell := table.item(row, c)) is not None else "")
                for c in range(table.columnCount())
            ]
    return []


def shipment(packer: str, units: int, ref: str) -> floor.Fact:
    return floor.Fact(
        str(uuid.uuid4()), "shipment", time.time(), packer=packer, order_id=ref.strip("#"),
        units=units, tracking=(f"1Z{uuid.uuid4().hex[:12]}",), order_ref=ref,
    )  # fmt: skip


OpenView = Callable[..., tuple[WarehouseView, FloorWatch]]


@pytest.fixture
def open_view(qtbot: QtBot) -> Iterator[OpenView]:
    """A standalone view on ``url``, read once; every watch is shut down after the test."""
    watches: list[FloorWatch] = []

    def open_(url: str, leads: tuple[str, ...] = ()) -> tuple[WarehouseView, FloorWatch]:
        watch = FloorWatch.standalone(url, backoff=(0.2,))
        watches.append(watch)
        view = WarehouseView(watch, leads=leads)
        qtbot.addWidget(view, before_close_func=lambda _: watch.shutdown())
        view.show()
        with qtbot.waitSignal(watch.changed, timeout=WAIT_MS):
            watch.start()
        return view, watch

    yield open_
    for watch in watches:
        watch.shutdown()


def test_a_bench_and_its_facts_appear_because_the_warehouse_announced_them(
    qtbot: QtBot, warehouse: Warehouse, open_view: OpenView
) -> None:
    view, watch = open_view(warehouse.url)
    assert view.benches.rowCount() == 0
    assert view.state.property("offline") == "false"
    with warehouse.connect() as conn:
        floor.report(conn, floor.BenchState("Bench 2", "Ana", "#1001", 2, 1))
        qtbot.waitUntil(lambda: row_of(view.benches, "Bench 2") != [], timeout=WAIT_MS)
        cells = row_of(view.benches, "Bench 2")
        assert cells[1:3] == ["Ana", "#1001"]
        assert (cells[5], cells[6]) == ("2", "⚠ 1")  # failed says so in a sign, not colour alone
        assert cells[7] == "just now"
        floor.push(conn, "Bench 2", [shipment("Ana", 3, "#1001"), shipment("Ana", 2, "#1002")])
        qtbot.waitUntil(lambda: row_of(view.benches, "Bench 2")[3] == "5", timeout=WAIT_MS)
        qtbot.waitUntil(lambda: row_of(view.packers, "Ana") != [], timeout=WAIT_MS)
    assert row_of(view.packers, "Ana") == ["Ana", "2", "5", "Bench 2"]
    assert row_of(view.benches, "Bench 2")[4] == "20"  # 5 items over the least quarter hour
    # No poll did it: the slow re-read is 30 s away and every read followed a poke.
    assert watch._slow.interval() == 30_000
    assert watch.reads <= 6


def test_a_burst_of_pokes_costs_one_read_in_flight_and_one_after(
    qtbot: QtBot, warehouse: Warehouse, open_view: OpenView
) -> None:
    _, watch = open_view(warehouse.url)
    before = watch.reads
    with qtbot.waitSignals([watch.changed, watch.changed], timeout=WAIT_MS):
        for _ in range(20):
            watch.poke()
    assert watch.reads == before + 2
    with qtbot.assertNotEmitted(watch.changed, wait=200):
        pass


def test_a_bench_gone_for_more_than_two_minutes_says_so(
    qtbot: QtBot, warehouse: Warehouse, open_view: OpenView
) -> None:
    view, _ = open_view(warehouse.url)
    with warehouse.connect() as conn:
        floor.report(conn, floor.BenchState("Bench 4", "Sam"))
        conn.execute("UPDATE benches SET last_seen = now() - interval '5 minutes'")
        floor.report(conn, floor.BenchState("Bench 1", "Ana"))  # the poke that reads it
    qtbot.waitUntil(lambda: len(column(view.benches, 0)) == 2, timeout=WAIT_MS)
    assert row_of(view.benches, "Bench 4")[7] == "✖ Gone for 5 min"
    assert row_of(view.benches, "Bench 1")[7] == "just now"


def claim_rows(view: WarehouseView) -> list[str]:
    return column(view.claims_table, 0)


def release_button(view: WarehouseView, order: str) -> QPushButton:
    row = claim_rows(view).index(order)
    button = view.claims_table.cellWidget(row, 4)
    assert isinstance(button, QPushButton)
    return button


def test_a_named_lead_releases_a_claim_and_it_is_recorded(
    qtbot: QtBot, warehouse: Warehouse, open_view: OpenView
) -> None:
    with warehouse.connect() as conn:
        floor.add_lead(conn, "Lea")  # named by the warehouse
    view, _ = open_view(warehouse.url, leads=("Kim",))  # and one by the machine config
    assert view.lead_name.isVisible()
    with warehouse.connect() as conn:
        claims.claim(conn, "1001", "#1001", "Bench 2", "Ana", 60)
        claims.claim(conn, "1002", "#1002", "Bench 3", "Sam", 60)
    qtbot.waitUntil(lambda: claim_rows(view) == ["#1001", "#1002"], timeout=WAIT_MS)
    view.lead_name.setText("lea")
    release_button(view, "#1001").click()
    box = view._confirm_box
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    assert box.text() == "Release order #1001 from Bench 2 (Ana)? Bench 2 can no longer ship it."
    view._release_choice.click()
    qtbot.waitUntil(lambda: claim_rows(view) == ["#1002"], timeout=WAIT_MS)
    assert view.note.text() == "Order #1001 released from Bench 2 by Lea."
    with warehouse.connect() as conn:
        assert conn.execute("SELECT order_id FROM claims").fetchall() == [("1002",)]
        events = conn.execute(
            "SELECT kind, order_id, from_bench, from_packer, lead FROM claim_events"
        ).fetchall()
    assert events == [("released", "1001", "Bench 2", "Ana", "Lea")]
    # The machine config's lead may too; Cancel releases nothing.
    view.lead_name.setText("Kim")
    release_button(view, "#1002").click()
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    box.button(box.StandardButton.Cancel).click()
    assert view.note.text() == "Nothing was released."
    assert claim_rows(view) == ["#1002"]


def test_a_name_that_is_not_a_leads_is_refused(
    qtbot: QtBot, warehouse: Warehouse, open_view: OpenView
) -> None:
    view, _ = open_view(warehouse.url, leads=("Kim",))
    with warehouse.connect() as conn:
        claims.claim(conn, "1001", "#1001", "Bench 2", "Ana", 60)
    qtbot.waitUntil(lambda: claim_rows(view) == ["#1001"], timeout=WAIT_MS)
    release_button(view, "#1001").click()  # nobody named yet
    assert "type your name" in view.note.text()
    view.lead_name.setText("Ana")  # the packer holding it is no lead
    release_button(view, "#1001").click()
    assert view.note.text() == "Ana is not a lead here. Releasing a claim needs a lead."
    assert view.note.property("error") == "true"
    assert not view._confirm_box.isVisible()
    with warehouse.connect() as conn:
        assert conn.execute("SELECT count(*) FROM claims").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM claim_events").fetchone() == (0,)


def test_at_a_bench_the_packer_who_is_no_lead_is_asked_for_a_leads_badge(
    qtbot: QtBot, warehouse: Warehouse
) -> None:
    """The bench's own check: the packer if a lead, else a lead's badge scanned now."""
    door = FloorLink(WarehouseAddress.parse(warehouse.url), backoff=(0.2,))
    sounds: list[object] = []
    port = SimpleNamespace(
        warehouse=door, settings=SimpleNamespace(leads=("Kim",)), play=sounds.append
    )
    identity = SimpleNamespace(
        packer="Ana", leads=frozenset({"Kim"}), is_lead=lambda name: name == "Kim"
    )
    view = WarehouseView.of_bench(port, identity)  # type: ignore[arg-type]
    qtbot.addWidget(view, before_close_func=lambda _: door.shutdown())
    try:
        assert not view.lead_name.isVisible()
        with qtbot.waitSignal(view.watch.changed, timeout=WAIT_MS):
            door.start()
        with warehouse.connect() as conn:
            claims.claim(conn, "1001", "#1001", "Bench 2", "Ana", 60)
        qtbot.waitUntil(lambda: claim_rows(view) == ["#1001"], timeout=WAIT_MS)
        release_button(view, "#1001").click()
        assert "is for a lead" in view.note.text()
        view.take_scan("PS-USER-Sam")
        assert view.note.text().startswith("Sam is not a lead here.")
        assert len(sounds) == 1
        view.take_scan("PS-USER-Kim")
        qtbot.waitUntil(view._confirm_box.isVisible, timeout=WAIT_MS)
        view._release_choice.click()
        qtbot.waitUntil(lambda: claim_rows(view) == [], timeout=WAIT_MS)
        with warehouse.connect() as conn:
            assert conn.execute("SELECT lead FROM claim_events").fetchall() == [("Kim",)]
        # Nothing awaited: not taken (the keyboard router refuses it, on the bench too).
        assert not view.take_scan("SKU-1")
    finally:
        view.watch.shutdown()
        door.shutdown()


def test_offline_is_said_and_the_view_comes_back_after_a_restart(
    qtbot: QtBot, open_view: OpenView
) -> None:
    server = LocalPostgres().start()
    try:
        url = server.create_database("floor")
        with psycopg.connect(url, autocommit=True) as conn:
            schema.init(conn)
            floor.report(conn, floor.BenchState("Bench 1", "Ana"))
        view, watch = open_view(url)
        assert column(view.benches, 0) == ["Bench 1"]
        with qtbot.waitSignal(watch.online_changed, timeout=WAIT_MS) as offline:
            server.stop()
        assert offline.args == [False]
        assert view.state.property("offline") == "true"
        assert "Warehouse offline" in view.state.text()
        assert column(view.benches, 0) == ["Bench 1"]  # what was read stays, said as such
        with qtbot.waitSignal(watch.online_changed, timeout=20_000) as online:
            server.start()  # the same folder and port
        assert online.args == [True]
        with psycopg.connect(url, autocommit=True) as conn:
            floor.report(conn, floor.BenchState("Bench 2", "Sam"))
        qtbot.waitUntil(lambda: column(view.benches, 0) == ["Bench 1", "Bench 2"], timeout=WAIT_MS)
        assert view.state.property("offline") == "false"
        watch.shutdown()
    finally:
        server.close()


def test_the_station_menu_opens_the_view_on_the_benchs_door_and_badge(
    qtbot: QtBot,
    warehouse: Warehouse,
    sandbox: SandboxServer,
    station_dir: Path,
    sound: RecordingSound,
    open_window: Callable[[Services], MainWindow],
) -> None:
    """At a bench: the Warehouse… entry, the bench's own door, and a lead's badge scanned
    while the view is open (the packer at the bench is not a lead)."""
    services = make_services(sandbox, station_dir, sound)
    services.settings = services.settings.with_(warehouse_url=warehouse.url, leads=("Lea",))
    window = open_window(services)
    door = window.port.warehouse
    assert door is not None
    qtbot.waitUntil(lambda: door.online is True, timeout=WAIT_MS)
    with warehouse.connect() as conn:
        claims.claim(conn, "1001", "#1001", "Bench 2", "Ana", 60)
    entry = next(
        a for m in window.host.menuBar().findChildren(QMenu) for a in m.actions()
        if a.text() == "Warehouse…"
    )  # fmt: skip
    assert entry.isEnabled()
    entry.trigger()
    view = window.menus.open_dialog()
    assert isinstance(view, WarehouseView)
    qtbot.waitUntil(lambda: claim_rows(view) == ["#1001"], timeout=WAIT_MS)
    assert not view.lead_name.isVisible()  # at a bench, a badge says who
    release_button(view, "#1001").click()
    assert "is for a lead" in view.note.text()
    type_scan("PS-USER-Lea")
    qtbot.waitUntil(view._confirm_box.isVisible, timeout=WAIT_MS)
    view._release_choice.click()
    qtbot.waitUntil(lambda: claim_rows(view) == [], timeout=WAIT_MS)
    with warehouse.connect() as conn:
        assert conn.execute("SELECT lead FROM claim_events").fetchall() == [("Lea",)]
    view.reject()
