"""Shared fixtures: offscreen Qt, the sandbox on loopback, and a check for dangling threads."""

from __future__ import annotations

import os

# The offscreen screen is a packing bench's, 1366x768 (Qt's own default is 800x600: a
# dialog sized to the screen was then narrower than its form in a wide fallback font).
_SCREEN = os.path.join(os.path.dirname(__file__), "helpers", "offscreen-bench-screen.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")
# Qt must not find a real sound or accessibility bus in tests.
os.environ.setdefault("QT_ACCESSIBILITY", "0")

import logging
import sys
import threading
import time
import traceback
from collections.abc import Iterator

import pytest
from hypothesis import settings as hypothesis_settings

from packstation.redo import RedoClient, Timeouts
from packstation.sandbox import SandboxServer

# Properties are about correctness, not speed: a 2-core CI machine busy with the rest of
# the suite must not turn a slow example into a failure (timings live in benchmarks/).
hypothesis_settings.register_profile("packstation", deadline=None)
hypothesis_settings.load_profile("packstation")

#: Threads that outlive tests by design (Qt's own, pytest's).
_ALLOWED_THREAD_PREFIXES = ("QDBusConnection", "pydevd", "Dummy-")


def _live_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.is_alive()}


@pytest.fixture(autouse=True)
def no_dangling_threads() -> Iterator[None]:
    """Fail any test that leaves a thread running (as napari does)."""
    before = _live_threads()
    yield
    deadline = time.monotonic() + 5
    leftover: set[threading.Thread] = set()
    while time.monotonic() < deadline:
        leftover = {
            t for t in _live_threads() - before if not t.name.startswith(_ALLOWED_THREAD_PREFIXES)
        }
        if not leftover:
            return
        for thread in leftover:
            thread.join(timeout=0.05)
    frames = sys._current_frames()
    stacks = "\n".join(
        f"--- {t.name}\n" + "".join(traceback.format_stack(frames[t.ident])[-6:])
        for t in leftover
        if t.ident in frames
    )
    pytest.fail(f"test left threads running: {sorted(t.name for t in leftover)}\n{stacks}")


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(token="sbx-test-token-7f3a9c") as server:
        yield server


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[RedoClient]:
    with RedoClient(
        token=sandbox.token,
        store_id=sandbox.store_id,
        base_url=sandbox.base_url,
        timeouts=Timeouts(connect=2, read=5, write=5, pool=2),
    ) as redo:
        yield redo


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class ExpectedLog:
    """Messages a test expects to be logged at WARNING or above (substrings)."""

    def __init__(self) -> None:
        self.patterns: list[str] = []

    def __call__(self, *patterns: str) -> None:
        self.patterns.extend(patterns)

    def allows(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        return any(pattern in text for pattern in self.patterns)


@pytest.fixture
def expect_log() -> ExpectedLog:
    """``expect_log("cannot journal")``: that WARNING/ERROR record is part of the test."""
    return ExpectedLog()


@pytest.fixture(autouse=True)
def fail_on_unexpected_log(request: pytest.FixtureRequest) -> Iterator[None]:
    """A WARNING or ERROR from PackStation that a test did not expect fails it (as
    qutebrowser's logfail does): a swallowed error must not pass as success."""
    handler = _Records()
    logger = logging.getLogger("packstation")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    expected = (
        request.getfixturevalue("expect_log")
        if "expect_log" in request.fixturenames
        else ExpectedLog()
    )
    for marker in request.node.iter_markers("expected_log"):
        expected(*marker.args)
    unexpected = [r for r in handler.records if not expected.allows(r)]
    if unexpected:
        pytest.fail(
            "unexpected log records:\n"
            + "\n".join(
                f"{r.levelname} {r.name}: {r.getMessage()}"
                + ("\n" + logging.Formatter().formatException(r.exc_info) if r.exc_info else "")
                for r in unexpected[:10]
            )
        )


@pytest.fixture(autouse=True)
def no_running_timers(request: pytest.FixtureRequest) -> Iterator[None]:
    """A window's timers must stop when it is shut down (as napari checks for its own)."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    running = [
        timer
        for widget in app.topLevelWidgets()
        if getattr(widget, "_shut_down", False)
        for timer in widget.findChildren(QTimer)
        if timer.isActive()
    ]
    if running:
        pytest.fail(f"a shut-down window left {len(running)} timers running")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        help="also run the tests marked slow (subprocesses, SIGKILL runs); CI always does",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests (the SIGKILL runs, subprocess start-ups) run in CI (``CI`` set) or with
    ``--run-slow``; a local ``uv run pytest`` leaves them out and says how many."""
    if os.environ.get("CI") or config.getoption("--run-slow") or config.getoption("-m"):
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("slow")]


# A real PostgreSQL for warehouse mode, started once, the first time a test asks for it.
from tests.helpers.warehouse import empty_database, guarded, postgres, warehouse

__all__ = ["empty_database", "guarded", "postgres", "warehouse"]
