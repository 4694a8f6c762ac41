"""Cleaning up what a scanner (or a person) typed, before it is matched."""

from __future__ import annotations

import unicodedata

#: ASCII group separator: GS1 element strings keep it between variable-length fields.
GS = "\x1d"
MAX_CODE_LENGTH = 512


def clean_code(raw: str) -> str:
    """Strip surrounding white space and drop control characters (except GS1's GS).

    Scanners send stray CR/LF/TAB and some prefix or suffix control bytes; none of
    them is part of a code. Overlong input is cut: nothing real is 512 characters.
    """
    text = raw[: MAX_CODE_LENGTH * 4]
    kept = "".join(
        ch
        for ch in text
        if ch == GS or unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co", "Cn"}
    )
    return kept.strip()[:MAX_CODE_LENGTH]


def sku_key(value: str) -> str:
    """The form in which SKUs are compared: trimmed, case-insensitive."""
    return value.strip().casefold()


def tracking_number(raw: str) -> str:
    """A tracking number as it is stored, sent and compared: no spaces, upper case.

    Labels print numbers in groups ("1Z 999 AA1 01 2345 6784") and people type them in
    any case; carriers read them without either. The one normaliser for every layer,
    so a label typed by hand and the same label scanned are one number.
    """
    return "".join(clean_code(raw).replace(GS, "").split()).upper()
