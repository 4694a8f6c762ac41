"""What a non-2xx reply means: the error it becomes, the server's words, Retry-After.

Everything here reads text the server chose, so nothing here trusts it: JSON is read
by pydantic (bounded nesting, no ``RecursionError``), the server's words are cut and
cleaned (``errors.clean_text``), and a Retry-After is bounded (``RETRY_AFTER_MAX``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pydantic import ValidationError

from packstation.redo.clock import http_date
from packstation.redo.errors import (
    RETRY_AFTER_MAX,
    SERVER_TEXT_MAX,
    Forbidden,
    NotFound,
    Problem,
    ProblemKind,
    ProtocolError,
    RateLimited,
    RedoError,
    Rejected,
    Scope,
    ServerError,
    Unauthorized,
    clean_text,
)
from packstation.redo.models import ApiErrorBody, ProblemDetails


@dataclass(frozen=True, slots=True)
class Reply:
    """A whole reply, decoded and within the size cap."""

    status: int
    content_type: str
    body: bytes | bytearray
    headers: Mapping[str, str]


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header, at most ``RETRY_AFTER_MAX``; None if absent.

    RFC 9110 allows a number of seconds (ASCII digits only: ``²³`` is not one) or an HTTP
    date, read by the standard library's parser and measured from ``now`` (the answer's
    own ``Date`` when it has one, else this computer's clock). Anything else, including a
    number that does not fit a float, counts as absent rather than as an error or as forever.
    """
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        # Compare as integers first: 400 nines would be infinity as a float.
        return float(min(int(value), int(RETRY_AFTER_MAX)))
    when = http_date(value)
    if when is None:
        return None
    now = time.time() if now is None else now
    return min(max(0.0, when - now), RETRY_AFTER_MAX)


def server_message(reply: Reply, redact: Callable[[str], str]) -> str:
    """The server's own account of an error, on one line, a few hundred characters at most.

    ``redact`` runs before the text is cut, so a cut cannot leave part of a secret behind.
    """
    text: str | None = None
    if reply.content_type in {"application/json", "application/problem+json"}:
        try:
            text = ApiErrorBody.model_validate_json(reply.body).error
        except ValidationError:
            try:
                problem = ProblemDetails.model_validate_json(reply.body)
            except ValidationError:
                problem = None
            if problem is not None and (problem.title or problem.detail):
                text = ": ".join(p for p in (problem.title, problem.detail) if p)
    if text is None:
        if reply.content_type == "text/html":
            return f"an HTML page ({len(reply.body)} bytes)"
        text = bytes(reply.body[: SERVER_TEXT_MAX * 4]).decode("utf-8", "replace")
    return clean_text(redact(text))


def status_error(
    reply: Reply,
    *,
    missing: Problem,
    request: str,
    host: str,
    write: bool,
    redact: Callable[[str], str],
    scope: Scope | None = None,
) -> RedoError:
    """The error for a reply that is not a 2xx (``request`` is ``METHOD path``).

    ``missing`` is the problem a 404 means here (what was looked up, by which reference);
    ``scope`` is the permission the call needs, which a 403 names. It is the scope the spec
    documents for the call rather than one read from the answer: Redo's 403 body has no
    documented shape, and its words stay in the detail.
    """
    said = server_message(reply, redact)
    detail = redact(f"{request}: HTTP {reply.status}: {said}")
    status = reply.status
    if status < 200 or 300 <= status < 400:
        # Redirects are never followed: the token must not go to another address, and a
        # redirected write has not been done by the address it was sent to.
        where = clean_text(reply.headers.get("Location", ""))
        return ProtocolError(
            Problem(ProblemKind.REDIRECTED, host=host, status=status),
            f"{detail} (Location: {where or 'none'})",
            write=write,
        )
    if status == 401:
        return Unauthorized(ProblemKind.TOKEN_REFUSED, detail)
    if status == 403:
        return Forbidden(Problem(ProblemKind.SCOPE_MISSING, scope=scope), detail)
    if status == 404:
        return NotFound(missing, detail)
    if status == 429:
        # A Retry-After date is on Redo's clock: measured against the same answer's Date,
        # a bench clock that is hours off (or was just set) does not stretch the wait.
        wait = parse_retry_after(
            reply.headers.get("Retry-After"), http_date(reply.headers.get("Date"))
        )
        return RateLimited(Problem(ProblemKind.BUSY, wait=wait), detail)
    if 400 <= status < 500:
        # An HTML page is no words of the server's (the detail says what it was); without
        # words, the status stands for them.
        words = "" if reply.content_type == "text/html" else said
        words = words or f"HTTP {status}"
        return Rejected(Problem(ProblemKind.REFUSED, status=status, said=words), detail)
    return ServerError(
        Problem(ProblemKind.SERVER_FAILED, host=host, status=status), detail, write=write
    )
