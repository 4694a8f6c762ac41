"""What the bench asks of a return (process, status, comment), and what came of it.

Requests are strict, as in ``models.py``: unknown fields are refused, names serialise as
the spec writes them, unset optionals are omitted.

Process Return has no idempotency key, so a request whose answer was lost must not simply
be sent again: :func:`check_process` compares it with the return read afresh and keeps only
the products Redo has not handled yet.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic.alias_generators import to_camel

from packstation.redo.errors import clean_text
from packstation.redo.returns import ItemState, Return, ReturnStatus

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: The spec's ``newMerchantAdjustment`` is a JSON number: kept exact here, sent as a number.
Credit = Annotated[
    Decimal,
    Field(ge=0, allow_inf_nan=False, max_digits=12, decimal_places=2),
    PlainSerializer(float, return_type=float, when_used="json"),
]


class _Request(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, extra="forbid", frozen=True
    )

    def to_json_dict(self) -> dict[str, Any]:
        """The request body as the API expects it: spec names, unset optionals omitted."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


# --- Process Return ---------------------------------------------------------------


class ProcessInput(_Request):
    #: Required here though optional in the spec: the bench always knows, and Redo's
    #: default is not documented.
    restock: bool
    #: What the customer is credited for the item, overriding its value (a partly
    #: received item); omitted to credit the value.
    new_merchant_adjustment: Credit | None = None


class ProcessProduct(_Request):
    """One item of the return, processed (``process_input``) or rejected: exactly one."""

    #: The return item's ``id`` ("Product ID found on the return").
    id: NonEmpty = Field(alias="_id")
    process_input: ProcessInput | None = None
    reject: bool | None = None

    @model_validator(mode="after")
    def _one_of(self) -> ProcessProduct:
        # The spec allows one of the two; neither (or ``reject: false`` alone) leaves
        # Redo to guess, so it is refused here.
        if (self.process_input is None) == (self.reject is not True):
            raise ValueError("a product is either processed (process_input) or rejected")
        return self

    @classmethod
    def processed(
        cls, item_id: str, *, restock: bool, adjustment: Decimal | None = None
    ) -> ProcessProduct:
        return cls(
            id=item_id,
            process_input=ProcessInput(restock=restock, new_merchant_adjustment=adjustment),
        )

    @classmethod
    def rejected(cls, item_id: str) -> ProcessProduct:
        return cls(id=item_id, reject=True)


class ProcessReturnRequest(_Request):
    #: At least one (the spec allows an empty list, which asks nothing), each item once.
    products: Annotated[list[ProcessProduct], Field(min_length=1)]
    customer_notes: str | None = None

    @field_validator("products")
    @classmethod
    def _each_item_once(cls, products: list[ProcessProduct]) -> list[ProcessProduct]:
        ids = [p.id for p in products]
        if len(set(ids)) != len(ids):
            raise ValueError("an item is named twice")
        return products

    def item_ids(self) -> list[str]:
        return [p.id for p in self.products]


class ProcessOutcome(StrEnum):
    """What a 200 to Process Return says happened."""

    #: "Processing triggered successfully": Redo processes the return now.
    TRIGGERED = "triggered"
    #: "Successfully prepared some products to be processed, once all products are ready,
    #: processing will be triggered": these products are ready; Redo waits for the rest.
    PREPARED = "prepared"
    #: A 200 whose message is neither (or none): accepted, the return says what came of it.
    ACCEPTED = "accepted"


@dataclass(frozen=True, slots=True)
class ProcessResult:
    outcome: ProcessOutcome
    #: Redo's message, cleaned and bounded (for the log).
    message: str = ""

    @classmethod
    def of(cls, message: str | None) -> ProcessResult:
        # "prepared" first: the prepared message also says processing "will be triggered".
        text = (message or "").lower()
        if "prepared" in text:
            outcome = ProcessOutcome.PREPARED
        elif "triggered" in text:
            outcome = ProcessOutcome.TRIGGERED
        else:
            outcome = ProcessOutcome.ACCEPTED
        return cls(outcome, clean_text(message or ""))


@dataclass(frozen=True, slots=True)
class ProcessCheck:
    """A process request held against the return as Redo has it now."""

    #: The products still to send, or None when none is.
    to_send: ProcessReturnRequest | None
    #: Items Redo has handled already: sending them again would do it twice.
    done: tuple[str, ...] = ()
    #: Items in a state this client cannot read: a person decides.
    unclear: tuple[str, ...] = ()
    #: Items not on the return (Redo would refuse the whole request).
    unknown: tuple[str, ...] = ()

    @property
    def settled(self) -> bool:
        """Nothing is left to send and nothing needs a person: the request has taken effect
        (or the return was finished by someone else)."""
        return self.to_send is None and not self.unclear and not self.unknown


def check_process(current: Return, request: ProcessReturnRequest) -> ProcessCheck:
    """Which products of ``request`` may still be sent, given the return read just now.

    For a retry after an unknown outcome (a lost answer, a timeout, a 5xx): read the return,
    then send ``to_send`` only. Items in an unclear state are held back, not guessed.
    """
    keep: list[ProcessProduct] = []
    done: list[str] = []
    unclear: list[str] = []
    unknown: list[str] = []
    for product in request.products:
        item = current.item(product.id)
        if item is None:
            unknown.append(product.id)
            continue
        state = current.item_state(item)
        if state is ItemState.OPEN:
            keep.append(product)
        elif state is ItemState.DONE:
            done.append(product.id)
        else:
            unclear.append(product.id)
    to_send = request.model_copy(update={"products": keep}) if keep else None
    return ProcessCheck(to_send, tuple(done), tuple(unclear), tuple(unknown))


# --- Update Return Status -----------------------------------------------------------


class ReturnStatusUpdate(StrEnum):
    """``return-status-update.schema``: the statuses a return can be set to."""

    COMPLETE = "complete"
    OPEN = "open"
    FLAGGED = "flagged"
    REJECTED = "rejected"
    DELETED = "deleted"

    @property
    def status(self) -> ReturnStatus:
        return ReturnStatus(self.value)


class UpdateReturnStatusRequest(_Request):
    status: ReturnStatusUpdate


# --- Create Return Comment ----------------------------------------------------------


class MessageComment(_Request):
    message: NonEmpty


class ImageComment(_Request):
    """An image, as base64 text (``contentEncoding: base64``)."""

    image: NonEmpty

    @field_validator("image")
    @classmethod
    def _is_base64(cls, value: str) -> str:
        try:
            base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("the image is not base64") from None
        return value

    @classmethod
    def of_bytes(cls, data: bytes) -> ImageComment:
        return cls(image=base64.b64encode(data).decode("ascii"))


class CreateCommentRequest(_Request):
    """One comment: a message or an image, never both (``comment.schema`` is a oneOf with
    no other properties); a note with a photo is two comments."""

    comment: MessageComment | ImageComment
