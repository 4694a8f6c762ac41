"""What went wrong below the window, in the packer's words and language (and the Orders
API's shipment statuses, :func:`status_text`).

The layers below ``ui/`` know no Qt and make no sentences: they report kinds and facts
(``redo.errors.Problem``, ``store.problems``, ``credentials.KeyringProblem``, the packing
session's errors, ``redo.urls.UrlRefusal``). Each is worded here, once, with a literal
``tr`` so ``lupdate`` extracts it; an outbox row's reason is worded when it is shown, in
the language the bench speaks then. ``tests/unit/test_problem_words.py`` walks every kind.

The terminal commands for IT (``packstation slip``, ``packstation token``) use these
words too: without a translator, ``tr`` returns the English source.
"""

from __future__ import annotations

from packstation.credentials import KeyringProblem, KeyringProblemKind
from packstation.packing.details import DetailsError, DetailsField
from packstation.packing.shipment import (
    Missing,
    NothingPackedError,
    PackingError,
    TrackingDetailsError,
    TrackingIncompleteError,
)
from packstation.redo.errors import Problem, ProblemKind, RedoError, Subject
from packstation.redo.urls import InsecureURLError, UrlProblem, UrlRefusal
from packstation.store.items import OutboxItem
from packstation.store.problems import Reason, ShipmentProblem, ShipmentProblemKind
from packstation.ui.words.i18n import tr

# ---------------------------------------------------------------- the Redo API


