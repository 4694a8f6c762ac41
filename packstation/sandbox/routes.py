"""The sandbox's endpoints: which request reaches which handler, and what each needs.

One table for the Orders API, inventory and returns, so the server's dispatch stays about
HTTP and each endpoint's permission scope (the one the spec documents for it) sits beside
its path: a token lacking that scope gets 403 (``Faults.missing_scopes``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from packstation.sandbox.errors import SandboxError

_SEGMENT = r"([^/]+)"


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    name: str
    scope: str
    #: The path's first argument is the store ID (``/stores/{storeId}/...``); the returns
    #: under ``/returns/{returnId}`` are addressed without one.
    in_store: bool = True


def _route(method: str, path: str, name: str, scope: str) -> Route:
    pattern = re.compile("^" + path.replace("{}", _SEGMENT) + "$")
    return Route(method, pattern, name, scope, path.startswith("/stores/"))


ROUTES: tuple[Route, ...] = (
    _route("GET", "/stores/{}/orders/{}", "get_order", "orders_read"),
    _route("POST", "/stores/{}/orders/{}/fulfillments", "create", "orders_write"),
    _route(
        "POST",
        "/stores/{}/orders/{}/fulfillments/{}/shipment-status",
        "status",
        "orders_write",
    ),
    _route("GET", "/stores/{}/inventory-levels", "levels", "inventory_read"),
    _route("GET", "/stores/{}/inventory-levels/{}", "level", "inventory_read"),
    _route("GET", "/stores/{}/returns", "returns", "returns_read"),
    _route("GET", "/returns/{}", "return", "returns_read"),
    _route("POST", "/returns/{}/process", "process", "returns_write"),
    _route("GET", "/returns/{}/status", "return_status", "returns_read"),
    _route("PUT", "/returns/{}/status", "set_return_status", "returns_write"),
    _route("GET", "/returns/{}/comments", "comments", "returns_read"),
    _route("POST", "/returns/{}/comments", "comment", "returns_write"),
)
#: The Orders API answers 400, 401 and 404 as ``{"error": ...}``; every other endpoint,
#: and every other status, as ``application/problem+json``.
ORDERS_API = frozenset({"get_order", "create", "status"})
RETURNS_API = frozenset(r.name for r in ROUTES if r.scope.startswith("returns_"))
SCOPES = frozenset(r.scope for r in ROUTES)


def match(method: str, path: str) -> tuple[Route, list[str]]:
    """The route of ``path`` (without the API prefix) and its decoded arguments.

    A path that exists for another method is 405, one that exists for none 404.
    """
    allowed = False
    for route in ROUTES:
        found = route.pattern.match(path)
        if found:
            if route.method == method:
                return route, [unquote(g) for g in found.groups()]
            allowed = True
    if allowed:
        raise SandboxError(405, f"{method} is not allowed on {path}")
    raise SandboxError(404, f"No such endpoint: {path}")
