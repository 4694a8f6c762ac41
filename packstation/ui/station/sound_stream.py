"""The bench's sounds played off the GUI thread, by one player process that stays up.

Starting a player per scan (``paplay file.wav``) cost the GUI thread a fork and exec and
the machine a process start on every scan, inside the time from scan to repaint. Here the
GUI thread only puts the sound on a queue (:meth:`SoundWriter.offer`); one thread of its
own, ``packstation-sound``, hands it to a :class:`PipeSink`: one long-lived player reading
raw PCM on its standard input (``pacat``, ``aplay``), started once and started again after
it dies (a sound server restarted). Where no player reads a stream (``afplay`` on macOS;
``pw-cat`` 0.3 has no raw mode on standard input), a :class:`ProcessSink` still starts a
process per sound, but on that thread, never on the GUI thread.

A write to the pipe may block (a player that stopped reading): only that thread waits;
:meth:`SoundWriter.close` ends the player and the thread in a bounded time.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

log = logging.getLogger("packstation.sounds")

RATE = 22050
#: Bytes of one second of the 16-bit mono PCM the players are fed.
BYTES_PER_SECOND = RATE * 2
#: What a player is probed with when it starts: 20 ms of silence.
SILENCE = bytes(BYTES_PER_SECOND // 50)


@dataclass(frozen=True, slots=True)
class Clip:
    """A sound ready to play: its PCM (for a stream) and its WAV file (for a process)."""

    name: str
    #: Higher is more important: ERROR > SHIPPED > COMPLETE > GOOD.
    priority: int
    pcm: bytes
    path: Path | None = None

    @property
    def seconds(self) -> float:
        return len(self.pcm) / BYTES_PER_SECOND


class Backlog:
    """The burst rule: what is still to be heard, and whether a new sound joins it.

    The audio already handed to the player is assumed to play in real time from the
    moment it was handed over. A sound is **skipped** when more than
    :attr:`limit` (100 ms) of that audio is still to be heard *and* a sound of the same
    or higher priority (ERROR > SHIPPED > COMPLETE > GOOD) is among it; otherwise it is
    queued behind it. So in a burst of good scans the beeps play back to back, at most
    one beep and 100 ms behind the scans, instead of queueing for minutes; an error
    always joins (unless an error is already waiting), at most 100 ms plus one sound
    after it was asked for; a shipment's fanfare is not cut by the good scan before it.

    Used by one thread only (the GUI thread's :meth:`SoundWriter.offer`).
    """

    limit = 0.1

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        #: When the audio handed over so far ends, by ``clock``.
        self._ends = 0.0
        #: (priority, end) of each sound not yet heard to its end.
        self._pending: list[tuple[int, float]] = []

    def admit(self, priority: int, seconds: float) -> bool:
        now = self._clock()
        self._pending = [p for p in self._pending if p[1] > now]
        if self._ends - now > self.limit and any(p >= priority for p, _ in self._pending):
            return False
        self._ends = max(self._ends, now) + seconds
        self._pending.append((priority, self._ends))
        return True


class Sink(Protocol):
    """A way to play clips; every method runs on the writer thread, ``kill`` on any."""

    def open(self) -> bool:
        """Start the player and check it can play here; False if it cannot."""

    def alive(self) -> bool: ...

    def play(self, clip: Clip) -> bool:
        """Hand ``clip`` over; False if the player has died."""

    def close(self) -> None:
        """End the player: what was handed over may finish, briefly."""

    def kill(self) -> None:
        """End the player now, from any thread (a write to it may be blocked)."""


def _quiet(argv: Sequence[str], stdin: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - a fixed player command
        list(argv),
        stdin=stdin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        bufsize=0,
    )


def _end(process: subprocess.Popen[bytes], grace: float) -> None:
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class PipeSink:
    """One long-lived player fed raw 16-bit mono PCM at :data:`RATE` on its stdin.

    It is probed when it starts: 20 ms of silence, then ``settle`` seconds to see that
    it stays up (a player with no sound server or device exits at once).
    """

    def __init__(self, argv: Sequence[str], *, settle: float = 0.3) -> None:
        self._argv = tuple(argv)
        self._settle = settle
        self._process: subprocess.Popen[bytes] | None = None

    def open(self) -> bool:
        self._discard()
        try:
            process = self._process = _quiet(self._argv, subprocess.PIPE)
            self._write(SILENCE)
        except OSError as exc:
            log.info("cannot start %s: %s", self._argv[0], exc)
            self._discard()
            return False
        try:
            code = process.wait(self._settle)
        except subprocess.TimeoutExpired:
            return True
        log.info("%s cannot play here (exit %d)", self._argv[0], code)
        self._discard()
        return False

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def play(self, clip: Clip) -> bool:
        try:
            self._write(clip.pcm)
        except OSError:  # BrokenPipeError: it died (the sound server went away)
            return False
        return True

    def _write(self, data: bytes) -> None:
        process = self._process
        if process is None or process.stdin is None:
            raise BrokenPipeError
        view = memoryview(data)
        while view:
            view = view[process.stdin.write(view) or 0 :]

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()  # end of input: the player plays what it has, then exits
        _end(process, 0.5)

    def kill(self) -> None:
        # Only the signal: a write blocked on the pipe then fails on the writer thread,
        # which owns the pipe and reaps the process.
        process = self._process
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()

    def _discard(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(OSError):
            process.kill()
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        process.wait()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None


class ProcessSink:
    """A player started per sound with the clip's WAV file (``afplay``, ``pw-play``)."""

    def __init__(self, argv: Sequence[str], silence: Path) -> None:
        self._argv = tuple(argv)
        self._silence = silence
        self._children: list[subprocess.Popen[bytes]] = []
        self._lock = threading.Lock()
        self._ok = False

    def open(self) -> bool:
        """Play a moment of silence: a player with no sound server or device fails at once."""
        try:
            code = subprocess.run(  # noqa: S603 - a fixed player, our own file
                [*self._argv, str(self._silence)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=5,
                check=False,
            ).returncode
        except (OSError, subprocess.SubprocessError) as exc:
            log.info("sound check failed: %s", exc)
            self._ok = False
            return False
        if code != 0:
            log.info("%s cannot play here (exit %d)", self._argv[0], code)
        self._ok = code == 0
        return self._ok

    def alive(self) -> bool:
        return self._ok

    def play(self, clip: Clip) -> bool:
        try:
            child = _quiet([*self._argv, str(clip.path)], subprocess.DEVNULL)
        except OSError as exc:
            log.info("could not play %s: %s", clip.name, exc)
            return False
        with self._lock:
            self._children = [c for c in self._children if c.poll() is None]
            self._children.append(child)
        return True

    def close(self) -> None:
        with self._lock:
            children, self._children = self._children, []
        for child in children:
            _end(child, 1.0)

    def kill(self) -> None:
        with self._lock:
            children = list(self._children)
        for child in children:
            if child.poll() is None:
                with contextlib.suppress(OSError):
                    child.kill()


_STOP = object()


class SoundWriter:
    """The one thread that plays: the GUI thread offers, this thread hands to the sink.

    Not a daemon: :meth:`close` (the runtime's shutdown) ends the player and joins the
    thread. Should the program end without it, the thread notices the main thread is
    gone within a second and ends the player itself.

    The player is opened when the thread starts. If it has died when a sound comes, it
    is started again; a player that fails its start (or dies again under the next
    write) leaves the bench silent and says so (``on_problem(NO_DEVICE)``) until a sound
    comes :attr:`retry_after` seconds later, which tries once more.
    """

    retry_after = 30.0

    def __init__(
        self,
        sink: Sink,
        on_problem: Callable[[bool], None],
        *,
        name: str = "packstation-sound",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sink = sink
        self._on_problem = on_problem
        self._name = name
        self._clock = clock
        self._backlog = Backlog(clock)
        self._queue: queue.SimpleQueue[Clip | object] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._failed_at: float | None = None
        #: Set once the first player has been started and probed, well or not.
        self.probed = threading.Event()

    def start(self) -> None:
        """Start the thread (and so the player) if it is not running; from any thread."""
        with self._lock:
            if self._thread is not None or self._closed:
                return
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=False)
            self._thread.start()

    def offer(self, clip: Clip) -> bool:
        """Queue ``clip`` unless the burst rule (:class:`Backlog`) skips it; never blocks."""
        if self._closed or not self._backlog.admit(clip.priority, clip.seconds):
            return False
        if self._thread is None:
            self.start()
        self._queue.put(clip)
        return True

    def handled(self, timeout: float) -> bool:
        """Wait until what was offered before is handled (for tests and tools); False
        if the thread is not running or ``timeout`` passed."""
        done = threading.Event()
        with self._lock:
            if self._thread is None or self._closed:
                return False
            self._queue.put(done)
        return done.wait(timeout)

    def close(self, grace: float = 1.0) -> None:
        """End the player and the thread; idempotent. A player that stopped reading
        (the thread blocked writing to it) is killed after ``grace`` seconds."""
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is None:
            return
        self._queue.put(_STOP)
        thread.join(grace)
        if thread.is_alive():
            self.sink.kill()
            thread.join()

    # ------------------------------------------------------------------ the thread

    def _run(self) -> None:
        try:
            self._open()
            self.probed.set()
            while (item := self._next()) is not _STOP:
                if isinstance(item, Clip):
                    self._play(item)
                elif isinstance(item, threading.Event):
                    item.set()
        except Exception:  # a bug never leaves a dead thread behind a live player
            log.exception("the sound thread failed")
        finally:
            self.probed.set()
            self.sink.close()

    def _next(self) -> object:
        while True:
            try:
                return self._queue.get(timeout=1.0)
            except queue.Empty:
                if not threading.main_thread().is_alive():
                    return _STOP

    def _open(self) -> bool:
        ok = self.sink.open()
        self._failed_at = None if ok else self._clock()
        self._on_problem(not ok)
        return ok

    def _play(self, clip: Clip) -> None:
        # Closing plays what was queued before, but never starts a player again (it
        # may have been killed under a blocked write).
        if not self.sink.alive():
            failed = self._failed_at
            if self._closed or (failed is not None and self._clock() - failed < self.retry_after):
                return
            log.info("the sound player has ended; starting it again")
            if not self._open():
                return
        if self.sink.play(clip) or self._closed:
            return
        log.info("the sound player died; starting it again")
        if self._open() and not self.sink.play(clip):
            self.sink.kill()
            self._failed_at = self._clock()
            self._on_problem(True)
