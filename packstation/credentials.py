"""The API token, kept only in the operating system's keyring.

Service ``packstation``, user name = the store ID. A keyring that cannot keep a
secret safely (the ``fail`` or ``null`` backends, or one that writes plain text)
is refused: the token then lives in memory for this session only, and the window
says so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import SecretStr

if TYPE_CHECKING:
    import keyring.backend

log = logging.getLogger("packstation.credentials")

SERVICE = "packstation"


def backend_problem(backend: keyring.backend.KeyringBackend | None = None) -> str | None:
    """Why this keyring cannot hold the token, or None when it can."""
    import keyring

    backend = backend or keyring.get_keyring()
    chain = getattr(backend, "backends", None) or [backend]
    for one in chain:
        module = type(one).__module__
        name = type(one).__name__
        if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
            return "No secure keyring is available on this computer."
        if "plaintext" in name.lower() or module.startswith("keyrings.alt"):
            return f"The keyring backend {name} stores secrets unencrypted; it is not used."
        try:
            if one.priority <= 0:
                return f"The keyring backend {name} is not usable here."
        except Exception:
            return f"The keyring backend {name} is not usable here."
    return None


@dataclass
class TokenStore:
    """Get, set and clear tokens; falls back to memory for this session only."""

    backend: keyring.backend.KeyringBackend | None = None
    _session: dict[str, SecretStr] = field(default_factory=dict, repr=False)

    def _keyring(self) -> keyring.backend.KeyringBackend:
        # Imported on first use: keyring scans entry points, which the window's start skips.
        import keyring

        return self.backend or keyring.get_keyring()

    @property
    def problem(self) -> str | None:
        return backend_problem(self._keyring())

    def get(self, store_id: str) -> SecretStr | None:
        if store_id in self._session:
            return self._session[store_id]
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
            raise ValueError("The token is empty.")
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
