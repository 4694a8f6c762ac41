"""The order's lines as a table: fixed columns fitted to their headers' words, row colours
from the look's style sheet."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Property, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTableView, QWidget

from packstation.ui.views.lines_model import Column, LinesModel

__all__ = ["LinesTable", "section_size", "two_line_width"]


def section_size(header: QHeaderView, section: int, text: str) -> QSize:
    """What a header section showing ``text`` needs, in the font and padding its style
    sheet gives header sections (not the table's own font)."""
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.orientation = header.orientation()
    option.section = section
    option.textAlignment = header.defaultAlignment()
    option.text = text
    return header.style().sizeFromContents(
        QStyle.ContentsType.CT_HeaderSection, option, QSize(), header
    )


def two_line_width(header: QHeaderView, section: int, text: str) -> int:
    """The narrowest a section can be with ``text`` broken once, at a space."""
    words = text.split(" ")
    best = section_size(header, section, text).width()
    for cut in range(1, len(words)):
        halves = (" ".join(words[:cut]), " ".join(words[cut:]))
        best = min(best, max(section_size(header, section, h).width() for h in halves))
    return best


def _row_colour(name: str) -> Property:
    """A style-sheet property (``qproperty-<name>``) for one of the model's row colours."""

    def get(table: LinesTable) -> QColor:
        return QColor(getattr(table.lines.colours, name))

    def set_(table: LinesTable, colour: QColor) -> None:
        table.lines.set_colour(name, colour)

    return Property(QColor, get, set_)


class LinesTable(QTableView):
    """The order's lines.

    Fixed and stretched columns: nothing is measured over every row on every scan. The
    fixed columns are widened to their headers' words when the language or the look
    changes ("Gepackt / zu packen" in high visibility does not fit the 165 px that
    "Packed / to pack" does), or their words wrap. A packed or just-scanned row takes
    its colours from the look's style sheet.
    """

    #: The fixed columns' widths at least; the Item column takes what is left.
    WIDTHS: ClassVar[dict[Column, int]] = {
        Column.IMAGE: 76,
        Column.SKU: 200,
        Column.PACKED: 165,
        Column.ORDERED: 96,
        Column.SHIPPED: 96,
    }

    #: A header this much wider than its column widens it; more, and its words wrap.
    WIDEN_RATHER = 24

    done_background = _row_colour("done_background")
    done_text = _row_colour("done_text")
    flash_background = _row_colour("flash_background")
    flash_text = _row_colour("flash_text")
    dim_text = _row_colour("dim_text")

    def __init__(self, model: LinesModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.lines = model
        self.setModel(model)
        header = self.horizontalHeader()
        for col, width in self.WIDTHS.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setSectionResizeMode(Column.IMAGE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.ITEM, QHeaderView.ResizeMode.Stretch)
        # A header's words may take two lines (fit_columns); they are never cut short.
        header.setDefaultAlignment(
            Qt.AlignmentFlag(Qt.AlignmentFlag.AlignCenter.value | Qt.TextFlag.TextWordWrap.value)
        )
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
        # Several changes come at once (a language, then its style): one fit after them.
        self._fit_soon = QTimer(self)
        self._fit_soon.setSingleShot(True)
        self._fit_soon.setInterval(0)
        self._fit_soon.timeout.connect(self.fit_columns)
        model.headerDataChanged.connect(self._fit_soon.start)
        header.installEventFilter(self)
        # QTableView repaints the columns right of a resized one on a timer, after the
        # pass that already painted them at their new width: on the order's first show
        # (the Item column stretches to the table) that was a second whole repaint of the
        # rows just after the first. Marked here, the rows are painted once.
        header.sectionResized.disconnect()
        header.sectionResized.connect(self._column_resized)
        self.fit_columns()

    def _column_resized(self, _column: int, _old: int, _new: int) -> None:
        self.updateGeometries()
        self.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.horizontalHeader() and event.type() in (
            QEvent.Type.StyleChange,
            QEvent.Type.FontChange,
            QEvent.Type.Polish,
        ):
            self._fit_soon.start()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Each fixed column as wide as its header's words need: on one line, or on two
        where one line would take room from the items' titles (high visibility)."""
        header = self.horizontalHeader()
        two_lines = False
        for col, least in self.WIDTHS.items():
            if col == Column.IMAGE:
                continue
            text = str(self.lines.headerData(col, Qt.Orientation.Horizontal) or "")
            width = section_size(header, col, text).width()
            if width > least + self.WIDEN_RATHER:
                wrapped = two_line_width(header, col, text)
                if wrapped < width:
                    width, two_lines = wrapped, True
            header.resizeSection(col, max(least, width))
        tallest = section_size(header, Column.ITEM, "X\nX" if two_lines else "X").height()
        header.setMinimumHeight(tallest)
