"""What can go wrong with the warehouse, typed: the window words each (``ui/words``)."""

from __future__ import annotations


class WarehouseError(Exception):
    """Anything the warehouse refused or could not do."""


class WarehouseOffline(WarehouseError):
    """The server cannot be reached or the connection broke: the bench works alone.

    ``reason`` is libpq's own words, cleaned of any secret (for the log)."""

    def __init__(self, reason: str = "") -> None:
        self.reason = reason
        super().__init__(f"warehouse offline: {reason}" if reason else "warehouse offline")


class SchemaMissing(WarehouseError):
    """The database has no PackStation schema: IT runs ``packstation warehouse init``."""

    def __init__(self) -> None:
        super().__init__("the warehouse has no PackStation schema (packstation warehouse init)")


class SchemaTooNew(WarehouseError):
    """The warehouse was upgraded by a newer PackStation than this bench's."""

    def __init__(self, found: int, known: int) -> None:
        self.found = found
        self.known = known
        super().__init__(f"warehouse schema {found} is newer than this bench knows ({known})")


class NotALead(WarehouseError):
    """A lead's action asked by someone the warehouse and the config do not name."""

    def __init__(self, who: str) -> None:
        self.who = who
        super().__init__(f"{who!r} is not a lead")
