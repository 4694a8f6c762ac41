"""The sandbox's HTTP/1.1 server: stdlib only, on a loopback port, on its own thread."""

from __future__ import annotations

import contextlib
import json
import logging
import re
import secrets
import socket
import threading
from collections import deque
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, unquote, urlsplit

from pydantic import BaseModel, ValidationError

from packstation.redo.models import CreateFulfillmentRequest, UpdateFulfillmentStatusRequest
from packstation.resources import resource_path
from packstation.sandbox import returns_api
from packstation.sandbox.faults import Faults
from packstation.sandbox.limits import BoundedHTTPServer, BoundedRequestHandler, Exchange, Limits
from packstation.sandbox.routes import ORDERS_API, RETURNS_API, Route, match
from packstation.sandbox.state import JSON, SandboxError, SandboxState

__all__ = [
    "API_PREFIX",
    "MAX_REQUEST_BODY",
    "SHARED_DEMO_TOKEN",
    "Exchange",
    "Limits",
    "SandboxServer",
]

log = logging.getLogger("packstation.sandbox")
_M = TypeVar("_M", bound=BaseModel)

API_PREFIX = "/v2.2"
#: The token of a sandbox several processes on this computer share (the warehouse demo's
#: benches reach the one it runs): public on purpose, never a secret. A sandbox only ever
#: listens on 127.0.0.1, and this token opens nothing else.
SHARED_DEMO_TOKEN = "sbx_shared_demo"  # noqa: S105 - public by design, see above
MAX_REQUEST_BODY = Limits().max_body
_CONTENT_LENGTH = re.compile(r"[0-9]{1,10}")  # ASCII digits: int() also takes "-1" and "١٢"


class _Reply(Exception):
    """Raised inside a handler to answer at once."""

    def __init__(self, status: int, body: JSON, content_type: str = "application/json") -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.content_type = content_type


def _problem(status: int, title: str, detail: str) -> _Reply:
    body = {"type": "about:blank", "title": title, "detail": detail, "status": status}
    return _Reply(status, body, "application/problem+json")


