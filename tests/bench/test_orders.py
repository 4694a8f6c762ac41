"""Orders onto the bench and off it: load, switch, refusals, a slow answer, a restart.

A slow server is ``port.network.hold()``: Redo's answer waits until the test releases
it, as a real request in flight does; the window's tests keep the real slow server for
what only threads can show (closing while it loads, the GUI thread never blocked).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from packstation.redo.models import CreateFulfillmentRequest, FulfillmentLineRequest
from packstation.ui.bench.controller import BenchController, Mode
from packstation.ui.station.sounds import Sound
from packstation.ui.words.feedback import Tone
from tests.helpers.station import Bench, FakeRedo, FakeStation, packed, scan


def test_scanning_a_slip_loads_the_order(bench: Bench) -> None:
    controller, _ = bench
    loaded: list[str] = []
    controller.order_loaded.connect(loaded.append)
    assert controller.mode is Mode.IDLE
    scan(controller, "#1002")
    assert loaded == ["#1002"]
    assert controller.mode is Mode.ORDER
    assert controller.order_ref == "#1002"
    assert controller.session is not None
    assert len(controller.session.lines()) == 3
    assert "6 items to pack" in controller.showing.text


def test_another_slip_switches_only_when_nothing_is_packed(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1002", "#1001")
    assert controller.order_ref == "#1001"
    scan(controller, "JKT-RAIN-NVY-M", "#1002")
    assert controller.showing.tone is Tone.ERROR
    assert "another order's slip" in controller.showing.text
    assert controller.order_ref == "#1001"
    assert packed(controller) == [1]


def test_unknown_order_and_revoked_token_are_plain_sentences(bench: Bench) -> None:
    controller, port = bench
    scan(controller, "#9999")
    assert controller.showing.tone is Tone.ERROR
    assert "No order #9999 in Redo" in controller.showing.text
    port.redo.revoked = True
    scan(controller, "#1001")
    assert controller.showing.tone is Tone.ERROR
    assert "token" in controller.showing.text
    assert controller.mode is Mode.IDLE


def test_network_trouble_on_load(bench: Bench) -> None:
    controller, port = bench
    port.redo.rate_limit, port.redo.retry_after = 1, 5
    scan(controller, "#1001")
    assert controller.showing.tone is Tone.ERROR
    assert "busy" in controller.showing.text
    assert controller.mode is Mode.IDLE
    scan(controller, "#1001")  # the next try is answered
    assert controller.mode is Mode.ORDER


def test_a_fully_shipped_order_says_nothing_is_left_to_pack(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1004")
    assert controller.showing.tone is Tone.WARNING
    assert "already fully shipped" in controller.showing.text
    assert controller.session is not None and controller.session.nothing_to_ship
    assert "Nothing left to pack" in controller.hint().text


@pytest.mark.expected_log("could not write to the station database")
def test_an_order_the_disk_cannot_journal_leaves_the_bench_ready_for_the_next_slip(
    bench: Bench, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller, port = bench

    def disk_full(ref: str, order: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(port.store.journal, "open", disk_full)
    scan(controller, "#1001")
    assert controller.showing.tone is Tone.ERROR
    assert "Could not save to this computer's disk" in controller.showing.text
    assert controller.mode is Mode.IDLE
    monkeypatch.undo()
    scan(controller, "#1002")
    assert controller.mode is Mode.ORDER


def test_an_item_scanned_while_its_order_loads_packs_once_the_order_is_on_the_bench(
    bench: Bench,
) -> None:
    """A fast packer scans the first item before the slow server has answered for the slip."""
    controller, port = bench
    port.network.hold()
    scan(controller, "#1001")
    assert controller.mode is Mode.LOADING
    scan(controller, "JKT-RAIN-NVY-M")
    assert "1 scan waiting" in controller.showing.text
    port.network.release()  # Redo answers
    assert controller.mode is Mode.ORDER
    assert packed(controller) == [1]
    assert Sound.ERROR not in port.sounds.played
    assert controller.order_ref == "#1001"


def test_esc_stops_waiting_for_a_slow_order_and_drops_the_scans_made_meanwhile(
    bench: Bench,
) -> None:
    controller, port = bench
    port.network.hold()
    scan(controller, "#1001", "JKT-RAIN-NVY-M")
    assert controller.escape() == "loading"
    assert controller.mode is Mode.IDLE
    assert "Stopped loading order #1001. 1 scan dropped." in controller.showing.text
    assert port.network.waiting == 1  # Redo has not answered yet
    # The late answer changes nothing, and the dropped item is never read as a slip.
    port.network.release()
    assert controller.mode is Mode.IDLE
    assert controller.session is None
    assert port.store.journal.load() is None
    assert ("get_order", "JKT-RAIN-NVY-M") not in port.redo.calls
    scan(controller, "#1002")
    assert controller.order_ref == "#1002"


def test_restart_restores_the_open_order_exactly(
    open_bench: Callable[..., Bench], tmp_path: Path
) -> None:
    redo = FakeRedo()
    first, port = open_bench(tmp_path / "station", redo=redo)
    scan(first, "#1002", "SOCK-HIK-GRY-M", "SOCK-HIK-GRY-M", "BNE-WOOL-CHR")
    scan(first, "9400111899223197428497")
    port.close()  # no orderly close: as after a crash, the journal is all that is left
    second, _ = open_bench(tmp_path / "station", redo=redo)
    assert second.mode is Mode.ORDER
    assert second.order_ref == "#1002"
    assert packed(second) == [2, 0, 1]
    assert second.inputs.tracking == "9400111899223197428497"
    assert second.inputs.carrier == "USPS"
    assert "up to date" in second.showing.text


def test_restart_reconciles_an_order_shipped_elsewhere(
    open_bench: Callable[..., Bench], tmp_path: Path
) -> None:
    redo = FakeRedo()
    first, port = open_bench(tmp_path / "station", redo=redo)
    scan(first, "#1002", "BNE-WOOL-CHR")
    port.close()
    redo.state.create_fulfillment(
        "5801002",
        CreateFulfillmentRequest(line_items=[FulfillmentLineRequest(id="li_1002_003", quantity=1)]),
    )
    second, _ = open_bench(tmp_path / "station", redo=redo)
    assert "changed in Redo" in second.showing.text
    assert "Wool Beanie - Charcoal: 1 → 0 left to ship" in second.showing.text
    assert "packed count reduced from 1 to 0" in second.showing.text
    assert packed(second) == [0, 0, 0]


def test_scans_made_while_the_client_is_built_wait_and_are_handled_in_order(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The keyring is slow to give the token: the bench takes the scans all the same (the
    window's test reads a real keyring on a thread)."""
    port = FakeStation(tmp_path / "station", configured=False, demo=True)
    port.client_pending = True
    controller = BenchController(port)
    ready: list[bool] = []
    controller.ready.connect(lambda: ready.append(True))
    controller.start()
    try:
        scan(controller, "#1001", "JKT-RAIN-NVY-M")
        assert "2 scans waiting" in controller.showing.text
        assert controller.mode is Mode.IDLE
        assert not ready
        port.connect_client(port.redo)
        assert ready == [True]
        assert controller.mode is Mode.ORDER
        # The item scanned before the order had loaded counts once the order is on the bench.
        assert controller.session is not None and controller.session.total_packed == 1
    finally:
        controller.shipping.stop_countdown()
        port.close()


def test_an_item_refused_while_its_order_opens_stays_on_screen(bench: Bench) -> None:
    controller, port = bench
    port.network.hold()
    scan(controller, "#1002", "BTL-STL-750")
    port.network.release()
    assert Sound.ERROR in port.sounds.played  # heard...
    assert controller.showing.tone is Tone.ERROR  # ...and still to be read
    assert "Not in this order: BTL-STL-750" in controller.showing.text
