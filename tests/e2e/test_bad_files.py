"""The real program starts past a damaged database and a hostile catalog; a foreign file stops it
untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def _run(data_dir: Path, config_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PACKSTATION_CONFIG_DIR": str(config_dir),
    }
    return subprocess.run(
        [sys.executable, "-m", "packstation", "--demo", "--smoke", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


@pytest.mark.slow
def test_a_damaged_database_and_a_hostile_catalog_do_not_stop_the_start(tmp_path: Path) -> None:
    station = tmp_path / "d" / "demo"
    station.mkdir(parents=True)
    (station / "station.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    config = tmp_path / "etc"
    config.mkdir()
    (config / "catalog.csv").write_bytes(
        b"sku,barcode,units\nTEE-1,036000291452,\xc2\xb2\nSOCK,"
        + b"9" * 200_000
        + b"\nA,1\r2\nCAP-9,012345678905,2\n"
    )
    result = _run(tmp_path / "d", config)
    assert result.returncode == 0, result.stderr
    log = (station / "logs" / "packstation.log").read_text("utf-8")
    assert "The station database was damaged. It was moved aside to station.sqlite3.damaged-" in log
    assert len(list(station.glob("station.sqlite3.damaged-*"))) == 1
    assert "1 barcodes, 3 lines skipped" in log


@pytest.mark.slow
def test_a_foreign_database_stops_the_start_and_is_not_changed(tmp_path: Path) -> None:
    station = tmp_path / "d" / "demo"
    station.mkdir(parents=True)
    foreign = station / "station.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()
    before = hashlib.sha256(foreign.read_bytes()).hexdigest()
    result = _run(tmp_path / "d", tmp_path / "etc")
    assert result.returncode == 1
    assert "is not a PackStation station database" in result.stderr
    assert hashlib.sha256(foreign.read_bytes()).hexdigest() == before
    beside = {p.name for p in station.iterdir()} - {"logs", "sandbox-state.json"}
    assert beside == {"station.sqlite3"}, "files were created beside the foreign database"
