"""Thumbnails stay small: decoded at thumbnail size, and only so many kept in memory."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from packstation.ui.station import thumbnails
from packstation.ui.station.thumbnails import ThumbnailLoader, decode_small


def _jpeg(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG")
    return bytes(data.data())


def test_a_large_photo_is_decoded_at_thumbnail_size() -> None:
    image = decode_small(_jpeg(3000, 1500))
    assert (image.width(), image.height()) == (64, 32)


def test_a_small_image_is_not_enlarged() -> None:
    image = decode_small(_jpeg(40, 20))
    assert (image.width(), image.height()) == (40, 20)


def test_not_an_image_decodes_to_nothing() -> None:
    assert decode_small(b"<html>").isNull()


def test_memory_keeps_the_most_recently_shown_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(thumbnails, "MEMORY_ITEMS", 2)
    loader = ThumbnailLoader(tmp_path)
    small = QImage(8, 8, QImage.Format.Format_RGB32)
    for name in ("a", "b"):
        loader._store(f"https://img.example/{name}", small)
    assert loader.image("https://img.example/a") is small  # a is now the most recent
    loader._store("https://img.example/c", small)
    assert sorted(loader._memory) == ["https://img.example/a", "https://img.example/c"]
    assert "https://img.example/b" not in loader._asked
    loader.shutdown()


def test_images_use_the_verifying_context_that_logs_no_tls_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSLKEYLOGFILE", str(tmp_path / "keys.log"))
    loader = ThumbnailLoader(tmp_path)
    contexts = {
        url: loader._client(url)._transport._pool._ssl_context  # type: ignore[attr-defined]
        for url in ("https://img.example/a.jpg", "http://127.0.0.1:9/a.jpg")
    }
    loader.shutdown()
    assert loader.join(60)
    for context in contexts.values():
        assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
        assert context.keylog_filename is None
    assert contexts["https://img.example/a.jpg"].cert_store_stats()["x509_ca"] > 100
    assert contexts["http://127.0.0.1:9/a.jpg"].cert_store_stats()["x509_ca"] == 0
