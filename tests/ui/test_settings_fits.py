"""Settings fits a 1366x768 screen: its form scrolls, and Test connection, Save and Cancel
stay on screen, in every language, with DejaVu and Noto fonts, in both looks, and at the
first start (with its long welcome text). The mouse wheel scrolls that form; it changes a
list or slider only once the person is in it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from packstation.config import Paths, Settings
from packstation.credentials import TokenStore
from packstation.store.station import StationStore
from packstation.ui.station.runtime import StationRuntime
from packstation.ui.station.services import Services
from packstation.ui.views.settings_dialog import SettingsDialog
from packstation.ui.views.style import Look, apply_bench_style
from tests.helpers.fakes import MemoryKeyring
from tests.ui.test_no_clipping import (
    FONTS,
    LOOKS,
    contrast,
    in_font,
    in_language,
    settled,
)

__all__ = ["in_font", "in_language"]  # fixtures shared with the window's walk

FIELDS = (QLineEdit, QComboBox, QCheckBox, QAbstractSlider)
#: What a 1366x768 screen leaves a dialog: less a 40 px task bar and a 30 px title bar.
ROOM = QRect(0, 0, 1366, 768 - 40 - 30)


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StationRuntime]:
    """One runtime for every dialog of the module, as a bench has one for its life: a
    runtime made and dropped per test (two dozen in a row in one process) met a rare
    crash inside Qt's painting that no bench, with its one runtime, can meet."""
    paths = Paths.default(tmp_path_factory.mktemp("station"))
    services = Services(
        settings=Settings(station_name="Bench 7"),
        paths=paths,
        store=StationStore(paths.database),
        tokens=TokenStore(MemoryKeyring()),
    )
    runtime = StationRuntime(services)
    yield runtime
    runtime.shutdown()
    assert runtime.wait_for_workers(5.0)  # the keyring reads on its threads are over
    services.store.close()


