"""A layout that wraps: its items left to right at their full size, onto another line where
the width ends. Qt has no flow layout of its own; this is the shape of its "Flow Layout"
example (a height for each width). The status bar's sections and the Needs attention
buttons use it, so German in high visibility takes a second line rather than a wider
window or a squeezed, unreadable button.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """``last_to_right``: the last item sits at the right edge (a status bar's permanent
    part). ``grow_owner``: the owner's minimum height follows the lines it needs (a status
    bar sizes itself to its widgets' minimum height, not to a height for its width)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        last_to_right: bool = False,
        grow_owner: bool = False,
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._last_to_right = last_to_right
        self._grow_owner = grow_owner

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._arrange(rect, move=True)
        owner = self.parentWidget()
        if self._grow_owner and owner is not None and owner.minimumHeight() != height:
            owner.setMinimumHeight(height)  # the bar grows or shrinks by a line

    def sizeHint(self) -> QSize:
        """All on one line."""
        shown = [item.sizeHint() for item in self._shown()]
        width = sum(s.width() for s in shown) + self._gap() * max(0, len(shown) - 1)
        height = max((s.height() for s in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """One item a line: as wide as the widest."""
        size = QSize(0, 0)
        for item in self._shown():
            size = size.expandedTo(item.sizeHint())
        return size.grownBy(self.contentsMargins())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        if parent is None:
            return 6
        style = parent.style()
        gap = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        if gap < 0:  # the style spaces by the kind of control
            button = QSizePolicy.ControlType.PushButton
            gap = style.layoutSpacing(button, button, Qt.Orientation.Horizontal)
        return max(gap, 0)

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (when ``move``), each line's items centred on
        it; the height they take."""
        area = rect.marginsRemoved(self.contentsMargins())
        gap = self._gap()
        lines: list[list[QLayoutItem]] = [[]]
        x = 0
        for item in self._shown():
            width = min(item.sizeHint().width(), area.width())
            if lines[-1] and x + width > area.width():
                lines.append([])
                x = 0
            lines[-1].append(item)
            x += width + gap
        y = area.y()
        for line in lines:
            height = max((item.sizeHint().height() for item in line), default=0)
            x = area.x()
            for item in line:
                hint = item.sizeHint()
                width = min(hint.width(), area.width())
                if self._last_to_right and item is line[-1] and line is lines[-1]:
                    x = max(x, area.right() + 1 - width)
                if move:
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, hint.height())))
                x += width + gap
            y += height + (gap if line is not lines[-1] else 0)
        return y - rect.y() + self.contentsMargins().bottom()
