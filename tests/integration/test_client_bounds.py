"""The client's hard bounds, each provoked over a real loopback socket (issue 12, items 3-10).

Every test here failed on the client before these bounds: it inflated a 3 kB reply to
hundreds of megabytes, waited as long as a server trickled, took a redirect for success,
raised RecursionError, logged forged lines, or sent the token over plain http to an
address that only claimed to be this computer.
"""

from __future__ import annotations

import gzip
import json
import logging
import socket
import time
import tracemalloc
import zlib
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
)
from packstation.redo.errors import Problem, ProblemKind
from packstation.redo.models import CreateFulfillmentRequest, FulfillmentLineRequest
from packstation.redo.urls import InsecureURLError, UrlProblem, UrlRefusal
from tests.helpers import rawserver
from tests.helpers.rawserver import answer, raw_server, recording

TOKEN = "tok-SECRET-bounds-LEAKCHECK"
REQUEST = CreateFulfillmentRequest(line_items=[FulfillmentLineRequest(id="L1", quantity=1)])
ORDER_JSON = (
    b'{"orderId":"E1","createdAt":"2026-11-01T09:00:00Z","fulfillments":[],'
    b'"lineItems":[{"id":"L1","productId":"P1","title":"Tee","quantity":1}]}'
)
FULFILLMENT_JSON = b'{"fulfillment":{"id":"f1","lineItems":[{"id":"L1","quantity":1}]}}'
#: A short overall deadline; the per-read timeout is longer, so only the deadline can end it.
SHORT = Timeouts(connect=2, read=3, write=3, pool=2, total=1.0)
#: The same deadline, with reads so patient that only the deadline can end a trickle.
PATIENT_READS = Timeouts(connect=2, read=20, write=20, pool=2, total=1.0)
#: The bound of issue 12: peak memory for any reply within about 20 MB of the client at rest.
PEAK_BOUND = 20 * 1024 * 1024


@pytest.fixture(autouse=True)
def _no_token_in_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level(logging.DEBUG)
    yield
    for record in caplog.records:
        assert TOKEN not in record.getMessage()


def _call(url: str, *, write: bool, timeouts: Timeouts = SHORT, ref: str = "E1") -> RedoError:
    with (
        RedoClient(token=TOKEN, store_id="s1", base_url=url, timeouts=timeouts) as client,
        pytest.raises(RedoError) as info,
    ):
        if write:
            client.create_fulfillment(ref, REQUEST)
        else:
            client.get_order(ref)
    for text in (str(info.value), repr(info.value), info.value.detail):
        assert TOKEN not in text
    return info.value


