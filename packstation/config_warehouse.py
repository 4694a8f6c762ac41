"""The settings that join a bench to a warehouse (warehouse mode): its address, checked, and
how a refused one is shown without the password it may carry.

The address is checked by ``warehouse.address`` (stdlib only: nothing of psycopg loads with
the settings); its ``AddressError`` is the ``ValueError`` pydantic reports for the key, and
``config.check_values`` carries its typed ``problem`` into the ``ConfigProblem``.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import unquote_plus

from pydantic import AfterValidator, Field, StringConstraints

from packstation.warehouse.address import WarehouseAddress

#: The claim lease in seconds: how long an order stays claimed by a bench that stopped
#: renewing it (SIGKILL, power) before it opens elsewhere.
LEASE_DEFAULT, LEASE_LEAST, LEASE_MOST = 60, 15, 600
#: Long enough for a URI with a few certificate paths in it.
URL_MOST = 2000
HIDDEN = "***"


def _warehouse_url(value: str) -> str:
    """``""`` (no warehouse) or a libpq URI the bench accepts (``AddressError`` otherwise)."""
    if value:
        WarehouseAddress.parse(value)
    return value


#: ``warehouse_url``: a ValueError (``AddressError``) is what pydantic reports for the key.
WarehouseUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=URL_MOST),
    AfterValidator(_warehouse_url),
]
#: ``warehouse_lease``: whole seconds within the bounds.
LeaseSeconds = Annotated[int, Field(ge=LEASE_LEAST, le=LEASE_MOST)]


def without_password(value: str) -> str:
    """``value`` as a refusal may show and log it: any password in it replaced by ``***``.

    A refused address may carry one (that is one reason to refuse it). Generous on purpose:
    everything between the user name and the last ``@`` is hidden, as a password written
    without percent-encoding may hold ``/``, ``?``, ``#`` or ``@``; so is the value of a
    ``password`` parameter, however its name is encoded.
    """
    scheme, sep, rest = value.partition("://")
    if sep and "@" in rest:
        userinfo, _, after = rest.rpartition("@")
        user, colon, _ = userinfo.partition(":")
        if colon:
            rest = f"{user}:{HIDDEN}@{after}"
    head, question, query = (scheme + sep + rest).partition("?")
    if not question:
        return head
    pieces = []
    for piece in query.split("&"):
        name, equals, _ = piece.partition("=")
        secret = unquote_plus(name).strip() == "password"
        pieces.append(f"{name}={HIDDEN}" if secret and equals else piece)
    return f"{head}?{'&'.join(pieces)}"


def shown_value(key: str, value: object) -> object:
    """A setting's value as a problem may show it: a warehouse address without a password."""
    if key == "warehouse_url" and isinstance(value, str):
        return without_password(value)
    return value
