"""The bench's style sheets: the standard one, and high visibility on top of it.

``bench.qss`` is large type, calm colours, red that means red. High visibility
(``Settings.high_visibility``) adds a second sheet: larger type, black and white,
thick focus outlines, good and bad in colours told apart without full colour vision.
It follows the OS's light or dark scheme (Qt 6.5+ ``QStyleHints.colorScheme``), also
when the scheme changes while the bench runs.

Two rules in the sheets follow from measuring rather than from the look: menu items get a
box of their own (``QMenu::item``), and in high visibility the shipping column's
dummy-tracking fields keep the standard size, as its carrier and tracking fields do.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from packstation.resources import resource_path


class Look(StrEnum):
    STANDARD = "standard"
    HIGH_VISIBILITY = "high_visibility"


@cache
def _sheet(name: str) -> str:
    """A style sheet, with ``{icons}`` pointing at the shipped icons (checkout, wheel or
    frozen bundle alike)."""
    text = resource_path("styles", name).read_text("utf-8")
    return text.replace("{icons}", resource_path("icons").as_posix())


def bench_style(mode: Look = Look.STANDARD, dark: bool = False) -> str:
    if mode is Look.STANDARD:
        return _sheet("bench.qss")
    variant = "high_visibility_dark.qss" if dark else "high_visibility_light.qss"
    return _sheet("bench.qss") + "\n" + _sheet(variant)


def dark_scheme() -> bool:
    """Does the OS ask for a dark scheme?

    Qt 6.5+ says so in ``QStyleHints.colorScheme``; where it cannot tell (older Qt, some
    platforms), a dark window colour in the application palette means dark.
    """
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    if scheme != Qt.ColorScheme.Unknown:
        return bool(scheme == Qt.ColorScheme.Dark)
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5


_app_look: list[Look] = []  # the application's look, once set: followed on scheme changes


def apply_bench_style(target: QApplication | QWidget, mode: Look | bool = Look.STANDARD) -> None:
    """Style ``target``; ``mode`` is a :class:`Look` or the ``high_visibility`` setting.

    Styled as a whole application, the sheet follows the OS scheme when it changes.
    """
    look = Look.HIGH_VISIBILITY if mode is True or mode == Look.HIGH_VISIBILITY else Look.STANDARD
    target.setStyleSheet(bench_style(look, dark_scheme()))
    if isinstance(target, QApplication):
        if not _app_look:
            hints = QGuiApplication.styleHints()
            if hasattr(hints, "colorSchemeChanged"):
                hints.colorSchemeChanged.connect(_scheme_changed)
        _app_look[:] = [look]


def current_look() -> Look:
    return _app_look[0] if _app_look else Look.STANDARD


def _scheme_changed(*_: object) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication) and _app_look:
        app.setStyleSheet(bench_style(_app_look[0], dark_scheme()))
