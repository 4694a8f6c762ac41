"""The client's error taxonomy.

Every error carries ``problem``, what went wrong as a kind and its facts (the host, an
HTTP status, the wait Redo asked for, the reference looked up, the server's own words),
and ``detail``, the technical account for the log. No sentence for the packer is made
here: the window words each kind (``ui/words/problems.py``), in the packer's language,
and the outbox stores the problem as it is (``Problem.to_json``) to word it later, in
whatever language the bench speaks by then.

Neither the facts nor the detail ever contain the token: the client redacts it before
an error is built. Both are cleaned here, whoever builds the error: control and
formatting characters (which could forge a log line or reorder text on screen) become
spaces, and the length is bounded.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum

#: How much of the server's own words (and of any other fact given as text) is kept.
SERVER_TEXT_MAX = 300
#: Bound on the detail; it already holds server text cut to the above.
DETAIL_MAX = 1000
#: The longest wait a server's Retry-After can impose (15 minutes): a longer one, or one
#: that is not a finite number, must not park a shipment for years.
RETRY_AFTER_MAX = 900.0

#: Unicode categories that are not text on one line: Cc (controls: CR, LF, ESC, NUL),
#: Cf (format: bidi overrides, zero-width), Zl/Zp (line and paragraph separators),
#: Cs/Co/Cn (surrogates, private use, unassigned).
_NOT_TEXT = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def clean_text(text: str, limit: int = SERVER_TEXT_MAX) -> str:
    """``text`` on one line, without control characters, at most ``limit`` characters."""
    head = text[: limit * 4]  # never walk megabytes for a few hundred characters
    cleaned = "".join(" " if unicodedata.category(c) in _NOT_TEXT else c for c in head)
    cleaned = " ".join(cleaned.split())
    if len(cleaned) > limit or len(text) > len(head):
        return cleaned[: limit - 1].rstrip() + "…"
    return cleaned


class ProblemKind(StrEnum):
    """What went wrong with a call to Redo. The facts each kind uses are named beside it."""

    #: A 3xx (never followed): ``host``, ``status``.
    REDIRECTED = "redirected"
    #: 401: the token is wrong, expired or revoked.
    TOKEN_REFUSED = "token_refused"  # noqa: S105 - a kind, not a secret
    #: 403: the token lacks a permission scope: ``scope``, the one the call needs (when
    #: the call says; Redo's own words are in the detail).
    SCOPE_MISSING = "scope_missing"
    #: 404: ``subject`` and ``reference`` (and ``order`` for a shipment).
    NOT_FOUND = "not_found"
    #: An order was asked for with an empty number.
    NO_ORDER_NUMBER = "no_order_number"
    #: A path segment would be empty.
    EMPTY_REFERENCE = "empty_reference"
    #: A path segment holds characters UTF-8 cannot carry.
    UNSENDABLE_REFERENCE = "unsendable_reference"
    #: 429: ``wait`` in seconds when Redo said how long.
    BUSY = "busy"
    #: Another 4xx: ``said``, the server's own words.
    REFUSED = "refused"
    #: 5xx or a problem+json answer: ``status``.
    SERVER_FAILED = "server_failed"
    #: Something unexpected while making the request or handling its answer.
    REQUEST_FAILED = "request_failed"
    #: No connection within the connect timeout: ``host``.
    CONNECT_TIMED_OUT = "connect_timed_out"
    #: No free connection in the pool in time.
    QUEUE_FULL = "queue_full"
    #: DNS, a refused connection, TLS: ``host``.
    UNREACHABLE = "unreachable"
    #: A write whose connection dropped or timed out after it was sent.
    LOST_AFTER_SEND = "lost_after_send"
    #: A 2xx to a new shipment that does not confirm it (``success`` not true, another
    #: fulfillment ID, other line items or tracking): whether Redo has it is not known.
    UNCONFIRMED = "unconfirmed"
    #: A read that took too long: ``host``.
    ANSWER_TIMED_OUT = "answer_timed_out"
    #: The connection broke before the answer: ``host``.
    CONNECTION_BROKE = "connection_broke"
    #: An answer httpx could not read at all.
    ANSWER_UNREADABLE = "answer_unreadable"
    #: A 2xx that is not ``application/json``.
    NOT_JSON = "not_json"
    #: JSON that does not match the API's model.
    UNEXPECTED_CONTENTS = "unexpected_contents"
    #: More than one Content-Encoding.
    ENCODED_TWICE = "encoded_twice"
    #: A Content-Encoding that is neither gzip nor deflate.
    UNKNOWN_ENCODING = "unknown_encoding"
    #: A compressed body that does not inflate.
    UNDECODABLE = "undecodable"
    #: A body over the size cap, as sent or once decompressed.
    TOO_LARGE = "too_large"


class Scope(StrEnum):
    """A permission scope of Redo's API tokens: what a call needs, named on a 403."""

    ORDERS_READ = "orders_read"
    ORDERS_WRITE = "orders_write"
    INVENTORY_READ = "inventory_read"
    RETURNS_READ = "returns_read"
    RETURNS_WRITE = "returns_write"


class Subject(StrEnum):
    """What a 404 was about."""

    ORDER = "order"
    #: A fulfillment of ``order``.
    SHIPMENT = "shipment"
    SKU = "sku"
    #: One inventory level, by its ID.
    INVENTORY_LEVEL = "inventory_level"
    #: The store's list of inventory levels (no reference).
    INVENTORY_LEVELS = "inventory_levels"


