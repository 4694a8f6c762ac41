"""A synchronous client for the Redo Orders API v2.2.

Synchronous on purpose: the UI runs it on its worker thread and the outbox on
its sender thread, so blocking calls keep both simple. One pooled httpx.Client
serves every call.
"""

from __future__ import annotations

import email.utils
import json
import logging
import platform
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, SecretStr, ValidationError

from packstation import __version__
from packstation.redo.errors import (
    Forbidden,
    NetworkUnreachable,
    NotFound,
    OutcomeUnknown,
    ProtocolError,
    RateLimited,
    RedoError,
    Rejected,
    ServerError,
    TimedOut,
    Unauthorized,
)
from packstation.redo.models import (
    ApiErrorBody,
    CreateFulfillmentRequest,
    Fulfillment,
    FulfillmentResponse,
    InventoryLevel,
    InventoryLevelDetail,
    InventoryLevelEnvelope,
    InventoryLevelList,
    Order,
    ProblemDetails,
    UpdateFulfillmentStatusRequest,
)
from packstation.redo.urls import DEFAULT_BASE_URL, check_base_url, segment

if TYPE_CHECKING:
    # httpx is imported when the first connection is made (``RedoClient._http``): about a
    # tenth of a second that building a client, at start or after Settings, should not cost.
    import httpx

log = logging.getLogger("packstation.redo")

#: An order of 1000 lines is well under 1 MiB; anything far larger is not an order.
DEFAULT_MAX_BODY = 8 * 1024 * 1024


def _user_agent() -> str:
    import httpx

    return f"PackStation/{__version__} ({platform.system()}; python-httpx/{httpx.__version__})"


M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Timeouts:
    connect: float = 5.0
    read: float = 20.0
    write: float = 20.0
    pool: float = 5.0

    def to_httpx(self) -> httpx.Timeout:
        import httpx

        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)


@dataclass(frozen=True, slots=True)
class _Reply:
    status: int
    content_type: str
    body: bytes
    headers: Mapping[str, str]


