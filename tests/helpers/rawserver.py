"""A loopback TCP server that misbehaves on purpose, below HTTP's politeness."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import cast

Behaviour = Callable[[socket.socket, threading.Event], None]


def read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
            while len(body) < length:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                body += chunk
    return data


def answer(status_line: str, content_type: str, body: bytes, extra: str = "") -> Behaviour:
    def behave(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        head = (
            f"HTTP/1.1 {status_line}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n{extra}Connection: close\r\n\r\n"
        )
        conn.sendall(head.encode() + body)

    return behave


def close_after_request(conn: socket.socket, stop: threading.Event) -> None:
    read_request(conn)


def never_answer(conn: socket.socket, stop: threading.Event) -> None:
    read_request(conn)
    stop.wait(30)


def endless_body(conn: socket.socket, stop: threading.Event) -> None:
    """Claims 50 MB and keeps sending: the client must give up, not buffer it."""
    read_request(conn)
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    piece = b"x" * 65536
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    try:
        for _ in range(800):
            if stop.is_set():
                return
            conn.sendall(chunk)
    except OSError:
        return


def recording(behaviour: Behaviour, requests: list[bytes]) -> Behaviour:
    """``behaviour``, after keeping each request's head (request line and headers)."""

    def behave(conn: socket.socket, stop: threading.Event) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
        requests.append(data.partition(b"\r\n\r\n")[0])
        behaviour(cast(socket.socket, _Replay(conn, data)), stop)

    return behave


class _Replay:
    """A socket whose first reads return bytes already taken from it."""

    def __init__(self, conn: socket.socket, data: bytes) -> None:
        self._conn = conn
        self._data = data

    def recv(self, size: int) -> bytes:
        if self._data:
            head, self._data = self._data[:size], self._data[size:]
            return head
        return self._conn.recv(size)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


def _trickle(conn: socket.socket, stop: threading.Event, data: bytes, interval: float) -> None:
    for i in range(len(data)):
        if stop.wait(interval):
            return
        conn.sendall(data[i : i + 1])


def trickled_body(interval: float) -> Behaviour:
    """Headers at once, then a 1000-byte body one byte per ``interval``."""

    def behave(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
        )
        _trickle(conn, stop, b" " * 1000, interval)

    return behave


def trickled_headers(interval: float) -> Behaviour:
    """A status line, then a header that never ends, one byte per ``interval``."""

    def behave(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        _trickle(conn, stop, b"a" * 10_000, interval)

    return behave


def endless_continue(interval: float) -> Behaviour:
    """``100 Continue`` every ``interval``, and never a final answer."""

    def behave(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        while not stop.wait(interval):
            conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")

    return behave


@contextmanager
def raw_server(behaviour: Behaviour, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``behaviour`` on each connection (on ``host``); yields the base URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind((host, 0))
    listener.listen(8)
    listener.settimeout(0.1)
    stop = threading.Event()
    workers: list[threading.Thread] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return

            def handle(conn: socket.socket = conn) -> None:
                with conn:
                    with suppress(OSError):
                        behaviour(conn, stop)

            worker = threading.Thread(target=handle, name="raw-conn")
            worker.start()
            workers.append(worker)

    thread = threading.Thread(target=serve, name="raw-server")
    thread.start()
    try:
        yield f"http://{host}:{listener.getsockname()[1]}/v2.2"
    finally:
        stop.set()
        thread.join()
        listener.close()
        for worker in workers:
            worker.join()


def closed_port() -> str:
    """A loopback URL on which nothing listens: connections are refused."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}/v2.2"
