"""The printable demo sheet: pages, text, and barcodes that scan back to their text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from packstation.sandbox import SandboxState
from packstation.sandbox_main import main as sandbox_main
from packstation.ui.sheets import demo_sheet_entries, modules

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sheet") / "demo.pdf"
    assert sandbox_main(["--print-sheet", str(path)]) == 0
    return path


def test_sheet_has_every_slip_and_product(sheet: Path) -> None:
    state = SandboxState.demo()
    entries = demo_sheet_entries(state)
    slips = len(state.snapshot()["orders"])
    assert slips >= 13
    assert len(entries) == slips + 2 * 24  # a slip per order; a SKU and a UPC per product
    data = sheet.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    fewest = -(-len(entries) // 14)  # 14 barcodes a page; slips and products on their own
    assert fewest <= pages <= fewest + 1


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_sheet_text_layer_names_the_codes(sheet: Path) -> None:
    text = subprocess.run(
        ["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True
    ).stdout
    for code in ("#1001", "#1012", "TEE-MER-BLK-M", "840312000011"):
        assert code in text


@pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbar-tools not installed"
)
def test_barcodes_decode_back_to_their_text(sheet: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(sheet), str(tmp_path / "p")], check=True)
    decoded: set[str] = set()
    for png in sorted(tmp_path.glob("p-*.png")):
        out = subprocess.run(
            ["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=False
        ).stdout
        decoded |= {line.strip() for line in out.splitlines() if line.strip()}
    expected = {e.code for e in demo_sheet_entries(SandboxState.demo())}
    # zbar reports UPC-A as its EAN-13 form (a leading 0): the same GTIN.
    normalised = {
        c[1:] if len(c) == 13 and c.startswith("0") and c[1:] in expected else c for c in decoded
    }
    assert expected <= normalised


def test_code128_pattern_starts_and_stops_correctly() -> None:
    pattern = modules("#1001", "code128")
    assert pattern.endswith("1100011101011")  # the Code 128 stop pattern
    assert set(pattern) == {"0", "1"}
