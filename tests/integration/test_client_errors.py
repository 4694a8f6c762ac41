"""Every error kind, provoked over a real loopback socket, and the token never leaks."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator

import pytest

from packstation.redo import (
    NetworkUnreachable,
    NotFound,
    OutcomeUnknown,
    ProtocolError,
    RateLimited,
    RedoClient,
    RedoError,
    Rejected,
    ServerError,
    TimedOut,
    Timeouts,
    Unauthorized,
)
from packstation.redo.errors import Forbidden, Problem, ProblemKind, Subject
from packstation.redo.models import CreateFulfillmentRequest, FulfillmentLineRequest
from packstation.redo.urls import InsecureURLError, UrlProblem
from tests.helpers import rawserver
from tests.helpers.rawserver import answer, raw_server

TOKEN = "tok-SECRET-4c1d-e2e7-LEAKCHECK"
FAST = Timeouts(connect=1, read=0.5, write=1, pool=1)
REQUEST = CreateFulfillmentRequest(line_items=[FulfillmentLineRequest(id="L1", quantity=1)])
ORDER_JSON = (
    b'{"orderId":"E1","createdAt":"2026-11-01T09:00:00Z","fulfillments":[],'
    b'"lineItems":[{"id":"L1","productId":"P1","title":"Tee","quantity":1}]}'
)

captured_errors: list[RedoError] = []


@pytest.fixture(autouse=True)
def _debug_logging(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level(logging.DEBUG)
    yield
    for record in caplog.records:
        assert TOKEN not in record.getMessage()


def _client(url: str) -> RedoClient:
    return RedoClient(token=TOKEN, store_id="s1", base_url=url, timeouts=FAST)


def _provoke(url: str, *, write: bool) -> RedoError:
    with _client(url) as client, pytest.raises(RedoError) as info:
        if write:
            client.create_fulfillment("E1", REQUEST)
        else:
            client.get_order("#1001")
    error = info.value
    captured_errors.append(error)
    for text in (str(error), repr(error), repr(error.problem), error.detail, repr(client)):
        assert TOKEN not in text
    return error


def test_refused_connection_is_network_unreachable() -> None:
    error = _provoke(rawserver.closed_port(), write=True)
    assert isinstance(error, NetworkUnreachable)
    assert not error.outcome_unknown
    assert error.problem == Problem(ProblemKind.UNREACHABLE, host="127.0.0.1")


@pytest.mark.parametrize("write", [False, True])
def test_server_closing_after_request(write: bool) -> None:
    with raw_server(rawserver.close_after_request) as url:
        error = _provoke(url, write=write)
    if write:
        assert isinstance(error, OutcomeUnknown)
        assert error.outcome_unknown
    else:
        assert isinstance(error, NetworkUnreachable)


@pytest.mark.parametrize("write", [False, True])
def test_server_that_never_answers(write: bool) -> None:
    with raw_server(rawserver.never_answer) as url:
        error = _provoke(url, write=write)
    assert isinstance(error, OutcomeUnknown if write else TimedOut)


def test_malformed_json_is_a_protocol_error() -> None:
    with raw_server(answer("200 OK", "application/json", b'{"orderId": ')) as url:
        error = _provoke(url, write=False)
    assert isinstance(error, ProtocolError)


def test_wrong_content_type_is_a_protocol_error() -> None:
    with raw_server(answer("200 OK", "text/plain", ORDER_JSON)) as url:
        error = _provoke(url, write=False)
    assert isinstance(error, ProtocolError)
    assert error.problem.kind is ProblemKind.NOT_JSON


def test_body_not_matching_the_schema_is_a_protocol_error() -> None:
    with raw_server(answer("200 OK", "application/json", b'{"orderId": 5}')) as url:
        error = _provoke(url, write=False)
    assert isinstance(error, ProtocolError)
    assert error.problem.kind is ProblemKind.UNEXPECTED_CONTENTS


def test_unreadable_answer_to_a_write_is_outcome_unknown() -> None:
    with raw_server(answer("200 OK", "application/json", b"<html>")) as url:
        error = _provoke(url, write=True)
    assert isinstance(error, ProtocolError)
    assert error.outcome_unknown


def test_html_502_page_is_a_server_error() -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    with raw_server(answer("502 Bad Gateway", "text/html", page)) as url:
        error = _provoke(url, write=False)
    assert isinstance(error, ServerError)
    assert error.status == 502
    assert "HTML page" in error.detail
    assert error.retryable


def test_problem_details_5xx_to_a_write_may_have_happened() -> None:
    body = b'{"type":"about:blank","title":"Internal","detail":"db down"}'
    with raw_server(answer("500 Internal Server Error", "application/problem+json", body)) as url:
        error = _provoke(url, write=True)
    assert isinstance(error, ServerError)
    assert error.outcome_unknown
    assert "db down" in error.detail


def test_oversized_reply_is_refused_not_buffered() -> None:
    with raw_server(rawserver.endless_body) as url:
        error = _provoke(url, write=False)
    assert isinstance(error, ProtocolError)
    assert error.problem.kind is ProblemKind.TOO_LARGE


def test_declared_oversized_reply_is_refused_before_reading() -> None:
    def claims_50_mb(conn: socket.socket, stop: threading.Event) -> None:
        rawserver.read_request(conn)
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Content-Length: 52428800\r\n\r\n{"
        )

    with raw_server(claims_50_mb) as url:
        error = _provoke(url, write=False)
    assert isinstance(error, ProtocolError)


def test_401_names_the_token_problem() -> None:
    body = b'{"error": "Invalid token tok-SECRET-4c1d-e2e7-LEAKCHECK"}'
    with raw_server(answer("401 Unauthorized", "application/json", body)) as url:
        error = _provoke(url, write=False)
    assert isinstance(error, Unauthorized)
    assert error.problem == Problem(ProblemKind.TOKEN_REFUSED)  # not the server's echo


def test_403_is_a_missing_scope() -> None:
    with raw_server(answer("403 Forbidden", "application/problem+json", b"{}")) as url:
        error = _provoke(url, write=False)
    assert isinstance(error, Forbidden)


def test_404_names_what_was_looked_up() -> None:
    with raw_server(
        answer("404 Not Found", "application/json", b'{"error":"Order not found"}')
    ) as url:
        error = _provoke(url, write=False)
    assert isinstance(error, NotFound)
    assert error.problem == Problem(ProblemKind.NOT_FOUND, subject=Subject.ORDER, reference="#1001")


def test_400_keeps_the_servers_words() -> None:
    body = b'{"error":"Fulfillment with ID f1 already exists"}'
    with raw_server(answer("400 Bad Request", "application/json", body)) as url:
        error = _provoke(url, write=True)
    assert isinstance(error, Rejected)
    assert error.server_message == "Fulfillment with ID f1 already exists"
    assert error.already_exists


@pytest.mark.parametrize(("header", "seconds"), [("7", 7.0), ("soon", None)])
def test_429_carries_retry_after(header: str, seconds: float | None) -> None:
    extra = f"Retry-After: {header}\r\n"
    with raw_server(
        answer("429 Too Many Requests", "application/problem+json", b"{}", extra)
    ) as url:
        error = _provoke(url, write=False)
    assert isinstance(error, RateLimited)
    assert error.retry_after == seconds


def test_plain_http_to_a_remote_host_is_refused() -> None:
    with pytest.raises(InsecureURLError) as refused:
        RedoClient(token=TOKEN, store_id="s1", base_url="http://api.getredo.com/v2.2")
    assert refused.value.refusal.kind is UrlProblem.PLAIN_HTTP_ELSEWHERE


def test_no_captured_error_text_contains_the_token() -> None:
    assert captured_errors, "the tests above must run first in this module"
    for error in captured_errors:
        assert TOKEN not in f"{error!s}{error!r}{error.detail}{error.args}"
