"""The bench's print queue: where documents go, and the one worker that prints them.

What a job does (build the ``QPrinter``, paint, hand the document to the spooler) is
``printer.py``'s, imported on the print worker when the first document is queued:
Qt's print support and the painters are not loaded at launch, when the bench has
nothing to print yet (the runtime builds this queue before the first order shows).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from packstation.load_once import run_once
from packstation.ui.printing.slips import PrintError
from packstation.ui.station.tasks import TaskRunner
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.config import Settings
    from packstation.ui.printing.printer import Document
    from packstation.ui.printing.receipts import Paper

log = logging.getLogger("packstation.printing")

PDF_PREFIX = "pdf:"
PAGE_SIZE_NAMES = ("A4", "Letter", "4x6")


@dataclass(frozen=True, slots=True)
class PrintTarget:
    """Where documents go: ``printer`` (a system printer's name) or ``folder`` (PDF files)."""

    printer: str = ""
    folder: Path | None = None

    @classmethod
    def parse(cls, setting: str) -> PrintTarget:
        text = setting.strip()
        if text.startswith(PDF_PREFIX):
            return cls(folder=Path(text[len(PDF_PREFIX) :].strip()).expanduser())
        return cls(printer=text)

    @property
    def none(self) -> bool:
        return self.folder is None and not self.printer

    def describe(self) -> str:
        if self.folder is not None:
            return tr("PDF into {folder}").format(folder=self.folder)
        return self.printer or tr("no printer")


def _import_printer() -> None:
    import packstation.ui.printing.printer  # noqa: F401


#: Qt's print support and the painters, imported once, by the first job (load_once.py).
_load_printer = run_once(_import_printer)


class DocumentPrinter(QObject):
    """Prints slips and receipts on one serial worker; the outcome comes back on the GUI
    thread.

    ``settings`` is read when a job is queued, so a printer chosen in Settings applies to
    the next document. ``print_document(paper, on_done, on_failed)``: ``on_done(where)``
    names the printer or the PDF written; ``on_failed(error)`` says why it did not print.
    """

    def __init__(
        self, settings: Callable[[], Settings] | Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings if callable(settings) else (lambda: settings)
        self._runner = TaskRunner("print", workers=1, parent=self)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def print_document(
        self,
        paper: Paper | Document,
        on_done: Callable[[str], None],
        on_failed: Callable[[BaseException], None],
    ) -> bool:
        """Queue ``paper``; returns False (and calls nothing) when no printer is set.

        ``on_failed`` gets a :class:`~packstation.ui.printing.slips.PrintError` (its
        text says why, for the packer) or whatever else went wrong (logged with its
        traceback on the worker).
        """
        settings = self._settings()
        target = PrintTarget.parse(settings.printer)
        if target.none:
            return False
        size = settings.page_size

        def job() -> str:
            name = type(paper).__name__
            try:
                _load_printer()
                from packstation.ui.printing.printer import document_for, print_blocking

                document = document_for(paper)
                name = document.title
                return print_blocking(document, target, size)
            except PrintError:  # the packer is told why; nothing to log beyond it
                raise
            except Exception:  # Qt's print support missing, a painter's bug: logged here
                log.error("printing %s failed", name, exc_info=True)
                raise

        self._runner.submit(job, on_done, on_failed)
        return True

    def print_slip(
        self,
        slip: Paper,
        on_done: Callable[[str], None],
        on_failed: Callable[[BaseException], None],
    ) -> bool:
        """:meth:`print_document` by the name the runtime hands the port (``SlipSink``);
        a :class:`~packstation.ui.printing.receipts.ReturnReceipt` prints through it too."""
        return self.print_document(slip, on_done, on_failed)

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking documents; with ``wait``, finish the ones queued (a box's slip is not
        lost)."""
        self._runner.shutdown(wait=wait)


#: The name ``ui/station/runtime.py`` builds it by.
SlipPrinter = DocumentPrinter
