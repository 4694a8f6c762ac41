"""One PackStation per station: a lock on the data folder, and a line to the running one.

Two copies on one data folder would both open the same order and both pack it (with
``--demo`` each would even start its own sandbox and ship the same box). Qt's
``QLockFile`` takes the lock (a copy killed without cleaning up leaves a stale lock that
the next start recognises by its process ID); a ``QLocalServer`` named after the folder
lets a second launch ask the running window to come forward before it exits.

The server is reachable by any local process, so it holds nothing for long: at most
:data:`MOST_HAND_OVERS` connections at once (others are closed at once), each closed
after :data:`HAND_OVER_MS` whatever it sent, each read at most :data:`MOST_BYTES`.

The name is predictable, so another user can listen under it first. The holder then
cannot listen (``listen()`` says so, and emits :attr:`SingleInstance.unreachable`),
and a second launch must not believe whoever answers: the holder writes a random
proof into the data folder (readable by this user only) and answers a hand-over with
it; the second launch claims success only when the answer is that proof.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import secrets
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

# QtNetwork (about 15 ms to load) is imported where the server or a socket is made: the
# lock is taken before the window first shows, the server listens behind it.

log = logging.getLogger("packstation.instance")

_RAISE = b"raise"
#: Hand-overs served at once: a second launch needs one, a few cover a double click.
MOST_HAND_OVERS = 4
#: A hand-over's connection is closed this long after it opened, whatever it sent.
HAND_OVER_MS = 1500
#: The most a hand-over reads (the request; the answer's proof).
MOST_BYTES = 64
LOCK_FILE = "packstation.lock"
PROOF_FILE = "packstation.instance"
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"packstation-{digest}"


class LockFileLinkError(OSError):
    """The station's lock file is a symbolic link: refused, never followed or removed."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.ELOOP, "the station's lock file is a symbolic link", str(path))
        self.path = path


