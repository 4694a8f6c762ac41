"""The sandbox survives running out of file descriptors, without spinning a core.

A child process lowers its descriptor limit, starts the sandbox and uses up every
descriptor left. A client (this process) connects: the sandbox must refuse it at once
(close it) instead of leaving it in the backlog, where the accept loop would wake for
it forever; the child then measures its own CPU time over one second. Once the
descriptors are free again, the sandbox answers as usual.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "sbx-descriptors"

_CHILD = """
import os, resource, sys, threading, time
from packstation.sandbox import SandboxServer

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(256, hard), hard))
server = SandboxServer(token=sys.argv[1]).start()
print(server.port, flush=True)
fillers = []
try:
    while True:
        fillers.append(os.open(os.devnull, os.O_RDONLY))
except OSError:
    pass
print("full", len(fillers), flush=True)
sys.stdin.readline()
started = time.process_time()
threading.Event().wait(1.0)  # the measuring window, not a synchronisation
print(f"{time.process_time() - started:.3f}", flush=True)
sys.stdin.readline()
for fd in fillers:
    os.close(fd)
print("freed", flush=True)
sys.stdin.readline()
server.stop()
print("stopped", flush=True)
"""


def _request(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            b"GET /v2.2/stores/demo-store/orders/%231001 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + f"Authorization: Bearer {TOKEN}\r\n\r\n".encode()
        )
        return sock.recv(64)


@pytest.mark.slow
def test_running_out_of_descriptors_refuses_without_spinning_and_recovers() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, TOKEN],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    try:
        port = int(child.stdout.readline())
        assert child.stdout.readline().startswith("full")
        waiting = socket.create_connection(("127.0.0.1", port), timeout=10)
        child.stdin.write("measure\n")
        child.stdin.flush()
        cpu = float(child.stdout.readline())
        try:
            closed = waiting.recv(64) == b""
        except ConnectionResetError:
            closed = True
        except TimeoutError:
            closed = False
        waiting.close()
        print(f"CPU while out of descriptors: {cpu:.3f} s in 1 s")
        assert closed, "the connection was left waiting"
        assert cpu < 0.3, f"the sandbox used {cpu:.2f} s of CPU in 1 s while out of descriptors"
        child.stdin.write("free\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "freed"
        assert _request(port).startswith(b"HTTP/1.1 200 ")
        child.stdin.write("stop\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "stopped"
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
        child.stdin.close()
        child.stdout.close()
