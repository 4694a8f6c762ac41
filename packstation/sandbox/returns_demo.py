"""The demo returns: ``resources/sandbox/returns.json`` expanded into Redo's return shape.

The seed names an order, its lines, a reason and a tracker; everything else (product and
variant IDs, SKU, UPC, price, the returner's address) comes from the demo order and
``products.json``, so a return and the order it came from can never disagree. Older
returns are generated here (:func:`_filler`), enough to fill a second page of the list
at the default page size, with the same inputs every time: the sandbox's answers are
deterministic until a client changes something.

Trackers are real formats with valid check digits (``packing/tracking.py`` recognises
each as one carrier's), so a bench can scan them off a returned parcel.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from typing import Any

from packstation.resources import resource_path

JSON = dict[str, Any]

#: Generated returns, all older than the seeded ones: 8 seeded + 24 is two pages of 20.
FILLER_COUNT = 24
#: The demo orders of a few lines: a page carries each return's order whole, and #1005,
#: #1006 and #1014 have hundreds of lines or units.
_FILLER_ORDERS = tuple(f"#{n}" for n in (1001, 1002, 1003, 1004, *range(1007, 1014)))
_FILLER_STATUSES = ("complete", "complete", "complete", "rejected", "delivered", "in_transit")
_FILLER_REASONS = (
    ("Too small", "TOO_SMALL", "Runs a size small."),
    ("Too big", "TOO_BIG", "Roomier than expected."),
    ("Changed my mind", "CHANGED_MIND", "Decided to keep my old one."),
    ("Damaged", "DAMAGED", "Arrived with a scuff on the front."),
    ("Not as described", "NOT_AS_DESCRIBED", "The colour differs from the photos."),
)
#: The newest generated return; each further one is three hours older.
_FILLER_NEWEST = dt.datetime(2026, 11, 24, 20, 0, tzinfo=dt.UTC)
_TRACKING_URLS = {
    "UPS": "https://www.ups.com/track?tracknum={}",
    "USPS": "https://tools.usps.com/go/TrackConfirmAction?tLabels={}",
    "FedEx": "https://www.fedex.com/fedextrack/?trknbr={}",
}


def demo_returns(orders: list[JSON], products: list[JSON]) -> list[JSON]:
    """Every demo return as the sandbox stores it (see ``returns.py``), newest first.

    A seed whose order is not among ``orders`` is left out (tests build states of
    their own orders).
    """
    seed = json.loads(resource_path("sandbox", "returns.json").read_text("utf-8"))
    by_name = {record["name"]: record for record in orders}
    by_sku = {p["sku"]: p for p in products}
    built = [
        _build(entry, by_name[entry["order"]], by_sku, seed)
        for entry in [*seed["returns"], *_filler()]
        if entry["order"] in by_name
    ]
    return sorted(built, key=lambda r: r["return"]["createdAt"], reverse=True)


def _filler() -> list[JSON]:
    entries = []
    for n in range(FILLER_COUNT):
        created = _FILLER_NEWEST - dt.timedelta(hours=3 * n)
        status = _FILLER_STATUSES[n % len(_FILLER_STATUSES)]
        reason, code, comment = _FILLER_REASONS[n % len(_FILLER_REASONS)]
        carrier = ("UPS", "USPS", "FedEx")[n % 3]
        delivered = created + dt.timedelta(days=2)
        entries.append(
            {
                "id": _object_id(f"return-{n}"),
                "order": _FILLER_ORDERS[n % len(_FILLER_ORDERS)],
                "line": n,  # the order's n-th line with a SKU, counted round
                "status": status,
                "createdAt": _iso(created),
                "updatedAt": _iso(created if status == "in_transit" else delivered),
                "shipment": {
                    "carrier": carrier,
                    "tracker": _tracker(carrier, n),
                    "estimatedDeliveryDate": delivered.date().isoformat(),
                    **({} if status == "in_transit" else {"deliveredAt": _iso(delivered)}),
                },
                "items": [
                    {
                        "id": _object_id(f"return-item-{n}"),
                        "quantity": 1,
                        "reason": reason,
                        "reasonCode": code,
                        "customerComment": comment,
                        **({"outcome": "restock"} if status == "complete" else {}),
                    }
                ],
            }
        )
    return entries


def _build(entry: JSON, record: JSON, by_sku: dict[str, JSON], seed: JSON) -> JSON:
    order = record["order"]
    currency = order["currencyCode"]
    lines = order["lineItems"]
    if isinstance(entry.get("line"), int):  # a generated return: pick a line with a SKU
        with_sku = [line for line in lines if line.get("sku")]
        entry["items"][0]["line"] = with_sku[entry["line"] % len(with_sku)]["id"]
    status = entry["status"]
    group = "sg_" + entry["id"][-12:]
    items = [
        _item(item, lines, record, by_sku=by_sku, currency=currency, status=status, group=group)
        for item in entry["items"]
    ]
    address = order["shipping"]["address"]
    customer = order["customer"]
    merchant_pays = entry.get("labelPayer") == "merchant"
    fee = 0.0 if merchant_pays else 6.95
    shipment = _shipment(entry["shipment"], status, group, [i["id"] for i in items])
    returned: JSON = {
        "id": entry["id"],
        "type": "return",
        "status": status,
        "createdAt": entry["createdAt"],
        "updatedAt": entry["updatedAt"],
        "order": {"id": record["internalId"], "name": record["name"]},
        "externalOrderIds": [order["orderId"]],
        "compensationMethods": ["exchange" if "exchangeFor" in entry["items"][0] else "refund"],
        "source": {
            "emailAddress": customer["email"],
            "name": {"given": customer["firstName"], "surname": customer["lastName"]},
            "phoneNumber": seed["phoneNumbers"][record["name"]],
            "mailingAddress": {
                "line1": address["address1"],
                "line2": address.get("address2") or "",
                "city": address["city"],
                "state": address.get("province") or "",
                "postalCode": address["postalCode"],
                "country": address["country"],
            },
        },
        "destination": copy.deepcopy(seed["warehouse"]),
        "giftCards": [],
        "items": items,
        "protection": {
            "covered": False,
            "returnsCoverage": False,
            "packageProtection": False,
            "finalSaleCoverage": False,
            "labelPayer": "merchant" if merchant_pays else "customer",
            "labelPayerReason": (
                "MERCHANT_DAMAGED_OR_WRONG_PRODUCT" if merchant_pays else "SHOPPER_UNCOVERED"
            ),
        },
        "shipment": shipment,
        "shipments": [copy.deepcopy(shipment)],
        "dropoffs": [],
        "notes": [],
        "tags": [],
        "totals": {"shippingFee": {"amount": money(fee, currency)}},
    }
    exchanged = [entry_item for entry_item in entry["items"] if "exchangeFor" in entry_item]
    if exchanged:
        returned["exchange"] = _exchange(exchanged, returned["items"], by_sku, currency)
    refresh_totals(returned)
    return {
        "return": returned,
        "comments": list(entry.get("comments", [])),
        "customerNotes": [],
        "reopened": False,
    }


def _item(
    item: JSON,
    lines: list[JSON],
    record: JSON,
    *,
    by_sku: dict[str, JSON],
    currency: str,
    status: str,
    group: str,
) -> JSON:
    index = next(n for n, line in enumerate(lines) if line["id"] == item["line"])
    line = lines[index]
    product = by_sku.get(line.get("sku") or "", {})
    built: JSON = {
        "id": item["id"],
        "orderItem": {"id": f"{record['internalId']}/{index}", "line_item_id": line["id"]},
        "productId": line["productId"],
        "variantId": line["variantId"],
        "sku": line["sku"],
        "quantity": item["quantity"],
        "reason": item["reason"],
        "reasonCode": item["reasonCode"],
        "reasons": [item["reason"]],
        "reasonCodes": [item["reasonCode"]],
        "customerComment": item["customerComment"],
        "greenReturn": False,
        "shipmentGroupIds": [group],
        "productValueNoTaxNoAdjustment": {
            "amount": money(line["price"] * item["quantity"], currency)
        },
        "status": {"complete": "complete", "rejected": "rejected"}.get(status, "open"),
    }
    if product.get("upc"):
        built["upc"] = product["upc"]
    if item.get("outcome"):
        built["outcome"] = item["outcome"]
    if status == "complete" and "exchangeFor" not in item:
        value = line["price"] * item["quantity"]
        built["refund"] = {"amount": money(value, currency), "type": "refund"}
    if "exchangeFor" in item:
        wanted = by_sku[item["exchangeFor"]]
        built["exchangeItem"] = {
            "product": {"externalId": wanted["productId"], "name": wanted["title"]},
            "variant": {"externalId": wanted["variantId"], "name": wanted["title"]},
            "quantity": item["quantity"],
        }
    return built


def _exchange(
    exchanged: list[JSON], items: list[JSON], by_sku: dict[str, JSON], currency: str
) -> JSON:
    new_items = []
    for n, entry_item in enumerate(exchanged):
        wanted = by_sku[entry_item["exchangeFor"]]
        price = money(wanted["price"] * entry_item["quantity"], currency)
        new_items.append(
            {
                "id": f"{items[0]['id']}-x{n}",
                "product": {"externalId": wanted["productId"], "name": wanted["title"]},
                "variant": {
                    "externalId": wanted["variantId"],
                    "name": wanted["title"],
                    "sku": wanted["sku"],
                },
                "quantity": entry_item["quantity"],
                "price": {**price, "tax": "0.00"},
                "originalPrice": price,
            }
        )
    return {
        "items": new_items,
        "itemCount": sum(i["quantity"] for i in new_items),
        "provision": "deferred",
        "totalTax": money(0, currency),
    }


def _shipment(seed: JSON, status: str, group: str, item_ids: list[str]) -> JSON:
    carrier, tracker = seed["carrier"], seed["tracker"]
    shipment: JSON = {
        "carrier": carrier,
        "tracker": tracker,
        "status": {"open": "pre_transit", "in_transit": "in_transit"}.get(status, "delivered"),
        "trackingUrl": _TRACKING_URLS[carrier].format(tracker),
        "shipmentGroupId": group,
        "itemIds": item_ids,
    }
    for key in ("estimatedDeliveryDate", "deliveredAt"):
        if key in seed:
            shipment[key] = seed[key]
    return shipment


def refresh_totals(returned: JSON) -> None:
    """The return's totals from its items: what is refunded (each item's refund once it
    is processed, its value before), what is exchanged, and the upsell charged."""
    currency = returned["totals"]["shippingFee"]["amount"]["currency"]
    refund = exchange_value = returned_for_exchange = 0.0
    for item in returned["items"]:
        if item["status"] == "rejected":
            continue
        value = float(item["productValueNoTaxNoAdjustment"]["amount"]["amount"])
        if "exchangeItem" in item:
            returned_for_exchange += value
        else:
            refund += float(item["refund"]["amount"]["amount"]) if "refund" in item else value
    for new in returned.get("exchange", {}).get("items", []):
        exchange_value += float(new["originalPrice"]["amount"])
    totals = returned["totals"]
    totals["refund"] = {"amount": money(refund, currency)}
    totals["exchange"] = {"amount": money(exchange_value, currency)}
    totals["storeCredit"] = {"amount": money(0, currency)}
    totals["charge"] = {"amount": money(max(0.0, exchange_value - returned_for_exchange), currency)}


def money(amount: float, currency: str) -> JSON:
    """Redo's money: the amount as a decimal string."""
    return {"amount": f"{amount:.2f}", "currency": currency}


