"""What the History says of the returns received at this station: their outcome, and how
printing a receipt again went (the shipments' words are in the dialog itself)."""

from __future__ import annotations

from packstation.store.returns_history import Outcome, ReturnRecord
from packstation.ui.words.feedback import Feedback, Tone, error
from packstation.ui.words.i18n import tr
from packstation.ui.words.returns import held_why


def outcome_text(found: ReturnRecord) -> str:
    """Short, for the table's cell: waiting to be sent, processed, or held."""
    if found.outcome is Outcome.HELD:
        return tr("held")
    if found.outcome is Outcome.PROCESSED:
        if found.job.state == "commenting":
            return tr("processed, comment waiting")
        return tr("processed")
    return tr("waiting to be sent")


def outcome_detail(found: ReturnRecord) -> str:
    """The whole of it, for the cell's tooltip and the line under the table: a held
    return's reason as Needs attention words it."""
    if found.outcome is Outcome.HELD:
        return tr("Held: {why}").format(why=held_why(found.job))
    if found.job.state == "commenting":
        return tr("Processed in Redo; the comment recording what arrived is still to be sent.")
    if found.outcome is Outcome.PROCESSED:
        return tr("Processed in Redo.")
    return tr("Waiting to be sent to Redo.")


def returns_counted(count: int) -> str:
    return tr("%n return(s)", None, count)


def choose_return() -> Feedback:
    return error(tr("Choose a return first."))


def receipt_not_kept(order_name: str) -> Feedback:
    return error(
        tr(
            "The return of {order} was received before receipts were kept for printing"
            " again: its receipt cannot be printed here."
        ).format(order=order_name)
    )


def receipt_printing(order_name: str) -> Feedback:
    return Feedback(
        tr("Printing the receipt of the return of {order}…").format(order=order_name), Tone.BUSY
    )


def receipt_printed(order_name: str) -> Feedback:
    return Feedback(
        tr("The receipt of the return of {order} was printed.").format(order=order_name),
        Tone.SUCCESS,
    )
