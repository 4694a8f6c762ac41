"""What the receiving bench says: returns found, units received, processing.

The comment recorded on the return in Redo (:func:`comment`) is the merchant's record,
read in Redo's dashboard rather than at the bench: it is written in English, whatever the
bench's language, with the bench, the packer and the job's ID (which lets the returns
sender recognise it after a lost answer).
"""

from __future__ import annotations

from collections.abc import Sequence

from packstation.packing.receiving import Condition, ReturnLine, Unit, counts_by_condition
from packstation.ui.station.sounds import Sound
from packstation.ui.words.feedback import Feedback, Tone, error, info
from packstation.ui.words.i18n import tr

#: The reasons a damaged unit's note is picked from by scanning 1 to 9 (the default list).
DAMAGE_REASONS = (
    "Torn or broken",
    "Stained or dirty",
    "Worn or used",
    "Missing parts",
    "Wrong item",
    "Packaging damaged",
    "Wet",
    "Tags removed",
    "Other",
)


def reason_labels() -> list[str]:
    """:data:`DAMAGE_REASONS` in the packer's language, numbered as they are scanned."""
    labels = [
        tr("Torn or broken"),
        tr("Stained or dirty"),
        tr("Worn or used"),
        tr("Missing parts"),
        tr("Wrong item"),
        tr("Packaging damaged"),
        tr("Wet"),
        tr("Tags removed"),
        tr("Other"),
    ]
    return [f"{n}. {label}" for n, label in enumerate(labels, start=1)]


def mode_on() -> Feedback:
    return info(
        tr(
            "Receiving returns. Scan the return parcel's label (or its order's slip). PS-PACKING goes back to packing."
        )
    )


def mode_off() -> Feedback:
    return info(tr("Packing orders again. Scan a packing slip."))


def prompt() -> str:
    return tr("Scan the return parcel's label")


def finish_first() -> Feedback:
    return error(tr("Finish or clear the order on the bench first (PS-SHIP or PS-CLEAR)."))


def process_first(order_name: str) -> Feedback:
    return error(
        tr(
            "The return of {order} is open: process it (Ctrl+Enter) or clear it (PS-CLEAR) first."
        ).format(order=order_name)
    )


def looking(code: str) -> Feedback:
    return Feedback(tr("Looking for the return of {code}…").format(code=code[:40]), Tone.BUSY)


def no_return(code: str) -> Feedback:
    return error(
        tr(
            "No open return with this label, order or ID: {code}. Put the parcel aside for your lead."
        ).format(code=code[:40])
    )


def finished(order_name: str, status: str) -> Feedback:
    return error(
        tr("The return of {order} is already {status} in Redo: nothing is sent again.").format(
            order=order_name or "?", status=status
        )
    )


def several(order_name: str, count: int) -> Feedback:
    return error(
        tr("Order {order} has {n} open returns: scan the parcel's label instead.").format(
            order=order_name, n=count
        )
    )


def opened(order_name: str, units: int, exchange: bool) -> Feedback:
    text = tr("Return of {order}: %n item(s) expected. Scan each item.", None, units).format(
        order=order_name
    )
    if exchange:
        text += " " + tr("The customer asked for an exchange.")
    return Feedback(text, Tone.SUCCESS, Sound.GOOD)


def received(line: ReturnLine, count: int, unit: Unit) -> Feedback:
    text = tr("Received {title}: {n} of {m}.").format(title=line.title, n=count, m=line.expected)
    if unit.condition is Condition.DAMAGED:
        text += " " + tr("Damaged: scan a reason (1 to 9) or type a note, then Enter.")
    return Feedback(text, Tone.SUCCESS, Sound.GOOD)


def all_arrived(line: ReturnLine) -> Feedback:
    return error(
        tr("All {m} of {title} are received already. Keep this one apart.").format(
            m=line.expected, title=line.title
        )
    )


def undeclared(code: str) -> Feedback:
    return error(
        tr(
            "Not on this return: {code}. Put it aside: it is recorded as an undeclared item."
        ).format(code=code[:40])
    )


def damaged_next() -> Feedback:
    return info(tr("The next item scanned is received as damaged."))


def noted(note: str) -> Feedback:
    return info(tr("Note: {note}.").format(note=note))


def missing_question(missing: int) -> str:
    return tr(
        "%n unit(s) did not arrive. Process the return anyway (Enter or PS-CONFIRM)? An item "
        "with nothing received is rejected; one partly received is credited for what came. "
        "Esc: go on receiving.",
        None,
        missing,
    )


def clear_question(order_name: str) -> str:
    return tr("Clear the return of {order}? What was received here is forgotten.").format(
        order=order_name
    )


def cleared(order_name: str) -> Feedback:
    return info(tr("The return of {order} is cleared: nothing was sent.").format(order=order_name))


def queued(order_name: str) -> Feedback:
    return Feedback(
        tr("Return of {order} done: sending it to Redo. Scan the next parcel.").format(
            order=order_name
        ),
        Tone.SUCCESS,
        Sound.COMPLETE,
    )


def processed(order_name: str, triggered: bool) -> Feedback:
    if triggered:
        return info(tr("Redo is processing the return of {order}.").format(order=order_name))
    return info(
        tr("Redo prepared the return of {order}; it processes it once everything is ready.").format(
            order=order_name
        )
    )


def held(order_name: str) -> Feedback:
    return error(
        tr("Redo did not take the return of {order}: see Needs attention.").format(order=order_name)
    )


def comment(
    job_id: str,
    *,
    bench: str,
    packer: str,
    lines: Sequence[ReturnLine],
    units: Sequence[Sequence[Unit]],
    undeclared_codes: Sequence[str],
) -> str:
    """The comment recorded on the return in Redo (English: see the module's docstring)."""
    parts = [f"Received at {bench or 'a PackStation bench'} by {packer or 'an unnamed packer'}."]
    for line, got in zip(lines, units, strict=True):
        counts = counts_by_condition(got)
        said = [f"{counts[Condition.SELLABLE]} sellable"] if counts[Condition.SELLABLE] else []
        if counts[Condition.DAMAGED]:
            notes = sorted({u.note for u in got if u.condition is Condition.DAMAGED and u.note})
            damaged = f"{counts[Condition.DAMAGED]} damaged"
            said.append(damaged + (f" ({'; '.join(notes)})" if notes else ""))
        missing = line.expected - len(got)
        if missing:
            said.append(f"{missing} not received")
        parts.append(f"{line.title} ({line.sku or line.item_id}): {', '.join(said)}.")
    if undeclared_codes:
        parts.append("Not on the return: " + ", ".join(undeclared_codes[:20]) + ".")
    parts.append(f"PackStation {job_id}")
    return " ".join(parts)