def _gzip_of_zeros(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [packer.compress(block) for _ in range(size >> 20)]
    return b"".join([*parts, packer.flush()])


# --- 3: decompression bombs ------------------------------------------------------------


@pytest.fixture(scope="module")
def bomb_256_mib() -> bytes:
    return _gzip_of_zeros(256 << 20)


def _peak_while(url: str, *, write: bool) -> tuple[RedoError, int]:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        rest = tracemalloc.get_traced_memory()[0]
        error = _call(url, write=write, timeouts=Timeouts(total=10))
        peak = tracemalloc.get_traced_memory()[1] - rest
    finally:
        tracemalloc.stop()
    return error, peak


def test_gzip_in_gzip_bomb_is_refused_without_inflating(bomb_256_mib: bytes) -> None:
    reply = gzip.compress(bomb_256_mib, 9)
    assert len(reply) < 4000  # a few kB that would become 256 MiB
    extra = "Content-Encoding: gzip, gzip\r\n"
    with raw_server(answer("200 OK", "application/json", reply, extra)) as url:
        error, peak = _peak_while(url, write=False)
    assert isinstance(error, ProtocolError)
    assert error.problem.kind is ProblemKind.ENCODED_TWICE
    assert peak < PEAK_BOUND, f"peak {peak / 2**20:.1f} MiB"


def test_single_gzip_bomb_stops_at_the_decoded_cap(bomb_256_mib: bytes) -> None:
    extra = "Content-Encoding: gzip\r\n"
    with raw_server(answer("200 OK", "application/json", bomb_256_mib, extra)) as url:
        error, peak = _peak_while(url, write=True)
    assert isinstance(error, ProtocolError)
    assert error.problem.kind is ProblemKind.TOO_LARGE
    assert "decoded" in error.detail
    assert error.outcome_unknown  # a 2xx to a write that could not be read: reconcile
    assert peak < PEAK_BOUND, f"peak {peak / 2**20:.1f} MiB"


@pytest.mark.parametrize("coding", ["br", "compress", "zstd", "gzip, identity, deflate"])
def test_unknown_or_stacked_encodings_are_refused(coding: str) -> None:
    extra = f"Content-Encoding: {coding}\r\n"
    with raw_server(answer("200 OK", "application/json", ORDER_JSON, extra)) as url:
        error = _call(url, write=False)
    assert isinstance(error, ProtocolError)


@pytest.mark.parametrize(
    ("coding", "packed"),
    [("gzip", gzip.compress(ORDER_JSON)), ("deflate", zlib.compress(ORDER_JSON))],
)
def test_an_honestly_compressed_order_still_loads(coding: str, packed: bytes) -> None:
    requests: list[bytes] = []
    extra = f"Content-Encoding: {coding}\r\n"
    with raw_server(
        recording(answer("200 OK", "application/json", packed, extra), requests)
    ) as url:
        with RedoClient(token=TOKEN, store_id="s1", base_url=url, timeouts=SHORT) as client:
            order = client.get_order("E1")
    assert order.order_id == "E1"
    assert b"accept-encoding: gzip, deflate" in requests[0].lower()


# --- 4: an overall deadline ---------------------------------------------------------------


@pytest.mark.parametrize(
    "behaviour",
    [
        rawserver.trickled_body(0.2),
        rawserver.trickled_headers(0.2),
        rawserver.endless_continue(0.2),
    ],
    ids=["trickled-body", "trickled-headers", "endless-100-continue"],
)
@pytest.mark.parametrize("write", [False, True])
def test_every_request_ends_at_its_deadline(behaviour: rawserver.Behaviour, write: bool) -> None:
    """A byte every 0.2 s never lets the read timeout (20 s here) run out; left alone the
    answer would take minutes (or never come). Only the 1 s deadline ends it: not before
    it, and long before the read timeout (half of it, whatever a busy machine adds)."""
    with raw_server(behaviour) as url:
        started = time.monotonic()
        error = _call(url, write=write, timeouts=PATIENT_READS)
        took = time.monotonic() - started
    assert PATIENT_READS.total - 0.1 <= took < PATIENT_READS.read / 2, f"took {took:.2f} s"
    if write:
        assert isinstance(error, OutcomeUnknown)  # reconciled by its fulfillment ID
    else:
        assert isinstance(error, TimedOut)
    assert "deadline" in error.detail


# --- 5 and 6: status handling ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("7", 7.0),
        ("1000000000", 900.0),
        ("9" * 400, 900.0),
        ("Fri, 31 Dec 9999 23:59:59 GMT", 900.0),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0),
        ("²³", None),
        ("inf", None),
        ("-5", None),
        ("soon", None),
    ],
)
def test_retry_after_is_bounded_and_parsed_by_the_standard_library(
    header: str, seconds: float | None
) -> None:
    extra = f"Retry-After: {header}\r\n"
    reply = answer("429 Too Many Requests", "application/problem+json", b"{}", extra)
    with raw_server(reply) as url:
        error = _call(url, write=True)
    assert isinstance(error, RateLimited)
    assert error.retry_after == seconds
    assert error.problem == Problem(ProblemKind.BUSY, wait=seconds)  # the window's only facts


@pytest.mark.parametrize(
    "status", ["307 Temporary Redirect", "301 Moved Permanently", "304 Not Modified", "302 Found"]
)
@pytest.mark.parametrize("write", [False, True])
def test_a_redirect_is_never_success_and_never_followed(status: str, write: bool) -> None:
    body = FULFILLMENT_JSON if write else ORDER_JSON
    requests: list[bytes] = []
    with raw_server(
        recording(answer(status, "application/json", body, "Location: /v2.2/x\r\n"), requests)
    ) as url:
        error = _call(url, write=write)
    assert isinstance(error, ProtocolError)
    assert error.problem.kind is ProblemKind.REDIRECTED
    assert (error.problem.host, error.problem.status) == ("127.0.0.1", int(status[:3]))
    assert "Location: /v2.2/x" in error.detail
    assert error.outcome_unknown == write
    assert len(requests) == 1


# --- 7: typed errors only ----------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["application/json", "application/problem+json"])
@pytest.mark.parametrize(
    ("status", "kind"),
    [
        ("400 Bad Request", Rejected),
        ("500 Internal Server Error", ServerError),
        ("200 OK", ProtocolError),
    ],
)
def test_deeply_nested_json_is_a_typed_error(
    content_type: str, status: str, kind: type[RedoError]
) -> None:
    body = b"[" * 1000 + b"]" * 1000  # 2 kB; RecursionError escaped the client before
    with raw_server(answer(status, content_type, body)) as url:
        error = _call(url, write=False)
    assert type(error) is kind
    assert error.problem.kind in ProblemKind


def test_the_token_echoed_at_the_cut_leaves_no_fragment() -> None:
    said = "x" * 290 + TOKEN + "y" * 100  # the token straddles the 300-character cut
    body = ('{"error": "' + said + '"}').encode()
    with raw_server(answer("400 Bad Request", "application/json", body)) as url:
        error = _call(url, write=True)
    assert isinstance(error, Rejected)
    for text in (str(error), repr(error), error.detail, error.server_message):
        assert TOKEN[:6] not in text


# --- 8: server text bounded and clean -------------------------------------------------------------


