"""The token lives in the keyring or, when no safe keyring exists, in memory only."""

from __future__ import annotations

import io
import logging

import keyring.backends.fail
import keyring.backends.null
import pytest

from packstation.app import build_parser
from packstation.cli_token import run as token_command
from packstation.credentials import (
    SERVICE,
    KeyringProblem,
    KeyringProblemKind,
    TokenStore,
    backend_problem,
)
from tests.helpers.fakes import GatedKeyring, MemoryKeyring, PlaintextKeyring


def test_token_round_trip_in_the_keyring() -> None:
    backend = MemoryKeyring()
    tokens = TokenStore(backend)
    assert tokens.problem is None
    assert tokens.set("store-1", "  tok-abc  ")
    assert backend.secrets == {(SERVICE, "store-1"): "tok-abc"}
    token = tokens.get("store-1")
    assert token is not None
    assert token.get_secret_value() == "tok-abc"
    assert "tok-abc" not in repr(token)
    assert "tok-abc" not in repr(tokens)
    tokens.clear("store-1")
    assert tokens.get("store-1") is None
    tokens.clear("store-1")  # clearing twice is fine


@pytest.mark.parametrize(
    ("backend", "problem"),
    [
        (keyring.backends.fail.Keyring(), KeyringProblem(KeyringProblemKind.NONE_AVAILABLE)),
        (keyring.backends.null.Keyring(), KeyringProblem(KeyringProblemKind.NONE_AVAILABLE)),
        (
            PlaintextKeyring(),
            KeyringProblem(KeyringProblemKind.UNENCRYPTED, "PlaintextKeyring"),
        ),
    ],
    ids=["fail", "null", "plaintext"],
)
def test_unsafe_keyrings_are_refused_and_the_token_stays_in_memory(
    backend: object, problem: KeyringProblem
) -> None:
    assert backend_problem(backend) == problem  # type: ignore[arg-type]
    tokens = TokenStore(backend)  # type: ignore[arg-type]
    assert tokens.set("s", "tok-xyz") is False
    assert tokens.get("s") is not None
    if isinstance(backend, MemoryKeyring):
        assert backend.secrets == {}  # nothing written to the plain-text store


def test_empty_token_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        TokenStore(MemoryKeyring()).set("s", "   ")


def test_token_set_and_clear_commands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    backend = MemoryKeyring()
    monkeypatch.setattr("sys.stdin", io.StringIO("tok-from-stdin\n"))
    args = build_parser().parse_args(["token", "set", "--store-id", "shop-9"])
    assert token_command(args, TokenStore(backend)) == 0
    assert backend.secrets == {(SERVICE, "shop-9"): "tok-from-stdin"}
    assert "tok-from-stdin" not in capsys.readouterr().out
    args = build_parser().parse_args(["token", "clear", "--store-id", "shop-9"])
    assert token_command(args, TokenStore(backend)) == 0
    assert backend.secrets == {}


def test_token_set_refuses_an_unsafe_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("tok\n"))
    args = build_parser().parse_args(["token", "set", "--store-id", "s"])
    assert token_command(args, TokenStore(keyring.backends.fail.Keyring())) == 3


def test_token_never_reaches_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    tokens = TokenStore(MemoryKeyring())
    tokens.set("s", "tok-LOGCHECK")
    tokens.get("s")
    assert all("tok-LOGCHECK" not in r.getMessage() for r in caplog.records)


def test_token_clear_says_when_there_was_nothing_to_clear(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = build_parser().parse_args(["token", "clear", "--store-id", "shop-9"])
    assert token_command(args, TokenStore(MemoryKeyring())) == 4
    assert "No token was stored for store shop-9" in capsys.readouterr().err
    assert token_command(args, TokenStore(keyring.backends.fail.Keyring())) == 3
    assert "Nothing removed: No secure keyring" in capsys.readouterr().err


def test_a_token_with_whitespace_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = MemoryKeyring()
    monkeypatch.setattr("sys.stdin", io.StringIO("tok en\n"))
    args = build_parser().parse_args(["token", "set", "--store-id", "s"])
    assert token_command(args, TokenStore(backend)) == 2
    assert backend.secrets == {}


def test_token_help_names_the_store_id_argument() -> None:
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices["token"]  # type: ignore[union-attr]
    token_set = sub._subparsers._group_actions[0].choices["set"]
    assert "--store-id STORE_ID" in token_set.format_usage()


def test_a_token_read_ahead_is_taken_by_the_next_get_of_that_store() -> None:
    backend = GatedKeyring()
    backend.secrets[(SERVICE, "s1")] = "tok-early"
    tokens = TokenStore(backend)
    tokens.read_ahead("s1")  # returns at once: the keyring has not answered
    assert backend.reads <= 1
    backend.gate.set()
    token = tokens.get("s1")
    assert token is not None and token.get_secret_value() == "tok-early"
    assert backend.reads == 1  # the early read was used, not repeated
    assert tokens.get("s1") is not None and backend.reads == 2  # and used only once


def test_a_read_ahead_never_answers_for_another_store_or_after_a_change() -> None:
    backend = GatedKeyring()
    backend.gate.set()
    backend.secrets[(SERVICE, "s1")] = "tok-old"
    backend.secrets[(SERVICE, "s2")] = "tok-two"
    tokens = TokenStore(backend)
    tokens.read_ahead("s1")
    token = tokens.get("s2")
    assert token is not None and token.get_secret_value() == "tok-two"
    tokens.read_ahead("s1")
    assert tokens.set("s1", "tok-new")
    token = tokens.get("s1")
    assert token is not None and token.get_secret_value() == "tok-new"


def test_a_read_ahead_that_failed_fails_the_get_that_takes_it() -> None:
    class Broken(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise RuntimeError("the keyring daemon went away")

    tokens = TokenStore(Broken())
    tokens.read_ahead("s1")
    with pytest.raises(RuntimeError, match="went away"):
        tokens.get("s1")
