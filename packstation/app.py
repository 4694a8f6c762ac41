"""The composition root: command line, configuration, logging, and wiring the window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from packstation import APP_NAME, __version__
from packstation.station_args import (
    ENV_API_URL,
    ENV_DATA_DIR,
    ENV_STATION,
    ENV_STORE_ID,
    ENV_WAREHOUSE_URL,
    station_data_dir,
)

# Only what the window needs to appear is imported before it shows: settings (pydantic),
# the store and the bench are imported by the start-up steps behind it.

log = logging.getLogger("packstation")

#: How long a worker keeps the interpreter when the GUI thread asks for it (run_gui).
GUI_SWITCH_INTERVAL_S = 0.001
#: pydantic's switch for its plugins (``pydantic/plugin/_loader.py``): "__all__" is off.
PYDANTIC_PLUGINS_VARIABLE = "PYDANTIC_DISABLE_PLUGINS"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="packstation",
        description="PackStation: scan a packing slip, scan the items, ship through Redo.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="use the built-in sandbox (no token, no network)"
    )
    parser.add_argument(
        "--sandbox-url",
        metavar="URL",
        help="with --demo: use the sandbox another PackStation runs at this loopback http "
        "address (the warehouse demo's) instead of starting one",
    )
    parser.add_argument("--api-url", help=f"Redo API base URL (env {ENV_API_URL})")
    parser.add_argument("--store-id", help=f"Redo store ID (env {ENV_STORE_ID})")
    parser.add_argument(
        "--warehouse-url",
        metavar="URL",
        help="join the warehouse at this PostgreSQL URI, no password in it "
        f"(env {ENV_WAREHOUSE_URL})",
    )
    parser.add_argument("--station", metavar="NAME", help=f"this bench's name (env {ENV_STATION})")
    parser.add_argument(
        "--data-dir", type=Path, help=f"keep all station files here (env {ENV_DATA_DIR})"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start, wait until ready for scans, print one line, exit",
    )
    parser.add_argument(
        "--print-commands",
        type=Path,
        metavar="PDF",
        help="write the command barcode sheet and exit",
    )
    sub = parser.add_subparsers(dest="command")
    from packstation import cli_slip, cli_token, cli_warehouse

    cli_token.add_parser(sub)
    cli_slip.add_parser(sub)
    cli_warehouse.add_parser(sub)
    return parser


#: The error box on screen (one at a time: an error in a loop must not stack boxes).
_shown_errors: list[object] = []


def install_excepthook() -> None:
    """An unexpected error is logged with its traceback and shown, and the bench keeps running.

    Tracebacks hold no secrets: the token is a SecretStr everywhere below this layer.
    """

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.critical("unexpected error", exc_info=(kind, value, tb))
        from PySide6.QtWidgets import QApplication, QMessageBox

        from packstation.ui.words.i18n import tr

        if QApplication.instance() is not None and not _shown_errors:
            # Shown, never exec'd: the bench keeps running (and scanning) behind it.
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                APP_NAME,
                tr(
                    "PackStation hit an unexpected error. It was written to the log; nothing "
                    "packed or shipped is lost. If it happens again, tell your lead."
                ),
            )
            _shown_errors.append(box)
            box.finished.connect(lambda _: _shown_errors.clear())
            box.open()

    sys.excepthook = hook


def main(argv: Sequence[str] | None = None) -> int:
    # A windowed build on Windows has no console: give print() somewhere to go.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["__keyring-read"]:  # the token read apart at launch (keyring_child.py)
        from packstation.keyring_child import child_main

        return child_main(given[1:])
    args = build_parser().parse_args(given)
    if args.sandbox_url is not None:
        from packstation.startup import sandbox_url_problem

        if problem := sandbox_url_problem(args):
            print(problem, file=sys.stderr, flush=True)
            return 2
    if args.command == "token":
        from packstation import cli_token

        return cli_token.run(args)
    if args.command == "slip":
        from packstation import cli_slip

        return cli_slip.run(args)
    if args.command == "warehouse":
        from packstation import cli_warehouse

        problem = display_problem() if args.warehouse_action in ("view", "demo") else ""
        if problem:  # said before a server starts or Qt aborts without a display
            print(problem, file=sys.stderr, flush=True)
            return 2
        return cli_warehouse.run(args)
    if args.print_commands:
        from packstation.ui.printing.sheets import write_command_sheet

        pages = write_command_sheet(args.print_commands)
        print(f"Wrote {args.print_commands} ({pages} pages)")
        return 0
    return run_gui(args)


def display_problem(environ: dict[str, str] | None = None, platform: str = sys.platform) -> str:
    """Why no window can open here, in one sentence, or "" when a display may be usable."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return ""
    wanted = env.get("QT_QPA_PLATFORM", "")
    if wanted and not wanted.startswith(("xcb", "wayland")):
        return ""  # offscreen, vnc, ...: Qt needs no display server
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return ""
    return (
        "PackStation cannot open its window: no display (DISPLAY and WAYLAND_DISPLAY are not "
        "set). Start it from the desktop session, or, for an install check without a screen, "
        "run it with QT_QPA_PLATFORM=offscreen (see the README, Troubleshooting)."
    )


