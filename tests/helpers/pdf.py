"""Reading a PDF as a person and a scanner would: its text (pdftotext), its barcodes (zbarimg)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest

TOOLS = ("pdftotext", "pdftoppm", "zbarimg")


def need_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: poppler-utils zbar-tools)")


def pdf_text(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    # NFKC: the font's ligatures ("ﬁ") read as the letters they are.
    return unicodedata.normalize("NFKC", result.stdout)


def pdf_barcodes(path: Path, dpi: int = 200) -> list[str]:
    """Every barcode zbar finds on the PDF's pages, as ``TYPE:data``."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", str(path), f"{tmp}/page"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        pages = sorted(Path(tmp).glob("page*.png"))
        result = subprocess.run(
            ["zbarimg", "-q", *map(str, pages)], capture_output=True, text=True, timeout=60
        )
    # zbarimg exits 4 when it found nothing; its stdout is then empty.
    return result.stdout.splitlines()