def test_server_text_is_cut_and_cannot_forge_log_lines(caplog: pytest.LogCaptureFixture) -> None:
    forged = "bad\r\n2026-11-27 10:00:00 CRITICAL packstation: token leaked\x1b[2J\u202e"
    body = json.dumps({"error": forged + "x" * 20_000}).encode()  # 20 kB, valid JSON
    with raw_server(answer("400 Bad Request", "application/json", body)) as url:
        error = _call(url, write=True)
    assert isinstance(error, Rejected)
    for text in (str(error), error.detail, error.server_message):
        assert len(text) <= 1100
        assert not any(c in text for c in "\r\n\x1b\u202e")
    assert len(error.server_message) <= 300
    logging.getLogger("packstation.test").info("%s | %s", error, error.detail)
    assert all("\n" not in r.getMessage() for r in caplog.records)


# --- 9: loopback means loopback -------------------------------------------------------------


def test_plain_http_to_a_name_ending_in_localhost_is_refused() -> None:
    with pytest.raises(InsecureURLError) as refused:
        RedoClient(token=TOKEN, store_id="s1", base_url="http://anything.localhost:8080/v2.2")
    assert refused.value.refusal == UrlRefusal(
        UrlProblem.PLAIN_HTTP_ELSEWHERE, host="anything.localhost"
    )


def _address_off_loopback() -> str | None:
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks a route
        address = str(probe.getsockname()[0])
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith("127.") else address


def test_localhost_resolving_elsewhere_gets_no_request(monkeypatch: pytest.MonkeyPatch) -> None:
    """A resolver that answers ``localhost`` with another computer's address."""
    elsewhere = _address_off_loopback()
    if elsewhere is None:
        pytest.skip("this machine has no address off loopback")
    requests: list[bytes] = []
    real = socket.getaddrinfo

    def lying(host: object, *args: object, **kwargs: object) -> object:
        return real(elsewhere if host == "localhost" else host, *args, **kwargs)  # type: ignore[arg-type]

    with raw_server(
        recording(answer("200 OK", "application/json", ORDER_JSON), requests), host=elsewhere
    ) as url:
        port = url.split(":")[2].split("/")[0]
        monkeypatch.setattr(socket, "getaddrinfo", lying)
        error = _call(f"http://localhost:{port}/v2.2", write=False)
    assert isinstance(error, NetworkUnreachable)
    assert "not to this computer" in error.detail
    assert requests == []  # the token never went out


def test_localhost_on_loopback_still_works() -> None:
    with raw_server(answer("200 OK", "application/json", ORDER_JSON)) as url:
        local = url.replace("127.0.0.1", "localhost")
        with RedoClient(token=TOKEN, store_id="s1", base_url=local, timeouts=SHORT) as client:
            assert client.get_order("E1").order_id == "E1"


# --- 10: order references encoded completely ------------------------------------------------


@pytest.mark.parametrize(("ref", "sent"), [(".", b"%2E"), ("..", b"%2E%2E")])
@pytest.mark.parametrize("write", [False, True])
def test_dot_references_stay_in_their_segment(ref: str, sent: bytes, write: bool) -> None:
    requests: list[bytes] = []
    reply = answer("404 Not Found", "application/json", b'{"error":"Order not found"}')
    with raw_server(recording(reply, requests)) as url:
        error = _call(url, write=write, ref=ref)
    assert isinstance(error, NotFound)
    path = requests[0].split(b" ")[1]
    assert path.startswith(b"/v2.2/stores/s1/orders/" + sent)


def test_an_empty_order_id_is_refused_before_anything_is_sent() -> None:
    with raw_server(rawserver.never_answer) as url:
        error = _call(url, write=True, ref="")
    assert isinstance(error, NotFound)
    assert error.problem.kind is ProblemKind.EMPTY_REFERENCE
    with raw_server(rawserver.never_answer) as url:
        error = _call(url, write=False, ref="  ")
    assert error.problem.kind is ProblemKind.NO_ORDER_NUMBER


# --- 7: whatever a packer scans, a call fails only with a RedoError ----------------------------


@pytest.fixture(scope="module")
def not_found_url() -> Iterator[str]:
    with raw_server(answer("404 Not Found", "application/json", b'{"error":"nope"}')) as url:
        yield url


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ref=st.text(st.characters(codec=None), max_size=40)
    | st.sampled_from([".", "..", "", "\ud800", "a\x00b", "%2e%2E", "/../x"])
)
@pytest.mark.expected_log("unexpected failure in")
def test_any_reference_gives_a_redo_error(not_found_url: str, ref: str) -> None:
    with RedoClient(token=TOKEN, store_id="s1", base_url=not_found_url, timeouts=SHORT) as client:
        for call in (
            lambda: client.get_order(ref),
            lambda: client.create_fulfillment(ref, REQUEST),
            lambda: client.find_inventory_levels(ref),
        ):
            with pytest.raises(RedoError) as info:
                call()
            assert "\n" not in str(info.value)
            assert "\n" not in info.value.problem.reference


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1.0, 0.0, 601.0])
@pytest.mark.parametrize("name", ["connect", "read", "write", "pool", "total"])
def test_timeouts_refuse_values_that_are_not_a_wait(name: str, bad: float) -> None:
    with pytest.raises(ValueError, match=name):
        Timeouts(**{name: bad})
