"""The launch's token read in a child process: the same token, never shown at a terminal,
and the program's own read whenever the child cannot answer."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from packstation import keyring_child
from packstation.credentials import TokenStore
from packstation.keyring_child import COMMAND, read_in_child
from tests.helpers.fakes import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shared_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A keyring file the child reads through keyring's own configuration (IT's way)."""
    secrets = tmp_path / "keyring.json"
    secrets.write_text('{"packstation/store-1": "t0ken-from-the-keyring"}', "utf-8")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.helpers.file_keyring.FileKeyring")
    monkeypatch.setenv("PACKSTATION_TEST_KEYRING", str(secrets))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.chdir(ROOT)
    return secrets


def test_the_child_reads_the_store_s_token(shared_keyring: Path, tmp_path: Path) -> None:
    got = read_in_child("store-1", tmp_path / "keyring-backend")
    assert got is not None
    assert got.token == "t0ken-from-the-keyring"
    assert got.problem is None


def test_a_store_without_a_token_answers_none(shared_keyring: Path) -> None:
    got = read_in_child("store-2", None)
    assert got is not None
    assert got.token is None


def test_the_child_never_writes_the_token_to_a_terminal(shared_keyring: Path) -> None:
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "packstation", COMMAND, "store-1"],
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
        os.close(follower)
        follower = -1
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal's other end is closed: all read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert b"t0ken" not in shown
    assert b"terminal" in done.stderr


def test_the_program_reads_the_token_itself_when_the_child_cannot(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(keyring_child, "child_command", lambda: ["false"])
    backend = MemoryKeyring()
    backend.set_password("packstation", "store-1", "read-in-the-program")
    tokens = TokenStore(backend=backend, read_apart=True)
    tokens.read_ahead("store-1")
    token = tokens.get("store-1")
    assert token is not None and token.get_secret_value() == "read-in-the-program"


def test_a_token_store_reading_apart_takes_the_child_s_answer(shared_keyring: Path) -> None:
    backend = MemoryKeyring()  # what the program would read itself: not asked
    tokens = TokenStore(backend=backend, read_apart=True)
    tokens.read_ahead("store-1")
    token = tokens.get("store-1")
    assert token is not None and token.get_secret_value() == "t0ken-from-the-keyring"
    assert "t0ken" not in repr(tokens)
