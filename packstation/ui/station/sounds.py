"""Distinct sounds for good scan, error, order complete and shipment created.

The tones are rendered with the standard library once per volume, kept as small WAV
files in the cache folder (a start reads them back instead of spending 18 ms of the
interpreter on rendering while the window is built) and in memory, then played by what
the OS already has; no multimedia library is bundled:

- Linux: one long-lived ``pacat`` (PulseAudio, or PipeWire's pulse server) or ``aplay``
  fed the PCM on its standard input (``sound_stream.py``); ``pw-play`` per sound where
  neither is installed (``pw-cat`` 0.3 cannot read raw PCM on its standard input);
- macOS: ``afplay`` per sound (it cannot read standard input);
- Windows: ``winsound`` asynchronously, from the files.

On Linux and macOS the GUI thread only queues a sound; the ``packstation-sound`` thread
plays it, and a burst of scans never queues more than about 100 ms of audio (the rule is
``sound_stream.Backlog``'s). Silence is never an error: without a player the bench stays
quiet, says so once in the log, and shows "Sound: off (no audio device)".
"""

from __future__ import annotations

import array
import logging
import math
import shutil
import sys
import threading
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from packstation.ui.station.sound_stream import (
    RATE,
    SILENCE,
    Clip,
    PipeSink,
    ProcessSink,
    Sink,
    SoundWriter,
)

log = logging.getLogger("packstation.sounds")

#: Shown as "Sound: off (no audio device)".
NO_DEVICE = "no audio device"


class Sound(StrEnum):
    GOOD = "good"
    ERROR = "error"
    COMPLETE = "complete"
    SHIPPED = "shipped"


#: Which sound wins a burst (``sound_stream.Backlog``): an error is always heard.
PRIORITY: dict[Sound, int] = {
    Sound.GOOD: 0,
    Sound.COMPLETE: 1,
    Sound.SHIPPED: 2,
    Sound.ERROR: 3,
}

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

    def close(self) -> None:
        """Stop playing for good: the runtime's shutdown ends the player's thread here."""


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

    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    with wave.open(str(partial), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm)
    os.replace(partial, path)


def read_wav(path: Path) -> bytes | None:
    """The PCM of a WAV file this module wrote, or None if it is not one (then render)."""
    try:
        with wave.open(str(path), "rb") as wav:
            if (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) != (1, 2, RATE):
                return None
            return wav.readframes(wav.getnframes())
    except (OSError, EOFError, wave.Error):
        return None


def sound_file(folder: Path, sound: Sound, volume: int) -> Path:
    """Where ``sound`` at ``volume`` is kept: rendered once per volume, then reused."""
    return folder / f"{sound.value}-{max(0, min(100, volume))}.wav"


@dataclass(frozen=True)
class Player:
    """A sound player command: fed PCM on its stdin (``stdin``), else given a WAV file.
    ``argv`` empty is Windows' ``winsound``."""

    argv: tuple[str, ...]
    stdin: bool = False
    #: Silence after each sound, in bytes (for a player that reads whole periods).
    tail: int = 0


#: aplay reads its standard input a period (25 ms) at a time: 50 ms of silence after a
#: sound plays its last period now rather than when the next sound comes.
_APLAY_TAIL = RATE // 20 * 2

#: By preference. pacat's 30 ms latency: a beep starts within about that of the scan.
_LINUX_PLAYERS = (
    Player(
        (
            "pacat",
            "--playback",
            "--raw",
            "--format=s16le",
            f"--rate={RATE}",
            "--channels=1",
            "--latency-msec=30",
            "--client-name=PackStation",
        ),
        stdin=True,
    ),
    Player(("pw-play",)),
    Player(
        (
            "aplay",
            "-q",
            "-t",
            "raw",
            "-f",
            "S16_LE",
            "-r",
            str(RATE),
            "-c",
            "1",
            "--buffer-time=100000",
            "--period-time=25000",
            "--start-delay=1",  # start at the first period, also after an underrun
            "-",
        ),
        stdin=True,
        tail=_APLAY_TAIL,
    ),
)


def find_player() -> Player | None:
    if sys.platform == "win32":
        return Player(())
    candidates = (Player(("afplay",)),) if sys.platform == "darwin" else _LINUX_PLAYERS
    for player in candidates:
        if shutil.which(player.argv[0]):
            return player
    log.info("no sound player found (pacat, pw-play, aplay); the bench stays silent")
    return None


