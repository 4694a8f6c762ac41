"""``packstation token set|clear``: IT provisions the API token in the OS keyring by script.

Every outcome is said in one line and the exit code tells a deployment tool what happened:
0 done, 2 nothing usable on standard input, 3 no secure keyring, 4 nothing was stored.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from packstation.credentials import TokenStore


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    token = sub.add_parser("token", help="provision the API token in the OS keyring (for IT)")
    token_sub = token.add_subparsers(dest="token_action", required=True)
    token_set = token_sub.add_parser("set", help="store the token read from standard input")
    token_set.add_argument("--store-id", dest="token_store_id", metavar="STORE_ID", required=True)
    token_clear = token_sub.add_parser("clear", help="remove the stored token")
    token_clear.add_argument("--store-id", dest="token_store_id", metavar="STORE_ID", required=True)


def _problem_text(tokens: TokenStore) -> str:
    """Why the keyring cannot keep a token, in words ("" when it can)."""
    problem = tokens.problem
    if problem is None:
        return ""
    from packstation.ui.words.problems import keyring_text  # English: no translator here

    return keyring_text(problem)


def run(args: argparse.Namespace, tokens: TokenStore | None = None) -> int:
    if tokens is None:
        from packstation.credentials import TokenStore

        tokens = TokenStore()
    store_id = args.token_store_id.strip()
    if not store_id:
        print("The store ID is empty.", file=sys.stderr)
        return 2
    problem = _problem_text(tokens)
    if args.token_action == "clear":  # noqa: S105 - a sub-command name, not a secret
        if problem:
            print(f"Nothing removed: {problem}", file=sys.stderr)
            return 3
        if not tokens.clear(store_id):
            print(f"No token was stored for store {store_id}.", file=sys.stderr)
            return 4
        print(f"Token for store {store_id} removed from the keyring.")
        return 0
    if problem:
        print(f"Cannot store the token: {problem}", file=sys.stderr)
        return 3
    token = sys.stdin.readline().strip()
    if not token:
        print("No token on standard input.", file=sys.stderr)
        return 2
    if any(ch.isspace() for ch in token):
        print("The token contains spaces; a Redo token has none. Nothing stored.", file=sys.stderr)
        return 2
    if not tokens.set(store_id, token):
        print("The keyring did not take the token. Nothing stored.", file=sys.stderr)
        return 4
    print(f"Token for store {store_id} stored in the keyring ({tokens.backend_name}).")
    return 0
