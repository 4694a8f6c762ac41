"""Receiving a returned parcel: which units arrived, in what condition, and what Redo is
asked to do with each item of the return.

The rules of the receiving bench, free of Qt and of the network (as ``session.py`` is for
packing). A scan receives one unit of the item it names (SKU, any GTIN form, GS1, the
catalog and taught codes: the same :class:`~packstation.packing.matcher.Matcher`), as
sellable, or as damaged with a short note. A code on none of the return's items is an
undeclared item: refused, and recorded for the return's comment.

What each item becomes (:meth:`ReceivingSession.decisions`), in Redo's terms:

- every expected unit arrived, all sellable: processed, restocked;
- any unit arrived damaged: processed, not restocked;
- no unit arrived: rejected;
- some units arrived, not all (a partly received item): processed as the units that
  arrived say (restocked when they are all sellable), and the customer is credited for
  those units only (``newMerchantAdjustment``: the item's value times the share that
  arrived) when Redo gave the item's value; without a value the item is processed as it
  is and the comment names the units missing, for the merchant to adjust. The bench asks
  before processing a return with missing units.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from packstation.packing.codes import clean_code
from packstation.packing.matcher import Matcher, SkuMatcher
from packstation.redo.models import LineItem

#: Longest note kept for a damaged unit (a reason from the list, or a few typed words).
NOTE_MOST = 120
CENT = Decimal("0.01")


class Condition(StrEnum):
    SELLABLE = "sellable"
    DAMAGED = "damaged"


class Decision(StrEnum):
    RESTOCK = "restock"
    NO_RESTOCK = "no-restock"
    REJECT = "reject"


@dataclass(frozen=True, slots=True)
class ReturnLine:
    """One item of the return, as the bench shows and matches it."""

    item_id: str
    title: str
    expected: int
    sku: str | None = None
    #: What the customer is credited for the whole item, when Redo says.
    value: Decimal | None = None
    image_url: str | None = None
    reason: str = ""
    customer_comment: str = ""
    #: The item's UPC as Redo gives it on the return: a scan of it receives the item.
    upc: str | None = None


@dataclass(frozen=True, slots=True)
class Unit:
    condition: Condition = Condition.SELLABLE
    note: str = ""


@dataclass(frozen=True, slots=True)
class ItemDecision:
    item_id: str
    decision: Decision
    #: The credit for a partly received item, when its value is known.
    adjustment: Decimal | None = None
    received: int = 0
    expected: int = 0


# --- what a scan did ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Received:
    code: str
    line_index: int
    unit: Unit
    received: int
    expected: int
    units: int = 1

    @property
    def line_complete(self) -> bool:
        return self.received >= self.expected


@dataclass(frozen=True, slots=True)
class AllArrived:
    """Every unit of the item is received already: one more is not on the return."""

    code: str
    line_index: int
    expected: int


@dataclass(frozen=True, slots=True)
class Undeclared:
    """The code is on none of the return's items (recorded for the comment)."""

    code: str


@dataclass(frozen=True, slots=True)
class Unreadable:
    raw: str


ReceiveOutcome = Received | AllArrived | Undeclared | Unreadable


