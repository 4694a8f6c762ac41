"""One test against the real Secret Service (gnome-keyring on a private D-Bus session).

`.ci/run` installs gnome-keyring and dbus; without them the test is skipped.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    import keyring
    from packstation.credentials import TokenStore
    backend = keyring.get_keyring()
    print("backend", type(backend).__module__)
    tokens = TokenStore()
    assert tokens.problem is None, tokens.problem
    assert tokens.set("ci-store", "tok-secret-service")
    assert tokens.get("ci-store").get_secret_value() == "tok-secret-service"
    tokens.clear("ci-store")
    assert tokens.get("ci-store") is None
    print("OK")
    """
)


@pytest.mark.secret_service
@pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="needs dbus-run-session and gnome-keyring-daemon",
)
def test_store_read_and_clear_a_token_in_the_secret_service() -> None:
    shell = (
        "echo -n ci-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
        f'{sys.executable} -c "$SCRIPT"'
    )
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", shell],
        env={"SCRIPT": SCRIPT, "PATH": "/usr/bin:/bin", "HOME": "/tmp"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "keyring.backends.SecretService" in result.stdout
    assert result.stdout.strip().endswith("OK")
