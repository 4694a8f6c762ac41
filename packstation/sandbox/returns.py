"""The sandbox's returns, and what Redo's returns endpoints do to them.

Each return is stored as ``{"return": <return-read>, "comments": [...], "customerNotes":
[...], "reopened": bool}``: the first is served as it stands (Redo's ``return-read``
shape), the rest is what Redo keeps about a return without showing it in that shape.
The book shares the state's lock and persists through the state, so a state file holds
orders and returns of one moment.

Where the spec is silent, the sandbox decides:

- the list is sorted by ``createdAt``, newest first: a return being processed while a
  client pages does not move between pages (sorting by ``updatedAt`` would);
- ``X-Page-Next`` is the ID of the page's last return, and the next page starts after
  it in that order, so a marker stays good while returns change status;
- an order-name filter matches with or without the leading ``#``;
- a return can be processed in any status but ``complete`` and ``rejected`` (re-open it
  first) and ``deleted``: the spec names no status processing needs, and a bench may
  process a parcel before its tracker says delivered;
- a processed item is ``complete`` with outcome ``restock`` or ``dispose``; a rejected
  one is ``rejected`` with no outcome; ``processInput`` without ``restock`` disposes;
  ``newMerchantAdjustment`` becomes the item's refund and must not be negative; a
  request naming an item twice is refused whole;
- ``PUT status`` to the status a return already has changes nothing (``updatedAt``
  stays); ``rejected``, ``flagged`` and ``deleted`` change the status alone;
- a blank comment message is refused.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from packstation.sandbox.errors import SandboxError
from packstation.sandbox.returns_demo import money, refresh_totals

JSON = dict[str, Any]

#: ``return-status.schema`` and ``return-status-update.schema``.
RETURN_STATUSES = (
    *("open", "in_transit", "delivered", "needs_review", "in_review", "complete"),
    *("rejected", "flagged", "pre_shipment", "deleted"),
)
STATUS_UPDATES = ("complete", "open", "flagged", "rejected", "deleted")
#: The two answers the spec gives ``POST /returns/{id}/process``.
TRIGGERED = "Processing triggered successfully"
PREPARED = (
    "Successfully prepared some products to be processed, once all products are ready,"
    " processing will be triggered"
)
#: The sandbox runs inside the bench in demo mode, and a state file is rewritten on every
#: write: comments (images are base64 text) are capped across the whole store.
MAX_COMMENT_CHARS = 8 * 1024 * 1024
_DONE = ("complete", "rejected")


@dataclass(frozen=True, slots=True)
class Decision:
    """One product of a process request: rejected, or processed (restocked or not)."""

    item_id: str
    reject: bool
    restock: bool = False
    #: ``newMerchantAdjustment``: the amount credited instead of the product's value.
    adjustment: float | None = None


@dataclass(frozen=True, slots=True)
class ReturnsFilter:
    """The list's query: every given condition must hold."""

    status: str | None = None
    updated_min: dt.datetime | None = None  # inclusive
    updated_max: dt.datetime | None = None  # exclusive
    order_names: tuple[str, ...] = ()

    def admits(self, returned: JSON) -> bool:
        updated = parse_time(returned["updatedAt"])
        name = returned["order"].get("name", "").removeprefix("#")
        return (
            (self.status is None or returned["status"] == self.status)
            and (self.updated_min is None or updated >= self.updated_min)
            and (self.updated_max is None or updated < self.updated_max)
            and all(name == wanted.removeprefix("#") for wanted in self.order_names)
        )