class SandboxServer:
    """A running sandbox: ``base_url``, ``token``, ``store_id``, ``faults``, ``state``."""

    def __init__(
        self,
        *,
        state: SandboxState | None = None,
        token: str | None = None,
        store_id: str = "demo-store",
        port: int = 0,
        faults: Faults | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.state = state or SandboxState.demo()
        self.token = token or "sbx_" + secrets.token_urlsafe(18)
        self.store_id = store_id
        self.faults = faults or Faults()
        self.limits = limits or Limits()
        #: The most recent requests and exchanges (``Limits.max_exchanges`` of each).
        self.requests: deque[tuple[str, str, int]] = deque(maxlen=self.limits.max_exchanges)
        self.exchanges: deque[Exchange] = deque(maxlen=self.limits.max_exchanges)
        #: Called (method, path) as each request arrives, before it is answered.
        self.on_request: Callable[[str, str], None] | None = None
        self._stopping = threading.Event()
        self._httpd = BoundedHTTPServer(
            ("127.0.0.1", port), _make_handler(self), self.limits, self._stopping
        )
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return self.root_url + API_PREFIX

    def start(self) -> SandboxServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="packstation-sandbox",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop accepting, end every open connection, and wait (bounded) for its threads."""
        self._stopping.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self._httpd.close_connections()
        self._httpd.server_close()

    def open_connections(self) -> int:
        """Connections being served now (at most ``limits.max_connections``)."""
        return self._httpd.open_connections()

    def wait_idle(self, count: int, timeout: float = 5.0) -> bool:
        """Wait until ``count`` connections wait for a request with nothing sent (tests)."""
        return self._httpd.wait_idle(count, timeout)

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def pause(self, seconds: float) -> None:
        """Sleep in a handler, but wake at once when the server stops."""
        if seconds > 0:
            self._stopping.wait(seconds)

    def writes(self) -> int:
        return sum(1 for method, _, _ in self.requests if method != "GET")


def _make_handler(server: SandboxServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        sandbox = server
        timeout = server.limits.idle_timeout  # a silent connection is closed

    return Handler


class _Handler(BoundedRequestHandler):
    sandbox: SandboxServer
    protocol_version = "HTTP/1.1"
    server_version = "PackStationSandbox/1"
    # Headers and body go out in separate writes; with Nagle on, each answer waits
    # for the client's delayed ACK (about 40 ms on Linux).
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    # --- dispatch ---------------------------------------------------------------

    def _handle(self, method: str) -> None:
        sandbox = self.sandbox
        faults = sandbox.faults
        path = urlsplit(self.path).path
        self._method = method
        self._extra: dict[str, str] = {}  # headers of this answer (X-Page-Next)
        self._body = b""
        self._body_read = False
        orders_api = False  # the Orders API's own error shape (routes.ORDERS_API)
        if sandbox.on_request is not None:
            sandbox.on_request(method, path)
        try:
            # Route and token first: nothing is read from a request that will be refused.
            if method == "GET" and path.startswith("/demo-images/"):
                self._read_body()
                sandbox.pause(faults.latency)
                self._send_image(path.removeprefix("/demo-images/"))
                return
            if not path.startswith(API_PREFIX + "/"):
                raise _problem(404, "Not Found", f"No such endpoint: {path}")
            route, args = match(method, path.removeprefix(API_PREFIX))
            orders_api = route.name in ORDERS_API
            self._authorise(route, orders_api)
            body = self._body = self._read_body()
            sandbox.pause(faults.latency)
            if faults.take("rate_limit"):
                self._reply_429()
                return
            if method != "GET":
                sandbox.pause(faults.write_latency)
                if faults.take("fail_writes"):
                    raise _problem(
                        503, "Service Unavailable", "The service is temporarily unavailable."
                    )
                if faults.take("reject_writes"):
                    if orders_api:
                        raise _Reply(400, {"error": "Tracking code is not valid for this carrier"})
                    raise _problem(400, "Bad Request", "The request was refused (reject-writes).")
            if route.in_store and args[0] != sandbox.store_id:
                raise (
                    _Reply(404, {"error": "Store not found"})
                    if orders_api
                    else _problem(404, "Not Found", "Store not found")
                )
            status, result = self._dispatch(route.name, args, body)
            if method != "GET" and faults.take("drop_after_commit"):
                self._drop()
                return
            if method != "GET" and faults.take("hang_after_commit"):
                sandbox.pause(faults.hang_seconds)
            self._send_json(status, result, "application/json")
        except _Reply as reply:
            self._send_json(reply.status, reply.body, reply.content_type)
        except SandboxError as exc:
            if orders_api:
                self._send_json(exc.status, {"error": exc.message}, "application/json")
            else:
                self._send_json(
                    exc.status,
                    _problem(exc.status, HTTPStatus(exc.status).phrase, exc.message).body,
                    "application/problem+json",
                )
        except (ConnectionError, TimeoutError):
            log.info("client went away during %s %s", method, path)
        except Exception:  # a sandbox bug answers like a server error, not a dropped socket
            log.exception("sandbox failed on %s %s", method, path)
            with contextlib.suppress(OSError):
                problem = _problem(500, "Internal Server Error", "The sandbox failed.")
                self._send_json(500, problem.body, "application/problem+json")

    def _authorise(self, route: Route, orders_api: bool) -> None:
        header = self.headers.get("Authorization", "")
        expected = f"Bearer {self.sandbox.token}"
        if self.sandbox.faults.revoked or not secrets.compare_digest(header, expected):
            message = "Invalid or missing API token"
            if orders_api:
                raise _Reply(401, {"error": message})
            raise _problem(401, "Unauthorized", message)
        if route.scope in self.sandbox.faults.missing_scopes:
            detail = f"The API token lacks the {route.scope} scope this request needs."
            raise _problem(403, "Forbidden", detail)

    def _dispatch(self, route: str, args: list[str], body: bytes) -> tuple[int, JSON | None]:
        state, query = self.sandbox.state, urlsplit(self.path).query
        if route in RETURNS_API:
            faults = self.sandbox.faults
            answer = returns_api.answer(
                state, faults, route, args, body=body, query=query, headers=self.headers
            )
            self._extra.update(answer.headers)
            return answer.status, answer.body
        if route == "get_order":
            return 200, self._absolute_images(state.get_order(args[1]))
        if route == "create":
            request = self._parse(body, CreateFulfillmentRequest)
            return 200, {"success": True, "fulfillment": state.create_fulfillment(args[1], request)}
        if route == "status":
            update = self._parse(body, UpdateFulfillmentStatusRequest)
            fulfillment = state.update_status(args[1], args[2], update)
            return 200, {"success": True, "fulfillment": fulfillment}
        if route == "levels":
            sku = parse_qs(query).get("sku", [None])[0]
            size, after = self.headers.get("X-Page-Size"), self.headers.get("X-Page-Continue")
            levels, next_page = state.inventory_page(sku, size, after)
            self._extra.update({"X-Page-Next": next_page} if next_page else {})
            return 200, {"inventory_levels": levels}
        return 200, {"inventory_level": state.inventory_level(args[1], self.sandbox.root_url)}

    def _parse(self, body: bytes, model: type[_M]) -> _M:
        try:
            return model.model_validate_json(body or b"null")
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "body"
            raise _Reply(400, {"error": f"Invalid request: {where}: {first['msg']}"}) from None

    def _absolute_images(self, order: JSON) -> JSON:
        for line in order["lineItems"]:
            url = line.get("imageUrl")
            if isinstance(url, str) and url.startswith("/"):
                line["imageUrl"] = self.sandbox.root_url + url
        return order

    # --- I/O ----------------------------------------------------------------------

    def _read_body(self) -> bytes:
        """The body, read only once its declared length is a number within the cap."""
        if self.headers.get("Transfer-Encoding") is not None:
            raise _problem(411, "Length Required", "Send the body with a Content-Length.")
        declared = self.headers.get_all("Content-Length") or []
        if len(declared) > 1 or not all(_CONTENT_LENGTH.fullmatch(v.strip()) for v in declared):
            raise _problem(400, "Bad Request", "Content-Length is not a single number.")
        length = int(declared[0]) if declared else 0
        if length > self.sandbox.limits.max_body:
            raise _problem(
                413,
                "Payload Too Large",
                f"The request body is larger than {self.sandbox.limits.max_body} bytes.",
            )
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            raise ConnectionError("the client closed the connection mid-body")
        self._body_read = True
        self._bounded.disarm(self.connection)
        return body

    def _body_pending(self) -> bool:
        """A body was announced and not read: the connection cannot carry another request."""
        if self._body_read:
            return False
        length = self.headers.get("Content-Length", "0").strip()
        return self.headers.get("Transfer-Encoding") is not None or length not in ("", "0")

    def _send_json(self, status: int, body: JSON | None, content_type: str) -> None:
        payload = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        self._send(status, payload, "" if body is None else content_type, self._extra)

    def _send(
        self, status: int, payload: bytes, content_type: str, extra: dict[str, str] | None = None
    ) -> None:
        self._record(status, content_type, payload)
        self.send_response(status)
        if status != 204:  # a 204 has neither (RFC 9110 8.6)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
        if self._body_pending():
            self.close_connection = True
            self.send_header("Connection", "close")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        trickle = self.sandbox.faults.trickle
        if trickle <= 0:
            self.wfile.write(payload)
            return
        for start in range(0, len(payload), 16):
            self.wfile.write(payload[start : start + 16])
            self.wfile.flush()
            self.sandbox.pause(trickle)

    def _reply_429(self) -> None:
        body = _problem(429, "Too Many Requests", "Rate limit exceeded; retry later.").body
        payload = json.dumps(body).encode()
        retry = str(self.sandbox.faults.retry_after)
        self._send(429, payload, "application/problem+json", {"Retry-After": retry})

    def _record(self, status: int, content_type: str, payload: bytes) -> None:
        """Log the exchange before answering, so a client never sees an answer unlogged."""
        self.sandbox.requests.append((self._method, urlsplit(self.path).path, status))
        keep = self.sandbox.limits.max_recorded_body
        self.sandbox.exchanges.append(
            Exchange(
                self._method,
                self.path,
                dict(self.headers.items()),
                self._body[:keep],
                status,
                content_type,
                payload[:keep],
            )
        )

    def _drop(self) -> None:
        self._record(-1, "", b"")
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _send_image(self, name: str) -> None:
        folder = resource_path("sandbox", "images")
        target = (folder / unquote(name)).resolve()
        if target.parent != folder.resolve() or not target.is_file():
            raise _problem(404, "Not Found", "No such image")
        self._send(200, Path(target).read_bytes(), "image/png", {"Cache-Control": "max-age=86400"})
