"""The returns client against the real sandbox over loopback HTTP: paging, reading,
processing, a missing scope, and a process whose answer is lost after Redo committed it.

Answers the sandbox never gives (a malformed return, a repeating page cursor, a 2xx that
is not JSON) come from a raw loopback server at the end.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import pytest
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockResponse

from packstation.redo import RedoClient, Timeouts
from packstation.redo.errors import (
    Forbidden,
    NotFound,
    OutcomeUnknown,
    ProblemKind,
    ProcessRefused,
    ProtocolError,
    Scope,
    ServerError,
)
from packstation.redo.returns import ItemState, ReturnStatus
from packstation.redo.returns_api import ReturnQuery, ReturnsApi
from packstation.redo.returns_process import (
    CreateCommentRequest,
    MessageComment,
    ProcessOutcome,
    ProcessProduct,
    ProcessReturnRequest,
    ReturnStatusUpdate,
    check_process,
)
from packstation.sandbox import SandboxServer
from packstation.sandbox.server import Exchange
from tests.contract.conftest import _request, spec_dict
from tests.helpers.rawserver import answer, raw_server

#: Demo returns (resources/sandbox/returns.json): #1010's is open with two items, #1003's
#: in transit with two, #1011's complete.
OPEN_TWO = "675a1c00e4b0d3f19a7c0004"
IN_TRANSIT_TWO = "675a1c00e4b0d3f19a7c0002"
COMPLETE = "675a1c00e4b0d3f19a7c0007"
FAST = Timeouts(connect=1, read=2, write=2, pool=1)


@cache
def _openapi() -> OpenAPI:
    """The vendored document as ``tests/contract`` serves it, reading problem+json too:
    openapi-core deserialises only media types it knows, and every error the returns
    endpoints give is ``application/problem+json``."""
    spec = copy.deepcopy(spec_dict())
    spec["servers"].append({"url": "http://127.0.0.1/v2.2"})
    problem_json = {"application/problem+json": json.loads}
    return OpenAPI.from_dict(spec, config=Config(extra_media_type_deserializers=problem_json))


def validate_exchange(exchange: Exchange, *, request: bool = True) -> None:
    """Both halves of one exchange against the spec (the request only when the sandbox read
    it: a 401 or 403 is answered before the body is)."""
    sent = _request(exchange)
    if request:
        _openapi().validate_request(sent)
    reply = MockResponse(
        data=exchange.response_body, status_code=exchange.status, content_type=exchange.content_type
    )
    _openapi().validate_response(sent, reply)


@pytest.fixture
def api(client: RedoClient) -> ReturnsApi:
    return ReturnsApi(client)


def _everything(api: ReturnsApi, return_id: str) -> ProcessReturnRequest:
    items = api.get(return_id).return_.items
    return ProcessReturnRequest(
        products=[ProcessProduct.processed(i.id, restock=True) for i in items]
    )


def _returns_exchanges(sandbox: SandboxServer) -> list[Exchange]:
    return [e for e in sandbox.exchanges if "/returns" in e.target]


# --- paging -----------------------------------------------------------------------


def test_walking_every_page_sees_every_return_once_newest_first(
    api: ReturnsApi, sandbox: SandboxServer
) -> None:
    pages = list(api.pages(max_pages=20, page_size=7))
    assert len(pages) >= 3, "the demo store must span several pages"
    walk = _returns_exchanges(sandbox)
    assert len(walk) == len(pages)
    for exchange in walk:  # (a page of 500 is more than the sandbox records of a body)
        validate_exchange(exchange)
    assert all(len(p.returns) == 7 for p in pages[:-1]) and pages[-1].next is None
    walked = [r for p in pages for r in p.returns]
    whole = api.list_page(page_size=500)
    assert [r.id for r in walked] == [r.id for r in whole.returns]
    assert whole.next is None and len({r.id for r in walked}) == len(walked)
    created = [r.created_at for r in walked]
    assert created == sorted(created, reverse=True)
    for page in pages:
        assert not page.unreadable
        for ret in page.returns:  # each return's order comes with its page
            order = page.order_of(ret)
            assert order is not None and order.name == ret.order_name


def test_a_bounded_walk_says_where_to_go_on(api: ReturnsApi) -> None:
    first = list(api.pages(max_pages=2, page_size=5))
    assert len(first) == 2 and first[-1].next is not None
    rest = list(api.pages(max_pages=50, page_size=5, after=first[-1].next))
    assert rest[-1].next is None
    ids = [r.id for p in (*first, *rest) for r in p.returns]
    assert ids == [r.id for r in api.list_page(page_size=500).returns]


def test_filters(api: ReturnsApi, sandbox: SandboxServer) -> None:
    delivered = api.list_page(ReturnQuery(status=ReturnStatus.DELIVERED), page_size=500)
    assert delivered.returns and {r.status for r in delivered.returns} == {ReturnStatus.DELIVERED}
    named = api.list_page(ReturnQuery(shopify_order_name="#1003"), page_size=500)
    assert named.returns and {r.order_name for r in named.returns} == {"#1003"}
    validate_exchange(sandbox.exchanges[-1])
    # The list cannot filter by tracker: a scanned label is matched on the pages read.
    tracker = api.get(IN_TRANSIT_TWO).return_.trackers()[0]
    found = [r.id for p in api.pages(max_pages=20, page_size=10) for r in p.with_tracker(tracker)]
    assert found == [IN_TRANSIT_TWO]


# --- reading ----------------------------------------------------------------------


def test_get_a_return_with_titles_skus_and_upcs(api: ReturnsApi, sandbox: SandboxServer) -> None:
    detail = api.get(OPEN_TWO)
    validate_exchange(sandbox.exchanges[-1])
    assert detail.return_.id == OPEN_TWO and detail.order is not None
    assert detail.order.id == detail.return_.order.id
    lines = detail.lines()
    assert len(lines) == 2
    for line in lines:
        assert line.title and line.sku and line.item.upc and line.item.value is not None
        assert line.state is ItemState.OPEN and line.item.reason
    assert api.get_status(OPEN_TWO) is ReturnStatus.OPEN
    validate_exchange(sandbox.exchanges[-1])


def test_a_return_that_does_not_exist(api: ReturnsApi, sandbox: SandboxServer) -> None:
    with pytest.raises(NotFound) as info:
        api.get("000000000000000000000000")
    assert info.value.problem.reference == "000000000000000000000000"
    validate_exchange(sandbox.exchanges[-1])
    sent = len(sandbox.requests)
    with pytest.raises(NotFound) as info:
        api.get_status("")
    assert info.value.problem.kind is ProblemKind.EMPTY_REFERENCE
    assert len(sandbox.requests) == sent  # never sent: it would address another endpoint
    with pytest.raises(NotFound) as info:
        api.get_status("..")  # sent as %2E%2E, not as a step up the path
    assert info.value.problem.reference == ".."


# --- writing ----------------------------------------------------------------------


def test_processing_a_whole_return_triggers_it(api: ReturnsApi, sandbox: SandboxServer) -> None:
    request = _everything(api, OPEN_TWO)
    result = api.process(OPEN_TWO, request)
    validate_exchange(sandbox.exchanges[-1])
    assert result.outcome is ProcessOutcome.TRIGGERED
    after = api.get(OPEN_TWO).return_
    assert after.status is ReturnStatus.COMPLETE
    assert {i.outcome for i in after.items} == {"restock"}
    assert check_process(after, request).settled


def test_products_prepared_are_success_too(api: ReturnsApi, sandbox: SandboxServer) -> None:
    sandbox.faults.set(process_prepared=True)
    first = api.get(IN_TRANSIT_TWO).return_.items[0]
    result = api.process(
        IN_TRANSIT_TWO,
        ProcessReturnRequest(products=[ProcessProduct.processed(first.id, restock=False)]),
    )
    assert result.outcome is ProcessOutcome.PREPARED
    validate_exchange(sandbox.exchanges[-1])


def test_redo_refusing_to_process_keeps_its_reason(api: ReturnsApi, sandbox: SandboxServer) -> None:
    done = api.get(COMPLETE).return_
    request = ProcessReturnRequest(products=[ProcessProduct.rejected(done.items[0].id)])
    with pytest.raises(ProcessRefused) as info:
        api.process(COMPLETE, request)
    validate_exchange(sandbox.exchanges[-1])
    error = info.value
    assert error.return_id == COMPLETE and error.problem.status == 400
    assert "nothing is left to process" in error.server_message
    assert not error.outcome_unknown and not error.retryable
    # The retry helper would not have sent it at all.
    assert check_process(done, request).to_send is None


def test_status_and_comments(api: ReturnsApi, sandbox: SandboxServer) -> None:
    api.set_status(OPEN_TWO, ReturnStatusUpdate.FLAGGED)
    validate_exchange(sandbox.exchanges[-1])
    assert api.get_status(OPEN_TWO) is ReturnStatus.FLAGGED
    posted = api.add_comment(OPEN_TWO, CreateCommentRequest(comment=MessageComment(message="2/2")))
    validate_exchange(sandbox.exchanges[-1])
    assert posted.message == "2/2"
    assert [c.message for c in api.comments(OPEN_TWO)][-1] == "2/2"


# --- faults -----------------------------------------------------------------------


def test_a_missing_scope_is_named(api: ReturnsApi, sandbox: SandboxServer) -> None:
    sandbox.faults.set(missing_scopes=frozenset({"returns_write"}))
    request = _everything(api, OPEN_TWO)  # reading still works
    writes = [
        lambda: api.process(OPEN_TWO, request),
        lambda: api.set_status(OPEN_TWO, ReturnStatusUpdate.FLAGGED),
        lambda: api.add_comment(
            OPEN_TWO, CreateCommentRequest(comment=MessageComment(message="m"))
        ),
    ]
    for write in writes:
        with pytest.raises(Forbidden) as info:
            write()
        assert info.value.scope is Scope.RETURNS_WRITE
        assert not info.value.outcome_unknown
        validate_exchange(sandbox.exchanges[-1], request=False)
    assert api.get_status(OPEN_TWO) is ReturnStatus.OPEN  # nothing was done
    sandbox.faults.set(missing_scopes=frozenset({"returns_read"}))
    reads = [
        lambda: api.list_page(),
        lambda: api.get(OPEN_TWO),
        lambda: api.get_status(OPEN_TWO),
        lambda: api.comments(OPEN_TWO),
    ]
    for read in reads:
        with pytest.raises(Forbidden) as info:
            read()
        assert info.value.problem.to_json() == {"kind": "scope_missing", "scope": "returns_read"}


def test_a_lost_answer_after_commit_is_found_processed_and_not_sent_again(
    api: ReturnsApi, sandbox: SandboxServer
) -> None:
    request = _everything(api, OPEN_TWO)
    sandbox.faults.set(drop_after_commit=1)
    with pytest.raises(OutcomeUnknown) as info:
        api.process(OPEN_TWO, request)
    assert info.value.outcome_unknown and info.value.retryable
    check = check_process(api.get(OPEN_TWO).return_, request)
    assert check.settled and set(check.done) == set(request.item_ids())
    process_posts = [r for r in sandbox.requests if r[0] == "POST" and r[1].endswith("/process")]
    assert len(process_posts) == 1


def test_a_lost_comment_answer_is_found_among_the_comments(
    api: ReturnsApi, sandbox: SandboxServer
) -> None:
    note = CreateCommentRequest(comment=MessageComment(message="Received 2/2 [job 7f3a]"))
    sandbox.faults.set(drop_after_commit=1)
    with pytest.raises(OutcomeUnknown):
        api.add_comment(OPEN_TWO, note)
    assert [c.message for c in api.comments(OPEN_TWO)].count("Received 2/2 [job 7f3a]") == 1


def test_a_5xx_before_commit_leaves_everything_to_send(
    api: ReturnsApi, sandbox: SandboxServer
) -> None:
    request = _everything(api, OPEN_TWO)
    sandbox.faults.set(fail_writes=1)
    with pytest.raises(ServerError) as info:
        api.process(OPEN_TWO, request)
    assert info.value.outcome_unknown  # a 5xx to a write: it might have been done
    check = check_process(api.get(OPEN_TWO).return_, request)
    assert check.to_send == request
    assert api.process(OPEN_TWO, check.to_send).outcome is ProcessOutcome.TRIGGERED


# --- answers the sandbox does not give ---------------------------------------------

RETURN = {
    "id": "r1",
    "status": "delivered",
    "createdAt": "2026-12-01T00:00:00Z",
    "updatedAt": "2026-12-01T00:00:00Z",
    "order": {"id": "o1", "name": "#1"},
    "items": [{"id": "i1", "quantity": 1}],
}


@contextmanager
def _raw_api(
    status: str, body: bytes, content_type: str = "application/json", extra: str = ""
) -> Iterator[ReturnsApi]:
    """The returns client against a loopback server giving this one answer to everything."""
    with (
        raw_server(answer(status, content_type, body, extra)) as url,
        RedoClient(token="tok", store_id="s1", base_url=url, timeouts=FAST) as client,
    ):
        yield ReturnsApi(client)


def test_a_return_without_an_id_is_a_protocol_error() -> None:
    broken = {k: v for k, v in RETURN.items() if k != "id"}
    with _raw_api("200 OK", json.dumps({"return": broken, "order": None}).encode()) as api:
        with pytest.raises(ProtocolError) as info:
            api.get("r1")
    assert info.value.problem.kind is ProblemKind.UNEXPECTED_CONTENTS
    assert not info.value.outcome_unknown and "id" in info.value.detail


@pytest.mark.expected_log("could not be read")
def test_one_unreadable_return_does_not_hide_a_page() -> None:
    body = {"orders": [{"id": "o1"}, {"name": "no id"}], "returns": [RETURN, {"status": "open"}, 7]}
    with _raw_api("200 OK", json.dumps(body).encode()) as api:
        page = api.list_page()
    assert [r.id for r in page.returns] == ["r1"] and page.next is None
    assert [(u.index, u.id) for u in page.unreadable] == [(1, ""), (2, "")]
    assert page.order_of(page.returns[0]) is not None


def test_a_page_without_returns_is_a_protocol_error() -> None:
    with _raw_api("200 OK", b'{"orders": []}') as api, pytest.raises(ProtocolError):
        api.list_page()


def test_a_cursor_handed_out_twice_stops_the_walk() -> None:
    body = json.dumps({"orders": [], "returns": [RETURN]}).encode()
    with _raw_api("200 OK", body, extra="X-Page-Next: same\r\n") as api:
        pages = api.pages(max_pages=10)
        assert next(pages).next == "same"
        assert next(pages).next == "same"
        with pytest.raises(ProtocolError, match="repeats"):
            next(pages)


def test_a_process_answer_that_is_not_json_leaves_the_outcome_unknown() -> None:
    request = ProcessReturnRequest(products=[ProcessProduct.rejected("i1")])
    with _raw_api("200 OK", b"<html>ok</html>", "text/html") as api:
        with pytest.raises(ProtocolError) as info:
            api.process("r1", request)
    assert info.value.outcome_unknown and info.value.problem.kind is ProblemKind.NOT_JSON


def test_a_403_without_words_still_names_the_scope() -> None:
    with _raw_api("403 Forbidden", b"", "application/problem+json") as api:
        with pytest.raises(Forbidden) as info:
            api.get("r1")
    assert info.value.scope is Scope.RETURNS_READ
