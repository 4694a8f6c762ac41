"""Printing packing slips and return receipts through the OS print system (Qt print
support), off the GUI thread.

Where they go is one setting, ``printer``: a system printer by the name the OS gives it
(Windows' Printers & scanners, CUPS' ``lpstat -p``), ``pdf:<folder>`` for a PDF file per
document in that folder, or ``""`` for none. Page sizes are A4, Letter and 4x6 in.

The worker knows one thing of what it prints: a :class:`Document`, which names itself
(in the print queue, in a PDF folder) and paints itself on a ``QPainter``. The bench
hands over plain values (a :class:`~packstation.ui.printing.slips.Slip`, a
:class:`~packstation.ui.printing.receipts.ReturnReceipt`: :data:`Paper`), and
:func:`document_for` pairs each with its painter (``slip_paint.py``, ``receipt_paint.py``),
so the bench never imports Qt's painting.

**Why a worker thread, and not a ``QTimer.singleShot`` chain on the GUI thread.** Qt
documents that "QPainter can be used in a thread to paint onto QImage, QPrinter, and
QPicture paint devices" (Thread-Support in Qt Modules; only macOS's automatic progress
dialog is lost, and we never want it). A native print job is not cut into slices: its
``QPainter.end()`` hands the whole document to the spooler (CUPS, the Windows GDI
spooler), which can take seconds when a print server is slow or gone. Slicing the
drawing into timer steps would still leave that hand-over on the GUI thread, where
it would delay the next scan. So the whole job (build the ``QPrinter``, paint, end)
runs on one serial worker (``TaskRunner("print")``, the queue in ``print_queue.py``,
which imports this module there at its first job): jobs print in the order they were
asked for, and the GUI thread only receives the outcome. Every job makes its own
``QPrinter`` and ``QPainter``; nothing crosses threads but plain values.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from packstation.ui.printing.print_queue import PrintTarget
from packstation.ui.printing.receipt_paint import ReceiptDocument
from packstation.ui.printing.receipts import Paper, ReturnReceipt
from packstation.ui.printing.slip_paint import SlipDocument
from packstation.ui.printing.slips import PrintError, Slip
from packstation.ui.words.i18n import tr

log = logging.getLogger("packstation.printing")


def page_size(name: str) -> QPageSize:
    if name == "Letter":
        return QPageSize(QPageSize.PageSizeId.Letter)
    if name == "4x6":
        return QPageSize(QSizeF(4, 6), QPageSize.Unit.Inch, "4x6 in")
    return QPageSize(QPageSize.PageSizeId.A4)


class Document(Protocol):
    """A document that paints itself: all the print worker knows of a slip or a receipt.

    Made of plain values on the GUI thread, named and painted on the print worker.
    """

    @property
    def title(self) -> str:
        """Its job's name in the print queue (cups-pdf names its file after it) and the log."""
        ...

    def file_name(self, now: dt.datetime | None = None) -> str:
        """Its file's name in a PDF folder (``slip-1002-box2-20261127-101500.pdf``)."""
        ...

    def paint(
        self,
        painter: QPainter,
        page: QRectF,
        dots_per_mm: float,
        new_page: Callable[[], bool] | None = None,
    ) -> int:
        """Draw itself into ``page`` (device pixels); returns the pages used. ``new_page``
        starts the next page (``QPrinter.newPage``); without it what does not fit is left out."""
        ...


def document_for(paper: Paper | Document) -> Document:
    """The document that paints ``paper`` (a document already is one)."""
    if isinstance(paper, Slip):
        return SlipDocument(paper)
    if isinstance(paper, ReturnReceipt):
        return ReceiptDocument(paper)
    return paper


def system_printers() -> list[str]:
    """The OS's printers by name (CUPS destinations, Windows printers)."""
    return [name for name in QPrinterInfo.availablePrinterNames() if name]


#: Open flags of a document's file: always a new file, never an existing one or a link.
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
#: ``name-2.pdf`` ... ``name-50.pdf``, then names nobody can guess: a folder full of
#: planted names cannot stop the document.
_NUMBERED_NAMES = 50