def wait_text(seconds: float) -> str:
    """A wait Redo asked for: seconds up to 90, then minutes (units read alike in every
    language the bench speaks)."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"


def subject_text(problem: Problem) -> str:
    """What a 404 was about: "order #1001"."""
    ref = problem.reference
    if problem.subject is Subject.SHIPMENT:
        return tr("shipment {id} of order {order}").format(id=ref, order=problem.order)
    if problem.subject is Subject.SKU:
        return tr("SKU {sku}").format(sku=ref)
    if problem.subject is Subject.INVENTORY_LEVEL:
        return tr("inventory {id}").format(id=ref)
    if problem.subject is Subject.INVENTORY_LEVELS:
        return tr("inventory levels")
    return tr("order {ref}").format(ref=ref)


def redo_text(problem: Problem) -> str:
    """A problem of a call to Redo, in words."""
    kind, host = problem.kind, problem.host
    if kind is ProblemKind.REDIRECTED:
        return tr(
            "The Redo server ({host}) answered with a redirect (HTTP {status}) "
            "instead of an answer; check the API address in Settings."
        ).format(host=host, status=problem.status)
    if kind is ProblemKind.TOKEN_REFUSED:
        return tr(
            "Redo refused the API token: it is wrong, expired or revoked. "
            "Ask a lead to enter a new token in Settings."
        )
    if kind is ProblemKind.SCOPE_MISSING:
        if problem.scope is not None:
            return tr(
                "The API token lacks the {scope} permission this needs. A Redo admin adds it "
                "to the token (or makes a new one with it) and a lead enters it in Settings."
            ).format(scope=problem.scope.value)
        return tr("The API token is not allowed to do this (a permission scope is missing).")
    if kind is ProblemKind.NOT_FOUND:
        return tr("Not found: {what}. Check the number and scan again.").format(
            what=subject_text(problem)
        )
    if kind is ProblemKind.NO_ORDER_NUMBER:
        return tr("No order number was given.")
    if kind is ProblemKind.EMPTY_REFERENCE:
        return tr("An empty reference cannot be part of an address.") + " " + _scan_again()
    if kind is ProblemKind.UNSENDABLE_REFERENCE:
        return tr("This reference contains characters that cannot be sent.") + " " + _scan_again()
    if kind is ProblemKind.BUSY:
        if problem.wait is None:
            return tr("Redo is busy (too many requests).")
        return tr("Redo is busy (too many requests) and asked to wait {wait}.").format(
            wait=wait_text(problem.wait)
        )
    if kind is ProblemKind.REFUSED:
        return tr("Redo refused this: {said}").format(said=problem.said)
    if kind is ProblemKind.SERVER_FAILED:
        return tr("The Redo server had a problem (error {status}). Try again in a moment.").format(
            status=problem.status
        )
    if kind is ProblemKind.REQUEST_FAILED:
        return tr("The request to Redo could not be made, or its answer could not be handled.")
    if kind is ProblemKind.CONNECT_TIMED_OUT:
        return tr("The Redo server ({host}) did not accept a connection in time.").format(host=host)
    if kind is ProblemKind.QUEUE_FULL:
        return tr("Too many requests are waiting; try again in a moment.")
    if kind is ProblemKind.UNREACHABLE:
        return tr("Cannot reach the Redo server ({host}). Check the network connection.").format(
            host=host
        )
    if kind is ProblemKind.LOST_AFTER_SEND:
        return tr(
            "The connection was lost after the shipment was sent; "
            "it is not yet known whether Redo recorded it."
        )
    if kind is ProblemKind.UNCONFIRMED:
        return tr(
            "Redo answered, but its answer does not confirm this shipment; "
            "the order is checked before it is sent again."
        )
    if kind is ProblemKind.ANSWER_TIMED_OUT:
        return tr("The Redo server ({host}) took too long to answer.").format(host=host)
    if kind is ProblemKind.CONNECTION_BROKE:
        return tr("The connection to the Redo server ({host}) broke before it answered.").format(
            host=host
        )
    return _unreadable_answer(kind)


def _scan_again() -> str:
    return tr("Check the number and scan again.")


def _unreadable_answer(kind: ProblemKind) -> str:
    """The kinds of an answer that arrived but could not be used."""
    if kind is ProblemKind.NOT_JSON:
        return tr("The Redo server's answer could not be understood (it was not JSON).")
    if kind is ProblemKind.UNEXPECTED_CONTENTS:
        return tr("The Redo server's answer could not be understood (unexpected contents).")
    if kind is ProblemKind.ENCODED_TWICE:
        return tr("The Redo server's answer could not be understood (it was encoded twice).")
    if kind is ProblemKind.UNKNOWN_ENCODING:
        return tr("The Redo server's answer could not be understood (unknown encoding).")
    if kind is ProblemKind.UNDECODABLE:
        return tr("The Redo server's answer could not be understood (it could not be decoded).")
    if kind is ProblemKind.TOO_LARGE:
        return tr("The server sent a reply far too large to be an answer to this request.")
    return tr("The Redo server's answer could not be understood.")


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


# ---------------------------------------------------------------- the outbox


def shipment_text(problem: ShipmentProblem) -> str:
    """Why the sender itself did not send a shipment."""
    kind = problem.kind
    if kind is ShipmentProblemKind.LINE_GONE:
        return tr("Not sent: the line {line} is no longer part of the order.").format(
            line=problem.line
        )
    if kind is ShipmentProblemKind.SHIPPED_ELSEWHERE:
        return tr(
            "Not sent: '{title}' now has {left} left to ship, but this box holds "
            "{held} (it was shipped elsewhere meanwhile)."
        ).format(title=problem.title, left=problem.left, held=problem.held)
    if kind is ShipmentProblemKind.ORDER_UNKNOWN:
        return tr("Redo does not know order {ref} (404).").format(ref=problem.order_ref)
    if kind is ShipmentProblemKind.EXISTS_ELSEWHERE:
        return tr("Redo says a shipment with this ID already exists, but it is not on this order.")
    if kind is ShipmentProblemKind.NOT_AS_SENT:
        return tr(
            "Redo has a shipment with this ID, but with other items or quantities than "
            "this box: check the order in Redo."
        )
    if kind is ShipmentProblemKind.UNEXPECTED:
        return tr("An unexpected error occurred; it will be tried again.")
    return tr(
        "This shipment could not be read from the station database, so it will not "
        "be sent. It is kept as it was: check the order in Redo, ship it again if "
        "it is missing, then discard this entry."
    )


def reason_text(reason: Reason) -> str:
    """Why a shipment is held or waits (a sender event's, or an outbox row's reason)."""
    if isinstance(reason, Problem):
        return redo_text(reason)
    return shipment_text(reason)


def outbox_reason_text(item: OutboxItem) -> str:
    """Why ``item`` is held or waits: its reason in words; a row written before reasons
    were kept shows the text it was stored with, as it is."""
    if item.reason is not None:
        return reason_text(item.reason)
    return item.last_error


# ---------------------------------------------------------------- the box on the bench


def details_text(field: DetailsField, text: str) -> str:
    """A tracking event's date or time that cannot be read."""
    if field is DetailsField.ESTIMATED_DELIVERY:
        return tr("The estimated delivery date '{text}' is not a date like 2026-12-02.").format(
            text=text
        )
    return tr("The event time '{text}' is not a time like 2026-11-27 14:30.").format(text=text)


