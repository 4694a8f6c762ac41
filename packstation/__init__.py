"""PackStation: packing-bench desktop app for Redo's Orders API v2.2."""

import os as _os

try:
    # Written from pyproject.toml by the hatch version hook when the package is installed.
    from packstation._version import __version__ as __version__
except ImportError:  # pragma: no cover - a source tree that was never installed
    from importlib import metadata

    __version__ = metadata.version("packstation")

APP_NAME = "PackStation"

# No third-party pydantic plugin joins the validation of Redo's replies or of the
# settings: a plugin sees every validated value. Looking for plugins also scans every
# installed package's entry points, about 20 ms of the window's start. Set to another
# value in the environment to let plugins load.
_os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
