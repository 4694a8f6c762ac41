"""Start-up behind the first paint: settings, the demo sandbox, the station database,
the runtime and the bench, in steps the window shows one by one (see ``ui/shell.py``)."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from packstation import __version__

if TYPE_CHECKING:
    from pydantic import SecretStr
    from PySide6.QtWidgets import QApplication

    from packstation.config import MachineConfig, Paths, Settings
    from packstation.credentials import TokenStore
    from packstation.sandbox import SandboxServer
    from packstation.store import StationStore
    from packstation.ui.single_instance import SingleInstance
    from packstation.ui.station.launch_fetch import LaunchFetch
    from packstation.ui.views.main_window import MainWindow
    from packstation.ui.views.shell import BenchShell

log = logging.getLogger("packstation")

from packstation.app import ENV_API_URL, ENV_DATA_DIR, ENV_STORE_ID  # noqa: E402


def resolve_settings(
    args: argparse.Namespace,
    paths: Paths,
    machine: MachineConfig,
    problems: list[str] | None = None,
) -> tuple[Settings, Settings, frozenset[str]]:
    """See ``layered_settings``: CLI, environment, locked machine keys, user, machine
    defaults. A bad value in the user's file is named in ``problems``."""
    from packstation.config import layered_settings, load_user_values

    env = {
        name: os.environ.get(variable, "")
        for name, variable in (("api_url", ENV_API_URL), ("store_id", ENV_STORE_ID))
    }
    cli = {"api_url": args.api_url, "store_id": args.store_id}
    return layered_settings(machine, load_user_values(paths.settings_file, problems), env, cli)


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


@dataclass
class Running:
    """What start-up opened, closed in order whichever step it reached."""

    store: StationStore | None = None
    sandbox: SandboxServer | None = None
    window: MainWindow | None = None
    instance: SingleInstance | None = None
    #: Imports httpx while the bench is built.
    preload: threading.Thread | None = None
    #: The API client and a slip scanned at launch, asked for while the bench is built.
    launch: LaunchFetch | None = None

    def close(self) -> None:
        if self.window is not None:
            self.window.shutdown()
            # Reads may use the store: let them end (briefly) before it closes.
            self.window.runtime.wait_for_workers()
        # Threads that may still be importing: an import cut short by the interpreter's
        # exit can crash it. They get two seconds in all (a keyring may never answer).
        deadline = time.monotonic() + 2.0
        if self.preload is not None:
            self.preload.join(max(0.0, deadline - time.monotonic()))
        if self.launch is not None:
            self.launch.close(deadline)
        if self.store is not None:
            self.store.close()
        if self.sandbox is not None:
            self.sandbox.stop()
        if self.instance is not None:
            self.instance.release()


