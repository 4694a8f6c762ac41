"""The sandbox's returns endpoints, over real HTTP: the demo returns, paging, filters,
processing and its refusals, status changes, comments, persistence and faults."""

from __future__ import annotations

import base64
import datetime as dt
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from packstation.packing.tracking import recognise
from packstation.resources import resource_path
from packstation.sandbox import Faults, SandboxServer, SandboxState
from packstation.sandbox.faults import parse_fault
from packstation.sandbox.returns import PREPARED, TRIGGERED

DELIVERED = "675a1c00e4b0d3f19a7c0001"  # #1001: one rain jacket
IN_TRANSIT = "675a1c00e4b0d3f19a7c0002"  # #1003: a daypack and one of two bottles
NEEDS_REVIEW = "675a1c00e4b0d3f19a7c0003"  # #1004: a fleece, with a comment
OPEN = "675a1c00e4b0d3f19a7c0004"  # #1010: pants and gaiters, label not yet scanned
TWO_UNITS = "675a1c00e4b0d3f19a7c0005"  # #1012: both pairs of gloves on one line
EXCHANGE = "675a1c00e4b0d3f19a7c0006"  # #1008: olive tee for a black one
COMPLETE = "675a1c00e4b0d3f19a7c0007"  # #1011: processed, restocked
REJECTED = "675a1c00e4b0d3f19a7c0008"  # #1013: rejected
JACKET = "675a1c00e4b0d3f19a7c1011"  # DELIVERED's one item
DAYPACK = "675a1c00e4b0d3f19a7c1021"  # IN_TRANSIT's two items
BOTTLE = "675a1c00e4b0d3f19a7c1022"
DEMO_COUNT = 32
LIST = "/stores/demo-store/returns"


