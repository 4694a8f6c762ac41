"""The bench's rules on the fake port: no window, no thread, no HTTP.

Each test drives the controller as the window would (a scan, a key) and reads what it
said, what it journaled and what it queued. The port is the real one on a synchronous
runner (``tests/helpers/station.py``), so every completion has run when a call returns.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from packstation.config import Settings
from packstation.store import OutboxState
from packstation.ui.bench.controller import BenchController, Mode
from packstation.ui.station.sounds import Sound
from packstation.ui.words.feedback import Tone
from tests.helpers.station import FakeRedo, FakeStation, fake_bench

JACKET, JACKET_LABEL = "JKT-RAIN-NVY-M", "1Z999AA10123456784"


@pytest.fixture
def bench(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[BenchController, FakeStation]]:
    made = fake_bench(tmp_path)
    yield made
    made[0].shipping.stop_countdown()
    made[1].close()


def scan(bench: BenchController, *codes: str) -> None:
    for code in codes:
        bench.handle_scan(code)


def test_a_whole_order_is_packed_and_queued_without_a_thread(
    bench: tuple[BenchController, FakeStation],
) -> None:
    controller, port = bench
    scan(controller, "#1001", JACKET, JACKET_LABEL)
    assert controller.session is not None and controller.session.all_packed
    assert controller.inputs.carrier == "UPS"
    assert controller.shipping.countdown.active
    controller.shipping.ship()
    assert controller.mode is Mode.IDLE
    (item,) = port.store.outbox.items(OutboxState.PENDING)
    assert item.order_ref == "#1001"
    assert port.snapshot.counts.pending == 1
    port.send_all()
    assert port.snapshot.counts.pending == 0
    assert port.store.outbox.get(item.fulfillment_id).state is OutboxState.DELIVERED  # type: ignore[union-attr]


def test_the_next_slip_during_the_countdown_ships_the_order_and_opens_the_next(
    bench: tuple[BenchController, FakeStation],
) -> None:
    """Scanning the next slip is the packer moving on: the counted-down order goes now."""
    controller, port = bench
    scan(controller, "#1001", JACKET, JACKET_LABEL)
    assert controller.shipping.countdown.active
    scan(controller, "#1002")
    assert not controller.shipping.countdown.active
    assert controller.order_ref == "#1002"
    assert controller.mode is Mode.ORDER
    (item,) = port.store.outbox.items(OutboxState.PENDING)
    assert item.order_ref == "#1001"
    # The packer never saw "Shipping…": the next order's sentence says it first.
    assert controller.showing.text.startswith("Order #1001 is shipping (1 item). Order #1002")
    scan(controller, "PS-CLEAR", "#1003")  # said once, not with every later order
    assert "#1001" not in controller.showing.text


def test_a_label_used_for_another_order_asks_from_the_snapshot(
    bench: tuple[BenchController, FakeStation],
) -> None:
    controller, port = bench
    scan(controller, "#1001", JACKET, JACKET_LABEL)
    controller.shipping.ship()
    scan(controller, "#1005", "TEE-MER-BLK-M", JACKET_LABEL)
    assert controller.question is not None
    assert "#1001" in controller.question.text
    assert port.snapshot.label_used_elsewhere(JACKET_LABEL.lower(), "x") == "#1001"


def test_a_failed_load_names_the_slip_and_stays_red_when_a_box_is_delivered(
    bench: tuple[BenchController, FakeStation],
) -> None:
    controller, port = bench
    scan(controller, "#1001", JACKET, JACKET_LABEL)
    controller.shipping.ship()
    port.redo.state = type(port.redo.state).demo()  # Redo "forgets" every order...
    port.redo.get_order = _unreachable  # type: ignore[method-assign]
    scan(controller, "#1002")
    refused = controller.showing
    assert refused.tone is Tone.ERROR
    assert "#1002" in refused.text
    port.redo = FakeRedo()
    port.client = port.redo  # type: ignore[assignment]
    port.send_all()  # the #1001 box is delivered meanwhile
    assert controller.showing == refused


def _unreachable(ref: str) -> object:
    from packstation.redo.errors import NetworkUnreachable, Problem, ProblemKind

    raise NetworkUnreachable(Problem(ProblemKind.UNREACHABLE, host="api.example"))


def test_a_configured_bench_never_says_not_set_up_while_it_connects(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The hint is decided again when the client settles: "Connecting…", then "Ready"."""
    port = FakeStation(tmp_path, configured=False)
    port.client_pending = True
    controller = BenchController(port)
    said: list[str] = []
    controller.feedback.connect(lambda f: said.append(f.text))
    controller.start()
    assert not any("Not set up" in text for text in said)
    assert "Connecting" in controller.showing.text
    port.connect_client(port.redo)
    assert controller.showing.text.startswith("Ready")
    assert not any("Not set up" in text for text in said)
    port.close()


