"""Every menu entry, shortcut and dialog of the bench, in one registry.

Dialogs open with ``open()``, never ``exec()``: no flow of the bench waits inside a
nested event loop, and scans made while a dialog is up still reach the bench.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from packstation import __version__
from packstation.ui.views.alive import while_open
from packstation.ui.views.choosers import file_chooser
from packstation.ui.words import bench as words
from packstation.ui.words import feedback
from packstation.ui.words.commands import command_rows
from packstation.ui.words.feedback import Feedback, Tone
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.ui.views.main_window import MainWindow

log = logging.getLogger("packstation.ui")


def shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do) for F1; keys are shown as they are."""
    return [
        ("Ctrl+Enter", tr("Ship")),
        ("Ctrl+B", tr("Close this box (ship it with its label) and start the next box")),
        ("Ctrl+Z", tr("Undo the last scan or change")),
        (
            "Esc",
            tr(
                "Answer no, stop a countdown or a load, dismiss a red message; then clear the order"
            ),
        ),
        ("F2", tr("Type a code by hand")),
        ("F4", tr("Teach the last unknown barcode to a line")),
        ("F5", tr("Reload the order from Redo")),
        ("F6", tr("Print the slip that did not print, again")),
        ("+ / −", tr("One more or one less of the selected line")),
        ("Ctrl+Q", tr("Quit")),
        ("F1", tr("This help")),
    ]


