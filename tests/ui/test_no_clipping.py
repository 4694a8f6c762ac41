"""What the packer reads is whole: at 1366x768, in English, Spanish and German, in the
normal look and in high visibility, no label, button, table header, status-bar section or
placeholder of the real window (an order open) or of Settings is cut short.

The walk measures each text in the font the style sheet gives its widget against the room
the widget has; word-wrapped labels must have the height their lines need. The status
bar carries everything it can say at once (sending, attention, an import, no sound, a
packer), as a bench may well show.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionHeader,
    QWidget,
)
from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.store import OutboxCounts
from packstation.ui.printing.slip_paint import paint_slip
from packstation.ui.printing.slips import Slip
from packstation.ui.station.services import Services
from packstation.ui.views import lines_model
from packstation.ui.views.language import install_language
from packstation.ui.views.lines_model import GREEN, Column
from packstation.ui.views.main_window import MainWindow
from packstation.ui.views.style import Look, apply_bench_style, bench_style
from packstation.ui.words.i18n import tr
from packstation.ui.words.problems import status_text
from tests.helpers.fakes import RecordingSound
from tests.helpers.orders import demo_order
from tests.ui.conftest import load, make_services, scan

#: The benches' screens.
SCREEN = QSize(1366, 768)
LOOKS = [Look.STANDARD, Look.HIGH_VISIBILITY]
#: Packing PCs have DejaVu Sans (Debian's default) or Noto Sans.
FONTS = ["DejaVu Sans", "Noto Sans"]


# ---------------------------------------------------------------------- measuring


def _plain(text: str) -> str:
    """A button's text as drawn: ``&`` marks a shortcut, ``&&`` is an ampersand."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text:
        return None
    room = label.contentsRect()
    if label.wordWrap() or label.textFormat() == Qt.TextFormat.RichText:
        # Lines wrap: the label needs the height of its lines, and its longest word.
        need = QSize(label.minimumSizeHint().width(), label.heightForWidth(label.width()))
        if label.textFormat() == Qt.TextFormat.RichText and not label.wordWrap():
            need = label.sizeHint()
        if need.width() > label.width() or need.height() > label.height():
            return f"needs {need.width()}x{need.height()}, has {label.width()}x{label.height()}"
        return None
    metrics = label.fontMetrics()
    lines = text.split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines) + 2 * label.margin()
    height = len(lines) * metrics.lineSpacing() - metrics.leading()
    if width > room.width() or height > room.height():
        return f"needs {width}x{height}, has {room.width()}x{room.height()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    text = _plain(button.text())
    if not text:
        return None
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = text
    option.icon = button.icon()
    option.iconSize = button.iconSize()
    if isinstance(button, QCheckBox):
        element = QStyle.SubElement.SE_CheckBoxContents
    elif isinstance(button, QRadioButton):
        element = QStyle.SubElement.SE_RadioButtonContents
    elif isinstance(button, QPushButton):
        element = QStyle.SubElement.SE_PushButtonContents
    else:
        return None
    room = button.style().subElementRect(element, option, button)
    icon = 0 if button.icon().isNull() else button.iconSize().width() + 4
    need = button.fontMetrics().horizontalAdvance(text) + icon
    if need > room.width():
        return f"needs {need}, has {room.width()}"
    return None


def section_needs(header: QHeaderView, section: int, text: str) -> QSize:
    """The size Qt's style (with the style sheet's section font and padding) gives a
    header section showing ``text``."""
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.orientation = header.orientation()
    option.section = section
    option.text = text
    option.textAlignment = header.defaultAlignment()
    style = header.style()
    return style.sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), header)


def _header_problems(header: QHeaderView) -> Iterator[str]:
    model = header.model()
    wraps = bool(header.defaultAlignment().value & Qt.TextFlag.TextWordWrap.value)
    for section in range(header.count()):
        text = str(model.headerData(section, header.orientation()) or "")
        size = header.sectionSize(section)
        if not text or header.isSectionHidden(section):
            continue
        lines = [text]
        if wraps:  # broken as Qt breaks it: as many words on a line as fit
            lines = [""]
            for word in text.split(" "):
                wider = f"{lines[-1]} {word}".strip()
                fits = section_needs(header, section, wider).width() <= size
                lines[-1:] = [wider] if fits or not lines[-1] else [lines[-1], word]
        need = section_needs(header, section, "\n".join(lines))
        widest = max(section_needs(header, section, line).width() for line in lines)
        if widest > size or need.height() > header.height():
            yield f"header {text!r}: needs {widest}x{need.height()}, has {size}x{header.height()}"


