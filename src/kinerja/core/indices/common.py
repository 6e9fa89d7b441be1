"""Small helpers shared by the index modules: exact means, half-up rounding, decimal strings
for JSON (dot as decimal mark) and Indonesian display (comma as decimal mark), and date windows.

Everything is `Decimal` or `Fraction`; no float is ever produced or consumed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


class IndeksError(ValueError):
    """An input that an index cannot be computed from; str() is a sentence in Bahasa
    Indonesia."""


def to_decimal(value: Fraction | Decimal | int) -> Decimal:
    """A Fraction (or int) as a Decimal with the context's precision (28 significant digits)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(value.numerator) / Decimal(value.denominator)


def round_half_up(value: Decimal | Fraction, places: int) -> Decimal:
    """`value` rounded half-up to `places` decimals (a Fraction is rounded exactly)."""
    if isinstance(value, Fraction):
        scaled = value * (10**places)
        sign = -1 if scaled < 0 else 1
        a = abs(scaled)
        whole = a.numerator // a.denominator
        if (a - whole) * 2 >= 1:
            whole += 1
        return Decimal(sign * whole).scaleb(-places)
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def exact_mean(values: Iterable[Decimal]) -> Fraction | None:
    """The exact arithmetic mean, or None for no values."""
    items = [Fraction(v) for v in values]
    if not items:
        return None
    return sum(items, Fraction(0)) / len(items)


def dstr(value: Decimal | Fraction | int, places: int | None = None) -> str:
    """A number as a JSON-ready decimal string with a dot: `74.71`, `22.5`, `15`.

    With `places` the value is rounded half-up to that many decimals and printed with them;
    without, it is printed as it is (trailing zeros of an exact Decimal dropped)."""
    if places is not None:
        return format(round_half_up(value if not isinstance(value, int) else Decimal(value),
                                    places), "f")
    d = to_decimal(value)
    if d == d.to_integral_value():
        return format(d.quantize(Decimal(1)), "f")
    return format(d.normalize(), "f")


def fmt_id(value: Decimal | Fraction | int, places: int | None = None) -> str:
    """Indonesian display: `1.234,5`, `22,5`, `74,71` (places fixed when given)."""
    text = dstr(value, places)
    negative = text.startswith("-")
    if negative:
        text = text[1:]
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups) + ("," + frac if frac else "")
    return ("-" if negative else "") + out


def years_before(d: date, years: int) -> date:
    """The same calendar day `years` years earlier (29 February falls to 28 February)."""
    try:
        return d.replace(year=d.year - years)
    except ValueError:
        return d.replace(year=d.year - years, day=28)


def within_years(when: date, reference: date, years: int, inclusive: bool = True) -> bool:
    """Whether `when` lies in the `years` years up to `reference`: not after `reference`, and
    on or after the same day `years` years earlier (strictly after it when not `inclusive`)."""
    if when > reference:
        return False
    start = years_before(reference, years)
    return when >= start if inclusive else when > start