@dataclass(frozen=True, slots=True)
class Problem:
    """A kind and its facts: everything needed to word it, nothing worded.

    Texts are cleaned and bounded (``clean_text``), and ``wait`` is a finite number of
    seconds from 0 to ``RETRY_AFTER_MAX`` or None, whoever builds the problem.
    """

    kind: ProblemKind
    host: str = ""
    status: int = 0
    wait: float | None = None
    subject: Subject | None = None
    reference: str = ""
    #: The order of a shipment that was not found.
    order: str = ""
    #: The server's own words.
    said: str = ""
    #: The permission scope a refused call needs (a 403).
    scope: Scope | None = None

    def __post_init__(self) -> None:
        for name in ("host", "reference", "order", "said"):
            object.__setattr__(self, name, clean_text(getattr(self, name)))
        wait = self.wait
        if wait is not None:
            wait = min(max(0.0, float(wait)), RETRY_AFTER_MAX) if math.isfinite(wait) else None
            object.__setattr__(self, "wait", wait)

    def to_json(self) -> dict[str, object]:
        """The kind and the facts that are set, for a JSON column."""
        data: dict[str, object] = {"kind": self.kind.value}
        for f in fields(self)[1:]:
            value = getattr(self, f.name)
            if value not in (None, "", 0):
                data[f.name] = value.value if isinstance(value, StrEnum) else value
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Problem:
        """The problem ``to_json`` wrote; raises ``ValueError``/``TypeError``/``KeyError``."""
        status, wait, subject = data.get("status", 0), data.get("wait"), data.get("subject")
        scope = data.get("scope")
        if isinstance(status, bool) or not isinstance(status, int):
            raise TypeError("a problem's status is a whole number")
        if wait is not None and (isinstance(wait, bool) or not isinstance(wait, int | float)):
            raise TypeError("a problem's wait is a number")
        return cls(
            ProblemKind(_text(data, "kind")),
            host=_text(data, "host"),
            status=status,
            wait=None if wait is None else float(wait),
            subject=None if subject is None else Subject(_text(data, "subject")),
            reference=_text(data, "reference"),
            order=_text(data, "order"),
            said=_text(data, "said"),
            scope=None if scope is None else Scope(_text(data, "scope")),
        )


def _text(data: Mapping[str, object], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise TypeError(f"a problem's {key} is text")
    return value


class RedoError(Exception):
    """Base of every failure the Redo client reports.

    ``str()`` and ``repr()`` are technical English for the log; the window words
    ``problem`` instead.
    """

    #: Whether sending the same request again later can succeed.
    retryable: bool = False
    #: A write whose request may have reached the server: it may have taken effect.
    outcome_unknown: bool = False

    def __init__(self, problem: Problem | ProblemKind, detail: str = "") -> None:
        self.problem = problem if isinstance(problem, Problem) else Problem(problem)
        self.detail = clean_text(detail, DETAIL_MAX)
        super().__init__(self.problem.kind.value, self.detail)

    def __str__(self) -> str:
        kind = self.problem.kind.value
        return f"{kind}: {self.detail}" if self.detail else kind

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.problem!r}, detail={self.detail!r})"


class Unauthorized(RedoError):
    """401: the token is wrong, expired or revoked."""


class Forbidden(RedoError):
    """403: the token is valid but lacks the scope this call needs."""

    @property
    def scope(self) -> Scope | None:
        """The scope the refused call needs, when the call named it."""
        return self.problem.scope


class NotFound(RedoError):
    """404: the order (or fulfillment) does not exist in this store."""

    @property
    def reference(self) -> str:
        return self.problem.reference


class Rejected(RedoError):
    """400 (or another 4xx): the server refused the request; its own words are kept."""

    @property
    def server_message(self) -> str:
        return self.problem.said

    @property
    def already_exists(self) -> bool:
        """The server says a fulfillment with this ID exists: a retry of a delivered send."""
        return "already exists" in self.server_message.lower()


class ProcessRefused(Rejected):
    """A 4xx to Process Return: Redo will not process it as asked. Its reason is kept
    (``said``) and the return named (``reference``), so the return can wait in a list of
    returns that need attention, with the reason, across a restart (``Problem.to_json``)."""

    @property
    def return_id(self) -> str:
        return self.problem.reference


class RateLimited(RedoError):
    """429: too many requests; ``retry_after`` is in seconds (at most ``RETRY_AFTER_MAX``)
    when the server said."""

    retryable = True

    @property
    def retry_after(self) -> float | None:
        return self.problem.wait


class ServerError(RedoError):
    """5xx or a problem+json answer: the server failed to do what was asked."""

    retryable = True

    def __init__(self, problem: Problem | ProblemKind, detail: str = "", *, write: bool = False):
        super().__init__(problem, detail)
        # A 5xx to a write may still have been committed before the failure.
        self.outcome_unknown = write

    @property
    def status(self) -> int:
        return self.problem.status


class NetworkUnreachable(RedoError):
    """DNS, refused connection, TLS failure: the request never reached the server."""

    retryable = True


class TimedOut(RedoError):
    """A read that took too long, or a connection that could not be made in time."""

    retryable = True


class ProtocolError(RedoError):
    """Malformed JSON, a wrong content type, a body that does not match the schema."""

    retryable = True

    def __init__(self, problem: Problem | ProblemKind, detail: str = "", *, write: bool = False):
        super().__init__(problem, detail)
        # A 2xx whose body we could not read means the write most likely happened.
        self.outcome_unknown = write


class OutcomeUnknown(RedoError):
    """A write that may have reached the server: read timeout or connection dropped, or
    a 2xx that does not confirm what was asked (``ProblemKind.UNCONFIRMED``)."""

    retryable = True
    outcome_unknown = True
