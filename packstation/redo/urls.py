"""Which API base URLs the client will talk to, and how path segments are encoded."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote, urlsplit, urlunsplit

from packstation.redo.errors import clean_text

DEFAULT_BASE_URL = "https://api.getredo.com/v2.2"

#: The one name plain http may use; it must still resolve to a loopback address when the
#: connection is made (``transport.DeadlineBackend``). ``*.localhost`` is not accepted:
#: whether a resolver keeps those on this computer is up to the resolver.
LOOPBACK_NAME = "localhost"


class UrlProblem(StrEnum):
    """Why a base URL is refused."""

    #: Not http(s), or no host: ``url``.
    NOT_AN_API_ADDRESS = "not_an_api_address"
    #: ``user:password@`` in it.
    HAS_CREDENTIALS = "has_credentials"
    #: Plain http to a host that is not this computer: ``host``.
    PLAIN_HTTP_ELSEWHERE = "plain_http_elsewhere"
    #: A query or a fragment.
    QUERY_OR_FRAGMENT = "query_or_fragment"


@dataclass(frozen=True, slots=True)
class UrlRefusal:
    """A refused base URL: the kind and the part of the address it is about (cleaned)."""

    kind: UrlProblem
    url: str = ""
    host: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", clean_text(self.url))
        object.__setattr__(self, "host", clean_text(self.host))


class InsecureURLError(ValueError):
    """A base URL the client refuses: not https, and not a loopback address.

    ``refusal`` says why; ``str()`` is technical English for the log.
    """

    def __init__(self, refusal: UrlRefusal) -> None:
        self.refusal = refusal
        facts = ", ".join(
            f"{k}={v!r}" for k, v in (("url", refusal.url), ("host", refusal.host)) if v
        )
        super().__init__(
            f"refused API address: {refusal.kind.value}" + (f" ({facts})" if facts else "")
        )


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
        # Kept without a user name or password it may hold: the refusal is shown and logged.
        shown = urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
        raise InsecureURLError(UrlRefusal(UrlProblem.NOT_AN_API_ADDRESS, url=shown))
    if parts.username or parts.password:
        # The address itself is not kept: it holds a password.
        raise InsecureURLError(UrlRefusal(UrlProblem.HAS_CREDENTIALS))
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InsecureURLError(UrlRefusal(UrlProblem.PLAIN_HTTP_ELSEWHERE, host=parts.hostname))
    if parts.query or parts.fragment:
        raise InsecureURLError(UrlRefusal(UrlProblem.QUERY_OR_FRAGMENT))
    return url.strip().rstrip("/")


class BadReference(ValueError):
    """A path segment that cannot be sent: empty (``empty``), or not encodable as UTF-8."""

    def __init__(self, *, empty: bool) -> None:
        self.empty = empty
        super().__init__("empty path segment" if empty else "path segment not encodable as UTF-8")


def segment(value: str) -> str:
    """Percent-encode one path segment: ``#1001`` becomes ``%231001``.

    ``quote`` leaves ``.`` alone, and a segment of only dots (``.``, ``..``) would be
    removed or climb a level when the URL is normalised (``/orders/..`` is ``/stores/s1``).
    Such a segment is sent with every dot encoded (``%2E%2E``), which no URL
    normalisation touches. An empty segment would collapse into ``//`` and is refused.
    """
    if not value:
        raise BadReference(empty=True)
    if value.strip(".") == "":
        return "%2E" * len(value)
    try:
        return quote(value, safe="")
    except UnicodeEncodeError:  # a lone surrogate: not text that UTF-8 can carry
        raise BadReference(empty=False) from None
