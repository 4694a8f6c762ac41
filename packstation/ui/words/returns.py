"""What the receiving bench says: returns found, units received, processing, and the
return receipt printed for the tote (:func:`receipt_facts` and the rest of its section).

The comment recorded on the return in Redo (:func:`comment`) is the merchant's record,
read in Redo's dashboard rather than at the bench: it is written in English, whatever the
bench's language, with the bench, the packer and the job's ID (which lets the returns
sender recognise it after a lost answer).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from packstation.config import DAMAGE_REASONS
from packstation.packing.receiving import Condition, ReturnLine, Unit, counts_by_condition
from packstation.store.returns_outbox import ReturnJob
from packstation.ui.printing.slips import PrintError
from packstation.ui.station.sounds import Sound
from packstation.ui.words.feedback import Feedback, Tone, error, info
from packstation.ui.words.i18n import tr
from packstation.ui.words.problems import reason_text


def _reasons() -> dict[str, str]:
    """The default :data:`~packstation.config.DAMAGE_REASONS` in the packer's language."""
    return {
        "Torn or broken": tr("Torn or broken"),
        "Stained or dirty": tr("Stained or dirty"),
        "Worn or used": tr("Worn or used"),
        "Missing parts": tr("Missing parts"),
        "Wrong item": tr("Wrong item"),
        "Packaging damaged": tr("Packaging damaged"),
        "Wet": tr("Wet"),
        "Tags removed": tr("Tags removed"),
        "Other": tr("Other"),
    }


def reason_labels(reasons: Sequence[str] = DAMAGE_REASONS) -> list[str]:
    """The reasons numbered as they are scanned; the default ones in the packer's language
    (a list IT wrote is shown as written)."""
    return [f"{n}. {damage_note_text(r)}" for n, r in enumerate(reasons, start=1)]


def damage_note_text(note: str) -> str:
    """A damaged unit's note in the packer's language: a default reason (kept in English,
    for Redo's comment) translated; a reason IT wrote, or words typed by hand, as written."""
    return _reasons().get(note, note)


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


def held_entry(job: ReturnJob, at: str) -> str:
    """A held return in Needs attention: which, when, and Redo's reason."""
    head = tr("Return of {order} · received {when}").format(order=job.order_name, when=at)
    return head + "\n" + held_why(job)


def held_why(job: ReturnJob) -> str:
    """Why a return is held, with Redo's reason (Needs attention and the History)."""
    if job.error_kind == "comment":
        why = tr("Processed in Redo; the comment was not taken: {reason}")
    else:
        why = tr("Redo did not take it: {reason}")
    reason = reason_text(job.reason) if job.reason is not None else job.last_error[:300]
    return why.format(reason=reason)


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


# --- the return receipt (read at the bench: in the bench's language) -----------------


def receipt_title() -> str:
    return tr("Return receipt")


def receipt_heading(order_name: str) -> str:
    return tr("Return of {order}").format(order=order_name or "?")


def receipt_facts(
    return_id: str, when: dt.datetime, bench: str, packer: str
) -> list[tuple[str, str]]:
    """Label and value of each fact under the barcode (no "Received by: —" for nobody)."""
    facts = [
        (tr("Return ID"), return_id),
        (tr("Date"), when.strftime("%Y-%m-%d %H:%M")),
        (tr("Bench"), bench or "—"),
    ]
    if packer:
        facts.append((tr("Received by"), packer))
    return facts


def receipt_exchange() -> str:
    return tr("The customer asked for an exchange.")


def receipt_columns() -> tuple[str, str, str, str, str]:
    """The items table's heads: item, SKU, expected, sellable, damaged."""
    return tr("Item"), tr("SKU"), tr("Expected"), tr("Sellable"), tr("Damaged")


def receipt_damage(notes: Sequence[tuple[str, int]]) -> str:
    """The damaged units' notes under their item: "Damaged: Wet × 2; Torn or broken"."""
    said = [damage_note_text(note) + (f" × {units}" if units > 1 else "") for note, units in notes]
    return tr("Damaged: {notes}").format(notes="; ".join(said))


def receipt_missing_head() -> str:
    return tr("Not received")


def receipt_missing(title: str, sku: str, missing: int, expected: int) -> str:
    item = f"{title} ({sku})" if sku else title
    return tr("{item}: {missing} of {expected} not received").format(
        item=item, missing=missing, expected=expected
    )


def receipt_all_arrived() -> str:
    return tr("Every unit expected arrived.")


def receipt_undeclared_head() -> str:
    return tr("Not on the return (undeclared, put aside)")


def receipt_undeclared(code: str, scans: int) -> str:
    return code + (f" × {scans}" if scans > 1 else "")


def receipt_more(count: int) -> str:
    return tr("+%n more", None, count)


def receipt_total(received: int, expected: int) -> str:
    return tr("Units received: {received} of {expected}").format(
        received=received, expected=expected
    )


def receipt_barcode_refused(return_id: str) -> str:
    return tr("The return ID {id} cannot be printed as a barcode.").format(id=return_id)


def receipt_not_printed(order_name: str, exc: BaseException) -> str:
    """Which receipt did not print, and why (a ``PrintError`` says why in words)."""
    reason = (
        str(exc)
        if isinstance(exc, PrintError)
        else tr("{error} while printing.").format(error=type(exc).__name__)
    )
    return tr("The receipt for the return of {order} did not print: {reason}").format(
        order=order_name or "?", reason=reason
    )


def find_failed(exc: BaseException) -> str:
    """Why the return of a scan could not be looked for now (Redo's problem in words)."""
    from packstation.ui.words.problems import error_text

    return error_text(exc) if hasattr(exc, "problem") else tr("The return could not be found now.")