def _scrolls(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _open(qtbot: QtBot, runtime: StationRuntime, look: Look, first_run: bool) -> SettingsDialog:
    dialog = SettingsDialog(runtime, first_run=first_run)
    qtbot.addWidget(dialog)
    apply_bench_style(dialog, look)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("first_run", [False, True], ids=["settings", "first-start"])
@pytest.mark.parametrize("family", FONTS)
@pytest.mark.parametrize("look", LOOKS, ids=["normal", "hivis"])
@pytest.mark.parametrize("language", ["en", "es", "de"])
def test_settings_fit_a_1366x768_screen_with_their_buttons_in_view(
    qtbot: QtBot,
    runtime: StationRuntime,
    in_language: Callable[[str], None],
    in_font: Callable[[str], None],
    language: str,
    look: Look,
    family: str,
    first_run: bool,
) -> None:
    in_font(family)
    in_language(language)
    dialog = _open(qtbot, runtime, look, first_run)
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height()  # opened within the screen it is on

    dialog.resize(dialog.width(), ROOM.height())  # as a 1366x768 bench has it
    qtbot.waitUntil(lambda: dialog.height() <= ROOM.height())
    assert dialog.width() <= ROOM.width()
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    for button in (*box.buttons(), dialog.test_button):
        where = QRect(button.mapTo(dialog, button.rect().topLeft()), button.size())
        assert button.isVisible() and dialog.rect().contains(where), button.text()
        assert not _scrolls(button), f"{button.text()} scrolls away with the form"
    problems = settled(qtbot, dialog)
    assert problems == [], "cut short:\n" + "\n".join(problems)
    # The fields scroll rather than squeeze: each keeps the height it needs.
    for field in dialog.findChildren(QWidget):
        if isinstance(field, FIELDS) and field.isVisible():
            assert field.height() >= field.minimumSizeHint().height(), field.objectName()
            assert _scrolls(field), f"{field.objectName()} is not in the scrolling form"


def test_the_form_scrolls_to_its_last_field(
    qtbot: QtBot, runtime: StationRuntime, in_font: Callable[[str], None]
) -> None:
    in_font("Noto Sans")
    dialog = _open(qtbot, runtime, Look.HIGH_VISIBILITY, first_run=True)
    dialog.resize(dialog.width(), ROOM.height())
    bar = dialog.scroller.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    last = dialog.printing.store_name
    dialog.scroller.ensureWidgetVisible(last)
    viewport = dialog.scroller.viewport()
    where = QRect(last.mapTo(viewport, last.rect().topLeft()), last.size())
    assert viewport.rect().contains(where)


@pytest.mark.qt_log_ignore(  # an open list on the offscreen platform
    "This plugin does not support grabbing the keyboard", "This plugin does not support raise"
)
@pytest.mark.parametrize("look", LOOKS, ids=["normal", "hivis"])
def test_an_open_list_shows_its_current_item(
    qtbot: QtBot, runtime: StationRuntime, look: Look
) -> None:
    """The current item of an open list was white on white in the standard look."""
    dialog = _open(qtbot, runtime, look, first_run=False)
    combo = dialog.printing.print_when
    combo.setCurrentIndex(1)
    combo.showPopup()
    view = combo.view()
    qtbot.waitExposed(view)
    image = view.viewport().grab(view.visualRect(view.currentIndex())).toImage()
    colours = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    ground = QColor(Counter(c.rgb() for c in colours).most_common(1)[0][0])
    combo.hidePopup()
    # Its words stand out from its ground as body text must (WCAG AA).
    assert max(contrast(ground, c) for c in colours) >= 4.5


def _field(dialog: SettingsDialog, name: str) -> QComboBox | QAbstractSlider:
    found: object = dialog
    for part in name.split("."):
        found = getattr(found, part)
    assert isinstance(found, QComboBox | QAbstractSlider)
    return found


def _value(field: QComboBox | QAbstractSlider) -> int:
    return field.currentIndex() if isinstance(field, QComboBox) else field.value()


def _wheel(field: QWidget, steps: int) -> None:
    """``steps`` notches of a mouse wheel over ``field`` (negative: towards the person)."""
    at = QPointF(field.rect().center())
    event = QWheelEvent(
        at,
        QPointF(field.mapToGlobal(at.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(field, event)


def _scrolled_form(qtbot: QtBot, runtime: StationRuntime) -> SettingsDialog:
    """Settings at a 1366x768 bench's height, its form scrolled half way."""
    dialog = _open(qtbot, runtime, Look.HIGH_VISIBILITY, first_run=True)
    dialog.resize(dialog.width(), ROOM.height())
    bar = dialog.scroller.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)  # room to scroll either way
    return dialog


@pytest.mark.parametrize(
    "name", ["language", "printing.printer", "printing.page_size", "printing.print_when", "volume"]
)
def test_the_wheel_scrolls_the_form_not_a_field_it_passes_over(
    qtbot: QtBot, runtime: StationRuntime, name: str
) -> None:
    """Scrolling Settings with the wheel changes nothing the pointer crosses on the way."""
    dialog = _scrolled_form(qtbot, runtime)
    field = _field(dialog, name)
    dialog.test_button.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())
    bar = dialog.scroller.verticalScrollBar()
    value, before = _value(field), bar.value()
    _wheel(field, -1)  # down
    assert _value(field) == value
    assert bar.value() > before
    _wheel(field, 2)  # back up, past where it was
    assert _value(field) == value
    assert bar.value() < before
    assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives no focus


@pytest.mark.parametrize("name", ["language", "volume"])
def test_a_field_the_person_is_in_still_takes_the_wheel(
    qtbot: QtBot, runtime: StationRuntime, name: str
) -> None:
    dialog = _scrolled_form(qtbot, runtime)
    field = _field(dialog, name)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    if isinstance(field, QComboBox):
        field.setCurrentIndex(0)  # the wheel down moves it to the next
    else:
        field.setValue((field.minimum() + field.maximum()) // 2)
    bar = dialog.scroller.verticalScrollBar()
    value, scrolled = _value(field), bar.value()
    _wheel(field, -1)
    assert _value(field) != value
    assert bar.value() == scrolled
