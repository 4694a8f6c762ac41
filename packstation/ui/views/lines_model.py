"""The order's lines as a table: what to pack, what is packed, what is done."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage

from packstation.packing.marks import UnitMark
from packstation.packing.session import LineState, PackingSession
from packstation.ui.station.thumbnails import ThumbnailLoader
from packstation.ui.words.i18n import tr

FLASH_SECONDS = 0.8
_Index = QModelIndex | QPersistentModelIndex

# ``data`` runs for every role of every painted cell (about 170 calls a repaint of the
# table, each scan that scrolls): roles are compared as plain ints, not looked up on
# Qt's enum classes at each comparison (2.9 us a call for the whole chain, 0.3 as ints).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class Column(IntEnum):
    IMAGE = 0
    ITEM = 1
    SKU = 2
    PACKED = 3
    ORDERED = 4
    SHIPPED = 5


_COLUMNS = len(Column)
_IMAGE, _ITEM, _PACKED = int(Column.IMAGE), int(Column.ITEM), int(Column.PACKED)
_CENTRED_COLUMNS = frozenset({int(Column.PACKED), int(Column.ORDERED), int(Column.SHIPPED)})

#: The standard look's colours (``RowColours``' defaults).
GREEN = QColor("#cdeccf")
FLASH = QColor("#fff2a8")
INK = QColor("#1f2328")
DIM = QColor("#6e6a60")


@dataclass(frozen=True)
class RowColours:
    """How a line looks when it is done, just scanned, or has nothing left to pack.

    The defaults are the standard look's; each look's style sheet sets its own on the
    table (``qproperty-done_background`` and friends, see ``lines_table.LinesTable``), so in
    high visibility a packed row follows that palette instead of staying pale green.
    """

    done_background: QColor = field(default_factory=lambda: QColor(GREEN))
    done_text: QColor = field(default_factory=lambda: QColor(INK))
    flash_background: QColor = field(default_factory=lambda: QColor(FLASH))
    flash_text: QColor = field(default_factory=lambda: QColor(INK))
    dim_text: QColor = field(default_factory=lambda: QColor(DIM))


def marks_summary(marks: tuple[UnitMark, ...], most: int = 3) -> str:
    """ "Lot L1, L2 · S/N S1, S2 +3": the lots and serials packed on a line, in scan order."""

    def listed(values: list[str]) -> str:
        unique = list(dict.fromkeys(v for v in values if v))
        more = len(unique) - most
        return ", ".join(unique[:most]) + (f" +{more}" if more > 0 else "")

    parts = []
    lots = listed([m.lot for m in marks])
    if lots:
        parts.append(tr("Lot {lots}").format(lots=lots))
    serials = listed([m.serial for m in marks])
    if serials:
        parts.append(tr("S/N {serials}").format(serials=serials))
    return " · ".join(parts)


class LinesModel(QAbstractTableModel):
    def __init__(self, thumbnails: ThumbnailLoader | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: PackingSession | None = None
        self._lines: list[LineState] = []
        self._flash: dict[int, float] = {}
        #: Rows showing each image URL: an image that arrives repaints only its rows.
        self._rows_by_image: dict[str, list[int]] = {}
        self._thumbnails = thumbnails
        self._big = QFont()
        self._big.setPointSize(22)
        self._big.setBold(True)
        self._colours = RowColours()
        self._brushes = self._make_brushes()
        if thumbnails is not None:
            thumbnails.loaded.connect(self._image_loaded)

    # --- colours ---------------------------------------------------------------

    @property
    def colours(self) -> RowColours:
        return self._colours

    def set_colour(self, name: str, colour: QColor) -> None:
        """One of :class:`RowColours`' fields, as the look's style sheet gives it."""
        if getattr(self._colours, name) == colour:
            return
        self._colours = replace(self._colours, **{name: QColor(colour)})
        self._brushes = self._make_brushes()
        if self._lines:
            last = self.index(len(self._lines) - 1, len(Column) - 1)
            roles = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole]
            self.dataChanged.emit(self.index(0, 0), last, roles)

    def _make_brushes(self) -> dict[str, QBrush]:
        # Made once per look, not per painted cell.
        c = self._colours
        return {
            "done": QBrush(c.done_background),
            "done_text": QBrush(c.done_text),
            "flash": QBrush(c.flash_background),
            "flash_text": QBrush(c.flash_text),
            "dim": QBrush(c.dim_text),
        }

    # --- feeding ---------------------------------------------------------------

    def set_session(self, session: PackingSession | None) -> None:
        self.beginResetModel()
        self._session = session
        self._lines = session.lines() if session else []
        self._flash.clear()
        self._index_images()
        self.endResetModel()

    def _index_images(self) -> None:
        self._rows_by_image = {}
        for row, line in enumerate(self._lines):
            if line.item.image_url:
                self._rows_by_image.setdefault(line.item.image_url, []).append(row)

    def refresh(self, rows: tuple[int, ...] | None = None) -> None:
        """Re-read the given rows from the session (all of them when None).

        A scan touches one row: only that row is re-read and announced (one
        ``dataChanged``), whatever the order's size; the view repaints that row and
        measures nothing. ``None`` (undo of many, a reload) announces one range.
        """
        if self._session is None or not self._lines:
            return
        last = len(Column) - 1
        if rows is None:
            self._lines = self._session.lines()
            self._index_images()
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, last))
            return
        for row in rows:
            self._lines[row] = self._session.line(row)
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def flash(self, row: int) -> None:
        """Highlight a row for a moment: only its background changes, nothing is re-read."""
        self._flash[row] = time.monotonic()
        self.dataChanged.emit(
            self.index(row, 0), self.index(row, len(Column) - 1), [Qt.ItemDataRole.BackgroundRole]
        )

    def expire_flashes(self) -> None:
        """Unflash rows flashed long enough: the cost is the rows flashing, not the order."""
        if not self._flash:
            return
        now = time.monotonic()
        done = [row for row, at in self._flash.items() if now - at > FLASH_SECONDS]
        for row in done:
            del self._flash[row]
            index = self.index(row, 0)
            self.dataChanged.emit(
                index, self.index(row, len(Column) - 1), [Qt.ItemDataRole.BackgroundRole]
            )

    def _image_loaded(self, url: str, image: QImage) -> None:
        for row in self._rows_by_image.get(url, ()):
            index = self.index(row, Column.IMAGE)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    # --- Qt model API ---------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.IMAGE: "",
            Column.ITEM: self.tr("Item"),
            Column.SKU: self.tr("SKU"),
            Column.PACKED: self.tr("Packed / to pack"),
            Column.ORDERED: self.tr("Ordered"),
            Column.SHIPPED: self.tr("Shipped"),
        }[Column(section)]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def line(self, row: int) -> LineState:
        return self._lines[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()  # a plain int: data() runs for every painted cell
        if role == _DISPLAY:
            return self._display(line, column)
        if role == _DECORATION and column == _IMAGE:
            if self._thumbnails is None:
                return None
            return self._thumbnails.image(line.item.image_url) or self._thumbnails.placeholder
        if role == _BACKGROUND:
            if index.row() in self._flash:
                return self._brushes["flash"]
            if line.complete:
                return self._brushes["done"]
            return None
        if role == _FOREGROUND:
            # A coloured row brings its own text colour: white text of a dark look on a
            # pale row would not be read.
            if index.row() in self._flash:
                return self._brushes["flash_text"]
            if line.complete:
                return self._brushes["done_text"]
            if not line.packable:
                return self._brushes["dim"]
            return None
        if role == _FONT and column == _PACKED:
            return self._big
        if role == _ALIGNMENT and column in _CENTRED_COLUMNS:
            return _CENTRED
        if role == _TOOLTIP and column == _ITEM:
            marks = self._marks(line)
            return line.item.title + (f"\n{marks_summary(marks, most=50)}" if marks else "")
        if role == _ACCESSIBLE:
            return self._accessible(line)
        return None

    def _marks(self, line: LineState) -> tuple[UnitMark, ...]:
        return self._session.marks(line.index) if self._session is not None else ()

    def _display(self, line: LineState, column: int) -> str | None:
        if column == Column.ITEM:
            # One line: the lots and serials packed follow the title (a row keeps its height).
            marks = self._marks(line)
            return f"{line.item.title}  ·  {marks_summary(marks)}" if marks else line.item.title
        if column == Column.SKU:
            return line.item.sku or tr("no SKU: select, then +")
        if column == Column.PACKED:
            if not line.packable:
                return self.tr("nothing left")
            mark = "✓ " if line.complete else ""
            return f"{mark}{line.packed} / {line.remaining}"
        if column == Column.ORDERED:
            return str(line.ordered)
        if column == Column.SHIPPED:
            return str(line.fulfilled)
        return None

    def _accessible(self, line: LineState) -> str:
        if not line.packable:
            return self.tr("{title}: already shipped, nothing left").format(title=line.item.title)
        state = self.tr("complete") if line.complete else self.tr("open")
        return self.tr("{title}: {packed} of {remaining} packed, {state}").format(
            title=line.item.title, packed=line.packed, remaining=line.remaining, state=state
        )
