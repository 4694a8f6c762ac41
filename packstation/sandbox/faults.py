"""Misbehaviour the sandbox can be told to show, from the command line or from tests."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from packstation.sandbox.routes import SCOPES


@dataclass
class Faults:
    """Thread-safe switches; counters are consumed one request at a time."""

    #: Seconds added before every answer.
    latency: float = 0.0
    #: Seconds added before answering writes only (on top of ``latency``).
    write_latency: float = 0.0
    #: The next N writes fail with 503 before anything is stored.
    fail_writes: int = 0
    #: The next N writes are refused with 400 (a validation error the client cannot fix).
    reject_writes: int = 0
    #: The next N requests get 429 with ``Retry-After: retry_after``.
    rate_limit: int = 0
    retry_after: int = 1
    #: The next N writes are stored, then the connection is closed without an answer.
    drop_after_commit: int = 0
    #: The next N writes are stored, then the answer is withheld for ``hang_seconds``.
    hang_after_commit: int = 0
    hang_seconds: float = 30.0
    #: Every request from now on gets 401.
    revoked: bool = False
    #: Seconds between 16-byte pieces of every answer body (a slow, trickling body).
    trickle: float = 0.0
    #: Scopes the token lacks (``routes.SCOPES``): a request that needs one gets 403.
    missing_scopes: frozenset[str] = frozenset()
    #: Answer ``POST /returns/{id}/process`` with the spec's second message ("prepared
    #: ... once all products are ready"), still processing as asked.
    process_prepared: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def take(self, name: str) -> bool:
        """Consume one unit of counter ``name``; True if the fault applies to this request."""
        with self._lock:
            count = getattr(self, name)
            if count > 0:
                setattr(self, name, count - 1)
                return True
            return False

    def set(self, **values: float | int | bool | frozenset[str]) -> None:
        with self._lock:
            for name, value in values.items():
                if name.startswith("_") or not hasattr(self, name):
                    raise ValueError(f"unknown fault: {name}")
                setattr(self, name, value)

    def reset(self) -> None:
        self.set(**{k: v for k, v in Faults().__dict__.items() if not k.startswith("_")})


FAULT_HELP = """\
latency=SECONDS          add SECONDS before every answer
write-latency=SECONDS    add SECONDS before answering writes
fail-writes=N            the next N writes fail with 503
reject-writes=N          the next N writes are refused with 400
rate-limit=N[:SECONDS]   the next N requests get 429 with Retry-After (default 1 s)
drop-after-commit=N      the next N writes are stored, then the connection is dropped
hang-after-commit=N[:S]  the next N writes are stored, then the answer waits S seconds
revoked                  the token is revoked: 401 from now on
trickle=SECONDS          send every body in 16-byte pieces SECONDS apart
missing-scope=SCOPE[,S]  the token lacks SCOPE (e.g. returns_write): 403 where needed
process-prepared         returns are processed, the answer says only 'prepared'"""


def parse_fault(text: str, faults: Faults) -> None:
    """Apply one ``--fault`` argument, e.g. ``rate-limit=3:2`` or ``revoked``."""
    name, _, value = text.partition("=")
    key = name.strip().replace("-", "_")
    try:
        if key in {"revoked", "process_prepared"}:
            faults.set(**{key: True})
        elif key == "missing_scope":
            scopes = frozenset(s.strip() for s in value.split(",") if s.strip())
            if not scopes or not scopes <= SCOPES:
                raise ValueError(f"a scope is one of {', '.join(sorted(SCOPES))}")
            faults.set(missing_scopes=faults.missing_scopes | scopes)
        elif key in {"latency", "write_latency", "trickle"}:
            faults.set(**{key: float(value)})
        elif key in {"fail_writes", "drop_after_commit", "reject_writes"}:
            faults.set(**{key: int(value)})
        elif key == "rate_limit":
            count, _, seconds = value.partition(":")
            faults.set(rate_limit=int(count), retry_after=int(seconds or 1))
        elif key == "hang_after_commit":
            count, _, seconds = value.partition(":")
            faults.set(hang_after_commit=int(count), hang_seconds=float(seconds or 30))
        else:
            raise ValueError(f"unknown fault {name!r}")
    except ValueError as exc:
        raise ValueError(f"bad --fault {text!r}: {exc}\n{FAULT_HELP}") from None
