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
from packstation.redo.returns import Return
from packstation.sandbox import SandboxState
from packstation.sandbox_main import main as sandbox_main
from packstation.store.returns_index import OPEN_STATUSES
from packstation.store.station import StationStore
from packstation.ui.printing.sheets import (
    DEMO_LABELS,
    demo_sheet_entries,
    modules,
    return_label_entries,
)
from packstation.ui.station.port_returns import indexed
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
    labels = return_label_entries(state)
    # A slip per order; a SKU and a UPC per product; sample labels; the open returns'
    # labels; the command barcodes.
    assert len(entries) == slips + 2 * 24 + len(DEMO_LABELS) + len(labels) + len(sheet_codes())
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


def test_the_open_demo_returns_labels_are_on_the_sheet_and_a_scan_finds_each_return(
    sheet: Path, tmp_path: Path
) -> None:
    state = SandboxState.demo()
    records = [record["return"] for record in state.returns.snapshot()]
    still_to_come = [r for r in records if r["status"] in OPEN_STATUSES]
    labels = return_label_entries(state)
    # One label per return whose parcel may still arrive; none for those finished.
    assert len(labels) == len(still_to_come) >= 6
    assert {"open", "in_transit", "delivered", "needs_review"} <= {
        r["status"] for r in still_to_come
    }
    captions = {entry.label for entry in labels}
    assert {
        "Return of #1001 (UPS)",
        "Return of #1003 (USPS)",
        "Return of #1004 (FedEx)",
        "Return of #1010 (USPS)",
    } <= captions
    finished = [r["shipment"]["tracker"] for r in records if r["status"] not in OPEN_STATUSES]
    assert "1ZF6E7120366145900" in finished  # #1011's, complete
    assert not [t for t in finished if any(t in entry.code for entry in labels)]
    by_caption = {entry.label: entry.code for entry in labels}
    assert by_caption["Return of #1001 (UPS)"] == "1ZA8V4730367210455"
    # A USPS label carries its IMpb: 420, the warehouse's ZIP, the tracking number.
    assert by_caption["Return of #1003 (USPS)"] == "420" + "97209" + "9400111899223973182056"
    assert set(by_caption.values()) <= {e.code for e in demo_sheet_entries(state)}
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True
        ).stdout
        for entry in labels:
            assert entry.label in text and entry.code in text, entry.label

    # The bench's returns index, filled as a walk of Redo fills it, finds each return by
    # a scan of its label's text, and only that return.
    store = StationStore(tmp_path / "station.sqlite3")
    try:
        store.returns.put(indexed(Return.model_validate(r)) for r in records)
        for entry, returned in zip(labels, still_to_come, strict=True):
            found = store.returns.find_by_label(entry.code)
            assert [hit.return_id for hit in found] == [returned["id"]], entry.label
            assert found[0].is_open
    finally:
        store.close()


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
