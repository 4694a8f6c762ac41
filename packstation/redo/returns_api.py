"""Redo's returns, through the client's transport (its deadline, caps and error taxonomy).

Paths: the list is the store's (``/stores/{storeId}/returns``); one return, its status,
comments and processing are not (``/returns/{returnId}...``). Reads need the token's
``returns_read`` scope and writes ``returns_write``: a 403 names the one the call needs
(``Forbidden.scope``).

The list pages as the inventory list does (``X-Page-Size`` 1-500, ``X-Page-Continue`` taking
the previous page's ``X-Page-Next``), newest first. One return in a page that cannot be
read is set aside (``ReturnsPage.unreadable``) rather than failing the page: otherwise one
bad record would hide every other return from the bench, on every page walk, until Redo
fixed it. A return read alone is strict: a malformed one is a ``ProtocolError``.

Process Return has no idempotency key: after an unknown outcome, read the return and send
only what ``returns_process.check_process`` leaves.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, ValidationError

from packstation.redo.answers import Reply
from packstation.redo.errors import (
    NotFound,
    Problem,
    ProblemKind,
    ProcessRefused,
    ProtocolError,
    Rejected,
    Scope,
    clean_text,
)
from packstation.redo.returns import (
    ProcessAnswer,
    Return,
    ReturnComment,
    ReturnCommentAnswer,
    ReturnComments,
    ReturnDetail,
    ReturnStatus,
    ReturnStatusAnswer,
)
from packstation.redo.returns_order import ReturnOrder
from packstation.redo.returns_process import (
    CreateCommentRequest,
    ProcessResult,
    ProcessReturnRequest,
    ReturnStatusUpdate,
    UpdateReturnStatusRequest,
)
from packstation.redo.urls import BadReference, segment

if TYPE_CHECKING:
    from packstation.redo.client import RedoClient

log = logging.getLogger("packstation.redo")

#: The spec's default is 20 and its largest 500. A return comes with its order (a few kB
#: each), so 100 keeps a page far below the client's 8 MiB body cap in few requests.
PAGE_SIZE = 100
PAGE_SIZE_MAX = 500


@dataclass(frozen=True, slots=True)
class ReturnQuery:
    """The list's filters (each optional): a status, an update window, an order's name."""

    status: ReturnStatus | None = None
    #: Inclusive.
    updated_at_min: dt.datetime | None = None
    #: Exclusive.
    updated_at_max: dt.datetime | None = None
    #: The Shopify order name (``#1001``).
    shopify_order_name: str | None = None
    #: The order name at another commerce provider.
    provider_order_name: str | None = None

    def params(self) -> dict[str, str]:
        """The query string; a bad filter is a bug in the caller and raises ValueError."""
        params: dict[str, str] = {}
        if self.status is not None:
            if self.status is ReturnStatus.UNRECOGNISED:
                raise ValueError("'unrecognised' is not a status Redo filters by")
            params["status"] = self.status.value
        for name in ("updated_at_min", "updated_at_max"):
            when: dt.datetime | None = getattr(self, name)
            if when is not None:
                if when.tzinfo is None:
                    raise ValueError(f"{name} must carry a time zone")
                text = when.astimezone(dt.UTC).isoformat(timespec="milliseconds")
                params[name] = text.replace("+00:00", "Z")
        for name in ("shopify_order_name", "provider_order_name"):
            value: str | None = getattr(self, name)
            if value is not None and value.strip():
                params[name] = value.strip()
        return params


@dataclass(frozen=True, slots=True)
class UnreadableReturn:
    """A list entry that is not a return the bench can use (technical, for the log)."""

    index: int
    id: str
    detail: str


@dataclass(frozen=True, slots=True)
class ReturnsPage:
    returns: tuple[Return, ...]
    #: The returns' orders, by Redo order ID.
    orders: dict[str, ReturnOrder] = field(default_factory=dict)
    #: The cursor of the next page (``X-Page-Next``); None on the last page.
    next: str | None = None
    unreadable: tuple[UnreadableReturn, ...] = ()

    def order_of(self, ret: Return) -> ReturnOrder | None:
        return self.orders.get(ret.order.id)

    def with_tracker(self, code: str) -> list[Return]:
        """The returns on this page whose parcel carries tracking number ``code``."""
        return [r for r in self.returns if r.has_tracker(code)]


class _RawList(BaseModel):
    """The list's envelope, its entries read one by one (see the module's docstring)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    returns: list[Any]
    # Required by the spec; a page without it still lists the returns.
    orders: list[Any] = []


def _missing(return_id: str) -> Problem:
    # Subject names no return yet: ``Subject`` gains a member only with the words for it
    # (ui/words/problems.py, whose test walks every subject). The reference is kept.
    return Problem(ProblemKind.NOT_FOUND, reference=return_id)


