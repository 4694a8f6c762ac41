"""``packstation slip`` against real loopback sandboxes: where the token goes when IT locked
the address, and references a barcode cannot carry."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

from packstation.app import main
from packstation.credentials import SERVICE
from packstation.resources import resource_path
from packstation.sandbox import SandboxServer, SandboxState
from tests.helpers.fakes import MemoryKeyring
from tests.helpers.pdf import need_tools, pdf_barcodes

TOKEN = "sbx-fleet-token-4f1e"
STORE = "fleet-store"


def _state(*extra: tuple[str, str]) -> SandboxState:
    """The demo orders, and a copy of #1001 for each (name, order ID) in ``extra``."""
    data: dict[str, Any] = json.loads(resource_path("sandbox", "orders.json").read_text("utf-8"))
    products = json.loads(resource_path("sandbox", "products.json").read_text("utf-8"))
    first = data["orders"][0]
    for n, (name, order_id) in enumerate(extra):
        order = copy.deepcopy(first["order"])
        order["orderId"] = order_id
        data["orders"].append({"name": name, "internalId": f"int-{n}", "order": order})
    return SandboxState(data, products["products"])


@pytest.fixture
def fleet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SandboxServer]:
    """The store's sandbox, IT's machine config locking it, and its token in a keyring."""
    state = _state(("refé", "5809001"), ("📦 7", "5809002"), ("ordé", "ordé-3"))
    with SandboxServer(state=state, token=TOKEN, store_id=STORE) as server:
        etc = tmp_path / "etc"
        etc.mkdir()
        (etc / "config.toml").write_text(
            f'api_url = "{server.base_url}"\nstore_id = "{STORE}"\n'
            'locked = ["api_url", "store_id"]\n',
            "utf-8",
        )
        monkeypatch.setenv("PACKSTATION_CONFIG_DIR", str(etc))
        monkeypatch.setenv("PACKSTATION_DATA_DIR", str(tmp_path / "data"))
        monkeypatch.delenv("PACKSTATION_API_URL", raising=False)
        monkeypatch.delenv("PACKSTATION_STORE_ID", raising=False)
        backend = MemoryKeyring()
        backend.set_password(SERVICE, STORE, TOKEN)
        before = keyring.get_keyring()
        keyring.set_keyring(backend)
        try:
            yield server
        finally:
            keyring.set_keyring(before)


@pytest.mark.expected_log("locked_key")
def test_the_token_never_goes_to_an_address_the_lock_refuses(
    fleet: SandboxServer,
    tmp_path: Path,
    qapp: object,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Another server on loopback stands for whatever address the environment names.
    with SandboxServer(token="collector", store_id=STORE) as collector:
        monkeypatch.setenv("PACKSTATION_API_URL", collector.base_url)
        out = tmp_path / "slip.pdf"
        code = main(["--api-url", collector.base_url, "slip", "#1001", "--pdf", str(out)])
        assert list(collector.requests) == []  # nothing reached it, so neither did the token
    assert code == 0
    assert [path for _, path, _ in fleet.requests] == [f"/v2.2/stores/{STORE}/orders/%231001"]
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2  # the environment's and the command line's, each named
    assert err[0].startswith("The environment sets api_url = ")
    assert err[1].startswith("The command line sets api_url = ")
    assert all(", which IT locked in " in line for line in err)
    assert collector.base_url in err[0]


@pytest.mark.parametrize(("ref", "order_id"), [("refé", "5809001"), ("📦 7", "5809002")])
def test_a_reference_code_128_cannot_carry_prints_the_order_id_as_the_barcode(
    fleet: SandboxServer,
    tmp_path: Path,
    qapp: object,
    capsys: pytest.CaptureFixture[str],
    ref: str,
    order_id: str,
) -> None:
    need_tools()
    out = tmp_path / "slip.pdf"
    assert main(["slip", ref, "--pdf", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == f"Wrote {out}: packing slip for {ref}, 1 items."
    assert captured.err == ""
    assert pdf_barcodes(out) == [f"CODE-128:{order_id}"]


def test_a_slip_no_barcode_can_carry_is_one_line_and_exit_4(
    fleet: SandboxServer, tmp_path: Path, qapp: object, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "slip.pdf"
    assert main(["slip", "ordé", "--pdf", str(out)]) == 4
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"The slip could not be written to {out}: ")
    assert "Neither ordé nor its Redo order ID ordé-3 can be printed as a barcode." in lines[0]
    assert captured.out == ""
