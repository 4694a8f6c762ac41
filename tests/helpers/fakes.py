"""Fakes for the window's collaborators (no mocks): a keyring in memory, a sound recorder."""

from __future__ import annotations

import threading

import keyring.backend
import keyring.errors

from packstation.ui.station.sounds import Sound


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


class GatedKeyring(MemoryKeyring):
    """A keyring whose reads wait until the test opens the gate, like a locked Secret Service."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.reads_waiting = threading.Event()
        self.reading = False
        self.reads = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        self.reading = True
        self.reads_waiting.set()
        self.gate.wait(timeout=10)
        self.reading = False
        return super().get_password(service, username)


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's plain-text file backend: must be refused."""


class RecordingSound:
    def __init__(self) -> None:
        self.played: list[Sound] = []
        self.enabled = True
        self.problem: str | None = None
        self.closed = False

    def play(self, sound: Sound) -> None:
        self.played.append(sound)

    def set_volume(self, enabled: bool, volume: int) -> None:
        self.enabled = enabled

    def attach(self, worker: object) -> None:
        pass

    def close(self) -> None:
        self.closed = True


class Nobody:
    """A bench's ``Identity`` for a dialog tested without a bench: nobody has scanned a
    badge, no lead is named (so any named person may do a lead's action)."""

    packer = ""
    leads: frozenset[str] = frozenset()

    def is_lead(self, name: str) -> bool:
        return bool(name)
