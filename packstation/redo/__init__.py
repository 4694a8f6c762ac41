"""Redo Orders API v2.2: models, the HTTP client and its error taxonomy (no Qt here).

The client module is imported on first use, and it imports httpx (about a tenth of a
second) only when its first connection is made, on a worker.
"""

from typing import TYPE_CHECKING, Any

from packstation.redo.errors import (
    Forbidden,
    NetworkUnreachable,
    NotFound,
    OutcomeUnknown,
    Problem,
    ProblemKind,
    ProcessRefused,
    ProtocolError,
    RateLimited,
    RedoError,
    Rejected,
    Scope,
    ServerError,
    Subject,
    TimedOut,
    Unauthorized,
)

if TYPE_CHECKING:
    from packstation.redo.client import RedoClient, Timeouts

from packstation.redo.urls import DEFAULT_BASE_URL


def __getattr__(name: str) -> Any:
    if name in {"RedoClient", "Timeouts"}:
        from packstation.redo import client

        return getattr(client, name)
    raise AttributeError(name)


__all__ = [
    "DEFAULT_BASE_URL",
    "Forbidden",
    "NetworkUnreachable",
    "NotFound",
    "OutcomeUnknown",
    "Problem",
    "ProblemKind",
    "ProcessRefused",
    "ProtocolError",
    "RateLimited",
    "RedoClient",
    "RedoError",
    "Rejected",
    "Scope",
    "ServerError",
    "Subject",
    "TimedOut",
    "Timeouts",
    "Unauthorized",
]