class RedoClient:
    """One store's view of the Orders API."""

    def __init__(
        self,
        *,
        token: SecretStr | str,
        store_id: str,
        base_url: str = DEFAULT_BASE_URL,
        timeouts: Timeouts | None = None,
        max_body_bytes: int = DEFAULT_MAX_BODY,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._token = token if isinstance(token, SecretStr) else SecretStr(token)
        self.store_id = store_id
        self.base_url = check_base_url(base_url)
        self.max_body_bytes = max_body_bytes
        self._timeouts = timeouts or Timeouts()
        self._transport = transport
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()
        self._closed = False

    def __repr__(self) -> str:
        return f"RedoClient(base_url={self.base_url!r}, store_id={self.store_id!r})"

    @property
    def _http(self) -> httpx.Client:
        """The pooled connection, made on first use: building its TLS context takes
        tens of milliseconds, which the window's start should not wait for."""
        with self._lock:
            if self._closed:
                raise RuntimeError("this RedoClient is closed")
            if self._client is None:
                import httpx

                from packstation.redo.bearer import BearerAuth

                self._client = httpx.Client(
                    base_url=self.base_url,
                    auth=BearerAuth(self._token),
                    timeout=self._timeouts.to_httpx(),
                    headers={"User-Agent": _user_agent(), "Accept": "application/json"},
                    # Verification is not configurable: there is no switch to turn it off.
                    verify=True,
                    follow_redirects=False,
                    trust_env=False,
                    transport=self._transport,
                )
            return self._client

    def prepare(self) -> None:
        """Make the pooled connection now (httpx, the TLS context), on a worker, so the
        first order loaded does not wait for it. A client closed meanwhile is left alone."""
        if not self._closed:
            self._http  # noqa: B018 - built on first access

    def close(self) -> None:
        with self._lock:
            self._closed = True
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def __enter__(self) -> RedoClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- operations -----------------------------------------------------------

    def get_order(self, ref: str) -> Order:
        """Load an order by external ID, internal Redo ID or order name (``#1001``)."""
        ref = ref.strip()
        if not ref:
            raise NotFound("No order number was given.", reference=ref)
        reply = self._call("GET", self._store_path("orders", ref), what=f"order {ref}")
        return self._parse(reply, Order, write=False)

    def create_fulfillment(self, order_id: str, request: CreateFulfillmentRequest) -> Fulfillment:
        reply = self._call(
            "POST",
            self._store_path("orders", order_id, "fulfillments"),
            what=f"order {order_id}",
            body=request.to_json_dict(),
        )
        return self._parse(reply, FulfillmentResponse, write=True).fulfillment

    def update_fulfillment_status(
        self, order_id: str, fulfillment_id: str, request: UpdateFulfillmentStatusRequest
    ) -> Fulfillment:
        reply = self._call(
            "POST",
            self._store_path("orders", order_id, "fulfillments", fulfillment_id, "shipment-status"),
            what=f"shipment {fulfillment_id} of order {order_id}",
            body=request.to_json_dict(),
        )
        return self._parse(reply, FulfillmentResponse, write=True).fulfillment

    def find_inventory_levels(self, sku: str) -> list[InventoryLevel]:
        reply = self._call(
            "GET", self._store_path("inventory-levels"), what=f"SKU {sku}", params={"sku": sku}
        )
        return self._parse(reply, InventoryLevelList, write=False).inventory_levels

    def get_inventory_level(self, level_id: str) -> InventoryLevelDetail:
        reply = self._call(
            "GET", self._store_path("inventory-levels", level_id), what=f"inventory {level_id}"
        )
        return self._parse(reply, InventoryLevelEnvelope, write=False).inventory_level

    def lookup_upc(self, sku: str) -> str | None:
        """The product UPC for a SKU, through the inventory-levels endpoints."""
        for level in self.find_inventory_levels(sku):
            if (level.product.sku or "").casefold() == sku.casefold():
                upc = self.get_inventory_level(level.id).product.upc
                if upc:
                    return upc.strip()
        return None

    # --- transport ------------------------------------------------------------

    def _store_path(self, *segments: str) -> str:
        return "/stores/" + "/".join(segment(s) for s in (self.store_id, *segments))

    def _call(
        self,
        method: str,
        path: str,
        *,
        what: str,
        body: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
    ) -> _Reply:
        import httpx

        write = method != "GET"
        started = time.monotonic()
        request = self._http.build_request(method, path, json=body, params=params)
        try:
            reply = self._send(request)
        except httpx.HTTPError as exc:
            raise self._transport_error(exc, method, path, write=write) from None
        log.info(
            "%s %s -> %s in %.0f ms",
            method,
            path,
            reply.status,
            (time.monotonic() - started) * 1000,
        )
        if reply.status >= 400:
            raise self._status_error(reply, what, method, path, write=write)
        return reply

    def _send(self, request: httpx.Request) -> _Reply:
        response = self._http.send(request, stream=True)
        try:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > self.max_body_bytes:
                raise ProtocolError(
                    "The server sent a reply far too large to be an answer to this request.",
                    f"Content-Length {declared} > cap {self.max_body_bytes}",
                    write=request.method != "GET",
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_body_bytes:
                    raise ProtocolError(
                        "The server sent a reply far too large to be an answer to this request.",
                        f"body exceeded cap {self.max_body_bytes} bytes",
                        write=request.method != "GET",
                    )
                chunks.append(chunk)
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip()
            return _Reply(
                response.status_code, content_type.lower(), b"".join(chunks), response.headers
            )
        finally:
            response.close()

    def _redact(self, text: str) -> str:
        secret = self._token.get_secret_value()
        return text.replace(secret, "**********") if secret else text

    def _transport_error(
        self, exc: httpx.HTTPError, method: str, path: str, *, write: bool
    ) -> RedoError:
        import httpx

        detail = self._redact(f"{method} {path}: {type(exc).__name__}: {exc}")
        host = urlsplit(self.base_url).hostname or self.base_url
        if isinstance(exc, httpx.ConnectTimeout):
            return TimedOut(
                f"The Redo server ({host}) did not accept a connection in time.", detail
            )
        if isinstance(exc, httpx.PoolTimeout):
            return TimedOut("Too many requests are waiting; try again in a moment.", detail)
        if isinstance(exc, httpx.ConnectError):
            return NetworkUnreachable(
                f"Cannot reach the Redo server ({host}). Check the network connection.", detail
            )
        if write and isinstance(
            exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError
        ):
            return OutcomeUnknown(
                "The connection was lost after the shipment was sent; "
                "it is not yet known whether Redo recorded it.",
                detail,
            )
        if isinstance(exc, httpx.TimeoutException):
            return TimedOut(f"The Redo server ({host}) took too long to answer.", detail)
        if isinstance(exc, httpx.NetworkError | httpx.RemoteProtocolError):
            return NetworkUnreachable(
                f"The connection to the Redo server ({host}) broke before it answered.", detail
            )
        return ProtocolError(
            "The Redo server's answer could not be understood.", detail, write=write
        )

    def _status_error(
        self, reply: _Reply, what: str, method: str, path: str, *, write: bool
    ) -> RedoError:
        server_message = self._server_message(reply)
        detail = self._redact(f"{method} {path}: HTTP {reply.status}: {server_message}")
        status = reply.status
        if status == 401:
            return Unauthorized(
                "Redo refused the API token: it is wrong, expired or revoked. "
                "Ask a lead to enter a new token in Settings.",
                detail,
            )
        if status == 403:
            return Forbidden(
                "The API token is not allowed to do this (a permission scope is missing).", detail
            )
        if status == 404:
            return NotFound(
                f"Not found: {what}. Check the number and scan again.", detail, reference=what
            )
        if status == 429:
            return RateLimited(
                "Redo is busy (too many requests); it will be tried again shortly.",
                detail,
                retry_after=_retry_after(reply.headers.get("Retry-After")),
            )
        if 400 <= status < 500:
            said = self._redact(server_message) or f"HTTP {status}"
            return Rejected(f"Redo refused this: {said}", detail, server_message=said)
        return ServerError(
            f"The Redo server had a problem (error {status}). Try again in a moment.",
            detail,
            status=status,
            write=write,
        )

    def _server_message(self, reply: _Reply) -> str:
        if reply.content_type in {"application/json", "application/problem+json"}:
            try:
                data = json.loads(reply.body)
            except ValueError:
                data = None
            if isinstance(data, dict):
                if isinstance(data.get("error"), str):
                    return ApiErrorBody.model_validate(data).error
                try:
                    problem = ProblemDetails.model_validate(data)
                except ValidationError:
                    problem = None
                if problem is not None and (problem.title or problem.detail):
                    return ": ".join(p for p in (problem.title, problem.detail) if p)
        snippet = reply.body[:200].decode("utf-8", "replace").strip()
        if reply.content_type == "text/html":
            return f"an HTML page ({len(reply.body)} bytes)"
        return snippet

    def _parse(self, reply: _Reply, model: type[M], *, write: bool) -> M:
        if reply.content_type != "application/json":
            raise ProtocolError(
                "The Redo server's answer could not be understood (it was not JSON).",
                f"HTTP {reply.status} with Content-Type {reply.content_type or 'none'!r}",
                write=write,
            )
        try:
            return model.model_validate_json(reply.body)
        except ValidationError as exc:
            raise ProtocolError(
                "The Redo server's answer could not be understood (unexpected contents).",
                self._redact(f"{model.__name__}: {exc.error_count()} errors: {exc.errors()[:3]}"),
                write=write,
            ) from None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
