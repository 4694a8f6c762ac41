"""What the packer sees and hears: pure functions from outcomes, errors and sender events
to (text, tone, sound).

The sentences of the packing session's outcomes and of the outbox's events, kept apart
from the code that decides, so that each can be read, tested and translated where it is
written. The bench's own state and a lead's actions are ``bench.py``; errors and reasons
from below ``ui/`` are ``problems.py``; start-up's are ``starting.py``; the command barcodes' are ``commands.py``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum

from packstation.packing import (
    AlreadyComplete,
    DuplicateSerial,
    Invalid,
    LineState,
    NothingToShip,
    Packed,
    PackingSession,
    ScanOutcome,
)
from packstation.packing.router import UnknownKind
from packstation.redo.errors import RedoError
from packstation.store.items import OutboxItem  # not the package: it imports store.station
from packstation.store.sender import Delivered, NeedsAttention, WillRetry
from packstation.ui.station.sounds import Sound
from packstation.ui.words.i18n import tr
from packstation.ui.words.problems import reason_text, redo_text


class Tone(StrEnum):
    INFO = "info"
    BUSY = "busy"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Feedback:
    text: str
    tone: Tone = Tone.INFO
    sound: Sound | None = None


def items(n: int) -> str:
    return tr("%n item(s)", None, n)


def error(text: str) -> Feedback:
    return Feedback(text, Tone.ERROR, Sound.ERROR)


def info(text: str) -> Feedback:
    return Feedback(text, Tone.INFO)


# ---------------------------------------------------------------- the state of the bench


def not_set_up(store_id: str) -> str:
    """Why the bench cannot load orders: a store with no token on this computer is not "not
    set up" (IT set the store; the token is per computer, in its keyring)."""
    if store_id:
        return tr(
            "No API token for store {store} on this computer: open Settings (top right) "
            "and enter it."
        ).format(store=store_id)
    return tr("Not set up yet: open Settings (top right) to enter the store ID and token.")


def hint(
    session: PackingSession | None, *, configured: bool, demo: bool = False, store_id: str = ""
) -> Feedback:
    """What to do next, when nothing else needs saying."""
    if session is None:
        if not configured and not demo:
            return Feedback(not_set_up(store_id), Tone.WARNING)
        return info(tr("Ready. Scan a packing slip."))
    if session.nothing_to_ship:
        return info(tr("Nothing left to pack in this order. Press Esc for the next order."))
    if session.all_packed:
        return info(tr("All packed. Scan the shipping label, then Ctrl+Enter."))
    return info(tr("Scan the next item."))


def order_opened(ref: str, session: PackingSession) -> Feedback:
    if session.nothing_to_ship:
        return Feedback(
            tr("Order {ref} is already fully shipped. Nothing to pack.").format(ref=ref),
            Tone.WARNING,
            Sound.ERROR,
        )
    if session.in_flight:
        return Feedback(
            tr(
                "Order {ref}: some items are still being sent from this bench; "
                "they are not counted again."
            ).format(ref=ref),
            Tone.WARNING,
        )
    return Feedback(
        tr("Order {ref}: {items} to pack. Scan the first item.").format(
            ref=ref, items=items(session.total_remaining)
        ),
        Tone.INFO,
        Sound.GOOD,
    )


def loading(ref: str) -> Feedback:
    return Feedback(tr("Loading order {ref}…").format(ref=ref), Tone.BUSY)


def held(waiting_for: str, n: int) -> Feedback:
    return Feedback(
        waiting_for + " " + tr("%n scan(s) waiting; they are handled in order.", None, n),
        Tone.BUSY,
    )


# ---------------------------------------------------------------- scans


