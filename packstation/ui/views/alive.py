"""Answers that come back to a window after it was closed are dropped, not drawn.

A dialog asks the port for its rows and the lead may close it before the answer comes
(a slow disk, a long history): its widgets are deleted by then, and touching them would
raise. Every completion a dialog hands the port goes through :func:`while_open`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtWidgets import QWidget

T = TypeVar("T")


def while_open(widget: QWidget, fn: Callable[[T], None]) -> Callable[[T], None]:
    """``fn``, called only while ``widget`` still exists."""

    def call(value: T) -> None:
        if shiboken6.isValid(widget):
            fn(value)

    return call
