"""Every script drawn: fallback fonts for CJK text and emoji in order data.

Order data arrives in any script: #1009 ships to 東京都目黒区 and sells a "チタン スポーク
Titanium Spork 🍜". The bench's fonts cover Latin, Greek and Cyrillic; for the rest Qt
falls back to the families below, the first that is installed winning:

- Linux: DejaVu Sans for symbols, Noto Color Emoji, Noto Sans CJK; the .deb recommends
  ``fonts-dejavu-core``, ``fonts-noto-color-emoji`` and ``fonts-noto-cjk`` (Debian's own
  packages, updated with the system). The bench's own letters are Source Sans Pro,
  shipped with it (``BENCH_FAMILY``).
- Windows: Yu Gothic UI / Microsoft YaHei UI / Malgun Gothic and Segoe UI Emoji, which
  ship with Windows 10 and 11.
- macOS: Hiragino Sans, PingFang SC, Apple SD Gothic Neo and Apple Color Emoji.

The bundle does not carry the fonts: Noto Sans CJK alone is 19.5 MB (regular) plus
20 MB (bold) and Noto Color Emoji 11 MB, about a third of the 133 MB bundle again, for
families every supported OS already has or installs with the package.
"""

from __future__ import annotations

import sys
import unicodedata

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

#: Tried in order after the widget's own font (only the installed ones matter). The
#: symbols the bench shows beside its messages (✔ ✖ ⏳) come before the CJK families: a
#: CJK collection asked first is loaded only to say it has none of them.
FALLBACK_FAMILIES = (
    "DejaVu Sans",
    "Noto Color Emoji",
    "Segoe UI Symbol",
    "Segoe UI Emoji",
    "Apple Color Emoji",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK KR",
    "Yu Gothic UI",
    "Microsoft YaHei UI",
    "Malgun Gothic",
    "Hiragino Sans",
    "PingFang SC",
    "Apple SD Gothic Neo",
)

#: The bench's letters on Linux (Latin, Greek, Cyrillic), shipped with it under the SIL
#: Open Font License (resources/fonts). Linux names no real family for the application
#: (the alias "Sans Serif"), and Qt drew that alias in the first installed fallback for
#: everything: the 19 MB Noto Sans CJK collection, whose Latin letters are Source Sans,
#: loaded for every order (5 MiB resident; benchmarks/RESULTS.md). Windows and macOS
#: name their own UI family and keep it.
BENCH_FAMILY = "Source Sans Pro"
BENCH_FONT_FILES = ("SourceSansPro-Regular.ttf", "SourceSansPro-Bold.ttf")


def installed_fallbacks() -> list[str]:
    available = set(QFontDatabase.families())
    return [family for family in FALLBACK_FAMILIES if family in available]


def install_bench_family(app: QGuiApplication) -> bool:
    """On Linux, the application's font is the bench's own family; True once it is."""
    if not sys.platform.startswith("linux"):
        return False
    from packstation.resources import resource_path

    for name in BENCH_FONT_FILES:
        if QFontDatabase.addApplicationFont(str(resource_path("fonts", name))) < 0:
            return False  # a damaged install: the system's fonts still draw everything
    font = app.font()
    font.setFamily(BENCH_FAMILY)
    app.setFont(font)
    return True


def install_font_fallbacks(app: QGuiApplication) -> list[str]:
    """Make the application's font fall back to the installed families; returns them."""
    install_bench_family(app)
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
