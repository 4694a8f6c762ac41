"""One player process for every scan, fed on its standard input by a thread of its own.

The player here is a real child process: a Python script that copies its standard
input to a loopback socket the test reads (and first says its pid). Waits are blocking
reads on that socket and joins, never sleeps; time for the burst rule is a clock the
test moves.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from packstation.ui.station.sound_stream import BYTES_PER_SECOND, SILENCE, Backlog
from packstation.ui.station.sounds import (
    NO_DEVICE,
    PRIORITY,
    Player,
    Sound,
    SystemSoundPlayer,
    render,
)
from tests.unit.clocks import FakeClock

_CHILD = r"""
import os, socket, sys
port, mode = int(sys.argv[1]), sys.argv[2]
link = socket.create_connection(("127.0.0.1", port))
link.sendall(os.getpid().to_bytes(4, "little"))
if mode == "hold":  # reads nothing until the test says so
    link.recv(1)
while data := sys.stdin.buffer.raw.read(65536):
    link.sendall(data)
"""

GOOD = render(Sound.GOOD, 80)
ERROR = render(Sound.ERROR, 80)


class Child:
    """One started player, as the test sees it: its pid and what it was fed."""

    def __init__(self, link: socket.socket) -> None:
        self.link = link
        self.pid = int.from_bytes(self.read(4), "little")

    def read(self, count: int) -> bytes:
        data = bytearray()
        while len(data) < count:
            chunk = self.link.recv(count - len(data))
            if not chunk:
                raise EOFError(f"the player ended after {len(data)} of {count} bytes")
            data += chunk
        return bytes(data)

    def read_to_end(self) -> bytes:
        data = bytearray()
        while chunk := self.link.recv(65536):
            data += chunk
        return bytes(data)


class Listener:
    """Where every started player reports: one connection per process."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(10)
        self.children: list[Child] = []

    def player(self, mode: str = "copy") -> Player:
        port = str(self.sock.getsockname()[1])
        return Player((sys.executable, "-c", _CHILD, port, mode), stdin=True)

    def accept(self) -> Child:
        link, _ = self.sock.accept()
        link.settimeout(10)
        self.children.append(Child(link))
        return self.children[-1]

    def more_started(self) -> bool:
        self.sock.setblocking(False)
        try:
            link, _ = self.sock.accept()
        except BlockingIOError:
            return False
        finally:
            self.sock.settimeout(10)
        link.close()
        return True

    def close(self) -> None:
        for child in self.children:
            child.link.close()
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def _inline(job: Callable[[], None]) -> None:
    job()


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Callable[..., SystemSoundPlayer]]:
    """A player with its tones ready (the worker runs inline), closed after the test."""
    players: list[SystemSoundPlayer] = []

    def open_(player: Player, clock: FakeClock) -> SystemSoundPlayer:
        sounds = SystemSoundPlayer(tmp_path, player=player, clock=clock.monotonic)
        players.append(sounds)
        sounds.attach(_inline)
        sounds.set_volume(True, 80)
        return sounds

    yield open_
    for sounds in players:
        sounds.close()


def _probed(sounds: SystemSoundPlayer) -> None:
    """Wait until the player has passed its start's probe (a kill before would fail it)."""
    writer = sounds._writer
    assert writer is not None
    assert writer.probed.wait(10)


def _sound_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name == "packstation-sound"]


def test_fifty_plays_start_one_process_fed_the_rendered_sound(
    listener: Listener, opened: Callable[..., SystemSoundPlayer]
) -> None:
    clock = FakeClock()
    sounds = opened(listener.player(), clock)
    child = listener.accept()
    assert child.read(len(SILENCE)) == SILENCE  # the probe: a moment of silence
    assert sounds.problem is None
    for _ in range(50):
        sounds.play(Sound.GOOD)
        assert child.read(len(GOOD)) == GOOD  # exactly the rendered PCM, nothing between
        clock.advance(1.0)

    sounds.close()
    assert child.read_to_end() == b""  # its input ended: the player exits
    assert not listener.more_started()  # one process for 50 sounds
    assert _sound_threads() == []
    sounds.play(Sound.GOOD)  # after close: nothing, and no thread again
    assert _sound_threads() == []


def test_a_burst_queues_no_more_than_the_bound_and_an_error_in_it_is_heard_promptly(
    listener: Listener, opened: Callable[..., SystemSoundPlayer]
) -> None:
    """1,000 good scans, 1 ms apart, with an error at the 500th: a second of scans
    beeps about a second, not 70 seconds, and the error waits behind at most the
    100 ms bound and one beep."""
    clock = FakeClock()
    sounds = opened(listener.player(), clock)
    child = listener.accept()
    child.read(len(SILENCE))
    start = clock.mono
    error_asked = 0.0
    for i in range(1000):
        if i == 500:
            error_asked = clock.mono - start
            sounds.play(Sound.ERROR)
        sounds.play(Sound.GOOD)
        clock.advance(0.001)
    sounds.close()
    fed = child.read_to_end()

    assert fed.count(ERROR) == 1
    burst, good_s = clock.mono - start, len(GOOD) / BYTES_PER_SECOND
    bound = (burst + Backlog.limit) * BYTES_PER_SECOND + len(GOOD) + len(ERROR)
    assert len(fed) <= bound
    assert fed.count(GOOD) <= 20  # of 1,000
    assert len(fed) >= burst * BYTES_PER_SECOND  # and it kept beeping through the burst
    error_starts = (fed.index(ERROR) - len(SILENCE)) / BYTES_PER_SECOND
    assert error_starts <= error_asked + Backlog.limit + good_s


