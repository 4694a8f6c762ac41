"""Where a station keeps its files: the OS's per-user folders (or one data directory),
and the machine-wide folder IT writes ``config.toml`` and the catalog into.

Re-exported by ``packstation.config``, where the rest of the settings live.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from packstation import APP_NAME


def machine_config_dir() -> Path:
    """Where IT puts the machine-wide config and catalog (same on every PC of a fleet).

    ``PACKSTATION_CONFIG_DIR`` moves it (tests, unusual deployments).
    """
    import sys

    override = os.environ.get("PACKSTATION_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / APP_NAME
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / APP_NAME
    return Path("/etc/packstation")


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def database(self) -> Path:
        return self.data_dir / "station.sqlite3"

    @classmethod
    def default(cls, data_dir: Path | None = None) -> Paths:
        """The OS's per-user folders, or everything under ``data_dir`` when one is given."""
        if data_dir is not None:
            root = data_dir.expanduser().resolve()
            return cls(root, root, root / "cache", root / "logs")
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            Path(dirs.user_data_dir),
            Path(dirs.user_config_dir),
            Path(dirs.user_cache_dir),
            Path(dirs.user_log_dir),
        )
