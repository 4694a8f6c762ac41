"""The four bench sounds are distinct, audible WAV files, rendered without a multimedia library."""

from __future__ import annotations

import sys
import threading
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from packstation.ui.station.sounds import (
    RATE,
    Player,
    Sound,
    SystemSoundPlayer,
    read_wav,
    render,
    write_wav,
)


def test_sounds_are_distinct_and_scale_with_volume(tmp_path: Path) -> None:
    rendered = {sound: render(sound, 80) for sound in Sound}
    assert len(set(rendered.values())) == 4
    assert render(Sound.GOOD, 0) == bytes(len(rendered[Sound.GOOD]))  # volume 0 is silence
    loud = max(
        abs(int.from_bytes(rendered[Sound.ERROR][i : i + 2], "little", signed=True))
        for i in range(0, len(rendered[Sound.ERROR]), 2)
    )
    assert loud > 10_000
    path = tmp_path / "error.wav"
    write_wav(path, rendered[Sound.ERROR])
    with wave.open(str(path)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)
        assert 0.4 < wav.getnframes() / RATE < 0.6  # two buzzes and a pause: about half a second


_LOG_ARGS = "import sys; open(sys.argv[1], 'a').write(sys.argv[2] + chr(10))"


def _file_player(log: Path) -> Player:
    """A player given a WAV file per sound (as afplay, pw-play): it writes down the file."""
    return Player((sys.executable, "-c", _LOG_ARGS, str(log)))


class _Worker:
    """The runtime's background worker, run by hand: a test says when the job runs."""

    def __init__(self) -> None:
        self.jobs: list[Callable[[], None]] = []

    def __call__(self, job: Callable[[], None]) -> None:
        self.jobs.append(job)

    def run(self) -> int:
        jobs, self.jobs = self.jobs, []
        for job in jobs:
            job()
        return len(jobs)


@pytest.fixture
def players() -> Iterator[list[SystemSoundPlayer]]:
    """Players a test opened, closed after it (their threads joined)."""
    opened: list[SystemSoundPlayer] = []
    yield opened
    for player in opened:
        player.close()


def test_nothing_renders_before_the_runtime_gives_its_worker(
    tmp_path: Path, players: list[SystemSoundPlayer]
) -> None:
    """The tones wait for the runtime's worker, then render there; no thread before."""
    player = SystemSoundPlayer(tmp_path, volume=80, player=_file_player(tmp_path / "log"))
    players.append(player)
    player.set_volume(True, 80)
    assert not (tmp_path / "sounds").exists()
    assert not [t for t in threading.enumerate() if t.name == "packstation-sound"]
    worker = _Worker()
    player.attach(worker)
    assert worker.run() == 1
    assert player._ready


def test_each_volume_is_rendered_once_and_played_from_its_own_file(
    tmp_path: Path, players: list[SystemSoundPlayer]
) -> None:
    log = tmp_path / "played.log"
    first, worker = SystemSoundPlayer(tmp_path, player=_file_player(log)), _Worker()
    players.append(first)
    first.attach(worker)
    first.set_volume(True, 80)
    worker.run()
    assert first._ready
    files = sorted((tmp_path / "sounds").glob("*-80.wav"))
    names = [f.name for f in files]
    assert names == ["complete-80.wav", "error-80.wav", "good-80.wav", "shipped-80.wav"]
    written = {f: f.stat().st_mtime_ns for f in files}
    first.close()

    again, worker = SystemSoundPlayer(tmp_path, player=_file_player(log)), _Worker()
    players.append(again)
    again.attach(worker)
    again.set_volume(True, 80)  # the next start: nothing is rendered, the files are read
    worker.run()
    assert again._ready
    assert {f: f.stat().st_mtime_ns for f in files} == written
    assert again._clips[Sound.GOOD].pcm == render(Sound.GOOD, 80)

    again.set_volume(True, 35)
    assert not again._ready  # the old volume's files are not played meanwhile
    again.play(Sound.GOOD)
    worker.run()
    assert again._ready
    again.play(Sound.ERROR)
    again.close()  # waits for the player it started
    silence = str(tmp_path / "sounds" / "silence.wav")
    assert log.read_text().splitlines() == [
        silence,  # the first start's probe
        silence,  # the second's
        str(tmp_path / "sounds" / "error-35.wav"),
    ]
    assert not list((tmp_path / "sounds").glob(".*"))  # no partial file left behind


def test_a_stream_player_reads_the_cached_files_and_writes_no_others(
    tmp_path: Path, players: list[SystemSoundPlayer]
) -> None:
    """A stream player needs no WAV file to play, but a start reads the cache (cheaper
    than rendering while the window is built); a damaged file is rendered again."""
    (tmp_path / "sounds").mkdir()
    (tmp_path / "sounds" / "good-80.wav").write_bytes(b"not a wav")
    player = SystemSoundPlayer(tmp_path, player=Player(("true",), stdin=True))
    players.append(player)
    player.attach(lambda job: job())
    player.set_volume(True, 80)
    assert player._clips[Sound.GOOD].pcm == render(Sound.GOOD, 80)
    assert player._clips[Sound.GOOD].path is None
    assert read_wav(tmp_path / "sounds" / "good-80.wav") == render(Sound.GOOD, 80)
    assert not (tmp_path / "sounds" / "silence.wav").exists()
