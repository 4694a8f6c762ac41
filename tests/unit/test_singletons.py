"""None, True and False survive any number of PySide6 calls that lose references to them."""

from __future__ import annotations

import sys

import pytest

from packstation.ui.singletons import HEADROOM, protect_singletons


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="immortal from Python 3.12")
def test_the_singletons_are_out_of_reach_once_protected() -> None:
    protect_singletons()
    counts = [sys.getrefcount(x) for x in (None, True, False)]
    assert all(count > HEADROOM // 2 for count in counts)
    protect_singletons()  # once is enough: a second call adds nothing
    after = [sys.getrefcount(x) for x in (None, True, False)]
    assert all(abs(a - b) < 1000 for a, b in zip(after, counts, strict=True))
