"""Where keys and scans go in the packing window.

A scan goes to the bench whatever is open (a menu closes, F1 closes, a dialog's text field
takes it as typed); keys typed at human speed outside a text field go to the code field, so
a code typed by hand never turns into "one less" on a selected line; Esc leaves a text field
before it clears an order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget

from packstation.ui.bench.mode import Mode
from packstation.ui.views.accessibility import answer_dialog
from packstation.ui.words import feedback
from packstation.ui.words.feedback import Tone
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.ui.views.main_window import MainWindow


class KeyboardRouter:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        window.scanner.scanned.connect(self.scan_arrived)
        window.scanner.typing_hook = self._typing_target
        window.code_field.returnPressed.connect(self._code_entered)

    def scan_arrived(self, code: str) -> None:
        """A scan, whatever is open: a menu closes; a dialog's text field takes it as typed."""
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        self.window.menus.close_dialogs(info_only=True)  # F1, About: a scan means back to work
        if answer_dialog(code, self.window):  # PS-CONFIRM / PS-CANCEL answer an open dialog
            return
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit) and focus.window() is not self.window.window():
            focus.insert(code)
            return
        self.window.controller.handle_scan(code)

    def _typing_target(self, target: QWidget, text: str) -> QWidget | None:
        """Keys typed at human speed outside a text field go to the code field.

        Only a single + or − on the item list changes a quantity; anything longer is a
        code typed by hand (``SOCK-HIK-RED-L`` must not become four "one less").
        """
        if target.window() is not self.window.window() or _is_text_input(target):
            return None
        if target is self.window.question_panel or self.window.question_panel.isAncestorOf(target):
            return None  # 1-9 answer the question
        if isinstance(target, QComboBox) or (isinstance(target, QAbstractButton) and text == " "):
            return None  # a list picks by letter; Space ticks a box
        if target is self.window.order_page.table and text in ("+", "-", "=", "_", "−"):
            return None
        self.window.code_field.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.window.code_field

    def _code_entered(self) -> None:
        text = self.window.code_field.text()
        self.window.code_field.clear()
        self.window.controller.handle_scan(text)

    def focus_code_field(self) -> None:
        self.window.code_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.window.code_field.selectAll()

    def focus_items(self) -> None:
        if self.window.controller.question is not None:
            return
        if self.window.controller.mode is Mode.ORDER:
            self.window.order_page.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.window.setFocus(Qt.FocusReason.OtherFocusReason)

    def escape(self) -> None:
        """Esc: what is open first (see ``BenchController.escape``); then a text field the
        packer is in (leaving it, so scans and + / − work again); then the order."""
        c = self.window.controller
        if c.question is not None or c.mode is Mode.LOADING or c.showing.tone is Tone.ERROR:
            c.escape()
            return
        if c.shipping.stop_countdown(announce=True):
            return
        focus = QApplication.focusWidget()
        if _is_text_input(focus):
            if focus is self.window.code_field and self.window.code_field.text():
                self.window.code_field.clear()
                return
            self.focus_items()
            c.say(feedback.info(tr("Back to scanning. F2 types a code by hand.")))
            return
        c.escape()


def _is_text_input(widget: QWidget | None) -> bool:
    if isinstance(widget, QLineEdit):
        return True
    return isinstance(widget, QComboBox) and widget.isEditable()
