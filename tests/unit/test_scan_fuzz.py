"""100,000 seeded hostile scans through every scanned-string function of the packing rules.

Random bytes decoded, control characters and NUL, 10 kB strings, right-to-left text and
emoji, symbology prefixes (``]``, ``]Yi``), UPS-, 420- and GS1-shaped codes, command
shapes and digits that are not ASCII: none of them may raise. Plain ``random`` with a
fixed seed (rather than hypothesis) keeps 100,000 inputs within a few seconds.
"""

from __future__ import annotations

import random
import string
import time
from collections.abc import Callable

from packstation.packing.barcodes import gtin14, parse_item_code
from packstation.packing.catalog import (
    CatalogEntry,
    CatalogMatcher,
    barcode_key,
    read_catalog_bytes,
    read_catalog_csv,
)
from packstation.packing.codes import GS, clean_code, sku_key
from packstation.packing.commands import is_command_like, parse_command
from tests.helpers.orders import demo_order

SEED = 20261127
COUNT = 100_000

_CONTROL = "".join(map(chr, range(32))) + "\x7f\x85\u200b\u200e\u200f\u202e\u2028\ufeff"
_ODD = "²³¹٣۴߅०१๓໒༣၄¼½ⅫⅯ①"  # digits and numbers that are not ASCII
_RTL_EMOJI = "שלוםمرحبا😀📦🇩🇪👩‍👩‍👧 ́"
_ALPHABET = string.printable + _CONTROL + _ODD + _RTL_EMOJI + GS + "\x00"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _noise(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_ALPHABET) for _ in range(n))


def _generators() -> list[Callable[[random.Random], str]]:
    return [
        lambda r: r.randbytes(r.randint(0, 40)).decode("utf-8", "replace"),
        lambda r: r.randbytes(r.randint(0, 40)).decode("latin-1"),
        lambda r: _noise(r, r.randint(0, 30)),
        lambda r: "]" + _noise(r, r.randint(0, 6)),
        lambda r: (
            r.choice(["]", "]Yi", "]  ", "]C1", "]e0", "]d2", "]Q3", "]E0", "]E4"])
            + r.choice(["", _digits(r, r.randint(0, 20)), _noise(r, 5)])
        ),
        lambda r: (
            "1Z" + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(16))
        ),
        lambda r: "420" + _digits(r, r.choice([5, 9])) + r.choice(["", GS]) + _digits(r, 22),
        lambda r: (
            r.choice(["01", "02", "(01)", "]C101"])
            + _digits(r, r.randint(0, 16))
            + r.choice(["", GS, "10", "(10)", "17", "21"])
            + _noise(r, r.randint(0, 12))
        ),
        lambda r: "".join(
            r.choice(string.digits + _ODD) for _ in range(r.choice([6, 7, 8, 12, 13, 14]))
        ),
        lambda r: (
            r.choice(["PS-", "ps-", "PS-QTY-", "PS-USER-", "PS-QTY-٣", "PS-QTY-²"])
            + _noise(r, r.randint(0, 12))
        ),
        lambda r: r.choice(["\x00", "\t", "\r\n", " "]) * r.randint(1, 8) + _digits(r, 12),
    ]


def _long(rng: random.Random) -> str:
    return rng.choice(["]", "01", "(01)", "PS-", "1Z", ""]) + _noise(rng, 10_000)


def test_no_scanned_string_makes_the_packing_rules_raise() -> None:
    rng = random.Random(SEED)
    generators = _generators()
    lines = demo_order("#1002").line_items
    matcher = CatalogMatcher(
        [CatalogEntry("SOCK-GRY-M", "036000291452", 2), CatalogEntry("X", "]C1taught")]
    )
    started = time.perf_counter()
    seen: set[str] = set()
    failures: list[tuple[str, str]] = []
    for n in range(COUNT):
        raw = _long(rng) if n % 1000 == 0 else rng.choice(generators)(rng)
        seen.add(raw)
        try:
            # The raw string through every function, and what the bench really matches
            # (the cleaned code) through the matcher, which parses it again.
            cleaned = clean_code(raw)
            gtin14(raw)
            parse_item_code(raw)
            barcode_key(raw)
            sku_key(raw)
            parse_command(raw)
            is_command_like(raw)
            matcher.match(cleaned, lines)
            if n % 10 == 0:
                matcher.lookup(raw)
                matcher.match(raw, lines)
        except Exception as exc:
            failures.append((raw[:80], f"{type(exc).__name__}: {exc}"))
        if n % 50 == 0:
            try:
                read_catalog_csv(f"{raw},{raw},{raw[:4]}")
                read_catalog_bytes(raw.encode("utf-8", "surrogatepass"))
            except Exception as exc:
                failures.append((raw[:80], f"catalog: {type(exc).__name__}: {exc}"))
    elapsed = time.perf_counter() - started
    assert not failures, f"{len(failures)} inputs raised, first: {failures[:5]}"
    assert len(seen) > COUNT * 0.9, "the generator repeats itself"
    print(f"{COUNT} inputs in {elapsed:.1f} s")


def test_the_cases_found_by_hand_are_not_product_codes() -> None:
    for code in [
        "]",
        "]Yi",
        "]  ",
        "]C1",
        "²²²²²²²²",
        "٣٣٣٣٣٣٣٣٣٣٣٣",
        "\x00" * 8,
        "]" + "9" * 9999,
    ]:
        item = parse_item_code(code)
        assert (item.gtin14, item.lot, item.serial, item.expiry) == (None, None, None, None)
        assert item.raw == code