def _free(path: Path) -> tuple[int, Path]:
    """``path``, or ``name-2.pdf``, ``name-3.pdf``...: created now, and its descriptor.

    Created exclusively: a document printed again in the same second does not replace the
    one before, and a name that is taken in any way (a file, a link, a dangling link that
    someone planted to have the document written elsewhere) is never opened. Raises
    :class:`PrintError` when no name is free.
    """
    names = [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(2, _NUMBERED_NAMES)]
    names += [path.with_name(f"{path.stem}-{secrets.token_hex(6)}{path.suffix}") for _ in "123"]
    for candidate in (path, *names):
        try:
            return os.open(candidate, _NEW_FILE, 0o666), candidate
        except FileExistsError:
            continue
        except OSError as exc:
            raise _folder_error(path.parent, exc) from exc
    raise PrintError(
        tr("The folder {folder} cannot be used for printing ({reason}).").format(
            folder=path.parent, reason=tr("no free file name")
        )
    )


def _folder_error(folder: Path, exc: OSError) -> PrintError:
    return PrintError(
        tr("The folder {folder} cannot be used for printing ({reason}).").format(
            folder=folder, reason=exc.strerror or exc
        )
    )


def _print_into_folder(document: Document, folder: Path, size: str) -> str:
    """Print ``document`` as a PDF into ``folder``; returns the file written.

    Qt writes the PDF to a private temporary folder (it opens a file by name and would
    follow a link planted under that name); its bytes are then copied into the file
    :func:`_free` created exclusively in ``folder``.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _folder_error(folder, exc) from exc
    with tempfile.TemporaryDirectory(prefix="packstation-print-") as private:
        drawn = Path(private) / "document.pdf"
        print_blocking(document, PrintTarget(), size, pdf_file=drawn)
        fd, final = _free(folder / document.file_name())
        try:
            with open(fd, "wb") as out, drawn.open("rb") as source:
                shutil.copyfileobj(source, out)
        except OSError as exc:
            final.unlink(missing_ok=True)  # the file we created, never a half document
            raise _folder_error(folder, exc) from exc
    log.info("%s saved as %s", document.title, final)
    return str(final)


def print_blocking(
    paper: Paper | Document, target: PrintTarget, size: str = "A4", pdf_file: Path | None = None
) -> str:
    """Print ``paper`` now, on the calling thread; returns where it went (a path or a name).

    ``pdf_file`` writes that one file whatever the target (the ``slip`` command). Raises
    :class:`PrintError` with a sentence for the packer when it cannot print.
    """
    document = document_for(paper)
    margins = 4.0 if size == "4x6" else 10.0
    layout = QPageLayout(
        page_size(size),
        QPageLayout.Orientation.Portrait,
        QMarginsF(margins, margins, margins, margins),
        QPageLayout.Unit.Millimeter,
    )
    if pdf_file is None and target.folder is not None:
        return _print_into_folder(document, target.folder, size)
    if pdf_file is not None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf_file))
        printer.setResolution(300)
        where = str(pdf_file)
    elif target.printer:
        info = QPrinterInfo.printerInfo(target.printer)
        if info.isNull():
            raise PrintError(
                tr("The printer {name} is not installed on this computer.").format(
                    name=target.printer
                )
            )
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        where = target.printer
    else:
        raise PrintError(tr("No printer is chosen: pick one in Settings."))
    printer.setDocName(document.title)
    printer.setCreator("PackStation")
    if not printer.setPageLayout(layout):
        log.info("%s does not take the %s layout; using its own", where, size)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(tr("{where} cannot be printed to.").format(where=where))
    try:
        rect = printer.pageLayout().paintRectPixels(printer.resolution())
        page = QRectF(0, 0, rect.width(), rect.height())
        document.paint(painter, page, printer.resolution() / 25.4, printer.newPage)
    finally:
        finished = painter.end()
    if not finished or printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintError(tr("{where} did not take the print job.").format(where=where))
    log.info("%s printed to %s", document.title, where)
    return where
