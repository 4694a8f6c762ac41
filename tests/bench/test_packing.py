"""Scans that pack or are refused, + and −, undo: what the bench does and says.

The keys that reach these rules (+, −, Ctrl+Z, Esc) are pressed in the window's tests
(``tests/ui/test_window.py``, ``test_bench_edges.py``, ``test_zero_touch.py``).
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from packstation.ui.bench.controller import Mode
from packstation.ui.station.sounds import Sound
from packstation.ui.words.feedback import Tone
from tests.helpers.station import Bench, packed, scan


def test_good_scan_packs_and_beeps(bench: Bench) -> None:
    controller, port = bench
    scan(controller, "#1002")
    port.sounds.played.clear()
    rows: list[int] = []
    controller.row_scanned.connect(rows.append)
    scan(controller, "sock-hik-gry-m")  # a SKU in any case
    assert controller.showing.tone is Tone.SUCCESS
    assert port.sounds.played == [Sound.GOOD]
    assert packed(controller) == [1, 0, 0]
    assert "Hiking Socks" in controller.showing.text
    assert rows == [0]  # the window selects and flashes that row


def test_a_complete_line_says_one_item_never_one_items(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1001", "JKT-RAIN-NVY-M")
    assert "All 1 item packed." in controller.showing.text


def test_wrong_item_is_refused_loudly_and_the_message_stays_until_esc(
    qtbot: QtBot, bench: Bench
) -> None:
    controller, port = bench
    scan(controller, "#1002", "BTL-STL-750")
    assert packed(controller) == [0, 0, 0]
    assert controller.showing.tone is Tone.ERROR
    assert "Not in this order: BTL-STL-750" in controller.showing.text
    assert port.sounds.played[-1] is Sound.ERROR
    qtbot.wait(100)  # nothing clears it by itself: a window to watch, longer under load
    assert controller.showing.tone is Tone.ERROR
    assert controller.escape() == "message"
    assert controller.showing.tone is not Tone.ERROR
    assert controller.mode is Mode.ORDER  # the first Esc only acknowledged


def test_overpack_is_refused(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1001", "JKT-RAIN-NVY-M", "JKT-RAIN-NVY-M")
    assert packed(controller) == [1]
    assert "already complete" in controller.showing.text


def test_next_good_scan_replaces_the_error(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1002", "NOPE-123")
    assert controller.showing.tone is Tone.ERROR
    scan(controller, "BNE-WOOL-CHR")
    assert controller.showing.tone is Tone.SUCCESS


def test_quantities_in_refusals_are_the_real_ones(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1006")  # a line of 500
    scan(controller, "PS-QTY-100", "CRB-ALU-BLU")
    scan(controller, "PS-QTY-1000", "CRB-ALU-BLU")
    assert "1000 is more than the 400 left" in controller.showing.text
    assert packed(controller)[0] == 100


def test_an_item_already_shipped_says_so(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1003")  # partly shipped
    session = controller.session
    assert session is not None
    done = next(line for line in session.lines() if not line.packable)
    assert done.item.sku is not None
    scan(controller, done.item.sku)
    assert "this item was already shipped" in controller.showing.text
    assert "(0 of 0)" not in controller.showing.text


def test_an_item_or_a_label_with_no_order_open_says_what_it_is(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "1Z999AA10123456784")
    assert controller.showing.tone is Tone.ERROR
    assert "is a shipping label: scan the packing slip first" in controller.showing.text
    scan(controller, "0840312000080")
    assert "is an item" in controller.showing.text
    assert controller.mode is Mode.IDLE


def test_a_single_minus_removes_one_and_is_not_shown_as_a_success(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1002", "SOCK-HIK-GRY-M")
    controller.edits.change_line(0, -1)  # − on the selected first line
    assert packed(controller) == [0, 0, 0]
    assert "Removed one" in controller.showing.text
    assert controller.showing.tone is not Tone.SUCCESS


def test_undo_names_what_it_undid(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1002", "BNE-WOOL-CHR")
    controller.edits.undo()  # Ctrl+Z
    assert "Undone: Wool Beanie" in controller.showing.text
    assert packed(controller) == [0, 0, 0]


def test_undo_takes_back_the_last_change_only(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1002", "SOCK-HIK-GRY-M", "TEE-MER-BLK-M")
    controller.edits.undo()
    assert packed(controller) == [1, 0, 0]


def test_a_refused_scan_changes_nothing_and_ships_nothing(bench: Bench) -> None:
    controller, port = bench
    scan(controller, "#1001")
    changed: list[str] = []
    controller.rows_changed.connect(lambda _: changed.append("rows"))
    controller.shipment_queued.connect(lambda _: changed.append("queued"))
    controller.progress_changed.connect(lambda: changed.append("progress"))
    journal = port.store.journal.load()
    scan(controller, "BTL-STL-750")  # not in this order
    scan(controller, "PS-QTY-0")  # not a command
    scan(controller, "PS-SHIP")  # nothing packed: refused, not shipped
    assert changed == []
    assert controller.showing.tone is Tone.ERROR
    assert packed(controller) == [0]
    saved = port.store.journal.load()
    assert saved is not None and journal is not None
    assert saved.packed == journal.packed
    assert port.store.outbox.counts().pending == 0


def test_a_scan_on_a_1000_line_order_announces_only_its_row(bench: Bench) -> None:
    """The window re-reads and repaints only the rows the bench names (``rows_changed``)."""
    controller, _ = bench
    scan(controller, "#1014")
    assert controller.session is not None
    assert len(controller.session.lines()) == 1000
    rows: list[object] = []
    scanned: list[int] = []
    controller.rows_changed.connect(rows.append)
    controller.row_scanned.connect(scanned.append)
    controller.order_changed.connect(lambda: rows.append("order"))
    scan(controller, "PRT-0777")
    assert scanned == [776]
    assert rows == [(776,)]
    assert controller.session.line(776).packed == 1
