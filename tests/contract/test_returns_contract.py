"""Every answer of the sandbox's returns endpoints, and every error, checked against the spec.

The official document is vendored in ``spec/`` (npm ``@redotech/redo-api-schema`` 2.2.693).
Requests go over real HTTP to the started sandbox; each exchange it recorded is validated
(request and response, or the response alone where the test sends a body the spec refuses
on purpose, to see the sandbox refuse it too).
"""

from __future__ import annotations

import base64
import copy
import dataclasses
import json
from collections.abc import Iterator
from functools import cache
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from openapi_core import Config, OpenAPI
from openapi_core.deserializing.media_types.util import json_loads
from openapi_core.testing import MockRequest, MockResponse
from openapi_schema_validator import OAS31Validator

from packstation.sandbox import Limits, SandboxServer, SandboxState
from packstation.sandbox.limits import Exchange
from packstation.sandbox.returns_api import order_read
from tests.contract.conftest import spec_dict

DELIVERED = "675a1c00e4b0d3f19a7c0001"  # #1001, one rain jacket
IN_TRANSIT = "675a1c00e4b0d3f19a7c0002"  # #1003, two lines
COMPLETE = "675a1c00e4b0d3f19a7c0007"
UNKNOWN = "000000000000000000000000"


@cache
def _openapi() -> OpenAPI:
    """The spec as ``conftest.openapi()`` loads it, and able to read
    ``application/problem+json``: every error of the returns endpoints has that type, and
    openapi-core reads only ``application/json`` bodies unless told."""
    spec = copy.deepcopy(spec_dict())
    spec["servers"].append({"url": "http://127.0.0.1/v2.2"})
    config = Config(extra_media_type_deserializers={"application/problem+json": json_loads})
    return OpenAPI.from_dict(spec, config=config)


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """The sandbox, keeping whole answers: a page of 20 returns and their orders is
    larger than the 64 KiB an exchange keeps by default."""
    limits = Limits(max_recorded_body=1024 * 1024)
    with SandboxServer(token="sbx-test-token-7f3a9c", limits=limits) as server:
        yield server


@pytest.fixture
def http(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {sandbox.token}"}
    with httpx.Client(base_url=sandbox.base_url, headers=headers, timeout=5) as client:
        yield client


def _last(sandbox: SandboxServer) -> Exchange:
    return sandbox.exchanges[-1]


def _mock(exchange: Exchange) -> tuple[MockRequest, MockResponse]:
    target = urlsplit(exchange.target)
    request = MockRequest(
        host_url="http://127.0.0.1",
        method=exchange.method,
        path=target.path,
        args={k: v[0] for k, v in parse_qs(target.query).items()},
        headers=exchange.request_headers,
        data=exchange.request_body or None,
        content_type=exchange.request_headers.get("Content-Type", "application/json"),
    )
    response = MockResponse(
        data=exchange.response_body,
        status_code=exchange.status,
        content_type=exchange.content_type,
    )
    return request, response


def validate_exchange(exchange: Exchange) -> None:
    """Both halves of one exchange against the official document; raises on a mismatch."""
    request, response = _mock(exchange)
    _openapi().validate_request(request)
    _openapi().validate_response(request, response)


def validate_answer(exchange: Exchange) -> None:
    """The response half alone: for requests the spec itself would refuse."""
    request, response = _mock(exchange)
    _openapi().validate_response(request, response)


def _validator(schema_name: str) -> OAS31Validator:
    return OAS31Validator(
        {"$ref": f"#/components/schemas/{schema_name}", "components": spec_dict()["components"]}
    )


# --- the list ---------------------------------------------------------------------------


def test_every_page_of_the_list_matches_the_spec(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    pages, marker = 0, None
    while True:
        headers = {"X-Page-Size": "7", **({"X-Page-Continue": marker} if marker else {})}
        reply = http.get("/stores/demo-store/returns", headers=headers)
        assert reply.status_code == 200
        validate_exchange(_last(sandbox))
        pages += 1
        marker = reply.headers.get("X-Page-Next")
        if marker is None:
            break
    assert pages == 5  # 32 demo returns


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"status": "delivered"},
        {"status": "flagged"},  # none: an empty page
        {"updated_at_min": "2026-12-01T00:00:00Z", "updated_at_max": "2026-12-05T00:00:00Z"},
        {"shopify_order_name": "#1001"},
        {"provider_order_name": "#1003"},
    ],
    ids=["all", "status", "empty", "updated", "shopify-name", "provider-name"],
)
def test_filtered_lists_match_the_spec(
    http: httpx.Client, sandbox: SandboxServer, query: dict[str, str]
) -> None:
    assert http.get("/stores/demo-store/returns", params=query).status_code == 200
    validate_exchange(_last(sandbox))


