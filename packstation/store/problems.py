"""What the store has to tell, as kinds and facts: never as sentences.

- why a shipment is held or waiting (:data:`Reason`): a problem of the Redo client
  (``redo.errors.Problem``) or one the sender found itself (:class:`ShipmentProblem`).
  It is stored with the outbox row (``error_facts``, :func:`reason_to_json`) and worded
  when it is shown, in the language the bench speaks then (``ui/words/problems.py``);
- what opening the station database had to do (:class:`StationNotice`);
- why it could not be opened at all (:class:`StationDatabaseError` and its kinds).

``str()`` of each is technical English for the log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from enum import StrEnum
from pathlib import Path

from packstation.redo.errors import Problem, clean_text


class ShipmentProblemKind(StrEnum):
    """Why the sender did not send a shipment, when Redo itself did not refuse it."""

    #: A line of the box is no longer part of the order: ``line`` (its ID).
    LINE_GONE = "line_gone"
    #: The box holds more than the order has left: ``title``, ``left``, ``held``.
    SHIPPED_ELSEWHERE = "shipped_elsewhere"
    #: Redo answered 404 for the order: ``order_ref``.
    ORDER_UNKNOWN = "order_unknown"
    #: Redo says the fulfillment ID exists, but the order does not show it.
    EXISTS_ELSEWHERE = "exists_elsewhere"
    #: The order shows a fulfillment with this shipment's ID, but other line items or
    #: quantities than were sent: Redo does not have this box as packed.
    NOT_AS_SENT = "not_as_sent"
    #: A bug in the sender; the attempt is made again.
    UNEXPECTED = "unexpected"
    #: The outbox row cannot be read; it is never sent (``store.items``).
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class ShipmentProblem:
    """A :class:`ShipmentProblemKind` and its facts (texts cleaned and bounded)."""

    kind: ShipmentProblemKind
    line: str = ""
    title: str = ""
    left: int = 0
    held: int = 0
    order_ref: str = ""

    def __post_init__(self) -> None:
        for name in ("line", "title", "order_ref"):
            object.__setattr__(self, name, clean_text(getattr(self, name)))

    def __str__(self) -> str:
        return _technical(self.kind.value, self)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"kind": self.kind.value}
        data.update(_set_facts(self))
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ShipmentProblem:
        """Raises ``ValueError``/``TypeError``/``KeyError`` for data it did not write."""

        def text(key: str) -> str:
            value = data.get(key, "")
            if not isinstance(value, str):
                raise TypeError(f"a shipment problem's {key} is text")
            return value

        def count(key: str) -> int:
            value = data.get(key, 0)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"a shipment problem's {key} is a whole number")
            return value

        return cls(
            ShipmentProblemKind(text("kind")),
            line=text("line"),
            title=text("title"),
            left=count("left"),
            held=count("held"),
            order_ref=text("order_ref"),
        )


#: Why a shipment is held under Needs attention or waits for its next attempt.
Reason = Problem | ShipmentProblem

#: The reason of a row that cannot be read (it needs no facts).
UNREADABLE_REASON = ShipmentProblem(ShipmentProblemKind.UNREADABLE)


def reason_to_json(reason: Reason) -> str:
    """The reason for the outbox's ``error_facts`` column."""
    source = "redo" if isinstance(reason, Problem) else "outbox"
    return json.dumps({source: reason.to_json()}, ensure_ascii=False)


def reason_from_json(text: str) -> Reason | None:
    """The reason ``reason_to_json`` wrote; None for anything else (an older row's ``""``,
    a newer version's kind, damage): such a row shows its stored text instead."""
    if not text:
        return None
    try:
        data = json.loads(text)
        if isinstance(data, dict) and isinstance(data.get("redo"), dict):
            return Problem.from_json(data["redo"])
        if isinstance(data, dict) and isinstance(data.get("outbox"), dict):
            return ShipmentProblem.from_json(data["outbox"])
    except (ValueError, TypeError, KeyError, RecursionError):
        return None
    return None


def technical(reason: Reason) -> str:
    """The reason on one line for the log (and for an older PackStation reading the row)."""
    if isinstance(reason, Problem):
        return _technical(f"redo {reason.kind.value}", reason)
    return str(reason)


def _set_facts(facts: Problem | ShipmentProblem) -> dict[str, object]:
    found: dict[str, object] = {}
    for f in fields(facts)[1:]:
        value = getattr(facts, f.name)
        if value not in (None, "", 0):
            found[f.name] = value.value if isinstance(value, StrEnum) else value
    return found


def _technical(kind: str, facts: Problem | ShipmentProblem) -> str:
    shown = ", ".join(f"{k}={v!r}" for k, v in _set_facts(facts).items())
    return f"{kind} ({shown})" if shown else kind


# ---------------------------------------------------------------- the station database


class NoticeKind(StrEnum):
    """What opening the station database had to do, told once in the window."""

    #: The file was damaged: moved aside to ``aside`` (a file name), a fresh one started,
    #: ``count`` undelivered shipments carried over.
    DAMAGED_REPLACED = "damaged_replaced"
    #: ``count`` waiting shipments could not be read; they are held under Needs attention.
    UNREADABLE_HELD = "unreadable_held"
    #: A second launch cannot reach this bench (its socket name is taken or cannot be
    #: listened on): it will say so and exit instead of bringing this window forward.
    NOT_LISTENING = "not_listening"


@dataclass(frozen=True, slots=True)
class StationNotice:
    kind: NoticeKind
    count: int = 0
    aside: str = ""

    def __str__(self) -> str:
        return f"{self.kind.value} (count={self.count}, aside={self.aside!r})"


class StationDatabaseError(RuntimeError):
    """The station database at ``path`` cannot be used; the subclass says why, and ``str()``
    is the technical account for the log and a terminal."""

    def __init__(self, path: Path, account: str) -> None:
        self.path = path
        super().__init__(account)


class ForeignDatabaseError(StationDatabaseError):
    """The file at the station database's path belongs to another program (left untouched)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"{path} is not a PackStation station database (another program's file); "
            "it was not changed or used",
        )


class NewerDatabaseError(StationDatabaseError):
    """Written by a newer PackStation: schema ``schema`` is above the one this one knows."""

    def __init__(self, path: Path, schema: int) -> None:
        self.schema = schema
        super().__init__(
            path, f"the station database {path} has schema {schema}, from a newer PackStation"
        )


class UnopenedDatabaseError(StationDatabaseError):
    """Opening failed for another reason: ``error`` names it (an exception's type and
    the operating system's words, technical)."""

    def __init__(self, path: Path, cause: BaseException) -> None:
        strerror = getattr(cause, "strerror", None)
        self.error = clean_text(
            type(cause).__name__ + (f": {strerror}" if isinstance(strerror, str) else ""), 120
        )
        super().__init__(
            path, f"cannot open the station database {path}: {type(cause).__name__}: {cause}"
        )
