"""Fleet configuration: precedence, locks, and a malformed file that names its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from packstation.config import (
    MachineConfig,
    Settings,
    layered_settings,
    load_machine_config,
    load_settings,
    load_user_values,
    save_settings,
)
from packstation.config_toml import ConfigProblem, ConfigProblemKind, PrinterProblem
from packstation.redo.urls import UrlProblem, UrlRefusal
from packstation.ui.words.starting import config_problem_text

# The failure paths these tests provoke are logged on purpose.
pytestmark = pytest.mark.expected_log(
    "invalid_value", "too_deep", "unknown keys ignored", "locked_key"
)


def _machine(tmp_path: Path, text: str) -> MachineConfig:
    path = tmp_path / "config.toml"
    path.write_text(text, "utf-8")
    return load_machine_config(path)


def said(problems: tuple[ConfigProblem, ...] | list[ConfigProblem]) -> str | None:
    """The problems as the window words them for IT (English: no translator), or None."""
    return " ".join(config_problem_text(p) for p in problems) or None


def test_precedence_locked_cli_env_user_machine(tmp_path: Path) -> None:
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
    assert settings.store_id == "machine-store"  # a locked key beats the environment
    assert settings.api_url == "https://cli.example/v2.2"  # not locked: the command line wins
    assert fixed == {"store_id", "api_url"}
    settings, _, _ = layered_settings(
        machine,
        user,
        env={"api_url": "https://env.example/v2.2"},
        cli={"api_url": "https://cli.example/v2.2"},
    )
    assert settings.api_url == "https://cli.example/v2.2"  # the command line beats the env


def test_malformed_file_names_the_line_and_keeps_the_rest(tmp_path: Path) -> None:
    machine = _machine(tmp_path, 'store_id = "ok"\nvolume = = 3\n')
    assert said(machine.problems) is not None
    assert f"{tmp_path / 'config.toml'}, line 2: " in (said(machine.problems) or "")
    settings, _, fixed = layered_settings(machine, {}, {}, {})
    assert settings == Settings(station_name=settings.station_name, store_id="ok")
    assert fixed == frozenset()


def test_bad_values_fall_back_to_defaults(tmp_path: Path) -> None:
    machine = _machine(
        tmp_path, 'volume = "loud"\nsounds = "yes"\nunknown_key = 1\nlocked = "all"\n'
    )
    assert said(machine.problems) is not None  # 'locked' must be a list
    machine = _machine(tmp_path, 'volume = "loud"\nsounds = "yes"\nhistory_days = 7\n')
    settings = machine.defaults()
    assert settings.volume == 80
    assert settings.sounds is True
    assert settings.history_days == 7


def test_missing_file_is_no_problem(tmp_path: Path) -> None:
    machine = load_machine_config(tmp_path / "nope.toml")
    assert said(machine.problems) is None
    assert machine.values == {}


def test_user_file_keeps_only_what_differs_from_machine_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    baseline = Settings(station_name="Bench M", volume=40)
    save_settings(path, baseline.with_(volume=70), baseline)
    assert json.loads(path.read_text("utf-8")) == {"volume": 70}
    assert load_settings(path, baseline) == baseline.with_(volume=70)


# --- every source validated in one place (issue 12, items 7 and 14) ----------------------


def test_machine_file_non_finite_and_negative_values_are_named_and_replaced(
    tmp_path: Path,
) -> None:
    machine = _machine(
        tmp_path,
        'store_id = "kept"\n'
        "history_days = inf\n"
        "volume = -inf\n"
        "connect_timeout = nan\n"
        "read_timeout = -1\n"
        "request_deadline = inf\n",
    )
    assert said(machine.problems) is not None
    path = str(tmp_path / "config.toml")
    for key, line in [
        ("history_days", 2),
        ("volume", 3),
        ("connect_timeout", 4),
        ("read_timeout", 5),
        ("request_deadline", 6),
    ]:
        assert f"{path}, line {line}: {key} = " in (said(machine.problems) or "")
    settings, _, _ = layered_settings(machine, {}, {}, {})
    defaults = Settings()
    assert settings.store_id == "kept"
    assert settings.history_days == defaults.history_days == 30
    assert settings.volume == 80
    assert (settings.connect_timeout, settings.read_timeout) == (5.0, 20.0)
    assert settings.request_deadline == 30.0


def test_user_file_bad_values_are_named_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        '{\n  "volume": 70,\n  "history_days": -3,\n  "read_timeout": 1e999,\n  "sounds": "yes"\n}',
        "utf-8",
    )
    problems: list[ConfigProblem] = []
    values = load_user_values(path, problems)
    assert values == {"volume": 70}
    assert [(p.kind, p.line, p.key, p.value) for p in problems] == [
        (ConfigProblemKind.INVALID_VALUE, 3, "history_days", "-3"),
        (ConfigProblemKind.INVALID_VALUE, 4, "read_timeout", "inf"),
        (ConfigProblemKind.INVALID_VALUE, 5, "sounds", "'yes'"),
    ]
    texts = [config_problem_text(p) for p in problems]
    assert texts[0].startswith(f"{path}, line 3: history_days = -3 is not valid (")
    assert texts[1].startswith(f"{path}, line 4: read_timeout = inf")
    assert texts[2].startswith(f"{path}, line 5: sounds = 'yes'")
    assert texts[2].endswith("; using the default True.")
    assert load_settings(path).history_days == 30  # a start never purges everything


@pytest.mark.parametrize("name", ["settings.json", "config.toml"])
def test_five_thousand_nested_arrays_are_named_and_the_app_starts(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    nested = "[" * 5000 + "]" * 5000
    if name.endswith(".json"):
        path.write_text('{"volume": ' + nested + "}", "utf-8")
        problems: list[ConfigProblem] = []
        assert load_user_values(path, problems) == {}
        (found,) = problems
        assert found.kind is ConfigProblemKind.FILE_TOO_DEEP
        problem = config_problem_text(found)
    else:
        path.write_text("volume = " + nested + "\n", "utf-8")
        machine = load_machine_config(path)
        assert machine.values == {}
        assert said(machine.problems) is not None
        problem = said(machine.problems)
    assert str(path) in problem
    assert "nested too deeply" in problem


def test_a_moderately_nested_value_is_named_not_repeated(tmp_path: Path) -> None:
    machine = _machine(tmp_path, "volume = " + "[" * 100 + "]" * 100 + "\n")
    assert said(machine.problems) is not None
    assert "line 1: volume = [[[...]]] is not valid" in (said(machine.problems) or "")
    assert len(said(machine.problems) or "") < 300


def test_command_line_and_environment_are_validated_too(
    caplog: pytest.LogCaptureFixture,
) -> None:
    machine = MachineConfig()
    settings, _, fixed = layered_settings(
        machine,
        {},
        env={"api_url": "http://anything.localhost/v2.2"},
        cli={"store_id": "s" * 500},
    )
    assert settings.api_url == Settings().api_url
    assert settings.store_id == ""
    assert fixed == frozenset()  # nothing invalid is fixed for the run
    text = caplog.text
    assert "the environment: invalid_value (key='api_url'" in text  # the log's technical line
    assert "the command line: invalid_value (key='store_id'" in text


def test_settings_in_code_are_validated_and_keep_their_interface() -> None:
    settings = Settings(station_name="Bench 1")
    assert settings.with_(volume=10).volume == 10
    assert settings.with_(volume=10).station_name == "Bench 1"
    with pytest.raises(ValidationError):
        settings.with_(history_days=float("inf"))
    with pytest.raises(ValidationError):
        Settings(request_deadline=float("nan"))
    with pytest.raises(ValidationError):  # frozen, as before
        settings.volume = 3  # type: ignore[misc]
    assert hash(settings) == hash(Settings(station_name="Bench 1"))


def test_printing_settings_from_the_machine_config(tmp_path: Path) -> None:
    machine = _machine(
        tmp_path,
        'printer = "PDF"\npage_size = "4x6"\nprint_when = "request"\nlocation_id = "loc_sea"\n',
    )
    settings = machine.defaults()
    assert (settings.printer, settings.page_size, settings.print_when) == ("PDF", "4x6", "request")
    assert settings.location_id == "loc_sea"
    assert said(machine.problems) is None


def test_bad_printing_settings_are_named_and_replaced(tmp_path: Path) -> None:
    machine = _machine(tmp_path, 'printer = "pdf:"\npage_size = "A3"\nprint_when = "always"\n')
    settings = machine.defaults()
    assert (settings.printer, settings.page_size, settings.print_when) == ("", "A4", "ship")
    assert said(machine.problems) is not None
    for key in ("printer", "page_size", "print_when"):
        assert f"{key} = " in (said(machine.problems) or "")
    assert Settings().with_(printer="pdf:/tmp/slips").printer == "pdf:/tmp/slips"
    with pytest.raises(ValidationError):
        Settings().with_(printer="lab\x07el")


def test_our_own_validators_refuse_with_a_kind_not_a_sentence(tmp_path: Path) -> None:
    machine = _machine(tmp_path, 'api_url = "http://example.com/v2.2"\nprinter = "pdf:"\n')
    by_key = {p.key: p for p in machine.problems}
    api_url, printer = by_key["api_url"], by_key["printer"]
    assert api_url.refusal == UrlRefusal(UrlProblem.PLAIN_HTTP_ELSEWHERE, host="example.com")
    assert (api_url.line, api_url.reason) == (1, "")  # no English from the validator
    assert printer.printer is PrinterProblem.PDF_WITHOUT_FOLDER
    assert config_problem_text(api_url) == (
        f"{tmp_path / 'config.toml'}, line 1: api_url = 'http://example.com/v2.2' is not valid "
        "(Plain http is only allowed to this computer (loopback), not to example.com.); "
        "using the default 'https://api.getredo.com/v2.2'."
    )
    assert "'pdf:' needs a folder" in config_problem_text(printer)
    # The log's line names file, line, key and value, technically.
    assert str(api_url).startswith(f"{tmp_path / 'config.toml'}, line 1: invalid_value (key=")


# --- one bad line does not throw the whole machine file away ------------------------------

GOOD_LINES = [
    'store_id = "store-7"',
    'api_url = "https://machine.example/v2.2"',
    'locked = ["store_id", "api_url"]',
]


def _with_broken(tmp_path: Path, lines: list[str]) -> tuple[MachineConfig, str, str]:
    """The machine config of ``lines``, its problem sentences, and the file's path."""
    machine = _machine(tmp_path, "\n".join(lines) + "\n")
    problem = said(machine.problems)
    assert problem is not None
    return machine, problem, str(tmp_path / "config.toml")


