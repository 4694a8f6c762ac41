"""Joining a warehouse: ``warehouse_url`` and ``warehouse_lease`` are settings like any other
(checked, typed refusals, locked by IT), and the command line and the environment give the
address and the bench's name through the same layers as ``--api-url``."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from packstation.app import build_parser
from packstation.config import Paths, Settings, check_values, load_machine_config
from packstation.config_toml import ConfigProblem, ConfigProblemKind
from packstation.config_warehouse import without_password
from packstation.station_args import ENV_STATION, ENV_WAREHOUSE_URL, resolve_settings
from packstation.ui.words.starting import config_problem_text
from packstation.warehouse.address import AddressProblem

pytestmark = pytest.mark.expected_log("locked_key", "invalid_value")

FLOOR = "postgresql://bench@warehouse.example/packstation?sslmode=verify-full"
# Short enough that the bounded repr of a refused value would show the password whole.
REFUSED = {
    AddressProblem.NOT_A_POSTGRES_URI: ("mysql://b:hunter2@wh.example/db", ""),
    AddressProblem.HAS_PASSWORD: ("postgresql://b:hunter2@wh.example/db", "wh.example"),
    AddressProblem.PASSWORD_PARAMETER: (
        "postgresql://wh.example/db?password=hunter2",
        "wh.example",
    ),
    AddressProblem.PLAIN_TEXT_ELSEWHERE: (
        "postgresql://b@wh.example/db?sslmode=prefer",
        "wh.example",
    ),
}


@pytest.fixture(autouse=True)
def _no_outside_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in (ENV_WAREHOUSE_URL, ENV_STATION, "PACKSTATION_API_URL"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.delenv("PACKSTATION_STORE_ID", raising=False)


def _resolve(
    tmp_path: Path, argv: list[str], config: str = ""
) -> tuple[Settings, frozenset[str], list[ConfigProblem]]:
    """The settings a window started with ``argv`` would use, and what start-up would say."""
    path = tmp_path / "config.toml"
    path.write_text(config, "utf-8")
    args = build_parser().parse_args([*argv, "--data-dir", str(tmp_path / "station")])
    problems: list[ConfigProblem] = []
    settings, _, fixed = resolve_settings(
        args, Paths.default(tmp_path / "station"), load_machine_config(path), problems
    )
    return settings, fixed, problems


# ---------------------------------------------------------------- the address


def test_the_defaults_are_no_warehouse_and_a_60_second_lease() -> None:
    settings = Settings()
    assert (settings.warehouse_url, settings.warehouse_lease) == ("", 60)


@pytest.mark.parametrize("problem", list(AddressProblem))
def test_each_refused_address_is_a_typed_problem_and_the_default_stays(
    problem: AddressProblem, caplog: pytest.LogCaptureFixture
) -> None:
    url, host = REFUSED[problem]
    text = f'station_name = "Bench 4"\nwarehouse_url = "{url}"\n'
    values, problems = check_values(
        {"station_name": "Bench 4", "warehouse_url": url}, "/etc/packstation/config.toml", text
    )
    assert values == {"station_name": "Bench 4"}
    [found] = problems
    assert (found.kind, found.key, found.warehouse, found.host) == (
        ConfigProblemKind.INVALID_VALUE,
        "warehouse_url",
        problem,
        host,
    )
    assert (found.line, found.default, found.reason, found.refusal) == (2, "''", "", None)
    with caplog.at_level(logging.WARNING, logger="packstation"):
        kept = Settings(warehouse_url=FLOOR)
        from packstation.config import coerce

        assert coerce({"warehouse_url": url}, kept).warehouse_url == FLOOR
    # A password in the refused address is neither shown nor logged.
    said = config_problem_text(found)
    for words in (said, str(found), found.value, caplog.text):
        assert "hunter2" not in words


def test_each_refusal_is_worded_in_its_own_sentence() -> None:
    said = {
        problem: config_problem_text(
            ConfigProblem(
                ConfigProblemKind.INVALID_VALUE,
                "/etc/packstation/config.toml",
                line=2,
                last_line=2,
                key="warehouse_url",
                value="'...'",
                default="''",
                warehouse=problem,
                host=REFUSED[problem][1],
            )
        )
        for problem in AddressProblem
    }
    assert len(set(said.values())) == len(AddressProblem)
    assert (
        "keep it in the keyring instead (packstation warehouse password)"
        in (said[AddressProblem.HAS_PASSWORD])
    )
    assert "password=" in said[AddressProblem.PASSWORD_PARAMETER]
    assert "wh.example is not this computer" in said[AddressProblem.PLAIN_TEXT_ELSEWHERE]
    assert "postgresql://" in said[AddressProblem.NOT_A_POSTGRES_URI]
    assert said[AddressProblem.HAS_PASSWORD].startswith(
        "/etc/packstation/config.toml, line 2: warehouse_url = '...' is not valid (The "
    )


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://packstation@localhost/packstation",
        "postgresql://127.0.0.1:5433/packstation",
        "postgres://[::1]/packstation",
        "postgresql:///packstation?host=/var/run/postgresql",
        "postgresql://bench@warehouse.example/packstation",  # sslmode: require by default
        FLOOR,
    ],
)
def test_a_loopback_address_needs_no_sslmode_and_another_host_is_encrypted(url: str) -> None:
    values, problems = check_values({"warehouse_url": f" {url} "}, "the command line")
    assert problems == []
    assert values == {"warehouse_url": url}


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://u:pw@h/db", "postgresql://u:***@h/db"),
        ("postgresql://u:p@ss/w?rd@h:5432/db", "postgresql://u:***@h:5432/db"),
        ("postgresql://:pw@h/db", "postgresql://:***@h/db"),
        (
            "postgresql://u@h/db?sslmode=require&password=pw",
            "postgresql://u@h/db?sslmode=require&password=***",
        ),
        ("postgresql://u@h/db?pass%77ord=pw", "postgresql://u@h/db?pass%77ord=***"),
        ("postgresql://u@h/db?sslmode=require", "postgresql://u@h/db?sslmode=require"),
    ],
)
def test_a_refused_address_is_shown_without_its_password(url: str, shown: str) -> None:
    assert without_password(url) == shown


# ---------------------------------------------------------------- the lease


@pytest.mark.parametrize(("given", "kept"), [(15, 15), (600, 600), (90, 90)])
def test_the_lease_within_its_bounds_is_kept(given: int, kept: int) -> None:
    values, problems = check_values({"warehouse_lease": given}, "config.toml")
    assert (values, problems) == ({"warehouse_lease": kept}, [])


@pytest.mark.parametrize("given", [14, 601, 0, -60, 60.5, "a minute", None])
def test_a_lease_out_of_bounds_is_refused_and_60_kept(given: object) -> None:
    values, problems = check_values({"warehouse_lease": given}, "config.toml")
    assert values == {}
    assert [(p.kind, p.key, p.default) for p in problems] == [
        (ConfigProblemKind.INVALID_VALUE, "warehouse_lease", "60")
    ]
    assert problems[0].reason  # pydantic's words: no typed refusal for a number


def test_a_machine_file_sets_the_lease_and_the_address(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'warehouse_url = "{FLOOR}"\nwarehouse_lease = 120\n', "utf-8")
    machine = load_machine_config(path)
    assert machine.problems == ()
    settings = machine.defaults()
    assert (settings.warehouse_url, settings.warehouse_lease) == (FLOOR, 120)


# ---------------------------------------------------------------- command line and environment


def test_the_command_line_gives_the_address_and_the_station(tmp_path: Path) -> None:
    settings, fixed, problems = _resolve(
        tmp_path, ["--warehouse-url", FLOOR, "--station", "Bench 7"]
    )
    assert (settings.warehouse_url, settings.station_name) == (FLOOR, "Bench 7")
    assert {"warehouse_url", "station_name"} <= fixed
    assert problems == []


def test_the_environment_gives_them_and_the_command_line_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_WAREHOUSE_URL, "postgresql://bench@localhost/floor2")
    monkeypatch.setenv(ENV_STATION, "Bench 9")
    settings, _, problems = _resolve(tmp_path, [])
    assert (settings.warehouse_url, settings.station_name) == (
        "postgresql://bench@localhost/floor2",
        "Bench 9",
    )
    assert problems == []
    settings, _, _ = _resolve(tmp_path, ["--warehouse-url", FLOOR, "--station", "Bench 7"])
    assert (settings.warehouse_url, settings.station_name) == (FLOOR, "Bench 7")


def test_a_refused_address_on_the_command_line_is_said_and_the_machine_one_stays(
    tmp_path: Path,
) -> None:
    url = "postgresql://b:hunter2@wh.example/db"
    settings, _, problems = _resolve(
        tmp_path, ["--warehouse-url", url], f'warehouse_url = "{FLOOR}"\n'
    )
    assert settings.warehouse_url == FLOOR
    assert [(p.kind, p.source, p.warehouse) for p in problems] == [
        (ConfigProblemKind.INVALID_VALUE, "the command line", AddressProblem.HAS_PASSWORD)
    ]
    assert problems[0].value == "'postgresql://b:***@wh.example/db'"
    assert "hunter2" not in config_problem_text(problems[0])


def test_a_locked_machine_address_beats_the_command_line_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = f'warehouse_url = "{FLOOR}"\nstation_name = "Bench 4"\nlocked = ["warehouse_url"]\n'
    monkeypatch.setenv(ENV_WAREHOUSE_URL, "postgresql://bench@localhost/elsewhere")
    elsewhere = "postgresql://b:hunter2@h2/db"
    settings, fixed, problems = _resolve(
        tmp_path, ["--warehouse-url", elsewhere, "--station", "Bench 7"], config
    )
    assert settings.warehouse_url == FLOOR
    assert settings.station_name == "Bench 7"  # not locked: the command line still counts
    assert "warehouse_url" in fixed
    assert [(p.kind, p.source, p.key, p.locked_in) for p in problems] == [
        (
            ConfigProblemKind.LOCKED_KEY,
            "the environment",
            "warehouse_url",
            str(tmp_path / "config.toml"),
        ),
        (
            ConfigProblemKind.LOCKED_KEY,
            "the command line",
            "warehouse_url",
            str(tmp_path / "config.toml"),
        ),
    ]
    assert problems[1].value == "'postgresql://b:***@h2/db'"
    assert config_problem_text(problems[1]) == (
        "The command line sets warehouse_url = 'postgresql://b:***@h2/db', which IT locked "
        f"in {tmp_path / 'config.toml'}; using '{FLOOR}'."
    )
    assert "hunter2" not in str(problems[1])


def test_a_locked_station_name_beats_station(tmp_path: Path) -> None:
    config = 'station_name = "Bench 4"\nlocked = ["station_name"]\n'
    settings, _, problems = _resolve(tmp_path, ["--station", "Bench 7"], config)
    assert settings.station_name == "Bench 4"
    assert [(p.kind, p.key, p.value) for p in problems] == [
        (ConfigProblemKind.LOCKED_KEY, "station_name", "'Bench 7'")
    ]


def test_a_sub_command_without_the_options_still_resolves(tmp_path: Path) -> None:
    """``slip`` and tests build namespaces without ``--station``: nothing breaks."""
    import argparse

    args = argparse.Namespace(api_url=None, store_id=None, data_dir=tmp_path, demo=False)
    path = tmp_path / "config.toml"
    path.write_text("", "utf-8")
    settings, _, _ = resolve_settings(
        args, Paths.default(tmp_path / "station"), load_machine_config(path)
    )
    assert settings.warehouse_url == ""
