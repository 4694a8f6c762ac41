"""Launching the real program: without a display, and twice for one station."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from packstation.app import display_problem
from packstation.ui.qtlog import fatal_sentence

ROOT = Path(__file__).resolve().parents[2]


def _env(**changes: str | None) -> dict[str, str]:
    env = {**os.environ}
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def test_no_display_is_one_sentence_not_a_silent_abort(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "packstation", "--smoke", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None),
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display" in lines[0]
    assert "QT_QPA_PLATFORM=offscreen" in lines[0]


def test_a_display_qt_cannot_open_is_said_and_exits_non_zero(tmp_path: Path) -> None:
    """DISPLAY names a server that is not there: Qt gives up; PackStation says why."""
    result = subprocess.run(
        [sys.executable, "-m", "packstation", "--smoke", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(DISPLAY=":97", QT_QPA_PLATFORM="xcb"),
        check=False,
    )
    assert result.returncode == 3, result.stderr
    assert "PackStation cannot open its window" in result.stderr
    assert "libxcb-cursor0" in result.stderr


def test_the_display_check_knows_offscreen_and_other_systems() -> None:
    assert display_problem({}, "linux")
    assert display_problem({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not display_problem({"DISPLAY": ":0"}, "linux")
    assert not display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not display_problem({}, "win32")
    assert "libxcb-cursor0" in fatal_sentence("no platform plugin", ["could not connect"])


@pytest.mark.slow
def test_a_second_launch_brings_the_running_one_forward_and_exits(tmp_path: Path) -> None:
    env = _env(QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "packstation", "--demo", "--data-dir", str(tmp_path)]
    output = tmp_path / "first.out"
    with output.open("w") as out:
        first = subprocess.Popen(command, stdout=out, stderr=out, env=env, cwd=ROOT)
    try:
        log = tmp_path / "demo" / "logs" / "packstation.log"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if log.is_file() and "bench ready" in log.read_text("utf-8"):
                break
            assert first.poll() is None, output.read_text()
            time.sleep(0.1)  # sleep-ok: polling another process's log; no Qt loop runs here
        else:
            pytest.fail("the first PackStation never became ready")
        second = subprocess.run(
            command, capture_output=True, text=True, timeout=60, env=env, cwd=ROOT, check=False
        )
        assert second.returncode == 0, second.stderr
        assert "already running for this station" in second.stdout
        assert "window was brought forward" in second.stdout
        log_text = log.read_text("utf-8")
        assert "a second launch asked this window to come forward" in log_text
        # Only the first started a demo sandbox: the second never got that far.
        assert log_text.count("demo sandbox at") == 1
        assert first.poll() is None
    finally:
        first.terminate()
        first.wait(timeout=30)


def test_a_stale_lock_from_a_killed_copy_does_not_block_the_next_start(tmp_path: Path) -> None:
    from packstation.ui.single_instance import SingleInstance

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path;"
            "from packstation.ui.single_instance import SingleInstance;"
            "i = SingleInstance(Path(sys.argv[1])); assert i.acquire(); print('held', flush=True);"
            "sys.stdin.read()",  # holds the lock until it is killed
            str(tmp_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    assert not SingleInstance(tmp_path).acquire(wait_ms=50)  # a live holder keeps it
    holder.kill()
    holder.wait()
    holder.stdout.close()
    assert holder.stdin is not None
    holder.stdin.close()
    instance = SingleInstance(tmp_path)
    try:
        assert instance.acquire()
        again = SingleInstance(tmp_path)
        assert not again.acquire(wait_ms=50)
    finally:
        instance.release()
