"""The token read at launch in a process of its own, on Linux.

There the keyring is the Secret Service, reached through keyring, secretstorage, jeepney
and cryptography: about 80 modules and 200 ms of the interpreter to import, and some
12 MiB that stay. Read inside the program at launch, that work takes turns on the one
interpreter with building the window while a slip scanned at launch waits. A child
process does it on the machine's other core instead and hands the token back over a
pipe; the window's process loads the keyring only if the packer opens Settings.

The child is the program itself (``packstation __keyring-read STORE [REMEMBERED]``), with
the same choice of backend (``keyring_choice.choose``) and the same refusals
(``backend_problem``). It answers one JSON line on its standard output, which must not be
a terminal: at one it refuses, so the token is never shown where a person would see it.
When the child fails in any way, the token is read in the program as before.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from packstation.keyring_choice import SERVICE, KeyringProblem, KeyringProblemKind

log = logging.getLogger("packstation.credentials")

#: The program's hidden command for the child (``app.main`` hands it here).
COMMAND = "__keyring-read"
#: Longer than anyone takes to type a keyring's password at its unlock prompt.
WAIT_S = 120.0


@dataclass(frozen=True, slots=True)
class ChildAnswer:
    token: str | None = None
    problem: KeyringProblem | None = None


def child_command() -> list[str]:
    """How the program starts itself: the frozen bundle's executable, or this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "packstation"]


def read_in_child(store_id: str, remembered: Path | None) -> ChildAnswer | None:
    """The token as a child process read it; None when the child could not say."""
    command = [*child_command(), COMMAND, store_id, str(remembered or "")]
    try:
        done = subprocess.run(  # noqa: S603 - the program itself, fixed arguments
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=WAIT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("the keyring reader did not run (%s); reading here", type(exc).__name__)
        return None
    if done.returncode != 0:  # its output is never logged: it may hold the token
        log.info("the keyring reader ended with %d; reading here", done.returncode)
        return None
    try:
        answer = json.loads(done.stdout)
        token = answer.get("token")
        problem = answer.get("problem")
        if problem is not None:
            kind, backend = problem
            return ChildAnswer(problem=KeyringProblem(KeyringProblemKind(kind), str(backend)))
        if token is not None and not isinstance(token, str):
            raise TypeError("token")
    except (ValueError, TypeError, AttributeError):
        log.info("the keyring reader's answer was not understood; reading here")
        return None
    return ChildAnswer(token=token or None)


def child_main(argv: list[str]) -> int:
    """In the child: read ``argv[0]``'s token, answer on stdout (never a terminal)."""
    if not 1 <= len(argv) <= 2 or not argv[0]:
        sys.stderr.write(f"usage: packstation {COMMAND} STORE_ID [REMEMBERED]\n")
        return 2
    if sys.stdout.isatty():
        sys.stderr.write("PackStation does not show a token on a terminal.\n")
        return 2
    import keyring.errors

    from packstation.keyring_choice import backend_problem, choose

    remembered = Path(argv[1]) if len(argv) > 1 and argv[1] else None
    backend = choose(remembered)
    problem = backend_problem(backend)
    if problem is not None:
        answer: dict[str, object] = {"problem": [problem.kind.value, problem.backend]}
    else:
        try:
            answer = {"token": backend.get_password(SERVICE, argv[0])}
        except keyring.errors.KeyringError as exc:
            sys.stderr.write(f"keyring read failed: {type(exc).__name__}\n")
            return 1
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()
    return 0
