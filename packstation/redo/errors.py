"""The client's error taxonomy.

Every error carries ``message``, one plain sentence a packer can act on, and
``detail``, the technical account for the log. Neither ever contains the token:
the client redacts it before an error is built. Both are cleaned here, whoever
builds the error: control and formatting characters (which could forge a log line
or reorder text on screen) become spaces, and the length is bounded.
"""

from __future__ import annotations

import math
import unicodedata

#: How much of the server's own words is kept (an error body can be megabytes).
SERVER_TEXT_MAX = 300
#: Bounds on an error's two texts; each already holds server text cut to the above.
MESSAGE_MAX = 500
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


class RedoError(Exception):
    """Base of every failure the Redo client reports."""

    #: Whether sending the same request again later can succeed.
    retryable: bool = False
    #: A write whose request may have reached the server: it may have taken effect.
    outcome_unknown: bool = False

    def __init__(self, message: str, detail: str = "") -> None:
        message = clean_text(message, MESSAGE_MAX)
        super().__init__(message)
        self.message = message
        self.detail = clean_text(detail, DETAIL_MAX)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, detail={self.detail!r})"


class Unauthorized(RedoError):
    """401: the token is wrong, expired or revoked."""


class Forbidden(RedoError):
    """403: the token is valid but lacks the scope this call needs."""


class NotFound(RedoError):
    """404: the order (or fulfillment) does not exist in this store."""

    def __init__(self, message: str, detail: str = "", *, reference: str = "") -> None:
        super().__init__(message, detail)
        self.reference = reference


class Rejected(RedoError):
    """400 (or another 4xx): the server refused the request; its own words are kept."""

    def __init__(self, message: str, detail: str = "", *, server_message: str = "") -> None:
        super().__init__(message, detail)
        self.server_message = clean_text(server_message)

    @property
    def already_exists(self) -> bool:
        """The server says a fulfillment with this ID exists: a retry of a delivered send."""
        return "already exists" in self.server_message.lower()


class RateLimited(RedoError):
    """429: too many requests; ``retry_after`` is in seconds (at most ``RETRY_AFTER_MAX``)
    when the server said."""

    retryable = True

    def __init__(self, message: str, detail: str = "", *, retry_after: float | None = None):
        super().__init__(message, detail)
        if retry_after is not None and not math.isfinite(retry_after):
            retry_after = None
        self.retry_after = (
            None if retry_after is None else min(max(0.0, retry_after), RETRY_AFTER_MAX)
        )


class ServerError(RedoError):
    """5xx or a problem+json answer: the server failed to do what was asked."""

    retryable = True

    def __init__(self, message: str, detail: str = "", *, status: int = 0, write: bool = False):
        super().__init__(message, detail)
        self.status = status
        # A 5xx to a write may still have been committed before the failure.
        self.outcome_unknown = write


class NetworkUnreachable(RedoError):
    """DNS, refused connection, TLS failure: the request never reached the server."""

    retryable = True


class TimedOut(RedoError):
    """A read that took too long, or a connection that could not be made in time."""

    retryable = True


class ProtocolError(RedoError):
    """Malformed JSON, a wrong content type, a body that does not match the schema."""

    retryable = True

    def __init__(self, message: str, detail: str = "", *, write: bool = False) -> None:
        super().__init__(message, detail)
        # A 2xx whose body we could not read means the write most likely happened.
        self.outcome_unknown = write


class OutcomeUnknown(RedoError):
    """A write that may have reached the server: read timeout or connection dropped."""

    retryable = True
    outcome_unknown = True
