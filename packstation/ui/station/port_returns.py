"""Returns at the bench, through the port: a parcel's return found, kept, processed.

Part of the station port (``port.returns``): lookups and what the packer did on
``writes``, Redo on ``reads``, completions on the GUI thread. One exception: a walk of
Redo's pages (and the read of one return) writes what it read into the index from the
``reads`` worker, a short transaction per page under the store's lock, so that a walk of
thousands of returns never holds the store thread (the journal's writes) for its length.
A scan is looked up in the station's index of
returns first (``store/returns_index.py``: labels in any form, the order's name, the
return's ID); only a code the index does not know costs a walk of what changed in Redo
since the index was last brought up to date, and then one more look. The return found is
read from Redo once more before it opens (its items as they are now).

What arrived is kept after every scan (a restart shows it), and processing queues the
return in the commit that closes it (``store/returns_outbox.py``); the returns sender
does the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from packstation.packing.receiving import ReturnLine
from packstation.redo import returns_stack
from packstation.store.returns_index import OPEN_STATUSES, IndexedReturn, iso_utc
from packstation.ui.station.port_types import Done, Failed

if TYPE_CHECKING:
    from packstation.redo.returns import Return, ReturnDetail
    from packstation.redo.returns_api import ReturnsApi
    from packstation.ui.station.port import StationPort

log = logging.getLogger("packstation.returns")

#: A walk reads at most this many pages of this many returns: a store's last months.
WALK_PAGES = 200
WALK_PAGE_SIZE = 100
#: A first walk also reads the returns finished in these last days: a parcel of one is
#: said to be processed already rather than unknown.
FINISHED_DAYS = 45
#: Redo's return IDs (MongoDB object IDs): a scan of one is asked of Redo directly.
_RETURN_ID = re.compile(r"[0-9a-f]{24}")


@dataclass(frozen=True, slots=True)
class OnBench:
    """A return to receive: its items still open, as Redo has them now."""

    return_id: str
    order_name: str
    status: str
    lines: tuple[ReturnLine, ...]
    exchange: bool = False

    def to_json(self) -> str:
        return json.dumps(
            {
                "return_id": self.return_id,
                "order_name": self.order_name,
                "status": self.status,
                "exchange": self.exchange,
                "lines": [
                    {
                        "item_id": line.item_id,
                        "title": line.title,
                        "expected": line.expected,
                        "sku": line.sku,
                        "value": None if line.value is None else str(line.value),
                        "reason": line.reason,
                        "customer_comment": line.customer_comment,
                        "upc": line.upc,
                    }
                    for line in self.lines
                ],
            }
        )

    @classmethod
    def from_json(cls, text: str) -> OnBench:
        data = json.loads(text)
        lines = tuple(
            ReturnLine(
                item_id=str(line["item_id"]),
                title=str(line["title"]),
                expected=int(line["expected"]),
                sku=line.get("sku"),
                value=None if line.get("value") is None else Decimal(str(line["value"])),
                reason=str(line.get("reason") or ""),
                customer_comment=str(line.get("customer_comment") or ""),
                upc=line.get("upc"),
            )
            for line in data["lines"]
        )
        return cls(
            str(data["return_id"]),
            str(data["order_name"]),
            str(data["status"]),
            lines,
            bool(data.get("exchange")),
        )


@dataclass(frozen=True, slots=True)
class NoReturn:
    code: str


@dataclass(frozen=True, slots=True)
class Finished:
    """The return was processed or rejected already: nothing is sent again."""

    return_id: str
    order_name: str
    status: str


@dataclass(frozen=True, slots=True)
class Several:
    """An order with more than one open return: its parcel's label says which."""

    order_name: str
    count: int


FindOutcome = OnBench | NoReturn | Finished | Several


def on_bench(detail: ReturnDetail) -> OnBench | Finished:
    """The return as the bench receives it: its open items only (one processed earlier,
    in part, is not received twice)."""
    from packstation.redo.returns import ItemState  # loaded: ``detail`` is its model

    ret = detail.return_
    name = ret.order_name or ""
    lines = tuple(
        ReturnLine(
            item_id=line.item.id,
            title=line.title or line.sku or line.item.id,
            expected=line.item.quantity,
            sku=line.sku,
            value=line.item.value,
            reason=line.item.reason or "",
            customer_comment=line.item.customer_comment or "",
            upc=line.item.upc,
        )
        for line in detail.lines()
        if line.state is ItemState.OPEN and line.item.quantity > 0
    )
    if not lines:
        return Finished(ret.id, name, ret.status.value)
    return OnBench(ret.id, name, ret.status.value, lines, ret.exchange is not None)


def indexed(ret: Return) -> IndexedReturn:
    updated = iso_utc(ret.updated_at)
    return IndexedReturn(
        ret.id,
        ret.status.value,
        ret.order_name or "",
        updated,
        tuple(ret.trackers()),
        ret.model_dump_json(by_alias=True),
    )


