"""The client's connection to the server, with hard bounds (imported with httpx, on first use).

httpx bounds each socket operation, not a request: a body trickled at one byte a
second never trips a 20 s read timeout, and neither do headers trickled the same way
or an endless run of ``100 Continue``. So every socket operation here is given at
most the time left before the request's overall deadline (``deadline``), and one
past it fails as a timeout, which the client reports like any other.

The same network backend refuses, for a plain-http base URL, any connection that
does not go to a loopback address, whatever a resolver answered for ``localhost``.

Replies are read raw and decoded here rather than by httpx, because httpx inflates a
whole received chunk at once: a 1.8 kB gzip-in-gzip reply became gigabytes before any
size cap could look at it. Here the decoded size is capped while inflating.
"""

from __future__ import annotations

import contextlib
import contextvars
import socket
import ssl
import time
import typing
import zlib
from collections.abc import Iterator

import certifi
import httpcore
import httpx

from packstation.redo.answers import Reply
from packstation.redo.errors import ProblemKind, ProtocolError
from packstation.redo.urls import is_loopback_address

#: The encodings the client asks for and decodes (one at most; never stacked).
ACCEPT_ENCODING = "gzip, deflate"

#: Size of each inflated piece: the decoded body grows in steps this large, so the peak
#: is the cap plus one step, never a whole inflated chunk.
_INFLATE_STEP = 256 * 1024

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "packstation_redo_deadline", default=None
)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Every socket operation of this thread inside the block ends ``seconds`` from now."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    """``timeout`` shortened to the time left before the deadline; past it, ``error``."""
    end = _deadline.get()
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        raise error("the request's overall deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's own sockets, each operation bounded by the request's deadline.

    With ``loopback_only`` (a plain-http base URL), the host is resolved here and the
    connection is made only when every address is a loopback one.
    """

    def __init__(self, *, loopback_only: bool) -> None:
        self._inner = httpcore.SyncBackend()
        self.loopback_only = loopback_only

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        if self.loopback_only:
            host = _loopback_address(host, port)
        stream = self._inner.connect_tcp(host, port, left, local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not used")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _loopback_address(host: str, port: int) -> str:
    """The loopback address to connect to for ``host``, or ConnectError."""
    if is_loopback_address(host):
        return host
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
    addresses = [str(info[4][0]) for info in answers]
    elsewhere = [a for a in addresses if not is_loopback_address(a)]
    if not addresses or elsewhere:
        raise httpcore.ConnectError(
            f"{host} resolves to {', '.join(elsewhere) or 'nothing'}, not to this computer;"
            " plain http is only used on loopback"
        )
    return addresses[0]


def ssl_context(*, trusted_roots: bool = True) -> ssl.SSLContext:
    """A verifying TLS context that never writes its secrets anywhere.

    ``ssl.create_default_context`` (what httpx uses) honours ``SSLKEYLOGFILE`` and would
    append every session's keys to that file; a bare ``SSLContext`` does not read it.

    ``trusted_roots=False`` is for a client that speaks plain http to loopback (the
    demo sandbox, a local stand-in): it still verifies, but trusts no certificate at
    all, so any TLS connection it were ever led to fails. Loading the CA bundle costs
    about 15 ms and 2 MiB that such a client has no use for.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies, checks the host name
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if trusted_roots:
        context.load_verify_locations(cafile=certifi.where())
    context.keylog_filename = None  # type: ignore[assignment] # None turns key logging off
    return context


def make_transport(context: ssl.SSLContext, *, loopback_only: bool) -> httpx.HTTPTransport:
    """httpx's transport on the deadline backend, with ``context`` (see ``ssl_context``).

    httpx does not take a network backend, so its connection pool is replaced by an
    identical one that has it; httpx still maps httpcore's errors to its own.
    """
    transport = httpx.HTTPTransport(verify=context, trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=context,
        # A bench makes one request at a time per thread, on two threads at most.
        max_connections=10,
        max_keepalive_connections=4,
        keepalive_expiry=5.0,
        network_backend=DeadlineBackend(loopback_only=loopback_only),
    )
    return transport


def _too_large(detail: str, *, write: bool) -> ProtocolError:
    return ProtocolError(ProblemKind.TOO_LARGE, detail, write=write)


def _decoder(response: httpx.Response, *, write: bool) -> typing.Any:
    """A zlib decompressor for the reply's one encoding, or None for none."""
    codings = [
        c.strip().lower()
        for c in response.headers.get_list("Content-Encoding", split_commas=True)
        if c.strip().lower() not in {"", "identity"}
    ]
    if not codings:
        return None
    if len(codings) > 1:
        raise ProtocolError(
            ProblemKind.ENCODED_TWICE,
            f"Content-Encoding {', '.join(codings)!r}: stacked encodings are refused",
            write=write,
        )
    if codings[0] in {"gzip", "x-gzip"}:
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if codings[0] == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS)
    raise ProtocolError(
        ProblemKind.UNKNOWN_ENCODING,
        f"Content-Encoding {codings[0]!r} is not one of {ACCEPT_ENCODING}",
        write=write,
    )


def read_reply(response: httpx.Response, cap: int, *, write: bool) -> Reply:
    """The whole reply, decoded, refused as soon as it (raw or decoded) passes ``cap``."""
    declared = response.headers.get("Content-Length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > cap:
        raise _too_large(f"Content-Length {declared} > cap {cap}", write=write)
    decoder = _decoder(response, write=write)
    body = bytearray()
    received = 0
    try:
        for chunk in response.iter_raw():
            received += len(chunk)
            if received > cap:
                raise _too_large(f"body exceeded cap {cap} bytes", write=write)
            if decoder is None:
                body += chunk
                continue
            data = chunk
            while True:
                room = cap - len(body)
                step = min(room + 1, _INFLATE_STEP)
                piece = decoder.decompress(data, step)
                if len(piece) > room:
                    raise _too_large(f"decoded body exceeded cap {cap} bytes", write=write)
                body += piece
                data = decoder.unconsumed_tail
                if not data and len(piece) < step:
                    break  # this chunk is inflated completely: nothing is held back
        if decoder is not None:
            body += decoder.flush()
            if len(body) > cap:
                raise _too_large(f"decoded body exceeded cap {cap} bytes", write=write)
    except zlib.error as exc:
        raise ProtocolError(
            ProblemKind.UNDECODABLE,
            f"Content-Encoding {response.headers.get('Content-Encoding')!r}: {exc}",
            write=write,
        ) from None
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip()
    return Reply(response.status_code, content_type.lower(), body, response.headers)
