"""The History export never writes through a link someone planted beside its file."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from packstation.packing import DummyTracking, PackingSession
from packstation.store.export import COLUMNS, export_history_csv
from packstation.store.items import OutboxItem
from packstation.store.station import StationStore
from tests.helpers.orders import demo_order

VICTIM = b"another user's file: must not change\n"


def _history(tmp_path: Path) -> list[OutboxItem]:
    store = StationStore(tmp_path / "s.sqlite3")
    try:
        session = PackingSession(demo_order("#1001"))
        session.scan("JKT-RAIN-NVY-M")
        store.ship(session, "#1001", DummyTracking(), fulfillment_id="ps-1")
        return store.outbox.history()
    finally:
        store.close()


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_planted_part_link_is_not_followed(tmp_path: Path) -> None:
    items = _history(tmp_path)
    folder = tmp_path / "exports"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_bytes(VICTIM)
    path = folder / "history.csv"
    planted = folder / "history.csv.part"
    planted.symlink_to(victim)
    assert export_history_csv(items, path) == 1
    assert victim.read_bytes() == VICTIM
    assert planted.is_symlink()  # left as it was found
    assert _rows(path)[0] == list(COLUMNS)
    assert not path.is_symlink()
    assert sorted(p.name for p in folder.iterdir()) == ["history.csv", "history.csv.part"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_at_the_export_path_is_replaced_not_followed(tmp_path: Path) -> None:
    items = _history(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(VICTIM)
    path = tmp_path / "history.csv"
    path.symlink_to(victim)
    assert export_history_csv(items, path) == 1
    assert victim.read_bytes() == VICTIM
    assert not path.is_symlink()
    assert _rows(path)[1][0] == "#1001"


def test_a_failed_export_leaves_no_temporary_file(tmp_path: Path) -> None:
    items = _history(tmp_path)
    target = tmp_path / "a-folder.csv"
    target.mkdir()  # a folder where the file should go: the final rename fails
    with pytest.raises(OSError):
        export_history_csv(items, target)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
