"""The single-instance lock and socket against real local sockets: bounded, honest, unfooled."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from pytestqt.qtbot import QtBot

from packstation.ui.single_instance import (
    HAND_OVER_MS,
    MOST_HAND_OVERS,
    LockFileLinkError,
    SingleInstance,
    server_name,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix local sockets")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def holder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> Iterator[SingleInstance]:
    """The running bench's side: the lock taken; listening is up to the test."""
    # Qt puts the socket in TMPDIR: each test gets its own, and a squatter can be planted.
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    instance = SingleInstance(tmp_path / "station")
    assert instance.acquire()
    try:
        yield instance
    finally:
        instance.release()


def _socket_path(data_dir: Path) -> str:
    return f"{QDir.tempPath()}/{server_name(data_dir)}"


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def _closed(sock: socket.socket) -> bool:
    try:
        return sock.recv(1024, socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts /proc/self/fd")
def test_connections_are_capped_and_time_out(holder: SingleInstance, qtbot: QtBot) -> None:
    assert holder.listen()
    before = _open_descriptors()
    clients = []
    try:
        for _ in range(20):
            client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            client.connect(_socket_path(holder.data_dir))
            clients.append(client)
        # Beyond the cap, a connection is closed as soon as the bench sees it.
        qtbot.waitUntil(
            lambda: sum(_closed(c) for c in clients) >= len(clients) - MOST_HAND_OVERS,
        )
        kept = _open_descriptors() - before - len(clients)
        assert kept <= MOST_HAND_OVERS
        # The ones it kept say nothing: each is closed after HAND_OVER_MS.
        qtbot.waitUntil(lambda: all(_closed(c) for c in clients), timeout=HAND_OVER_MS + 5000)
        qtbot.waitUntil(lambda: _open_descriptors() - before - len(clients) <= 0)
    finally:
        for client in clients:
            client.close()


def test_a_flood_of_bytes_is_cut_at_once(holder: SingleInstance, qtbot: QtBot) -> None:
    assert holder.listen()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.connect(_socket_path(holder.data_dir))
        client.sendall(b"x" * 4096)
        with qtbot.assertNotEmitted(holder.activated, wait=0):
            qtbot.waitUntil(lambda: _closed(client), timeout=HAND_OVER_MS - 500)


def test_a_second_launch_is_answered_with_the_holders_proof(
    holder: SingleInstance, qtbot: QtBot
) -> None:
    assert holder.listen()
    # Another process, as a second launch is: its blocking waits must not hold this
    # process's interpreter while the bench answers.
    second = subprocess.Popen(
        [sys.executable, "-c", _SECOND_LAUNCH, str(holder.data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        with qtbot.waitSignal(holder.activated, timeout=20_000):
            pass
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
        out, err = second.communicate()
    finally:
        if second.poll() is None:
            second.kill()
            second.communicate()
    assert out.strip() == "handed over: True", err


_SECOND_LAUNCH = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from packstation.ui.single_instance import SingleInstance
app = QCoreApplication([])
second = SingleInstance(Path(sys.argv[1]))
assert not second.acquire(wait_ms=0)
print("handed over:", second.hand_over(timeout_ms=10_000), flush=True)
"""


_SQUATTER = """
import socket, sys
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(sys.argv[1])
server.listen(1)
print("listening", flush=True)
conn, _ = server.accept()
conn.settimeout(10)
heard = conn.recv(64)
try:
    conn.sendall(sys.argv[2].encode())
except OSError:
    pass
print(repr(heard), flush=True)
"""


@pytest.mark.parametrize("answer", ["", "ok\n", "0" * 32 + "\n"])
def test_a_squatter_that_answers_is_not_taken_for_the_bench(
    holder: SingleInstance, answer: str
) -> None:
    """Another program (another user's, in life) listens under the station's name."""
    squatter = subprocess.Popen(
        [sys.executable, "-c", _SQUATTER, _socket_path(holder.data_dir), answer],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert squatter.stdout is not None
        assert squatter.stdout.readline().strip() == "listening"
        second = SingleInstance(holder.data_dir)
        assert not second.acquire(wait_ms=0)
        assert second.hand_over(timeout_ms=1000) is False
        heard, _ = squatter.communicate(timeout=20)
    finally:
        if squatter.poll() is None:
            squatter.kill()
            squatter.communicate()
    assert heard.strip() == repr(b"raise\n")


@pytest.mark.expected_log("cannot listen for a second launch")
def test_a_name_that_cannot_be_taken_is_said(holder: SingleInstance, qtbot: QtBot) -> None:
    # Something the bench cannot remove holds the name (as another user's socket would).
    blocker = Path(_socket_path(holder.data_dir))
    blocker.mkdir()
    (blocker / "kept").write_text("not ours", "utf-8")
    with qtbot.waitSignal(holder.unreachable) as said:
        assert holder.listen() is False
    assert said.args and said.args[0]
    assert holder.listen() is False  # asked again: the same answer, said once
    second = SingleInstance(holder.data_dir)
    assert second.hand_over(timeout_ms=500) is False


def test_a_symlinked_lock_file_is_refused_by_name(tmp_path: Path) -> None:
    station = tmp_path / "station"
    station.mkdir()
    lock = station / "packstation.lock"
    lock.symlink_to(tmp_path / "nowhere")
    with pytest.raises(LockFileLinkError) as refused:
        SingleInstance(station).acquire(wait_ms=0)
    assert refused.value.path == lock
    assert lock.is_symlink()  # refused, not removed: it is not PackStation's to delete
