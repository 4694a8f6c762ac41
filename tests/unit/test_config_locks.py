"""A key IT locked wins over the command line and the environment, and the refusal is said."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from packstation.config import Paths, load_machine_config
from packstation.config_toml import ConfigProblem, ConfigProblemKind
from packstation.station_args import ENV_API_URL, ENV_STORE_ID, resolve_settings
from packstation.ui.words.starting import config_problem_text

pytestmark = pytest.mark.expected_log("locked_key", "invalid_value")

LOCKED = (
    'api_url = "https://api.getredo.com/v2.2"\n'
    'store_id = "fleet-store"\n'
    'locked = ["api_url", "store_id"]\n'
)


def _args(
    tmp_path: Path, api_url: str | None = None, store_id: str | None = None
) -> argparse.Namespace:
    return argparse.Namespace(api_url=api_url, store_id=store_id, data_dir=tmp_path, demo=False)


def _resolve(
    tmp_path: Path, config: str, args: argparse.Namespace
) -> tuple[str, str, frozenset[str], list[ConfigProblem]]:
    path = tmp_path / "config.toml"
    path.write_text(config, "utf-8")
    problems: list[ConfigProblem] = []
    settings, _, fixed = resolve_settings(
        args, Paths.default(tmp_path / "station"), load_machine_config(path), problems
    )
    return settings.api_url, settings.store_id, fixed, problems


def test_a_locked_address_and_store_refuse_the_command_line(tmp_path: Path) -> None:
    args = _args(tmp_path, "https://collector.example/v2.2", "someone-elses-store")
    api_url, store_id, fixed, problems = _resolve(tmp_path, LOCKED, args)
    assert (api_url, store_id) == ("https://api.getredo.com/v2.2", "fleet-store")
    assert fixed == {"api_url", "store_id"}
    assert [(p.kind, p.source, p.key) for p in problems] == [
        (ConfigProblemKind.LOCKED_KEY, "the command line", "api_url"),
        (ConfigProblemKind.LOCKED_KEY, "the command line", "store_id"),
    ]
    said = config_problem_text(problems[0])
    assert said == (
        "The command line sets api_url = 'https://collector.example/v2.2', which IT locked "
        f"in {tmp_path / 'config.toml'}; using 'https://api.getredo.com/v2.2'."
    )


def test_a_locked_address_and_store_refuse_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_API_URL, "https://collector.example/v2.2")
    monkeypatch.setenv(ENV_STORE_ID, "someone-elses-store")
    api_url, store_id, _, problems = _resolve(tmp_path, LOCKED, _args(tmp_path))
    assert (api_url, store_id) == ("https://api.getredo.com/v2.2", "fleet-store")
    assert [(p.source, p.key, p.locked_in) for p in problems] == [
        ("the environment", "api_url", str(tmp_path / "config.toml")),
        ("the environment", "store_id", str(tmp_path / "config.toml")),
    ]


def test_the_locked_value_itself_is_no_problem_and_unlocked_keys_still_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_STORE_ID, " fleet-store ")
    config = 'api_url = "https://api.getredo.com/v2.2"\nstore_id = "fleet-store"\nlocked = ["store_id"]\n'
    args = _args(tmp_path, "https://staging.example/v2.2")
    api_url, store_id, fixed, problems = _resolve(tmp_path, config, args)
    assert (api_url, store_id) == ("https://staging.example/v2.2", "fleet-store")
    assert fixed == {"api_url", "store_id"}
    assert problems == []


def test_a_bad_value_on_the_command_line_is_a_start_up_notice_too(tmp_path: Path) -> None:
    args = _args(tmp_path, "http://collector.example/v2.2")
    api_url, _, _, problems = _resolve(tmp_path, "", args)
    assert api_url == "https://api.getredo.com/v2.2"
    assert [(p.kind, p.source, p.key) for p in problems] == [
        (ConfigProblemKind.INVALID_VALUE, "the command line", "api_url")
    ]


def test_the_demo_does_not_say_it_uses_a_locked_address_it_does_not_use(
    tmp_path: Path,
) -> None:
    """The demo talks to its own sandbox: "using https://api.getredo.com" would be untrue."""
    from packstation.startup import for_the_demo

    args = _args(tmp_path, "https://collector.example/v2.2")
    _, _, _, problems = _resolve(tmp_path, LOCKED, args)
    assert {p.kind for p in problems} == {ConfigProblemKind.LOCKED_KEY}
    assert for_the_demo(problems) == []
    invalid = ConfigProblem(ConfigProblemKind.INVALID_VALUE, "the command line", key="volume")
    assert for_the_demo([*problems, invalid]) == [invalid]
