"""Where a scan goes: the bench's routing rules as one pure function.

No order open: it is an order reference. Order open: a command, then an item of
the order, then a tracking number, then another order's slip, else unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

from packstation.packing.codes import clean_code
from packstation.packing.commands import CommandScan, is_command_like, parse_command
from packstation.packing.session import PackingSession
from packstation.packing.tracking import TrackingGuess, candidates


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


@dataclass(frozen=True, slots=True)
class Unknown:
    code: str
    reason: str


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
        return Unknown(code, "not a PackStation command (check the command sheet)")
    if session is None:
        return OrderReference(code)
    if session.matcher.match(code, session.order.line_items) is not None:
        return ItemScan(code)
    if looks_like_slip(code) or code == session.order_id:
        return OtherSlip(code)
    guesses = tuple(candidates(code))
    if guesses:
        return TrackingScan(code, guesses)
    return Unknown(code, "not in this order")
