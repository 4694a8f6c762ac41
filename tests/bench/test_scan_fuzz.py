"""No scan makes the bench raise or stop: the controller's entry point over a sample of
the hostile inputs, and a held queue that survives a bug.

The 100,000 inputs through the router and the session alone are
``tests/unit/test_route_fuzz.py``.
"""

from __future__ import annotations

import pytest

from packstation.ui.bench.controller import Mode
from packstation.ui.words.feedback import Tone
from tests.helpers.station import Bench, packed, scan
from tests.unit.test_route_fuzz import hostile
from tests.unit.test_scan_fuzz import SEED


def test_the_controller_takes_any_scan_with_an_order_open(bench: Bench) -> None:
    controller, port = bench
    scan(controller, "#1002")
    handled: list[str] = []
    controller.scan_handled.connect(handled.append)
    sample = [raw for raw in hostile(1500, seed=SEED + 2) if raw.strip()]
    for raw in sample:
        # Never a slip of another order here: those would (rightly) switch orders.
        controller.handle_scan(raw.lstrip("#"))
    assert len(handled) == len([r for r in sample if r.lstrip("#").strip()])
    assert controller.mode in (Mode.ORDER, Mode.IDLE)
    assert port.store.journal.load() is not None  # every write went through


@pytest.mark.expected_log("handling scan")
def test_a_scan_that_fails_is_refused_and_the_held_queue_goes_on(
    bench: Bench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Slip, a scan that hits a bug, then a good item, in one burst while the order loads."""
    controller, port = bench
    pack = controller.edits.pack

    def buggy(code: str) -> None:
        if code == "SOCK-HIK-GRY-M":
            raise RuntimeError("a bug in handling this one scan")
        pack(code)

    monkeypatch.setattr(controller.edits, "pack", buggy)
    said: list[tuple[str, Tone]] = []
    controller.feedback.connect(lambda f: said.append((f.text, f.tone)))
    handled: list[str] = []
    controller.scan_handled.connect(handled.append)
    port.network.hold()  # a slow server: the burst is held behind the slip
    scan(controller, "#1002", "SOCK-HIK-GRY-M", "BNE-WOOL-CHR")
    port.network.release()
    assert packed(controller) == [0, 0, 1]
    assert handled == ["#1002", "SOCK-HIK-GRY-M", "BNE-WOOL-CHR"]
    refused = [text for text, tone in said if tone is Tone.ERROR]
    assert len(refused) == 1 and "SOCK-HIK-GRY-M" in refused[0]
    assert any(text.startswith("Packed Wool Beanie") for text, _ in said)
    # Not asserted: the last word. The held scans are handled inside the order's opening,
    # before "Order #1002: 6 items to pack" is said; on the runtime the beanie's "Packed"
    # comes after it (its journal write completes later), here before it.
