"""Every script drawn: order #1009's Japanese city, its product titles and the emoji.

Needs Debian's fonts-noto-cjk and fonts-noto-color-emoji (installed by .ci/run, and
recommended by the .deb). Without them the bench shows empty boxes, and this test fails.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packstation.ui.views.fonts import install_font_fallbacks, installed_fallbacks, missing_glyphs
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
