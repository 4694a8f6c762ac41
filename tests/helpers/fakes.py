"""Fakes for the window's collaborators (no mocks): a keyring in memory, a sound recorder."""

from __future__ import annotations

import keyring.backend
import keyring.errors

from packstation.ui.sounds import Sound


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend that keeps secrets in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.secrets:
            raise keyring.errors.PasswordDeleteError(username)
        del self.secrets[(service, username)]


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's plain-text file backend: must be refused."""


class RecordingSound:
    def __init__(self) -> None:
        self.played: list[Sound] = []
        self.enabled = True
        self.problem: str | None = None

    def play(self, sound: Sound) -> None:
        self.played.append(sound)

    def set_volume(self, enabled: bool, volume: int) -> None:
        self.enabled = enabled