@pytest.fixture
def http(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with _client(sandbox) as client:
        yield client


def _client(sandbox: SandboxServer, **options: Any) -> httpx.Client:
    headers = {"Authorization": f"Bearer {sandbox.token}"}
    options.setdefault("timeout", 5)
    return httpx.Client(base_url=sandbox.base_url, headers=headers, **options)


def _all(http: httpx.Client, size: int | None = None, **params: str) -> list[list[dict[str, Any]]]:
    """Every page of the list, following X-Page-Next until there is none."""
    pages: list[list[dict[str, Any]]] = []
    marker = None
    while True:
        headers = {"X-Page-Size": str(size)} if size else {}
        if marker:
            headers["X-Page-Continue"] = marker
        reply = http.get(LIST, params=params, headers=headers)
        assert reply.status_code == 200, reply.text
        pages.append(reply.json()["returns"])
        marker = reply.headers.get("X-Page-Next")
        if marker is None:
            return pages
        assert len(pages) < 50, "X-Page-Next never ends"


def _process(http: httpx.Client, return_id: str, *products: dict[str, Any]) -> httpx.Response:
    return http.post(f"/returns/{return_id}/process", json={"products": list(products)})


def _restock(item_id: str, adjustment: float | None = None) -> dict[str, Any]:
    given: dict[str, Any] = {"restock": True}
    if adjustment is not None:
        given["newMerchantAdjustment"] = adjustment
    return {"_id": item_id, "processInput": given}


def _item(returned: dict[str, Any], item_id: str) -> dict[str, Any]:
    return next(i for i in returned["items"] if i["id"] == item_id)


def _problem(reply: httpx.Response, status: int) -> str:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"] == "application/problem+json"
    body = reply.json()
    assert body["status"] == status
    return str(body["detail"])


# --- the demo returns ---------------------------------------------------------------------


def test_demo_returns_cover_every_case_a_bench_meets(http: httpx.Client) -> None:
    returns = [r for page in _all(http, 500) for r in page]
    assert len(returns) == DEMO_COUNT
    by_id = {r["id"]: r for r in returns}
    seeded = {
        DELIVERED: "delivered",
        IN_TRANSIT: "in_transit",
        NEEDS_REVIEW: "needs_review",
        OPEN: "open",
        TWO_UNITS: "delivered",
        EXCHANGE: "delivered",
        COMPLETE: "complete",
        REJECTED: "rejected",
    }
    assert {i: by_id[i]["status"] for i in seeded} == seeded
    assert by_id[TWO_UNITS]["items"][0]["quantity"] == 2
    assert by_id[EXCHANGE]["exchange"]["items"][0]["variant"]["sku"] == "TEE-MER-BLK-M"
    assert by_id[EXCHANGE]["items"][0]["exchangeItem"]["quantity"] == 1
    assert {i["status"] for i in by_id[COMPLETE]["items"]} == {"complete"}
    assert {i["status"] for i in by_id[REJECTED]["items"]} == {"rejected"}
    still_open = [by_id[r] for r in seeded if r not in (COMPLETE, REJECTED)]
    assert {i["status"] for r in still_open for i in r["items"]} == {"open"}


def test_every_demo_return_is_tied_to_its_demo_order(http: httpx.Client) -> None:
    orders = json.loads(resource_path("sandbox", "orders.json").read_text("utf-8"))
    products = json.loads(resource_path("sandbox", "products.json").read_text("utf-8"))
    by_name = {o["name"]: o for o in orders["orders"]}
    upcs = {p["sku"]: p["upc"] for p in products["products"]}
    images = resource_path("sandbox", "images")
    for returned in (r for page in _all(http, 500) for r in page):
        record = by_name[returned["order"]["name"]]
        assert returned["order"]["id"] == record["internalId"]
        assert returned["externalOrderIds"] == [record["order"]["orderId"]]
        lines = {line["id"]: line for line in record["order"]["lineItems"]}
        for item in returned["items"]:
            line = lines[item["orderItem"]["line_item_id"]]
            assert (item["sku"], item["productId"], item["variantId"]) == (
                line["sku"],
                line["productId"],
                line["variantId"],
            )
            assert item["upc"] == upcs[line["sku"]]
            assert 1 <= item["quantity"] <= line["quantity"]
            assert item["reason"] and item["reasonCode"] and item["customerComment"]
            assert (images / line["imageUrl"].removeprefix("/demo-images/")).is_file()


def test_every_tracker_is_its_carriers_with_a_valid_check_digit(http: httpx.Client) -> None:
    returns = [r for page in _all(http, 500) for r in page]
    trackers = {r["shipment"]["tracker"]: r["shipment"]["carrier"] for r in returns}
    assert len(trackers) == DEMO_COUNT  # no two parcels share a number
    assert set(trackers.values()) == {"UPS", "USPS", "FedEx"}
    for tracker, carrier in trackers.items():
        guess = recognise(tracker)
        assert guess is not None, tracker
        assert (guess.carrier, guess.code) == (carrier, tracker)
        assert len(tracker) == {"UPS": 18, "USPS": 22, "FedEx": 12}[carrier]
    for returned in returns:
        assert returned["shipments"] == [returned["shipment"]]


def test_demo_dates_are_fixed_recent_and_after_their_orders() -> None:
    first = SandboxState.demo().returns.snapshot()
    again = SandboxState.demo().returns.snapshot()
    assert first == again
    for record in first:
        returned = record["return"]
        created = dt.datetime.fromisoformat(returned["createdAt"])
        assert dt.datetime(2026, 11, 20, 14, 3, tzinfo=dt.UTC) < created
        assert created <= dt.datetime.fromisoformat(returned["updatedAt"])
        assert created < dt.datetime(2026, 12, 6, tzinfo=dt.UTC)


# --- the list: paging and filters --------------------------------------------------------


@pytest.mark.parametrize(("size", "pages"), [(None, 2), (7, 5), (1, 32), (32, 1), (500, 1)])
def test_paging_follows_x_page_next_until_exhausted(
    http: httpx.Client, size: int | None, pages: int
) -> None:
    got = _all(http, size)
    assert len(got) == pages
    assert all(len(page) == (size or 20) for page in got[:-1])
    ids = [r["id"] for page in got for r in page]
    assert len(ids) == len(set(ids)) == DEMO_COUNT
    created = [r["createdAt"] for page in got for r in page]
    assert created == sorted(created, reverse=True)  # most recent first


def test_a_page_brings_the_orders_of_its_returns_once_each(http: httpx.Client) -> None:
    reply = http.get(LIST)
    body = reply.json()
    wanted = {r["order"]["id"] for r in body["returns"]}
    in_order = list(dict.fromkeys(r["order"]["id"] for r in body["returns"]))
    assert [o["id"] for o in body["orders"]] == in_order
    assert {o["id"] for o in body["orders"]} == wanted
    order = next(o for o in body["orders"] if o["name"] == "#1001")
    assert order["externalId"] == "5801001"
    assert order["items"][0]["variant"]["sku"] == "JKT-RAIN-NVY-M"


def test_a_marker_stays_good_while_returns_change(http: httpx.Client) -> None:
    first = http.get(LIST, headers={"X-Page-Size": "5"})
    marker = first.headers["X-Page-Next"]
    assert _process(http, DELIVERED, _restock(JACKET)).status_code == 200
    second = http.get(LIST, headers={"X-Page-Size": "5", "X-Page-Continue": marker})
    seen = {r["id"] for r in first.json()["returns"]}
    assert not seen & {r["id"] for r in second.json()["returns"]}


@pytest.mark.parametrize(
    ("headers", "words"),
    [
        ({"X-Page-Size": "0"}, "X-Page-Size"),
        ({"X-Page-Size": "501"}, "X-Page-Size"),
        ({"X-Page-Size": "ten"}, "X-Page-Size"),
        ({"X-Page-Continue": "pg_20"}, "X-Page-Continue"),
    ],
)
def test_bad_paging_headers_are_400(
    http: httpx.Client, headers: dict[str, str], words: str
) -> None:
    assert words in _problem(http.get(LIST, headers=headers), 400)


@pytest.mark.parametrize("status", ["delivered", "complete", "rejected", "in_transit", "open"])
def test_status_filter_across_pages(http: httpx.Client, status: str) -> None:
    every = [r for page in _all(http, 500) for r in page]
    found = [r for page in _all(http, 3, status=status) for r in page]
    assert found
    assert [r["id"] for r in found] == [r["id"] for r in every if r["status"] == status]


def test_a_status_without_returns_is_an_empty_page(http: httpx.Client) -> None:
    reply = http.get(LIST, params={"status": "flagged"})
    assert reply.json() == {"orders": [], "returns": []}
    assert "X-Page-Next" not in reply.headers


def test_updated_at_min_is_inclusive_and_max_exclusive(http: httpx.Client) -> None:
    edge = "2026-12-04T10:05:00.000Z"  # DELIVERED's updatedAt
    from_edge = _all(http, 500, updated_at_min=edge)[0]
    before_edge = _all(http, 500, updated_at_max=edge)[0]
    assert DELIVERED in {r["id"] for r in from_edge}
    assert DELIVERED not in {r["id"] for r in before_edge}
    assert len(from_edge) + len(before_edge) == DEMO_COUNT
    assert all(r["updatedAt"] >= edge for r in from_edge)
    window = _all(
        http, 500, updated_at_min="2026-12-02T00:00:00+00:00", updated_at_max="2026-12-04T00:00:00Z"
    )[0]
    assert {r["id"] for r in window} == {NEEDS_REVIEW, TWO_UNITS, EXCHANGE}


@pytest.mark.parametrize("key", ["shopify_order_name", "provider_order_name"])
@pytest.mark.parametrize("name", ["#1003", "1003"])
def test_order_name_filters(http: httpx.Client, key: str, name: str) -> None:
    found = [r for page in _all(http, 500, **{key: name}) for r in page]
    assert {r["order"]["name"] for r in found} == {"#1003"}
    assert IN_TRANSIT in {r["id"] for r in found}


def test_filters_combine(http: httpx.Client) -> None:
    found = _all(http, 500, shopify_order_name="#1003", status="in_transit")[0]
    assert [r["id"] for r in found] == [IN_TRANSIT]
    assert _all(http, 500, shopify_order_name="#1003", provider_order_name="#1001") == [[]]


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"status": "lost"}, "status must be one of"),
        ({"updated_at_min": "last week"}, "updated_at_min"),
        ({"updated_at_max": "2026-13-01T00:00:00Z"}, "updated_at_max"),
    ],
)
def test_bad_filters_are_400(http: httpx.Client, params: dict[str, str], words: str) -> None:
    assert words in _problem(http.get(LIST, params=params), 400)