@dataclass
class ReceivingSession:
    return_id: str
    lines: tuple[ReturnLine, ...]
    matcher: Matcher = field(default_factory=SkuMatcher)
    _units: list[list[Unit]] = field(init=False)
    _undeclared: list[str] = field(init=False, default_factory=list)
    #: Each step as (line index, units before it), or (-1, undeclared count before it).
    _undo: list[tuple[int, list[Unit] | int]] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self._units = [[] for _ in self.lines]
        # The matcher reads order lines: each return item stands as one.
        self._as_lines = tuple(
            LineItem(
                id=line.item_id,
                product_id=line.item_id,
                title=line.title,
                sku=line.sku,
                quantity=max(1, line.expected),
            )
            for line in self.lines
        )

    # --- reading -----------------------------------------------------------------------

    def units(self, index: int) -> tuple[Unit, ...]:
        return tuple(self._units[index])

    def received(self, index: int) -> int:
        return len(self._units[index])

    @property
    def undeclared(self) -> tuple[str, ...]:
        return tuple(self._undeclared)

    @property
    def total_received(self) -> int:
        return sum(len(units) for units in self._units)

    @property
    def total_expected(self) -> int:
        return sum(line.expected for line in self.lines)

    def missing(self) -> dict[int, int]:
        """Line index -> units expected that did not arrive (only lines short of some)."""
        return {
            i: line.expected - len(units)
            for i, (line, units) in enumerate(zip(self.lines, self._units, strict=True))
            if len(units) < line.expected
        }

    def names_an_item(self, code: str) -> bool:
        """Whether ``code`` is one of the return's items (an item, not a typed note)."""
        match = self.matcher.match(clean_code(code), self._as_lines)
        return match is not None and bool(match.line_indexes)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    # --- receiving ---------------------------------------------------------------------

    def scan(
        self,
        raw: str,
        condition: Condition = Condition.SELLABLE,
        note: str = "",
        multiplier: int = 1,
    ) -> ReceiveOutcome:
        """Receive the unit(s) ``raw`` names, in ``condition``; or say why not."""
        code = clean_code(raw)
        if not code:
            return Unreadable(raw[:64])
        match = self.matcher.match(code, self._as_lines)
        if match is None or not match.line_indexes:
            self._undo.append((-1, len(self._undeclared)))
            self._undeclared.append(code)
            return Undeclared(code)
        count = match.units * max(1, multiplier)
        unit = Unit(condition, note.strip()[:NOTE_MOST])
        for index in match.line_indexes:
            line, units = self.lines[index], self._units[index]
            if len(units) + count <= line.expected:
                self._undo.append((index, list(units)))
                units.extend([unit] * count)
                return Received(code, index, unit, len(units), line.expected, count)
        first = match.line_indexes[0]
        return AllArrived(code, first, self.lines[first].expected)

    def note_last(self, index: int, note: str) -> None:
        """The note for the damaged unit(s) received last on line ``index`` (asked after the
        scan: by a reason's number, or typed)."""
        units = self._units[index]
        if not units or units[-1].condition is not Condition.DAMAGED:
            return
        last = units[-1]
        tail = 0
        while tail < len(units) and units[-1 - tail] == last:
            tail += 1
        noted = Unit(Condition.DAMAGED, note.strip()[:NOTE_MOST])
        units[len(units) - tail :] = [noted] * tail

    def set_received(self, index: int, count: int) -> int:
        """Set a line's received count (``+``/``-``): units added are sellable, units taken
        away are the last received; clamped to 0..expected. Returns the count set."""
        line, units = self.lines[index], self._units[index]
        value = max(0, min(count, line.expected))
        if value != len(units):
            self._undo.append((index, list(units)))
            if value < len(units):
                del units[value:]
            else:
                units.extend([Unit()] * (value - len(units)))
        return value

    def undo(self) -> int | None:
        """Take back the last step; the line it touched (-1: an undeclared item), or None."""
        if not self._undo:
            return None
        index, before = self._undo.pop()
        if index < 0:
            assert isinstance(before, int)
            del self._undeclared[before:]
        else:
            assert isinstance(before, list)
            self._units[index] = before
        return index

    # --- keeping -----------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """What arrived, by item ID, and the undeclared codes: kept after every change."""
        return {
            "units": {
                line.item_id: [[u.condition.value, u.note] for u in units]
                for line, units in zip(self.lines, self._units, strict=True)
                if units
            },
            "undeclared": list(self._undeclared),
        }

    def restore(self, kept: dict[str, Any]) -> None:
        """What :meth:`to_json` kept, onto these lines (an item no longer on the return is
        left out; nothing is undoable after a restore)."""
        units = kept.get("units", {})
        for index, line in enumerate(self.lines):
            got = [Unit(Condition(c), str(n)) for c, n in units.get(line.item_id, [])]
            self._units[index] = got[: line.expected]
        self._undeclared = [str(code) for code in kept.get("undeclared", [])]
        self._undo.clear()

    # --- processing --------------------------------------------------------------------

    def decisions(self) -> list[ItemDecision]:
        """What Redo is asked to do with each item (see the module's docstring)."""
        out = []
        for line, units in zip(self.lines, self._units, strict=True):
            got = len(units)
            if got == 0:
                out.append(ItemDecision(line.item_id, Decision.REJECT, None, 0, line.expected))
                continue
            damaged = any(u.condition is Condition.DAMAGED for u in units)
            decision = Decision.NO_RESTOCK if damaged else Decision.RESTOCK
            adjustment = None
            if got < line.expected and line.value is not None and line.expected > 0:
                share = line.value * got / line.expected
                adjustment = share.quantize(CENT, rounding=ROUND_HALF_UP)
            out.append(ItemDecision(line.item_id, decision, adjustment, got, line.expected))
        return out


def counts_by_condition(units: Sequence[Unit]) -> dict[Condition, int]:
    """How many units arrived in each condition (for the comment and the receipt)."""
    counts = dict.fromkeys(Condition, 0)
    for unit in units:
        counts[unit.condition] += 1
    return counts
