"""The sandbox is safe to leave running: hostile clients on loopback, with real sockets.

Every wait here is a socket read with a timeout (the server answering or closing is the
event); loops are bounded and stop by themselves. A socket's timeout is a minute: only a
server that is stuck reaches it. What a test bounds in time is bounded by the limit it
guards (half of it), never by how fast a quiet machine happens to be.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from packstation.sandbox import SandboxServer
from packstation.sandbox.limits import Limits

TOKEN = "sbx-limits-token"
ORDER = "/v2.2/stores/demo-store/orders/%231001"
CREATE = "/v2.2/stores/demo-store/orders/5801001/fulfillments"


@contextlib.contextmanager
def _sandbox(**limits: float) -> Iterator[SandboxServer]:
    with SandboxServer(token=TOKEN, limits=Limits(**limits)) as server:  # type: ignore[arg-type]
        yield server


#: Only a stuck server makes a socket wait this long.
STUCK = 60.0


def _connect(server: SandboxServer, timeout: float = STUCK) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=timeout)


def _head(method: str, target: str, *headers: str, token: str = TOKEN) -> bytes:
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1", f"Authorization: Bearer {token}"]
    return ("\r\n".join([*lines, *headers]) + "\r\n\r\n").encode()


def _answer(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """One HTTP answer read from the socket (raises TimeoutError if none comes)."""
    reader = sock.makefile("rb")
    status = int(reader.readline().split()[1])
    headers: dict[str, str] = {}
    while (line := reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode().partition(":")
        headers[name.strip().lower()] = value.strip()
    body = reader.read(int(headers.get("content-length", "0")))
    return status, headers, body


def _closed_by_server(sock: socket.socket) -> bool:
    """Whether the server closes the connection before the socket's timeout."""
    try:
        while sock.recv(65536):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    return True


def test_an_unauthenticated_post_is_refused_before_its_body_is_read() -> None:
    """No body is ever sent: a server that read it first would answer only when its idle
    timeout (10 minutes) ended the wait, not within half of that."""
    with _sandbox(idle_timeout=600) as server, _connect(server) as sock:
        sock.sendall(_head("POST", CREATE, "Content-Length: 1048576", token="wrong"))
        started = time.monotonic()
        status, headers, body = _answer(sock)  # no body was sent: reading it would block
        assert status == 401
        assert b"Invalid or missing API token" in body
        assert headers["connection"] == "close"
        assert time.monotonic() - started < 300
        assert _closed_by_server(sock)


@pytest.mark.parametrize("length", ["-1", "١٢", "1e3", "+5", "0x10", "99999999999"])
def test_a_content_length_that_is_not_a_plain_number_is_refused(length: str) -> None:
    with _sandbox(idle_timeout=60) as server, _connect(server) as sock:
        sock.sendall(_head("POST", CREATE, f"Content-Length: {length}"))
        status, headers, _ = _answer(sock)
        assert status in (400, 413)
        assert headers["connection"] == "close"
        assert _closed_by_server(sock)
        assert server.state.order_names()  # the sandbox itself is fine


def test_two_content_lengths_and_chunked_bodies_are_refused() -> None:
    with _sandbox(idle_timeout=60) as server:
        for extra in (("Content-Length: 2", "Content-Length: 3"), ("Transfer-Encoding: chunked",)):
            with _connect(server) as sock:
                sock.sendall(_head("POST", CREATE, *extra))
                status, _, _ = _answer(sock)
                assert status in (400, 411)


def test_a_body_over_the_cap_is_413_without_reading_it() -> None:
    with _sandbox(idle_timeout=60, max_body=1000) as server, _connect(server) as sock:
        sock.sendall(_head("POST", CREATE, "Content-Length: 1001"))
        status, _, body = _answer(sock)
        assert status == 413
        assert b"larger than 1000 bytes" in body


def test_an_idle_connection_is_closed() -> None:
    """Closed by the server's idle timeout, not before it (the client would wait a minute)."""
    with _sandbox(idle_timeout=0.3) as server:
        started = time.monotonic()  # before the connection: its idle time starts after
        with _connect(server) as sock:
            assert _closed_by_server(sock)
        assert time.monotonic() - started >= 0.3


def test_an_idle_keep_alive_connection_is_closed_after_its_answer() -> None:
    with _sandbox(idle_timeout=0.3) as server, _connect(server) as sock:
        sock.sendall(_head("GET", ORDER))
        assert _answer(sock)[0] == 200
        assert _closed_by_server(sock)


