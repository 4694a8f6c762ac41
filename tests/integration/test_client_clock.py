"""The client keeps Redo's time from every answer's Date header, and measures an HTTP-date
Retry-After against it rather than against this computer's clock."""

from __future__ import annotations

import time

import pytest

from packstation.redo import NotFound, RateLimited, RedoClient, Timeouts
from packstation.redo.models import CreateFulfillmentRequest, FulfillmentLineRequest
from packstation.sandbox import SandboxServer
from tests.helpers.rawserver import answer, raw_server
from tests.unit.clocks import date_header

MONTH = 31 * 86400.0
REQUEST = CreateFulfillmentRequest(
    fulfillment_id="f-1", line_items=[FulfillmentLineRequest(id="L1", quantity=1)]
)


def _client(url: str) -> RedoClient:
    return RedoClient(token="tok", store_id="s1", base_url=url, timeouts=Timeouts(total=5))


def test_redo_s_time_is_known_after_the_first_answer(client: RedoClient) -> None:
    assert client.server_time.now() is None
    client.get_order("#1001")
    told = client.server_time.now()
    assert told is not None
    assert abs(told - time.time()) < 5  # the sandbox's clock is this computer's


def test_an_error_answer_tells_the_time_too() -> None:
    ahead = time.time() + MONTH
    extra = f"Date: {date_header(ahead)}\r\n"
    with raw_server(answer("404 Not Found", "application/json", b'{"error": "no"}', extra)) as url:
        client = _client(url)
        try:
            with pytest.raises(NotFound):
                client.get_order("#1")
        finally:
            client.close()
    offset = client.server_time.wall_offset()
    assert offset is not None
    assert offset == pytest.approx(-MONTH, abs=5)  # this computer is a month behind Redo


def test_a_retry_after_date_is_measured_on_redo_s_clock() -> None:
    """Redo's clock an hour ahead of this one: "retry at Redo's now + 30 s" is a wait of
    30 s, not of an hour and a half-minute (which the cap made 15 minutes)."""
    redo_now = time.time() + 3600
    extra = f"Date: {date_header(redo_now)}\r\nRetry-After: {date_header(redo_now + 30)}\r\n"
    busy = answer("429 Too Many Requests", "application/problem+json", b"{}", extra)
    with raw_server(busy) as url:
        client = _client(url)
        try:
            with pytest.raises(RateLimited) as caught:
                client.create_fulfillment("o1", REQUEST)
        finally:
            client.close()
    assert caught.value.retry_after == pytest.approx(30, abs=1)


def test_two_clients_keep_their_own_time(sandbox: SandboxServer, client: RedoClient) -> None:
    """Each client keeps what it was told; nothing is shared behind a test's back."""
    other = RedoClient(token=sandbox.token, store_id=sandbox.store_id, base_url=sandbox.base_url)
    try:
        client.get_order("#1001")
        assert other.server_time.now() is None
    finally:
        other.close()
