"""The walk of ``test_no_clipping`` carried on to what it did not open: the menus, the
shipping column with a scanned 22-digit label and with dummy tracking unfolded, and
Needs attention with every button it can show. At 1366x768, in English, Spanish and German,
in both looks and with DejaVu, Noto and the system's own font: what the packer reads is
whole, and nothing is wider than the room it is given.

A menu is measured as drawn: it is painted into a ``QPicture``, which records the strings
the style hands the painter, so an item Qt elided ("Import barcod…atalog (CSV)…") is not
among them, whatever the style's own margins are.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QPicture
from PySide6.QtWidgets import (
    QAbstractSlider,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)
from pytestqt.qtbot import QtBot

from packstation.packing import PackingSession, TrackingInput
from packstation.redo.errors import Problem, ProblemKind
from packstation.sandbox import SandboxServer
from packstation.ui.station.services import Services
from packstation.ui.views.attention_dialog import AttentionDialog
from packstation.ui.views.fonts import install_font_fallbacks
from packstation.ui.views.main_window import MainWindow
from packstation.ui.views.style import Look, apply_bench_style
from tests.helpers.fakes import Nobody, RecordingSound
from tests.helpers.orders import demo_order
from tests.helpers.station import FakeStation
from tests.ui.conftest import load, make_services, scan
from tests.ui.test_no_clipping import (
    FONTS,
    LOOKS,
    in_font,
    in_language,
    outside,
    settled,
)

__all__ = ["in_font", "in_language"]  # the walk's fixtures

#: A USPS label's number, 22 digits: what the tracking field must show whole.
USPS = "9400111899223197428497"
#: What a 1366x768 bench leaves a window: the screen less a 40 px task bar.
SCREEN = QRect(0, 0, 1366, 768 - 40)


#: Besides DejaVu and Noto by name: the system's own font (fontconfig's "Sans Serif" here,
#: as a bench that sets none has it) with the CJK and emoji fallbacks PackStation installs
#: at start. The menus were elided only so: the family a substitution resolves is drawn
#: 0.25 pt larger than it is measured.
SYSTEM = "system"
WALK = [
    (lang, look, family)
    for lang in ("en", "es", "de")
    for look in LOOKS
    for family in (*FONTS, SYSTEM)
]


def _walk_id(step: tuple[str, Look, str]) -> str:
    language, look, family = step
    return f"{language}-{'hivis' if look is Look.HIGH_VISIBILITY else 'normal'}-{family.split()[0]}"


@pytest.fixture
def system_font(qapp: QApplication) -> Iterator[Callable[[], None]]:
    """The application's own font family, with the bench's fallbacks, for one test."""
    family = QFont(qapp.font()).family()
    yield lambda: (install_font_fallbacks(qapp), None)[1]
    QFont.removeSubstitutions(family)


@pytest.fixture(params=WALK, ids=_walk_id)
def bench_in(
    request: pytest.FixtureRequest,
    in_language: Callable[[str], None],
    in_font: Callable[[str], None],
    system_font: Callable[[], None],
) -> Look:
    """The walk's language, look and font, set for one test; the look is returned."""
    language, look, family = request.param
    if family == SYSTEM:
        system_font()
    else:
        in_font(family)
    in_language(language)
    return look