def test_another_store_has_no_returns(http: httpx.Client) -> None:
    assert "Store not found" in _problem(http.get("/stores/other/returns"), 404)


# --- one return --------------------------------------------------------------------------


def test_get_return_with_its_order(http: httpx.Client) -> None:
    body = http.get(f"/returns/{TWO_UNITS}").json()
    assert set(body) == {"return", "order"}
    assert body["return"]["id"] == TWO_UNITS
    assert body["order"]["name"] == "#1012"
    assert body["order"]["id"] == body["return"]["order"]["id"]


def test_unknown_return_is_404_everywhere(http: httpx.Client) -> None:
    for reply in (
        http.get("/returns/nope"),
        http.get("/returns/nope/status"),
        http.get("/returns/nope/comments"),
        _process(http, "nope", _restock(JACKET)),
        http.put("/returns/nope/status", json={"status": "open"}),
        http.post("/returns/nope/comments", json={"comment": {"message": "x"}}),
    ):
        assert "Return not found: nope" in _problem(reply, 404)


def test_returns_by_id_need_no_store_and_other_methods_are_405(http: httpx.Client) -> None:
    assert http.get(f"/returns/{DELIVERED}").status_code == 200
    assert "DELETE is not allowed" in _problem(http.delete(f"/returns/{DELIVERED}"), 405)


