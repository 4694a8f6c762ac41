"""The real program with a planted lock link, a name it cannot take, and a locked fleet config."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from packstation.ui.single_instance import server_name

ROOT = Path(__file__).resolve().parents[2]


def _run(data_dir: Path, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "packstation", "--demo", "--smoke", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        cwd=ROOT,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symlinked_lock_file_is_one_sentence_naming_it(tmp_path: Path) -> None:
    station = tmp_path / "d" / "demo"
    station.mkdir(parents=True)
    lock = station / "packstation.lock"
    lock.symlink_to(tmp_path / "elsewhere.lock")
    result = _run(tmp_path / "d")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0] == (
        f"PackStation could not start: its lock file {lock} is a symbolic link, which "
        "PackStation does not follow. Remove that link and start again."
    )
    assert lock.is_symlink()
    assert not (tmp_path / "elsewhere.lock").exists()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="Unix local sockets")
def test_a_name_held_by_another_program_is_said_and_the_bench_starts(tmp_path: Path) -> None:
    station = tmp_path / "d" / "demo"
    temp = tmp_path / "tmp"
    # What another user's socket is to the bench: something under its name it cannot remove.
    held = temp / server_name(station)
    held.mkdir(parents=True)
    (held / "theirs").write_text("", "utf-8")
    result = _run(tmp_path / "d", TMPDIR=str(temp))
    assert result.returncode == 0, result.stderr
    assert "PackStation cannot be reached by a second launch for this station" in result.stderr
    log = (station / "logs" / "packstation.log").read_text("utf-8")
    assert "cannot listen for a second launch" in log


@pytest.mark.slow
def test_the_demo_runs_on_its_sandbox_whatever_it_locked(tmp_path: Path) -> None:
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "config.toml").write_text(
        'api_url = "https://api.getredo.com/v2.2"\nstore_id = "fleet-store"\n'
        'locked = ["api_url", "store_id"]\n',
        "utf-8",
    )
    result = _run(
        tmp_path / "d",
        PACKSTATION_CONFIG_DIR=str(etc),
        PACKSTATION_API_URL="https://collector.example/v2.2",
    )
    assert result.returncode == 0, result.stderr
    assert "PackStation bench loaded in" in result.stdout
    log = (tmp_path / "d" / "demo" / "logs" / "packstation.log").read_text("utf-8")
    assert "demo sandbox at http://127.0.0.1:" in log
    assert "locked_key (key='api_url'" in log
    assert "collector.example/v2.2/" not in log