class ReturnsBook:
    """The store's returns; every method takes the state's lock."""

    def __init__(
        self, records: list[JSON], lock: threading.RLock, persist: Callable[[], None]
    ) -> None:
        self._lock = lock
        self._persist = persist
        self._records = {r["return"]["id"]: r for r in copy.deepcopy(records)}

    def snapshot(self) -> list[JSON]:
        with self._lock:
            return copy.deepcopy(list(self._records.values()))

    # --- reading ---------------------------------------------------------------------

    def get(self, return_id: str) -> JSON:
        with self._lock:
            return copy.deepcopy(self._record(return_id)["return"])

    def page(
        self, query: ReturnsFilter, count: int, after: str | None
    ) -> tuple[list[JSON], str | None]:
        """``count`` returns after the one with ID ``after``, and the next page's marker."""
        with self._lock:
            ordered = sorted(self._records.values(), key=_newest_first)
            start = 0
            if after is not None:
                marker = self._records.get(after)
                if marker is None:
                    raise SandboxError(400, f"Unknown X-Page-Continue marker: {after}")
                start = ordered.index(marker) + 1
            found = [r["return"] for r in ordered[start:] if query.admits(r["return"])]
            page = copy.deepcopy(found[:count])
            return page, (page[-1]["id"] if len(found) > count else None)

    def status(self, return_id: str) -> str:
        with self._lock:
            return str(self._record(return_id)["return"]["status"])

    def comments(self, return_id: str) -> list[JSON]:
        with self._lock:
            return copy.deepcopy(self._record(return_id)["comments"])

    def customer_notes(self, return_id: str) -> list[str]:
        """The notes sent to the customer by process requests (not in the return's shape)."""
        with self._lock:
            return list(self._record(return_id)["customerNotes"])

    def reopened(self, return_id: str) -> bool:
        with self._lock:
            return bool(self._record(return_id)["reopened"])

    # --- writes ----------------------------------------------------------------------

    def process(self, return_id: str, decisions: list[Decision], notes: str | None) -> None:
        """Process or reject products; the whole request is checked before anything changes.

        When no item is left open the return is ``complete`` (``rejected`` when every
        item was rejected).
        """
        with self._lock:
            record = self._record(return_id)
            returned = record["return"]
            if returned["status"] in (*_DONE, "deleted"):
                raise SandboxError(
                    400,
                    f"Return {return_id} is {returned['status']}: nothing is left to process"
                    + ("" if returned["status"] == "deleted" else " (re-open it first)"),
                )
            items = {item["id"]: item for item in returned["items"]}
            seen: set[str] = set()
            for decision in decisions:
                item = items.get(decision.item_id)
                if item is None:
                    raise SandboxError(
                        400, f"Product {decision.item_id} is not on return {return_id}"
                    )
                if decision.item_id in seen:
                    raise SandboxError(400, f"Product {decision.item_id} is listed twice")
                seen.add(decision.item_id)
                if item["status"] in _DONE:
                    done = "processed" if item["status"] == "complete" else "rejected"
                    raise SandboxError(
                        400, f"Product {decision.item_id} ({item['sku']}) is already {done}"
                    )
            for decision in decisions:
                _decide(items[decision.item_id], decision)
            if notes:
                record["customerNotes"].append(notes)
            if all(item["status"] in _DONE for item in returned["items"]):
                rejected = all(item["status"] == "rejected" for item in returned["items"])
                returned["status"] = "rejected" if rejected else "complete"
            refresh_totals(returned)
            self._changed(returned)

    def set_status(self, return_id: str, status: str) -> None:
        """``PUT /returns/{id}/status`` with the side effects the spec lists."""
        if status not in STATUS_UPDATES:
            raise SandboxError(
                400, f"status must be one of {', '.join(STATUS_UPDATES)}, not {status!r}"
            )
        with self._lock:
            record = self._record(return_id)
            returned = record["return"]
            before = returned["status"]
            if status == before:
                return
            if status == "complete":
                for item in returned["items"]:
                    item["status"] = "complete"
            if status == "open" and before in _DONE:
                # Re-open: items back to open and pending processing cleared; refunds and
                # exchanges already made are not reversed (the spec says so).
                for item in returned["items"]:
                    item["status"] = "open"
                    item.pop("outcome", None)
                    item.pop("refund", None)
                record["customerNotes"].clear()
                record["reopened"] = True
            returned["status"] = status
            refresh_totals(returned)
            self._changed(returned)

    def add_comment(self, return_id: str, comment: JSON) -> JSON:
        with self._lock:
            record = self._record(return_id)
            size = _comment_chars(comment)
            stored = sum(_comment_chars(c) for r in self._records.values() for c in r["comments"])
            if stored + size > MAX_COMMENT_CHARS:
                raise SandboxError(
                    400,
                    f"The sandbox keeps at most {MAX_COMMENT_CHARS // (1024 * 1024)} MiB of"
                    " comments across all returns",
                )
            record["comments"].append(copy.deepcopy(comment))
            self._changed(record["return"])
            return copy.deepcopy(comment)

    # --- inside ------------------------------------------------------------------------

    def _record(self, return_id: str) -> JSON:
        record = self._records.get(return_id)
        if record is None:
            raise SandboxError(404, f"Return not found: {return_id}")
        return record

    def _changed(self, returned: JSON) -> None:
        returned["updatedAt"] = _later_than(returned["updatedAt"])
        self._persist()


def _decide(item: JSON, decision: Decision) -> None:
    if decision.reject:
        item["status"] = "rejected"
        item.pop("outcome", None)
        item.pop("refund", None)
        return
    item["status"] = "complete"
    item["outcome"] = "restock" if decision.restock else "dispose"
    if "exchangeItem" not in item:
        value = item["productValueNoTaxNoAdjustment"]["amount"]
        amount = float(value["amount"]) if decision.adjustment is None else decision.adjustment
        item["refund"] = {"amount": money(amount, value["currency"]), "type": "refund"}


def _newest_first(record: JSON) -> tuple[float, str]:
    returned = record["return"]
    # Negated, so one ascending sort gives newest first with ties broken by ID.
    return -parse_time(returned["createdAt"]).timestamp(), returned["id"]


def _comment_chars(comment: JSON) -> int:
    return sum(len(v) for v in comment.values() if isinstance(v, str))


def parse_time(text: str) -> dt.datetime:
    """An ISO 8601 date-time; one without an offset is taken as UTC."""
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _later_than(previous: str) -> str:
    """Now, or a millisecond after ``previous`` when the clock is behind the demo's
    fixed dates: an update never moves ``updatedAt`` backwards."""
    now = dt.datetime.now(dt.UTC)
    floor = parse_time(previous) + dt.timedelta(milliseconds=1)
    later = max(now, floor)
    return later.isoformat(timespec="milliseconds").replace("+00:00", "Z")
