"""Choosing the window's language, and switching it while the bench is running.

:func:`install_language` loads PackStation's catalog and Qt's own (``qtbase_xx.qm``, the
standard dialog buttons) and emits :data:`switch`'s ``changed``. Installing a translator
makes Qt send every widget a ``QEvent.LanguageChange``; :func:`retranslate_widgets` then
puts each fixed text already on screen (labels, buttons, menus, titles, placeholders,
tooltips, accessible names, table headers) into the new language, found through the
texts :func:`packstation.ui.words.i18n.tr` handed out. Texts built with placeholders (the
banner, counts) are the bench's to say again: connect ``switch.changed`` to whatever
re-renders them. Nothing is rebuilt, so the open order and held scans stay as they are.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTableWidget,
    QTabWidget,
    QTreeView,
    QWidget,
)

from packstation import APP_NAME
from packstation.config import Settings
from packstation.ui.words import i18n, translations
from packstation.ui.words.i18n import shown, tr

log = logging.getLogger("packstation.language")

#: The languages the window speaks; English is the source language.
SUPPORTED = ("en", *translations.LANGUAGES)


class LanguageSwitch(QObject):
    """``changed(code)`` after a language is installed (``en``, ``es``, ``de``)."""

    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.code = "en"
        self.started = False
        self.translators: list[QTranslator] = []


switch = LanguageSwitch()


def system_language(locale: QLocale | None = None) -> str:
    """The first of the system's preferred UI languages PackStation speaks, else English."""
    locale = locale or QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in SUPPORTED:
            return code
    return "en"


def resolve(setting: str) -> str:
    """The language for a ``language`` setting: "" follows the system."""
    return setting if setting in SUPPORTED else system_language()


def default_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def install_language(app: QCoreApplication, setting: str, cache_dir: Path | None = None) -> str:
    """Install the translators for ``setting`` ("" = system); returns the code in force.

    A language whose catalog cannot be found or compiled falls back to English, logged.
    """
    code = resolve(setting)
    loaded: list[QTranslator] = []
    if code != "en":
        try:
            qm = translations.catalog(code, cache_dir or default_cache_dir())
        except (OSError, FileNotFoundError, RuntimeError) as exc:
            log.warning("no %s catalog: %s", code, exc)
            qm = None
        ours = QTranslator(app)
        if qm is None or not ours.load(str(qm)):
            log.warning("cannot load the %s translation; staying in English", code)
            code = "en"
        else:
            loaded.append(ours)
            qt_own = QTranslator(app)
            if any(qt_own.load(f"qtbase_{code}", d) for d in _qt_translations_dirs()):
                loaded.append(qt_own)
    for old in switch.translators:
        app.removeTranslator(old)
    for translator in loaded:
        app.installTranslator(translator)
    switch.translators = loaded
    switch.code = code
    QLocale.setDefault(QLocale(code))
    if isinstance(app, QApplication):
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        retranslate_widgets(app)
    log.info("language: %s", code)
    switch.changed.emit(code)
    return code


def apply_look(app: QApplication, settings: Settings, cache_dir: Path | None = None) -> None:
    """The language and style the settings ask for; only what changed is redone."""
    from packstation.ui.views.style import Look, apply_bench_style, current_look

    if not switch.started:
        from packstation.ui.views.fonts import install_font_fallbacks

        install_font_fallbacks(app)
    if resolve(settings.language) != switch.code or not switch.started:
        switch.started = True
        install_language(app, settings.language, cache_dir)
    look = Look.HIGH_VISIBILITY if settings.high_visibility else Look.STANDARD
    if look != current_look() or not app.styleSheet():
        apply_bench_style(app, look)


def language_choices() -> list[tuple[str, str]]:
    """(setting value, label) for a language chooser; each language named in itself."""
    return [
        ("", tr("System language")),
        ("en", "English"),
        ("es", "Español"),
        ("de", "Deutsch"),
    ]


def look_texts() -> dict[str, str]:
    """The settings dialog's words for the two settings of this module and style.py."""
    return {
        "language": tr("Language"),
        "language_hint": tr("Takes effect at once; the open order stays as it is."),
        "high_visibility": tr("High visibility"),
        "high_visibility_hint": tr("Larger type, stronger contrast, thicker focus outlines."),
    }


def _qt_translations_dirs() -> list[str]:
    """Qt's own catalogs: where QLibraryInfo says, else ``PySide6/Qt/translations``."""
    import PySide6

    return [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
    ]


def _again(text: str) -> str | None:
    found = shown.get(text)
    if found is None:
        return None
    source, disambiguation = found
    return i18n.tr(source, disambiguation)


def _redo(getter: Callable[[], str], setter: Callable[[str], object]) -> None:
    text = getter()
    if text:
        new = _again(text)
        if new is not None and new != text:
            setter(new)


def retranslate_widgets(app: QApplication) -> None:
    """Put every fixed text on screen into the language now installed."""
    for widget in app.allWidgets():
        retranslate_widget(widget)


def _refresh_model(model: QAbstractItemModel) -> None:
    """A model's headers and cells are asked again (their texts come from tr each time)."""
    root = QModelIndex()
    columns, rows = model.columnCount(root), model.rowCount(root)
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))


def retranslate_widget(widget: QWidget) -> None:
    _redo(widget.windowTitle, widget.setWindowTitle)
    _redo(widget.toolTip, widget.setToolTip)
    _redo(widget.accessibleName, widget.setAccessibleName)
    _redo(widget.accessibleDescription, widget.setAccessibleDescription)
    if isinstance(widget, QLabel | QAbstractButton):
        _redo(widget.text, widget.setText)
    if isinstance(widget, QLineEdit):
        _redo(widget.placeholderText, widget.setPlaceholderText)
    if isinstance(widget, QGroupBox):
        _redo(widget.title, widget.setTitle)
    if isinstance(widget, QMenu):
        _redo(widget.title, widget.setTitle)
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            _redo(partial(widget.itemText, i), partial(widget.setItemText, i))
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            _redo(partial(widget.tabText, i), partial(widget.setTabText, i))
    if isinstance(widget, QTableWidget):
        for i in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(i)
            if item is not None:
                _redo(item.text, item.setText)
    elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
        _refresh_model(widget.model())
    for action in widget.actions():
        if isinstance(action, QAction):
            _redo(action.text, action.setText)
            _redo(action.toolTip, action.setToolTip)
            _redo(action.statusTip, action.setStatusTip)
