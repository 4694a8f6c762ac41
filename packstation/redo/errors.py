"""The client's error taxonomy.

Every error carries ``message``, one plain sentence a packer can act on, and
``detail``, the technical account for the log. Neither ever contains the token:
the client redacts it before an error is built.
"""

from __future__ import annotations


class RedoError(Exception):
    """Base of every failure the Redo client reports."""

    #: Whether sending the same request again later can succeed.
    retryable: bool = False
    #: A write whose request may have reached the server: it may have taken effect.
    outcome_unknown: bool = False

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

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
        self.server_message = server_message

    @property
    def already_exists(self) -> bool:
        """The server says a fulfillment with this ID exists: a retry of a delivered send."""
        return "already exists" in self.server_message.lower()


class RateLimited(RedoError):
    """429: too many requests; ``retry_after`` is in seconds when the server said."""

    retryable = True

    def __init__(self, message: str, detail: str = "", *, retry_after: float | None = None):
        super().__init__(message, detail)
        self.retry_after = retry_after


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
