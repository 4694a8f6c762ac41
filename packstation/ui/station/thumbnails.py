"""Product thumbnails: fetched off the GUI thread, cached on disk, never trusted blindly.

Only https, or http to loopback (the sandbox), is fetched; replies over 2 MiB are
refused; anything that fails shows a neutral placeholder. Images are decoded and
scaled on the worker as QImage (safe off the GUI thread, unlike QPixmap), decoded
straight to thumbnail size (a large photo is never held whole), and at most
:data:`MEMORY_ITEMS` thumbnails are kept in memory, least recently shown first out (a
1,000-line order of distinct products stays within a few MiB; the disk cache has them).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

from packstation.redo.urls import is_loopback_host
from packstation.ui.station.tasks import TaskRunner

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("packstation.thumbnails")

SIZE = 64
MAX_BYTES = 2 * 1024 * 1024
#: Thumbnails kept decoded (16 KiB each at 64 x 64): far more than a screen shows.
MEMORY_ITEMS = 400


def allowed(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return True
    return (
        parts.scheme == "http" and bool(parts.hostname) and is_loopback_host(parts.hostname or "")
    )


def placeholder(size: int = SIZE) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#e9e6df"))
    painter = QPainter(image)
    painter.setPen(QColor("#b5b0a5"))
    painter.drawRect(size // 4, size // 4, size // 2, size // 2)
    painter.drawLine(size // 4, size // 4, 3 * size // 4, 3 * size // 4)
    painter.end()
    return image


#: The product photo formats decoded, by their first bytes.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", b"png"),
    (b"\xff\xd8\xff", b"jpeg"),
    (b"GIF87a", b"gif"),
    (b"GIF89a", b"gif"),
    (b"BM", b"bmp"),
)


def image_format(data: bytes) -> bytes | None:
    """The format of an image by its first bytes (PNG, JPEG, GIF, WebP, BMP), or None."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return b"webp"
    return next((name for magic, name in _MAGIC if data.startswith(magic)), None)


def decode_small(data: bytes, size: int = SIZE) -> QImage:
    """The image in ``data`` fitted into ``size`` x ``size``, decoded at that size where
    the format allows (JPEG decodes at 1/2, 1/4, 1/8 directly): never the whole photo.

    The format is told, never probed: probing asks every image plugin, and the SVG one
    builds a ``QTextStream``, whose signal connection takes a lock of Qt's that the GUI
    thread may hold while it waits for the interpreter this thread holds (a deadlock seen
    in the test suite). Anything but the formats above is no thumbnail.
    """
    fmt = image_format(data)
    if fmt is None:
        return QImage()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(fmt))
    reader.setAutoDetectImageFormat(False)
    full = reader.size()
    if full.isValid() and (full.width() > size or full.height() > size):
        reader.setScaledSize(full.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull() or (image.width() <= size and image.height() <= size):
        return image
    return image.scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class ThumbnailLoader(QObject):
    """``request(url)``; ``loaded(url, QImage)`` follows on the GUI thread."""

    loaded = Signal(str, QImage)

    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dir = cache_dir / "thumbnails"
        self._runner = TaskRunner("images", workers=2, parent=self)
        self._memory: OrderedDict[str, QImage] = OrderedDict()
        self._asked: set[str] = set()
        # Made on a worker at the first fetch, one for https and one for loopback http:
        # a TLS context is slow to build, and loopback needs no trusted roots.
        self._http: dict[bool, httpx.Client] = {}
        self._http_lock = threading.Lock()
        self._closed = False
        self.placeholder = placeholder()

    def image(self, url: str | None) -> QImage | None:
        """The image if it is ready; otherwise None, and it is fetched in the background."""
        if not url:
            return None
        image = self._memory.get(url)
        if image is not None:
            self._memory.move_to_end(url)
            return image
        if url not in self._asked:
            self._asked.add(url)
            self._runner.submit(
                lambda: self._fetch(url),
                lambda image: self._store(url, image),
                lambda exc: self._store(url, self.placeholder),
            )
        return None

    def _store(self, url: str, image: QImage) -> None:
        self._memory[url] = image
        self._memory.move_to_end(url)
        while len(self._memory) > MEMORY_ITEMS:
            evicted, _ = self._memory.popitem(last=False)
            self._asked.discard(evicted)  # shown again: read again from the disk cache
        self.loaded.emit(url, image)

    def _fetch(self, url: str) -> QImage:
        if not allowed(url):
            log.info("thumbnail refused (not https or loopback): %s", url)
            return self.placeholder
        path = self._dir / (hashlib.sha256(url.encode()).hexdigest() + ".img")
        data: bytes | None = None
        if path.is_file():
            data = path.read_bytes()
        else:
            data = self._download(url)
            if data:
                self._dir.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        image = decode_small(data) if data else QImage()
        return self.placeholder if image.isNull() else image

    def _client(self, url: str) -> httpx.Client:
        import httpx

        from packstation.redo.transport import ssl_context

        tls = urlsplit(url).scheme == "https"
        with self._http_lock:
            if self._closed:
                raise httpx.TransportError("the window is closing")
            client = self._http.get(tls)
            if client is None:
                # The API client's context: verifying, and never logging TLS secrets.
                client = self._http[tls] = httpx.Client(
                    timeout=httpx.Timeout(10.0),
                    follow_redirects=False,
                    trust_env=False,
                    verify=ssl_context(trusted_roots=tls),
                )
            return client

    def _download(self, url: str) -> bytes | None:
        from packstation.redo import http_stack

        http_stack.load()
        import httpx

        try:
            with self._client(url).stream("GET", url) as response:
                if response.status_code != 200:
                    return None
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_BYTES:
                        log.info("thumbnail too large, refused: %s", url)
                        return None
                    chunks.append(chunk)
                return b"".join(chunks)
        except httpx.HTTPError as exc:
            log.info("thumbnail failed %s: %s", url, type(exc).__name__)
            return None

    def shutdown(self) -> None:
        """Stop fetching without waiting for a slow image server.

        No new download starts; one in flight ends by itself (within the 10 s timeout)
        and its connection is closed after it, on a short-lived thread. Closing the
        sockets under a download would not stop it sooner: a blocked read is not woken
        by another thread closing its socket.
        """
        with self._http_lock:
            self._closed = True
        self._runner.shutdown(wait=False)
        threading.Thread(
            target=self._close_when_idle, name="packstation-images-close", daemon=True
        ).start()

    def join(self, timeout: float) -> bool:
        """After ``shutdown``: wait at most ``timeout`` for downloads in flight to end."""
        return self._runner.join(timeout)

    def _close_when_idle(self) -> None:
        self._runner.join()
        with self._http_lock:
            clients, self._http = list(self._http.values()), {}
        for client in clients:
            client.close()