def test_a_request_trickling_in_is_cut_at_the_deadline() -> None:
    """Cut at the request's 0.5 s deadline, not at the 30 s idle timeout (nor half of it)."""
    with _sandbox(idle_timeout=30, request_deadline=0.5) as server:
        started = time.monotonic()  # before the connection: its deadline starts after
        with _connect(server) as sock:
            sock.sendall(f"GET {ORDER} HTTP/1.1\r\nHost: 127.0".encode())
            assert _closed_by_server(sock)
        assert 0.5 <= time.monotonic() - started < 15
        with _connect(server) as sock:  # the next client is served as usual
            sock.sendall(_head("GET", ORDER))
            assert _answer(sock)[0] == 200


def _threads_named(prefix: str) -> int:
    return sum(1 for t in threading.enumerate() if t.name.startswith(prefix))


def test_connections_beyond_the_cap_are_refused_and_threads_stay_bounded() -> None:
    held: list[socket.socket] = []
    with _sandbox(max_connections=8, idle_timeout=60) as server:
        # Eight busy connections: each has sent a request and is waiting to send its body.
        arrived = threading.Semaphore(0)
        server.on_request = lambda _method, _path: arrived.release()
        try:
            for _ in range(8):
                held.append(_connect(server))
                held[-1].sendall(_head("POST", CREATE, "Content-Length: 10"))
            for _ in range(8):
                assert arrived.acquire(timeout=STUCK)
            for _ in range(292):
                held.append(_connect(server))
            # Accepted in order: once the last one is answered, all were handled.
            status, headers, _ = _answer(held[-1])
            assert (status, headers["connection"]) == (503, "close")
            assert server.open_connections() == 8
            assert _threads_named("packstation-sandbox-conn") <= 8
            assert threading.active_count() < 40
        finally:
            for sock in held:
                sock.close()
        # Closing them all does not stall the sandbox: the next request is served long
        # before the 60 s a connection thread waiting out its idle timeout would take.
        started = time.monotonic()
        for _ in range(500):
            with _connect(server) as sock:
                sock.sendall(_head("GET", ORDER))
                if _answer(sock)[0] == 200:
                    break
        else:
            pytest.fail("the sandbox never served again")
        assert time.monotonic() - started < 30


def test_idle_connections_make_room_for_a_real_request() -> None:
    """As many idle connections as the sandbox serves: the next request is still served."""
    held: list[socket.socket] = []
    with _sandbox(idle_timeout=60) as server:
        cap = server.limits.max_connections
        try:
            held.extend(_connect(server) for _ in range(cap))
            assert server.wait_idle(cap)
            for _ in range(3):  # and again, with the room each one made taken back
                with _connect(server) as sock:
                    sock.sendall(_head("GET", ORDER))
                    assert _answer(sock)[0] == 200
                held.append(_connect(server))
            assert server.open_connections() <= cap
            # The oldest idle ones made room; the newest are still open.
            assert _closed_by_server(held[0])
            held[-1].settimeout(0.2)
            assert not _closed_by_server(held[-1])
        finally:
            for sock in held:
                sock.close()


def test_stop_does_not_wait_for_held_connections() -> None:
    server = SandboxServer(token=TOKEN, limits=Limits(idle_timeout=60)).start()
    held = [_connect(server) for _ in range(8)]
    try:
        sock = held[-1]
        sock.sendall(_head("GET", ORDER))
        assert _answer(sock)[0] == 200  # all eight are accepted by now
        stopper = threading.Thread(target=server.stop)
        stopper.start()
        # Waiting for the idle connections would take their idle timeout: 60 s.
        stopper.join(timeout=30)
        assert not stopper.is_alive(), "stop() waited for idle connections"
        assert _threads_named("packstation-sandbox-conn") == 0
    finally:
        for sock in held:
            sock.close()


def test_recorded_exchanges_are_bounded() -> None:
    with _sandbox(max_exchanges=5) as server:
        for _ in range(12):
            with _connect(server) as sock:
                sock.sendall(_head("GET", ORDER))
                assert _answer(sock)[0] == 200
        assert len(server.exchanges) == 5
        assert len(server.requests) == 5


def test_limits_are_validated() -> None:
    for bad in ({"idle_timeout": float("nan")}, {"request_deadline": -1}, {"max_connections": 0}):
        with pytest.raises(ValueError, match="sandbox"):
            Limits(**bad)  # type: ignore[arg-type]
