"""The codes an open order packs by: Redo's UPCs learned in the background, the station's
catalog read again when it changes (an import, a code taught at this or another bench).

Part of the order flow (``orders.py``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from packstation.packing.barcodes import gtin14
from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from packstation.packing.tracking import candidates

if TYPE_CHECKING:
    from packstation.packing import PackingSession
    from packstation.store.upc_lookup import UpcLookup
    from packstation.ui.bench.controller import BenchController

log = logging.getLogger("packstation.bench")


def look_up_upcs(bench: BenchController, session: PackingSession) -> None:
    """Learn the order's product codes from Redo in the background; scans never wait.

    A constant number of requests whatever the order's size (``store/upc_lookup.py``:
    the inventory list page by page, then a few details), none once the station's
    cache knows the SKUs. Without the inventory scope (or the network) this quietly
    stops: the local catalog and SKUs still work.
    """
    skus = [line.sku for line in session.order.line_items if line.sku]

    def learned(result: UpcLookup) -> None:
        if isinstance(session.matcher, CatalogMatcher):
            session.matcher.add_all(result.learned)
        log.info(
            "learned %d product codes for order %s in %d requests (%d SKUs left)",
            len(result.learned),
            session.order_id,
            result.requests,
            result.left,
        )

    bench.port.catalog.learn_upcs(
        skus, learned, lambda exc: log.info("UPC look-up failed: %s", exc)
    )


def refresh_catalog(bench: BenchController, session: PackingSession) -> None:
    def known(entries: list[CatalogEntry]) -> None:
        if isinstance(session.matcher, CatalogMatcher):
            session.matcher.replace(entries)

    bench.port.catalog.entries_for(
        [line.sku for line in session.order.line_items if line.sku],
        known,
        lambda exc: log.warning("catalog not read: %s", exc),
    )


def code_kind(code: str) -> str:
    """What a code that is no order looks like: "item", "label" or "" (for the message only)."""
    try:
        if gtin14(code):
            return "item"
        if candidates(code):
            return "label"
    except Exception:
        log.warning("could not tell what %r is", code[:80], exc_info=True)
    return ""
