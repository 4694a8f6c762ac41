"""A synchronous client for the Redo Orders API v2.2.

Synchronous on purpose: the UI runs it on its worker thread and the outbox on
its sender thread, so blocking calls keep both simple. One pooled httpx.Client
serves every call.
"""

from __future__ import annotations

import logging
import platform
import threading
import time
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, SecretStr, ValidationError

from packstation import __version__
from packstation.redo.answers import Reply, status_error
from packstation.redo.clock import ServerTime
from packstation.redo.confirm import unconfirmed
from packstation.redo.errors import (
    NetworkUnreachable,
    NotFound,
    OutcomeUnknown,
    Problem,
    ProblemKind,
    ProtocolError,
    RedoError,
    Scope,
    Subject,
    TimedOut,
    clean_text,
)
from packstation.redo.models import (
    CreateFulfillmentRequest,
    Fulfillment,
    FulfillmentResponse,
    InventoryLevel,
    InventoryLevelDetail,
    InventoryLevelEnvelope,
    InventoryLevelList,
    Order,
    UpdateFulfillmentStatusRequest,
)
from packstation.redo.timeouts import Timeouts
from packstation.redo.urls import DEFAULT_BASE_URL, BadReference, check_base_url, segment

__all__ = ["DEFAULT_MAX_BODY", "RedoClient", "Timeouts"]

if TYPE_CHECKING:
    # httpx is imported when the first connection is made (``RedoClient._http``): about a
    # tenth of a second that building a client, at start or after Settings, should not cost.
    import httpx

log = logging.getLogger("packstation.redo")

#: An order of 1000 lines is well under 1 MiB; anything far larger is not an order. The
#: cap holds for the body as received and, when compressed, as decoded.
DEFAULT_MAX_BODY = 8 * 1024 * 1024


def _user_agent() -> str:
    import httpx

    return f"PackStation/{__version__} ({platform.system()}; python-httpx/{httpx.__version__})"


M = TypeVar("M", bound=BaseModel)


