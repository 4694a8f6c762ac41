"""PackStation: packing-bench desktop app for Redo's Orders API v2.2."""

from importlib import metadata

try:
    __version__ = metadata.version("packstation")
except metadata.PackageNotFoundError:  # pragma: no cover - frozen without metadata
    __version__ = "0.0.0"

APP_NAME = "PackStation"
