"""The printable demo sheet: pages, text, and barcodes that scan back to their text."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from packstation.packing.checks import carrier_fits_method, label_zip_problem
from packstation.packing.commands import sheet_codes
from packstation.packing.tracking import recognise
from packstation.sandbox import SandboxState
from packstation.sandbox_main import main as sandbox_main
from packstation.ui.printing.sheets import DEMO_LABELS, demo_sheet_entries, modules
from tests.helpers.orders import demo_order

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
    assert slips >= 14
    # A slip per order; a SKU and a UPC per product; sample labels; the command barcodes.
    assert len(entries) == slips + 2 * 24 + len(DEMO_LABELS) + len(sheet_codes())
    assert {e.code for e in entries} >= {"PS-SHIP", "PS-UNDO", "1Z999AA10123456784"}
    data = sheet.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert pages == -(-len(entries) // 12)  # 12 barcodes a page (2 columns, 6 rows)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_sheet_text_layer_names_the_codes(sheet: Path) -> None:
    text = subprocess.run(
        ["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True
    ).stdout
    for code in ("#1001", "#1013", "TEE-MER-BLK-M", "840312000011", "PS-SHIP", "WRONG for #1013"):
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


def test_every_sample_label_is_recognised_and_the_wrong_zip_one_is_refused_for_1013() -> None:
    order = demo_order("#1013")
    problems = {}
    for entry in DEMO_LABELS:
        guess = recognise(entry.code)
        assert guess is not None, entry.label
        assert guess.carrier == entry.note.split(" IMpb")[0], entry.label
        problems[entry.label] = label_zip_problem(guess.zip, order)
        assert carrier_fits_method(guess.carrier, "USPS Priority Mail") is (guess.carrier == "USPS")
    assert problems["Label: USPS to ZIP 10001 (WRONG for #1013: refused)"] == (
        "10001",
        "97201-1234",
    )
    assert problems["Label: USPS to ZIP 97201-1234 (fits #1013)"] is None


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_the_command_sheet_never_cuts_a_label(tmp_path: Path) -> None:
    from packstation.ui.printing.sheets import write_command_sheet
    from packstation.ui.words.commands import command_rows

    path = tmp_path / "commands.pdf"
    write_command_sheet(path)
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(unicodedata.normalize("NFKC", text).split())  # "ﬁ" ligatures back to "fi"
    for code, description in command_rows():
        if code.startswith("PS-USER"):
            continue
        assert " ".join(description.split()) in flat, description
    assert "…" not in flat
