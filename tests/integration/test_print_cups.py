"""A slip printed by name through the OS print system (CUPS + cups-pdf), read back from its PDF.

The fixture uses a running CUPS scheduler, or starts ``cupsd -f`` as its own child (root
only: CI runs as root) and stops it at the end; it adds the ``PDF`` printer (cups-pdf)
when it is missing. It skips, saying why, only when CUPS or cups-pdf is not installed.
cups-pdf writes ``<job name>__<job>__<user>.pdf`` into ``~/PDF`` of the submitting user
(``Out ${HOME}/PDF`` in Debian's ``/etc/cups/cups-pdf.conf``), or into
``/var/spool/cups-pdf/ANONYMOUS`` for anonymous jobs: both are watched.

CUPS turns Qt's PDF into PostScript for cups-pdf, which distils it back to PDF. With the
default converter the text comes back as glyphs without Unicode (pdftotext reads
symbols); ``pdftops-renderer-default=pdftocairo`` keeps it readable, so the fixture sets
it on the printer (as root; a non-root run uses the printer as it is).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from packstation.config import Settings
from packstation.packing.marks import UnitMark
from packstation.ui.printing.print_queue import SlipPrinter
from packstation.ui.printing.printer import system_printers
from packstation.ui.printing.slips import Slip
from tests.helpers.orders import demo_order
from tests.helpers.pdf import need_tools, pdf_barcodes, pdf_text

pytestmark = pytest.mark.slow

PRINTER = "PDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
OUT_DIRS = (Path.home() / "PDF", Path("/var/spool/cups-pdf/ANONYMOUS"))


def _scheduler_running() -> bool:
    result = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, timeout=10)
    return result.returncode == 0 and "is running" in result.stdout


def _has_printer() -> bool:
    result = subprocess.run(["lpstat", "-p", PRINTER], capture_output=True, timeout=10)
    return result.returncode == 0


@pytest.fixture
def cups_pdf(qtbot: QtBot) -> Iterator[str]:
    """The name of a cups-pdf printer the system's CUPS knows."""
    if not (shutil.which("cupsd") and shutil.which("lpadmin") and shutil.which("lpstat")):
        pytest.skip("CUPS is not installed (Debian: apt-get install cups printer-driver-cups-pdf)")
    if not (BACKEND.exists() and PPD.exists()):
        pytest.skip("cups-pdf is not installed (Debian: apt-get install printer-driver-cups-pdf)")
    need_tools()
    started: subprocess.Popen[bytes] | None = None
    if not _scheduler_running():
        if os.geteuid() != 0:
            pytest.skip("the CUPS scheduler is not running, and only root can start it here")
        started = subprocess.Popen(
            ["cupsd", "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        qtbot.waitUntil(_scheduler_running, timeout=15000)
    try:
        if os.geteuid() == 0:
            # Adds the printer, or sets the renderer on the one already there.
            command = ["lpadmin", "-p", PRINTER, "-v", "cups-pdf:/", "-E", "-P", str(PPD)]
            subprocess.run(
                [*command, "-o", "pdftops-renderer-default=pdftocairo"],
                check=True,
                capture_output=True,
                timeout=30,
            )
        elif not _has_printer():
            pytest.skip(f"no {PRINTER} printer in CUPS, and only root can add it here")
        yield PRINTER
    finally:
        if started is not None:
            started.terminate()
            started.wait(timeout=15)


def _pdfs() -> dict[Path, int]:
    """Every PDF cups-pdf may have written, with its modification time (it reuses names)."""
    found: dict[Path, int] = {}
    for folder in OUT_DIRS:
        for path in folder.glob("*.pdf") if folder.is_dir() else ():
            try:
                found[path] = path.stat().st_mtime_ns
            except OSError:
                continue
    return found


def _readable(path: Path) -> bool:
    try:
        return path.stat().st_size > 0 and "%%EOF" in path.read_bytes()[-1024:].decode("latin-1")
    except OSError:
        return False


def test_a_slip_prints_to_the_cups_pdf_printer_by_name(qtbot: QtBot, cups_pdf: str) -> None:
    assert cups_pdf in system_printers()
    before = _pdfs()
    slip = Slip.build(
        demo_order("#1002"),
        "#1002",
        {"li_1002_001": 3},
        store_name="Trailhead Outfitters",
        marks={"li_1002_001": [UnitMark(lot="L2291", expiry="2027-06-30", units=3)]},
        packer="Ana",
        box=1,
        boxes=2,
    )
    printer = SlipPrinter(Settings(printer=cups_pdf, page_size="Letter"))
    done: list[str] = []
    failed: list[str] = []
    assert printer.print_slip(slip, done.append, failed.append)
    qtbot.waitUntil(lambda: bool(done or failed), timeout=30000)
    printer.shutdown()
    assert (done, failed) == ([cups_pdf], [])

    def landed() -> Path | None:
        return next((p for p, at in _pdfs().items() if before.get(p) != at and _readable(p)), None)

    qtbot.waitUntil(lambda: landed() is not None, timeout=30000)
    path = landed()
    assert path is not None
    try:
        assert "Packing_slip" in path.name  # cups-pdf names it after the job
        text = pdf_text(path)
        for expected in (
            "Order #1002",
            "Box 1 of 2",
            "SOCK-HIK-GRY-M",
            "Lot L2291",
            "Packed by: Ana",
        ):
            assert expected in text, expected
        assert "CODE-128:#1002" in pdf_barcodes(path)
    finally:
        path.unlink(missing_ok=True)
