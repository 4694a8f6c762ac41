"""Start-up's objects are frozen without a full collection: a scan then never waits 40-70 ms."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from packstation.startup import freeze_what_start_up_built


@pytest.fixture
def generations() -> Iterator[list[int]]:
    seen: list[int] = []

    def watch(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(watch)
    try:
        yield seen
    finally:
        gc.callbacks.remove(watch)
        gc.unfreeze()


def test_the_freeze_makes_no_full_pass_and_freezes_what_lives(generations: list[int]) -> None:
    alive = [object() for _ in range(1000)]
    freeze_what_start_up_built()
    assert 2 not in generations
    assert gc.get_freeze_count() >= len(alive)