def _keeps_the_good_lines(machine: MachineConfig) -> None:
    assert machine.values["store_id"] == "store-7"
    assert machine.values["api_url"] == "https://machine.example/v2.2"
    assert machine.locked == frozenset({"store_id", "api_url"})
    settings, _, fixed = layered_settings(machine, {"store_id": "user"}, {}, {})
    assert settings.store_id == "store-7"  # still configured, still locked
    assert fixed == frozenset({"store_id", "api_url"})


@pytest.mark.parametrize("broken", ["volume = 80 80", "station_name = Bench 4", "[[", "volume ="])
def test_one_broken_line_is_named_and_the_rest_is_kept(tmp_path: Path, broken: str) -> None:
    machine, problem, path = _with_broken(tmp_path, [*GOOD_LINES[:2], broken, GOOD_LINES[2]])
    _keeps_the_good_lines(machine)
    assert problem.startswith(f"{path}, line 3: ")
    assert problem.endswith("; line 3 is ignored.")
    assert problem.count(path) == 1  # one sentence: the good lines are not named


def test_two_broken_lines_are_both_named(tmp_path: Path) -> None:
    lines = ["store_name = Corner Shop", *GOOD_LINES[:2], "volume = 80 80", GOOD_LINES[2]]
    machine, problem, path = _with_broken(tmp_path, [*lines, "sounds = yes"])
    _keeps_the_good_lines(machine)
    problems = problem.split(". ")
    assert len(problems) == 3
    assert [p.split(": ")[0] for p in problems] == [f"{path}, line {n}" for n in (1, 4, 6)]


