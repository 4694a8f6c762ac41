"""Which keyring backend holds the token, found without keyring's discovery at every launch.

keyring finds its backend by loading every backend it knows (entry points, then each
one's viability check, several of them over D-Bus): about 65 ms of the interpreter at
each launch, while a slip scanned at launch waits for its token. What it found is kept
in the station's cache folder; the next launch makes that backend directly, after checking
that it is still usable. Anything else goes through keyring's own choice as before: IT's
``keyringrc.cfg`` or ``PYTHON_KEYRING_BACKEND``, a chain of backends, a backend gone or
no longer usable. Only keyring's own backends are ever named from the file, so the file
cannot make the program import anything else (nor pick a plain-text store, which live in
other packages and are refused in any case by ``credentials.backend_problem``).
"""

from __future__ import annotations

import importlib
import logging
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import keyring.backend

log = logging.getLogger("packstation.credentials")

#: The keyring service the token is kept under (user name: the store ID).
SERVICE = "packstation"
#: The only backends a remembered name may point to.
OWN_BACKENDS = "keyring.backends."


class KeyringProblemKind(StrEnum):
    """Why the keyring cannot hold the token."""

    #: Only keyring's ``fail`` or ``null`` backend: nothing secure is installed.
    NONE_AVAILABLE = "none_available"
    #: ``backend`` writes secrets as plain text (keyrings.alt and the like).
    UNENCRYPTED = "unencrypted"
    #: ``backend`` says it cannot be used here (priority 0 or below, or it fails to say).
    UNUSABLE = "unusable"


@dataclass(frozen=True, slots=True)
class KeyringProblem:
    """A :class:`KeyringProblemKind` and the backend's class name (the window words it)."""

    kind: KeyringProblemKind
    backend: str = ""

    def __str__(self) -> str:
        return f"keyring {self.kind.value}" + (f" ({self.backend})" if self.backend else "")


def backend_problem(
    backend: keyring.backend.KeyringBackend | None = None,
) -> KeyringProblem | None:
    """Why this keyring cannot hold the token, or None when it can."""
    import keyring

    backend = backend or keyring.get_keyring()
    chain = getattr(backend, "backends", None) or [backend]
    for one in chain:
        module = type(one).__module__
        name = type(one).__name__[:100]
        if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
            return KeyringProblem(KeyringProblemKind.NONE_AVAILABLE)
        if "plaintext" in name.lower() or module.startswith("keyrings.alt"):
            return KeyringProblem(KeyringProblemKind.UNENCRYPTED, name)
        try:
            if one.priority <= 0:
                return KeyringProblem(KeyringProblemKind.UNUSABLE, name)
        except Exception:
            return KeyringProblem(KeyringProblemKind.UNUSABLE, name)
    return None


def choose(remembered: Path | None) -> keyring.backend.KeyringBackend:
    """The backend to use: IT's, else the one remembered in ``remembered`` if still usable,
    else keyring's discovery (remembered for next time when it is a single backend)."""
    import keyring
    import keyring.core

    if remembered is None or keyring.core.load_env() or keyring.core.load_config():
        return keyring.get_keyring()
    backend = _remembered(remembered)
    if backend is not None:
        return backend
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    if name.startswith(OWN_BACKENDS) and getattr(backend, "backends", None) is None:
        _remember(remembered, name)
    return backend


def _remembered(path: Path) -> keyring.backend.KeyringBackend | None:
    try:
        name = path.read_text("utf-8").strip()
    except OSError:
        return None
    module, _, cls = name.rpartition(".")
    if not (module.startswith(OWN_BACKENDS) and cls.isidentifier()):
        return None
    try:
        backend = getattr(importlib.import_module(module), cls)()
        if backend.priority > 0:
            return backend  # type: ignore[no-any-return]
    except Exception as exc:  # gone, or not usable here now: keyring chooses again
        log.info("the remembered keyring %s cannot be used now: %s", name, type(exc).__name__)
    return None


def _remember(path: Path, name: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text(name, "utf-8")
        os.replace(partial, path)
    except OSError as exc:  # only a slower next launch
        log.info("cannot remember the keyring in %s: %s", path, exc)