# --- processing --------------------------------------------------------------------------


def test_processing_every_item_completes_the_return(http: httpx.Client) -> None:
    before = http.get(f"/returns/{IN_TRANSIT}").json()["return"]
    reply = _process(http, IN_TRANSIT, _restock(DAYPACK))
    assert reply.json() == {"message": TRIGGERED}
    middle = http.get(f"/returns/{IN_TRANSIT}").json()["return"]
    assert middle["status"] == "in_transit"  # a bottle is still open
    assert (_item(middle, DAYPACK)["status"], _item(middle, DAYPACK)["outcome"]) == (
        "complete",
        "restock",
    )
    assert middle["updatedAt"] > before["updatedAt"]
    disposed = {"_id": BOTTLE, "processInput": {"restock": False, "newMerchantAdjustment": 20}}
    assert _process(http, IN_TRANSIT, disposed).status_code == 200
    after = http.get(f"/returns/{IN_TRANSIT}").json()["return"]
    assert after["status"] == "complete"
    assert _item(after, BOTTLE)["outcome"] == "dispose"
    assert _item(after, BOTTLE)["refund"]["amount"] == {"amount": "20.00", "currency": "EUR"}
    assert after["totals"]["refund"]["amount"]["amount"] == "139.00"  # 119 + 20
    assert after["updatedAt"] > middle["updatedAt"]
    assert http.get(f"/returns/{IN_TRANSIT}/status").json() == {"status": "complete"}


def test_rejecting_every_item_rejects_the_return(http: httpx.Client) -> None:
    reply = _process(
        http, OPEN, *({"_id": f"675a1c00e4b0d3f19a7c104{n}", "reject": True} for n in (1, 2))
    )
    assert reply.status_code == 200
    returned = http.get(f"/returns/{OPEN}").json()["return"]
    assert returned["status"] == "rejected"
    assert {i["status"] for i in returned["items"]} == {"rejected"}
    assert all("outcome" not in i for i in returned["items"])


