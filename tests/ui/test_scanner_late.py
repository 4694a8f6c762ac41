"""A machine busy for good does not hold a person's keys: the filter's timer fires late on
every turn, and what was typed reaches its field all the same, within about a second."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from packstation.ui.views import scanner as scanner_module
from packstation.ui.views.scanner import ScannerFilter


@pytest.fixture
def always_late(monkeypatch: pytest.MonkeyPatch, field: QLineEdit) -> Iterator[ScannerFilter]:
    # Every timer counts as late, as on a machine whose GUI thread never keeps up.
    monkeypatch.setattr(scanner_module, "LATE_TIMER", -1.0)
    app = QCoreApplication.instance()
    assert app is not None
    scanner = ScannerFilter()
    app.installEventFilter(scanner)
    yield scanner
    app.removeEventFilter(scanner)


def test_keys_typed_by_hand_arrive_however_late_the_timer_fires(
    qtbot: QtBot, field: QLineEdit, always_late: ScannerFilter
) -> None:
    for number, char in enumerate("ab"):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, ord(char.upper()), Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(1_000_000 + 150 * number)  # a person: 150 ms apart
            QCoreApplication.postEvent(field, event)
    qtbot.waitUntil(lambda: field.text() == "ab")
