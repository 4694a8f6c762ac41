"""Nothing needs a mouse, and a screen reader can follow the bench.

:func:`describe_controls` gives every control of the window an accessible name and a
description (what it is for and which key reaches it), and lets Tab leave the item
list, so Tab walks the window in reading order: the code field, the order lines, the
shipping form, the shipments panel, and round again. Buttons that never take focus
(so a scan's Enter can never press one) are reached by their keys, named in their
descriptions: Ctrl+Enter ships, + and − change a line, F1 is help, and the menus open
with Alt.

:func:`answer_dialog` lets the PS-CONFIRM and PS-CANCEL barcodes answer any dialog that
is open, as Enter and Esc do: a packer with the scanner in hand never needs a key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from packstation.packing.commands import Command, parse_command
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.ui.views.main_window import MainWindow


def _set(widget: QWidget | None, name: str, description: str) -> None:
    if widget is not None:
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(description)


def describe_controls(window: MainWindow) -> None:
    """Names, descriptions and the Tab path of the packing window."""
    _set(
        window.code_field,
        tr("Code typed by hand"),
        tr("Type an order number or a barcode and press Enter. F2 comes back here."),
    )
    for name, label, description in (
        ("historyButton", tr("History"), tr("Every shipment sent from this bench.")),
        ("settingsButton", tr("Settings"), tr("Store, token, sounds, language and look.")),
        ("helpButton", tr("Shortcuts (F1)"), tr("Every key and command barcode. Key: F1.")),
    ):
        _set(window.findChild(QPushButton, name), label, description)
    page = window.order_page
    page.table.setTabKeyNavigation(False)  # Tab leaves the list; arrow keys move in it
    _set(
        page.table,
        tr("Order lines"),
        tr("The items of the open order. Arrow keys choose a line; + and − change it."),
    )
    _set(page.minus_button, tr("One less"), tr("One less of the chosen line. Key: −."))
    _set(page.plus_button, tr("One more"), tr("One more of the chosen line. Key: +."))
    _set(page.progress, tr("Packed so far"), tr("Items packed out of the items to pack."))
    form = page.shipping
    _set(form.carrier_input, tr("Carrier"), tr("Filled in when the shipping label is scanned."))
    _set(
        form.tracking_input,
        tr("Tracking number"),
        tr("Filled in when the shipping label is scanned."),
    )
    _set(
        form.dummy_toggle,
        tr("Dummy tracking (testing)"),
        tr("Ship with a made-up tracking number, for tests only. Space ticks it."),
    )
    _set(form.dummy_status, tr("Initial status"), tr("The first status of the dummy tracking."))
    _set(form.dummy_message, tr("Message"), tr("A message for the dummy tracking (optional)."))
    _set(form.ship_button, tr("Ship"), tr("Ships the order. Key: Ctrl+Enter, or scan PS-SHIP."))
    panel = page.shipments
    _set(panel.list, tr("Shipments of this order"), tr("Shipments already made for this order."))
    _set(panel.status, tr("Initial status"), tr("The status or event to post to Redo."))
    _set(panel.message, tr("Message"), tr("A message to post with it (optional)."))
    _set(panel.post_button, tr("Post"), tr("Posts the status to Redo for the chosen shipment."))
    _set(
        window.question_panel,
        tr("Question"),
        tr("Answer with the number keys, Enter or Esc, or scan PS-CONFIRM or PS-CANCEL."),
    )
    window.question_panel.list.setAccessibleName(tr("Choices"))
    window.question_panel.list.setAccessibleDescription(
        tr("Arrow keys choose, Enter takes it; or press its number.")
    )


_YES_ROLES = (
    QMessageBox.ButtonRole.YesRole,
    QMessageBox.ButtonRole.AcceptRole,
    QMessageBox.ButtonRole.DestructiveRole,
    QMessageBox.ButtonRole.ApplyRole,
)


_NO_ROLES = (QMessageBox.ButtonRole.RejectRole, QMessageBox.ButtonRole.NoRole)


def answer_dialog(code: str, bench: QWidget) -> bool:
    """Answer the open dialog (not the bench itself) if ``code`` is PS-CONFIRM or PS-CANCEL.

    PS-CONFIRM takes the dialog's yes (Yes, OK, Discard, ...), PS-CANCEL its no (the
    button Esc would press). Returns whether the scan was used that way.
    """
    modal = QApplication.activeModalWidget()
    scan = parse_command(code)
    if (
        not isinstance(modal, QDialog)
        or modal is bench.window()
        or scan is None
        or scan.command not in (Command.CONFIRM, Command.CANCEL)
    ):
        return False
    yes = scan.command is Command.CONFIRM
    if isinstance(modal, QMessageBox):
        buttons = modal.buttons()
        if yes:
            for role in _YES_ROLES:
                chosen = [b for b in buttons if modal.buttonRole(b) == role]
                if chosen:
                    chosen[0].click()
                    return True
        escape: QAbstractButton | None = modal.escapeButton()  # None unless set
        if escape is None:
            no = [b for b in buttons if modal.buttonRole(b) in _NO_ROLES]
            escape = no[0] if no else None
        if escape is not None:
            escape.click()
        else:
            modal.reject()
        return True
    if yes:
        default = next((b for b in modal.findChildren(QPushButton) if b.isDefault()), None)
        if default is not None and default.isEnabled():
            default.click()
        else:
            modal.accept()
    else:
        modal.reject()
    return True
