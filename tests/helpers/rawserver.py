"""A loopback TCP server that misbehaves on purpose, below HTTP's politeness."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

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


@contextmanager
def raw_server(behaviour: Behaviour) -> Iterator[str]:
    """Serve ``behaviour`` on each connection; yields the base URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
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
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/v2.2"
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
