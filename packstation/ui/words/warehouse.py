"""What the bench says in warehouse mode: claims, take-overs, the warehouse out of reach."""

from __future__ import annotations

import re
import time
from datetime import datetime
from typing import TYPE_CHECKING

from packstation.ui.station.sounds import Sound
from packstation.ui.words.feedback import Feedback, Tone, error
from packstation.ui.words.i18n import tr
from packstation.warehouse.claims import Holder
from packstation.warehouse.errors import (
    SchemaMissing,
    SchemaTooNew,
    WarehouseError,
    WarehouseOffline,
)

if TYPE_CHECKING:
    from packstation.warehouse.address import WarehouseAddress

#: A bench not seen for longer than this is gone (it reports at least every 20 s).
GONE_AFTER_S = 120


def _since(at: datetime) -> str:
    """A server time as this computer's clock reads it (HH:MM)."""
    return time.strftime("%H:%M", time.localtime(at.timestamp()))


def _who(holder: Holder) -> str:
    if holder.packer:
        return tr("{bench} ({packer})").format(bench=holder.bench, packer=holder.packer)
    return holder.bench


def held_elsewhere(ref: str, holder: Holder) -> Feedback:
    """Another bench scanned this slip first: which bench, which packer, since when."""
    return error(
        tr(
            "Order {ref} is being packed at {who} since {since}. Leave it to them, "
            "or a lead scans PS-TAKEOVER to move it here."
        ).format(ref=ref, who=_who(holder), since=_since(holder.since))
    )


def return_held_elsewhere(order_name: str, holder: Holder) -> Feedback:
    """Another bench is receiving this return's parcel (warehouse mode)."""
    return error(
        tr(
            "The return of {order} is being received at {who} since {since}. Put this "
            "parcel with theirs, or ask your lead."
        ).format(order=order_name, who=_who(holder), since=_since(holder.since))
    )


def taken_over(ref: str, bench: str) -> Feedback:
    """This bench lost the order: it is closed here and cannot ship."""
    if bench:
        text = tr(
            "Order {ref} is now packed at {bench}. It is closed here: take the items out of "
            "the box and hand them over."
        ).format(ref=ref, bench=bench)
    else:
        text = tr(
            "Order {ref} is no longer this bench's (a lead released it, or its claim ran out "
            "while this bench was away). It is closed here: take the items out of the box."
        ).format(ref=ref)
    return error(text)


def took_over(ref: str, holder: Holder | None, lead: str) -> str:
    if holder is None:
        return tr("{lead} took order {ref} over to this bench.").format(lead=lead, ref=ref)
    return tr("{lead} took order {ref} over from {who}.").format(
        lead=lead, ref=ref, who=_who(holder)
    )


def takeover_action() -> str:
    return tr("Taking over an order")


def nothing_to_take_over() -> Feedback:
    return error(
        tr("Nothing to take over: scan the slip of the order open at another bench first.")
    )


def conflict(ref: str, holder: Holder) -> Feedback:
    """Packed here while the warehouse was out of reach; another bench holds it now."""
    return Feedback(
        tr(
            "Order {ref} is also open at {who}: it was opened here while the warehouse was "
            "offline. Tell your lead before shipping it."
        ).format(ref=ref, who=_who(holder)),
        Tone.WARNING,
        Sound.ERROR,
    )


def unchecked(reason: WarehouseError) -> str:
    """Appended once per order when its claim could not be checked."""
    if isinstance(reason, SchemaTooNew):
        return tr(
            "The warehouse was upgraded by a newer PackStation: this bench cannot check "
            "whether another bench packs this order."
        )
    if isinstance(reason, SchemaMissing):
        return tr(
            "The warehouse is not set up yet (packstation warehouse init): this bench cannot "
            "check whether another bench packs this order."
        )
    return tr("Warehouse offline: make sure no other bench packs this order.")


def status(online: bool | None, reason: WarehouseError | None) -> str:
    """The status bar's word on the warehouse."""
    if online:
        return tr("◆ Warehouse")
    if online is None:
        return tr("◇ Warehouse: connecting…")
    if isinstance(reason, SchemaTooNew | SchemaMissing):
        return tr("◇ Warehouse: not usable")
    return tr("◇ Warehouse offline")


def status_tip(reason: WarehouseError | None) -> str:
    """The status bar's tooltip, for IT."""
    if isinstance(reason, WarehouseOffline) and reason.reason:
        return tr("The warehouse cannot be reached: {reason}").format(reason=reason.reason)
    if reason is not None:
        return unchecked(reason)
    return tr("Claims, the catalog and labels are shared with the other benches.")


# ---------------------------------------------------------------- the lead's view


def releasing_action() -> str:
    return tr("Releasing a claim")


def badge_for_releasing() -> str:
    return tr(
        "Who is releasing it? Scan your badge (PS-USER-name) now, or Esc / PS-CANCEL. "
        "A claim is released by a person, not by the station."
    )


def seen_text(age: float, last_seen: datetime) -> str:
    """How long ago a bench said it is here; "gone" past :data:`GONE_AFTER_S`."""
    if age > GONE_AFTER_S:
        if age < 3600:
            return tr("✖ Gone for %n min", None, int(age // 60))
        return tr("✖ Gone since {when}").format(when=clock(last_seen, dated=True))
    if age < 10:
        return tr("just now")
    if age < 60:
        return tr("%n second(s) ago", None, int(age))
    return tr("%n minute(s) ago", None, int(age // 60))


def natural(name: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that puts Bench 2 before Bench 10."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", name)
        if part
    )


def where(address: WarehouseAddress) -> str:
    """The warehouse in words of no language: its database, host and port."""
    host = "localhost" if not address.host or address.host.startswith("/") else address.host
    return f"{address.dbname} · {host}:{address.port}"


def clock(at: datetime, dated: bool = False) -> str:
    local = at.astimezone()
    if dated and local.date() != datetime.now().astimezone().date():
        return local.strftime("%Y-%m-%d %H:%M")
    return local.strftime("%H:%M")