class SystemSoundPlayer:
    def __init__(
        self,
        cache_dir: Path,
        enabled: bool = True,
        volume: int = 80,
        *,
        player: Player | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self._dir = cache_dir / "sounds"
        self._enabled = enabled
        self._volume = volume
        self._player = player if player is not None else find_player()
        self._ready = False
        self.problem: str | None = None if self._player is not None else NO_DEVICE
        #: The clips of the current volume, swapped whole by the worker.
        self._clips: dict[Sound, Clip] = {}
        #: Every volume's PCM rendered or read so far.
        self._pcm: dict[int, dict[Sound, bytes]] = {}
        #: The player's thread (none for Windows' winsound), started with the first volume.
        self._writer: SoundWriter | None = None
        if self._player is not None and self._player.argv:
            sink = self._sink(self._player)
            self._writer = SoundWriter(sink, self._on_problem, clock=clock or time.monotonic)
        #: Set by the runtime; rendering waits for it (nothing renders before the bench).
        self._worker: Worker | None = None
        self._wanted: int | None = None

    def _sink(self, player: Player) -> Sink:
        if player.stdin:
            return PipeSink(player.argv)
        return ProcessSink(player.argv, self._dir / "silence.wav")

    def _on_problem(self, failed: bool) -> None:
        self.problem = NO_DEVICE if failed else None

    def attach(self, worker: Worker) -> None:
        self._worker = worker
        if self._wanted is not None:
            wanted, self._wanted = self._wanted, None
            worker(lambda: self._prepare(wanted))

    def set_volume(self, enabled: bool, volume: int) -> None:
        """Read or render the tones at this volume on the runtime's worker, off the GUI
        thread; the first time, start the player there too.

        Each volume is rendered once and kept in the cache folder: a start, or a volume
        already used, renders nothing (rendering takes the interpreter about 18 ms,
        which start-up would otherwise share with building the window).
        """
        self._enabled = enabled
        if not enabled or self._player is None:
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
            pcm = self._pcm.get(volume) or self._load(volume)
        except OSError as exc:
            log.warning("cannot prepare sounds in %s: %s", self._dir, exc)
            self.problem = NO_DEVICE
            return
        self._pcm[volume] = pcm
        stream, tail = self._stream, bytes(self._player.tail if self._player else 0)
        self._clips = {
            sound: Clip(
                sound.value,
                PRIORITY[sound],
                pcm[sound] + tail,  # the tail counts in the burst rule: it is played too
                None if stream else sound_file(self._dir, sound, volume),
            )
            for sound in Sound
        }
        self._ready = volume == self._volume
        if self._writer is not None:
            self._writer.start()  # opens the player and probes it, on its own thread

    def _load(self, volume: int) -> dict[Sound, bytes]:
        self._dir.mkdir(parents=True, exist_ok=True)
        pcm: dict[Sound, bytes] = {}
        for sound in Sound:
            path = sound_file(self._dir, sound, volume)
            data = read_wav(path) if path.is_file() else None
            if data is None:
                data = render(sound, volume)
                write_wav(path, data)
            pcm[sound] = data
        if not self._stream:
            write_wav(self._dir / "silence.wav", SILENCE)  # what the player is probed with
        return pcm

    @property
    def _stream(self) -> bool:
        return self._player is not None and self._player.stdin

    def play(self, sound: Sound) -> None:
        """Queue ``sound`` (Linux, macOS) or start it asynchronously (Windows): the GUI
        thread neither starts a process nor writes to a pipe here."""
        if not (self._enabled and self._ready):
            return
        clip = self._clips[sound]
        if self._writer is not None:
            self._writer.offer(clip)
        elif self._player is not None and sys.platform == "win32":
            import winsound

            try:
                winsound.PlaySound(
                    str(clip.path),
                    winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT,
                )
            except (OSError, RuntimeError) as exc:
                log.info("could not play %s: %s", sound.value, exc)

    def close(self) -> None:
        """End the player and its thread (the runtime's shutdown); idempotent."""
        self._ready = False
        if self._writer is not None:
            self._writer.close()


class SilentPlayer:
    problem: str | None = None

    def play(self, sound: Sound) -> None:
        pass

    def set_volume(self, enabled: bool, volume: int) -> None:
        pass

    def attach(self, worker: Worker) -> None:
        pass

    def close(self) -> None:
        pass
