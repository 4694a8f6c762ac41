"""Where keys and scans go in the packing window.

A scan goes to the bench whatever is open: a menu closes, F1 and About close, and
``PS-CONFIRM`` / ``PS-CANCEL`` answer a dialog. While any other dialog is open (Settings,
Needs attention, a file chooser), a scan is never typed into it: a dialog that takes a
scan on purpose says so and takes it (the History's search, the Taught barcodes'
search); any other refuses it aloud, on itself, and the bench's state is left as it was.
Keys typed at human speed outside a text field go to the code field, so a code typed by
hand never turns into "one less" on a selected line. Esc's order is the controller's
(``BenchController.escape``), written once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget

from packstation.ui.bench.mode import Mode
from packstation.ui.views.accessibility import answer_dialog
from packstation.ui.words import feedback
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.ui.views.main_window import MainWindow


@runtime_checkable
class TakesScans(Protocol):
    """A dialog that does something with a scan made while it is open (and says what).

    ``take_scan`` is False when the dialog did not take that one: it is refused as by a
    dialog that takes no scans."""

    def take_scan(self, code: str) -> bool: ...


class KeyboardRouter:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        window.scanner.scanned.connect(self.scan_arrived)
        window.scanner.typing_hook = self._typing_target
        window.code_field.returnPressed.connect(self._code_entered)

    def scan_arrived(self, code: str) -> None:
        """A scan, whatever is open: see the module's docstring."""
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        menus = self.window.menus
        menus.close_dialogs(info_only=True)  # F1, About: a scan means back to work
        if answer_dialog(code, self.window.host):  # PS-CONFIRM / PS-CANCEL answer a dialog
            return
        # A message box or file chooser opened over one of the bench's windows is the one
        # the person looks at: it comes first, so the History under it does not search.
        dialog = _foreign_modal(self.window) or menus.open_dialog()
        if dialog is not None:
            if not (isinstance(dialog, TakesScans) and dialog.take_scan(code)):
                self.window.controller.refuse(
                    feedback.error(
                        tr(
                            "A window is open: scans are not taken. Close it (Esc), then "
                            "scan {code} again."
                        ).format(code=code[:40])
                    ),
                    code,
                )
                _say_on(dialog, code)
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
        """Esc: the controller decides what it means now; the window does the field's part."""
        focus = QApplication.focusWidget()
        in_field = _is_text_input(focus)
        field_text = focus is self.window.code_field and bool(self.window.code_field.text())
        done = self.window.controller.escape(in_text_field=in_field, field_text=field_text)
        if done == "field-text":
            self.window.code_field.clear()
        elif done == "field" and focus is not None:
            # Esc walks away from the field: what is typed there is not entered (leaving
            # it would fire editingFinished and check the label). Shipping checks it.
            with QSignalBlocker(focus):
                self.focus_items()


def _is_text_input(widget: QWidget | None) -> bool:
    if isinstance(widget, QLineEdit):
        return True
    return isinstance(widget, QComboBox) and widget.isEditable()


def _foreign_modal(window: MainWindow) -> QWidget | None:
    """A modal window the bench did not open itself (a message box), if one is up."""
    modal = QApplication.activeModalWidget()
    return modal if modal is not None and modal is not window.host else None


def _say_on(dialog: QWidget, code: str) -> None:
    """The refusal shown on the dialog too, where the person is looking."""
    note = getattr(dialog, "show_scan_refused", None)
    if callable(note):
        note(code)
