"""Settings, and the first-run setup: store, token (into the keyring), station, sounds."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from packstation.config import Settings
from packstation.credentials import KeyringProblem
from packstation.redo.client import RedoClient, Timeouts
from packstation.redo.errors import NotFound
from packstation.redo.urls import InsecureURLError, check_base_url
from packstation.store.catalog import CatalogImport
from packstation.ui.station.runtime import StationRuntime
from packstation.ui.views.form_scroller import FormScroller
from packstation.ui.views.language import language_choices, look_texts
from packstation.ui.views.printing_settings import PrintingSection
from packstation.ui.views.scan_note import ScanNote
from packstation.ui.views.warehouse_note import WarehouseNote
from packstation.ui.words import starting
from packstation.ui.words.bench import catalog_imported
from packstation.ui.words.i18n import tr
from packstation.ui.words.problems import error_text, keyring_text, url_problem

#: Looked up by "Test connection": a 404 for it proves the address and the token work.
PROBE_ORDER = "packstation-connection-test"
#: Kept free of the screen's available height for the dialog's own title bar and frame.
TITLE_BAR = 40


class SettingsDialog(QDialog):
    """Everything that can block (the keyring, a connection test, a catalog import) runs on
    the runtime's workers; the dialog stays responsive and so does the bench behind it."""

    def __init__(
        self, runtime: StationRuntime, parent: QWidget | None = None, *, first_run: bool = False
    ) -> None:
        super().__init__(parent)
        self.runtime = runtime
        services = self.services = runtime.services
        self._closed = False
        self.finished.connect(self._finish)
        self.setWindowTitle(tr("PackStation settings"))
        self.setMinimumWidth(720)
        settings = services.settings
        outer = QVBoxLayout(self)
        # Everything but the connection test and Save / Cancel scrolls: on a 1366x768
        # screen (first start, high visibility, German) those stay on screen.
        body = QWidget(self)
        body.setObjectName("settingsBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroller = FormScroller(body, self)
        outer.addWidget(self.scroller, 1)
        self.welcome = QLabel(self)
        self.welcome.setObjectName("firstRunNote")
        self.welcome.setWordWrap(True)
        if first_run:
            # Said once, where IT sets the station up: where each value comes from.
            self.welcome.setText(
                tr(
                    "Welcome. PackStation needs your Redo store ID and an API token. Both "
                    "come from Redo: a Redo admin creates the token for this store (it needs "
                    "the orders and fulfillments scopes; inventory reading is optional) and "
                    "gives you the store ID with it. The token is kept in this computer's "
                    "keyring, never in a file. To try PackStation without them, start it "
                    "with: packstation --demo"
                )
            )
        self.welcome.setVisible(first_run)
        layout.addWidget(self.welcome)
        form = QFormLayout()
        self.api_url = QLineEdit(settings.api_url, self)
        self.store_id = QLineEdit(settings.store_id, self)
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(tr("paste the API token"))
        self._stored_token = False
        runtime.detached(
            "keyring-settings",
            lambda: services.token() is not None,
            self._token_known,
            lambda exc: None,
        )
        self.station = QLineEdit(settings.station_name, self)
        self.sounds = QCheckBox(tr("Play sounds"), self)
        self.sounds.setChecked(settings.sounds)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(settings.volume)
        self.auto_ship = QCheckBox(
            tr("Ship by itself when everything is packed and labelled"), self
        )
        self.auto_ship.setChecked(settings.auto_ship)
        self.catalog_button = QPushButton(tr("Import barcode catalog (CSV)…"), self)
        self.catalog_button.clicked.connect(self.import_catalog)
        self.catalog_result = QLabel(self)
        self.catalog_result.setWordWrap(True)
        form.addRow(tr("API address"), self.api_url)
        form.addRow(tr("Store ID"), self.store_id)
        form.addRow(tr("API token"), self.token)
        form.addRow(tr("Station name"), self.station)
        self.warehouse = WarehouseNote(runtime.port.warehouse, self)
        form.addRow(tr("Warehouse"), self.warehouse)
        sound_row = QHBoxLayout()
        sound_row.addWidget(self.sounds)
        sound_row.addWidget(self.volume, 1)
        form.addRow(tr("Sounds"), sound_row)
        form.addRow(tr("Auto-ship"), self.auto_ship)
        catalog_row = QHBoxLayout()
        catalog_row.addWidget(self.catalog_button)
        catalog_row.addWidget(self.catalog_result, 1)
        form.addRow(tr("Barcodes"), catalog_row)
        words = look_texts()
        self.language = QComboBox(self)
        self.language.setObjectName("languageInput")
        for value, label in language_choices():
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName(words["language"])
        self.language.setAccessibleDescription(words["language_hint"])
        form.addRow(words["language"], self.language)
        self.high_visibility = QCheckBox(words["high_visibility"], self)
        self.high_visibility.setObjectName("highVisibilityToggle")
        self.high_visibility.setChecked(settings.high_visibility)
        self.high_visibility.setAccessibleDescription(words["high_visibility_hint"])
        form.addRow("", self.high_visibility)
        layout.addLayout(form)
        # Each locked field says who fixed it: IT's file, the command line, or the demo.
        reasons = {
            name: starting.lock_reason(
                name, it_file=services.locked_by_it.get(name), demo=services.demo
            )
            for name in services.locked
        }
        self.printing = PrintingSection(settings, reasons, self)
        layout.addWidget(self.printing)
        for name, widget in (
            ("api_url", self.api_url),
            ("store_id", self.store_id),
            ("station_name", self.station),
            ("sounds", self.sounds),
            ("volume", self.volume),
            ("auto_ship", self.auto_ship),
            ("language", self.language),
            ("high_visibility", self.high_visibility),
        ):
            if name in reasons:
                widget.setEnabled(False)
                widget.setToolTip(reasons[name])
        if runtime.port.warehouse is not None and "station_name" not in reasons:
            # Its name on the floor: claims, facts and the lead's view know it by it.
            self.station.setEnabled(False)
            self.station.setToolTip(
                tr("In a warehouse, a bench keeps its name: IT sets it (station_name).")
            )
        if services.demo:
            for widget in (self.api_url, self.store_id, self.token):
                widget.setEnabled(False)
                widget.setToolTip(starting.lock_reason("api_url", it_file=None, demo=True))

        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        layout.addWidget(self.keyring_note)
        if not services.demo:
            runtime.detached(
                "keyring-check",
                lambda: services.tokens.problem,
                self._keyring_checked,
                lambda exc: None,
            )
        self.sound_note = QLabel(self)
        self.sound_note.setObjectName("soundNote")
        self.sound_note.setWordWrap(True)
        if getattr(services.sound, "problem", None):
            self.sound_note.setText(
                tr(
                    "Sound: off (no audio device). Connect speakers or headphones; the bench "
                    "shows every outcome in colour and words meanwhile."
                )
            )
        layout.addWidget(self.sound_note)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(tr("Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        outer.addLayout(test_row)
        # A scan while Settings is open is refused here, where the person is looking.
        self.note = ScanNote(self)
        outer.addWidget(self.note)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        # The wheel scrolls the form, not the list or slider under the pointer.
        self.scroller.wheel.watch(body)

    def showEvent(self, event: QShowEvent) -> None:
        screen = self.screen()
        if screen is not None:
            self.fit_to(screen.availableGeometry())
        super().showEvent(event)

    def fit_to(self, available: QRect) -> None:
        """As tall as the form, but never taller than ``available`` (less a title bar): the
        form scrolls instead. (Qt alone would open it at two thirds of the screen.)"""
        cap = max(self.minimumSizeHint().height(), available.height() - TITLE_BAR)
        self.setMaximumHeight(cap)
        hint = self.sizeHint()
        width = min(max(self.width(), hint.width()), available.width())
        self.resize(width, min(hint.height(), cap))

    def _finish(self, _: int) -> None:
        self._closed = True

    def show_scan_refused(self, code: str) -> None:
        self.note.refused(code)

    def _token_known(self, stored: bool) -> None:
        if self._closed:
            return
        self._stored_token = stored
        if stored:
            self.token.setPlaceholderText(tr("stored in the keyring (leave empty to keep it)"))

    def _keyring_checked(self, problem: KeyringProblem | None) -> None:
        if problem and not self._closed:
            self.keyring_note.setText(
                tr("{problem} The token will be kept only until PackStation closes.").format(
                    problem=keyring_text(problem)
                )
            )

    def import_catalog(self, path: str | None = None) -> None:
        """Read a ``sku,barcode[,units]`` CSV into the station catalog (through the port,
        on the store thread); the file is chosen without a nested event loop."""
        if path is None:
            chooser = QFileDialog(self, tr("Import barcode catalog"))
            chooser.setNameFilters([tr("CSV files (*.csv)"), tr("All files (*)")])
            chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
            chooser.fileSelected.connect(self.import_catalog)
            chooser.open()
            return
        if not path:
            return
        self.catalog_result.setText("⏳ " + tr("Importing…"))

        # The one wording of an import's outcome, as the menu's and the status bar's.
        def done(result: CatalogImport | None) -> None:
            if not self._closed and result is not None:
                self.catalog_result.setText("✔ " + catalog_imported(result)[0])

        def failed(exc: BaseException) -> None:
            if not self._closed:
                self.catalog_result.setText("✖ " + catalog_imported(exc)[0])

        self.runtime.port.catalog.import_catalog(
            Path(path), "csv", only_if_changed=False, done=done, failed=failed
        )

    def _token_for_test(self) -> str | None:
        """The typed token; otherwise the stored one (read on the worker that tests)."""
        typed = self.token.text().strip()
        return typed or None

    def test_connection(self) -> None:
        try:
            url = check_base_url(self.api_url.text())
        except InsecureURLError as exc:
            self.test_result.setText("✖ " + url_problem(exc))
            return
        typed = self._token_for_test()
        store_id = self.store_id.text().strip()
        if not store_id or not (typed or self._stored_token):
            self.test_result.setText("✖ " + tr("Enter the store ID and the token first."))
            return
        self.test_result.setText("⏳ " + tr("Testing…"))
        self.test_button.setEnabled(False)
        services = self.services

        def probe() -> str:
            stored = services.token()
            token = typed or (stored.get_secret_value() if stored else "")
            if not token:
                return "✖ " + tr("Enter the store ID and the token first.")
            with (
                RedoClient(
                    token=token,
                    store_id=store_id,
                    base_url=url,
                    timeouts=Timeouts(connect=5, read=10),
                ) as client,
                contextlib.suppress(NotFound),
            ):
                client.get_order(PROBE_ORDER)
            return "✔ " + tr("Connected: the address, store and token work.")

        def failed(exc: BaseException) -> str:
            return "✖ " + error_text(exc)

        self.runtime.detached(
            "connection-test", probe, self._tested, lambda exc: self._tested(failed(exc))
        )

    def _tested(self, text: str) -> None:
        if self._closed:
            return
        self.test_result.setText(text)
        self.test_button.setEnabled(True)

    def save(self) -> None:
        try:
            url = check_base_url(self.api_url.text())
        except InsecureURLError as exc:
            self.test_result.setText("✖ " + url_problem(exc))
            return
        store_id = self.store_id.text().strip()
        settings = self.services.settings.with_(
            api_url=url,
            store_id=store_id,
            station_name=self.station.text().strip()[:40],
            sounds=self.sounds.isChecked(),
            volume=self.volume.value(),
            auto_ship=self.auto_ship.isChecked(),
            language=self.language.currentData() or "",
            high_visibility=self.high_visibility.isChecked(),
            **self.printing.values(),
        )
        typed = self.token.text().strip()
        if typed and any(ch.isspace() for ch in typed):
            self.test_result.setText("✖ " + tr("A token has no spaces: paste it again."))
            return
        if not (typed and not self.services.demo):
            self._saved(settings)
            return
        if not store_id:
            self.test_result.setText("✖ " + tr("Enter the store ID for this token."))
            return
        self.save_button.setEnabled(False)
        self.test_result.setText("⏳ " + tr("Saving the token in the keyring…"))
        tokens = self.services.tokens
        self.runtime.detached(
            "keyring-save",
            lambda: tokens.set(store_id, typed),
            lambda _: self._saved(settings),
            self._not_saved,
        )

    def _saved(self, settings: Settings) -> None:
        if self._closed:
            return
        self.token.clear()
        self.services.settings = settings
        self.services.save_settings(settings)
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        if self._closed:
            return
        self.save_button.setEnabled(True)
        self.test_result.setText(
            "✖ " + tr("The token could not be stored ({error}).").format(error=type(exc).__name__)
        )