def test_one_rejected_and_one_processed_is_complete(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    reply = http.post(
        f"/returns/{IN_TRANSIT}/process",
        json={
            "products": [{"_id": DAYPACK, "reject": True}, _restock(BOTTLE)],
            "customerNotes": "The daypack was used; the bottle is refunded.",
        },
    )
    assert reply.status_code == 200
    assert http.get(f"/returns/{IN_TRANSIT}/status").json() == {"status": "complete"}
    assert sandbox.state.returns.customer_notes(IN_TRANSIT) == [
        "The daypack was used; the bottle is refunded."
    ]


def test_the_prepared_fault_answers_the_other_message_and_still_processes(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.faults.set(process_prepared=True)
    assert _process(http, DELIVERED, _restock(JACKET)).json() == {"message": PREPARED}
    assert http.get(f"/returns/{DELIVERED}/status").json() == {"status": "complete"}


@pytest.mark.parametrize(
    ("products", "words"),
    [
        ([], "products is empty"),
        ([{"_id": "nope", "reject": True}], "Product nope is not on return"),
        (
            [{"_id": JACKET, "reject": True, "processInput": {"restock": True}}],
            "both reject and processInput",
        ),
        ([{"_id": JACKET}], "needs processInput (an object) or reject: true"),
        ([{"_id": JACKET, "reject": False}], "needs processInput"),
        ([{"reject": True}], "products[0]._id is required"),
        ([_restock(JACKET), {"_id": JACKET, "reject": True}], "listed twice"),
        ([{"_id": JACKET, "processInput": {"restock": "yes"}}], "restock must be true or false"),
        ([_restock(JACKET, -5)], "newMerchantAdjustment must be a number >= 0"),
        ([{"_id": JACKET, "reject": "yes"}], "reject must be true or false"),
    ],
)
def test_process_refusals_are_400_and_change_nothing(
    http: httpx.Client, products: list[Any], words: str
) -> None:
    before = http.get(f"/returns/{DELIVERED}").json()["return"]
    assert words in _problem(_process(http, DELIVERED, *products), 400)
    assert http.get(f"/returns/{DELIVERED}").json()["return"] == before


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"", "body is required"),
        (b"{nope", "not JSON"),
        (b"[]", "must be a JSON object"),
        (b"{}", "products is required"),
        (b'{"products": [], "customerNotes": 3}', "products is empty"),
        (b'{"products": [{"_id": "x", "reject": true}], "customerNotes": 3}', "customerNotes"),
    ],
)
def test_malformed_process_bodies_are_400(http: httpx.Client, body: bytes, words: str) -> None:
    reply = http.post(
        f"/returns/{DELIVERED}/process",
        content=body,
        headers={"Content-Type": "application/json"},
    )
    assert words in _problem(reply, 400)


def test_an_item_already_processed_or_rejected_is_400(http: httpx.Client) -> None:
    assert _process(http, IN_TRANSIT, _restock(DAYPACK)).status_code == 200
    assert "is already processed" in _problem(_process(http, IN_TRANSIT, _restock(DAYPACK)), 400)
    # A request naming a done item is refused whole: the open bottle stays open.
    refused = _process(http, IN_TRANSIT, _restock(BOTTLE), {"_id": DAYPACK, "reject": True})
    assert "PCK-DAY-22-GRN" in _problem(refused, 400)
    assert _item(http.get(f"/returns/{IN_TRANSIT}").json()["return"], BOTTLE)["status"] == "open"


@pytest.mark.parametrize(("return_id", "state"), [(COMPLETE, "complete"), (REJECTED, "rejected")])
def test_a_finished_return_is_not_processed_until_reopened(
    http: httpx.Client, return_id: str, state: str
) -> None:
    item = http.get(f"/returns/{return_id}").json()["return"]["items"][0]["id"]
    assert f"is {state}" in _problem(_process(http, return_id, _restock(item)), 400)
    assert http.put(f"/returns/{return_id}/status", json={"status": "open"}).status_code == 204
    assert _process(http, return_id, _restock(item)).status_code == 200
    assert http.get(f"/returns/{return_id}/status").json() == {"status": "complete"}


def test_a_deleted_return_is_not_processed(http: httpx.Client) -> None:
    assert http.put(f"/returns/{DELIVERED}/status", json={"status": "deleted"}).status_code == 204
    assert "is deleted" in _problem(_process(http, DELIVERED, _restock(JACKET)), 400)