def test_typed_tracking_is_recognised_and_an_unknown_format_is_amber(
    bench: tuple[BenchController, FakeStation],
) -> None:
    controller, _ = bench
    scan(controller, "#1001", JACKET)
    controller.shipping.tracking_entered("1z999aa1 0123456784")
    assert controller.inputs.carrier == "UPS"
    assert controller.inputs.tracking == JACKET_LABEL
    controller.shipping.tracking_entered("NOTATRACKINGNUMBER42")
    assert controller.inputs.tracking == "NOTATRACKINGNUMBER42"
    assert controller.showing.tone is Tone.WARNING
    assert not controller.shipping.countdown.active


def test_the_packer_is_remembered_across_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    controller, port = fake_bench(tmp_path)
    scan(controller, "PS-USER-Ana")
    assert controller.packer == "Ana"
    port.close()
    again, port2 = fake_bench(tmp_path)
    assert again.packer == "Ana"
    port2.close()


def test_an_import_reaches_the_open_order_at_the_next_scan(
    bench: tuple[BenchController, FakeStation], tmp_path: Path
) -> None:
    controller, port = bench
    scan(controller, "#1001", "4006381333931")
    assert controller.showing.tone is Tone.ERROR
    csv = tmp_path / "catalog.csv"
    csv.write_text(f"sku,barcode\n{JACKET},4006381333931\n", "utf-8")
    port.catalog.import_catalog(
        csv, "csv", only_if_changed=False, done=lambda _: None, failed=print
    )
    scan(controller, "4006381333931")
    assert controller.session is not None and controller.session.all_packed


# ---------------------------------------------------------------- teaching is a lead's


def lead_settings() -> Settings:
    return Settings(station_name="Bench 1", leads=("Sam",))


def test_a_packer_who_is_not_a_lead_needs_a_leads_badge_to_teach(
    qtbot: QtBot, tmp_path: Path
) -> None:
    controller, port = fake_bench(tmp_path, settings=lead_settings())
    scan(controller, "PS-USER-Ana", "#1001", "7777777777")
    assert controller.last_unknown == "7777777777"
    from packstation.ui.bench.teach import teach

    teach(controller)
    question = controller.question
    assert question is not None and question.wants_badge
    scan(controller, "PS-USER-Ana")  # not a lead
    assert controller.question is None
    assert controller.showing.tone is Tone.ERROR
    assert port.store.catalog.taught() == []
    teach(controller)
    scan(controller, "PS-USER-Sam")  # the lead's badge
    assert controller.question is not None and controller.question.choice
    controller.question.answer(0)
    (taught,) = port.store.catalog.taught()
    assert (taught.barcode, taught.sku, taught.taught_by) == ("7777777777", JACKET, "Sam")
    assert controller.packer == "Ana"  # the packer at the bench stays
    assert controller.session is not None and controller.session.all_packed
    port.close()


