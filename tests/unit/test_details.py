"""A dummy tracker's optional facts: typed as text, sent as the spec's values, kept by the journal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from packstation.packing import DummyTracking, PackingError, PackingSession
from packstation.packing.details import (
    DetailsError,
    DetailsField,
    TrackingDetails,
    status_update_request,
)
from packstation.packing.shipment import TrackingDetailsError
from packstation.redo.models import ShipmentStatus, StatusUpdate, TrackingLocationRequest
from packstation.store import ShippingInputs
from packstation.store.station import StationStore
from packstation.ui.words.problems import details_problem, packing_problem
from tests.helpers.orders import demo_order


def test_empty_details_add_nothing() -> None:
    assert TrackingDetails().empty
    assert TrackingDetails().request_fields() == {}
    assert not TrackingDetails(city=" x ").empty


def test_details_become_request_values() -> None:
    details = TrackingDetails(
        estimated_delivery="2026-12-02",
        event_time="2026-11-27T14:30:00+01:00",
        city=" Portland ",
        country="US",
    )
    assert details.request_fields() == {
        "estimated_delivery_date": dt.datetime(2026, 12, 2, tzinfo=dt.UTC),
        "datetime": dt.datetime(2026, 11, 27, 13, 30, tzinfo=dt.UTC),
        "location": TrackingLocationRequest(city="Portland", country="US"),
    }


def test_a_time_without_offset_is_this_computers_time() -> None:
    when = TrackingDetails(event_time="2026-11-27 14:30").event_at()
    assert when is not None and when.tzinfo is not None
    assert when.replace(tzinfo=None) == dt.datetime(2026, 11, 27, 14, 30)


@pytest.mark.parametrize(
    ("details", "field", "text", "sentence"),
    [
        (
            TrackingDetails(estimated_delivery="next week"),
            DetailsField.ESTIMATED_DELIVERY,
            "next week",
            "The estimated delivery date 'next week' is not a date like 2026-12-02.",
        ),
        (
            TrackingDetails(event_time="14h30"),
            DetailsField.EVENT_TIME,
            "14h30",
            "The event time '14h30' is not a time like 2026-11-27 14:30.",
        ),
    ],
)
def test_unreadable_dates_are_named(
    details: TrackingDetails, field: DetailsField, text: str, sentence: str
) -> None:
    with pytest.raises(DetailsError) as refused:
        details.request_fields()
    assert (refused.value.field, refused.value.text) == (field, text)
    assert details_problem(refused.value) == sentence
    session = PackingSession(demo_order("#1002"))
    session.scan("BNE-WOOL-CHR")
    for ask in (session.check_shipping, session.to_request):
        with pytest.raises(PackingError) as held:  # the bench's ship path catches these
            ask(DummyTracking(details=details))
        assert isinstance(held.value, TrackingDetailsError)
        assert packing_problem(held.value) == sentence


def test_the_initial_event_carries_the_details() -> None:
    session = PackingSession(demo_order("#1002"))
    session.scan("BNE-WOOL-CHR")
    details = TrackingDetails(estimated_delivery="2026-12-02", postal_code="02139")
    request = session.to_request(DummyTracking(ShipmentStatus.IN_TRANSIT, "", details))
    body = request.to_json_dict()["initialTracking"]
    assert body == {
        "status": "in_transit",
        "estimatedDeliveryDate": "2026-12-02T00:00:00Z",
        "location": {"postalCode": "02139"},
    }


def test_status_update_request() -> None:
    request = status_update_request(StatusUpdate.DELIVERED, " ", TrackingDetails(state="OR"))
    assert request.to_json_dict() == {"status": "delivered", "location": {"state": "OR"}}
    assert status_update_request("delayed").to_json_dict() == {"status": "delayed"}


def test_the_journal_keeps_the_details(tmp_path: Path) -> None:
    store = StationStore(tmp_path / "station.sqlite3")
    order = demo_order("#1002")
    store.journal.open("#1002", order)
    details = TrackingDetails("2026-12-02", "", "Cambridge", "MA", "US", "02139")
    inputs = ShippingInputs(dummy=True, dummy_details=details)
    store.journal.save(order.order_id, {}, inputs, "edit")
    saved = store.journal.load()
    store.close()
    assert saved is not None
    assert saved.shipping == inputs
    assert saved.shipping.dummy_tracking().details == details


def test_damaged_details_read_as_none() -> None:
    assert TrackingDetails.from_json([1]) == TrackingDetails()
    assert TrackingDetails.from_json({"city": 5, "state": "OR", "x": "y"}) == TrackingDetails(
        state="OR"
    )