def _placeholder_problem(edit: QLineEdit) -> str | None:
    text = edit.placeholderText()
    if edit.text() or not text:
        return None
    option = QStyleOptionFrame()
    option.initFrom(edit)
    option.lineWidth = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    width = room.width() - margins.left() - margins.right() - 4  # QLineEdit's own 2 + 2
    need = edit.fontMetrics().horizontalAdvance(text)
    return f"placeholder needs {need}, has {width}" if need > width else None


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.currentText = text
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    need = combo.fontMetrics().horizontalAdvance(text)
    return f"needs {need}, has {room.width()}" if need > room.width() else None


def cut_short(root: QWidget) -> list[str]:
    """Every text shown under ``root`` that does not fit the room it has."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        found: list[str | None] = []
        if isinstance(widget, QLabel):
            found.append(_label_problem(widget))
        elif isinstance(widget, QAbstractButton):
            found.append(_button_problem(widget))
        elif isinstance(widget, QHeaderView):
            found.extend(_header_problems(widget))
        elif isinstance(widget, QLineEdit):
            found.append(_placeholder_problem(widget))
        elif isinstance(widget, QComboBox):
            found.append(_combo_problem(widget))
        name = widget.objectName() or type(widget).__name__
        text = getattr(widget, "text", lambda: "")() or getattr(widget, "placeholderText", str)()
        problems += [f"{name} {text!r}: {p}" for p in found if p]
    return problems


def settled(qtbot: QtBot, root: QWidget, again: Callable[[], None] = lambda: None) -> list[str]:
    """``cut_short(root)`` once the layouts have caught up with the last texts set (they
    are redone on the event loop): an empty list, or what is still cut short after 2 s.

    ``again`` puts back what is measured before each look (the bench refreshes its status
    bar from its own snapshot meanwhile)."""

    def whole() -> bool:
        again()
        return not cut_short(root)

    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(whole)
    again()
    return cut_short(root)


def outside(container: QWidget) -> list[str]:
    """The visible widgets of ``container`` that reach beyond it (cut by its edge)."""
    bounds = container.rect()
    late = []
    for widget in container.findChildren(QWidget):
        if widget.isVisible() and widget.parentWidget() is not None:
            where = QRect(widget.mapTo(container, widget.rect().topLeft()), widget.size())
            if not bounds.contains(where):
                late.append(f"{widget.objectName() or type(widget).__name__} at {where}")
    return late


# ---------------------------------------------------------------------- the window


@pytest.fixture
def in_language(qapp: QCoreApplication, tmp_path: Path) -> Iterator[Callable[[str], None]]:
    yield lambda code: (install_language(qapp, code, tmp_path), None)[1]
    install_language(qapp, "en", tmp_path)


@pytest.fixture
def in_font(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """The application's font family, for one test."""
    original = QFont(qapp.font())
    yield lambda family: qapp.setFont(QFont(family, original.pointSize()))
    qapp.setFont(original)


def _busy_status(window: MainWindow) -> None:
    """Everything the status bar can say at once."""
    status = window.status
    status.show_state(OutboxCounts(12, 3, time.time() - 45 * 60), True, True)
    status.show_note("Importing barcodes-2026-11.csv: 12,000 of 48,000")


@pytest.mark.parametrize("family", FONTS)
@pytest.mark.parametrize("look", LOOKS, ids=["normal", "hivis"])
@pytest.mark.parametrize("language", ["en", "es", "de"])
def test_nothing_is_cut_short_at_1366x768(
    qtbot: QtBot,
    sandbox: SandboxServer,
    station_dir: Path,
    open_window: Callable[[Services], MainWindow],
    in_language: Callable[[str], None],
    in_font: Callable[[str], None],
    language: str,
    look: Look,
    family: str,
) -> None:
    in_font(family)
    in_language(language)
    sound = RecordingSound()
    sound.problem = "no audio device"
    window = open_window(make_services(sandbox, station_dir, sound))
    host = window.host
    apply_bench_style(host, look)
    scan(qtbot, window, "PS-USER-Maria-Fernanda")
    load(qtbot, window, "#1002")
    scan(qtbot, window, "BNE-WOOL-CHR")
    problems = settled(qtbot, host, lambda: _busy_status(window))
    assert outside(host.statusBar()) == []  # it took a second line rather than cut a section
    assert host.size() == SCREEN  # nothing forced the window wider or taller
    status = window.status
    assert status.sound_label.isVisible() and status.note_label.isVisible()
    assert "12" in status.pending_label.text() and "3" in status.attention_button.text()
    assert "Maria-Fernanda" in status.station_label.text()
    assert problems == [], "cut short:\n" + "\n".join(problems)

    window.menus.open_settings()
    dialog = window.menus.open_dialog()
    assert isinstance(dialog, QDialog)
    qtbot.waitExposed(dialog)
    assert dialog.height() <= SCREEN.height()
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None and box.isVisible()
    assert dialog.rect().contains(QRect(box.mapTo(dialog, box.rect().topLeft()), box.size()))
    problems = settled(qtbot, dialog)
    assert problems == [], "cut short in Settings:\n" + "\n".join(problems)
    dialog.reject()


