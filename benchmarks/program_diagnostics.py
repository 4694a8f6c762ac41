"""What the program probe prints on request, to find where a figure comes from (stderr).

- ``BENCH_STALLS=1``: the GUI thread's stack, and the other threads', whenever its
  heartbeat is late (after launch, while shipping);
- ``BENCH_PROFILE=scans|ship``: cProfile of that phase;
- ``BENCH_SMAPS=1``: the resident mappings and modules with the order open (with
  ``PYTHONTRACEMALLOC=1``, Python's allocations by ``BENCH_TRACE_BY``, filename or lineno);
- ``BENCH_TIMELINE=1``: when each start-up step began, the client was built and the
  slip was offered and answered.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from benchmarks.program import Beats


class StallSampler:
    """With ``BENCH_STALLS=1``: what the GUI thread was doing whenever a heartbeat was late.

    A thread looks at the GUI thread's stack every 2 ms while the last beat is more than
    8 ms old, and prints the most frequent stacks to stderr at the end: where the gaps in
    the table come from, without a profiler's own overhead on every call.
    """

    def __init__(self, beats: Beats) -> None:
        import collections
        import threading
        import traceback

        self._beats, self._counts = beats, collections.Counter[str]()
        self._others = collections.Counter[str]()
        self._gui = threading.get_ident()
        self._stop = threading.Event()

        def sample() -> None:
            while not self._stop.wait(0.002):
                last = self._beats.beats[-1] if self._beats.beats else time.perf_counter()
                if time.perf_counter() - last > 0.008:
                    frames = sys._current_frames()
                    frame = frames.get(self._gui)
                    if frame is not None:
                        stack = traceback.extract_stack(frame)
                        # What runs under the probe's own event loop, not the probe.
                        inner = [i for i, f in enumerate(stack) if f.name == "wait_until"]
                        stack = stack[inner[-1] + 1 :] if inner else stack[-14:]
                        self._counts["".join(traceback.format_list(stack[:14]))] += 1
                    # The GUI thread may be waiting for the interpreter: who runs meanwhile.
                    names = {t.ident: t.name for t in threading.enumerate()}
                    for ident, other in frames.items():
                        if ident in (self._gui, threading.get_ident()):
                            continue
                        tail = traceback.extract_stack(other)[-5:]
                        idle = ("get(", "wait(", "sleep(", "select(", "accept(", "recv")
                        if tail and not any(word in (tail[-1].line or "") for word in idle):
                            where = "".join(traceback.format_list(tail))
                            self._others[f"[{names.get(ident, ident)}]\n{where}"] += 1

        sys.setswitchinterval(0.0005)  # the sampler gets the interpreter in time
        self._thread = threading.Thread(target=sample, name="bench-stalls", daemon=True)
        self._thread.start()

    def report(self, title: str) -> None:
        self._stop.set()
        self._thread.join()
        print(f"=== stalls: {title}", file=sys.stderr)
        for stack, count in self._counts.most_common(4):
            print(f"--- {count} samples (x2 ms)\n{stack}", file=sys.stderr)
        for stack, count in self._others.most_common(4):
            print(f"--- meanwhile, {count} samples\n{stack}", file=sys.stderr)


@contextlib.contextmanager
def profiled(phase: str) -> Iterator[None]:
    """With ``BENCH_PROFILE=<phase>``: where that phase's time goes (cProfile, on stderr)."""
    if os.environ.get("BENCH_PROFILE") != phase:
        yield
        return
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.enable()
    try:
        yield
    finally:
        profile.disable()
        pstats.Stats(profile, stream=sys.stderr).sort_stats("tottime").print_stats(30)


def sampled(beats: Beats, title: str) -> Callable[[], None]:
    """Start sampling stalls if asked to; returns what ends it."""
    if not os.environ.get("BENCH_STALLS"):
        return lambda: None
    sampler = StallSampler(beats)
    return lambda: sampler.report(title)


def print_mappings() -> None:
    """The largest resident mappings and Python's own allocations, on stderr."""
    import collections
    import gc

    resident: collections.Counter[str] = collections.Counter()
    name = ""
    with open("/proc/self/smaps", encoding="utf-8") as maps:
        for line in maps:
            parts = line.split()
            if "-" in parts[0] and not parts[0].endswith(":"):
                name = parts[5] if len(parts) > 5 else "[anonymous]"
            elif parts[0] == "Rss:":
                resident[name] += int(parts[1])
    print(
        f"=== resident {sum(resident.values()) / 1024:.0f} MiB, {len(sys.modules)} modules,"
        f" {len(gc.get_objects())} tracked objects",
        file=sys.stderr,
    )
    for mapping, kib in resident.most_common(25):
        print(f"{kib / 1024:7.1f} MiB  {mapping}", file=sys.stderr)
    by_package: collections.Counter[str] = collections.Counter()
    for module in sys.modules:
        by_package[module.split(".")[0]] += 1
    print("modules by package:", by_package.most_common(25), file=sys.stderr)
    import tracemalloc

    if tracemalloc.is_tracing():  # PYTHONTRACEMALLOC=1 as well: Python's own, by file
        stats = tracemalloc.take_snapshot().statistics(os.environ.get("BENCH_TRACE_BY", "filename"))
        print(f"python: {sum(s.size for s in stats) / 2**20:.1f} MiB", file=sys.stderr)
        for stat in stats[:30]:
            print(f"{stat.size / 2**20:7.2f} MiB  {stat.traceback[0].filename}", file=sys.stderr)


