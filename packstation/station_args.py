"""What makes a station from the command line and the environment: its folder, its settings.

Shared by the window's start-up (``startup.py``), the ``slip`` command (``cli_slip.py``)
and the composition root (``app.py``), which import this and not each other.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from packstation import APP_NAME

if TYPE_CHECKING:
    from packstation.config import MachineConfig, Paths, Settings
    from packstation.config_toml import ConfigProblem

ENV_API_URL = "PACKSTATION_API_URL"
ENV_STORE_ID = "PACKSTATION_STORE_ID"
ENV_DATA_DIR = "PACKSTATION_DATA_DIR"
ENV_WAREHOUSE_URL = "PACKSTATION_WAREHOUSE_URL"
ENV_STATION = "PACKSTATION_STATION"
#: The settings the command line and the environment may give, and where (the option's
#: ``dest``, the variable); a key IT locked in the machine config refuses both.
_GIVEN = (
    ("api_url", "api_url", ENV_API_URL),
    ("store_id", "store_id", ENV_STORE_ID),
    ("warehouse_url", "warehouse_url", ENV_WAREHOUSE_URL),
    ("station_name", "station", ENV_STATION),
)


def station_data_dir(args: argparse.Namespace) -> Path:
    """The folder that makes a station (its lock, database and demo), without loading config."""
    explicit = args.data_dir or os.environ.get(ENV_DATA_DIR)
    if explicit:
        root = Path(explicit).expanduser().resolve()
    else:
        import platformdirs

        root = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return root / "demo" if args.demo else root


def resolve_settings(
    args: argparse.Namespace,
    paths: Paths,
    machine: MachineConfig,
    problems: list[ConfigProblem] | None = None,
) -> tuple[Settings, Settings, frozenset[str]]:
    """See ``layered_settings``: locked machine keys, CLI, environment, user, machine
    defaults. A bad value in the user's file, the environment or the command line, and
    a value of theirs that a locked key refuses, is named in ``problems``."""
    from packstation.config import layered_settings, load_user_values

    env = {name: os.environ.get(variable, "") for name, _, variable in _GIVEN}
    # Sub-commands' and tests' namespaces may not hold every option.
    cli = {name: getattr(args, dest, None) for name, dest, _ in _GIVEN}
    user = load_user_values(paths.settings_file, problems)
    return layered_settings(machine, user, env, cli, problems)


def station_paths(args: argparse.Namespace) -> Paths:
    from packstation.config import Paths

    data_dir = args.data_dir or (
        Path(os.environ[ENV_DATA_DIR]) if os.environ.get(ENV_DATA_DIR) else None
    )
    paths = Paths.default(data_dir)
    if args.demo:
        # The demo keeps its own station files, so it never mixes with real shipments.
        paths = Paths.default(paths.data_dir / "demo")
    return paths
