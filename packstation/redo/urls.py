"""Which API base URLs the client will talk to, and how path segments are encoded."""

from __future__ import annotations

import ipaddress
from urllib.parse import quote, urlsplit

DEFAULT_BASE_URL = "https://api.getredo.com/v2.2"

#: The one name plain http may use; it must still resolve to a loopback address when the
#: connection is made (``transport.DeadlineBackend``). ``*.localhost`` is not accepted:
#: whether a resolver keeps those on this computer is up to the resolver.
LOOPBACK_NAME = "localhost"


class InsecureURLError(ValueError):
    """A base URL the client refuses: not https, and not a loopback address."""


def is_loopback_address(host: str) -> bool:
    """Whether ``host`` is a literal IP address of this computer (127.0.0.0/8 or ::1)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_loopback_host(host: str) -> bool:
    """A literal loopback address, or exactly ``localhost`` (checked again at connect time)."""
    return host.strip("[]").lower() == LOOPBACK_NAME or is_loopback_address(host)


def check_base_url(url: str) -> str:
    """Return the URL without a trailing slash, or raise if it is not allowed.

    Plain http would put the bearer token on the wire in clear text, so it is only
    accepted for the local sandbox on a loopback address.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InsecureURLError(f"Not an API address: {url!r}. It must start with https://")
    if parts.username or parts.password:
        raise InsecureURLError("The API address must not contain a user name or password.")
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InsecureURLError(
            f"Plain http is only allowed to this computer (loopback), not to {parts.hostname}."
        )
    if parts.query or parts.fragment:
        raise InsecureURLError("The API address must not contain '?' or '#'.")
    return url.strip().rstrip("/")


class BadReference(ValueError):
    """A path segment that cannot be sent: empty, or not encodable as UTF-8."""


def segment(value: str) -> str:
    """Percent-encode one path segment: ``#1001`` becomes ``%231001``.

    ``quote`` leaves ``.`` alone, and a segment of only dots (``.``, ``..``) would be
    removed or climb a level when the URL is normalised (``/orders/..`` is ``/stores/s1``).
    Such a segment is sent with every dot encoded (``%2E%2E``), which no URL
    normalisation touches. An empty segment would collapse into ``//`` and is refused.
    """
    if not value:
        raise BadReference("An empty reference cannot be part of an address.")
    if value.strip(".") == "":
        return "%2E" * len(value)
    try:
        return quote(value, safe="")
    except UnicodeEncodeError:  # a lone surrogate: not text that UTF-8 can carry
        raise BadReference("This reference contains characters that cannot be sent.") from None
