"""The sandbox's bounds, and the HTTP server that keeps them.

In demo mode the sandbox runs inside the bench process, so nothing a client does may
cost the bench memory, threads, descriptors or CPU without bound:

- at most ``max_connections`` connections are served at once (one thread each). When
  all are taken, the one idle longest (waiting for a request of which no byte has come)
  is closed and its place given to the new connection: idle connections, however many,
  never lock a real request out. A connection beyond that, with every one busy, gets
  ``503`` and is closed at once, on the accepting thread;
- a connection that sends nothing for ``idle_timeout`` is closed (socket timeout);
- a request must have arrived whole (headers and body) within ``request_deadline`` of
  the connection opening or the previous answer, however slowly it trickles in: the
  accepting thread shuts down a connection past its deadline between two polls;
- when the process runs out of file descriptors, a spare descriptor kept for the
  purpose is given up to accept the waiting connection and close it at once, and the
  loop waits a moment instead of spinning on a socket it cannot accept;
- ``stop()`` shuts every open connection down first, so closing never waits for them.

Body size (``max_body``) and the token are checked by the request handler before a
body is read (``server.py``).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import math
import os
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

log = logging.getLogger("packstation.sandbox")

_OUT_OF_DESCRIPTORS = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\n"
    b"Retry-After: 1\r\nConnection: close\r\nContent-Length: 97\r\n\r\n"
    b'{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"Too many connections."}'
)


@dataclass(frozen=True, slots=True)
class Exchange:
    """One request and its answer, as they crossed the wire (for contract tests).

    The sandbox keeps the last ``Limits.max_exchanges`` of them, bodies cut at
    ``Limits.max_recorded_body`` bytes.
    """

    method: str
    target: str
    request_headers: dict[str, str]
    request_body: bytes
    status: int
    content_type: str
    response_body: bytes


@dataclass(frozen=True, slots=True)
class Limits:
    """The sandbox's bounds (the README's reliability section quotes these defaults)."""

    max_connections: int = 32
    idle_timeout: float = 10.0
    request_deadline: float = 30.0
    max_body: int = 1024 * 1024
    #: Exchanges kept for contract tests, and the bytes of each body kept with them.
    max_exchanges: int = 256
    max_recorded_body: int = 64 * 1024

    def __post_init__(self) -> None:
        if self.max_connections < 1 or self.max_body < 0 or self.max_exchanges < 1:
            raise ValueError("sandbox limits must be positive")
        for value in (self.idle_timeout, self.request_deadline):
            if not (math.isfinite(value) and value > 0):
                raise ValueError("sandbox timeouts must be finite and positive")


class BoundedHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server with the bounds of :class:`Limits` (see the module doc)."""

    daemon_threads = True
    #: The listen backlog: with socketserver's 5, a burst of connections waits out
    #: SYN retransmits (1 s each) while the accepting thread refuses the ones before.
    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        limits: Limits,
        stopping: threading.Event,
    ) -> None:
        self.limits = limits
        self._stopping = stopping
        self._slots = threading.BoundedSemaphore(limits.max_connections)
        self._deadlines: dict[socket.socket, float] = {}
        #: Connections waiting for a request of which no byte has come, and since when.
        self._idle: dict[socket.socket, float] = {}
        self._lock = threading.Lock()
        self._idle_changed = threading.Condition(self._lock)
        self._spare: int | None = None
        self._starved_since: float | None = None
        self._conn_threads: set[threading.Thread] = set()
        super().__init__(address, handler)
        self._reserve_spare()

    # --- accepting ----------------------------------------------------------------

    def get_request(self) -> tuple[Any, Any]:
        try:
            request, address = super().get_request()
        except OSError as exc:
            if exc.errno in _OUT_OF_DESCRIPTORS:
                self._out_of_descriptors()
            raise
        if self._starved_since is not None:
            log.warning("the sandbox has file descriptors again")
            self._starved_since = None
        return request, address

    def _reserve_spare(self) -> None:
        if self._spare is None:
            with contextlib.suppress(OSError):
                self._spare = os.open(os.devnull, os.O_RDONLY)

    def _out_of_descriptors(self) -> None:
        """Refuse the connection that cannot be accepted, and do not spin on it."""
        if self._starved_since is None:
            self._starved_since = time.monotonic()
            log.warning("the sandbox ran out of file descriptors; refusing connections")
        if self._spare is not None:
            os.close(self._spare)
            self._spare = None
            with contextlib.suppress(OSError):
                conn, _ = self.socket.accept()
                conn.close()
            self._reserve_spare()
        if self._spare is None:
            self._stopping.wait(0.1)  # nothing to accept with: wait instead of spinning

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False) and not self._evict_idle():
            self._refuse(request)
            return
        try:
            with self._lock:
                self._deadlines[request] = time.monotonic() + self.limits.request_deadline
            thread = threading.Thread(
                target=self._serve_connection,
                args=(request, client_address),
                name="packstation-sandbox-conn",
                daemon=True,
            )
            with self._lock:
                self._conn_threads.add(thread)
            thread.start()
        except BaseException:
            self._forget(request)
            raise

    def _evict_idle(self) -> bool:
        """Close the connection idle longest and hand its slot on; False if none is idle.

        It is forgotten here, so its thread ending releases nothing: the slot is the new
        connection's from now on. No request of it is lost: none had begun.
        """
        with self._lock:
            if not self._idle:
                return False
            oldest = min(self._idle, key=self._idle.__getitem__)
            del self._idle[oldest]
            del self._deadlines[oldest]
            self._idle_changed.notify_all()
        log.debug("sandbox: every connection is taken; the one idle longest is closed")
        with contextlib.suppress(OSError):
            oldest.shutdown(socket.SHUT_RDWR)
        return True

    def idle(self, request: socket.socket) -> None:
        """The connection waits for its next request: it may make room for a new one."""
        with self._lock:
            if request in self._deadlines:
                self._idle[request] = time.monotonic()
                self._idle_changed.notify_all()

    def busy(self, request: socket.socket) -> None:
        """A byte of a request has come (or the connection is ending): it is kept."""
        with self._lock:
            if self._idle.pop(request, None) is not None:
                self._idle_changed.notify_all()

    def wait_idle(self, count: int, timeout: float) -> bool:
        """Wait until ``count`` connections are idle (tests); False at the timeout."""
        with self._idle_changed:
            return self._idle_changed.wait_for(lambda: len(self._idle) >= count, timeout)

    def _refuse(self, request: socket.socket) -> None:
        with contextlib.suppress(OSError):
            request.setblocking(False)
            request.send(_BUSY)
        self.shutdown_request(request)

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            self._forget(request)

    def _forget(self, request: Any) -> None:
        with self._lock:
            known = self._deadlines.pop(request, None) is not None
            if self._idle.pop(request, None) is not None:
                self._idle_changed.notify_all()
            self._conn_threads.discard(threading.current_thread())
        if known:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("sandbox connection from %s failed", client_address, exc_info=True)

    # --- deadlines ----------------------------------------------------------------

    def arm(self, request: socket.socket) -> None:
        """A request may now arrive: it must be read whole within the deadline."""
        with self._lock:
            if request in self._deadlines:
                self._deadlines[request] = time.monotonic() + self.limits.request_deadline

    def disarm(self, request: socket.socket) -> None:
        """The request has been read; answering it is not bounded here."""
        with self._lock:
            if request in self._deadlines:
                self._deadlines[request] = math.inf

    def service_actions(self) -> None:
        """Between two polls of the accepting loop: end connections past their deadline."""
        now = time.monotonic()
        with self._lock:
            late = [request for request, deadline in self._deadlines.items() if deadline <= now]
            for request in late:
                self._deadlines[request] = math.inf
        for request in late:
            log.debug("sandbox: a request took longer than %.0f s", self.limits.request_deadline)
            with contextlib.suppress(OSError):
                request.shutdown(socket.SHUT_RDWR)

    def open_connections(self) -> int:
        with self._lock:
            return len(self._deadlines)

    # --- closing --------------------------------------------------------------------

    def close_connections(self, timeout: float = 5.0) -> None:
        """Shut every open connection down and wait (bounded) for their threads to end."""
        with self._lock:
            requests = list(self._deadlines)
            threads = list(self._conn_threads)
        for request in requests:
            with contextlib.suppress(OSError):
                request.shutdown(socket.SHUT_RDWR)
        deadline = time.monotonic() + timeout
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    def server_close(self) -> None:
        super().server_close()
        if self._spare is not None:
            os.close(self._spare)
            self._spare = None


class BoundedRequestHandler(BaseHTTPRequestHandler):
    """A request handler that keeps the bounds of :class:`BoundedHTTPServer`."""

    @property
    def _bounded(self) -> BoundedHTTPServer:
        return cast(BoundedHTTPServer, self.server)

    def handle_one_request(self) -> None:
        bounded = self._bounded
        bounded.arm(self.connection)
        # Idle until the first byte of the request: while idle, the connection may be
        # closed to make room for a new one when every connection is taken.
        bounded.idle(self.connection)
        try:
            waiting = self.rfile.peek(1)  # type: ignore[attr-defined]  # a BufferedReader
        except OSError:  # the idle timeout (TimeoutError), or closed to make room
            waiting = b""
        finally:
            bounded.busy(self.connection)
        if not waiting:
            self.close_connection = True
            return
        super().handle_one_request()
