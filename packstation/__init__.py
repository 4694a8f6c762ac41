"""PackStation: packing-bench desktop app for Redo's Orders API v2.2."""

try:
    # Written from pyproject.toml by the hatch version hook when the package is installed.
    from packstation._version import __version__ as __version__
except ImportError:  # pragma: no cover - a source tree that was never installed
    from importlib import metadata

    __version__ = metadata.version("packstation")

APP_NAME = "PackStation"