class ReturnsApi:
    """The returns endpoints of one store, on ``client``'s connection and deadlines."""

    def __init__(self, client: RedoClient) -> None:
        self.client = client

    # --- reading --------------------------------------------------------------------

    def list_page(
        self,
        query: ReturnQuery | None = None,
        *,
        after: str | None = None,
        page_size: int = PAGE_SIZE,
    ) -> ReturnsPage:
        """One page of the store's returns, newest first; ``after`` is a page's ``next``."""
        if not 1 <= page_size <= PAGE_SIZE_MAX:
            raise ValueError(f"page size must be 1 to {PAGE_SIZE_MAX}, not {page_size}")
        headers = {"X-Page-Size": str(page_size)}
        if after:
            headers["X-Page-Continue"] = after
        client = self.client
        reply = client._call(
            "GET",
            client._store_path("returns"),
            missing=Problem(ProblemKind.NOT_FOUND),
            params=(query or ReturnQuery()).params(),
            headers=headers,
            scope=Scope.RETURNS_READ,
        )
        raw = client._parse(reply, _RawList, write=False)
        return self._page(raw, reply.headers.get("X-Page-Next") or None)

    def pages(
        self,
        query: ReturnQuery | None = None,
        *,
        max_pages: int,
        after: str | None = None,
        page_size: int = PAGE_SIZE,
    ) -> Iterator[ReturnsPage]:
        """Page after page, at most ``max_pages``. When the last page yielded has a ``next``,
        the bound stopped the walk: pass it as ``after`` to go on from there.

        A cursor Redo hands out twice would walk in a circle: ``ProtocolError``.
        """
        seen = {after} if after else set()
        for _ in range(max_pages):
            page = self.list_page(query, after=after, page_size=page_size)
            yield page
            if page.next is None:
                return
            if page.next in seen:
                raise ProtocolError(
                    ProblemKind.UNEXPECTED_CONTENTS,
                    f"X-Page-Next repeats an earlier cursor ({clean_text(page.next, 60)!r})",
                )
            seen.add(page.next)
            after = page.next

    def get(self, return_id: str) -> ReturnDetail:
        """One return and its order; a return that cannot be read is a ``ProtocolError``."""
        reply = self._return_call("GET", return_id, scope=Scope.RETURNS_READ)
        return self.client._parse(reply, ReturnDetail, write=False)

    def get_status(self, return_id: str) -> ReturnStatus:
        reply = self._return_call("GET", return_id, "status", scope=Scope.RETURNS_READ)
        return self.client._parse(reply, ReturnStatusAnswer, write=False).status

    def comments(self, return_id: str) -> list[ReturnComment]:
        """The return's comments (to see whether a comment whose answer was lost arrived)."""
        reply = self._return_call("GET", return_id, "comments", scope=Scope.RETURNS_READ)
        return self.client._parse(reply, ReturnComments, write=False).comments

    # --- writing --------------------------------------------------------------------

    def process(self, return_id: str, request: ProcessReturnRequest) -> ProcessResult:
        """Process or reject the request's products.

        A 400 is ``ProcessRefused``: Redo's reason and the return, for a list of returns
        that need attention. A lost answer is ``OutcomeUnknown``: read the return and
        resend only what ``check_process`` leaves.
        """
        try:
            reply = self._return_call(
                "POST", return_id, "process", scope=Scope.RETURNS_WRITE, body=request.to_json_dict()
            )
        except Rejected as exc:
            problem = Problem(
                ProblemKind.REFUSED,
                status=exc.problem.status,
                said=exc.problem.said,
                reference=return_id,
            )
            raise ProcessRefused(problem, exc.detail) from None
        return ProcessResult.of(self.client._parse(reply, ProcessAnswer, write=True).message)

    def set_status(self, return_id: str, status: ReturnStatusUpdate) -> None:
        """Update the return's status (204, no body). Reopening a processed return does
        not undo its refunds (the spec's warning): callers ask before ``OPEN``."""
        body = UpdateReturnStatusRequest(status=status).to_json_dict()
        self._return_call("PUT", return_id, "status", scope=Scope.RETURNS_WRITE, body=body)

    def add_comment(self, return_id: str, request: CreateCommentRequest) -> ReturnComment:
        """Post one comment (a message or an image). No idempotency key either: after a
        lost answer, ``comments`` shows whether it arrived."""
        reply = self._return_call(
            "POST", return_id, "comments", scope=Scope.RETURNS_WRITE, body=request.to_json_dict()
        )
        return self.client._parse(reply, ReturnCommentAnswer, write=True).comment

    # --- plumbing -------------------------------------------------------------------

    def _return_call(
        self,
        method: str,
        return_id: str,
        *tail: str,
        scope: Scope,
        body: dict[str, Any] | None = None,
    ) -> Reply:
        try:
            path = "/returns/" + "/".join(segment(s) for s in (return_id, *tail))
        except BadReference as exc:
            kind = ProblemKind.EMPTY_REFERENCE if exc.empty else ProblemKind.UNSENDABLE_REFERENCE
            raise NotFound(kind, str(exc)) from None
        return self.client._call(method, path, missing=_missing(return_id), body=body, scope=scope)

    def _page(self, raw: _RawList, after: str | None) -> ReturnsPage:
        returns: list[Return] = []
        unreadable: list[UnreadableReturn] = []
        for index, entry in enumerate(raw.returns):
            try:
                returns.append(Return.model_validate(entry))
            except ValidationError as exc:
                ref = entry.get("id") if isinstance(entry, dict) else None
                first = [(e["loc"], e["msg"]) for e in exc.errors(include_input=False)[:3]]
                bad = UnreadableReturn(index, clean_text(str(ref or "")), clean_text(str(first)))
                log.warning(
                    "return %d (%r) on a page could not be read: %s", index, bad.id, bad.detail
                )
                unreadable.append(bad)
        orders: dict[str, ReturnOrder] = {}
        for entry in raw.orders:
            try:
                order = ReturnOrder.model_validate(entry)
            except ValidationError:
                continue  # its returns are listed without titles (``order_of`` is None)
            orders[order.id] = order
        return ReturnsPage(tuple(returns), orders, after, tuple(unreadable))