def details_problem(exc: DetailsError) -> str:
    """A date or time typed for a tracking event that cannot be read."""
    return details_text(exc.field, exc.text)


def packing_problem(exc: PackingError) -> str:
    """Why the box cannot be shipped as it stands."""
    if isinstance(exc, TrackingIncompleteError):
        if exc.missing is Missing.CARRIER:
            return tr("The carrier is missing: scan the shipping label or turn on dummy tracking.")
        return tr(
            "The tracking number is missing: scan the shipping label or turn on dummy tracking."
        )
    if isinstance(exc, TrackingDetailsError):
        return details_text(exc.field, exc.text)
    if isinstance(exc, NothingPackedError):
        return tr("Nothing is packed yet: scan at least one item.")
    return tr("This box cannot be shipped as it stands.")


# ---------------------------------------------------------------- setting up the client


def url_problem(refused: UrlRefusal | ValueError) -> str:
    """Why an API address is refused (``check_base_url``'s error, or its refusal)."""
    if isinstance(refused, InsecureURLError):
        refusal = refused.refusal
    elif isinstance(refused, ValueError):  # not an address refused: some other value
        return error_text(refused)
    else:
        refusal = refused
    if refusal.kind is UrlProblem.NOT_AN_API_ADDRESS:
        return tr("Not an API address: {url}. It must start with https://").format(
            url=repr(refusal.url)
        )
    if refusal.kind is UrlProblem.HAS_CREDENTIALS:
        return tr("The API address must not contain a user name or password.")
    if refusal.kind is UrlProblem.PLAIN_HTTP_ELSEWHERE:
        return tr("Plain http is only allowed to this computer (loopback), not to {host}.").format(
            host=refusal.host
        )
    return tr("The API address must not contain '?' or '#'.")


def keyring_text(problem: KeyringProblem) -> str:
    """Why this computer's keyring cannot keep the token."""
    if problem.kind is KeyringProblemKind.UNENCRYPTED:
        return tr("The keyring backend {name} stores secrets unencrypted; it is not used.").format(
            name=problem.backend
        )
    if problem.kind is KeyringProblemKind.UNUSABLE:
        return tr("The keyring backend {name} is not usable here.").format(name=problem.backend)
    return tr("No secure keyring is available on this computer.")


def client_failed_text(exc: BaseException) -> str:
    """Why no API client could be built: an address the client refuses, or (anything
    else) a keyring that could not be read."""
    if isinstance(exc, InsecureURLError):
        return url_problem(exc)
    return tr("The API token could not be read from this computer's keyring.")


def error_text(exc: BaseException) -> str:
    """Any failure a worker reports, in words; one no kind was made for names its type."""
    if isinstance(exc, RedoError):
        return redo_text(exc.problem)
    if isinstance(exc, InsecureURLError):
        return url_problem(exc)
    if isinstance(exc, PackingError):
        return packing_problem(exc)
    if isinstance(exc, DetailsError):
        return details_problem(exc)
    return tr("Something went wrong ({error}).").format(error=type(exc).__name__)
