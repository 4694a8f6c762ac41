"""One PackStation per station: a lock on the data folder, and a line to the running one.

Two copies on one data folder would both open the same order and both pack it (with
``--demo`` each would even start its own sandbox and ship the same box). Qt's
``QLockFile`` takes the lock (a copy killed without cleaning up leaves a stale lock that
the next start recognises by its process ID); a ``QLocalServer`` named after the folder
lets a second launch ask the running window to come forward before it exits.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("packstation.instance")

_RAISE = b"raise\n"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"packstation-{digest}"


class SingleInstance(QObject):
    """``acquire()`` first; the holder ``listen()``s, a second launch ``hand_over()``s."""

    #: A second launch asked this one to come forward.
    activated = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._name = server_name(data_dir)
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None

    def acquire(self, wait_ms: int = 300) -> bool:
        """Take the station's lock; False if another running PackStation holds it."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self.data_dir / "packstation.lock"))
        # Only a live process keeps the lock: a stale one (its process gone) is taken over.
        lock.setStaleLockTime(0)
        if not lock.tryLock(wait_ms):
            return False
        self._lock = lock
        return True

    def listen(self) -> None:
        server = QLocalServer(self)
        # A server file left by a killed copy would make listen() fail: we hold the lock,
        # so whatever is there is stale.
        QLocalServer.removeServer(self._name)
        if not server.listen(self._name):
            log.warning("cannot listen for a second launch: %s", server.errorString())
            return
        server.newConnection.connect(self._connected)
        self._server = server

    def _connected(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_RAISE.strip()):
            log.info("a second launch asked this window to come forward")
            self.activated.emit()
        socket.disconnectFromServer()

    def hand_over(self, timeout_ms: int = 2000) -> bool:
        """Ask the running PackStation to bring its window forward; True if it heard."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(_RAISE)
        sent = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return sent

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