# ---------------------------------------------------------------------- what it says


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_a_scanned_label_shows_the_start_of_its_number(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    field = window.order_page.shipping.tracking_input
    field.resize(120, field.height())  # narrower than the number, as in German
    scan(qtbot, window, "9400111899223197428497")
    assert field.text() == "9400111899223197428497"
    assert field.cursorPosition() == 0  # "9400…" in view, not "…7428497"
    assert field.cursorRect().left() < field.width() // 4


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_packed_rows_follow_the_high_visibility_palette(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, dark: bool
) -> None:
    window.host.setStyleSheet(bench_style(Look.HIGH_VISIBILITY, dark))
    load(qtbot, window, "#1002")
    scan(qtbot, window, "BNE-WOOL-CHR")  # its only unit: the line is packed
    scan(qtbot, window, "SOCK-HIK-GRY-M")  # the selection moves on
    table, model = window.order_page.table, window.order_page.model
    qtbot.waitUntil(lambda: model.line(2).complete and model.line(0).packed == 1)
    later = time.monotonic() + 60  # the scans' flashes are over, without waiting for them
    monkeypatch.setattr(lines_model, "time", SimpleNamespace(monotonic=lambda: later))
    model.expire_flashes()
    index = model.index(2, Column.ITEM)

    def background() -> QColor:
        return QColor(model.data(index, Qt.ItemDataRole.BackgroundRole).color())

    assert background() != GREEN  # the standard look's pale green
    text = QColor(model.data(index, Qt.ItemDataRole.ForegroundRole).color())
    assert contrast(background(), text) >= 4.5
    page = QColor("#000000" if dark else "#ffffff")
    assert contrast(background(), page) >= 3  # a packed row stands out from an open one
    table.scrollTo(index)
    painted = table.viewport().grab().toImage()
    corner = table.visualRect(index).bottomRight()
    assert painted.pixelColor(corner.x() - 3, corner.y() - 3) == background()


def test_shipments_say_what_a_person_reads(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1003")  # shipped in part: DHL Express 1234567890, two items
    shipments = window.order_page.shipments.list
    session = window.controller.session
    assert session is not None
    (fulfillment,) = session.order.fulfillments
    item = shipments.item(0)
    lines = item.text().split("\n")
    assert lines[0] == "Shipment 1 · 2 items · " + status_text(fulfillment.status.value)
    assert lines[1] == "DHL Express 1234567890"
    assert lines[2].startswith("shipped ")
    assert fulfillment.id not in item.text()
    assert fulfillment.id in item.toolTip()  # for a lead on the phone with Redo
    assert item.data(Qt.ItemDataRole.UserRole) == fulfillment.id


class _Words(QPainter):
    """A painter that keeps every text it draws."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.words: list[str] = []

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        self.words += [a for a in args if isinstance(a, str)]
        super().drawText(*args)  # type: ignore[call-overload]


@pytest.mark.parametrize("packer", ["", "Ana"])
def test_a_slip_names_its_packer_only_when_there_is_one(qapp: QApplication, packer: str) -> None:
    slip = Slip.build(demo_order("#1002"), "#1002", {"li_1002_001": 1}, packer=packer)
    image = QImage(720, 1080, QImage.Format.Format_RGB32)
    painter = _Words(image)
    paint_slip(painter, QRectF(0, 0, 720, 1080), 4.0, slip)
    painter.end()
    said = [w for w in painter.words if w.startswith(tr("Packed by"))]
    assert said == ([f"Packed by: {packer}"] if packer else [])
