"""Forgetting a taught barcode is a lead's action, asked on the view, and recorded.

A taught barcode packs its SKU on every later scan: taking it back changes what the bench
packs, so a packer who is not a lead is asked for a lead's badge, and the lead is written
to the station's journal with what the barcode packed and who had taught it.
"""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from packstation.config import Settings
from packstation.ui.station.sounds import Sound
from packstation.ui.views.taught_dialog import TaughtDialog
from tests.helpers.station import Bench, FakeStation, scan

CODE = "2000000123457"


def _open(qtbot: QtBot, bench: Bench) -> TaughtDialog:
    controller, port = bench
    port.store.catalog.teach("BNE-WOOL-CHR", CODE, "Sam")
    dialog = TaughtDialog(port, controller.identity)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    return dialog


def _forget_clicked(dialog: TaughtDialog, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog.forget_button.click()
    box = dialog.findChild(QMessageBox)
    assert box is not None
    (forget,) = [b for b in box.buttons() if b.text() == "Forget it"]
    forget.click()


def _forgotten_by(port: FakeStation) -> list[tuple[str, str]]:
    rows = port.store._conn.execute(
        "SELECT detail, packer FROM journal WHERE kind = 'forgot-barcode'"
    ).fetchall()
    return [(r["detail"], r["packer"]) for r in rows]


def test_a_packer_who_is_not_a_lead_needs_a_leads_badge_to_forget(
    qtbot: QtBot, open_bench: Callable[..., Bench]
) -> None:
    controller, port = bench = open_bench(settings=Settings(station_name="Bench 1", leads=["Ana"]))
    scan(controller, "PS-USER-Bob")
    dialog = _open(qtbot, bench)
    _forget_clicked(dialog, qtbot)
    assert "is for a lead" in dialog.note.text()
    assert port.store.catalog.taught()  # nothing forgotten yet
    port.sounds.played.clear()
    dialog.take_scan("PS-USER-Bob")
    assert "Bob is not a lead here." in dialog.note.text()
    assert Sound.ERROR in port.sounds.played
    assert port.store.catalog.taught()
    dialog.take_scan("PS-USER-Ana")
    assert port.store.catalog.taught() == []
    assert "forgotten (by Ana)" in dialog.note.text()
    assert _forgotten_by(port) == [(f"{CODE} packed BNE-WOOL-CHR, taught by Sam", "Ana")]
    assert controller.packer == "Bob"  # the packer at the bench stays


def test_a_lead_at_the_bench_forgets_at_once_and_is_recorded(
    qtbot: QtBot, open_bench: Callable[..., Bench]
) -> None:
    controller, port = bench = open_bench(settings=Settings(station_name="Bench 1", leads=["Ana"]))
    scan(controller, "PS-USER-Ana")
    dialog = _open(qtbot, bench)
    _forget_clicked(dialog, qtbot)
    assert port.store.catalog.taught() == []
    assert [who for _, who in _forgotten_by(port)] == ["Ana"]


def test_esc_while_a_badge_is_awaited_forgets_nothing_and_keeps_the_view(
    qtbot: QtBot, open_bench: Callable[..., Bench]
) -> None:
    _, port = bench = open_bench()  # no leads, and nobody said who they are
    dialog = _open(qtbot, bench)
    dialog.show()
    assert not dialog.forget_button.autoDefault()  # a badge's Enter never presses it
    _forget_clicked(dialog, qtbot)
    assert "Who is forgetting it?" in dialog.note.text()
    dialog.reject()  # Esc, or PS-CANCEL
    assert dialog.isVisible()
    assert "Nothing was forgotten." in dialog.note.text()
    dialog.take_scan("PS-USER-Ana")  # after Esc a scan searches again
    assert dialog.search.text() == "PS-USER-Ana"
    assert len(port.store.catalog.taught()) == 1
    assert _forgotten_by(port) == []
