"""Sentences made below ``ui/`` (the API client, the outbox, the keyring, start-up), translated.

The layers below the window know no Qt, so they cannot call ``tr``; they speak English,
and some of their sentences are stored (an outbox row's ``last_error``) and read again
after the language has changed. :func:`lower_text` recognises each of those sentences by
its shape and returns it in the packer's language, with the variable parts (a host, an
order number, an HTTP status) carried over. A sentence it does not recognise, such as
the server's own words after "Redo refused this:", is shown as it came: in English. The English of each pattern is the sentence as written
below, word for word, so an English bench reads exactly what those layers say.

Every pattern here is a literal ``tr(...)``, so ``lupdate`` sees it. When a sentence in
``redo/``, ``store/``, ``credentials.py`` or ``app.py`` changes, change its pattern here:
``tests/unit/test_translations.py`` renders every known sentence through this table.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from packstation.ui.words.i18n import tr

_Render = Callable[[re.Match[str]], str]


def _table() -> list[tuple[re.Pattern[str], _Render]]:
    def fmt(text: Callable[[], str]) -> _Render:
        return lambda m: text().format(**m.groupdict())

    rows: list[tuple[str, _Render]] = [
        # --- the API client (redo/answers.py, redo/client.py, redo/transport.py)
        (
            r"The Redo server \((?P<host>.+?)\) answered with a redirect \(HTTP (?P<status>\d+)\) "
            r"instead of an answer; check the API address in Settings\.",
            fmt(
                lambda: tr(
                    "The Redo server ({host}) answered with a redirect (HTTP {status}) "
                    "instead of an answer; check the API address in Settings."
                )
            ),
        ),
        (
            r"Redo refused the API token: it is wrong, expired or revoked\. "
            r"Ask a lead to enter a new token in Settings\.",
            fmt(
                lambda: tr(
                    "Redo refused the API token: it is wrong, expired or revoked. "
                    "Ask a lead to enter a new token in Settings."
                )
            ),
        ),
        (
            r"The API token is not allowed to do this \(a permission scope is missing\)\.",
            fmt(
                lambda: tr(
                    "The API token is not allowed to do this (a permission scope is missing)."
                )
            ),
        ),
        (
            r"Not found: (?P<what>.*)\. Check the number and scan again\.",
            fmt(lambda: tr("Not found: {what}. Check the number and scan again.")),
        ),
        (
            r"Redo is busy \(too many requests\) and asked to wait (?P<wait>.+)\.",
            fmt(lambda: tr("Redo is busy (too many requests) and asked to wait {wait}.")),
        ),
        (
            r"Redo is busy \(too many requests\)\.",
            fmt(lambda: tr("Redo is busy (too many requests).")),
        ),
        (
            r"Redo refused this: (?P<said>.*)",
            fmt(lambda: tr("Redo refused this: {said}")),
        ),
        (
            r"The Redo server had a problem \(error (?P<status>\d+)\)\. Try again in a moment\.",
            fmt(
                lambda: tr("The Redo server had a problem (error {status}). Try again in a moment.")
            ),
        ),
        (
            r"The request to Redo could not be made, or its answer could not be handled\.",
            fmt(
                lambda: tr(
                    "The request to Redo could not be made, or its answer could not be handled."
                )
            ),
        ),
        (
            r"The Redo server \((?P<host>.+?)\) did not accept a connection in time\.",
            fmt(lambda: tr("The Redo server ({host}) did not accept a connection in time.")),
        ),
        (
            r"Too many requests are waiting; try again in a moment\.",
            fmt(lambda: tr("Too many requests are waiting; try again in a moment.")),
        ),
        (
            r"Cannot reach the Redo server \((?P<host>.+?)\)\. Check the network connection\.",
            fmt(lambda: tr("Cannot reach the Redo server ({host}). Check the network connection.")),
        ),
        (
            r"The connection was lost after the shipment was sent; "
            r"it is not yet known whether Redo recorded it\.",
            fmt(
                lambda: tr(
                    "The connection was lost after the shipment was sent; "
                    "it is not yet known whether Redo recorded it."
                )
            ),
        ),
        (
            r"The Redo server \((?P<host>.+?)\) took too long to answer\.",
            fmt(lambda: tr("The Redo server ({host}) took too long to answer.")),
        ),
        (
            r"The connection to the Redo server \((?P<host>.+?)\) broke before it answered\.",
            fmt(lambda: tr("The connection to the Redo server ({host}) broke before it answered.")),
        ),
        (
            r"The Redo server's answer could not be understood\.",
            fmt(lambda: tr("The Redo server's answer could not be understood.")),
        ),
        (
            r"The Redo server's answer could not be understood \(it was encoded twice\)\.",
            fmt(
                lambda: tr(
                    "The Redo server's answer could not be understood (it was encoded twice)."
                )
            ),
        ),
        (
            r"The Redo server's answer could not be understood \(unknown encoding\)\.",
            fmt(lambda: tr("The Redo server's answer could not be understood (unknown encoding).")),
        ),
        (
            r"The Redo server's answer could not be understood \(it could not be decoded\)\.",
            fmt(
                lambda: tr(
                    "The Redo server's answer could not be understood (it could not be decoded)."
                )
            ),
        ),
        (
            r"The server sent a reply far too large to be an answer to this request\.",
            fmt(
                lambda: tr("The server sent a reply far too large to be an answer to this request.")
            ),
        ),
        (
            r"No order number was given\.",
            fmt(lambda: tr("No order number was given.")),
        ),
        (
            r"Not an API address: (?P<url>.*)\. It must start with https://",
            fmt(lambda: tr("Not an API address: {url}. It must start with https://")),
        ),
        (
            r"The API address must not contain a user name or password\.",
            fmt(lambda: tr("The API address must not contain a user name or password.")),
        ),
        (
            r"Plain http is only allowed to this computer \(loopback\), not to (?P<host>.+)\.",
            fmt(
                lambda: tr("Plain http is only allowed to this computer (loopback), not to {host}.")
            ),
        ),
        (
            r"The API address must not contain '\?' or '#'\.",
            fmt(lambda: tr("The API address must not contain '?' or '#'.")),
        ),
        (
            r"An empty reference cannot be part of an address\.",
            fmt(lambda: tr("An empty reference cannot be part of an address.")),
        ),
        (
            r"This reference contains characters that cannot be sent\.",
            fmt(lambda: tr("This reference contains characters that cannot be sent.")),
        ),
        # --- the outbox (store/sender.py, store/items.py)
        (
            r"Not sent: the line (?P<line>.+) is no longer part of the order\.",
            fmt(lambda: tr("Not sent: the line {line} is no longer part of the order.")),
        ),
        (
            r"Not sent: '(?P<title>.*)' now has (?P<left>\d+) left to ship, but this box holds "
            r"(?P<held>\d+) \(it was shipped elsewhere meanwhile\)\.",
            fmt(
                lambda: tr(
                    "Not sent: '{title}' now has {left} left to ship, but this box holds "
                    "{held} (it was shipped elsewhere meanwhile)."
                )
            ),
        ),
        (
            r"Redo does not know order (?P<ref>.+) \(404\)\.",
            fmt(lambda: tr("Redo does not know order {ref} (404).")),
        ),
        (
            r"This shipment could not be read from the station database, so it will not be "
            r"sent\. .*",
            fmt(
                lambda: tr(
                    "This shipment could not be read from the station database, so it will not "
                    "be sent. It is kept as it was: check the order in Redo, ship it again if "
                    "it is missing, then discard this entry."
                )
            ),
        ),
        # --- the packing session (packing/session.py)
        (
            r"Nothing is packed yet: scan at least one item\.",
            fmt(lambda: tr("Nothing is packed yet: scan at least one item.")),
        ),
        (
            r"The carrier is missing: scan the shipping label or turn on dummy tracking\.",
            fmt(
                lambda: tr(
                    "The carrier is missing: scan the shipping label or turn on dummy tracking."
                )
            ),
        ),
        (
            r"The tracking number is missing: scan the shipping label or turn on dummy tracking\.",
            fmt(
                lambda: tr(
                    "The tracking number is missing: scan the shipping label or turn on "
                    "dummy tracking."
                )
            ),
        ),
        # --- the keyring (credentials.py, ui/runtime.py)
        (
            r"The keyring backend (?P<name>.+) stores secrets unencrypted; it is not used\.",
            fmt(
                lambda: tr("The keyring backend {name} stores secrets unencrypted; it is not used.")
            ),
        ),
        (
            r"The keyring backend (?P<name>.+) is not usable here\.",
            fmt(lambda: tr("The keyring backend {name} is not usable here.")),
        ),
        (
            r"The API token could not be read from this computer's keyring\.",
            fmt(lambda: tr("The API token could not be read from this computer's keyring.")),
        ),
        # --- start-up steps (app.py)
        (r"Starting the demo sandbox…", fmt(lambda: tr("Starting the demo sandbox…"))),
        (r"Opening the station database…", fmt(lambda: tr("Opening the station database…"))),
        (r"Building the packing bench…", fmt(lambda: tr("Building the packing bench…"))),
    ]
    return [(re.compile(pattern, re.DOTALL), render) for pattern, render in rows]


_TABLE = _table()


def lower_text(message: str) -> str:
    """``message``, an English sentence from below ``ui/``, in the packer's language."""
    for pattern, render in _TABLE:
        match = pattern.fullmatch(message.strip())
        if match:
            return render(match)
    return message


def status_text(value: str) -> str:
    """A shipment status or event of the Orders API (``in_transit``), in words."""
    words = {
        "pre_transit": tr("pre-transit"),
        "unknown": tr("unknown"),
        "in_transit": tr("in transit"),
        "out_for_delivery": tr("out for delivery"),
        "available_for_pickup": tr("available for pickup"),
        "delivered": tr("delivered"),
        "return_to_sender": tr("return to sender"),
        "failure": tr("failure"),
        "cancelled": tr("cancelled"),
        "error": tr("error"),
        "stalled_in_transit": tr("stalled in transit"),
        "delayed": tr("delayed"),
        "arriving_early": tr("arriving early"),
    }
    return words.get(value, value.replace("_", " "))