def test_exchange_items_are_processed_without_a_refund(http: httpx.Client) -> None:
    item = http.get(f"/returns/{EXCHANGE}").json()["return"]["items"][0]["id"]
    assert _process(http, EXCHANGE, _restock(item)).status_code == 200
    returned = http.get(f"/returns/{EXCHANGE}").json()["return"]
    assert returned["status"] == "complete"
    assert "refund" not in returned["items"][0]
    assert returned["totals"]["exchange"]["amount"]["amount"] == "49.00"


# --- status ------------------------------------------------------------------------------


def test_status_complete_completes_every_item(http: httpx.Client) -> None:
    reply = http.put(f"/returns/{OPEN}/status", json={"status": "complete"})
    assert (reply.status_code, reply.content) == (204, b"")
    assert "content-type" not in reply.headers
    returned = http.get(f"/returns/{OPEN}").json()["return"]
    assert returned["status"] == "complete"
    assert {i["status"] for i in returned["items"]} == {"complete"}


def test_reopening_a_complete_return_resets_its_items(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    http.post(
        f"/returns/{DELIVERED}/process",
        json={"products": [_restock(JACKET, 100)], "customerNotes": "Refunded 100."},
    )
    done = http.get(f"/returns/{DELIVERED}").json()["return"]
    assert http.put(f"/returns/{DELIVERED}/status", json={"status": "open"}).status_code == 204
    returned = http.get(f"/returns/{DELIVERED}").json()["return"]
    assert returned["status"] == "open"
    item = _item(returned, JACKET)
    assert item["status"] == "open"
    assert "outcome" not in item and "refund" not in item
    assert returned["updatedAt"] > done["updatedAt"]
    assert sandbox.state.returns.reopened(DELIVERED)
    assert sandbox.state.returns.customer_notes(DELIVERED) == []


def test_reopening_an_open_return_is_only_a_status(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    http.put(f"/returns/{NEEDS_REVIEW}/status", json={"status": "open"})
    assert http.get(f"/returns/{NEEDS_REVIEW}/status").json() == {"status": "open"}
    assert not sandbox.state.returns.reopened(NEEDS_REVIEW)


@pytest.mark.parametrize("status", ["flagged", "rejected", "deleted"])
def test_other_status_updates_only_set_the_status(http: httpx.Client, status: str) -> None:
    before = http.get(f"/returns/{DELIVERED}").json()["return"]
    assert http.put(f"/returns/{DELIVERED}/status", json={"status": status}).status_code == 204
    after = http.get(f"/returns/{DELIVERED}").json()["return"]
    assert after["status"] == status
    assert after["items"] == before["items"]
    assert after["updatedAt"] > before["updatedAt"]


def test_setting_the_same_status_changes_nothing(http: httpx.Client) -> None:
    before = http.get(f"/returns/{COMPLETE}").json()["return"]
    assert http.put(f"/returns/{COMPLETE}/status", json={"status": "complete"}).status_code == 204
    assert http.get(f"/returns/{COMPLETE}").json()["return"] == before


@pytest.mark.parametrize("body", [{"status": "in_transit"}, {"status": 3}, {}, {"state": "open"}])
def test_bad_status_updates_are_400(http: httpx.Client, body: dict[str, Any]) -> None:
    detail = _problem(http.put(f"/returns/{DELIVERED}/status", json=body), 400)
    assert "complete" in detail and "deleted" in detail


# --- comments ----------------------------------------------------------------------------


def test_comments_are_listed_and_added(http: httpx.Client) -> None:
    seeded = http.get(f"/returns/{NEEDS_REVIEW}/comments").json()
    assert seeded["comments"][0]["message"].startswith("Customer sent photos")
    image = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(16)).decode()
    for comment in ({"message": "Seam checked: factory fault."}, {"image": image}):
        reply = http.post(f"/returns/{NEEDS_REVIEW}/comments", json={"comment": comment})
        assert (reply.status_code, reply.json()) == (201, {"comment": comment})
    listed = http.get(f"/returns/{NEEDS_REVIEW}/comments").json()["comments"]
    assert listed[1:] == [{"message": "Seam checked: factory fault."}, {"image": image}]
    assert http.get(f"/returns/{DELIVERED}/comments").json() == {"comments": []}


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"comment": {"message": "x", "image": "YQ=="}}, "one of the two"),
        ({"comment": {}}, "one of the two"),
        ({}, "comment is required"),
        ({"comment": {"message": "  "}}, "comment.message must be text"),
        ({"comment": {"image": "not base64!"}}, "comment.image must be base64"),
        ({"comment": {"image": ""}}, "comment.image is empty"),
        ({"comment": {"note": "x"}}, "neither message nor image"),
    ],
)
def test_bad_comments_are_400(http: httpx.Client, body: dict[str, Any], words: str) -> None:
    assert words in _problem(http.post(f"/returns/{DELIVERED}/comments", json=body), 400)
    assert http.get(f"/returns/{DELIVERED}/comments").json() == {"comments": []}


