"""A return receipt per processed return: what it says (:class:`ReturnReceipt`), without Qt.

It goes in the tote with what the parcel held, and is read at the bench (so it is in the
bench's language, unlike the comment recorded in Redo): the order and the return's ID,
with a Code 128 barcode of the ID (a scan of it opens the return again), the bench, the
packer and when, each item's units as expected and as received (sellable, damaged with
their notes), the items that did not arrive, and the codes scanned that were on no item.

It prints like a packing slip: the same ``printer`` setting, page size and print worker
(``printer.py``); ``receipt_paint.py`` draws it. The bench builds a receipt from plain
values and never imports Qt's painting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from packstation.packing.receiving import Condition, ReceivingSession, counts_by_condition
from packstation.ui.printing.slips import (
    PrintError,
    Slip,
    code128_can_encode,
    file_name_part,
    one_line,
)
from packstation.ui.words.returns import receipt_barcode_refused

if TYPE_CHECKING:
    from packstation.config import Settings
    from packstation.ui.station.port_returns import OnBench

#: Distinct undeclared codes listed at most; the rest are counted, never lost.
MAX_UNDECLARED = 40
#: Longest code listed (a scan of a long 2D code would run across the page).
CODE_MOST = 60


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """One item of the return: what was expected and what arrived, in which condition."""

    title: str
    sku: str
    expected: int
    sellable: int = 0
    damaged: int = 0
    #: The damaged units' notes, each once, with the units it was given to, as received.
    notes: tuple[tuple[str, int], ...] = ()

    @property
    def received(self) -> int:
        return self.sellable + self.damaged

    @property
    def missing(self) -> int:
        return max(0, self.expected - self.received)


@dataclass(frozen=True, slots=True)
class ReturnReceipt:
    """Everything printed on one return's receipt (plain values: safe on any thread)."""

    order_name: str
    return_id: str
    lines: tuple[ReceiptLine, ...]
    #: Codes scanned that were on none of the return's items, each once, with its scans.
    undeclared: tuple[tuple[str, int], ...] = ()
    #: Distinct undeclared codes left off the list (beyond :data:`MAX_UNDECLARED`).
    undeclared_more: int = 0
    bench: str = ""
    packer: str = ""
    when: dt.datetime = field(default_factory=dt.datetime.now)
    #: The processing job's ID, also at the end of the return's comment in Redo.
    job_id: str = ""
    exchange: bool = False

    @property
    def barcode(self) -> str:
        """What the barcode encodes: the return's ID. Raises :class:`PrintError` when
        Code 128 cannot carry it (Redo's IDs are 24 hex digits: never, in practice)."""
        if code128_can_encode(self.return_id):
            return self.return_id
        raise PrintError(receipt_barcode_refused(self.return_id[:60]))

    @property
    def not_received(self) -> tuple[ReceiptLine, ...]:
        return tuple(line for line in self.lines if line.missing)

    @property
    def expected(self) -> int:
        return sum(line.expected for line in self.lines)

    @property
    def received(self) -> int:
        return sum(line.received for line in self.lines)


def receipt_for_return(
    ret: OnBench,
    session: ReceivingSession,
    *,
    job_id: str,
    bench: str,
    packer: str,
    when: dt.datetime,
) -> ReturnReceipt:
    """The receipt of ``ret`` as ``session`` received it (build it when the return is
    processed: the session is gone once the job is queued)."""
    lines = []
    for index, line in enumerate(session.lines):
        units = session.units(index)
        counts = counts_by_condition(units)
        notes: dict[str, int] = {}
        for unit in units:
            if unit.condition is Condition.DAMAGED and one_line(unit.note):
                notes[one_line(unit.note)] = notes.get(one_line(unit.note), 0) + 1
        lines.append(
            ReceiptLine(
                title=one_line(line.title),
                sku=one_line(line.sku or ""),
                expected=line.expected,
                sellable=counts[Condition.SELLABLE],
                damaged=counts[Condition.DAMAGED],
                notes=tuple(notes.items()),
            )
        )
    scans: dict[str, int] = {}
    for code in session.undeclared:
        shown = one_line(code)[:CODE_MOST]
        if shown:
            scans[shown] = scans.get(shown, 0) + 1
    undeclared = tuple(scans.items())
    return ReturnReceipt(
        order_name=one_line(ret.order_name),
        return_id=one_line(ret.return_id),
        lines=tuple(lines),
        undeclared=undeclared[:MAX_UNDECLARED],
        undeclared_more=max(0, len(undeclared) - MAX_UNDECLARED),
        bench=one_line(bench),
        packer=one_line(packer),
        when=when,
        job_id=job_id,
        exchange=ret.exchange,
    )


def receipt_file_name(receipt: ReturnReceipt, now: dt.datetime | None = None) -> str:
    """``receipt-1001-675a1c00e4b0d3f19a7c0001-20261204-100500.pdf``: the order, the
    return (an order may have several) and when, file-name safe."""
    order = file_name_part(receipt.order_name, "order")
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"receipt-{order}-{file_name_part(receipt.return_id, 'return')}-{stamp}.pdf"


def should_print_receipt(settings: Settings) -> bool:
    """Whether a return's receipt prints by itself when the return is processed: when a
    printer is set and slips are not kept for printing on request only."""
    return bool(settings.printer) and settings.print_when != "request"


#: What the print worker takes from the bench: plain values it pairs with their painter.
Paper = Slip | ReturnReceipt
