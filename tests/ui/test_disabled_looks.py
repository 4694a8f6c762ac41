"""A disabled control looks disabled, in every look, and its words are still read.

High visibility's sheets gave every button and field one colour in every state: Needs
attention's Retry, Edit and Discard with nothing to act on, Settings' locked API address
and Store ID, the tracking field under dummy tracking, all looked live. Each control is
drawn enabled and disabled, and the ink the style puts on it is read back from the pixels.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from packstation.ui.views.style import Look, bench_style
from tests.ui.test_no_clipping import contrast

LOOKS = [(Look.STANDARD, False), (Look.HIGH_VISIBILITY, False), (Look.HIGH_VISIBILITY, True)]
KINDS = ["button", "field", "placeholder", "combo", "check"]


def _make(kind: str, parent: QWidget) -> QWidget:
    if kind == "button":
        return QPushButton("Retry now", parent)
    if kind == "field":
        return QLineEdit("demo-store", parent)
    if kind == "placeholder":
        field = QLineEdit(parent)
        field.setPlaceholderText("Scan the shipping label")
        return field
    if kind == "combo":
        combo = QComboBox(parent)
        combo.addItem("USPS")
        return combo
    return QCheckBox("Dummy tracking (testing)", parent)


def _text_area(widget: QWidget) -> QRect:
    """Where the control draws its words (not its border, arrow or tick box)."""
    if isinstance(widget, QComboBox):
        combo = QStyleOptionComboBox()
        combo.initFrom(widget)
        return widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, combo, QStyle.SubControl.SC_ComboBoxEditField, widget
        )
    if isinstance(widget, QCheckBox):
        option = QStyleOptionButton()
        option.initFrom(widget)
        option.text = widget.text()
        return widget.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, widget)
    return widget.rect().adjusted(6, 6, -6, -6)


def ink_and_fill(widget: QWidget) -> tuple[QColor, QColor]:
    """The colour the words are drawn in, and the colour under them: the commonest colour
    of the text area is the fill; the pixel that stands out most from it is the ink."""
    image: QImage = widget.grab().toImage()
    area = _text_area(widget).intersected(image.rect())
    pixels = [
        image.pixel(x, y)
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
    ]
    fill = QColor.fromRgb(Counter(pixels).most_common(1)[0][0])
    ink = max((QColor.fromRgb(p) for p in set(pixels)), key=lambda c: contrast(c, fill))
    return ink, fill


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("look", "dark"), LOOKS, ids=["standard", "high-visibility-light", "high-visibility-dark"]
)
def test_a_disabled_control_looks_it_and_still_reads(
    qtbot: QtBot, look: Look, dark: bool, kind: str
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.setStyleSheet(bench_style(look, dark))
    layout = QVBoxLayout(host)
    live, off = _make(kind, host), _make(kind, host)
    off.setEnabled(False)
    layout.addWidget(live)
    layout.addWidget(off)
    host.show()
    qtbot.waitExposed(host)

    live_ink, live_fill = ink_and_fill(live)
    off_ink, off_fill = ink_and_fill(off)
    # Grey words, not the live control's black (or white): told apart at a glance. (A
    # live field's placeholder is grey already: a disabled one need only still read.)
    assert kind == "placeholder" or contrast(live_ink, off_ink) >= 2, (
        f"disabled {kind} drawn in {off_ink.name()} on {off_fill.name()}, "
        f"live in {live_ink.name()} on {live_fill.name()}"
    )
    # And still read: WCAG AA for body text.
    assert contrast(off_ink, off_fill) >= 4.5, (
        f"disabled {kind}: {off_ink.name()} on {off_fill.name()}"
    )