def test_a_value_left_open_is_named_and_the_lines_after_it_are_kept(tmp_path: Path) -> None:
    # A closing bracket or quotes left out: TOML reads on into the next lines. The line
    # that opened it is named, and the good lines after it count.
    machine, problem, path = _with_broken(
        tmp_path, ['store_id = "store-7"', 'store_name = """Corner', "volume = 40"]
    )
    assert machine.values == {"store_id": "store-7", "volume": 40}
    assert problem.startswith(f"{path}, line 2: ")
    machine, problem, path = _with_broken(
        tmp_path, ['store_id = "store-7"', "locked = [", '  "store_id",', "volume = 40"]
    )
    assert machine.values == {"store_id": "store-7", "volume": 40}
    assert machine.locked == frozenset()
    assert problem.startswith(f"{path}, lines 2 to 3: 'locked = [' opens a value")
    assert "not locked" in problem


def test_a_file_of_broken_lines_gives_no_values_and_names_each(tmp_path: Path) -> None:
    lines = ["store_id = abc", "volume = 80 80", "[[", "locked = [store_id]", '"api_url" https://x']
    machine, problem, path = _with_broken(tmp_path, lines)
    assert machine.values == {}
    assert machine.locked == frozenset()
    for n in range(1, 6):
        assert f"{path}, line {n}: " in problem
    settings, _, _ = layered_settings(machine, {}, {}, {})
    assert settings == Settings(station_name=settings.station_name)


