"""Every script drawn: order #1009's Japanese city, its product titles and the emoji.

Needs Debian's fonts-noto-cjk and fonts-noto-color-emoji (installed by .ci/run, and
recommended by the .deb). Without them the bench shows empty boxes, and this test fails.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packstation.ui.views.fonts import (
    BENCH_FAMILY,
    install_font_fallbacks,
    installed_fallbacks,
    missing_glyphs,
)
from packstation.ui.views.main_window import MainWindow
from tests.ui.conftest import load


def _row_texts(window: MainWindow) -> list[str]:
    page = window.order_page
    model = page.table.model()
    texts = [page.header.text(), page.address.text(), page.sub.text()]
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                texts.append(value)
    return texts


def test_order_1009_has_a_glyph_for_every_character(qtbot: QtBot, window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    fallbacks = install_font_fallbacks(app)
    assert fallbacks, (
        "no CJK/emoji fallback font: apt-get install fonts-noto-cjk fonts-noto-color-emoji"
    )
    load(qtbot, window, "#1009")
    texts = _row_texts(window)
    joined = " ".join(texts)
    assert "東京都目黒区" in joined
    assert "チタン スポーク Titanium Spork 🍜" in joined
    font = window.order_page.table.font()
    assert missing_glyphs(joined, font) == []
    # The check bites: the bench's Latin font alone cannot draw the order.
    latin_only = QRawFont.fromFont(QFont("DejaVu Sans"))
    assert [c for c in "東京🍜é" if not latin_only.supportsCharacter(ord(c))] == ["東", "京", "🍜"]


def test_the_city_renders_ink_not_boxes() -> None:
    """Pixels: each CJK character draws something different from the missing-glyph box."""
    assert "Noto Sans CJK JP" in installed_fallbacks()

    def ink(text: str) -> bytes:
        image = QImage(80, 60, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(QFont("Noto Sans CJK JP", 28))
        painter.setPen(QColor("black"))
        painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return bytes(image.constBits())

    drawn = {ink(c) for c in "東京都目黒区"}
    assert len(drawn) == 6  # six different shapes: no two characters fell back to one box


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bench's family is Linux's")
def test_the_bench_draws_its_letters_in_its_own_font() -> None:
    """On Linux the application's family is the shipped Source Sans Pro, which draws
    Latin, Greek and Cyrillic itself: a CJK collection is no longer the font of every
    word (it was, through the alias "Sans Serif": 5 MiB resident for every order)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_font_fallbacks(app)
    assert app.font().family() == BENCH_FAMILY
    assert BENCH_FAMILY in QFontDatabase.families()
    own = QRawFont.fromFont(QFont(BENCH_FAMILY))
    assert [
        c for c in "Ærø Søndergård ΑΩ Жук €" if c != " " and not own.supportsCharacter(ord(c))
    ] == []


def test_the_bench_symbols_are_found_before_any_cjk_family() -> None:
    """✔ ✖ ⏳ beside the bench's messages are drawn by a symbol or emoji font found first:
    a CJK collection asked before them is loaded only to say it has none of them."""
    fallbacks = installed_fallbacks()
    cjk = [i for i, family in enumerate(fallbacks) if "CJK" in family]
    assert cjk, "no CJK fallback installed"
    for symbol in "✔✖⏳":
        drawn_by = next(
            i
            for i, family in enumerate(fallbacks)
            if QRawFont.fromFont(QFont(family)).supportsCharacter(ord(symbol))
        )
        assert drawn_by < cjk[0], (symbol, fallbacks[drawn_by])
