"""Redo Orders API v2.2: models, the HTTP client and its error taxonomy (no Qt here)."""

from packstation.redo.client import DEFAULT_BASE_URL, RedoClient, Timeouts
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

__all__ = [
    "DEFAULT_BASE_URL",
    "Forbidden",
    "NetworkUnreachable",
    "NotFound",
    "OutcomeUnknown",
    "ProtocolError",
    "RateLimited",
    "RedoClient",
    "RedoError",
    "Rejected",
    "ServerError",
    "TimedOut",
    "Timeouts",
    "Unauthorized",
]
