"""The boxes of the open order closed so far: number, items, label, sent or still sending."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from packstation.store import OutboxItem, OutboxState
from packstation.ui.words.feedback import items
from packstation.ui.words.i18n import tr


class BoxesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        title = QLabel(tr("Boxes of this order"), self)
        title.setObjectName("panelTitle")
        layout.addWidget(title)
        self.list = QListWidget(self)
        self.list.setObjectName("boxesList")
        self.list.setAccessibleName(tr("Boxes of this order"))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        layout.addWidget(self.list)
        self.setVisible(False)

    def show_boxes(self, closed: list[OutboxItem], current: int) -> None:
        """``closed``: the boxes already queued, in order; ``current``: the box on the bench."""
        self.list.clear()
        states = {
            OutboxState.DELIVERED: tr("sent to Redo"),
            OutboxState.PENDING: tr("sending…"),
            OutboxState.ATTENTION: tr("NEEDS ATTENTION"),
        }
        for item in closed:
            summary = item.summary
            label = (
                tr("dummy tracking") if summary.dummy else f"{summary.carrier} {summary.tracking}"
            )
            self.list.addItem(
                tr("Box {n}: {items} · {label} · {state}").format(
                    n=summary.box,
                    items=items(summary.units),
                    label=label,
                    state=states.get(item.state, item.state.value),
                )
            )
        if closed:
            self.list.addItem(tr("Box {n}: on the bench").format(n=current))
        # Two lines a box (number and items, then the label), at most five boxes in view.
        self.list.setFixedHeight(min(5, self.list.count()) * 60 + 6)
        self.setVisible(bool(closed))
