"""The start-up steps the window shows while the bench is built behind it, in words.

Kept apart from the other words: the window imports this before it first shows, so it
imports nothing but ``tr``.
"""

from __future__ import annotations

from enum import StrEnum

from packstation.ui.words.i18n import tr


class StartupStep(StrEnum):
    """A start-up step (``startup.start_bench`` yields them; ``BenchShell`` shows them)."""

    SANDBOX = "sandbox"
    DATABASE = "database"
    BENCH = "bench"


def step_text(step: StartupStep) -> str:
    if step is StartupStep.SANDBOX:
        return tr("Starting the demo sandbox…")
    if step is StartupStep.DATABASE:
        return tr("Opening the station database…")
    return tr("Building the packing bench…")
