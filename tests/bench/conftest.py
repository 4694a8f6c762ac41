"""A bench on the fake port, as the window's tests open one: the demo sandbox's orders.

``bench`` is a started controller and its :class:`~tests.helpers.station.FakeStation`
(demo, like the window's ``window`` fixture, so every sentence is the one a packer at a
demo bench reads); ``open_bench`` opens more, on a folder of the test's choosing (the
same folder twice is a restart). Each one is stopped after the test: its countdown, its
reload timer, its database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.station import Bench, fake_bench


@pytest.fixture
def open_bench(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., Bench]]:
    opened: list[Bench] = []

    def open_(folder: Path | None = None, **station: Any) -> Bench:
        station.setdefault("demo", True)
        made = fake_bench(folder or tmp_path / "station", **station)
        opened.append(made)
        return made

    yield open_
    for controller, port in opened:
        controller.shipping.stop_countdown()
        controller.news.stop()
        port.close()


@pytest.fixture
def bench(open_bench: Callable[..., Bench]) -> Bench:
    return open_bench()
