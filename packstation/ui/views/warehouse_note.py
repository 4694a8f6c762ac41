"""The Settings dialog's word on the warehouse: which one, and whether it is reached.

IT joins a bench to a warehouse (``warehouse_url``, the installer's ``/WAREHOUSE=``); the
bench shows it, it is not edited at the bench. The line follows the door while it shows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from packstation.ui.station.warehouse_door import WarehouseDoor
from packstation.ui.words import warehouse as words
from packstation.ui.words.i18n import tr


class WarehouseNote(QLabel):
    def __init__(self, door: WarehouseDoor | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.door = door
        self.setObjectName("warehouseNote")
        self.setWordWrap(True)
        if door is None:
            self.setText(
                tr("None: this bench works on its own (IT joins it to one with warehouse_url).")
            )
            return
        door.online_changed.connect(self._show)  # a slot of this label: gone with it
        self._show()

    def _show(self, *_: object) -> None:
        door = self.door
        assert door is not None
        self.setText(f"{words.where(door.address)} · {words.status(door.online, door.problem)}")
        self.setToolTip(words.status_tip(door.problem))
