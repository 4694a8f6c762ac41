"""No scan makes the scan path raise: the router and the session over 100,000 seeded
hostile inputs (the generators of ``test_scan_fuzz.py``, another seed).

The controller's entry point over a sample of the same inputs is
``tests/bench/test_scan_fuzz.py``.
"""

from __future__ import annotations

import random

from packstation.packing import PackingSession
from packstation.packing.catalog import CatalogMatcher
from packstation.packing.router import route
from packstation.packing.tracking import candidates, recognise
from tests.helpers.orders import demo_order
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
