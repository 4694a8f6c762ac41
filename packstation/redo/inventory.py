"""The store's inventory levels, page by page: one pass instead of one request per SKU.

The list endpoint pages with headers (spec: ``X-Page-Size`` 1-500, ``X-Page-Continue``
taking the previous page's ``X-Page-Next``). Its items carry each product's SKU but not
its UPC: only an inventory level's detail does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from packstation.redo.errors import Problem, ProblemKind, Scope, Subject
from packstation.redo.models import InventoryLevel, InventoryLevelList

if TYPE_CHECKING:
    from packstation.redo.client import RedoClient

#: The spec's largest page.
PAGE_SIZE = 500


@dataclass(frozen=True, slots=True)
class InventoryListing:
    levels: list[InventoryLevel]
    #: Every page was read: a SKU missing from ``levels`` has no inventory level.
    complete: bool
    requests: int


def list_inventory_levels(
    client: RedoClient, *, max_pages: int, page_size: int = PAGE_SIZE
) -> InventoryListing:
    """Up to ``max_pages`` pages of the whole list; raises a RedoError like any call."""
    levels: list[InventoryLevel] = []
    after: str | None = None
    for page in range(1, max_pages + 1):
        headers = {"X-Page-Size": str(page_size)}
        if after:
            headers["X-Page-Continue"] = after
        reply = client._call(
            "GET",
            client._store_path("inventory-levels"),
            missing=Problem(ProblemKind.NOT_FOUND, subject=Subject.INVENTORY_LEVELS),
            headers=headers,
            scope=Scope.INVENTORY_READ,
        )
        levels += client._parse(reply, InventoryLevelList, write=False).inventory_levels
        after = reply.headers.get("X-Page-Next") or None
        if after is None:
            return InventoryListing(levels, True, page)
    return InventoryListing(levels, False, max_pages)
