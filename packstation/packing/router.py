"""Where a scan goes: the bench's routing rules as one pure function.

No order open: it is an order reference. Order open: a command, then an item of
the order, then a tracking number, then another order's slip, else unknown.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum

from packstation.packing.codes import clean_code
from packstation.packing.commands import CommandScan, is_command_like, parse_command
from packstation.packing.session import PackingSession
from packstation.packing.tracking import TrackingGuess, candidates

log = logging.getLogger("packstation.router")


@dataclass(frozen=True, slots=True)
class OrderReference:
    code: str


@dataclass(frozen=True, slots=True)
class ItemScan:
    """An item of the open order (the session decides packed or refused)."""

    code: str


@dataclass(frozen=True, slots=True)
class TrackingScan:
    code: str
    guesses: tuple[TrackingGuess, ...]


@dataclass(frozen=True, slots=True)
class OtherSlip:
    """Looks like another order's packing slip."""

    code: str


class UnknownKind(Enum):
    """Why a scan was not understood; the window words it."""

    #: Starts like a command barcode (``PS-``) but is none: a misprint or an old sheet.
    NOT_A_COMMAND = "not-a-command"
    #: Nothing of the open order, no label, no slip.
    NOT_IN_ORDER = "not-in-order"


@dataclass(frozen=True, slots=True)
class Unknown:
    code: str
    kind: UnknownKind


@dataclass(frozen=True, slots=True)
class Empty:
    code: str


Route = CommandScan | OrderReference | ItemScan | TrackingScan | OtherSlip | Unknown | Empty


def looks_like_slip(code: str) -> bool:
    """Order names are printed on slips as ``#1001``; Shopify-style names may carry a prefix."""
    return code.startswith("#") and len(code) > 1


def route(raw: str, session: PackingSession | None) -> Route:
    code = clean_code(raw)
    if not code:
        return Empty(raw[:64])
    command = parse_command(code)
    if command is not None:
        return command
    if is_command_like(code):
        return Unknown(code, UnknownKind.NOT_A_COMMAND)
    if session is None:
        return OrderReference(code)
    if _matches(session, code):
        return ItemScan(code)
    if looks_like_slip(code) or code == session.order_id:
        return OtherSlip(code)
    guesses = _tracking(code)
    if guesses:
        return TrackingScan(code, guesses)
    return Unknown(code, UnknownKind.NOT_IN_ORDER)


# The parsers below are third-party code fed with whatever a scanner sends: a code they
# cannot digest is "not a product code" or "not a tracking number", never a crash.


def _matches(session: PackingSession, code: str) -> bool:
    try:
        return session.matcher.match(code, session.order.line_items) is not None
    except Exception:
        log.warning("item matcher failed on %r", code[:80], exc_info=True)
        return False


def _tracking(code: str) -> tuple[TrackingGuess, ...]:
    try:
        return tuple(candidates(code))
    except Exception:
        log.warning("tracking-number parser failed on %r", code[:80], exc_info=True)
        return ()