def packed(outcome: Packed, line: LineState, session: PackingSession, ready: bool) -> Feedback:
    if session.all_packed:
        follow = tr("Press Ctrl+Enter to ship.") if ready else tr("Now scan the shipping label.")
        return Feedback(
            tr("All {items} packed. {next}").format(items=items(session.total_packed), next=follow),
            Tone.SUCCESS,
            Sound.COMPLETE,
        )
    text = tr("Packed {title}: {packed} of {remaining}").format(
        title=line.item.title, packed=line.packed, remaining=line.remaining
    )
    if outcome.units > 1:
        text = tr("Packed {n} × {title}: {packed} of {remaining}").format(
            n=outcome.units, title=line.item.title, packed=line.packed, remaining=line.remaining
        )
    if line.complete:
        text += " " + tr("(line complete)")
    return Feedback(text, Tone.SUCCESS, Sound.GOOD)


def refused(outcome: ScanOutcome, session: PackingSession) -> Feedback:
    """An item scan the session did not take; the numbers say exactly why."""
    if isinstance(outcome, AlreadyComplete):
        title = session.line(outcome.line_index).item.title
        if outcome.remaining == 0:
            return error(
                tr("{title}: this item was already shipped. Keep it out of the box.").format(
                    title=title
                )
            )
        if outcome.units > 1 and outcome.left > 0:
            return error(
                tr("{title}: {units} is more than the {left} left. Nothing was packed.").format(
                    title=title, units=outcome.units, left=outcome.left
                )
            )
        return error(
            tr(
                "Too many: {title} is already complete ({n} of {n}). Keep it out of the box."
            ).format(title=title, n=outcome.remaining)
        )
    if isinstance(outcome, DuplicateSerial):
        title = session.line(outcome.line_index).item.title
        if outcome.box > 0:
            return error(
                tr(
                    "{title} with serial {serial} already went in box {box} of this order: "
                    "the same unit was scanned twice. Nothing was packed."
                ).format(title=title, serial=outcome.serial, box=outcome.box)
            )
        if outcome.box < 0:
            return error(
                tr(
                    "{title} with serial {serial} already went in an earlier shipment of this "
                    "order: the same unit was scanned twice. Nothing was packed."
                ).format(title=title, serial=outcome.serial)
            )
        return error(
            tr(
                "{title} with serial {serial} is already packed in this order: the same unit "
                "was scanned twice. Nothing was packed."
            ).format(title=title, serial=outcome.serial)
        )
    if isinstance(outcome, NothingToShip):
        return error(tr("This order is already fully shipped. Nothing to pack."))
    if isinstance(outcome, Invalid):
        return error(tr("That scan was unreadable. Scan again."))
    return not_in_order(outcome.code)


def not_in_order(code: str) -> Feedback:
    return error(
        tr(
            "Not in this order: {code}. Keep it out of the box. (Lead: F4 teaches it to a line.)"
        ).format(code=code)
    )


def unknown(code: str, kind: UnknownKind) -> Feedback:
    if kind is UnknownKind.NOT_A_COMMAND:
        return error(
            tr("{code} is not a PackStation command. Check the command sheet.").format(code=code)
        )
    return not_in_order(code)


def removed(line: LineState) -> Feedback:
    """One less: never shown as a success."""
    return Feedback(
        tr("Removed one {title}: {packed} of {remaining} packed.").format(
            title=line.item.title, packed=line.packed, remaining=line.remaining
        ),
        Tone.INFO,
        Sound.GOOD,
    )


def added(line: LineState, all_packed: bool) -> Feedback:
    return Feedback(
        tr("Added one {title}: {packed} of {remaining}").format(
            title=line.item.title, packed=line.packed, remaining=line.remaining
        ),
        Tone.SUCCESS,
        Sound.COMPLETE if all_packed else Sound.GOOD,
    )


def undone(lines: list[LineState]) -> Feedback:
    if len(lines) == 1:
        line = lines[0]
        return info(
            tr("Undone: {title} is back to {packed} of {remaining}.").format(
                title=line.item.title, packed=line.packed, remaining=line.remaining
            )
        )
    return info(tr("Undone: %n line(s) put back as they were.", None, len(lines)))


