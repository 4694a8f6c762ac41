"""History as CSV for recalls: one row per SKU, lot and serial of every shipment.

The file is UTF-8 with a byte-order mark (Excel then reads accents right) and CRLF line
ends (RFC 4180). A cell that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``@``, a tab, or ``-`` not followed by a number) is written with a leading ``'``:
SKUs and serials come from scans and store data, and an export is opened by people.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from packstation.store.items import OutboxItem, PackedUnits

COLUMNS = (
    "order",
    "box",
    "fulfillment ID",
    "SKU",
    "quantity",
    "lot",
    "expiry",
    "serial",
    "carrier",
    "tracking",
    "packer",
    "time",
)

_NUMBER = re.compile(r"-\d+(?:[.,]\d+)?")


def _cell(value: str) -> str:
    if value[:1] in ("=", "+", "@", "\t", "\r") or (
        value.startswith("-") and not _NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def history_rows(
    items: Iterable[OutboxItem], box_of: Callable[[OutboxItem], str] | None = None
) -> list[list[str]]:
    """The rows of :data:`COLUMNS` for ``items``, in their order.

    ``box_of`` names an item's box (``"2"``); without it the column is empty. A shipment
    recorded before lots were kept has one row per line with only its quantity.
    """
    rows: list[list[str]] = []
    for item in items:
        summary = item.summary
        units = summary.packed_units or tuple(
            PackedUnits("", "", quantity) for _title, quantity in summary.lines
        )
        when = dt.datetime.fromtimestamp(item.created_at).astimezone().isoformat(timespec="seconds")
        for unit in units:
            rows.append(
                [
                    summary.order_ref,
                    box_of(item) if box_of else "",
                    item.fulfillment_id,
                    unit.sku,
                    str(unit.quantity),
                    unit.lot,
                    unit.expiry,
                    unit.serial,
                    "dummy" if summary.dummy else summary.carrier,
                    summary.tracking,
                    item.packer,
                    when,
                ]
            )
    return rows


def export_history_csv(
    items: Iterable[OutboxItem],
    path: Path,
    box_of: Callable[[OutboxItem], str] | None = None,
) -> int:
    """Write ``items`` as CSV to ``path`` (replacing it whole); returns the rows written.

    Raises ``OSError`` when the file cannot be written; a half-written file never stays.
    The rows go to a file of a private name made beside ``path`` (created exclusively,
    so a name someone planted, a symbolic link to another file among them, is never
    opened), which then replaces ``path`` itself (a link there is replaced, not followed).
    """
    return write_csv(path, COLUMNS, history_rows(items, box_of))


def write_csv(path: Path, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> int:
    """``columns`` then ``rows`` as CSV at ``path`` (this module's format and safety: see
    :func:`export_history_csv`); returns the rows written."""
    fd, tmp = _create_beside(path)
    try:
        with open(fd, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(columns)
            writer.writerows([_cell(value) for value in row] for row in rows)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return len(rows)


#: Open flags of a file that must be new: never an existing file, never through a link.
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def _create_beside(path: Path) -> tuple[int, Path]:
    """A new, empty file in ``path``'s folder, under a name nobody can guess, and its fd.

    Mode 0o666 less the umask, as a plain ``open`` would give the export.
    """
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.part")
        try:
            return os.open(tmp, _NEW_FILE, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")