def start_bench(
    args: argparse.Namespace,
    shell: BenchShell,
    running: Running,
    ready: Callable[[], None],
) -> Iterator[str]:
    """The start-up steps; each yields the text to show while the next one runs."""
    from pydantic import SecretStr
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from packstation.app import setup_logging
    from packstation.config import load_machine_config
    from packstation.credentials import TokenStore
    from packstation.redo import http_stack

    if running.instance is not None:
        running.instance.listen()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = station_paths(args)
    setup_logging(paths.log_dir)
    log.info("PackStation %s starting (demo=%s, data=%s)", __version__, args.demo, paths.data_dir)
    machine = load_machine_config()
    if machine.problem:
        log.warning("%s", machine.problem)
    user_problems: list[str] = []
    settings, baseline, locked = resolve_settings(args, paths, machine, user_problems)
    # The style sheet and language are applied behind the window rather than before it
    # shows: parsing and applying them would delay the first paint by about 20 ms.
    from packstation.ui.views.language import apply_look

    apply_look(app, settings, paths.cache_dir)
    # The slip scanned at launch needs the token and httpx: both are fetched on threads
    # of their own now, while the steps below build the bench, not after them. The API
    # client's module and its pydantic models are imported first, on this thread: a
    # package imported on two threads at once can come out half-built (load_once.py).
    import packstation.redo.client  # noqa: F401

    tokens = TokenStore()
    if not args.demo:
        tokens.read_ahead(settings.store_id)
    running.preload = http_stack.load_in_background()
    token_override: SecretStr | None = None
    if args.demo:
        yield "Starting the demo sandbox…"
        from packstation.sandbox import SandboxServer, SandboxState

        paths.data_dir.mkdir(parents=True, exist_ok=True)
        running.sandbox = SandboxServer(
            state=SandboxState.demo(paths.data_dir / "sandbox-state.json")
        ).start()
        settings = settings.with_(
            api_url=running.sandbox.base_url, store_id=running.sandbox.store_id
        )
        token_override = SecretStr(running.sandbox.token)
        locked = locked | {"api_url", "store_id"}
        log.info("demo sandbox at %s", running.sandbox.base_url)
    running.launch = launch = _launch_fetch(settings, tokens, token_override)

    yield "Opening the station database…"
    from packstation.store import StationStore

    try:
        running.store = store = StationStore(paths.database)
    except Exception as exc:
        raise RuntimeError(f"cannot open the station database {paths.database}: {exc}") from exc
    store.outbox.purge(settings.history_days)
    if not store.journal.has_open_order():
        # Nothing to restore: the first code scanned will be loaded as a slip.
        shell.on_first_kept(launch.offer)

    yield "Building the packing bench…"
    from packstation.ui.station.runtime import StationRuntime
    from packstation.ui.station.services import Services
    from packstation.ui.station.sounds import SilentPlayer, SoundPlayer, SystemSoundPlayer
    from packstation.ui.views.main_window import MainWindow

    sound: SoundPlayer = SilentPlayer() if args.smoke else SystemSoundPlayer(paths.cache_dir)
    services = Services(
        settings=settings,
        paths=paths,
        store=store,
        tokens=tokens,
        sound=sound,
        demo=args.demo,
        token_override=token_override,
        save_settings=lambda s: _save_and_apply(s, app, paths, locked, baseline),
        locked=locked,
        notices=[
            *([machine.problem] if machine.problem else []),
            *user_problems,
            *store.notices,
        ],
        launch=launch,
    )
    runtime = StationRuntime(services)
    running.window = window = MainWindow(runtime, scanner=shell.scanner)
    window.controller.ready.connect(ready)
    window.start()
    shell.adopt(window, window.take_over_scans)
    # What start-up built lives as long as the program: kept out of the garbage
    # collector's full passes, which otherwise stall the window for 40-60 ms. A moment
    # later rather than now: the collection first takes about 20 ms, which a slip
    # scanned at launch would otherwise wait for.
    QTimer.singleShot(FREEZE_AFTER_MS, freeze_what_start_up_built)
    # Imported on the store thread, only when the file changed; scans meanwhile use what
    # is already imported, and the status bar shows the progress.
    runtime.import_catalogs(catalog_files(settings))


def _launch_fetch(
    settings: Settings, tokens: TokenStore, token_override: SecretStr | None
) -> LaunchFetch:
    """The API client, built on a thread from now on; a slip scanned at launch goes to
    Redo as soon as it is ready, while the bench is still being built (launch_fetch.py)."""
    from packstation.ui.station.launch_fetch import LaunchFetch
    from packstation.ui.station.services import build_client, read_token

    return LaunchFetch(lambda: build_client(settings, read_token(settings, tokens, token_override)))


#: When start-up's objects are frozen: time enough for a slip scanned at launch to load.
FREEZE_AFTER_MS = 1500


def freeze_what_start_up_built() -> None:
    """Collect once, then keep everything alive now out of later full collections."""
    gc.collect()
    gc.freeze()


def catalog_files(settings: Settings) -> list[tuple[Path, str]]:
    """The IT-provided catalog beside the machine config, then the one named in settings."""
    from packstation.config import machine_config_dir

    found = [(machine_config_dir() / "catalog.csv", "it")]
    if settings.catalog_path:
        found.append((Path(settings.catalog_path), "csv"))
    return found


def _save_and_apply(
    settings: Settings, app: QApplication, paths: Paths, locked: frozenset[str], baseline: Settings
) -> None:
    """Write the user's settings; a new language or look shows at once, nothing is rebuilt."""
    from packstation.config import save_settings
    from packstation.ui.views.language import apply_look

    save_settings(paths.settings_file, _persistable(settings, locked, paths, baseline), baseline)
    apply_look(app, settings, paths.cache_dir)


def _persistable(
    settings: Settings, locked: frozenset[str], paths: Paths, baseline: Settings
) -> Settings:
    """Values fixed for this run (command line, environment, demo, IT) are not written back."""
    from packstation.config import load_settings

    saved = load_settings(paths.settings_file, baseline)
    return settings.with_(**{name: getattr(saved, name) for name in locked})