# ---------------------------------------------------------------------- measuring


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_items_cut(menu: QMenu) -> list[str]:
    """The items of ``menu`` whose text is not drawn whole."""
    menu.ensurePolished()
    menu.resize(menu.sizeHint())
    picture = QPicture()
    menu.render(picture)
    drawn = bytes(picture.data())
    texts = [_plain(a.text()) for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    return [t for t in texts if t and t.encode("utf-16-be") not in drawn]


def text_problem(edit: QLineEdit) -> str | None:
    """A line edit's own text against the room it has (as the walk measures placeholders)."""
    text = edit.text()
    if not text:
        return None
    option = QStyleOptionFrame()
    option.initFrom(edit)
    option.lineWidth = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    width = room.width() - margins.left() - margins.right() - 4  # QLineEdit's own 2 + 2
    need = edit.fontMetrics().horizontalAdvance(text)
    return f"{text!r} needs {need}, has {width}" if need > width else None


def beyond_column(scroller: QScrollArea) -> list[str]:
    """Widgets of a scroll area that does not scroll sideways which reach past its right
    edge (cut off: the column has no horizontal scroll bar)."""
    viewport = scroller.viewport()
    late = []
    for widget in viewport.findChildren(QWidget):
        if widget.isVisible():
            right = widget.mapTo(viewport, widget.rect().topRight()).x()
            if right >= viewport.width():
                late.append(f"{widget.objectName() or type(widget).__name__} to x={right}")
    return late


def squeezed(root: QWidget) -> list[str]:
    """Fields given less height than they need (the layout ran out of room for them)."""
    return [
        f"{type(f).__name__} {f.objectName()!r}: {f.height()} < {f.minimumSizeHint().height()}"
        for f in root.findChildren(QWidget)
        if isinstance(f, QLineEdit | QComboBox | QAbstractSlider)
        and f.isVisible()
        and not isinstance(f.parentWidget(), QComboBox)
        and f.height() < f.minimumSizeHint().height()
    ]


def _open(
    open_window: Callable[[Services], MainWindow],
    sandbox: SandboxServer,
    station_dir: Path,
    look: Look,
) -> MainWindow:
    window = open_window(make_services(sandbox, station_dir, RecordingSound()))
    apply_bench_style(window.host, look)
    return window


# ---------------------------------------------------------------------- the walk


def test_every_menu_item_is_drawn_whole(
    bench_in: Look,
    sandbox: SandboxServer,
    station_dir: Path,
    open_window: Callable[[Services], MainWindow],
) -> None:
    window = _open(open_window, sandbox, station_dir, bench_in)
    menus = [a.menu() for a in window.host.menuBar().actions()]
    assert len(menus) >= 2
    cut = {m.title(): menu_items_cut(m) for m in menus if isinstance(m, QMenu)}
    assert all(not items for items in cut.values()), f"drawn cut short: {cut}"


def test_the_shipping_column_shows_a_label_and_dummy_tracking_whole(
    qtbot: QtBot,
    bench_in: Look,
    sandbox: SandboxServer,
    station_dir: Path,
    open_window: Callable[[Services], MainWindow],
) -> None:
    window = _open(open_window, sandbox, station_dir, bench_in)
    load(qtbot, window, "#1013")
    scan(qtbot, window, "TEE-MER-BLK-M")
    scan(qtbot, window, USPS)
    form = window.order_page.shipping
    field = form.tracking_input
    assert field.text() == USPS
    scroller = next(p for p in _ancestors(form) if isinstance(p, QScrollArea))

    with contextlib.suppress(qtbot.TimeoutError):  # the layout catches up on the event loop
        qtbot.waitUntil(lambda: text_problem(field) is None)
    assert text_problem(field) is None, "the tracking number is cut short"
    assert beyond_column(scroller) == []

    form.dummy_toggle.setChecked(True)
    form.dummy_details.toggle.click()  # every optional field of the dummy tracker
    assert form.dummy_details.body.isVisible()
    problems = settled(qtbot, form)
    late = beyond_column(scroller)
    assert late == [], "cut off by the column's right edge:\n" + "\n".join(late)
    assert problems == [], "cut short:\n" + "\n".join(problems)
    assert squeezed(form) == []


def _ancestors(widget: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


# ---------------------------------------------------------------------- needs attention


def _held_for_a_refused_token(port: FakeStation) -> None:
    """A shipment Redo refused for the token: the dialog then offers all five buttons."""
    session = PackingSession(demo_order("#1013"))
    session.scan("TEE-MER-BLK-M")
    item = port.store.ship(session, "#1013", TrackingInput("USPS", USPS))
    port.store.outbox.mark_attention(
        item.fulfillment_id, Problem(ProblemKind.TOKEN_REFUSED), "unauthorized"
    )


def test_needs_attention_fits_the_screen_with_every_button_whole(
    qtbot: QtBot, bench_in: Look, tmp_path: Path
) -> None:
    port = FakeStation(tmp_path)
    _held_for_a_refused_token(port)
    dialog = AttentionDialog(port, Nobody(), open_settings=lambda: None)
    qtbot.addWidget(dialog)
    apply_bench_style(dialog, bench_in)
    dialog.show()
    qtbot.waitExposed(dialog)
    opened = dialog.width()
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert dialog.settings_button in buttons and len(buttons) == 5
    dialog.resize(SCREEN.width(), dialog.height())  # as wide as a 1366x768 bench allows
    with contextlib.suppress(qtbot.TimeoutError):  # its minimum width may forbid it
        qtbot.waitUntil(lambda: dialog.width() <= SCREEN.width())
    assert dialog.width() <= SCREEN.width(), "wider than a 1366x768 screen"
    problems = settled(qtbot, dialog)
    assert outside(dialog) == [], "cut off by the dialog's edge"
    assert problems == [], "cut short:\n" + "\n".join(problems)
    # And it opened no wider than its screen (the offscreen one is 800 px wide).
    assert opened <= dialog.screen().availableGeometry().width()
    port.close()


def test_the_measures_bite(qtbot: QtBot) -> None:
    """A field narrower than its number, a field squeezed flat and a form wider than the
    column it scrolls in are each found."""
    column = QScrollArea()
    qtbot.addWidget(column)
    column.setWidgetResizable(True)
    column.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    form = QWidget()
    form.setMinimumWidth(500)
    field = QLineEdit(USPS, form)
    field.setGeometry(0, 0, 120, field.minimumSizeHint().height() // 2)
    column.setWidget(form)
    column.resize(300, 200)
    column.show()
    qtbot.waitExposed(column)
    assert text_problem(field) is not None
    assert squeezed(form) != []
    qtbot.waitUntil(lambda: beyond_column(column) != [])
