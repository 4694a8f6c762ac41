"""What a received return becomes: the job queued for Redo, and its claim's key.

Part of the receiving bench (``returns.py``): the process request's products from the
session's decisions (``packing/receiving.py``), the comment (``words/returns.py``), and
the summary the receipt and the history read.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from packstation.packing.receiving import Decision, ReceivingSession
from packstation.ui.printing.receipts import receipt_for_return, should_print_receipt
from packstation.ui.station.port_returns import OnBench
from packstation.ui.words import returns as words
from packstation.ui.words.feedback import Feedback, Tone

if TYPE_CHECKING:
    from packstation.ui.bench.controller import BenchController

log = logging.getLogger("packstation.returns")


def job_for(ret: OnBench, session: ReceivingSession, *, bench: str, packer: str) -> dict[str, Any]:
    """The returns outbox's row (``ReturnsOutbox.add``'s fields) for ``session``; its ID is
    minted here, once: every retry reuses it, and the comment names it."""
    job_id = f"rx-{uuid.uuid4().hex}"
    units = [session.units(i) for i in range(len(session.lines))]
    return {
        "job_id": job_id,
        "return_id": ret.return_id,
        "order_name": ret.order_name,
        "products": _products(session),
        "comment": words.comment(
            job_id,
            bench=bench,
            packer=packer,
            lines=session.lines,
            units=units,
            undeclared_codes=session.undeclared,
        ),
        # The return as it was on the bench, and the bench: the History rebuilds the
        # receipt from them (``store/returns_history.py``).
        "summary": {
            **session.to_json(),
            "received": session.total_received,
            "return": json.loads(ret.to_json()),
            "bench": bench,
        },
        "packer": packer,
    }


def claim_key(return_id: str) -> str:
    """A return's claim in the warehouse, beside the orders' (their Redo order IDs)."""
    return f"return:{return_id}"


def _products(session: ReceivingSession) -> list[dict[str, Any]]:
    """Redo's ``products`` for the decisions (``redo.returns_process.ProcessProduct``)."""
    from packstation.redo import returns_stack

    returns_stack.load()  # loaded already when the return was read from Redo
    from packstation.redo.returns_process import ProcessProduct

    products = []
    for decision in session.decisions():
        if decision.decision is Decision.REJECT:
            product = ProcessProduct.rejected(decision.item_id)
        else:
            product = ProcessProduct.processed(
                decision.item_id,
                restock=decision.decision is Decision.RESTOCK,
                adjustment=decision.adjustment,
            )
        products.append(product.to_json_dict())
    return products


def receipt_printer(
    bench: BenchController, ret: OnBench, session: ReceivingSession, job_id: str
) -> Callable[[], None]:
    """The return's receipt, made now (the session is gone once the return is queued),
    printed when the returned call is made, if the settings print on their own."""
    settings = bench.port.settings
    receipt = receipt_for_return(
        ret, session, job_id=job_id, bench=settings.station_name, packer=bench.packer,
        when=dt.datetime.now(),
    )  # fmt: skip

    def print_it() -> None:
        if should_print_receipt(bench.port.settings):
            bench.port.print_slip(
                receipt,
                lambda where: log.info("returns receipt printed to %s", where),
                lambda exc: bench.say(
                    Feedback(words.receipt_not_printed(ret.order_name, exc), Tone.WARNING)
                ),
            )

    return print_it
