"""Settings, declared once with types and defaults; where the station keeps its files.

Secrets never live here: the token is in the OS keyring (``credentials.py``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import socket
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import platformdirs

from packstation import APP_NAME
from packstation.redo.urls import DEFAULT_BASE_URL

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


def load_user_values(path: Path) -> dict[str, Any]:
    """The user's own settings file, as raw values (missing or unreadable: none)."""
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("cannot read %s (%s); using defaults", path, exc)
        return {}
    return raw if isinstance(raw, dict) else {}


def load_settings(path: Path, base: Settings | None = None) -> Settings:
    return coerce(load_user_values(path), base)


def save_settings(path: Path, settings: Settings, baseline: Settings | None = None) -> None:
    """Write the user's settings: only what differs from ``baseline`` (the machine defaults).

    Keeping only the differences lets IT change a machine default later and have it
    reach every user who never changed that setting.
    """
    base = dataclasses.asdict(baseline) if baseline is not None else {}
    values = {k: v for k, v in dataclasses.asdict(settings).items() if base.get(k, object()) != v}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(values, indent=2), "utf-8")
    os.replace(tmp, path)


@dataclass(frozen=True)
class MachineConfig:
    """IT's machine-wide defaults, and the keys users may not change."""

    values: dict[str, Any] = dataclasses.field(default_factory=dict)
    locked: frozenset[str] = frozenset()
    path: Path | None = None
    #: A sentence naming the file and line when it could not be read; the app starts anyway.
    problem: str | None = None

    def defaults(self, base: Settings | None = None) -> Settings:
        return coerce(self.values, base)


_SETTING_NAMES = frozenset(f.name for f in fields(Settings))


def load_machine_config(path: Path | None = None) -> MachineConfig:
    """Read ``config.toml`` from the machine config folder (or ``path``)."""
    path = path or machine_config_dir() / "config.toml"
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return MachineConfig(path=path)
    except (OSError, UnicodeDecodeError) as exc:
        return MachineConfig(
            path=path, problem=f"{path}: cannot be read ({exc}); using safe defaults."
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return MachineConfig(path=path, problem=f"{path}: {exc}; using safe defaults.")
    unknown = sorted(set(data) - _SETTING_NAMES - {"locked"})
    if unknown:
        log.warning("%s: unknown keys ignored: %s", path, ", ".join(unknown))
    locked_raw = data.get("locked", [])
    if not isinstance(locked_raw, list) or not all(isinstance(k, str) for k in locked_raw):
        return MachineConfig(
            path=path,
            problem=f"{path}: 'locked' must be a list of setting names; using safe defaults.",
        )
    values = {k: v for k, v in data.items() if k in _SETTING_NAMES}
    return MachineConfig(values, frozenset(locked_raw) & _SETTING_NAMES, path)


def layered_settings(
    machine: MachineConfig,
    user_values: dict[str, Any],
    env: dict[str, str],
    cli: dict[str, str | None],
) -> tuple[Settings, Settings, frozenset[str]]:
    """Command line, then environment, then a locked machine key, then the user, then machine defaults.

    Returns the settings in force, the baseline a user's changes are measured against
    (machine defaults), and the names a user cannot change here.
    """
    baseline = machine.defaults()
    user = {k: v for k, v in user_values.items() if k not in machine.locked}
    settings = coerce(user, baseline)
    settings = coerce({k: v for k, v in machine.values.items() if k in machine.locked}, settings)
    fixed = set(machine.locked)
    for name, value in (*env.items(), *cli.items()):
        if value:
            settings = coerce({name: value.strip()}, settings)
            fixed.add(name)
    return settings, baseline, frozenset(fixed)
