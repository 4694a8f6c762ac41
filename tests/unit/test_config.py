"""Fleet configuration: precedence, locks, and a malformed file that names its line."""

from __future__ import annotations

import json
from pathlib import Path

from packstation.config import (
    MachineConfig,
    Settings,
    layered_settings,
    load_machine_config,
    load_settings,
    save_settings,
)


def _machine(tmp_path: Path, text: str) -> MachineConfig:
    path = tmp_path / "config.toml"
    path.write_text(text, "utf-8")
    return load_machine_config(path)


def test_precedence_cli_env_locked_user_machine(tmp_path: Path) -> None:
    machine = _machine(
        tmp_path,
        'api_url = "https://machine.example/v2.2"\nstore_id = "machine-store"\n'
        'station_name = "Bench M"\nvolume = 40\nauto_ship = false\nlocked = ["store_id"]\n',
    )
    user = {"store_id": "user-store", "station_name": "Bench U", "volume": 90}
    settings, baseline, fixed = layered_settings(machine, user, env={}, cli={})
    assert settings.store_id == "machine-store"  # locked: the user's value does not count
    assert settings.station_name == "Bench U"  # the user beats a machine default
    assert settings.volume == 90
    assert settings.auto_ship is False  # machine default
    assert settings.api_url == "https://machine.example/v2.2"
    assert baseline.station_name == "Bench M"
    assert fixed == {"store_id"}
    settings, _, fixed = layered_settings(
        machine, user, env={"store_id": "env-store"}, cli={"api_url": "https://cli.example/v2.2"}
    )
    assert settings.store_id == "env-store"  # the environment beats a locked key
    assert settings.api_url == "https://cli.example/v2.2"
    assert fixed == {"store_id", "api_url"}
    settings, _, _ = layered_settings(
        machine, user, env={"store_id": "env"}, cli={"store_id": "cli"}
    )
    assert settings.store_id == "cli"


def test_malformed_file_names_the_line_and_falls_back(tmp_path: Path) -> None:
    machine = _machine(tmp_path, 'store_id = "ok"\nvolume = = 3\n')
    assert machine.problem is not None
    assert str(tmp_path / "config.toml") in machine.problem
    assert "line 2" in machine.problem
    settings, _, fixed = layered_settings(machine, {}, {}, {})
    assert settings == Settings(station_name=settings.station_name)
    assert fixed == frozenset()


def test_bad_values_fall_back_to_defaults(tmp_path: Path) -> None:
    machine = _machine(
        tmp_path, 'volume = "loud"\nsounds = "yes"\nunknown_key = 1\nlocked = "all"\n'
    )
    assert machine.problem is not None  # 'locked' must be a list
    machine = _machine(tmp_path, 'volume = "loud"\nsounds = "yes"\nhistory_days = 7\n')
    settings = machine.defaults()
    assert settings.volume == 80
    assert settings.sounds is True
    assert settings.history_days == 7


def test_missing_file_is_no_problem(tmp_path: Path) -> None:
    machine = load_machine_config(tmp_path / "nope.toml")
    assert machine.problem is None
    assert machine.values == {}


def test_user_file_keeps_only_what_differs_from_machine_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    baseline = Settings(station_name="Bench M", volume=40)
    save_settings(path, baseline.with_(volume=70), baseline)
    assert json.loads(path.read_text("utf-8")) == {"volume": 70}
    assert load_settings(path, baseline) == baseline.with_(volume=70)
