"""Learning product codes (UPCs) from Redo for an order's SKUs, at a constant cost.

Redo's inventory list names each level's SKU; only a level's detail carries the UPC.
Asking per SKU (find, then detail) costs one request or two per line: 1,000 on a
1,000-line order. Instead, per order:

1. nothing at all when every SKU's UPC is cached (``upc_cache``, a week);
2. at most :data:`MAX_PAGES` pages of the whole inventory list (500 levels a page): a
   SKU with no level in a complete listing has no UPC, remembered as such;
3. at most :data:`MAX_DETAILS` detail requests for SKUs that do have a level; the rest
   are asked when an order needs them next.

So an order costs at most ``MAX_PAGES + MAX_DETAILS`` requests, whatever its size, and
the station's cache fills across orders. Runs on a worker; never on the scan path.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from packstation.packing.catalog import CatalogEntry
from packstation.redo.errors import RedoError
from packstation.redo.inventory import list_inventory_levels
from packstation.store.catalog import CatalogStore

if TYPE_CHECKING:
    from packstation.redo.client import RedoClient

log = logging.getLogger("packstation.lookups")

#: Inventory list pages read per order at most: 2,000 inventory levels.
MAX_PAGES = 4
#: Inventory level details (one request each: the UPC is only there) per order at most.
MAX_DETAILS = 8


@dataclass
class UpcLookup:
    """What one pass learned and what it cost."""

    learned: list[CatalogEntry] = field(default_factory=list)
    requests: int = 0
    #: SKUs still without an answer (over the budget, or the pass stopped on an error).
    left: int = 0


def learn_upcs(
    client: RedoClient,
    catalog: CatalogStore,
    skus: list[str],
    *,
    max_pages: int = MAX_PAGES,
    max_details: int = MAX_DETAILS,
) -> UpcLookup:
    """Learn the UPCs of ``skus`` that the cache lacks; stops quietly on any RedoError
    (no inventory scope, offline): SKUs and the local catalog still work."""
    result = UpcLookup()
    wanted = {sku.casefold(): sku for sku in catalog.skus_needing_upc(skus)}
    if not wanted:
        return result
    try:
        listing = list_inventory_levels(client, max_pages=max_pages)
    except RedoError as exc:
        log.info("inventory listing stopped (%s): %s", type(exc).__name__, exc.detail)
        result.left = len(wanted)
        return result
    result.requests += listing.requests
    with_level: dict[str, str] = {}
    for level in listing.levels:
        key = (level.product.sku or "").casefold()
        if key in wanted:
            with_level.setdefault(key, level.id)
    if listing.complete:
        catalog.remember_upcs((sku, None) for key, sku in wanted.items() if key not in with_level)
    for number, (key, level_id) in enumerate(with_level.items()):
        if number >= max_details:
            result.left = len(with_level) - number
            break
        try:
            upc = client.get_inventory_level(level_id).product.upc
        except RedoError as exc:
            log.info("UPC look-up stopped (%s): %s", type(exc).__name__, exc.detail)
            result.left = len(with_level) - number
            break
        result.requests += 1
        sku = wanted[key]
        upc = upc.strip() if upc else None
        catalog.remember_upc(sku, upc)
        if upc:
            result.learned.append(CatalogEntry(sku, upc))
    if not listing.complete:
        result.left += len(wanted) - len(with_level)
    return result