@pytest.mark.parametrize(
    ("params", "headers"),
    [
        ({"status": "lost"}, {}),
        ({"updated_at_min": "yesterday"}, {}),
        ({}, {"X-Page-Size": "501"}),
        ({}, {"X-Page-Continue": "nope"}),
    ],
    ids=["bad-status", "bad-date", "page-too-big", "bad-marker"],
)
def test_list_refusals_are_problem_details(
    http: httpx.Client, sandbox: SandboxServer, params: dict[str, str], headers: dict[str, str]
) -> None:
    reply = http.get("/stores/demo-store/returns", params=params, headers=headers)
    assert reply.status_code == 400
    assert reply.headers["content-type"] == "application/problem+json"
    validate_answer(_last(sandbox))


# --- one return, its status and comments -----------------------------------------------


def test_every_return_and_its_status_and_comments_match_the_spec(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    ids = [r["return"]["id"] for r in sandbox.state.returns.snapshot()]
    assert len(ids) == 32
    for return_id in ids:
        for path in (f"/returns/{return_id}", f"/returns/{return_id}/status"):
            assert http.get(path).status_code == 200
            validate_exchange(_last(sandbox))
        assert http.get(f"/returns/{return_id}/comments").status_code == 200
        validate_exchange(_last(sandbox))


@pytest.mark.parametrize(
    "body",
    [
        {"products": [{"_id": "675a1c00e4b0d3f19a7c1011", "reject": True}]},
        {
            "products": [
                {
                    "_id": "675a1c00e4b0d3f19a7c1011",
                    "processInput": {"restock": True, "newMerchantAdjustment": 150.5},
                }
            ],
            "customerNotes": "Refunded less a cleaning fee.",
        },
        {
            "products": [
                {
                    "_id": "675a1c00e4b0d3f19a7c1011",
                    "processInput": {"restock": False, "newMerchantAdjustment": None},
                }
            ]
        },
    ],
    ids=["reject", "restock-adjusted", "dispose"],
)
def test_process_answers_match_the_spec(
    http: httpx.Client, sandbox: SandboxServer, body: dict[str, Any]
) -> None:
    reply = http.post(f"/returns/{DELIVERED}/process", json=body)
    assert reply.json() == {"message": "Processing triggered successfully"}
    sent = body["products"][0].get("processInput") or {}
    if "newMerchantAdjustment" in sent and sent["newMerchantAdjustment"] is None:
        # The spec marks it ``nullable: true``, an OpenAPI 3.0 keyword its own 3.1
        # validators ignore: a null is refused by the schema, and accepted by the sandbox
        # as the description means it.
        validate_answer(_last(sandbox))
    else:
        validate_exchange(_last(sandbox))
    http.get(f"/returns/{DELIVERED}")
    validate_exchange(_last(sandbox))


def test_the_prepared_answer_matches_the_spec(http: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.set(process_prepared=True)
    body = {"products": [{"_id": "675a1c00e4b0d3f19a7c1021", "processInput": {"restock": True}}]}
    reply = http.post(f"/returns/{IN_TRANSIT}/process", json=body)
    assert reply.json()["message"].startswith("Successfully prepared some products")
    validate_exchange(_last(sandbox))


@pytest.mark.parametrize(
    "body",
    [
        {"products": []},
        {"products": [{"_id": "nope", "reject": True}]},
        {
            "products": [
                {"_id": "675a1c00e4b0d3f19a7c1011", "reject": True, "processInput": {}},
            ]
        },
        {"products": [{"_id": "675a1c00e4b0d3f19a7c1011"}]},
    ],
    ids=["empty", "unknown-id", "both", "neither"],
)
def test_process_refusals_match_the_spec(
    http: httpx.Client, sandbox: SandboxServer, body: dict[str, Any]
) -> None:
    reply = http.post(f"/returns/{DELIVERED}/process", json=body)
    assert reply.status_code == 400
    validate_exchange(_last(sandbox))


def test_process_refusals_of_bodies_the_spec_refuses_are_problem_details(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    for content in (b"{}", b"[]", b"not json", b'{"products": [{"_id": 7}]}'):
        reply = http.post(
            f"/returns/{DELIVERED}/process",
            content=content,
            headers={"Content-Type": "application/json"},
        )
        assert reply.status_code == 400
        validate_answer(_last(sandbox))


def test_processing_twice_and_processing_a_complete_return_match_the_spec(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    body = {"products": [{"_id": "675a1c00e4b0d3f19a7c1021", "reject": True}]}
    http.post(f"/returns/{IN_TRANSIT}/process", json=body)
    assert http.post(f"/returns/{IN_TRANSIT}/process", json=body).status_code == 400
    validate_exchange(_last(sandbox))
    body = {"products": [{"_id": "675a1c00e4b0d3f19a7c1071", "reject": True}]}
    assert http.post(f"/returns/{COMPLETE}/process", json=body).status_code == 400
    validate_exchange(_last(sandbox))


@pytest.mark.parametrize("status", ["complete", "open", "flagged", "rejected", "deleted"])
def test_status_updates_match_the_spec(
    http: httpx.Client, sandbox: SandboxServer, status: str
) -> None:
    reply = http.put(f"/returns/{COMPLETE}/status", json={"status": status})
    assert reply.status_code == 204
    assert reply.content == b""
    validate_exchange(_last(sandbox))
    http.get(f"/returns/{COMPLETE}")
    validate_exchange(_last(sandbox))


def test_a_status_the_spec_does_not_allow_is_refused_as_problem_details(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    assert http.put(f"/returns/{COMPLETE}/status", json={"status": "lost"}).status_code == 400
    validate_answer(_last(sandbox))


@pytest.mark.parametrize(
    "comment",
    [
        {"message": "Tag torn off; restocked as B-grade."},
        {"image": base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(32)).decode()},
    ],
    ids=["message", "image"],
)
def test_comments_match_the_spec(
    http: httpx.Client, sandbox: SandboxServer, comment: dict[str, str]
) -> None:
    reply = http.post(f"/returns/{DELIVERED}/comments", json={"comment": comment})
    assert reply.status_code == 201
    validate_exchange(_last(sandbox))
    http.get(f"/returns/{DELIVERED}/comments")
    validate_exchange(_last(sandbox))


def test_a_comment_the_spec_refuses_is_refused_as_problem_details(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    for comment in ({"message": "a", "image": "YQ=="}, {"image": "not base64!"}, {}):
        reply = http.post(f"/returns/{DELIVERED}/comments", json={"comment": comment})
        assert reply.status_code == 400
        validate_answer(_last(sandbox))


# --- errors shared by every returns endpoint ---------------------------------------------


def _every_endpoint(http: httpx.Client, return_id: str) -> list[httpx.Response]:
    process = {"products": [{"_id": "675a1c00e4b0d3f19a7c1011", "reject": True}]}
    return [
        http.get("/stores/demo-store/returns"),
        http.get(f"/returns/{return_id}"),
        http.post(f"/returns/{return_id}/process", json=process),
        http.get(f"/returns/{return_id}/status"),
        http.put(f"/returns/{return_id}/status", json={"status": "flagged"}),
        http.post(f"/returns/{return_id}/comments", json={"comment": {"message": "x"}}),
    ]


def test_unknown_returns_are_404_problem_details(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    replies = [*_every_endpoint(http, UNKNOWN)[1:], http.get("/stores/other-store/returns")]
    assert {r.status_code for r in replies} == {404}
    assert {r.headers["content-type"] for r in replies} == {"application/problem+json"}
    _each_validated(sandbox, len(replies) + 1)


def test_an_unknown_returns_comments_404_is_problem_details_the_spec_leaves_out(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    """The spec gives ``GET /returns/{id}/comments`` a 200 and no error answer at all; the
    sandbox answers an unknown return as every other returns endpoint does."""
    reply = http.get(f"/returns/{UNKNOWN}/comments")
    assert reply.status_code == 404
    assert reply.headers["content-type"] == "application/problem+json"
    _validator("error.schema").validate(reply.json())


def _each_validated(sandbox: SandboxServer, count: int) -> None:
    for exchange in list(sandbox.exchanges)[-count:]:
        if exchange.status in (401, 403):
            # Refused before the body is read (the sandbox reads nothing of a request it
            # refuses), so the exchange holds no request body to validate.
            validate_answer(exchange)
        else:
            validate_exchange(exchange)


def test_revoked_token_is_401_problem_details(http: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.set(revoked=True)
    replies = _every_endpoint(http, DELIVERED)
    assert {r.status_code for r in replies} == {401}
    _each_validated(sandbox, len(replies))


@pytest.mark.parametrize("scope", ["returns_read", "returns_write"])
def test_a_missing_scope_is_403_problem_details(
    http: httpx.Client, sandbox: SandboxServer, scope: str
) -> None:
    sandbox.faults.set(missing_scopes=frozenset({scope}))
    replies = _every_endpoint(http, DELIVERED)
    refused = [r for r in replies if r.status_code == 403]
    assert len(refused) == 3
    assert all(scope in r.json()["detail"] for r in refused)
    _each_validated(sandbox, len(replies))


def test_rate_limit_and_failed_writes_are_problem_details(
    http: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.faults.set(rate_limit=1, fail_writes=1, reject_writes=1)
    body = {"products": [{"_id": "675a1c00e4b0d3f19a7c1011", "reject": True}]}
    statuses = [http.post(f"/returns/{DELIVERED}/process", json=body).status_code for _ in "abc"]
    assert statuses == [429, 503, 400]
    _each_validated(sandbox, 3)


# --- the demo data, schema by schema -----------------------------------------------------


def test_demo_returns_and_their_orders_match_the_spec_schemas() -> None:
    state = SandboxState.demo()
    returns, orders = _validator("return-read.schema"), _validator("order-read.schema")
    comments = _validator("comment.schema")
    for record in state.returns.snapshot():
        returns.validate(record["return"])
        orders.validate(order_read(state, record["return"]["order"]["id"]))
        for comment in record["comments"]:
            comments.validate(comment)


def test_the_validator_bites_on_returns(http: httpx.Client, sandbox: SandboxServer) -> None:
    """A wrong answer must fail validation, or the tests above prove nothing."""
    http.get(f"/returns/{DELIVERED}")
    good = _last(sandbox)
    body = json.loads(good.response_body)
    del body["return"]["items"][0]["reason"]
    broken = dataclasses.replace(good, response_body=json.dumps(body).encode())
    with pytest.raises(Exception, match="reason"):
        validate_exchange(broken)
    http.get(f"/returns/{UNKNOWN}")
    problem = _last(sandbox)
    validate_exchange(problem)
    not_problem = dataclasses.replace(problem, response_body=b'["Return not found"]')
    with pytest.raises(Exception):  # noqa: B017 - openapi-core's error types vary by version
        validate_exchange(not_problem)
    http.put(f"/returns/{DELIVERED}/status", json={"status": "open"})
    sent = _last(sandbox)
    wrong = dataclasses.replace(sent, request_body=b'{"status": "in_transit"}')
    with pytest.raises(Exception):  # noqa: B017 - openapi-core's error types vary by version
        validate_exchange(wrong)
