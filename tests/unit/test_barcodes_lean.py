"""biip without its company-prefix table reads every code exactly as biip with it.

``packing/gs1_prefixes.py`` stands in for ``biip.gs1_prefixes`` to save 23 MiB. Each
side runs in a fresh interpreter (a module, once imported, stays), and both must
print the same: every GS1 and GS1-8 prefix, and what PackStation reads from a corpus
of item codes in every form it accepts or refuses.
"""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = r"""
import json, random, sys
if sys.argv[1] == "real":
    import biip  # biip's own gs1_prefixes, company table and all
from packstation.packing import barcodes
barcodes.warm_up()
import biip.gs1_prefixes as prefixes
assert (sys.argv[1] == "lean") == (type(prefixes).__name__ == "module" and not hasattr(prefixes, "_GS1_COMPANY_PREFIX_TRIE"))

def prefix(kind, value):
    try:
        found = kind.extract(value)
    except Exception as exc:
        return type(exc).__name__
    return None if found is None else [found.value, found.usage]

rng = random.Random(15)
digits = [f"{n:04d}" for n in range(10000)]
codes = [
    "036000291452", "0036000291452", "10036000291459", "04252614", "96385074", "425261",
    "0425261", "9780262033848", "2001234567893", "0200000000000", "123", "",
    "]C10109501101530003\x1d10ABC1\x1d21XYZ\x1d17260101",
    "]d2010950110153000317260101" "10LOT7\x1d21S9",
    "(01)09501101530003(10)ABC(21)12345", "(01)09501101530004",
    "0109501101530003", "00106141412345678908", "414070735300001",
    "https://id.gs1.org/01/09501101530003/10/ABC", "]E0036000291452", "]Q3" + "01" + "09501101530003",
]
codes += ["".join(rng.choice("0123456789") for _ in range(rng.choice((6, 7, 8, 12, 13, 14))))
          for _ in range(3000)]
print(json.dumps({
    "gs1": [prefix(prefixes.GS1Prefix, d) for d in digits],
    "gs18": [prefix(prefixes.GS18Prefix, d + "1234") for d in digits[:1000]],
    "codes": [repr(barcodes.parse_item_code(c)) for c in codes],
    "gtin14": [barcodes.gtin14(c) for c in codes],
}))
"""


def _run(mode: str) -> dict[str, list[object]]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, list[object]] = json.loads(done.stdout)
    return result


def test_the_lean_prefixes_read_every_code_as_biip_does() -> None:
    real, lean = _run("real"), _run("lean")
    for key in ("gs1", "gs18", "codes", "gtin14"):
        assert lean[key] == real[key], key
    assert sum(1 for gtin in real["gtin14"] if gtin) > 300  # the corpus has real GTINs
    assert sum(1 for found in real["gs1"] if isinstance(found, list)) > 5000