def test_another_products_sku_is_never_taught(qtbot: QtBot, tmp_path: Path) -> None:
    """MUG-ENM-WHT is a product of the store: teaching it to the jacket is refused by name."""
    controller, port = fake_bench(tmp_path)
    scan(controller, "PS-USER-Sam", "#1001", "MUG-ENM-WHT")
    from packstation.ui.bench.teach import teach

    teach(controller)
    assert controller.question is None
    assert controller.showing.tone is Tone.ERROR
    assert "Enamel" in controller.showing.text or "Mug" in controller.showing.text
    assert port.store.catalog.taught() == []
    assert Sound.ERROR in port.sounds.played
    port.close()


def test_a_config_line_left_out_is_said_on_the_bench_with_its_file_and_line(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A typo in IT's file never leaves the bench unconfigured: it says which line was left
    out, on the bench, where IT reads it, and the bench works with the rest."""
    from packstation.config import load_machine_config

    config = tmp_path / "config.toml"
    config.write_text('store_id = "st_1"\nvolume = 80 80\nauto_ship = false\n', "utf-8")
    machine = load_machine_config(config)
    assert machine.values["store_id"] == "st_1"
    controller, port = fake_bench(tmp_path, notices=list(machine.problems))
    assert controller.showing.tone is Tone.WARNING
    assert f"{config}, line 2" in controller.showing.text
    assert port.configured  # never "not set up" for a typo
    port.close()


# ---------------------------------------------------------------- lots and serials kept


def _beanie_gs1(serial: str, lot: str = "L1") -> str:
    return f"(01)00036000291452(10){lot}(21){serial}"


def _with_beanie_gtin(port: FakeStation, folder: Path) -> None:
    csv = folder / "gtins.csv"
    csv.write_text("sku,barcode\nBNE-WOOL-CHR,00036000291452\n", "utf-8")
    port.catalog.import_catalog(
        csv, "csv", only_if_changed=False, done=lambda _: None, failed=print
    )


def test_a_reload_keeps_every_units_lot_and_serial_and_refuses_the_serial_again(
    bench: tuple[BenchController, FakeStation], tmp_path: Path
) -> None:
    controller, port = bench
    _with_beanie_gtin(port, tmp_path)
    scan(controller, "#1002", _beanie_gs1("SER-1"))
    session = controller.session
    assert session is not None and session.line(2).packed == 1
    controller.orders.reload()  # F5: the order read again, reconciled
    session = controller.session
    assert session is not None
    (mark,) = session.marks(2)
    assert (mark.lot, mark.serial) == ("L1", "SER-1")
    scan(controller, _beanie_gs1("SER-1", lot="L2"))
    assert controller.showing.tone is Tone.ERROR
    assert "SER-1" in controller.showing.text
    assert session.line(2).packed == 1


def test_a_serial_in_an_earlier_box_is_refused_with_the_box_it_went_in(
    bench: tuple[BenchController, FakeStation], tmp_path: Path
) -> None:
    """#1012 ships two beanies; the first goes in box 1 with its serial; scanning the same
    serial into box 2, even after a restart, is refused: "already went in box 1"."""
    controller, port = bench
    _with_beanie_gtin(port, tmp_path)
    scan(controller, "#1012", _beanie_gs1("SER-7"), "PS-DUMMY", "PS-BOX")
    assert controller.boxes.number == 2
    scan(controller, _beanie_gs1("SER-7"))
    assert controller.showing.tone is Tone.ERROR
    assert "box 1" in controller.showing.text
    port.close()
    again, port2 = fake_bench(tmp_path)  # the bench restarts with box 2 on it
    assert again.session is not None
    scan(again, _beanie_gs1("SER-7"))
    assert again.showing.tone is Tone.ERROR and "box 1" in again.showing.text
    scan(again, _beanie_gs1("SER-8"))
    assert again.session.line(1).packed == 1
    port2.close()
