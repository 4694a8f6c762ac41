"""Product codes learned from Redo at a constant cost per order, whatever its size."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from packstation.redo import RedoClient, Rejected
from packstation.redo.inventory import list_inventory_levels
from packstation.resources import resource_path
from packstation.sandbox import SandboxServer
from packstation.store.station import StationStore
from packstation.store.upc_lookup import MAX_DETAILS, MAX_PAGES, learn_upcs


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StationStore]:
    station = StationStore(tmp_path / "station.sqlite3")
    yield station
    station.close()


def _skus(name: str) -> list[str]:
    data = json.loads(resource_path("sandbox", "orders.json").read_text("utf-8"))
    order = next(o["order"] for o in data["orders"] if o["name"] == name)
    return [line["sku"] for line in order["lineItems"] if line["sku"]]


def _products() -> dict[str, str]:
    data = json.loads(resource_path("sandbox", "products.json").read_text("utf-8"))
    return {p["sku"]: p["upc"] for p in data["products"]}


def test_the_list_is_read_page_by_page(client: RedoClient, sandbox: SandboxServer) -> None:
    listing = list_inventory_levels(client, max_pages=10, page_size=10)
    assert listing.complete
    assert listing.requests == 3
    assert sorted(level.product.sku or "" for level in listing.levels) == sorted(_products())
    pages = [e for e in sandbox.exchanges if "inventory-levels" in e.target][-3:]
    markers = [
        {k.lower(): v for k, v in e.request_headers.items()}.get("x-page-continue") for e in pages
    ]
    assert markers == [None, "pg_10", "pg_20"]


def test_an_unfinished_listing_says_so(client: RedoClient) -> None:
    listing = list_inventory_levels(client, max_pages=2, page_size=5)
    assert (listing.complete, listing.requests, len(listing.levels)) == (False, 2, 10)


def test_the_sandbox_refuses_a_page_size_outside_the_spec(client: RedoClient) -> None:
    with pytest.raises(Rejected):
        list_inventory_levels(client, max_pages=1, page_size=501)


def test_a_1000_line_order_costs_a_constant_number_of_requests(
    client: RedoClient, sandbox: SandboxServer, store: StationStore
) -> None:
    skus = _skus("#1014") + _skus("#1003")
    assert len(set(skus)) > 1000
    before = len(sandbox.requests)
    result = learn_upcs(client, store.catalog, skus)
    assert len(sandbox.requests) - before == result.requests
    assert result.requests <= MAX_PAGES + MAX_DETAILS
    upcs = _products()
    assert {(e.sku, e.barcode) for e in result.learned} == {
        (sku, upcs[sku]) for sku in _skus("#1003")
    }
    assert store.catalog.skus_needing_upc(skus) == []

    again = len(sandbox.requests)
    assert learn_upcs(client, store.catalog, skus).requests == 0
    assert len(sandbox.requests) == again


def test_details_beyond_the_budget_wait_for_the_next_order(
    client: RedoClient, store: StationStore
) -> None:
    skus = list(_products())
    first = learn_upcs(client, store.catalog, skus, max_details=5)
    assert (len(first.learned), first.requests, first.left) == (5, 6, len(skus) - 5)
    second = learn_upcs(client, store.catalog, skus, max_details=100)
    assert len(second.learned) == len(skus) - 5


def test_without_the_inventory_scope_it_stops_quietly(
    client: RedoClient, sandbox: SandboxServer, store: StationStore
) -> None:
    sandbox.faults.revoked = True
    result = learn_upcs(client, store.catalog, ["BTL-STL-750"])
    assert (result.learned, result.requests, result.left) == ([], 0, 1)
    assert store.catalog.skus_needing_upc(["BTL-STL-750"]) == ["BTL-STL-750"]
