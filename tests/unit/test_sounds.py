"""The four bench sounds are distinct, audible WAV files, rendered without a multimedia library."""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path

from packstation.ui.station.sounds import RATE, Sound, SystemSoundPlayer, render, write_wav


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


class _EchoPlayer(SystemSoundPlayer):
    """The real player with ``true`` as the sound command: it plays nothing, anywhere."""

    @staticmethod
    def _find_command() -> list[str] | None:
        return ["true"]


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


def _player(folder: Path, volume: int) -> tuple[_EchoPlayer, _Worker]:
    player, worker = _EchoPlayer(folder, volume=volume), _Worker()
    player.attach(worker)
    player.set_volume(True, volume)
    return player, worker


def test_nothing_renders_before_the_runtime_gives_its_worker(tmp_path: Path) -> None:
    """No thread of its own: the tones wait for the runtime's worker, then render there."""
    player = _EchoPlayer(tmp_path, volume=80)
    player.set_volume(True, 80)
    assert not (tmp_path / "sounds").exists()
    worker = _Worker()
    player.attach(worker)
    assert worker.run() == 1
    assert player._ready


def test_each_volume_is_rendered_once_and_played_from_its_own_file(tmp_path: Path) -> None:
    first, worker = _player(tmp_path, 80)
    worker.run()
    assert first._ready
    files = sorted((tmp_path / "sounds").glob("*-80.wav"))
    names = [f.name for f in files]
    assert names == ["complete-80.wav", "error-80.wav", "good-80.wav", "shipped-80.wav"]
    written = {f: f.stat().st_mtime_ns for f in files}

    again, worker = _player(tmp_path, 80)  # the next start: nothing is rendered
    worker.run()
    assert again._ready
    assert {f: f.stat().st_mtime_ns for f in files} == written

    again.set_volume(True, 35)
    assert not again._ready  # the old volume's files are not played meanwhile
    again.play(Sound.GOOD)
    assert again._children == []
    worker.run()
    assert again._ready
    again.play(Sound.ERROR)
    assert again._children[-1].args[-1] == str(tmp_path / "sounds" / "error-35.wav")
    for child in again._children:
        child.wait(5)
    assert not list((tmp_path / "sounds").glob(".*"))  # no partial file left behind
