"""Every script drawn: fallback fonts for CJK text and emoji in order data.

Order data arrives in any script: #1009 ships to 東京都目黒区 and sells a "チタン スポーク
Titanium Spork 🍜". The bench's fonts cover Latin, Greek and Cyrillic; for the rest Qt
falls back to the families below, the first that is installed winning:

- Linux: Noto Sans CJK and Noto Color Emoji; the .deb recommends ``fonts-noto-cjk``
  and ``fonts-noto-color-emoji`` (Debian's own packages, updated with the system).
- Windows: Yu Gothic UI / Microsoft YaHei UI / Malgun Gothic and Segoe UI Emoji, which
  ship with Windows 10 and 11.
- macOS: Hiragino Sans, PingFang SC, Apple SD Gothic Neo and Apple Color Emoji.

The bundle does not carry the fonts: Noto Sans CJK alone is 19.5 MB (regular) plus
20 MB (bold) and Noto Color Emoji 11 MB, about a third of the 133 MB bundle again, for
families every supported OS already has or installs with the package.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

#: Tried in order after the widget's own font (only the installed ones matter).
FALLBACK_FAMILIES = (
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK KR",
    "Noto Color Emoji",
    "Yu Gothic UI",
    "Microsoft YaHei UI",
    "Malgun Gothic",
    "Segoe UI Emoji",
    "Segoe UI Symbol",
    "Hiragino Sans",
    "PingFang SC",
    "Apple SD Gothic Neo",
    "Apple Color Emoji",
)


def installed_fallbacks() -> list[str]:
    available = set(QFontDatabase.families())
    return [family for family in FALLBACK_FAMILIES if family in available]


def install_font_fallbacks(app: QGuiApplication) -> list[str]:
    """Make the application's font fall back to the installed families; returns them."""
    fallbacks = installed_fallbacks()
    family = app.font().family()
    QFont.insertSubstitutions(family, fallbacks)
    return fallbacks


def _drawn(char: str) -> bool:
    """Does this character need a glyph? (Not spaces, joiners or variation selectors.)"""
    return not char.isspace() and unicodedata.category(char) not in {"Cf", "Mn", "Cc"}


def missing_glyphs(text: str, font: QFont | None = None) -> list[str]:
    """The characters of ``text`` that neither ``font`` nor an installed fallback can draw.

    Each font is asked on its own (``QRawFont``: no fallback of Qt's own in between), so
    the answer is what the fallback path above provides.
    """
    font = font or QGuiApplication.font()
    fonts = [QRawFont.fromFont(font)]
    fonts += [
        QRawFont.fromFont(QFont(family, font.pointSize())) for family in installed_fallbacks()
    ]
    return sorted(
        {c for c in text if _drawn(c) and not any(f.supportsCharacter(ord(c)) for f in fonts)}
    )
