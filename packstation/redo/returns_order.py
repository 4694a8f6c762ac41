"""The order side of a return: ``order-read.schema``'s lines, which name the products.

Return items carry SKU and UPC but no title; the order Redo sends with a return (Get
Return's ``order``, the list's ``orders``) names each line's product and variant, and the
item points at its line (``orderItem``). Shared here too: the response base and the
amounts and IDs ``returns.py`` reads.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic.alias_generators import to_camel


class ResponseModel(BaseModel):
    """As ``models.py``'s responses: camelCase names, unknown fields kept, frozen."""

    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, extra="allow", frozen=True
    )


def _decimal_or_none(value: object) -> Decimal | None:
    """Redo writes amounts as strings ("50.2"); anything that is not a finite number is
    an unknown amount rather than an unreadable return."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _empty_if_none(value: object) -> object:
    return [] if value is None else value


T = TypeVar("T")

Amount = Annotated[Decimal | None, BeforeValidator(_decimal_or_none)]
Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: A list the bench can do without: ``null`` reads as empty, not as a malformed reply.
Many = Annotated[list[T], BeforeValidator(_empty_if_none), Field(default_factory=list)]


class Money(ResponseModel):
    amount: Amount = None
    currency: str | None = None


class OrderItemRef(ResponseModel):
    """The order line an item returns: ``id`` is ``{orderId}/{lineItemIndex}``."""

    id: str
    line_item_id: str | None = Field(default=None, alias="line_item_id")


class OrderProduct(ResponseModel):
    name: str | None = None
    external_id: str | None = None


class OrderVariant(ResponseModel):
    name: str | None = None
    sku: str | None = None
    external_id: str | None = None


class OrderLine(ResponseModel):
    id: str
    external_id: str | None = None
    product: OrderProduct | None = None
    variant: OrderVariant | None = None
    # ``item-quantity.schema`` is a number, not an integer.
    quantity: Amount = None

    @property
    def title(self) -> str | None:
        """ "Product - Variant" as Shopify titles a line; the variant alone adds nothing
        when it is Shopify's placeholder or repeats the product."""
        product = (self.product.name or "").strip() if self.product else ""
        variant = (self.variant.name or "").strip() if self.variant else ""
        if variant in {"", "Default Title", product}:
            return product or None
        return f"{product} - {variant}" if product else variant


class PersonName(ResponseModel):
    given: str | None = None
    surname: str | None = None


class OrderCustomer(ResponseModel):
    name: PersonName | None = None
    email_address: str | None = None


class ReturnOrder(ResponseModel):
    """``order-read.schema``: the order a return came from, as Redo keeps it."""

    id: Id
    name: str | None = None
    external_id: str | None = None
    items: Many[OrderLine]
    customer: OrderCustomer | None = None

    def line_for(self, ref: OrderItemRef | None) -> OrderLine | None:
        """The line a return item's ``orderItem`` points at (the spec does not say how they
        pair): its ``id`` as a line ID, then its ``line_item_id`` as a line's external ID,
        then the ``{orderId}/{index}`` form of its ``id``."""
        if ref is None:
            return None
        for line in self.items:
            if line.id == ref.id:
                return line
        if ref.line_item_id:
            for line in self.items:
                if line.external_id == ref.line_item_id:
                    return line
        order_id, _, index = ref.id.rpartition("/")
        if order_id == self.id and index.isascii() and index.isdigit():
            position = int(index)
            if position < len(self.items):
                return self.items[position]
        return None
