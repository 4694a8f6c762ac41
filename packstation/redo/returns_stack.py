"""The returns API's modules, imported once, by one thread at a time, when first used.

Their pydantic models take a few tens of milliseconds and some memory to build, and a
bench that only packs never needs them: the launch does not import them. The first
return a bench opens or sends loads them on a worker (the port's returns door reads
Redo on ``reads``; the returns sender on its own thread), each through ``load()``
first, because the four modules import each other and two threads importing them at
once could see one half-built (``load_once.py``).
"""

from __future__ import annotations

from types import ModuleType

from packstation.load_once import run_once


def _import() -> tuple[ModuleType, ...]:
    from packstation.redo import returns, returns_api, returns_order, returns_process

    return (returns, returns_api, returns_order, returns_process)


#: Import the returns API's models and calls, if not done yet; thread-safe.
load = run_once(_import)
