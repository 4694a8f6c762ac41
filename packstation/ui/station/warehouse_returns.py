"""The floor's index of Redo's returns, kept in step with this bench's (returns at the bench).

Part of the warehouse door (``warehouse_door.py``): its worker and connection, its
``once``. What a bench's walk of Redo read is shared (``share``); every bench reads the
rows changed since the version it applied after a poke, and all of them again after a
reconnect (``read``), into its own index (``store/returns_index.py``), which its scans
read. A warehouse whose schema is older than version 2 has no such rows: each bench then
walks Redo on its own, as a bench alone does.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from packstation.store.returns_index import IndexedReturn
from packstation.warehouse import returns
from packstation.warehouse.returns import SharedReturn

if TYPE_CHECKING:
    from packstation.store.returns_index import ReturnsIndex
    from packstation.ui.station.warehouse_door import WarehouseDoor

log = logging.getLogger("packstation.warehouse")

#: Rows shared per call (one short transaction each).
SHARE_CHUNK = 500


class SharedReturns:
    def __init__(self, door: WarehouseDoor, index: ReturnsIndex) -> None:
        self.door = door
        self.index = index

    @property
    def available(self) -> bool:
        return bool(self.door.online) and self.door.schema_version >= returns.SINCE_SCHEMA

    def share(self, read: Sequence[IndexedReturn], watermark: str) -> None:
        """What a walk that ended read, and where it ended (the body stays at the bench:
        a return is read from Redo again when its parcel is scanned)."""
        if not self.available:
            return
        rows = [
            SharedReturn(
                r.return_id,
                r.status,
                r.order_name,
                r.updated_at,
                json.dumps(list(r.trackers)),
                "{}",
            )
            for r in read
        ]
        chunks = [rows[i : i + SHARE_CHUNK] for i in range(0, len(rows), SHARE_CHUNK)] or [[]]
        for n, chunk in enumerate(chunks):
            mark = watermark if n == len(chunks) - 1 else ""
            self.door.call(
                lambda c, part=chunk, end=mark: returns.share(c, part, end),  # type: ignore[misc]
                lambda _: None,
                lambda exc: log.info("returns not shared: %s", exc),
            )

    def read(self) -> None:
        """Read what the floor's index changed since the version applied here."""
        if self.available:
            self.door.once("returns", self._read)

    def _read(self, finished: Callable[[], None]) -> None:
        door, index = self.door, self.index

        def since(version: int) -> None:
            door.call(
                lambda c: (returns.changes_since(c, version), returns.watermark(c)),
                got,
                lambda _: finished(),
            )

        def got(answer: tuple[list[SharedReturn], str]) -> None:
            rows, floor_mark = answer
            if not rows and not floor_mark:
                finished()
                return
            top = max((r.version for r in rows), default=0)
            kept = [
                IndexedReturn(
                    r.return_id,
                    r.status,
                    r.order_name,
                    r.updated_at,
                    tuple(str(t) for t in json.loads(r.trackers)),
                    r.body,
                )
                for r in rows
            ]
            door.writes.submit(
                lambda: index.apply_shared(kept, top, floor_mark),
                lambda _: more(len(rows)),
                stop,
            )

        def more(read: int) -> None:
            if read >= returns.PAGE:
                door.writes.submit(lambda: index.shared_version, since, stop)
            else:
                finished()

        def stop(exc: BaseException) -> None:
            log.warning("the floor's returns not applied: %s", exc)
            finished()

        door.writes.submit(lambda: index.shared_version, since, stop)
