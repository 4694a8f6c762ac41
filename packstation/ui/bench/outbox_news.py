"""What the bench says when the sender reports: a box delivered, held, or waiting.

Part of the bench controller (``controller.py``). The packer's own messages come first:
news never replaces a red message (a refusal, a failed load), which stays until the next
scan or Esc; the status bar's counts say the rest. While an order is open, only a box
that Redo refused is said; a delivery of the open order's own box reloads it, so its
counts follow what Redo now holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from packstation.store import Delivered, NeedsAttention, WillRetry
from packstation.ui.bench.mode import Mode
from packstation.ui.words import feedback
from packstation.ui.words.feedback import Tone

if TYPE_CHECKING:
    from packstation.ui.bench.controller import BenchController

#: A hundred boxes of the open order delivered in a burst ask for one reload.
RELOAD_AFTER_MS = 300


class OutboxNews:
    def __init__(self, bench: BenchController) -> None:
        self.bench = bench
        self._reload = QTimer(bench)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_AFTER_MS)
        self._reload.timeout.connect(lambda: bench.orders.reload(quiet=True))
        port = bench.port
        port.delivered.connect(self.delivered)
        port.needs_attention.connect(self.needs_attention)
        port.will_retry.connect(self.will_retry)

    def _quiet(self) -> bool:
        """A red message is on the banner: it is the packer's, and it stays."""
        return self.bench.showing.tone is Tone.ERROR

    def delivered(self, event: Delivered) -> None:
        bench = self.bench
        if not self._quiet() and bench.mode is not Mode.ORDER:
            bench.say(feedback.delivered(event))
        session = bench.session
        if session is not None and session.order_id == event.item.order_id:
            self._reload.start()

    def needs_attention(self, event: NeedsAttention) -> None:
        if not self._quiet():
            self.bench.say(feedback.needs_attention(event))

    def will_retry(self, event: WillRetry) -> None:
        if not self._quiet() and self.bench.mode is not Mode.ORDER:
            self.bench.say(feedback.will_retry(event))

    def stop(self) -> None:
        self._reload.stop()
