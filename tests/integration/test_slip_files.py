"""Slips printed into a PDF folder never write through a link someone planted there."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from packstation.ui.printing.printer import PrintTarget, print_blocking
from packstation.ui.printing.slips import Slip, slip_file_name
from tests.helpers.orders import demo_order

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


def _slip() -> Slip:
    return Slip.build(demo_order("#1002"), "#1002", {"li_1002_001": 1}, box=2, boxes=2)


def _plant(folder: Path, target: Path, seconds: int = 30) -> list[Path]:
    """A link at the slip's name for each of the next ``seconds`` (it names the second)."""
    now = dt.datetime.now()
    links = []
    for second in range(seconds):
        link = folder / slip_file_name(_slip(), now + dt.timedelta(seconds=second))
        link.symlink_to(target)
        links.append(link)
    return links


def test_a_dangling_link_at_the_slips_name_is_taken_not_followed(
    tmp_path: Path, qapp: object
) -> None:
    folder = tmp_path / "slips"
    folder.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "written-through-the-link.pdf"
    links = _plant(folder, target)
    where = Path(print_blocking(_slip(), PrintTarget(folder=folder)))
    assert not target.exists(), "the slip was written through a planted link"
    assert all(link.is_symlink() for link in links)
    assert where.parent == folder
    assert where.name.endswith("-2.pdf")
    assert not where.is_symlink()
    assert where.read_bytes().startswith(b"%PDF-")


def test_a_link_to_a_file_is_not_written_through(tmp_path: Path, qapp: object) -> None:
    folder = tmp_path / "slips"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep me\n")
    _plant(folder, victim)
    where = Path(print_blocking(_slip(), PrintTarget(folder=folder)))
    assert victim.read_bytes() == b"keep me\n"
    assert where.read_bytes().startswith(b"%PDF-")


def test_a_slip_printed_twice_in_a_second_keeps_both(tmp_path: Path, qapp: object) -> None:
    folder = tmp_path / "slips"
    first = Path(print_blocking(_slip(), PrintTarget(folder=folder)))
    second = Path(print_blocking(_slip(), PrintTarget(folder=folder)))
    assert first != second
    assert first.read_bytes().startswith(b"%PDF-")
    assert second.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in folder.iterdir()) == sorted([first.name, second.name])