class ReturnsDoor:
    def __init__(self, port: StationPort) -> None:
        self._port = port
        #: Those waiting for the walk in flight (one walk at a time: a second one, started
        #: from a watermark the first has not moved yet, would read the same pages).
        self._waiting: list[tuple[Done[int], Failed]] | None = None

    def _api(self) -> ReturnsApi:
        returns_stack.load()
        from packstation.redo.returns_api import ReturnsApi

        return ReturnsApi(self._port._client())

    # --- finding -----------------------------------------------------------------------

    def find(self, code: str, done: Done[FindOutcome], failed: Failed) -> None:
        """The return ``code`` names (its label, its order's name, its ID)."""
        self._look(code, done, failed, walked=False)

    def _look(self, code: str, done: Done[FindOutcome], failed: Failed, *, walked: bool) -> None:
        index = self._port._store.returns

        def look() -> list[IndexedReturn]:
            return (
                index.find_by_label(code)
                or index.find_by_order(code)
                or ([hit] if (hit := index.get(code)) else [])
            )

        def found(hits: list[IndexedReturn]) -> None:
            open_hits = [h for h in hits if h.is_open]
            if len(open_hits) > 1:
                done(Several(open_hits[0].order_name, len(open_hits)))
            elif hits:
                self._open((open_hits or hits)[0].return_id, done, failed)
            elif not walked:
                self.refresh(lambda _: self._look(code, done, failed, walked=True), failed)
            elif _RETURN_ID.fullmatch(code.strip().lower()):
                self._open(code.strip().lower(), done, failed)
            else:
                done(NoReturn(code))

        self._port._writes.submit(look, found, failed)

    def _open(self, return_id: str, done: Done[FindOutcome], failed: Failed) -> None:
        from packstation.redo.errors import NotFound

        index = self._port._store.returns

        def read() -> FindOutcome:
            try:
                detail = self._api().get(return_id)
            except NotFound:
                return NoReturn(return_id)
            index.put([indexed(detail.return_)])  # its status as Redo has it now
            return on_bench(detail)

        self._port._read(read, done, failed)

    # --- the index ---------------------------------------------------------------------

    def refresh(self, done: Done[int], failed: Failed) -> None:
        """Bring the index up to date: what changed since the last walk that ended, or,
        the first time, every return that may still arrive and those finished lately.
        The count of returns read; a walk already in flight is joined, not repeated."""
        if self._waiting is not None:
            self._waiting.append((done, failed))
            return
        self._waiting = [(done, failed)]
        index = self._port._store.returns
        door = self._port.warehouse
        floor = door.returns if door is not None else None
        shared = floor is not None and floor.available

        def walk() -> tuple[int, list[IndexedReturn], str]:
            returns_stack.load()
            from packstation.redo.returns import ReturnStatus
            from packstation.redo.returns_api import ReturnQuery

            api = self._api()  # no client: this walk fails, and so does every waiter
            since = index.watermark
            if since:
                start = dt.datetime.fromisoformat(since.replace("Z", "+00:00"))
                queries = [ReturnQuery(updated_at_min=start)]
            else:  # those that may arrive, and those finished lately (their label says so)
                queries = [ReturnQuery(status=ReturnStatus(s)) for s in OPEN_STATUSES]
                lately = dt.datetime.now(dt.UTC) - dt.timedelta(days=FINISHED_DAYS)
                queries += [
                    ReturnQuery(status=ReturnStatus(done), updated_at_min=lately)
                    for done in ("complete", "rejected")
                ]
            count, read = 0, []
            for query in queries:
                for page in api.pages(query, max_pages=WALK_PAGES, page_size=WALK_PAGE_SIZE):
                    rows = [indexed(r) for r in page.returns]
                    index.put(rows)
                    read += rows if shared else []
                    count += len(rows)
            index.walked()
            if log.isEnabledFor(logging.INFO):  # the count scans the whole index
                log.info("returns index: %d read, %d open kept", count, index.count())
            return count, read, index.watermark

        def ended(walked: tuple[int, list[IndexedReturn], str]) -> None:
            count, read, mark = walked
            if floor is not None:  # one walk serves the floor (``warehouse_returns.py``)
                floor.share(read, mark)
            waiting, self._waiting = self._waiting or [], None
            for each_done, _ in waiting:
                each_done(count)

        def broke(exc: BaseException) -> None:
            waiting, self._waiting = self._waiting or [], None
            for _, each_failed in waiting:
                each_failed(exc)

        self._port._read(walk, ended, broke)

    def images(self, order_name: str, done: Done[dict[str, str]], failed: Failed) -> None:
        """The pictures of the return's items, by SKU: a return carries none, its order's
        lines do (``GET`` the order once, after the return shows)."""
        from packstation.packing.codes import sku_key

        def read() -> dict[str, str]:
            order = self._port._client().get_order(order_name)
            return {
                sku_key(line.sku): line.image_url
                for line in order.line_items
                if line.sku and line.image_url
            }

        self._port._read(read, done, failed)

    # --- the return on the bench -------------------------------------------------------

    def keep(self, ret: OnBench, units: dict[str, Any], failed: Failed) -> None:
        """What arrived so far, kept after every change (a restart shows it)."""
        outbox, body = self._port._store.returns_outbox, ret.to_json()
        self._port._writes.submit(
            lambda: outbox.keep_open(ret.return_id, body, units), lambda _: None, failed
        )

    def restore(self, done: Done[tuple[OnBench, dict[str, Any]] | None], failed: Failed) -> None:
        outbox = self._port._store.returns_outbox

        def work() -> tuple[OnBench, dict[str, Any]] | None:
            left = outbox.open_return()
            if left is None:
                return None
            _, body, units = left
            return OnBench.from_json(body), units

        self._port._writes.submit(work, done, failed)

    def close(self, failed: Failed) -> None:
        """The return leaves the bench unprocessed (cleared): nothing is sent."""
        outbox = self._port._store.returns_outbox
        self._port._writes.submit(outbox.close_open, lambda _: None, failed)

    def process(self, job: dict[str, Any], done: Done[str], failed: Failed) -> None:
        """Queue the return for Redo and close it, in one commit (``ReturnsOutbox.process``);
        ``done`` gets the job's ID."""
        outbox = self._port._store.returns_outbox

        def work() -> str:
            outbox.process(**job)
            return str(job["job_id"])

        self._port._write(work, done, failed)
