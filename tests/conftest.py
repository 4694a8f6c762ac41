"""Shared fixtures: offscreen Qt, the sandbox on loopback, and a check for dangling threads."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt must not find a real sound or accessibility bus in tests.
os.environ.setdefault("QT_ACCESSIBILITY", "0")

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