def test_a_killed_player_is_started_again_by_the_next_sound(
    listener: Listener, opened: Callable[..., SystemSoundPlayer]
) -> None:
    clock = FakeClock()
    sounds = opened(listener.player(), clock)
    first = listener.accept()
    first.read(len(SILENCE))
    _probed(sounds)
    os.kill(first.pid, signal.SIGKILL)  # the sound server restarted, say
    assert first.read_to_end() == b""

    sounds.play(Sound.ERROR)
    second = listener.accept()
    assert second.read(len(SILENCE) + len(ERROR)) == SILENCE + ERROR
    assert sounds.problem is None


def test_a_player_that_dies_again_at_once_leaves_the_bench_without_a_device(
    listener: Listener, opened: Callable[..., SystemSoundPlayer], tmp_path: Path
) -> None:
    once = tmp_path / "started-once"
    python = listener.player().argv
    script = f'[ -e "{once}" ] && exit 1; touch "{once}"; exec "$@"'
    clock = FakeClock()
    sounds = opened(Player(("sh", "-c", script, "sh", *python), stdin=True), clock)
    first = listener.accept()
    first.read(len(SILENCE))
    _probed(sounds)
    os.kill(first.pid, signal.SIGKILL)
    first.read_to_end()

    sounds.play(Sound.ERROR)
    assert sounds._writer is not None
    assert sounds._writer.handled(10)
    assert sounds.problem == NO_DEVICE
    sounds.close()
    assert not listener.more_started()


def test_no_sound_server_is_no_device(opened: Callable[..., SystemSoundPlayer]) -> None:
    sounds = opened(Player(("false",), stdin=True), FakeClock())
    _probed(sounds)
    assert sounds.problem == NO_DEVICE
    sounds.play(Sound.ERROR)  # dropped: not tried again for 30 s
    sounds.close()
    assert sounds.problem == NO_DEVICE


def test_play_returns_while_the_player_reads_nothing(
    listener: Listener, opened: Callable[..., SystemSoundPlayer]
) -> None:
    """1,000 sounds (3 MB, more than any pipe holds) asked for while the player reads
    nothing: every play() returns; the sounds arrive once it reads again."""
    clock = FakeClock()
    sounds = opened(listener.player("hold"), clock)
    child = listener.accept()
    for _ in range(1000):
        sounds.play(Sound.GOOD)
        clock.advance(1.0)
    assert 1000 * len(GOOD) > int(Path("/proc/sys/fs/pipe-max-size").read_text())

    child.link.sendall(b"g")  # read now
    assert child.read(len(SILENCE) + 1000 * len(GOOD)) == SILENCE + GOOD * 1000


def test_close_ends_a_player_that_reads_nothing(
    listener: Listener, opened: Callable[..., SystemSoundPlayer]
) -> None:
    clock = FakeClock()
    sounds = opened(listener.player("hold"), clock)
    child = listener.accept()
    for _ in range(100):  # more than the pipe holds: the thread is blocked writing
        sounds.play(Sound.ERROR)
        clock.advance(1.0)
    sounds.close()
    assert _sound_threads() == []
    child.read_to_end()  # the process is gone (killed while it read nothing)


def test_the_burst_rule() -> None:
    clock = FakeClock()
    backlog = Backlog(clock.monotonic)
    good, error = PRIORITY[Sound.GOOD], PRIORITY[Sound.ERROR]
    shipped = PRIORITY[Sound.SHIPPED]
    assert backlog.admit(good, 0.07)
    assert backlog.admit(good, 0.07)  # 70 ms pending: not yet over the bound
    assert not backlog.admit(good, 0.07)  # 140 ms pending, a good beep among it
    assert backlog.admit(shipped, 0.33)  # more important than what is pending
    assert backlog.admit(error, 0.49)
    assert not backlog.admit(error, 0.49)  # an error is already waiting
    assert not backlog.admit(shipped, 0.33)
    clock.advance(0.07 * 2 + 0.33 + 0.49 - Backlog.limit + 0.001)  # 99 ms left
    assert backlog.admit(good, 0.07)
    clock.advance(10)
    assert backlog.admit(good, 0.07)


@pytest.mark.usefixtures("qapp")
def test_the_runtime_shutdown_ends_the_player_and_its_thread(
    listener: Listener, tmp_path: Path
) -> None:
    from packstation.config import Paths, Settings
    from packstation.credentials import TokenStore
    from packstation.store.station import StationStore
    from packstation.ui.station.runtime import StationRuntime
    from packstation.ui.station.services import Services
    from tests.helpers.fakes import MemoryKeyring

    paths = Paths.default(tmp_path / "station")
    sounds = SystemSoundPlayer(paths.cache_dir, player=listener.player())
    services = Services(
        settings=Settings(),
        paths=paths,
        store=StationStore(paths.database),
        tokens=TokenStore(MemoryKeyring()),
        sound=sounds,
    )
    runtime = StationRuntime(services)
    try:
        sounds.set_volume(True, 80)  # as apply_settings does: ready on the background worker
        child = listener.accept()
        assert child.read(len(SILENCE)) == SILENCE
        runtime.shutdown()
        assert runtime.wait_for_workers()
        assert child.read_to_end() == b""
        assert _sound_threads() == []
    finally:
        runtime.shutdown()
        services.store.close()
