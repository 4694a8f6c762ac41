"""TLS secrets never reach a file, whatever SSLKEYLOGFILE says (issue 12, item 9).

``ssl.create_default_context`` appends each session's secrets to the file named by
SSLKEYLOGFILE; the client builds its context without it. A loopback TLS server with a
certificate the client does not trust is enough: TLS 1.3 derives (and would log) the
handshake secrets before the client rejects the certificate.
"""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from packstation.redo import NetworkUnreachable, RedoClient
from packstation.redo.transport import ssl_context

x509 = pytest.importorskip("cryptography.x509")
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@contextmanager
def tls_server(folder: Path) -> Iterator[int]:
    """Accepts one TLS 1.3 connection on loopback; yields the port."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    context.load_cert_chain(*_self_signed(folder))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(10)

    def serve() -> None:
        with suppress(OSError):
            conn, _ = listener.accept()
            with conn, context.wrap_socket(conn, server_side=True) as tls:
                tls.recv(1)

    thread = threading.Thread(target=serve, name="tls-server")
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        thread.join()
        listener.close()


def test_sslkeylogfile_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = tmp_path / "keys.log"
    monkeypatch.setenv("SSLKEYLOGFILE", str(keys))
    assert ssl.create_default_context().keylog_filename == str(keys)  # the trap is armed
    with tls_server(tmp_path) as port:
        client = RedoClient(token="tok-x", store_id="s1", base_url=f"https://127.0.0.1:{port}/v2.2")
        with client, pytest.raises(NetworkUnreachable) as info:
            client.get_order("E1")
    assert "CERTIFICATE_VERIFY_FAILED" in info.value.detail  # TLS is verified
    assert keys.exists()  # created (with a header) by the check above
    assert "SECRET" not in keys.read_text()


def test_the_context_verifies_and_logs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSLKEYLOGFILE", "/tmp/never-written.log")
    context = ssl_context()
    assert context.keylog_filename is None
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2


def _pool_context(client: RedoClient) -> ssl.SSLContext:
    pool = client._http._transport._pool  # type: ignore[attr-defined]
    context = pool._ssl_context
    assert isinstance(context, ssl.SSLContext)
    return context


def test_a_plain_loopback_client_trusts_no_certificate_and_an_https_client_the_bundle() -> None:
    with RedoClient(token="t", store_id="s1", base_url="http://127.0.0.1:9/v2.2") as plain:
        context = _pool_context(plain)
        # Still verifying, with nothing to trust: TLS through it fails, whatever the peer.
        assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
        assert context.cert_store_stats()["x509_ca"] == 0
    with RedoClient(token="t", store_id="s1", base_url="https://api.example.com/v2.2") as tls:
        assert _pool_context(tls).cert_store_stats()["x509_ca"] > 100


def test_a_context_without_roots_refuses_tls(tmp_path: Path) -> None:
    with tls_server(tmp_path) as port, socket.create_connection(("127.0.0.1", port)) as raw:
        context = ssl_context(trusted_roots=False)
        with pytest.raises(ssl.SSLCertVerificationError):
            context.wrap_socket(raw, server_hostname="127.0.0.1")
