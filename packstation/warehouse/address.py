"""Where the warehouse is: a libpq URI checked once, and the connection string built from it.

A password never sits in a file: a URI that carries one is refused, and the password (when
the server asks for one at all: trust, peer and certificate authentication need none) comes
from the OS keyring (``packstation warehouse password``). TLS is libpq's ``sslmode``:
``require`` unless the host is this computer; a weaker mode to another host is refused.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qsl, unquote, urlsplit

#: The keyring's service for warehouse passwords (user name: ``user@host:port/dbname``).
KEYRING_SERVICE = "packstation-warehouse"
#: Modes that encrypt: anything else is plain text on the wire.
_ENCRYPTING = ("require", "verify-ca", "verify-full")
_SCHEMES = ("postgresql", "postgres")


class AddressProblem(StrEnum):
    """Why a ``warehouse_url`` is refused."""

    #: Not ``postgresql://...``: ``url``.
    NOT_A_POSTGRES_URI = "not_a_postgres_uri"
    #: ``user:password@`` in it: a password belongs in the keyring.
    HAS_PASSWORD = "has_password"  # noqa: S105 - a problem's name
    #: ``sslmode`` weaker than ``require`` to a host that is not this computer: ``host``.
    PLAIN_TEXT_ELSEWHERE = "plain_text_elsewhere"
    #: A ``password=`` parameter in the query.
    PASSWORD_PARAMETER = "password_parameter"  # noqa: S105 - a problem's name


class AddressError(ValueError):
    """A ``warehouse_url`` that is refused; ``problem`` says why (worded by the window)."""

    def __init__(self, problem: AddressProblem, host: str = "") -> None:
        self.problem = problem
        self.host = host
        super().__init__(f"refused warehouse address: {problem.value}")


def is_loopback(host: str) -> bool:
    """A Unix socket folder, ``localhost``, or a loopback IP: traffic stays on this PC."""
    if not host or host.startswith("/") or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class WarehouseAddress:
    """A checked warehouse URI, without any secret in it (safe to log and show)."""

    host: str
    port: int
    dbname: str
    user: str
    sslmode: str
    #: Every other libpq parameter of the URI (sslrootcert, sslcert, options, ...).
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, url: str) -> WarehouseAddress:
        """Check ``url`` (raises :class:`AddressError`)."""
        try:
            parts = urlsplit(url.strip())
            port = parts.port or 5432
        except ValueError:
            raise AddressError(AddressProblem.NOT_A_POSTGRES_URI) from None
        if parts.scheme not in _SCHEMES or parts.fragment:
            raise AddressError(AddressProblem.NOT_A_POSTGRES_URI)
        if parts.password is not None:
            raise AddressError(AddressProblem.HAS_PASSWORD, parts.hostname or "")
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        if "password" in query:
            raise AddressError(AddressProblem.PASSWORD_PARAMETER, parts.hostname or "")
        host = unquote(parts.hostname or "") or query.pop("host", "")
        query.pop("host", None)
        query.pop("port", None)
        local = is_loopback(host)
        sslmode = query.pop("sslmode", "" if local else "require") or "prefer"
        if not local and sslmode not in _ENCRYPTING:
            raise AddressError(AddressProblem.PLAIN_TEXT_ELSEWHERE, host)
        return cls(
            host=host,
            port=port,
            dbname=unquote(parts.path.lstrip("/")) or "packstation",
            user=unquote(parts.username or "") or query.pop("user", ""),
            sslmode=sslmode or "prefer",
            params=tuple(sorted((k, v) for k, v in query.items() if k not in ("user", "dbname"))),
        )

    @property
    def keyring_user(self) -> str:
        """Whose password the keyring keeps for this warehouse."""
        return f"{self.user or 'default'}@{self.host or 'local'}:{self.port}/{self.dbname}"

    def shown(self) -> str:
        """The address for people and logs: never a secret in it."""
        where = self.host if not self.host.startswith("/") else "this computer"
        return f"{self.dbname} on {where}:{self.port}" + (f" as {self.user}" if self.user else "")

    def conninfo(self, application: str, password: str | None = None) -> dict[str, str]:
        """libpq's keywords for this warehouse; ``password`` (from the keyring) is given
        only to libpq, never kept here."""
        keywords = {
            "host": self.host,
            "port": str(self.port),
            "dbname": self.dbname,
            "sslmode": self.sslmode,
            "application_name": application[:63],
            "connect_timeout": "5",
            **dict(self.params),
        }
        if self.user:
            keywords["user"] = self.user
        if password:
            keywords["password"] = password
        return {k: v for k, v in keywords.items() if v != ""}

    def __repr__(self) -> str:
        return f"WarehouseAddress({self.shown()!r}, sslmode={self.sslmode!r})"
