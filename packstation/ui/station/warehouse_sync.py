"""What warehouse benches share, kept in step: facts pushed, the catalog and labels read.

Part of the warehouse door (``warehouse_door.py``): its worker and connection, its
``once`` (a burst of pokes costs one read after the last). The station database is only
ever written on the store thread (``writes``), as everywhere else: rows read from the
warehouse are handed to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from packstation.warehouse import catalog, floor

if TYPE_CHECKING:
    from packstation.ui.station.warehouse_door import WarehouseDoor
    from packstation.warehouse.catalog import CatalogChange
    from packstation.warehouse.floor import Fact, UsedLabel

log = logging.getLogger("packstation.warehouse")

#: Labels used this many days back are "used before" at this bench.
LABEL_DAYS = 30


class WarehouseSync:
    def __init__(self, door: WarehouseDoor) -> None:
        self.door = door
        #: Tracking number -> (order ID, order ref, bench), for labels used at any bench.
        self.known_labels: dict[str, tuple[str, str, str]] = {}
        self.labels_version = 0

    def push(self) -> None:
        """Push the facts waiting in the station database, a batch at a time."""
        door = self.door
        if door.online:
            door.once("push", self._push)

    def _push(self, finished: Callable[[], None]) -> None:
        door = self.door
        local, bench = door.local, door.bench

        def got(facts: list[Fact]) -> None:
            if not facts or not door.online:
                finished()
                return
            door.call(
                lambda c: floor.push(c, bench, facts),
                lambda _: door.writes.submit(lambda: local.pushed(facts), more, stop),
                lambda _: finished(),
            )

        def more(_: object) -> None:
            door.writes.submit(local.pending, got, stop)

        def stop(exc: BaseException) -> None:
            log.warning("facts not pushed: %s", exc)
            finished()

        door.writes.submit(local.pending, got, stop)

    # ------------------------------------------------------------------ the catalog

    def read_catalog(self) -> None:
        """Read what changed in the warehouse's catalog since the version applied here."""
        door = self.door
        if door.online:
            door.once("catalog", self._sync_catalog)

    def _sync_catalog(self, finished: Callable[[], None]) -> None:
        door = self.door
        local, bench = door.local, door.bench

        def since(version: int) -> None:
            door.call(lambda c: catalog.changes_since(c, version), got, lambda _: finished())

        def got(changes: list[CatalogChange]) -> None:
            if not changes:
                finished()
                return
            door.writes.submit(
                lambda: local.apply_catalog(changes, bench),
                lambda changed: applied(changed, len(changes)),
                not_applied,
            )

        def not_applied(exc: BaseException) -> None:
            log.warning("catalog not applied: %s", exc)
            finished()

        def applied(changed: int, read: int) -> None:
            if changed:
                door.catalog_changed.emit()
            if read >= catalog.PAGE:
                door.writes.submit(lambda: local.catalog_version, since, lambda _: finished())
            else:
                finished()

        door.writes.submit(lambda: local.catalog_version, since, lambda _: finished())

    def share_import(self, source: str) -> None:
        """An import at this bench becomes the warehouse's rows of ``source``."""
        door = self.door
        if not door.online:
            return
        local, bench = door.local, door.bench

        def rows(entries: list[Any]) -> None:
            door.call(lambda c: catalog.import_rows(c, source, entries, bench), lambda _: None)

        door.writes.submit(lambda: local.import_rows(source), rows, lambda e: log.warning("%s", e))

    # ------------------------------------------------------------------ labels

    def read_labels(self) -> None:
        """Read the labels any bench registered since the last read."""
        door = self.door
        if door.online:
            door.once("labels", self._sync_labels)

    def _sync_labels(self, finished: Callable[[], None]) -> None:
        door = self.door

        def got(labels: list[UsedLabel]) -> None:
            for label in labels:
                self.known_labels[label.tracking] = (label.order_id, label.order_ref, label.bench)
                self.labels_version = max(self.labels_version, label.version)
            if len(labels) >= 5000:
                read()
            else:
                finished()

        def read() -> None:
            version = self.labels_version
            door.call(
                lambda c: floor.labels_since(c, version, LABEL_DAYS), got, lambda _: finished()
            )

        read()

    def label_used(self, number: str, order_id: str) -> tuple[str, str] | None:
        """(order ref, bench) of another order any bench shipped with ``number``."""
        used = self.known_labels.get(number)
        if used is None or used[0] == order_id:
            return None
        return used[1], used[2]
