"""No scan makes the bench raise: the router and session over 100,000 seeded hostile inputs,
the controller's entry point over a sample of them, and a held queue that survives a bug."""

from __future__ import annotations

import random

import pytest
from pytestqt.qtbot import QtBot

from packstation.packing import PackingSession
from packstation.packing.catalog import CatalogMatcher
from packstation.packing.router import route
from packstation.packing.tracking import candidates, recognise
from packstation.sandbox import SandboxServer
from packstation.ui.bench.controller import Mode
from packstation.ui.views.main_window import MainWindow
from tests.helpers.orders import demo_order
from tests.ui.conftest import load, type_scan
from tests.unit.test_scan_fuzz import SEED, _generators, _long

COUNT = 100_000


def hostile(count: int, seed: int = SEED + 1) -> list[str]:
    rng = random.Random(seed)
    generators = _generators()
    return [_long(rng) if n % 1000 == 0 else rng.choice(generators)(rng) for n in range(count)]


def test_routing_and_packing_never_raise_over_100000_inputs() -> None:
    session = PackingSession(demo_order("#1006"), matcher=CatalogMatcher())
    failures: list[tuple[str, str]] = []
    for n, raw in enumerate(hostile(COUNT)):
        try:
            route(raw, session)
            if n % 4 == 0:
                route(raw, None)
                session.scan(raw)
            if n % 10 == 0:
                candidates(raw)
                recognise(raw)
        except Exception as exc:
            failures.append((raw[:60], f"{type(exc).__name__}: {exc}"))
    assert not failures, f"{len(failures)} inputs raised, first: {failures[:5]}"


def test_the_controller_takes_any_scan_with_an_order_open(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    handled: list[str] = []
    window.controller.scan_handled.connect(handled.append)
    sample = [raw for raw in hostile(1500, seed=SEED + 2) if raw.strip()]
    for raw in sample:
        # Never a slip of another order here: those would (rightly) switch orders.
        window.controller.handle_scan(raw.lstrip("#"))
    qtbot.waitUntil(lambda: not window.runtime.writes.busy, timeout=20000)
    assert len(handled) == len([r for r in sample if r.lstrip("#").strip()])
    assert window.controller.mode in (Mode.ORDER, Mode.IDLE)


@pytest.mark.expected_log("handling scan")
def test_a_scan_that_fails_is_refused_and_the_held_queue_goes_on(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Slip, a scan that hits a bug, then a good item, in one burst while the order loads."""
    pack = window.controller.edits.pack

    def buggy(code: str) -> None:
        if code == "SOCK-HIK-GRY-M":
            raise RuntimeError("a bug in handling this one scan")
        pack(code)

    monkeypatch.setattr(window.controller.edits, "pack", buggy)
    sandbox.faults.set(latency=0.5)
    type_scan("#1002")
    type_scan("SOCK-HIK-GRY-M")
    type_scan("BNE-WOOL-CHR")
    qtbot.waitUntil(
        lambda: (
            window.controller.session is not None and window.controller.session.line(2).packed == 1
        ),
        timeout=5000,
    )
    assert window.controller.session is not None
    assert window.controller.session.line(0).packed == 0