def no_order_for(code: str, kind: str) -> Feedback:
    """A code with no order open that Redo does not know as an order: say what it looks like."""
    if kind == "item":
        return error(tr("{code} is an item: scan the packing slip first.").format(code=code))
    if kind == "label":
        return error(
            tr("{code} is a shipping label: scan the packing slip first.").format(code=code)
        )
    return error(
        tr(
            "No order {code} in Redo. Scan the packing slip's order barcode "
            "(an item or a label only counts once an order is open)."
        ).format(code=code)
    )


def load_failed(exc: BaseException) -> Feedback:
    """A call to Redo that failed (an order, a status update): its problem in words."""
    if isinstance(exc, RedoError):
        return error(redo_text(exc.problem))
    return error(tr("Something went wrong loading the order."))


def storage_failed(exc: BaseException) -> Feedback:
    return error(
        tr(
            "Could not save to this computer's disk ({error}). The last change was not kept."
        ).format(error=type(exc).__name__)
    )


def tracking_set(code: str, carrier: str, ready_to_ship: bool) -> Feedback:
    text = tr("Tracking {code} ({carrier}).").format(
        code=code, carrier=carrier or tr("carrier not recognised: choose one")
    )
    if ready_to_ship:
        text += " " + tr("Press Ctrl+Enter to ship.")
    return Feedback(text, Tone.SUCCESS, Sound.GOOD)


def countdown(left: float) -> Feedback:
    # A calm tone: the countdown is the bench working as intended, not a warning.
    return Feedback(
        tr("All packed. Shipping in {s:.1f} s… (Esc or PS-CANCEL to stop)").format(s=left),
        Tone.BUSY,
    )


# ---------------------------------------------------------------- the outbox


def _tracking_words(item: OutboxItem, number: str = "") -> str:
    summary = item.summary
    if summary.dummy:
        return tr("dummy tracking {code}").format(code=number).strip()
    return f"{summary.carrier} {summary.tracking}"


def shipping(ref: str, n: int) -> Feedback:
    return Feedback(
        tr("Shipping order {ref}: {items}… Scan the next packing slip.").format(
            ref=ref, items=items(n)
        ),
        Tone.BUSY,
    )


def delivered(event: Delivered) -> Feedback:
    summary = event.item.summary
    ref = (
        tr("{ref} · box {n}").format(ref=summary.order_ref, n=summary.box)
        if summary.box
        else summary.order_ref
    )
    return Feedback(
        tr("Shipped order {ref}: {items} · {tracking}").format(
            ref=ref,
            items=items(summary.units),
            tracking=_tracking_words(event.item, event.fulfillment.tracking_number or ""),
        ),
        Tone.SUCCESS,
        Sound.SHIPPED,
    )


def needs_attention(event: NeedsAttention) -> Feedback:
    return error(
        tr("Order {ref} was NOT shipped: {message} See Needs attention below.").format(
            ref=event.item.summary.order_ref, message=reason_text(event.reason)
        )
    )


def will_retry(event: WillRetry) -> Feedback:
    due = event.next_attempt_at or time.time() + event.delay
    when = time.strftime("%H:%M:%S", time.localtime(due))
    return Feedback(
        tr("Order {ref} is waiting to be sent: {message} Next try at {when}.").format(
            ref=event.item.summary.order_ref, message=reason_text(event.reason), when=when
        ),
        Tone.WARNING,
    )


def order_changes(old: PackingSession, new: PackingSession) -> list[str]:
    """What changed in Redo between two readings of the open order, line by line."""
    changes: list[str] = []
    old_lines = {line.item.id: line for line in old.lines()}
    for line in new.lines():
        before = old_lines.pop(line.item.id, None)
        if before is None:
            changes.append(tr("new line {title}").format(title=line.item.title))
            continue
        if line.remaining != before.remaining:
            changes.append(
                tr("{title}: {a} → {b} left to ship").format(
                    title=line.item.title, a=before.remaining, b=line.remaining
                )
            )
        if line.packed != before.packed:
            changes.append(
                tr("{title}: packed count reduced from {a} to {b}").format(
                    title=line.item.title, a=before.packed, b=line.packed
                )
            )
    for gone in old_lines.values():
        changes.append(tr("{title} was removed from the order").format(title=gone.item.title))
    return changes