class BenchActions:
    """Builds the menus and shortcuts of ``window`` and opens its dialogs."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.controller = window.controller
        self._dialogs: list[QWidget] = []
        self._info: list[QWidget] = []
        self._menus()
        self._shortcuts()

    def _menus(self) -> None:
        w = self.window
        bar = w.host.menuBar()
        station = bar.addMenu(tr("&Station"))
        station.addAction(tr("Settings…"), self.open_settings)
        station.addAction(tr("History (shipments, returns)…"), self.open_history)
        station.addAction(tr("Needs attention…"), self.open_attention)
        station.addAction(tr("Packer stats…"), self.open_stats)
        station.addAction(tr("Import barcode catalog (CSV)…"), self.import_catalog)
        station.addAction(tr("Taught barcodes…"), self.open_taught)
        returns = station.addAction(
            tr("Receive returns / pack orders"), self.controller.returns.toggle
        )
        returns.setShortcut(QKeySequence(Qt.Key.Key_F8))
        returns.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        warehouse = station.addAction(tr("Warehouse…"), self.open_warehouse)
        warehouse.setEnabled(w.port.warehouse is not None)
        station.addSeparator()
        quit_action = station.addAction(tr("Quit"), self.quit)
        quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(tr("Shortcuts and commands (F1)"), self.show_help)
        help_menu.addAction(tr("Print the command sheet (PDF)…"), self.save_command_sheet)
        help_menu.addAction(tr("About PackStation"), self.show_about)

    def _shortcuts(self) -> None:
        c, w = self.controller, self.window
        bindings: list[tuple[QKeySequence, Callable[[], object]]] = [
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), c.shipping.ship),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter), c.shipping.ship),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Z), c.edits.undo),
            (QKeySequence(Qt.Key.Key_Escape), w.keys.escape),
            (QKeySequence(Qt.Key.Key_F2), w.keys.focus_code_field),
            (QKeySequence(Qt.Key.Key_F5), c.orders.reload),
            (QKeySequence(Qt.Key.Key_F1), self.show_help),
            (QKeySequence(Qt.Key.Key_F4), self.teach_last_unknown),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_B), c.boxes.close),
            (QKeySequence(Qt.Key.Key_F6), c.boxes.print_again),
        ]
        for sequence, slot in bindings:
            # Window-wide but not application-wide: a dialog keeps its own Esc and Enter.
            shortcut = QShortcut(sequence, w.host)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ helpers

    def _open(
        self,
        dialog: QDialog,
        on_accept: Callable[[], None] | None = None,
        *,
        info: bool = False,
    ) -> None:
        """Show ``dialog`` window-modal without a nested event loop; give the keys back after.

        ``info``: it only tells (help, about): the next scan closes it and is handled.
        """
        self._dialogs.append(dialog)
        if info:
            self._info.append(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            for kept in (self._dialogs, self._info):
                if dialog in kept:
                    kept.remove(dialog)
            self.window.host.activateWindow()
            self.window.keys.focus_items()
            if result == QDialog.DialogCode.Accepted and on_accept is not None:
                on_accept()

        dialog.finished.connect(finished)
        dialog.open()

    def close_dialogs(self, info_only: bool = False) -> None:
        for dialog in list(self._info if info_only else self._dialogs):
            dialog.close()

    def open_dialog(self) -> QWidget | None:
        """The dialog of the bench that is open now (the newest), if any."""
        return self._dialogs[-1] if self._dialogs else None

    # ------------------------------------------------------------------ dialogs

    def open_settings(self, first_run: bool = False) -> None:
        from packstation.ui.views.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.window.runtime, self.window.host, first_run=first_run)
        self._open(dialog, self._settings_saved)

    def _settings_saved(self) -> None:
        self.controller.say(feedback.info(tr("Settings saved.")))
        self.window.settings_applied()
        self.window.runtime.apply_settings(then=self.release_unauthorized)

    def release_unauthorized(self) -> None:
        """After new settings: shipments held for a rejected token go out again, with the
        new client already in the sender's hands."""

        def released(count: int) -> None:
            if count:
                self.controller.say(
                    feedback.info(
                        tr("Settings saved. %n held shipment(s) will be sent again.", None, count)
                    )
                )

        self.window.port.records.release_unauthorized(
            released, self.controller.edits.storage_failed
        )

    def open_attention(self) -> None:
        from packstation.ui.views.attention_dialog import AttentionDialog

        self._open(
            AttentionDialog(
                self.window.port,
                self.controller.identity,
                self.window.host,
                open_settings=self.open_settings,
            )
        )

    def open_history(self) -> None:
        from packstation.ui.views.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.window.port, self.window.host)
        if self.controller.returns.active:  # a receiving bench looks for returns first
            dialog.tabs.setCurrentWidget(dialog.returns)
        dialog.reprint_requested.connect(
            lambda fid: self.controller.boxes.reprint(fid, while_open(dialog, dialog.show_outcome))
        )
        self._open(dialog)

    def open_stats(self) -> None:
        from packstation.ui.views.stats_dialog import StatsDialog

        self._open(StatsDialog(self.window.port, self.window.host))

    def open_taught(self) -> None:
        from packstation.ui.views.taught_dialog import TaughtDialog

        self._open(
            TaughtDialog(self.window.port, self.window.controller.identity, self.window.host)
        )

    def open_warehouse(self) -> None:
        from packstation.ui.views.warehouse_view import WarehouseView

        port = self.window.port
        if port.warehouse is not None:
            self._open(WarehouseView.of_bench(port, self.controller.identity, self.window.host))

    def import_catalog(self) -> None:
        dialog = file_chooser(self.window.host, tr("Import barcode catalog"))
        dialog.setNameFilters([tr("CSV files (*.csv)"), tr("All files (*)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_catalog_file)
        self._open(dialog)

    def import_catalog_file(self, path: str) -> None:
        """The one catalog import of the bench (the menu, Settings and IT's file at start
        all go through ``port.import_catalog``); the outcome is said once, in the words of
        ``words.catalog_imported``, on the banner."""
        c = self.controller

        def imported(result: object) -> None:
            text, problems = words.catalog_imported(result)
            c.say(Feedback(text, Tone.WARNING if problems else Tone.SUCCESS))

        c.say(Feedback(tr("Importing {path}…").format(path=path), Tone.BUSY))
        self.window.port.catalog.import_catalog(
            Path(path),
            "csv",
            only_if_changed=False,
            done=imported,
            failed=lambda exc: c.refuse(feedback.error(words.catalog_imported(exc)[0])),
        )

    def save_command_sheet(self) -> None:
        dialog = file_chooser(self.window.host, tr("Save the command sheet"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(tr("PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile("packstation-commands.pdf")
        dialog.fileSelected.connect(self.write_command_sheet)
        self._open(dialog)

    def write_command_sheet(self, path: str) -> None:
        from packstation.ui.printing.sheets import write_command_sheet

        pages = write_command_sheet(Path(path))
        self.controller.say(
            Feedback(
                tr(
                    "Command sheet saved: {path} (%n page(s)). Print it and keep it at the bench.",
                    None,
                    pages,
                ).format(path=path),
                Tone.SUCCESS,
            )
        )

    def show_about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("About PackStation"),
            tr("PackStation {version}\nPacking-bench software for Redo's Orders API v2.2.").format(
                version=__version__
            ),
            QMessageBox.StandardButton.Close,
            self.window.host,
        )
        self._open(box, info=True)

    def show_help(self) -> None:
        from packstation.ui.views.help_dialog import HelpDialog

        self._open(HelpDialog(help_html(), self.window.host), info=True)

    def teach_last_unknown(self) -> None:
        """F4: the last unknown scan is this line's product; remember it and pack it."""
        from packstation.ui.bench.teach import teach

        teach(self.controller)

    def quit(self) -> None:
        self.window.host.close()


def help_html() -> str:
    """F1: keys and command barcodes in two aligned columns each."""

    def table(rows: list[tuple[str, str]]) -> str:
        cells = "".join(
            f"<tr><td style='padding:3px 24px 3px 0; white-space:nowrap'><b>{html.escape(k)}</b>"
            f"</td><td style='padding:3px 0'>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table cellspacing='0'>{cells}</table>"

    intro = tr(
        "Scan a packing slip to open an order, scan the items to pack them, scan the "
        "shipping label: the order ships."
    )
    keys, commands = tr("Keys"), tr("Command barcodes")  # lupdate misses tr() inside f""
    return (
        f"<p>{html.escape(intro)}</p><h3>{html.escape(keys)}</h3>"
        + table(shortcuts())
        + f"<h3>{html.escape(commands)}</h3>"
        + table(command_rows())
    )
