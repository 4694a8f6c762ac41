"""Start-up behind the first paint: settings, the demo sandbox, the station database,
the runtime and the bench, in steps the window shows one by one (see ``ui/shell.py``)."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from packstation import __version__
from packstation.station_args import resolve_settings, station_paths
from packstation.ui.station.threads import Threads
from packstation.ui.words.steps import StartupStep

if TYPE_CHECKING:
    from pydantic import SecretStr
    from PySide6.QtWidgets import QApplication

    from packstation.config import Paths, Settings
    from packstation.config_toml import ConfigProblem
    from packstation.credentials import TokenStore
    from packstation.sandbox import SandboxServer
    from packstation.store.station import StationStore
    from packstation.ui.single_instance import SingleInstance
    from packstation.ui.station.launch_fetch import LaunchFetch
    from packstation.ui.views.main_window import MainWindow
    from packstation.ui.views.shell import BenchShell

log = logging.getLogger("packstation")


@dataclass
class Running:
    """What start-up opened, closed in order whichever step it reached."""

    #: Every detached thread start-up starts (the keyring read-ahead, the HTTP stack's
    #: import, the launch fetch, the station database's opening); the runtime takes them
    #: over and joins them in one place.
    threads: Threads = field(default_factory=Threads)
    #: The station database, opened on a thread of its own while the window is built.
    opening: Future[StationStore] | None = None
    sandbox: SandboxServer | None = None
    window: MainWindow | None = None
    instance: SingleInstance | None = None
    #: The API client and a slip scanned at launch, asked for while the bench is built.
    launch: LaunchFetch | None = None

    def close(self) -> None:
        if self.window is not None:
            self.window.shutdown()
        # Reads may use the store, and threads may still be importing (an import cut
        # short by the interpreter's exit can crash it): two seconds in all, then the
        # process goes (a keyring may never answer).
        if self.window is not None:
            self.window.runtime.wait_for_workers()
        else:
            self.threads.join(time.monotonic() + 2.0)
        if self.launch is not None:
            self.launch.close()
        opening = self.opening
        if opening is not None and opening.done() and opening.exception() is None:
            opening.result().close()
        if self.sandbox is not None:
            self.sandbox.stop()
        if self.instance is not None:
            self.instance.release()


def for_the_demo(problems: list[ConfigProblem]) -> list[ConfigProblem]:
    """The demo talks to its own sandbox whatever IT locked: a refused ``--api-url`` is not
    "using" the locked address there, so saying so would name the wrong one. Logged only."""
    from packstation.config_toml import ConfigProblemKind

    return [
        p
        for p in problems
        if not (p.kind is ConfigProblemKind.LOCKED_KEY and p.key in {"api_url", "store_id"})
    ]


#: The store a shared sandbox serves when ``--store-id`` does not say (``SandboxServer``'s).
SHARED_SANDBOX_STORE = "demo-store"


@dataclass(frozen=True)
class DemoSandbox:
    """Where a demo bench's Redo is: a sandbox of its own (``server``, stopped when the
    bench closes) or, with ``--sandbox-url``, one another process on this computer runs
    (the warehouse demo's), opened with the sandbox's public :data:`SHARED_DEMO_TOKEN`.

    The token is an override for this run: never read from or written to the keyring.
    """

    api_url: str
    store_id: str
    token: SecretStr
    server: SandboxServer | None = None


def demo_sandbox(args: argparse.Namespace, data_dir: Path) -> DemoSandbox:
    """The demo bench's sandbox: the one at ``args.sandbox_url``, or one started here."""
    from pydantic import SecretStr

    from packstation.sandbox import SHARED_DEMO_TOKEN, SandboxServer, SandboxState

    data_dir.mkdir(parents=True, exist_ok=True)
    shared = getattr(args, "sandbox_url", None)
    if shared is not None:
        return DemoSandbox(
            api_url=shared_sandbox_url(shared),
            store_id=getattr(args, "store_id", None) or SHARED_SANDBOX_STORE,
            token=SecretStr(SHARED_DEMO_TOKEN),
        )
    server = SandboxServer(state=SandboxState.demo(data_dir / "sandbox-state.json")).start()
    return DemoSandbox(server.base_url, server.store_id, SecretStr(server.token), server)


def shared_sandbox_url(url: str) -> str:
    """``url`` as ``check_base_url`` keeps it, when it is plain http to a loopback address
    (where a sandbox listens); else ``InsecureURLError``. https is refused too: no sandbox
    speaks it, and anything that does is not a sandbox on this computer."""
    from urllib.parse import urlsplit

    from packstation.redo.urls import (
        InsecureURLError,
        UrlProblem,
        UrlRefusal,
        check_base_url,
        is_loopback_host,
    )

    checked = check_base_url(url)
    parts = urlsplit(checked)
    if parts.scheme != "http" or not is_loopback_host(parts.hostname or ""):
        raise InsecureURLError(UrlRefusal(UrlProblem.NOT_AN_API_ADDRESS, url=checked))
    return checked


def sandbox_url_problem(args: argparse.Namespace) -> str:
    """Why ``--sandbox-url`` cannot be used, in one sentence for the terminal, or ""."""
    url = getattr(args, "sandbox_url", None)
    if url is None:
        return ""
    if not args.demo:
        return (
            "--sandbox-url is for a demo bench only: start it as "
            "packstation --demo --sandbox-url URL."
        )
    from packstation.redo.urls import InsecureURLError

    try:
        shared_sandbox_url(url)
    except InsecureURLError as exc:
        # The refusal keeps no user name or password the address may have carried.
        shown = exc.refusal.url or exc.refusal.host
        return (
            "--sandbox-url must be a sandbox on this computer, plain http to a loopback "
            "address (such as http://127.0.0.1:8765/v2.2)" + (f", not {shown}." if shown else ".")
        )
    return ""


def start_bench(
    args: argparse.Namespace,
    shell: BenchShell,
    running: Running,
    ready: Callable[[], None],
) -> Iterator[StartupStep]:
    """The start-up steps; each yields the step the window shows while it runs.

    A station database that cannot be used raises a ``StationDatabaseError`` (the
    window words it: ``ui/words/starting.startup_failed_text``).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from packstation.config import load_machine_config
    from packstation.credentials import TokenStore
    from packstation.logs import setup_logging
    from packstation.redo import http_stack

    listening = running.instance.listen() if running.instance is not None else True
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = station_paths(args)
    setup_logging(paths.log_dir)
    log.info("PackStation %s starting (demo=%s, data=%s)", __version__, args.demo, paths.data_dir)
    machine = load_machine_config()
    for problem in machine.problems:
        log.warning("%s", problem)
    user_problems: list[ConfigProblem] = []
    settings, baseline, locked = resolve_settings(args, paths, machine, user_problems)
    threads = running.threads
    # The token first: its read (a process of its own on Linux, keyring_child.py) takes
    # longer than anything below, and runs on the machine's other core meanwhile.
    tokens = TokenStore(
        remember_in=paths.cache_dir / "keyring-backend",
        # The Secret Service's client is the heavy one (keyring_child.py); Windows' and
        # macOS's keyrings are read in the program, and so is a keyring this process
        # already holds (one set by whoever embeds the program, as the tests do).
        read_apart=sys.platform.startswith("linux") and "keyring" not in sys.modules,
    )
    if not args.demo:
        tokens.read_ahead(settings.store_id, start=threads.start)
    # The style sheet and language are applied behind the window rather than before it
    # shows: parsing and applying them would delay the first paint by about 20 ms.
    from packstation.ui.views.language import apply_look

    apply_look(app, settings, paths.cache_dir)
    # The slip scanned at launch needs the token and httpx: both are fetched on threads
    # of their own (the token since just above) while the steps below build the bench,
    # not after them. The API client's module and its pydantic models are imported
    # first, on this thread: a package imported on two threads at once can come out
    # half-built (load_once.py).
    import packstation.redo.client  # noqa: F401

    running.opening = _open_store(paths, threads)
    http_stack.load_in_background(start=threads.start)
    if settings.warehouse_url:  # the claim of a slip scanned at launch needs psycopg
        from packstation.warehouse import driver

        driver.load_in_background(start=threads.start)
    token_override: SecretStr | None = None
    if args.demo:
        yield StartupStep.SANDBOX
        demo = demo_sandbox(args, paths.data_dir)
        running.sandbox = demo.server
        settings = settings.with_(api_url=demo.api_url, store_id=demo.store_id)
        token_override = demo.token
        locked = locked | {"api_url", "store_id"}
        user_problems = for_the_demo(user_problems)
        log.info("demo sandbox at %s%s", demo.api_url, "" if demo.server else " (shared)")
    opening = running.opening

    def order_left_open() -> bool:  # on the launch thread: the journal is read there
        return opening.result().journal.has_open_order()

    running.launch = launch = _launch_fetch(settings, tokens, token_override, threads)
    launch.order_left_open = order_left_open
    # The first code scanned is asked of Redo as a slip, unless an order was left open.
    shell.on_first_kept(launch.offer)

    yield StartupStep.DATABASE
    from packstation.store.problems import (
        NoticeKind,
        StationDatabaseError,
        StationNotice,
        UnopenedDatabaseError,
    )

    try:
        # Opened on its own thread since the first step; the window waits for it here,
        # without reading a byte of it itself.
        store = opening.result()
    except StationDatabaseError:
        raise
    except Exception as exc:
        raise UnopenedDatabaseError(paths.database, exc) from exc

    yield StartupStep.BENCH
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
        locked_by_it={name: str(machine.path) for name in machine.locked},
        notices=[
            *machine.problems,
            *user_problems,
            *store.notices,
            *([] if listening else [StationNotice(NoticeKind.NOT_LISTENING)]),
        ],
        launch=launch,
    )
    runtime = StationRuntime(services, threads)
    runtime.port.records.purge_history(settings.history_days)
    running.window = window = MainWindow(runtime, scanner=shell.scanner, host=shell)
    window.controller.ready.connect(ready)
    window.start()
    shell.adopt(window, window.take_over_scans)
    # What start-up built lives as long as the program: kept out of the garbage
    # collector's full passes, which otherwise stall the window for 40-70 ms. A moment
    # later, so a slip scanned at launch is frozen with the rest.
    QTimer.singleShot(FREEZE_AFTER_MS, freeze_what_start_up_built)
    # Imported on the store thread, only when the file changed; scans meanwhile use what
    # is already imported, and the status bar shows the progress.
    runtime.import_catalogs(catalog_files(settings))


def _launch_fetch(
    settings: Settings, tokens: TokenStore, token_override: SecretStr | None, threads: Threads
) -> LaunchFetch:
    """The API client, built on a thread from now on; a slip scanned at launch goes to
    Redo as soon as it is ready, while the bench is still being built (launch_fetch.py)."""
    from packstation.ui.station.launch_fetch import LaunchFetch
    from packstation.ui.station.services import build_client, read_token

    return LaunchFetch(
        lambda: build_client(settings, read_token(settings, tokens, token_override)), threads
    )


def _open_store(paths: Paths, threads: Threads) -> Future[StationStore]:
    """Open (check, upgrade, repair) the station database on a thread of its own: the
    window keeps painting and listening meanwhile, and never touches the file itself."""
    from packstation.store.station import StationStore

    opened: Future[StationStore] = Future()

    def work() -> None:
        try:
            opened.set_result(StationStore(paths.database))
        except BaseException as exc:  # raised where the window waits for it
            opened.set_exception(exc)

    threads.start("packstation-store-open", work)
    return opened


#: When start-up's objects are frozen: time enough for a slip scanned at launch to load.
FREEZE_AFTER_MS = 1500


def freeze_what_start_up_built() -> None:
    """Keep everything alive now out of later full collections; never a full pass itself.

    A full collection first would stall the window 40-70 ms (a scan at that moment
    waits) to free nothing worth it: measured on the real program at this moment, it
    finds 7 unreachable objects among 83,000. The young generations are collected (under
    1 ms), so what the last moments left is not frozen with the rest.
    """
    gc.collect(1)
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
