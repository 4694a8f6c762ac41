"""The bench's index of Redo's returns: a parcel's label, in any form a scan gives it,
finds its return in the station database; so do the order's name and the return's ID."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from packstation.store.returns_index import IndexedReturn, ReturnsIndex, label_keys
from packstation.store.station import StationStore

USPS = "9400111899223197428497"  # a USPS tracking number (IMpb), valid check digit
UPS = "1Z999AA10123456784"


@pytest.fixture
def index(tmp_path: Path) -> ReturnsIndex:
    store = StationStore(tmp_path / "station.sqlite3")
    return store.returns


def one(return_id: str = "ret_1", status: str = "in_transit", **more: object) -> IndexedReturn:
    fields: dict[str, object] = {
        "order_name": "#1001",
        "updated_at": "2026-12-01T10:00:00.000Z",
        "trackers": (USPS,),
        "body": json.dumps({"id": return_id}),
        **more,
    }
    return IndexedReturn(return_id, status, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "scanned",
    [
        USPS,
        f"42002139{USPS}",  # the label's barcode: 420 + ZIP, then the number
        f"420021391234{USPS}",  # 420 + ZIP+4
        "9400 1118 9922 3197 4284 97",  # typed from the label, with its spaces
    ],
)
def test_a_usps_label_in_any_form_finds_its_return(index: ReturnsIndex, scanned: str) -> None:
    index.put([one()])
    (found,) = index.find_by_label(scanned)
    assert found.return_id == "ret_1"
    assert found.trackers == (USPS,)  # as Redo gave it


def test_a_label_on_no_return_finds_nothing(index: ReturnsIndex) -> None:
    index.put([one()])
    assert index.find_by_label(UPS) == []
    assert index.find_by_label("   ") == []


def test_an_update_replaces_the_return_and_its_labels(index: ReturnsIndex) -> None:
    index.put([one()])
    index.put([one(status="delivered", trackers=(UPS,), updated_at="2026-12-02T08:00:00.000Z")])
    assert index.find_by_label(USPS) == []
    (found,) = index.find_by_label(UPS.lower())
    assert (found.status, found.is_open) == ("delivered", True)
    assert index.watermark == ""  # no walk has ended yet
    index.walked()
    assert index.watermark == "2026-12-02T08:00:00.000Z"


def test_a_processed_return_keeps_its_row_to_say_so(index: ReturnsIndex) -> None:
    index.put([one(), one("ret_2", "complete", trackers=(UPS,))])
    (done,) = index.find_by_label(UPS)
    assert not done.is_open
    assert index.count() == 1
    assert index.count(open_only=False) == 2


def test_the_order_name_finds_its_returns_newest_first_with_or_without_hash(
    index: ReturnsIndex,
) -> None:
    index.put(
        [
            one("ret_old", updated_at="2026-11-01T00:00:00.000Z"),
            one("ret_new", updated_at="2026-12-03T00:00:00.000Z", trackers=()),
            one("ret_other", order_name="#1002", trackers=()),
        ]
    )
    assert [r.return_id for r in index.find_by_order("#1001")] == ["ret_new", "ret_old"]
    assert [r.return_id for r in index.find_by_order("1001")] == ["ret_new", "ret_old"]
    assert index.find_by_order(" ") == []


def test_the_return_id_finds_it_and_the_index_survives_a_restart(tmp_path: Path) -> None:
    store = StationStore(tmp_path / "station.sqlite3")
    store.returns.put([one()])
    store.close()
    again = StationStore(tmp_path / "station.sqlite3")
    found = again.returns.get(" ret_1 ")
    assert found is not None and found.body == '{"id": "ret_1"}'
    assert again.returns.get("ret_9") is None
    again.close()


def test_label_keys_read_the_carriers_number_from_a_label() -> None:
    assert label_keys(f"42002139{USPS}") >= {USPS, f"42002139{USPS}"}
    assert label_keys("") == set()


def test_a_walk_forgets_returns_finished_long_before_the_newest_and_keeps_open_ones(
    index: ReturnsIndex,
) -> None:
    index.put(
        [
            one("ret_old_done", "complete", updated_at="2026-09-01T00:00:00.000Z", trackers=(UPS,)),
            one("ret_old_open", "in_transit", updated_at="2026-09-01T00:00:00.000Z"),
            one("ret_recent_done", "rejected", updated_at="2026-11-30T00:00:00.000Z", trackers=()),
            one("ret_new", "delivered", updated_at="2026-12-05T00:00:00.000Z", trackers=()),
        ]
    )
    index.walked()
    assert index.get("ret_old_done") is None  # finished 95 days before the newest
    assert index.find_by_label(UPS) == []  # its labels went with it
    assert index.get("ret_old_open") is not None  # its parcel may still come
    assert index.find_by_label(USPS)[0].return_id == "ret_old_open"
    assert index.get("ret_recent_done") is not None
    assert index.watermark == "2026-12-05T00:00:00.000Z"
