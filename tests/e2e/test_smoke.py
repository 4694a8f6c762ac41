"""The real program as a subprocess: `packstation --demo --smoke` and the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from packstation import __version__


def _run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "packstation", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


@pytest.mark.slow
def test_demo_smoke_starts_ready_for_scans_and_exits(tmp_path: Path) -> None:
    result = _run("--demo", "--smoke", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    ready, loaded = result.stdout.splitlines()[:2]
    assert ready.startswith(f"PackStation {__version__} ready for scans in")
    assert loaded.startswith("PackStation bench loaded in")
    log = (tmp_path / "demo" / "logs" / "packstation.log").read_text("utf-8")
    assert "demo sandbox at http://127.0.0.1:" in log
    assert " ERROR " not in log


@pytest.mark.slow
def test_a_station_database_that_cannot_open_is_said_plainly(tmp_path: Path) -> None:
    not_a_directory = tmp_path / "station"
    not_a_directory.write_text("a file where the station folder should be", "utf-8")
    result = _run("--smoke", data_dir=not_a_directory)
    assert result.returncode == 1
    assert "PackStation could not start: cannot open the station database" in result.stderr


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "packstation", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"PackStation {__version__}"


@pytest.mark.slow
def test_malformed_machine_config_is_named_and_the_app_still_starts(tmp_path: Path) -> None:
    config_dir = tmp_path / "etc"
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('store_id = "x"\nvolume = = 3\n', "utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PACKSTATION_CONFIG_DIR": str(config_dir)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "packstation",
            "--demo",
            "--smoke",
            "--data-dir",
            str(tmp_path / "d"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "d" / "demo" / "logs" / "packstation.log").read_text("utf-8")
    assert f"{config_dir / 'config.toml'}, line 2: " in log
