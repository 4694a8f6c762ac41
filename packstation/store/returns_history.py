"""This station's received returns as the History shows them, and their CSV export.

A record is a row of ``returns_outbox`` (``store/returns_outbox.py``) read for a person:
units received sellable and damaged, units that did not arrive, undeclared codes, and the
outcome (waiting to be sent, processed, held). Its summary is written once, when the
return is queued (``ui/bench/return_jobs.py``): ``units`` and ``undeclared`` (what
arrived), ``received``, and, since the History reprints receipts, ``return`` (the return
as it was on the bench: its items with titles, SKUs and units expected, the JSON of
``OnBench``) and ``bench``. A row written before ``return`` was kept has no units
expected: what did not arrive is unknown (``None``) and its receipt cannot be rebuilt.

The CSV has **one row per item** of each return (a recall or a claim asks about an item:
its SKU, units expected, sellable, damaged with their notes, not received), and one more
row per distinct code scanned that was on none of its items (``SKU`` is the code,
``undeclared scans`` how often it was scanned). Return-level columns (order, return ID,
job ID, when, packer, outcome, why held) repeat on each row, so a filter on any one
keeps whole facts. Written as the shipments export is (``store/export.py``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from packstation.store.export import write_csv
from packstation.store.returns_outbox import ReturnJob, ReturnsOutbox, job_from_row

log = logging.getLogger("packstation.store")


class Outcome(StrEnum):
    #: Queued, not processed in Redo yet (``pending``).
    WAITING = "waiting"
    #: Processed in Redo (``done``; or ``commenting``: the comment is still to post).
    PROCESSED = "processed"
    #: Held for a person (``attention``), with Redo's reason.
    HELD = "held"


_OUTCOMES = {
    "pending": Outcome.WAITING,
    "commenting": Outcome.PROCESSED,
    "done": Outcome.PROCESSED,
    "attention": Outcome.HELD,
}


@dataclass(frozen=True, slots=True)
class ReturnedItem:
    """One item of a received return: what was expected (None: not kept) and what arrived."""

    item_id: str
    sku: str
    title: str
    expected: int | None
    sellable: int
    damaged: int
    #: The damaged units' notes, each once, as received.
    notes: tuple[str, ...] = ()

    @property
    def not_received(self) -> int | None:
        if self.expected is None:
            return None
        return max(0, self.expected - self.sellable - self.damaged)


@dataclass(frozen=True, slots=True)
class ReturnRecord:
    """A received return as the History lists it."""

    job: ReturnJob
    items: tuple[ReturnedItem, ...]
    #: Codes scanned that were on none of the items, as scanned (repeats included).
    undeclared_codes: tuple[str, ...]
    #: Whether the return's items were kept (``return`` in the summary): its receipt can
    #: be printed again.
    reprintable: bool

    @property
    def outcome(self) -> Outcome:
        return _OUTCOMES.get(self.job.state, Outcome.WAITING)

    @property
    def sellable(self) -> int:
        return sum(item.sellable for item in self.items)

    @property
    def damaged(self) -> int:
        return sum(item.damaged for item in self.items)

    @property
    def not_received(self) -> int | None:
        """Units expected that did not arrive; None for a row that did not keep them."""
        if not self.reprintable:
            return None
        return sum(item.not_received or 0 for item in self.items)

    @property
    def undeclared(self) -> int:
        return len(self.undeclared_codes)


def record(job: ReturnJob) -> ReturnRecord:
    """``job`` read for the History (a summary of an unexpected shape counts nothing)."""
    summary = job.summary
    units: dict[str, Any] = summary.get("units") or {}
    kept = summary.get("return")
    lines: list[dict[str, Any]] = list(kept.get("lines") or []) if isinstance(kept, dict) else []
    if not lines:  # before the return's items were kept: those that arrived, by ID
        lines = [
            {"item_id": item_id, "title": "", "sku": "", "expected": None} for item_id in units
        ]
    items = []
    for line in lines:
        item_id = str(line.get("item_id", ""))
        got = [(str(c), str(n)) for c, n in units.get(item_id, [])]
        damaged = [note for condition, note in got if condition == "damaged"]
        expected = line.get("expected")
        items.append(
            ReturnedItem(
                item_id=item_id,
                sku=str(line.get("sku") or ""),
                title=str(line.get("title") or ""),
                expected=None if expected is None else int(expected),
                sellable=len(got) - len(damaged),
                damaged=len(damaged),
                notes=tuple(dict.fromkeys(note for note in damaged if note)),
            )
        )
    return ReturnRecord(
        job=job,
        items=tuple(items),
        undeclared_codes=tuple(str(code) for code in summary.get("undeclared") or ()),
        reprintable=bool(kept) and isinstance(kept, dict),
    )


def returns_history(
    outbox: ReturnsOutbox, search: str = "", limit: int = 500
) -> list[ReturnRecord]:
    """This station's received returns, newest first, matching an order name, a return ID,
    a packer or a job ID (part of one, any case)."""
    like = f"%{search.strip()}%"
    with outbox.lock:
        rows = outbox.conn.execute(
            "SELECT * FROM returns_outbox WHERE ? = '%%' OR order_name LIKE ?"
            " OR return_id LIKE ? OR packer LIKE ? OR id LIKE ?"
            " ORDER BY created_at DESC, rowid DESC LIMIT ?",
            (like, like, like, like, like, limit),
        ).fetchall()
    records = []
    for row in rows:
        try:
            records.append(record(job_from_row(row)))
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            log.warning("a received return could not be read for the history: %r", exc)
    return records


def return_record(outbox: ReturnsOutbox, job_id: str) -> ReturnRecord | None:
    job = outbox.get(job_id)
    return record(job) if job is not None else None


COLUMNS = (
    "order",
    "return ID",
    "job ID",
    "time",
    "packer",
    "outcome",
    "held because",
    "item ID",
    "SKU",
    "title",
    "expected",
    "sellable",
    "damaged",
    "not received",
    "damage notes",
    "undeclared scans",
)


def returns_rows(records: Iterable[ReturnRecord]) -> list[list[str]]:
    """The rows of :data:`COLUMNS` for ``records``, in their order (see the docstring)."""
    rows: list[list[str]] = []
    for rec in records:
        job = rec.job
        when = dt.datetime.fromtimestamp(job.created_at).astimezone().isoformat(timespec="seconds")
        held = job.last_error if rec.outcome is Outcome.HELD else ""
        head = [job.order_name, job.return_id, job.id, when, job.packer, rec.outcome.value, held]
        for item in rec.items:
            missing = item.not_received
            rows.append(
                [
                    *head,
                    item.item_id,
                    item.sku,
                    item.title,
                    "" if item.expected is None else str(item.expected),
                    str(item.sellable),
                    str(item.damaged),
                    "" if missing is None else str(missing),
                    "; ".join(item.notes),
                    "",
                ]
            )
        scans: dict[str, int] = {}
        for code in rec.undeclared_codes:
            scans[code] = scans.get(code, 0) + 1
        for code, count in scans.items():
            rows.append([*head, "", code, "", "", "", "", "", "", str(count)])
    return rows


def export_returns_csv(records: Iterable[ReturnRecord], path: Path) -> int:
    """Write ``records`` as CSV to ``path`` (as ``export_history_csv`` does); the rows."""
    return write_csv(path, COLUMNS, returns_rows(records))
