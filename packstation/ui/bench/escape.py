"""Esc: one key that means "stop what is going on", whatever that is now.

Part of the bench controller (``controller.py``). Its order is written here once; the
window does the field's part (``views/keyboard.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from packstation.ui.bench.mode import Mode
from packstation.ui.words import bench as words
from packstation.ui.words import feedback
from packstation.ui.words.feedback import Tone

if TYPE_CHECKING:
    from packstation.ui.bench.controller import BenchController


def escape(bench: BenchController, *, in_text_field: bool, field_text: bool) -> str:
    """Esc, in this order, once: the question; the countdown; a load; a red message;
    a text field the packer is in (its text, then the field); then the order.

    Returns what it did, for the window: ``"field-text"`` (clear the field's text) and
    ``"field"`` (leave the field) are the window's to do; anything else is done.
    """
    if bench.question is not None:
        bench.question.cancel()
        return "question"
    if bench.shipping.stop_countdown(announce=True):
        return "countdown"
    if bench.mode is Mode.LOADING:
        bench.orders.cancel_loading()
        return "loading"
    if bench.showing.tone is Tone.ERROR:
        bench.acknowledge()
        return "message"
    if in_text_field:
        if field_text:
            return "field-text"
        bench.say(feedback.info(words.back_to_scanning()))
        return "field"
    bench.orders.clear()
    return "order"
