"""The API token, kept only in the operating system's keyring.

Service ``packstation``, user name = the store ID. A keyring that cannot keep a
secret safely (the ``fail`` or ``null`` backends, or one that writes plain text)
is refused: the token then lives in memory for this session only, and the window
says so.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import SecretStr

# The keyring's service and problems live with the backend's choice (no pydantic there: a
# token read in a process of its own imports that module alone); re-exported from here.
from packstation.keyring_choice import (
    SERVICE,
    KeyringProblem,
    KeyringProblemKind,
    backend_problem,
)

__all__ = [
    "SERVICE",
    "KeyringProblem",
    "KeyringProblemKind",
    "TokenStore",
    "WarehousePasswords",
    "backend_problem",
]

if TYPE_CHECKING:
    import keyring.backend

    from packstation.warehouse.address import WarehouseAddress

log = logging.getLogger("packstation.credentials")


@dataclass
class TokenStore:
    """Get, set and clear tokens; falls back to memory for this session only."""

    backend: keyring.backend.KeyringBackend | None = None
    #: Where the backend keyring chose is remembered between launches (keyring_choice.py).
    remember_in: Path | None = None
    #: ``read_ahead`` reads in a child process first (keyring_child.py: the window's
    #: process then never loads the Secret Service's client at launch).
    read_apart: bool = False
    _session: dict[str, SecretStr] = field(default_factory=dict, repr=False)
    #: A read started early (``read_ahead``): the store ID and its answer to come.
    _ahead: tuple[str, Future[SecretStr | None]] | None = field(default=None, repr=False)

    def _keyring(self) -> keyring.backend.KeyringBackend:
        # Imported on first use: keyring scans entry points, which the window's start skips.
        if self.backend is None:
            from packstation.keyring_choice import choose

            self.backend = choose(self.remember_in)
        return self.backend

    @property
    def problem(self) -> KeyringProblem | None:
        return backend_problem(self._keyring())

    def read_ahead(
        self, store_id: str, start: Callable[[str, Callable[[], None]], object] | None = None
    ) -> None:
        """Start reading ``store_id``'s token now, on a daemon thread of its own
        (``start(name, target)`` starts it: the runtime's ``Threads``, which joins it at
        exit; a plain daemon thread by default).

        The next ``get`` of that store takes this answer (waiting for it if need be)
        instead of asking again. An OS keyring answers over IPC in tens to hundreds of
        milliseconds, and may wait on an unlock prompt: started at launch, the read
        overlaps with building the window instead of following it. Nothing is cached
        beyond that one ``get``; ``set`` and ``clear`` drop a read still to be taken.
        """
        if not store_id or store_id in self._session:
            return
        answer: Future[SecretStr | None] = Future()

        def read() -> None:
            try:
                answer.set_result(self._read_first(store_id))
            except BaseException as exc:  # handed to get(), which raises it there
                answer.set_exception(exc)

        self._ahead = (store_id, answer)
        if start is not None:
            start("packstation-keyring-ahead", read)
            return
        threading.Thread(target=read, name="packstation-keyring-ahead", daemon=True).start()

    def get(self, store_id: str) -> SecretStr | None:
        if store_id in self._session:
            return self._session[store_id]
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[0] == store_id:
            return ahead[1].result()
        return self._read(store_id)

    def _read_first(self, store_id: str) -> SecretStr | None:
        """The launch's read: in a child process when ``read_apart``, else (or when the
        child could not say) here."""
        if self.read_apart:
            from packstation.keyring_child import read_in_child

            got = read_in_child(store_id, self.remember_in)
            if got is not None:
                if got.problem is not None:
                    log.warning("the keyring cannot hold the token: %s", got.problem)
                return SecretStr(got.token) if got.token else None
        return self._read(store_id)

    def _read(self, store_id: str) -> SecretStr | None:
        if self.problem:
            return None
        import keyring.errors

        try:
            value = self._keyring().get_password(SERVICE, store_id)
        except keyring.errors.KeyringError as exc:
            log.warning("keyring read failed: %s", type(exc).__name__)
            return None
        return SecretStr(value) if value else None

    def set(self, store_id: str, token: str) -> bool:
        """Store the token; returns False when it is kept for this session only."""
        token = token.strip()
        if not token:
            raise ValueError("empty token")
        self._ahead = None
        if self.problem:
            self._session[store_id] = SecretStr(token)
            return False
        import keyring.errors

        try:
            self._keyring().set_password(SERVICE, store_id, token)
        except keyring.errors.KeyringError as exc:
            log.warning("keyring write failed: %s", type(exc).__name__)
            self._session[store_id] = SecretStr(token)
            return False
        self._session.pop(store_id, None)
        return True

    @property
    def backend_name(self) -> str:
        return type(self._keyring()).__name__

    def clear(self, store_id: str) -> bool:
        """Forget the token; True if one was stored (in the keyring or for this session)."""
        self._ahead = None
        had_session = self._session.pop(store_id, None) is not None
        if self.problem:
            return had_session
        import keyring.errors

        try:
            self._keyring().delete_password(SERVICE, store_id)
        except keyring.errors.PasswordDeleteError:
            return had_session
        except keyring.errors.KeyringError as exc:
            log.warning("keyring delete failed: %s", type(exc).__name__)
            return had_session
        return True


class WarehousePasswords:
    """The warehouse's password, when its server asks for one, kept like the token: only
    in a keyring that keeps secrets safely (service ``packstation-warehouse``)."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self.backend = backend

    def _keyring(self) -> keyring.backend.KeyringBackend:
        import keyring

        return self.backend or keyring.get_keyring()

    @property
    def problem(self) -> KeyringProblem | None:
        return backend_problem(self._keyring())

    def get(self, address: WarehouseAddress) -> str | None:
        """The password for ``address``; None when there is none or the keyring is refused
        (the server then says a password is needed, and the bench says so)."""
        from packstation.warehouse.address import KEYRING_SERVICE

        if self.problem is not None:
            return None
        try:
            return self._keyring().get_password(KEYRING_SERVICE, address.keyring_user)
        except Exception:
            log.warning("the warehouse password could not be read from the keyring")
            return None

    def set(self, address: WarehouseAddress, password: str) -> bool:
        from packstation.warehouse.address import KEYRING_SERVICE

        if self.problem is not None:
            return False
        self._keyring().set_password(KEYRING_SERVICE, address.keyring_user, password)
        return True

    def clear(self, address: WarehouseAddress) -> bool:
        import keyring.errors

        from packstation.warehouse.address import KEYRING_SERVICE

        try:
            self._keyring().delete_password(KEYRING_SERVICE, address.keyring_user)
        except keyring.errors.PasswordDeleteError:
            return False
        return True