def test_comments_are_bounded(http: httpx.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    from packstation.sandbox import returns

    records = SandboxState.demo().returns.snapshot()
    seeded = sum(len(c["message"]) for r in records for c in r["comments"])
    monkeypatch.setattr(returns, "MAX_COMMENT_CHARS", seeded + 10)
    ok = http.post(f"/returns/{DELIVERED}/comments", json={"comment": {"message": "ten chars!"}})
    assert ok.status_code == 201
    full = http.post(f"/returns/{DELIVERED}/comments", json={"comment": {"message": "one more"}})
    assert "comments across all returns" in _problem(full, 400)


# --- persistence -------------------------------------------------------------------------


def test_returns_survive_a_restart_of_the_state_file(tmp_path: Path) -> None:
    state_file = tmp_path / "sandbox-state.json"
    with SandboxServer(state=SandboxState.demo(state_file)) as first, _client(first) as http:
        _process(http, IN_TRANSIT, _restock(DAYPACK))
        http.put(f"/returns/{NEEDS_REVIEW}/status", json={"status": "flagged"})
        http.post(f"/returns/{OPEN}/comments", json={"comment": {"message": "Label reprinted."}})
        kept = [http.get(f"/returns/{i}").json() for i in (IN_TRANSIT, NEEDS_REVIEW, OPEN)]
        pages = _all(http, 9)
    assert len(json.loads(state_file.read_text("utf-8"))["returns"]) == DEMO_COUNT
    with SandboxServer(state=SandboxState.demo(state_file)) as second, _client(second) as http:
        assert [http.get(f"/returns/{i}").json() for i in (IN_TRANSIT, NEEDS_REVIEW, OPEN)] == kept
        assert http.get(f"/returns/{OPEN}/comments").json() == {
            "comments": [{"message": "Label reprinted."}]
        }
        assert _all(http, 9) == pages


def test_a_state_file_from_before_returns_gets_the_demo_returns(tmp_path: Path) -> None:
    state_file = tmp_path / "sandbox-state.json"
    old = SandboxState.demo().snapshot()
    del old["returns"]
    state_file.write_text(json.dumps(old), "utf-8")
    state = SandboxState.demo(state_file)
    assert len(state.returns.snapshot()) == DEMO_COUNT


# --- faults ------------------------------------------------------------------------------


@pytest.mark.parametrize("scope", ["returns_read", "returns_write"])
def test_a_missing_scope_is_403_naming_it(
    http: httpx.Client, sandbox: SandboxServer, scope: str
) -> None:
    sandbox.faults.set(missing_scopes=frozenset({scope}))
    reads = [
        http.get(LIST),
        http.get(f"/returns/{DELIVERED}"),
        http.get(f"/returns/{DELIVERED}/status"),
    ]
    reads.append(http.get(f"/returns/{DELIVERED}/comments"))
    writes = [
        _process(http, DELIVERED, _restock(JACKET)),
        http.put(f"/returns/{DELIVERED}/status", json={"status": "flagged"}),
        http.post(f"/returns/{DELIVERED}/comments", json={"comment": {"message": "x"}}),
    ]
    refused, allowed = (reads, writes) if scope == "returns_read" else (writes, reads)
    for reply in refused:
        assert f"lacks the {scope} scope" in _problem(reply, 403)
    assert all(r.status_code < 300 for r in allowed)
    # The orders API needs neither scope.
    assert http.get("/stores/demo-store/orders/%231001").status_code == 200


def test_a_refused_write_changes_nothing(http: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.set(missing_scopes=frozenset({"returns_write"}))
    assert _process(http, DELIVERED, _restock(JACKET)).status_code == 403
    assert http.get(f"/returns/{DELIVERED}/status").json() == {"status": "delivered"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("missing-scope=returns_write", frozenset({"returns_write"})),
        ("missing-scope=returns_read,returns_write", frozenset({"returns_read", "returns_write"})),
    ],
)
def test_scope_fault_arguments(text: str, expected: frozenset[str]) -> None:
    faults = Faults()
    parse_fault(text, faults)
    assert faults.missing_scopes == expected
    faults.reset()
    assert faults.missing_scopes == frozenset()


def test_bad_scope_fault_arguments_explain_themselves() -> None:
    for text in ("missing-scope=returns_delete", "missing-scope="):
        with pytest.raises(ValueError, match=r"a scope is one of .*returns_write"):
            parse_fault(text, Faults())
    faults = Faults()
    parse_fault("process-prepared", faults)
    assert faults.process_prepared


def test_fail_writes_on_process_is_503_and_processes_nothing(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.faults.set(fail_writes=1)
    _problem(_process(http, DELIVERED, _restock(JACKET)), 503)
    assert http.get(f"/returns/{DELIVERED}/status").json() == {"status": "delivered"}
    assert _process(http, DELIVERED, _restock(JACKET)).status_code == 200


def test_reject_writes_on_process_is_400_and_processes_nothing(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.faults.set(reject_writes=1)
    assert "refused" in _problem(_process(http, DELIVERED, _restock(JACKET)), 400)
    assert http.get(f"/returns/{DELIVERED}/status").json() == {"status": "delivered"}


def test_rate_limit_on_process_sends_retry_after(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.faults.set(rate_limit=1, retry_after=4)
    reply = _process(http, DELIVERED, _restock(JACKET))
    _problem(reply, 429)
    assert reply.headers["Retry-After"] == "4"
    assert http.get(f"/returns/{DELIVERED}/status").json() == {"status": "delivered"}


def test_drop_after_commit_on_process_processes_but_never_answers(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.faults.set(drop_after_commit=1)
    with pytest.raises(httpx.RemoteProtocolError):
        _process(http, DELIVERED, _restock(JACKET))
    assert http.get(f"/returns/{DELIVERED}/status").json() == {"status": "complete"}
    assert sandbox.requests[-2][2] == -1  # recorded as dropped
    assert sandbox.writes() == 1


def test_hang_after_commit_on_process_times_out_after_processing(sandbox: SandboxServer) -> None:
    sandbox.faults.set(hang_after_commit=1, hang_seconds=10)
    with _client(sandbox, timeout=httpx.Timeout(2, read=0.3)) as impatient:
        with pytest.raises(httpx.ReadTimeout):
            _process(impatient, DELIVERED, _restock(JACKET))
    assert sandbox.state.returns.status(DELIVERED) == "complete"


def test_revoked_token_is_401_on_process(http: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.set(revoked=True)
    assert "Invalid or missing API token" in _problem(
        _process(http, DELIVERED, _restock(JACKET)), 401
    )
    assert sandbox.state.returns.status(DELIVERED) == "delivered"


def test_latency_and_trickle_still_deliver_the_answer(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.faults.set(latency=0.2, trickle=0.001)
    started = time.monotonic()
    reply = _process(http, DELIVERED, _restock(JACKET))
    assert time.monotonic() - started >= 0.2
    assert reply.json() == {"message": TRIGGERED}
