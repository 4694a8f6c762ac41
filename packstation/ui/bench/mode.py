"""What the bench is doing: waiting for a slip, loading an order, or packing one."""

from __future__ import annotations

from enum import Enum


class Mode(Enum):
    IDLE = "idle"
    LOADING = "loading"
    ORDER = "order"
