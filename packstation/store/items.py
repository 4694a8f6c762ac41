"""An outbox row as the program sees it, and what a row that cannot be read becomes.

A row is read strictly (:meth:`OutboxItem.parse`: every column of the right type, the
request valid against the API model). A row that fails that (written by a newer
version, edited by hand, a flipped bit) is never an exception for whoever reads it:
:meth:`OutboxItem.from_row` gives a *quarantined* item instead, held under Needs
attention with ``error_kind`` :data:`UNREADABLE` (its reason: ``UNREADABLE_REASON``).
The row itself is kept as it is; only a lead's "discard" retires it.

Why a row is held or waiting is read from ``error_facts`` (``store.problems``) tolerantly:
facts that cannot be read (or a row from before them) leave ``reason`` None, and the
window shows the row's stored ``last_error`` instead.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import UnionType
from typing import Any

from packstation.redo.models import CreateFulfillmentRequest
from packstation.store.problems import UNREADABLE_REASON, Reason, reason_from_json

#: ``error_kind`` of a row that could not be read.
UNREADABLE = "unreadable"
#: ``last_error`` of such a row (technical, for the log and older versions).
UNREADABLE_DETAIL = "the outbox row could not be read"

Row = sqlite3.Row | Mapping[str, Any]


class OutboxState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    ATTENTION = "attention"
    DISCARDED = "discarded"


@dataclass(frozen=True, slots=True)
class PackedUnits:
    """Units of one line in a shipment, with the lot, expiry and serial scanned with them.

    Units scanned without any (a plain SKU or UPC) are one entry with empty marks.
    """

    line_id: str
    sku: str
    quantity: int
    lot: str = ""
    expiry: str = ""
    serial: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "line_id": self.line_id,
            "sku": self.sku,
            "quantity": self.quantity,
            "lot": self.lot,
            "expiry": self.expiry,
            "serial": self.serial,
        }

    @classmethod
    def from_json(cls, data: object) -> PackedUnits:
        if not isinstance(data, dict):
            raise TypeError("packed units are an object")
        texts = [_text(data.get(k, "")) for k in ("line_id", "sku", "lot", "expiry", "serial")]
        return cls(texts[0], texts[1], _whole(data["quantity"]), texts[2], texts[3], texts[4])


def _box(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _packed_units(data: object) -> tuple[PackedUnits, ...]:
    """Tolerant: a summary written before lots were kept has none, and damaged ones are
    dropped rather than holding a shipment whose request is sound."""
    if not isinstance(data, list):
        return ()
    try:
        return tuple(PackedUnits.from_json(entry) for entry in data)
    except (TypeError, ValueError, KeyError):
        return ()


@dataclass(frozen=True, slots=True)
class ShipmentSummary:
    """What the packer and the history need to recognise a shipment."""

    order_ref: str
    units: int
    carrier: str
    tracking: str
    dummy: bool = False
    customer: str = ""
    lines: tuple[tuple[str, int], ...] = ()
    #: Items of the order stayed open for a later shipment.
    partial: bool = False
    #: What went into the box by SKU, with lots, expiry dates and serials (for recalls).
    packed_units: tuple[PackedUnits, ...] = ()
    #: The box's number when the order went out in several (1, 2, ...); 0 for one box.
    box: int = 0

    def to_json(self) -> str:
        return json.dumps(
            {
                "order_ref": self.order_ref,
                "units": self.units,
                "carrier": self.carrier,
                "tracking": self.tracking,
                "dummy": self.dummy,
                "customer": self.customer,
                "lines": [list(line) for line in self.lines],
                "partial": self.partial,
                "packed_units": [units.to_json() for units in self.packed_units],
                "box": self.box,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> ShipmentSummary:
        """Raises ``ValueError``/``TypeError``/``KeyError`` for text that is not a summary."""
        data = json.loads(text)
        lines = tuple((str(t), int(q)) for t, q in data.get("lines", []))
        summary = cls(
            order_ref=data["order_ref"],
            units=int(data["units"]),
            carrier=data["carrier"],
            tracking=data["tracking"],
            dummy=bool(data.get("dummy")),
            customer=data.get("customer", ""),
            lines=lines,
            partial=bool(data.get("partial")),
            packed_units=_packed_units(data.get("packed_units")),
            box=_box(data.get("box")),
        )
        for value in (summary.order_ref, summary.carrier, summary.tracking, summary.customer):
            _text(value)
        return summary


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TypeError(f"expected a finite number, found {value!r}")
    return float(value)


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, found {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class OutboxItem:
    fulfillment_id: str
    order_id: str
    order_ref: str
    request: CreateFulfillmentRequest
    summary: ShipmentSummary
    state: OutboxState
    attempts: int
    next_attempt_at: float
    #: Technical, for the log; what rows from before ``reason`` was kept show instead.
    last_error: str
    error_kind: str
    packer: str
    created_at: float
    updated_at: float
    delivered_at: float | None
    #: Why the shipment is held or waiting (None: nothing, or a row without facts).
    reason: Reason | None = None
    #: The tracking number Redo gave a dummy tracker ("" until it is known).
    assigned_tracking: str = ""

    @property
    def unreadable(self) -> bool:
        """Quarantined: the row could not be read; it is shown, never sent."""
        return self.error_kind == UNREADABLE

    @classmethod
    def parse(cls, row: Row) -> OutboxItem:
        """The item a row holds; raises (any exception) if any column is not as written."""
        delivered_at = row["delivered_at"]
        return cls(
            fulfillment_id=_text(row["fulfillment_id"]),
            order_id=_text(row["order_id"]),
            order_ref=_text(row["order_ref"]),
            request=CreateFulfillmentRequest.model_validate_json(_text(row["request_json"])),
            summary=ShipmentSummary.from_json(_text(row["summary_json"])),
            state=OutboxState(row["state"]),
            attempts=_whole(row["attempts"]),
            next_attempt_at=_number(row["next_attempt_at"]),
            last_error=_text(row["last_error"]),
            error_kind=_text(row["error_kind"]),
            packer=_text(row["packer"]),
            created_at=_number(row["created_at"]),
            updated_at=_number(row["updated_at"]),
            delivered_at=None if delivered_at is None else _number(delivered_at),
            reason=_reason(row),
            assigned_tracking=_text(row["assigned_tracking"])
            if "assigned_tracking" in row.keys()  # noqa: SIM118 - a Row finds names by keys()
            else "",
        )

    @classmethod
    def from_row(cls, row: Row) -> OutboxItem:
        """The item a row holds, or its quarantined stand-in; never raises."""
        try:
            return cls.parse(row)
        except Exception:  # whatever a damaged row makes the parsers raise
            return cls.quarantined(row)

    @classmethod
    def quarantined(cls, row: Row) -> OutboxItem:
        """What can be shown of a row that cannot be read: held under Needs attention.

        Its ``request`` is an empty placeholder that is never sent (the sender skips
        unreadable items, and editing its tracking is refused).
        """

        def column(name: str, kind: type[Any] | UnionType, default: Any) -> Any:
            try:
                value = row[name]
            except (IndexError, KeyError):
                return default
            ok = isinstance(value, kind) and not isinstance(value, bool)
            if ok and isinstance(value, float) and not math.isfinite(value):
                return default
            return value if ok else default

        fulfillment_id = column("fulfillment_id", str, "")
        order_ref = column("order_ref", str, "") or column("order_id", str, "") or "?"
        try:
            summary = ShipmentSummary.from_json(_text(row["summary_json"]))
        except Exception:  # the summary is as damaged as the rest
            summary = ShipmentSummary(order_ref=order_ref, units=0, carrier="", tracking="")
        try:
            state = OutboxState(row["state"])
        except (ValueError, IndexError, KeyError):
            state = OutboxState.ATTENTION
        if state in (OutboxState.PENDING, OutboxState.ATTENTION):
            state = OutboxState.ATTENTION
        created_at = float(column("created_at", int | float, 0.0))
        return cls(
            fulfillment_id=fulfillment_id,
            order_id=column("order_id", str, ""),
            order_ref=order_ref,
            request=CreateFulfillmentRequest.model_construct(
                fulfillment_id=fulfillment_id or None, line_items=[]
            ),
            summary=summary,
            state=state,
            attempts=column("attempts", int, 0),
            next_attempt_at=0.0,
            last_error=UNREADABLE_DETAIL,
            error_kind=UNREADABLE,
            packer=column("packer", str, ""),
            created_at=created_at,
            updated_at=float(column("updated_at", int | float, created_at)),
            delivered_at=None,
            reason=UNREADABLE_REASON,
        )


def _reason(row: Row) -> Reason | None:
    """The row's reason: read from ``error_facts``, never raising (see the module's doc)."""
    if row["error_kind"] == UNREADABLE:
        return UNREADABLE_REASON
    try:
        facts = row["error_facts"]
    except (IndexError, KeyError):  # a row selected without the column
        return None
    return reason_from_json(facts) if isinstance(facts, str) else None


def readable(row: Row) -> bool:
    """Whether :meth:`OutboxItem.parse` reads the row."""
    try:
        OutboxItem.parse(row)
    except Exception:  # any failure means the row cannot be used as written
        return False
    return True
