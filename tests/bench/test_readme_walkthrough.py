"""The README's quick start, word for word, on the bench (the fake port: the same demo data).

Every code the walk-through names is read out of the README itself, in its order, so the
README and the program cannot drift apart: a step renamed in one fails here. The demo's
labels must never collide: no step may meet "this tracking number was used before".
"""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from packstation.store import OutboxState
from packstation.ui.bench.controller import BenchController
from packstation.ui.words.feedback import Tone
from tests.helpers.station import FakeStation, fake_bench

README = Path(__file__).resolve().parents[2] / "README.md"


def walkthrough_codes() -> list[str]:
    """The backticked codes of the quick start's walk-through, in the README's order."""
    text = README.read_text("utf-8")
    start = text.index("The first command starts the bench on the embedded sandbox")
    end = text.index("`uv run packstation-sandbox --print-sheet")
    return re.findall(r"`([^`\s]+)`", text[start:end])


def run(bench: BenchController, code: str) -> None:
    bench.handle_scan(code)
    assert bench.question is None or "used before" not in bench.question.title, code


def test_the_quick_start_walks_as_the_readme_says(qtbot: QtBot, tmp_path: Path) -> None:
    codes = walkthrough_codes()
    assert codes[:3] == ["#1001", "JKT-RAIN-NVY-M", "1Z999AA10123456784"]
    bench, port = fake_bench(tmp_path, demo=True)
    try:
        _walk(bench, port, codes)
    finally:
        bench.shipping.stop_countdown()
        port.close()


def _walk(bench: BenchController, port: FakeStation, codes: list[str]) -> None:
    steps = iter(codes)
    # "#1001, then JKT-RAIN-NVY-M, then the label ...: ships by itself after a countdown."
    for _ in range(3):
        run(bench, next(steps))
    assert bench.shipping.countdown.active
    bench.shipping.countdown.fire.emit()
    assert bench.session is None
    # "#1002, one SOCK-HIK-GRY-M, the label ... (or PS-DUMMY), then Ctrl+Enter asks."
    ref, item, label, dummy = next(steps), next(steps), next(steps), next(steps)
    assert (ref, dummy) == ("#1002", "PS-DUMMY")
    for code in (ref, item, label):
        run(bench, code)
    assert bench.inputs.carrier == "USPS"
    bench.shipping.ship()
    assert bench.question is not None  # a partial shipment asks
    bench.question.accept_default()  # Enter ships
    assert bench.session is None
    # "Two boxes": #1013, TEE-MER-BLK-M, the ZIP+4 label, then PS-BOX.
    ref, item, label, box = next(steps), next(steps), next(steps), next(steps)
    assert (ref, box) == ("#1013", "PS-BOX")
    for code in (ref, item, label, box):
        run(bench, code)
    assert bench.showing.tone is Tone.SUCCESS, bench.showing.text
    assert bench.boxes.number == 2
    # "Scan SOCK-HIK-GRY-M, MUG-ENM-WHT and the label ...: the last box ships by itself."
    for code in (next(steps), next(steps), next(steps)):
        run(bench, code)
    assert bench.shipping.countdown.active
    bench.shipping.countdown.fire.emit()
    assert bench.session is None
    shipped = port.store.outbox.items(OutboxState.PENDING)
    assert [i.order_ref for i in shipped] == ["#1001", "#1002", "#1013", "#1013"]
    assert len({i.summary.tracking for i in shipped}) == 4
    # "The label 4201000194... is for ZIP 10001 and is refused for #1013" (on a new bench).
    wrong, order = next(steps), next(steps)
    assert (wrong[:8], order) == ("42010001", "#1013")
    again, other = fake_bench(port.store.path.parent / "again", demo=True)
    try:
        run(again, "#1013")
        run(again, "TEE-MER-BLK-M")
        run(again, wrong)
        assert again.showing.tone is Tone.ERROR
        assert "10001" in again.showing.text
        assert again.inputs.tracking == ""
    finally:
        other.close()
