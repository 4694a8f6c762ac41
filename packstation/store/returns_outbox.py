"""Received returns waiting to be processed in Redo, and the bench's record of them.

A row is written when the packer processes a return (Ctrl+Enter, ``PS-SHIP``), in one
transaction that also closes the open return: from then on nothing the packer scanned
can be lost, and the returns sender (``store/returns_sender.py``) takes it from here.
Two requests go to Redo for a row, each exactly once although neither has an idempotency
key: the processing (``POST /returns/{id}/process``), and a comment recording what the
bench received. The row's ID, minted here, is written into the comment, so that after an
unknown outcome the sender reads the return (processed already?) and its comments (ours
there already?) and sends only what Redo does not have.

States: ``pending`` (processing to send), ``commenting`` (processed; the comment to
post), ``done``, ``attention`` (held for a person, with Redo's reason).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass, field
from typing import Any

from packstation.redo.clock import SYSTEM_CLOCK, Clock
from packstation.store.db import transaction
from packstation.store.problems import Reason, reason_from_json, reason_to_json, technical
from packstation.store.schedule import RetrySchedule

STATES = ("pending", "commenting", "done", "attention")


@dataclass(frozen=True, slots=True)
class ReturnJob:
    """One received return on its way to Redo."""

    id: str
    return_id: str
    order_name: str
    #: ``products`` of Redo's process request, as sent (``_id``, ``processInput``/``reject``).
    products: tuple[dict[str, Any], ...]
    #: The comment recording what arrived; it names :attr:`id`.
    comment: str
    #: What the receipt and the history show (units by condition, undeclared items).
    summary: dict[str, Any]
    state: str
    packer: str
    attempts: int
    next_attempt_at: float
    error_kind: str
    last_error: str
    created_at: float
    #: Why it is held or waits, as facts (``store.problems``), worded when shown.
    reason: Reason | None = None


@dataclass
class ReturnsOutbox:
    conn: sqlite3.Connection
    lock: threading.RLock
    clock: Clock = SYSTEM_CLOCK
    _wake: threading.Condition = field(init=False)
    _generation: int = field(init=False, default=0)
    _schedule: RetrySchedule = field(init=False, default_factory=RetrySchedule)

    def __post_init__(self) -> None:
        self._wake = threading.Condition(self.lock)

    # --- writing ---------------------------------------------------------------------

    def add(
        self,
        *,
        job_id: str,
        return_id: str,
        order_name: str,
        products: list[dict[str, Any]],
        comment: str,
        summary: dict[str, Any],
        packer: str,
    ) -> None:
        """Queue a received return (the caller may hold a transaction: the open return is
        closed in the same one)."""
        now = self.clock.time()
        with transaction(self.conn, self.lock):
            self.conn.execute(
                "INSERT INTO returns_outbox (id, return_id, order_name, products_json, comment,"
                " summary_json, state, packer, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
                (
                    job_id,
                    return_id,
                    order_name,
                    json.dumps(products),
                    comment,
                    json.dumps(summary),
                    packer,
                    now,
                    now,
                ),
            )
        self.wake()

    # --- the return on the bench -----------------------------------------------------

    def keep_open(self, return_id: str, body: str, units: dict[str, Any]) -> None:
        """The return being received, as it is after this scan (``body``: the return as
        read; ``units``: what arrived, by item): a restart shows it as it was."""
        with transaction(self.conn, self.lock):
            self.conn.execute(
                "INSERT INTO open_return (one, return_id, body, units_json, updated_at)"
                " VALUES (1, ?, ?, ?, ?) ON CONFLICT (one) DO UPDATE SET"
                " return_id = excluded.return_id, body = excluded.body,"
                " units_json = excluded.units_json, updated_at = excluded.updated_at",
                (return_id, body, json.dumps(units), self.clock.time()),
            )

    def open_return(self) -> tuple[str, str, dict[str, Any]] | None:
        """(return ID, the return as read, what arrived) left on the bench, or None."""
        with self.lock:
            row = self.conn.execute(
                "SELECT return_id, body, units_json FROM open_return WHERE one = 1"
            ).fetchone()
        if row is None:
            return None
        return str(row[0]), str(row[1]), dict(json.loads(row[2]))

    def close_open(self) -> None:
        with transaction(self.conn, self.lock):
            self.conn.execute("DELETE FROM open_return")

    def process(self, **job: Any) -> None:
        """Queue the return on the bench (``add``'s fields) and close it, in one commit:
        a kill at any moment leaves either the open return or the queued job, never
        neither, never both."""
        with transaction(self.conn, self.lock):
            self.add(**job)
            self.conn.execute("DELETE FROM open_return")
        self.wake()

    def wake(self) -> None:
        with self._wake:
            self._generation += 1
            self._wake.notify_all()

    def generation(self) -> int:
        with self._wake:
            return self._generation

    def wait(self, timeout: float, since: int, stop: threading.Event) -> None:
        """Sleep until woken or ``timeout``, unless something changed after ``since``."""
        with self._wake:
            if self._generation == since and not stop.is_set():
                self._wake.wait(timeout)

    def _update(self, job_id: str, sql: str, *args: object) -> None:
        with transaction(self.conn, self.lock):
            self.conn.execute(
                f"UPDATE returns_outbox SET {sql}, updated_at = ? WHERE id = ?",  # noqa: S608
                (*args, self.clock.time(), job_id),
            )
        self.wake()

    def mark_processed(self, job_id: str) -> None:
        """Redo processed it: the comment is next (due now)."""
        self._schedule.forget(job_id)
        self._update(
            job_id, "state = 'commenting', next_attempt_at = 0, error_kind = '', last_error = ''"
        )

    def mark_done(self, job_id: str) -> None:
        self._schedule.forget(job_id)
        self._update(job_id, "state = 'done', error_kind = '', last_error = ''")

    def mark_attention(self, job_id: str, reason: Reason, kind: str, detail: str = "") -> None:
        self._schedule.forget(job_id)
        self._update(
            job_id,
            "state = 'attention', error_kind = ?, last_error = ?, error_facts = ?",
            kind,
            detail or technical(reason),
            reason_to_json(reason),
        )

    def schedule_retry(
        self, job_id: str, delay: float, reason: Reason, kind: str, detail: str = ""
    ) -> None:
        self._update(
            job_id,
            "attempts = attempts + 1, next_attempt_at = ?, error_kind = ?, last_error = ?,"
            " error_facts = ?",
            self._schedule.plan(job_id, delay, self.clock),
            kind,
            detail or technical(reason),
            reason_to_json(reason),
        )

    def count_attempt(self, job_id: str) -> None:
        self._update(job_id, "attempts = attempts + 1")

    def retry(self, job_id: str) -> None:
        """Held -> tried again now (a lead chose to); a processed one only comments."""
        with self.lock:
            job = self.get(job_id)
        if job is None or job.state != "attention":
            return
        state = "commenting" if job.error_kind == "comment" else "pending"
        self._update(job_id, "state = ?, next_attempt_at = 0, error_kind = ''", state)

    # --- reading ---------------------------------------------------------------------

    def get(self, job_id: str) -> ReturnJob | None:
        with self.lock:
            row = self.conn.execute(
                "SELECT * FROM returns_outbox WHERE id = ?", (job_id,)
            ).fetchone()
        return job_from_row(row) if row is not None else None

    def next_due(self) -> ReturnJob | None:
        """The oldest job with something to send that is due now."""
        with self.lock:
            rows = self.conn.execute(
                "SELECT * FROM returns_outbox WHERE state IN ('pending', 'commenting')"
                " ORDER BY created_at, rowid"
            ).fetchall()
        for row in rows:
            job = job_from_row(row)
            if self._wait(row) <= 0:
                return job
        return None

    def next_wait(self) -> float | None:
        """Seconds until the next job is due (0: now), None when nothing waits."""
        with self.lock:
            rows = self.conn.execute(
                "SELECT id, next_attempt_at, updated_at FROM returns_outbox"
                " WHERE state IN ('pending', 'commenting')"
            ).fetchall()
        waits = [max(0.0, self._wait(row)) for row in rows]
        return min(waits) if waits else None

    def _wait(self, row: sqlite3.Row) -> float:
        """On the monotonic clock for retries this process planned (``store.schedule``)."""
        return self._schedule.wait(
            str(row["id"]), float(row["next_attempt_at"]), float(row["updated_at"]), self.clock
        )

    def held(self) -> list[ReturnJob]:
        with self.lock:
            rows = self.conn.execute(
                "SELECT * FROM returns_outbox WHERE state = 'attention' ORDER BY created_at"
            ).fetchall()
        return [job_from_row(row) for row in rows]

    def counts(self) -> tuple[int, int]:
        """(waiting to be sent, held for a person)."""
        with self.lock:
            row = self.conn.execute(
                "SELECT sum(state IN ('pending', 'commenting')), sum(state = 'attention')"
                " FROM returns_outbox"
            ).fetchone()
        return int(row[0] or 0), int(row[1] or 0)


def job_from_row(row: sqlite3.Row) -> ReturnJob:
    """A ``returns_outbox`` row (``SELECT *``) as a job."""
    return ReturnJob(
        id=str(row["id"]),
        return_id=str(row["return_id"]),
        order_name=str(row["order_name"]),
        products=tuple(json.loads(row["products_json"])),
        comment=str(row["comment"]),
        summary=dict(json.loads(row["summary_json"])),
        state=str(row["state"]),
        packer=str(row["packer"]),
        attempts=int(row["attempts"]),
        next_attempt_at=float(row["next_attempt_at"]),
        error_kind=str(row["error_kind"]),
        last_error=str(row["last_error"]),
        created_at=float(row["created_at"]),
        reason=reason_from_json(str(row["error_facts"] or "")),
    )
