"""Logging: a rotating file in the station's log folder, and what came before it was known."""

from __future__ import annotations

import logging
import sys
from pathlib import Path


def setup_logging(log_dir: Path, verbose: bool = False) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    from logging.handlers import RotatingFileHandler

    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            log_dir / "packstation.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root.addHandler(handler)
    for early in [h for h in root.handlers if isinstance(h, _EarlyRecords)]:
        root.removeHandler(early)
        for record in early.records:
            handler.handle(record)
    # httpx logs every request at INFO; the client logs its own summary.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


class _EarlyRecords(logging.Handler):
    """Keeps what is logged before the log file is known (Qt's first messages), for it."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < 10_000:
            self.records.append(record)


def keep_early_records() -> None:
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(_EarlyRecords())