def _iso(value: dt.datetime) -> str:
    return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _object_id(name: str) -> str:
    """A stable 24-hex ID, the shape of Redo's (MongoDB ObjectId) return and item IDs."""
    return hashlib.sha256(f"packstation-sandbox-{name}".encode()).hexdigest()[:24]


# --- trackers with valid check digits --------------------------------------------


def _tracker(carrier: str, n: int) -> str:
    if carrier == "UPS":  # 6-character shipper, service 03 (Ground), 7-digit package
        return ups_1z("R7X2F4" + "03" + f"{4_120_000 + 7919 * n:07d}")
    if carrier == "USPS":  # IMpb: 94 (service), 001 (type), 11 digits of mailer and serial
        return usps_impb(f"9400111899223{31_000_000 + 6151 * n:08d}")
    return fedex_12(f"{61_240_000_000 + 7_907_377 * n:011d}")


def usps_impb(payload: str) -> str:
    """21 digits and their MOD 10 check digit (weights 3, 1 from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(payload)))
    return payload + str((10 - total % 10) % 10)


def ups_1z(body: str) -> str:
    """``1Z``, 15 characters and their check digit (letters counted as UPS counts them)."""
    values = [int(c) if c.isdigit() else (ord(c) - 63) % 10 for c in body]
    total = sum(v * (2 if i % 2 else 1) for i, v in enumerate(values))
    return "1Z" + body + str((10 - total % 10) % 10)


def fedex_12(payload: str) -> str:
    """11 digits and their check digit (weights 1, 3, 7 from the right, MOD 11)."""
    weights = (1, 3, 7)
    total = sum(int(d) * weights[i % 3] for i, d in enumerate(reversed(payload)))
    return payload + str(total % 11 % 10)
