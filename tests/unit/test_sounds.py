"""The four bench sounds are distinct, audible WAV files, rendered without a multimedia library."""

from __future__ import annotations

import wave
from pathlib import Path

from packstation.ui.sounds import RATE, Sound, render, write_wav


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
