"""What a non-2xx reply means: the error it becomes, the server's words, Retry-After.

Everything here reads text the server chose, so nothing here trusts it: JSON is read
by pydantic (bounded nesting, no ``RecursionError``), the server's words are cut and
cleaned (``errors.clean_text``), and a Retry-After is bounded (``RETRY_AFTER_MAX``).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pydantic import ValidationError

from packstation.redo.errors import (
    RETRY_AFTER_MAX,
    SERVER_TEXT_MAX,
    Forbidden,
    NotFound,
    ProtocolError,
    RateLimited,
    RedoError,
    Rejected,
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
    date, read by the standard library's parser. Anything else, including a number that
    does not fit a float, counts as absent rather than as an error or as forever.
    """
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        # Compare as integers first: 400 nines would be infinity as a float.
        return float(min(int(value), int(RETRY_AFTER_MAX)))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000": UTC, per RFC 5322
        when = when.replace(tzinfo=dt.UTC)
    now = time.time() if now is None else now
    try:
        wait = when.timestamp() - now
    except (OverflowError, ValueError):
        return None
    return min(max(0.0, wait), RETRY_AFTER_MAX)


def _wait_text(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"


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
    what: str,
    request: str,
    host: str,
    write: bool,
    redact: Callable[[str], str],
) -> RedoError:
    """The error for a reply that is not a 2xx (``request`` is ``METHOD path``)."""
    said = server_message(reply, redact)
    detail = redact(f"{request}: HTTP {reply.status}: {said}")
    status = reply.status
    if status < 200 or 300 <= status < 400:
        # Redirects are never followed: the token must not go to another address, and a
        # redirected write has not been done by the address it was sent to.
        where = clean_text(reply.headers.get("Location", ""))
        return ProtocolError(
            f"The Redo server ({host}) answered with a redirect (HTTP {status}) instead of "
            "an answer; check the API address in Settings.",
            f"{detail} (Location: {where or 'none'})",
            write=write,
        )
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
        wait = parse_retry_after(reply.headers.get("Retry-After"))
        asked = "" if wait is None else f" and asked to wait {_wait_text(wait)}"
        return RateLimited(f"Redo is busy (too many requests){asked}.", detail, retry_after=wait)
    if 400 <= status < 500:
        said = said or f"HTTP {status}"
        return Rejected(f"Redo refused this: {said}", detail, server_message=said)
    return ServerError(
        f"The Redo server had a problem (error {status}). Try again in a moment.",
        detail,
        status=status,
        write=write,
    )
