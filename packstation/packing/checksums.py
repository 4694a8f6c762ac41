"""The check-digit algorithms the tracking-number data names, by the names it uses.

Each follows ``CHECKSUM_ALGORITHMS.md`` of the vendored data set (the reference
implementation is the Ruby ``tracking_number`` gem), with one difference on purpose:
every function answers False, rather than raising, for characters the algorithm does
not define, because its input comes straight off a scanner.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

#: A validator takes the serial number and the check character, both without spaces.
Validator = Callable[[str, str], bool]

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def _digit(ch: str) -> int | None:
    return ord(ch) - 48 if len(ch) == 1 and "0" <= ch <= "9" else None


def mod10(
    sequence: str,
    check: str,
    *,
    evens_multiplier: int = 1,
    odds_multiplier: int = 1,
    reverse: bool = False,
) -> bool:
    """Weighted sum mod 10; letters count as ``(ord - 3) % 10`` (UPS's 1Z numbers)."""
    expected = _digit(check)
    if expected is None:
        return False
    chars = reversed(sequence) if reverse else iter(sequence)
    total = 0
    for i, ch in enumerate(chars):
        value = _digit(ch)
        if value is None:
            if not ("A" <= ch <= "Z"):
                return False
            value = (ord(ch) - 3) % 10
        # The gem counts from 0, so its "odd" positions are the 2nd, 4th, ...
        total += value * (odds_multiplier if i % 2 else evens_multiplier)
    return (10 - total % 10) % 10 == expected


def mod7(sequence: str, check: str) -> bool:
    """The serial read as a number, mod 7 (DHL Express)."""
    expected = _digit(check)
    if expected is None or not sequence:
        return False
    remainder = 0
    # Digit by digit rather than int(): no length limit, and nothing to raise.
    for ch in sequence:
        value = _digit(ch)
        if value is None:
            return False
        remainder = (remainder * 10 + value) % 7
    return remainder == expected


def s10(sequence: str, check: str) -> bool:
    """UPU S10: weights 8 6 4 2 3 5 9 7, mod 11, with 10 written as 0 and 11 as 5."""
    expected = _digit(check)
    digits = [_digit(ch) for ch in sequence]
    if expected is None or len(digits) != len(_S10_WEIGHTS) or None in digits:
        return False
    total = sum(d * w for d, w in zip(digits, _S10_WEIGHTS, strict=True) if d is not None)
    remainder = total % 11
    computed = {0: 5, 1: 0}.get(remainder, 11 - remainder)
    return computed == expected


def sum_product(
    sequence: str, check: str, *, weights: Sequence[int], modulo1: int, modulo2: int
) -> bool:
    """FedEx Express: the weighted sum, taken mod ``modulo1`` and then mod ``modulo2``."""
    expected = _digit(check)
    digits = [_digit(ch) for ch in sequence]
    if (
        expected is None
        or len(digits) > len(weights)
        or None in digits
        or not modulo1
        or not modulo2
    ):
        return False
    total = sum(d * w for d, w in zip(digits, weights, strict=False) if d is not None)
    return total % modulo1 % modulo2 == expected


def luhn(sequence: str, check: str) -> bool:
    """Luhn over the serial, doubling its rightmost digit (the check digit follows it)."""
    expected = _digit(check)
    digits = [_digit(ch) for ch in reversed(sequence)]
    if expected is None or None in digits:
        return False
    total = 0
    for i, d in enumerate(digits):
        value = (d or 0) * (1 if i % 2 else 2)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10 == expected


def mod_37_36(sequence: str, check: str) -> bool:
    """ISO 7064 MOD 37,36 as DPD's label specification uses it; the check may be a letter."""
    modulo = 36
    product = modulo
    for ch in sequence:
        value = _ALPHABET.find(ch) if len(ch) == 1 else -1
        if value < 0:
            return False
        product += value
        if product > modulo:
            product -= modulo
        product *= 2
        if product > modulo:
            product -= modulo + 1
    computed = modulo + 1 - product
    if computed == modulo:
        computed = 0
    return 0 <= computed < len(_ALPHABET) and _ALPHABET[computed] == check


def validator(spec: Mapping[str, object]) -> Validator | None:
    """The validator a format's ``validation.checksum`` entry names, with its options.

    None for a name this module does not know, so that a newer data set naming a new
    algorithm is refused when it is loaded (the loader raises), not at a scan.
    """
    name = spec.get("name")

    def number(key: str, default: int) -> int:
        value = spec.get(key, default)
        return value if isinstance(value, int) and not isinstance(value, bool) else default

    if name == "mod10":
        evens, odds, reverse = (
            number("evens_multiplier", 1),
            number("odds_multiplier", 1),
            spec.get("reverse") is True,
        )
        return lambda seq, check: mod10(
            seq, check, evens_multiplier=evens, odds_multiplier=odds, reverse=reverse
        )
    if name == "mod7":
        return mod7
    if name == "s10":
        return s10
    if name == "luhn":
        return luhn
    if name == "mod_37_36":
        return mod_37_36
    if name == "sum_product_with_weightings_and_modulo":
        raw = spec.get("weightings")
        weights = tuple(w for w in raw if isinstance(w, int)) if isinstance(raw, list) else ()
        first, second = number("modulo1", 0), number("modulo2", 0)
        return lambda seq, check: sum_product(
            seq, check, weights=weights, modulo1=first, modulo2=second
        )
    return None
