"""The one exception the sandbox's handlers raise to refuse a request."""

from __future__ import annotations


class SandboxError(Exception):
    """A request the sandbox refuses; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