def run_gui(args: argparse.Namespace) -> int:
    """Show the window and listen to the scanner first; build the bench behind it."""
    started = time.monotonic()
    # The GUI thread waits for the interpreter whenever a worker computes in Python (an
    # order's answer parsed, barcode tables built): at most this long each time, not the
    # default 5 ms, which a repaint calling into Python for each cell met again and again.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    # PackStation uses no pydantic plugin: without this, building the first model reads
    # the entry points of every installed package to look for one (about 20 ms of the
    # launch). An environment that sets the variable itself is left as it is.
    os.environ.setdefault(PYDANTIC_PLUGINS_VARIABLE, "__all__")
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr, flush=True)
        return 2
    # First: PySide6's import hook is lightened before any other module is imported
    # (ui/pyside_hook.py), or it keeps the source of each one in memory.
    import packstation.ui  # noqa: F401, I001
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from packstation.logs import keep_early_records
    from packstation.resources import resource_path
    from packstation.ui.qtlog import route_qt_messages
    from packstation.ui.single_instance import LockFileLinkError, SingleInstance
    from packstation.ui.views.shell import BenchShell

    keep_early_records()
    route_qt_messages()
    install_excepthook()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from packstation.startup import Running, start_bench

    running = Running()
    instance = SingleInstance(station_data_dir(args))
    try:
        acquired = instance.acquire()
    except LockFileLinkError as exc:
        print(
            f"PackStation could not start: its lock file {exc.path} is a symbolic link, "
            "which PackStation does not follow. Remove that link and start again.",
            file=sys.stderr,
            flush=True,
        )
        return 1
    except OSError as exc:
        print(
            f"PackStation could not start: cannot open the station database folder "
            f"{instance.data_dir} ({exc.strerror or exc}).",
            file=sys.stderr,
            flush=True,
        )
        return 1
    if not acquired:
        if instance.hand_over():
            print(
                "PackStation is already running for this station: its window was brought forward.",
                flush=True,
            )
            return 0
        print(
            "PackStation is already running for this station (its data folder is in use), "
            "but its window did not answer. Use that window, or close it first.",
            file=sys.stderr,
            flush=True,
        )
        return 1

    def unreachable(problem: str) -> None:
        print(
            "PackStation cannot be reached by a second launch for this station: "
            f"another program may hold its name ({problem}). Starting anyway.",
            file=sys.stderr,
            flush=True,
        )

    instance.unreachable.connect(unreachable)
    running.instance = instance
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "packstation.png"))))
    shell = BenchShell()
    shell.resize(1366, 768)
    shell.show()

    def elapsed() -> str:
        return f"{(time.monotonic() - started) * 1000:.0f} ms"

    def bench_ready() -> None:
        log.info("bench ready %s after launch", elapsed())
        if args.smoke:
            print(f"PackStation bench loaded in {elapsed()}", flush=True)
            app.quit()

    def failed(exc: BaseException) -> None:
        log.critical("PackStation could not start: %s", exc, exc_info=exc)
        # For IT at a terminal: the technical account, as the log has it.
        print(f"PackStation could not start: {exc}", file=sys.stderr)
        if not args.smoke:
            from PySide6.QtWidgets import QMessageBox

            from packstation.ui.words.i18n import tr
            from packstation.ui.words.starting import startup_failed_text

            box = QMessageBox(
                QMessageBox.Icon.Critical,
                APP_NAME,
                tr("PackStation could not start.") + "\n\n" + startup_failed_text(exc),
                QMessageBox.StandardButton.Close,
                shell,
            )
            box.finished.connect(lambda _: app.exit(1))
            box.open()
            return
        app.exit(1)

    if args.smoke:
        # The window is up and the scanner listening: a scan made from now on is kept
        # and handled in order once the bench is built.
        QTimer.singleShot(
            0,
            lambda: print(f"PackStation {__version__} ready for scans in {elapsed()}", flush=True),
        )

    def come_forward() -> None:
        shell.showNormal()
        shell.raise_()
        shell.activateWindow()

    instance.activated.connect(come_forward)
    shell.run_steps(start_bench(args, shell, running, bench_ready), failed)
    try:
        code = app.exec()
    finally:
        running.close()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
