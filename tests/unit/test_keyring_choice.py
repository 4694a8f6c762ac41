"""The keyring keyring chose is remembered, so later launches skip its discovery."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import keyring
import keyring.backend
import keyring.core
import pytest

from packstation.credentials import TokenStore
from packstation.keyring_choice import choose

MODULE = "keyring.backends.packstation_test"


class Remembered(keyring.backend.KeyringBackend):
    """A usable backend living where keyring's own do (this test registers it there)."""

    priority = 1  # type: ignore[assignment]
    made = 0

    def __init__(self) -> None:
        super().__init__()
        Remembered.made += 1
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def backends(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Registers ``Remembered`` among keyring's backends; records discoveries."""
    module = types.ModuleType(MODULE)
    Remembered.__module__ = MODULE
    module.Remembered = Remembered  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, MODULE, module)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(keyring.core, "load_config", lambda: None)
    discovered: list[str] = []

    def discover() -> keyring.backend.KeyringBackend:
        discovered.append("discovery")
        return Remembered()

    monkeypatch.setattr(keyring, "get_keyring", discover)
    Remembered.made = 0
    return discovered


def test_the_first_launch_discovers_and_remembers_the_next_does_not(
    tmp_path: Path, backends: list[str]
) -> None:
    hint = tmp_path / "cache" / "keyring-backend"
    assert isinstance(choose(hint), Remembered)
    assert backends == ["discovery"]
    assert hint.read_text("utf-8") == f"{MODULE}.Remembered"
    assert isinstance(choose(hint), Remembered)
    assert backends == ["discovery"]  # made directly


def test_a_token_store_reads_through_the_remembered_backend(
    tmp_path: Path, backends: list[str]
) -> None:
    hint = tmp_path / "keyring-backend"
    hint.write_text(f"{MODULE}.Remembered", "utf-8")
    tokens = TokenStore(remember_in=hint)
    assert tokens.set("store-1", "t0ken")
    assert tokens.get("store-1") is not None
    assert backends == []
    assert Remembered.made == 1  # one backend for the store's whole life


@pytest.mark.parametrize("name", ["os.system", "keyring.backends.null.Keyring", "garbage"])
def test_a_name_that_is_not_a_usable_keyring_backend_is_ignored(
    tmp_path: Path, backends: list[str], name: str
) -> None:
    hint = tmp_path / "keyring-backend"
    hint.write_text(name, "utf-8")
    assert isinstance(choose(hint), Remembered)
    assert backends == ["discovery"]
    assert hint.read_text("utf-8") == f"{MODULE}.Remembered"


def test_the_keyring_it_configured_wins_over_the_remembered_one(
    tmp_path: Path, backends: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    hint = tmp_path / "keyring-backend"
    hint.write_text(f"{MODULE}.Remembered", "utf-8")
    monkeypatch.setattr(keyring.core, "load_config", lambda: Remembered())
    choose(hint)
    assert backends == ["discovery"]  # keyring's own choice, which reads IT's config
