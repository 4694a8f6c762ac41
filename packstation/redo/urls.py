"""Which API base URLs the client will talk to, and how path segments are encoded."""

from __future__ import annotations

import ipaddress
from urllib.parse import quote, urlsplit

DEFAULT_BASE_URL = "https://api.getredo.com/v2.2"


class InsecureURLError(ValueError):
    """A base URL the client refuses: not https, and not a loopback address."""


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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


def segment(value: str) -> str:
    """Percent-encode one path segment: ``#1001`` becomes ``%231001``."""
    return quote(value, safe="")