def timeline(started_at: float) -> None:
    """With ``BENCH_TIMELINE=1``: when the window showed, each start-up step began, the
    token was read, the HTTP stack loaded, the client built, the slip offered and
    answered, and the bench's window built, printed to stderr (milliseconds since the
    launch). Each module is marked once the program imports it (``_after_import``), so
    the timeline imports nothing early and the launch it shows is the program's own."""
    if not os.environ.get("BENCH_TIMELINE"):
        return
    import threading

    def mark(what: str) -> None:
        print(
            f"{(time.time() - started_at) * 1000:7.1f} ms  {what} "
            f"[{threading.current_thread().name}]",
            file=sys.stderr,
            flush=True,
        )

    seen: set[str] = set()

    def spanned(owner: Any, name: str, what: str) -> None:
        original = getattr(owner, name)

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if what in seen:  # the first call only (the HTTP stack's load is asked often)
                return original(*args, **kwargs)
            seen.add(what)
            mark(f"{what} begins")
            try:
                return original(*args, **kwargs)
            finally:
                mark(f"{what} ends")

        setattr(owner, name, wrapped)

    def shell_loaded(shell: Any) -> None:
        run_steps = shell.BenchShell.run_steps

        def steps(self: Any, steps: Any, failed: Any) -> None:
            def marked() -> Any:
                for step in steps:
                    mark(f"step {step} begins")
                    yield step
                mark("steps done")

            mark("window shown")
            run_steps(self, marked(), failed)

        shell.BenchShell.run_steps = steps

    def launch_loaded(launch_fetch: Any) -> None:
        for name in ("_build", "offer", "_fetch"):
            spanned(launch_fetch.LaunchFetch, name, f"launch {name}")

    mark("the probe's QApplication made, the program's main next")
    _after_import("packstation.ui.views.shell", shell_loaded)
    _after_import("packstation.ui.station.launch_fetch", launch_loaded)
    _after_import(
        "packstation.keyring_child",
        lambda m: spanned(m, "read_in_child", "token read in the child"),
    )
    _after_import("packstation.redo.http_stack", lambda m: spanned(m, "load", "HTTP stack"))
    _after_import(
        "packstation.ui.station.services",
        lambda m: spanned(m, "build_client", "client built"),
    )
    _after_import(
        "packstation.ui.views.main_window",
        lambda m: spanned(m.MainWindow, "__init__", "bench window built"),
    )
    _after_import(
        "packstation.ui.bench.orders",
        lambda m: spanned(m.OrderFlow, "_opened", "order shown on the bench"),
    )
    _after_import(
        "packstation.packing.catalog",
        lambda m: spanned(m.KeyedEntries, "__init__", "order's catalog codes keyed"),
    )
    for heavy in WATCHED_IMPORTS:
        _after_import(heavy, lambda _: None, mark)


#: The imports the timeline shows begin and end (BENCH_TIMELINE_IMPORTS adds to them).
WATCHED_IMPORTS = (
    "pydantic",
    "httpx",
    "biip",
    "packstation.config",
    "packstation.redo.models",
    "packstation.store.station",
    "packstation.store.returns_sender",
    "packstation.ui.printing.printer",
    "packstation.ui.station.runtime",
    "packstation.ui.views.main_window",
    *os.environ.get("BENCH_TIMELINE_IMPORTS", "").split(),
)


#: What waits for each module the timeline watches (``_after_import``), by module name.
_WAITING: dict[str, list[Callable[[Any], None]]] = {}


def _after_import(
    name: str, then: Callable[[Any], None], mark: Callable[[str], None] | None = None
) -> None:
    """``then(module)`` once the program has imported ``name`` (at once if it has);
    with ``mark``, the import's beginning and end are marked. One finder on
    ``sys.meta_path`` serves every module asked for, however many wait for each."""
    if name in sys.modules:
        then(sys.modules[name])
        return
    if not _WAITING:
        sys.meta_path.insert(0, _Finder())
    waiting = _WAITING.setdefault(name, [])
    if mark is not None:
        waiting.insert(0, lambda _: mark(f"import {name} ends"))
        _MARKS[name] = mark
    waiting.append(then)


#: The modules whose import's beginning is marked, and how.
_MARKS: dict[str, Callable[[str], None]] = {}


class _Finder:
    """Wraps the loading of each module in ``_WAITING`` to run what waits for it."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname not in _WAITING:
            return None
        import importlib.machinery

        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        execute = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            waiting = _WAITING.pop(fullname, [])
            if not _WAITING and self in sys.meta_path:
                sys.meta_path.remove(self)
            if fullname in _MARKS:
                _MARKS.pop(fullname)(f"import {fullname} begins")
            execute(module)
            for then in waiting:
                then(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec
