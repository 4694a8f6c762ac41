"""A load runs once; a caller arriving during it waits for it; a failed load is retried."""

from __future__ import annotations

import sys
import threading
import time

import pytest

from packstation.load_once import run_once


def _inside_once(thread: threading.Thread) -> bool:
    frame = sys._current_frames().get(thread.ident or -1)
    while frame is not None:
        if frame.f_code.co_name == "once" and frame.f_code.co_filename.endswith("load_once.py"):
            return True
        frame = frame.f_back
    return False


def test_concurrent_callers_wait_for_the_one_run_and_later_calls_do_nothing() -> None:
    started, release = threading.Event(), threading.Event()
    runs: list[str] = []

    def load() -> None:
        runs.append(threading.current_thread().name)
        started.set()
        assert release.wait(60)

    once = run_once(load)
    first = threading.Thread(target=once, name="first")
    first.start()
    assert started.wait(60)
    returned = threading.Event()
    second = threading.Thread(target=lambda: (once(), returned.set()), name="second")
    second.start()
    # Until the second caller is inside run_once, blocked on the first one's load.
    deadline = time.monotonic() + 60  # only a stuck thread takes this long
    while not _inside_once(second):
        assert time.monotonic() < deadline
        second.join(timeout=0.01)
    assert not returned.is_set()
    release.set()
    first.join(60)
    second.join(60)
    assert returned.is_set()
    once()
    assert runs == ["first"]


def test_a_load_that_failed_is_tried_again() -> None:
    attempts: list[int] = []

    def load() -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise ImportError("half-installed")

    once = run_once(load)
    with pytest.raises(ImportError):
        once()
    once()
    once()
    assert len(attempts) == 2