def test_many_broken_lines_end_and_keep_what_came_before(tmp_path: Path) -> None:
    lines = [*GOOD_LINES, *(f"volume = {n} {n}" for n in range(200))]
    machine, problem, path = _with_broken(tmp_path, lines)
    _keeps_the_good_lines(machine)
    assert f"{path}, line 4: " in problem
    assert problem.endswith(
        f"{path}, lines 54 to 204: not read, as 50 lines before them "
        "could not be; lines 54 to 204 are ignored."
    )
    assert len(problem) < 10_000


def test_a_value_open_for_thousands_of_lines_is_given_up_within_the_bound(
    tmp_path: Path,
) -> None:
    names = "".join(f'  "name{n}",\n' for n in range(5000))
    machine, problem, path = _with_broken(
        tmp_path, ['store_id = "s"', "locked = [", names, "volume = 3"]
    )
    assert problem.endswith(f"{path}: too many lines cannot be read; using safe defaults.")
    assert machine.values == {}


def test_a_byte_order_mark_is_no_broken_line(tmp_path: Path) -> None:
    # Windows Notepad may save a UTF-8 file with one: C:\ProgramData\PackStation\config.toml.
    machine = _machine(tmp_path, "\ufeff" + "\n".join(GOOD_LINES) + "\n")
    assert said(machine.problems) is None
    _keeps_the_good_lines(machine)


def test_a_broken_locked_line_says_nothing_is_locked_by_it(tmp_path: Path) -> None:
    machine, problem, path = _with_broken(
        tmp_path, ['store_id = "store-7"', 'locked = ["store_id", api_url]', "volume = 40"]
    )
    assert machine.values == {"store_id": "store-7", "volume": 40}
    assert machine.locked == frozenset()
    assert problem.startswith(f"{path}, line 2: ")
    assert problem.endswith("line 2 is ignored, so the settings it names are not locked.")
    # Read, but not a list of names: the rest still counts, and the sentence says so.
    machine, problem, path = _with_broken(tmp_path, [*GOOD_LINES[:2], 'locked = "store_id"'])
    assert machine.values["store_id"] == "store-7"
    assert machine.locked == frozenset()
    assert problem.startswith(f"{path}, line 3: locked = 'store_id' is not a list")
    assert problem.endswith("no setting is locked.")
    machine, _, _ = _with_broken(tmp_path, [*GOOD_LINES[:2], 'locked = ["store_id", 7]'])
    assert machine.values["store_id"] == "store-7"
    assert machine.locked == frozenset({"store_id"})
    # A broken line that is not the lock list does not claim to unlock anything.
    _, problem, _ = _with_broken(tmp_path, [*GOOD_LINES, "volume = 80 80"])
    assert "not locked" not in problem


def test_a_value_left_open_names_the_line_it_ignores_by_number(tmp_path: Path) -> None:
    """IT read "that line" as the line where TOML stopped: the ignored line is numbered."""
    machine, problem, path = _with_broken(
        tmp_path, ['store_id = "store-7"', 'station_name = ["Bench 4",', "volume = 40"]
    )
    assert machine.values == {"store_id": "store-7", "volume": 40}
    assert problem == (
        f"{path}, line 2: 'station_name = [\"Bench 4\",' opens a value that is not "
        "closed before line 3; line 2 is ignored."
    )
