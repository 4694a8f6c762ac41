"""Settings, declared once with types and defaults; where the station keeps its files.

Secrets never live here: the token is in the OS keyring (``credentials.py``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import socket
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import platformdirs

from packstation import APP_NAME
from packstation.redo.client import DEFAULT_BASE_URL

log = logging.getLogger("packstation.config")


@dataclass(frozen=True)
class Settings:
    api_url: str = DEFAULT_BASE_URL
    store_id: str = ""
    station_name: str = dataclasses.field(default_factory=lambda: socket.gethostname()[:40])
    sounds: bool = True
    volume: int = 80
    #: Ship by itself, after a visible 2 s countdown, once everything is packed and labelled.
    auto_ship: bool = True
    #: A barcode catalog CSV (sku, barcode, units per scan) imported at start.
    catalog_path: str = ""
    history_days: int = 30
    connect_timeout: float = 5.0
    read_timeout: float = 20.0

    def with_(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def coerce(raw: dict[str, Any], base: Settings | None = None) -> Settings:
    """Settings from loosely typed data: unknown keys ignored, bad values fall back."""
    base = base or Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in raw:
            continue
        default = getattr(base, f.name)
        value = raw[f.name]
        try:
            if isinstance(default, bool):
                if not isinstance(value, bool):
                    raise TypeError(value)
            elif isinstance(default, int):
                value = int(value)
            elif isinstance(default, float):
                value = float(value)
            else:
                value = str(value)
        except (TypeError, ValueError):
            log.warning("setting %s has a bad value %r; using %r", f.name, value, default)
            continue
        values[f.name] = value
    settings = dataclasses.replace(base, **values)
    return dataclasses.replace(settings, volume=max(0, min(100, settings.volume)))


def machine_config_dir() -> Path:
    """Where IT puts the machine-wide config and catalog (same on every PC of a fleet)."""
    import sys

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


def load_settings(path: Path) -> Settings:
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("cannot read %s (%s); using defaults", path, exc)
        return Settings()
    return coerce(raw if isinstance(raw, dict) else {})


def save_settings(path: Path, settings: Settings) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(dataclasses.asdict(settings), indent=2), "utf-8")
    os.replace(tmp, path)