def _order(ref: str) -> Problem:
    """What a 404 means when ``ref`` was the order looked up."""
    return Problem(ProblemKind.NOT_FOUND, subject=Subject.ORDER, reference=ref)


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
        server_time: ServerTime | None = None,
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
        #: Redo's clock, from every answer's Date header (what the history purge trusts).
        self.server_time = server_time or ServerTime()

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
                from packstation.redo import http_stack

                http_stack.load()
                import httpx

                from packstation.redo.bearer import BearerAuth
                from packstation.redo.transport import (
                    ACCEPT_ENCODING,
                    make_transport,
                    ssl_context,
                )

                plain = urlsplit(self.base_url).scheme == "http"
                tls = ssl_context(trusted_roots=not plain)
                self._client = httpx.Client(
                    base_url=self.base_url,
                    auth=BearerAuth(self._token),
                    timeout=self._timeouts.to_httpx(),
                    headers={
                        "User-Agent": _user_agent(),
                        "Accept": "application/json",
                        "Accept-Encoding": ACCEPT_ENCODING,
                    },
                    # Verification is not configurable: there is no switch to turn it off.
                    verify=tls,
                    follow_redirects=False,
                    trust_env=False,
                    transport=self._transport or make_transport(tls, loopback_only=plain),
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
            raise NotFound(ProblemKind.NO_ORDER_NUMBER)
        reply = self._call("GET", self._store_path("orders", ref), missing=_order(ref))
        return self._parse(reply, Order, write=False)

    def create_fulfillment(self, order_id: str, request: CreateFulfillmentRequest) -> Fulfillment:
        """The fulfillment, once Redo's answer confirms exactly this request; an answer that
        does not (``redo.confirm``) raises ``OutcomeUnknown``: read the order to find out."""
        path = self._store_path("orders", order_id, "fulfillments")
        reply = self._call("POST", path, missing=_order(order_id), body=request.to_json_dict())
        answer = self._parse(reply, FulfillmentResponse, write=True)
        differs = unconfirmed(request, answer)
        if differs:
            detail = self._redact(f"POST {path}: HTTP {reply.status} but {differs}")
            raise OutcomeUnknown(ProblemKind.UNCONFIRMED, detail)
        return answer.fulfillment

    def update_fulfillment_status(
        self, order_id: str, fulfillment_id: str, request: UpdateFulfillmentStatusRequest
    ) -> Fulfillment:
        reply = self._call(
            "POST",
            self._store_path("orders", order_id, "fulfillments", fulfillment_id, "shipment-status"),
            missing=Problem(
                ProblemKind.NOT_FOUND,
                subject=Subject.SHIPMENT,
                reference=fulfillment_id,
                order=order_id,
            ),
            body=request.to_json_dict(),
        )
        return self._parse(reply, FulfillmentResponse, write=True).fulfillment

    def find_inventory_levels(self, sku: str) -> list[InventoryLevel]:
        reply = self._call(
            "GET",
            self._store_path("inventory-levels"),
            missing=Problem(ProblemKind.NOT_FOUND, subject=Subject.SKU, reference=sku),
            params={"sku": sku},
        )
        return self._parse(reply, InventoryLevelList, write=False).inventory_levels

    def get_inventory_level(self, level_id: str) -> InventoryLevelDetail:
        reply = self._call(
            "GET",
            self._store_path("inventory-levels", level_id),
            missing=Problem(
                ProblemKind.NOT_FOUND, subject=Subject.INVENTORY_LEVEL, reference=level_id
            ),
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
        try:
            return "/stores/" + "/".join(segment(s) for s in (self.store_id, *segments))
        except BadReference as exc:
            kind = ProblemKind.EMPTY_REFERENCE if exc.empty else ProblemKind.UNSENDABLE_REFERENCE
            raise NotFound(kind, str(exc)) from None

    def _call(
        self,
        method: str,
        path: str,
        *,
        missing: Problem,
        body: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        scope: Scope | None = None,
    ) -> Reply:
        """One request within the overall deadline; anything but a 2xx raises a RedoError.

        ``missing`` is what a 404 means for this request; ``scope`` what a 403 names.
        """
        from packstation.redo import http_stack

        http_stack.load()  # before any import of httpx on this thread: see http_stack.py
        import httpx

        from packstation.redo.transport import deadline, read_reply

        write = method != "GET"
        started = time.monotonic()
        try:
            with deadline(self._timeouts.total):
                request = self._http.build_request(
                    method, path, json=body, params=params, headers=headers
                )
                response = self._http.send(request, stream=True)
                try:
                    self.server_time.observe(response.headers.get("Date"))
                    reply = read_reply(response, self.max_body_bytes, write=write)
                finally:
                    response.close()
        except RedoError:
            raise
        except httpx.HTTPError as exc:
            error = self._transport_error(exc, method, path, write=write)
            if time.monotonic() - started >= self._timeouts.total:
                error.detail += f" (the request's {self._timeouts.total:g} s deadline passed)"
            raise error from None
        except RuntimeError:
            if self._closed:
                raise  # used after close(): a bug in the caller, not a failed call
            raise self._unexpected(method, path, write=write) from None
        except Exception:
            raise self._unexpected(method, path, write=write) from None
        log.info(
            "%s %s -> %s in %.0f ms",
            method,
            path,
            reply.status,
            (time.monotonic() - started) * 1000,
        )
        if not 200 <= reply.status < 300:
            raise status_error(
                reply,
                missing=missing,
                request=f"{method} {path}",
                host=self._host,
                write=write,
                redact=self._redact,
                scope=scope,
            )
        return reply

    @property
    def _host(self) -> str:
        return urlsplit(self.base_url).hostname or self.base_url

    def _redact(self, text: str) -> str:
        secret = self._token.get_secret_value()
        return text.replace(secret, "**********") if secret else text

    def _unexpected(self, method: str, path: str, *, write: bool) -> RedoError:
        """Whatever else went wrong in a call still reaches the caller as a RedoError."""
        import sys

        exc = sys.exc_info()[1]
        detail = self._redact(f"{method} {path}: {type(exc).__name__}: {exc}")
        log.warning("unexpected failure in %s %s: %s", method, path, clean_text(detail))
        return ProtocolError(ProblemKind.REQUEST_FAILED, detail, write=write)

    def _transport_error(
        self, exc: httpx.HTTPError, method: str, path: str, *, write: bool
    ) -> RedoError:
        import httpx

        detail = self._redact(f"{method} {path}: {type(exc).__name__}: {exc}")
        host = self._host
        if isinstance(exc, httpx.ConnectTimeout):
            return TimedOut(Problem(ProblemKind.CONNECT_TIMED_OUT, host=host), detail)
        if isinstance(exc, httpx.PoolTimeout):
            return TimedOut(ProblemKind.QUEUE_FULL, detail)
        if isinstance(exc, httpx.ConnectError):
            return NetworkUnreachable(Problem(ProblemKind.UNREACHABLE, host=host), detail)
        if write and isinstance(
            exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError
        ):
            return OutcomeUnknown(ProblemKind.LOST_AFTER_SEND, detail)
        if isinstance(exc, httpx.TimeoutException):
            return TimedOut(Problem(ProblemKind.ANSWER_TIMED_OUT, host=host), detail)
        if isinstance(exc, httpx.NetworkError | httpx.RemoteProtocolError):
            return NetworkUnreachable(Problem(ProblemKind.CONNECTION_BROKE, host=host), detail)
        return ProtocolError(ProblemKind.ANSWER_UNREADABLE, detail, write=write)

    def _parse(self, reply: Reply, model: type[M], *, write: bool) -> M:
        if reply.content_type != "application/json":
            raise ProtocolError(
                ProblemKind.NOT_JSON,
                f"HTTP {reply.status} with Content-Type {clean_text(reply.content_type) or 'none'!r}",
                write=write,
            )
        try:
            return model.model_validate_json(reply.body)
        except ValidationError as exc:
            first = [(e["loc"], e["msg"]) for e in exc.errors(include_input=False)[:3]]
            raise ProtocolError(
                ProblemKind.UNEXPECTED_CONTENTS,
                self._redact(f"{model.__name__}: {exc.error_count()} errors: {first}"),
                write=write,
            ) from None
