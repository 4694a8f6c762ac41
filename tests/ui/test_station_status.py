"""The status bar under a burst of deliveries: one refresh, no needless re-polish."""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar
from pytestqt.qtbot import QtBot

from packstation.store import OutboxCounts
from packstation.ui.views.station_status import Coalescer, StationStatus


def test_a_hundred_requests_make_one_run(qtbot: QtBot) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    runs: list[int] = []
    coalescer = Coalescer(20, lambda: runs.append(1), bar)
    for _ in range(100):
        coalescer.request(object())
    qtbot.waitUntil(lambda: runs == [1])
    with qtbot.assertNotEmitted(coalescer._timer.timeout, wait=60):
        pass
    coalescer.request()
    coalescer.flush()
    assert runs == [1, 1]


def test_the_attention_button_is_re_polished_only_when_its_colour_changes(qtbot: QtBot) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = StationStatus(bar)
    polished: list[object] = []
    style = status.attention_button.style()
    original = style.polish

    status.show_state(OutboxCounts(0, 0, None), True, True)
    style.polish = lambda widget: (polished.append(widget), original(widget))  # type: ignore[method-assign]
    try:
        for pending in range(1, 50):
            status.show_state(OutboxCounts(pending, 0, None), True, True)
        assert polished == []
        status.show_state(OutboxCounts(1, 1, None), True, True)
        assert len(polished) == 1
    finally:
        del style.polish
    assert status.attention_button.property("active") == "true"
    assert status.attention_button.text() == "Needs attention: 1"
