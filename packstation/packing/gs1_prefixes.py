"""biip's ``gs1_prefixes`` without the company-prefix table, which PackStation never reads.

biip loads two tables when it is first imported: which GS1 organisation owns each
prefix (2 KB compressed), and how long every company's prefix is (130 KB compressed,
about 23 MiB once unpacked into nested dicts; biip loads in 74 ms with it, 11 ms
without). A GTIN's company prefix only splits its digits into company and item
reference; PackStation compares whole GTINs, lots, serials and expiry dates, so the
second table is memory the station pays for nothing. ``install()`` puts this module in
biip's place before biip is imported: the GS1 and GS1-8 prefixes are biip's own logic
on biip's own table, and a company prefix is "unknown" (``None``), a result biip already
returns for prefixes not in its table.

``tests/unit/test_barcodes_lean.py`` checks, against biip's real module in a fresh
interpreter, that every prefix and every code PackStation reads comes out the same.
"""

from __future__ import annotations

import json
import lzma
import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any

NAME = "biip.gs1_prefixes"


def _parse_error(message: str) -> Exception:
    # Only biip calls these, so biip (and its exceptions) is loaded by then.
    from biip._exceptions import ParseError

    return ParseError(message)


@cache
def _prefix_trie() -> dict[str, Any]:
    data = (resources.files("biip") / "gs1_prefixes" / "_prefix_trie.json.lzma").read_bytes()
    trie: dict[str, Any] = json.loads(lzma.decompress(data).decode())
    return trie


@dataclass(frozen=True)
class GS1Prefix:
    """The GS1 organisation a number was allocated by (biip's ``GS1Prefix``)."""

    value: str
    usage: str

    @classmethod
    def extract(cls, value: str) -> GS1Prefix | None:
        if not value.isdecimal():
            raise _parse_error(f"Failed to get GS1 Prefix from {value!r}.")
        node: Any = _prefix_trie()
        for digit in value:
            if not isinstance(node, dict) or digit not in node:
                return None
            node = node[digit]
            if isinstance(node, list):
                length, usage = node
                return cls(value=value[:length], usage=usage)
        return None


@dataclass(frozen=True)
class GS18Prefix:
    """The prefix of a GTIN-8 (biip's ``GS18Prefix``)."""

    value: str
    usage: str

    @classmethod
    def extract(cls, value: str) -> GS18Prefix | None:
        if not value.isdecimal():
            raise _parse_error(f"Failed to get GS1-8 Prefix from {value!r}.")
        if len(value) < 3:
            return None
        prefix = value[:3]
        number = int(prefix)
        if number <= 99 or 200 <= number <= 299:
            return cls(prefix, "Used to issue Restricted Circulation Numbers within a company")
        if number <= 976:
            gs1 = GS1Prefix.extract(value)
            return None if gs1 is None else cls(prefix, gs1.usage)
        return cls(prefix, "Reserved for future use")


@dataclass(frozen=True)
class GS1CompanyPrefix:
    """A company's prefix (biip's ``GS1CompanyPrefix``): never looked up here."""

    value: str

    @classmethod
    def extract(cls, value: str) -> GS1CompanyPrefix | None:
        if not value.isdecimal():
            raise _parse_error(f"Failed to get GS1 Company Prefix from {value!r}.")
        return None


def install() -> bool:
    """Stand in for biip's module; False when biip's own was imported first (it stays)."""
    if NAME in sys.modules:
        return sys.modules[NAME] is _module
    sys.modules[NAME] = _module
    return True


_module = ModuleType(NAME, __doc__)
for _name in ("GS1Prefix", "GS18Prefix", "GS1CompanyPrefix"):
    setattr(_module, _name, globals()[_name])
_module.__all__ = ["GS1CompanyPrefix", "GS1Prefix", "GS18Prefix"]  # type: ignore[attr-defined]