class SingleInstance(QObject):
    """``acquire()`` first; the holder ``listen()``s, a second launch ``hand_over()``s."""

    #: A second launch asked this one to come forward.
    activated = Signal()
    #: ``listen()`` failed: a second launch cannot reach this window (Qt's words).
    unreachable = Signal(str)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._name = server_name(data_dir)
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None
        self._listened = False
        self._proof = b""
        self._open: dict[QLocalSocket, bytearray] = {}

    @property
    def lock_path(self) -> Path:
        return self.data_dir / LOCK_FILE

    @property
    def open_hand_overs(self) -> int:
        """Connections of second launches held now (at most :data:`MOST_HAND_OVERS`)."""
        return len(self._open)

    def acquire(self, wait_ms: int = 300) -> bool:
        """Take the station's lock; False if another running PackStation holds it.

        Raises :class:`LockFileLinkError` when the lock file is a symbolic link: Qt would
        take it for a lock it cannot read and refuse every start from then on.
        """
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.lock_path.is_symlink():
            raise LockFileLinkError(self.lock_path)
        lock = QLockFile(str(self.lock_path))
        # Only a live process keeps the lock: a stale one (its process gone) is taken over.
        lock.setStaleLockTime(0)
        if not lock.tryLock(wait_ms):
            return False
        self._lock = lock
        return True

    def listen(self) -> bool:
        """Answer second launches from now on; False (said in the log and through
        :attr:`unreachable`) when they cannot reach this window. Once is enough."""
        if self._listened:
            return self._server is not None
        self._listened = True
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        # Other users cannot connect; the name can still be taken by them (see above).
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.setMaxPendingConnections(MOST_HAND_OVERS)
        # A server file left by a killed copy would make listen() fail: we hold the lock,
        # so whatever is there is stale, unless another user's (which cannot be removed).
        QLocalServer.removeServer(self._name)
        problem = "" if server.listen(self._name) else server.errorString()
        if not problem:
            try:
                self._proof = self._write_proof()
            except OSError as exc:
                server.close()
                problem = f"cannot write {self.data_dir / PROOF_FILE}: {exc.strerror or exc}"
        if problem:
            with contextlib.suppress(OSError):
                (self.data_dir / PROOF_FILE).unlink()  # a killed run's: nobody may answer with it
            log.warning(
                "cannot listen for a second launch as %s (%s): a second launch cannot bring "
                "this window forward",
                self._name,
                problem,
            )
            self.unreachable.emit(problem)
            return False
        server.newConnection.connect(self._connected)
        self._server = server
        return True

    def _write_proof(self) -> bytes:
        """A new random proof in the data folder, readable by this user only."""
        path = self.data_dir / PROOF_FILE
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # ours from a killed run (we hold the lock); a link goes, not its target
        proof = secrets.token_hex(16).encode("ascii")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o600)
        with open(fd, "wb") as out:
            out.write(proof)
        return proof

    def _connected(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            if len(self._open) >= MOST_HAND_OVERS:
                socket.abort()
                socket.deleteLater()
                continue
            self._open[socket] = bytearray()
            socket.setReadBufferSize(MOST_BYTES)
            timer = QTimer(socket)  # dies with the socket
            timer.setSingleShot(True)
            timer.timeout.connect(lambda s=socket: self._close(s))
            timer.start(HAND_OVER_MS)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._close(s, abort=False))

    def _read(self, socket: QLocalSocket) -> None:
        received = self._open.get(socket)
        if received is None:
            return
        received += bytes(socket.read(MOST_BYTES + 1 - len(received)).data())
        line, newline, _ = bytes(received).partition(b"\n")
        if not newline:
            if len(received) > MOST_BYTES:
                self._close(socket)
            return
        if line != _RAISE:
            self._close(socket)
            return
        log.info("a second launch asked this window to come forward")
        self.activated.emit()
        socket.write(self._proof + b"\n")
        socket.flush()
        self._open.pop(socket, None)
        socket.disconnectFromServer()  # after the proof is written; the timer still bounds it

    def _close(self, socket: QLocalSocket, abort: bool = True) -> None:
        self._open.pop(socket, None)
        if abort:
            socket.abort()
        socket.deleteLater()

    def hand_over(self, timeout_ms: int = 2000) -> bool:
        """Ask the running PackStation to bring its window forward; True only when the
        holder of this station's lock answered with its proof."""
        deadline = time.monotonic() + timeout_ms / 1000

        def left() -> int:
            return max(0, int((deadline - time.monotonic()) * 1000))

        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        try:
            socket.connectToServer(self._name)
            if not socket.waitForConnected(left()):
                return False
            socket.write(_RAISE + b"\n")
            if not socket.waitForBytesWritten(left()):
                return False
            answer = b""
            while b"\n" not in answer and len(answer) <= MOST_BYTES:
                if not socket.bytesAvailable() and not socket.waitForReadyRead(left()):
                    break
                answer += bytes(socket.read(MOST_BYTES + 1 - len(answer)).data())
        finally:
            socket.abort()
        proof = self._read_proof()
        line, newline, _ = answer.partition(b"\n")
        return bool(newline and proof) and secrets.compare_digest(line, proof)

    def _read_proof(self) -> bytes:
        """The running holder's proof, or b"" when there is none to read."""
        try:
            fd = os.open(self.data_dir / PROOF_FILE, os.O_RDONLY | _NO_FOLLOW)
        except OSError:
            return b""
        with open(fd, "rb") as source:
            return source.read(MOST_BYTES).strip()

    def release(self) -> None:
        if self._server is not None:
            from PySide6.QtNetwork import QLocalSocket

            # Every hand-over still open, answered or not, and its timer, ends here.
            for socket in self._server.findChildren(QLocalSocket):
                self._close(socket)
            self._server.close()
            self._server = None
            with contextlib.suppress(OSError):
                (self.data_dir / PROOF_FILE).unlink()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
