"""Distinct sounds for good scan, error, order complete and shipment created.

The tones are rendered to small WAV files at start (and when the volume changes)
with the standard library, then played by what the OS already has: ``winsound``
on Windows, ``afplay`` on macOS, ``paplay``/``pw-play``/``aplay`` on Linux. No
multimedia library is bundled. Silence is never an error: without a player the
bench stays quiet and says so once in the log.
"""

from __future__ import annotations

import array
import logging
import math
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Protocol

log = logging.getLogger("packstation.sounds")

RATE = 22050
#: Shown as "Sound: off (no audio device)".
NO_DEVICE = "no audio device"


class Sound(StrEnum):
    GOOD = "good"
    ERROR = "error"
    COMPLETE = "complete"
    SHIPPED = "shipped"


# (frequency Hz, milliseconds, square wave?) per note; 0 Hz is a pause.
_NOTES: dict[Sound, list[tuple[float, int, bool]]] = {
    Sound.GOOD: [(1760, 70, False)],
    Sound.ERROR: [(196, 170, True), (0, 60, False), (196, 260, True)],
    Sound.COMPLETE: [(1047, 90, False), (1319, 90, False), (1568, 160, False)],
    Sound.SHIPPED: [(1568, 110, False), (2093, 220, False)],
}


#: Runs a job off the GUI thread (the runtime's background worker).
Worker = Callable[[Callable[[], None]], None]


class SoundPlayer(Protocol):
    #: Why sound cannot play although it is switched on ("no audio device"), or None.
    problem: str | None

    def play(self, sound: Sound) -> None: ...

    def set_volume(self, enabled: bool, volume: int) -> None: ...

    def attach(self, worker: Worker) -> None:
        """The runtime's worker, for what must not run on the GUI thread."""


def render(sound: Sound, volume: int) -> bytes:
    """16-bit mono PCM samples of ``sound`` at ``volume`` percent."""
    amplitude = 32000 * max(0, min(100, volume)) / 100
    samples = array.array("h")
    for freq, ms, square in _NOTES[sound]:
        count = RATE * ms // 1000
        for i in range(count):
            if freq == 0:
                samples.append(0)
                continue
            phase = math.sin(2 * math.pi * freq * i / RATE)
            value = (1.0 if phase >= 0 else -1.0) * 0.6 if square else phase
            envelope = min(1.0, i / 200, (count - i) / 200)  # no clicks at the edges
            samples.append(int(amplitude * value * envelope))
    return samples.tobytes()


def write_wav(path: Path, pcm: bytes) -> None:
    """Write ``pcm`` as a WAV file; a player never finds it half-written (temp + rename)."""
    import os
    import wave

    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    with wave.open(str(partial), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm)
    os.replace(partial, path)


def sound_file(folder: Path, sound: Sound, volume: int) -> Path:
    """Where ``sound`` at ``volume`` is kept: rendered once per volume, then reused."""
    return folder / f"{sound.value}-{max(0, min(100, volume))}.wav"


class SystemSoundPlayer:
    def __init__(self, cache_dir: Path, enabled: bool = True, volume: int = 80) -> None:
        self._dir = cache_dir / "sounds"
        self._enabled = enabled
        self._volume = volume
        self._children: list[subprocess.Popen[bytes]] = []
        self._command = self._find_command()
        self._ready = False
        self.problem: str | None = None if self._command is not None else NO_DEVICE
        #: Set by the runtime; rendering waits for it (nothing renders before the bench).
        self._worker: Worker | None = None
        self._wanted: int | None = None

    def attach(self, worker: Worker) -> None:
        self._worker = worker
        if self._wanted is not None:
            wanted, self._wanted = self._wanted, None
            worker(lambda: self._prepare(wanted))

    @staticmethod
    def _find_command() -> list[str] | None:
        if sys.platform == "win32":
            return []
        candidates = (
            (["afplay"],)
            if sys.platform == "darwin"
            else (["paplay"], ["pw-play"], ["aplay", "-q"])
        )
        for command in candidates:
            if shutil.which(command[0]):
                return command
        log.info("no sound player found (paplay, pw-play, aplay); the bench stays silent")
        return None

    def set_volume(self, enabled: bool, volume: int) -> None:
        """Render the tones at this volume on the runtime's worker, off the GUI thread.

        Each volume is rendered once and kept in the cache folder: a start, or a volume
        already used, renders nothing (rendering takes the interpreter about 10 ms,
        which start-up would otherwise share with building the window).
        """
        self._enabled = enabled
        if not enabled or self._command is None:
            return
        if self._ready and volume == self._volume:
            return
        self._ready = False
        self._volume = volume
        if self._worker is None:
            self._wanted = volume
        else:
            self._worker(lambda: self._prepare(volume))

    def _prepare(self, volume: int) -> None:
        try:
            self._dir.mkdir(parents=True, exist_ok=True)
            for sound in Sound:
                path = sound_file(self._dir, sound, volume)
                if not path.is_file():
                    write_wav(path, render(sound, volume))
            self._ready = volume == self._volume
        except OSError as exc:
            log.warning("cannot prepare sounds in %s: %s", self._dir, exc)
            self.problem = NO_DEVICE
            return
        self._probe()

    def _probe(self) -> None:
        """Play a moment of silence: a player with no sound server or device fails at once."""
        if not self._command:  # Windows' winsound has nothing to probe
            return
        silence = self._dir / "silence.wav"
        try:
            write_wav(silence, bytes(RATE // 50 * 2))
            result = subprocess.run(  # noqa: S603 - fixed player, our own file
                [*self._command, str(silence)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=5,
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            log.info("sound check failed: %s", exc)
            self.problem = NO_DEVICE
            return
        if result.returncode != 0:
            log.info("%s cannot play here (exit %d)", self._command[0], result.returncode)
            self.problem = NO_DEVICE
        else:
            self.problem = None

    def play(self, sound: Sound) -> None:
        if not (self._enabled and self._ready) or self._command is None:
            return
        path = sound_file(self._dir, sound, self._volume)
        self._children = [c for c in self._children if c.poll() is None]
        try:
            if sys.platform == "win32":
                import winsound

                winsound.PlaySound(
                    str(path), winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
                )
            else:
                self._children.append(
                    subprocess.Popen(  # noqa: S603 - fixed player, our own file
                        [*self._command, str(path)],
                        stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                )
        except (OSError, RuntimeError) as exc:
            log.info("could not play %s: %s", sound.value, exc)


class SilentPlayer:
    problem: str | None = None

    def play(self, sound: Sound) -> None:
        pass

    def set_volume(self, enabled: bool, volume: int) -> None:
        pass

    def attach(self, worker: Worker) -> None:
        pass
