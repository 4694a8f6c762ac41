"""Nothing needs a mouse: Tab walks the window in reading order, every stop is named and
described, and the command barcodes answer dialogs. The language and the look change
while an order is open, and nothing of it is lost."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from packstation.ui.views.banner import Tone
from packstation.ui.views.language import install_language
from packstation.ui.views.main_window import MainWindow
from packstation.ui.views.style import Look, apply_bench_style, bench_style
from tests.ui.conftest import load, scan, type_scan


def _tab_walk(window: MainWindow, start: QWidget) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    chain = [start]
    for _ in range(30):
        focus = QApplication.focusWidget()
        assert focus is not None
        QTest.keyClick(focus, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None
        if focus is start:
            return chain
        chain.append(focus)
    raise AssertionError(f"Tab never came back: {[w.objectName() for w in chain]}")


def _tab_stops(window: MainWindow) -> set[QWidget]:
    return {
        w
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
    }


def test_tab_walks_the_whole_window_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1009")
    form = window.order_page.shipping
    chain = _tab_walk(window, window.code_field)
    assert chain == [
        window.code_field,
        window.order_page.table,
        form.carrier_input,
        form.tracking_input,
        form.dummy_toggle,
    ]
    form.dummy_toggle.setChecked(True)  # the dummy tracking fields take the label's place
    for chain in (_tab_walk(window, window.code_field), _tab_walk(window, form.dummy_toggle)):
        assert set(chain) == _tab_stops(window)
        assert form.dummy_status in chain
        for widget in chain:
            assert widget.accessibleName(), widget.objectName()
            assert widget.accessibleDescription(), widget.objectName()
        # Reading order from the code field: the left column top to bottom, then the right.
        start = chain.index(window.code_field)
        ordered = chain[start + 1 :] + chain[:start]
        places = [_place(window, w) for w in ordered]
        assert places == sorted(places)


def _place(window: MainWindow, widget: QWidget) -> tuple[bool, int]:
    corner = widget.mapTo(window, widget.rect().topLeft())
    return corner.x() > window.width() * 0.5, corner.y()


def test_every_button_says_what_it_does_and_which_key_reaches_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    load(qtbot, window, "#1009")
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
    assert len(buttons) >= 6
    for button in buttons:
        assert button.accessibleName() or button.text(), button.objectName()
        if (
            button.focusPolicy() == Qt.FocusPolicy.NoFocus
            and button.objectName() != "attentionButton"
        ):
            assert button.accessibleDescription(), button.text()
    ship = window.order_page.shipping.ship_button
    assert "Ctrl+Enter" in ship.accessibleDescription()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("PS-CONFIRM", QMessageBox.StandardButton.Discard),
        ("PS-CANCEL", QMessageBox.StandardButton.Cancel),
    ],
)
def test_the_command_barcodes_answer_a_dialog(
    qtbot: QtBot, window: MainWindow, code: str, expected: QMessageBox.StandardButton
) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Discard this shipment?",
        "Discard?",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        window,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.open()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is box)
    with qtbot.waitSignal(box.finished):
        type_scan(code)
    assert box.standardButton(box.clickedButton()) == expected
    assert window.controller.showing.tone is not Tone.ERROR  # the bench did not take it


@pytest.fixture
def back_to_english(qapp: QCoreApplication, tmp_path: Path) -> Iterator[Path]:
    yield tmp_path
    install_language(qapp, "en", tmp_path)


def test_switching_language_keeps_the_open_order(
    qtbot: QtBot, window: MainWindow, qapp: QCoreApplication, back_to_english: Path
) -> None:
    load(qtbot, window, "#1009")
    scan(qtbot, window, "SPK-CMP-TI")
    session = window.controller.session
    assert session is not None
    packed = [line.packed for line in session.lines()]
    install_language(qapp, "de", back_to_english)
    assert window.code_field.placeholderText().startswith("Auftragsnummer oder Code")
    assert window.order_page.table.accessibleName() == "Auftragspositionen"
    assert window.order_page.plus_button.text() == "+ Eins mehr"
    # Texts built with values follow too: the order's header, the ship button, the title.
    assert window.order_page.header.text().startswith("Auftrag #1009")
    assert window.order_page.shipping.ship_button.text() == "1 Artikel versenden"
    assert window.controller.session is session
    assert [line.packed for line in session.lines()] == packed
    install_language(qapp, "es", back_to_english)
    assert window.order_page.plus_button.text() == "+ Uno más"
    scan(qtbot, window, "SPK-CMP-TI")  # the bench carries on where it was
    assert sum(line.packed for line in session.lines()) == sum(packed) + 1
    install_language(qapp, "en", back_to_english)
    assert window.order_page.plus_button.text() == "+ One more"


def _colour(sheet: str, tone: str) -> tuple[int, int, int]:
    found = re.findall(rf'tone="{tone}"\]\s*{{[^}}]*background:\s*#([0-9a-f]{{6}})', sheet)
    assert found, tone
    value = found[-1]  # the last rule wins
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _seen(rgb: tuple[int, int, int], kind: str) -> tuple[float, float, float]:
    """CIELAB of a colour as seen with protanopia or deuteranopia (Viénot et al. 1999)."""

    def linear(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    w = 0.11238 if kind == "protan" else 0.29275
    k = 0.00401 if kind == "protan" else -0.02234
    lms = (w * r + (1 - w) * g, w * r + (1 - w) * g, k * r - k * g + b)
    r, g, b = (max(0.0, min(1.0, v)) for v in lms)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _delta_e(good: tuple[int, int, int], bad: tuple[int, int, int], kind: str) -> float:
    a, b = _seen(good, kind), _seen(bad, kind)
    return float(sum((p - q) ** 2 for p, q in zip(a, b, strict=True)) ** 0.5)


@pytest.mark.parametrize("dark", [False, True])
def test_high_visibility_tells_good_from_bad_without_full_colour_vision(dark: bool) -> None:
    sheet = bench_style(Look.HIGH_VISIBILITY, dark)
    good, bad = _colour(sheet, "success"), _colour(sheet, "error")
    for kind in ("protan", "deutan"):
        assert _delta_e(good, bad, kind) > 60, kind  # CIELAB ΔE: far apart
    standard = bench_style(Look.STANDARD)
    good, bad = _colour(standard, "success"), _colour(standard, "error")
    # The standard green and red are close for a deuteranope: hence the second sheet.
    assert _delta_e(good, bad, "deutan") < 30


def test_high_visibility_makes_type_larger_and_keeps_the_icons(
    qtbot: QtBot, window: MainWindow
) -> None:
    banner, field = window.banner, window.code_field
    apply_bench_style(window, Look.STANDARD)
    standard = banner.font().pointSizeF(), field.font().pointSizeF()
    apply_bench_style(window, Look.HIGH_VISIBILITY)
    assert banner.font().pointSizeF() >= standard[0] + 2
    assert field.font().pointSizeF() >= standard[1] + 2
    banner.show_message("Shipped", Tone.SUCCESS)
    assert banner.text().startswith("✔")
    banner.show_message("Not in this order", Tone.ERROR)
    assert banner.text().startswith("✖")
