"""A keyring backend a child process can share with a test: secrets in a JSON file.

Only for tests of the token read in a child process (``keyring_child.py``), chosen there
through ``PYTHON_KEYRING_BACKEND`` with the file named by ``PACKSTATION_TEST_KEYRING``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend


class FileKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @staticmethod
    def _path() -> Path:
        return Path(os.environ["PACKSTATION_TEST_KEYRING"])

    def _all(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text("utf-8")) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._all().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        secrets = self._all() | {f"{service}/{username}": password}
        self._path().write_text(json.dumps(secrets), "utf-8")

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._all()
        secrets.pop(f"{service}/{username}", None)
        self._path().write_text(json.dumps(secrets), "utf-8")
