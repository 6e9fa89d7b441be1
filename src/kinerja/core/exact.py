"""Exact decimal arithmetic shared by the computations.

Every computation of the core runs on `Decimal` inside `exact()`, a local decimal context with
enough digits (`PRECISION`) that sums of Rupiah amounts are exact and ratios carry far more
digits than any document prints. Rounding for display is never done here: a stored value keeps
all its digits, and a table rounds (half-up) or truncates only when it prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from decimal import Context, Decimal, localcontext

#: Significant digits of every intermediate result (money up to 10^15 with cents needs 17).
PRECISION = 50

HUNDRED = Decimal(100)
ZERO = Decimal(0)


def exact() -> AbstractContextManager[Context]:
    """A local decimal context with `PRECISION` digits: `with exact(): ...`."""
    ctx = Context(prec=PRECISION)
    return localcontext(ctx)


def total(values: Iterable[Decimal | None]) -> Decimal | None:
    """The exact sum of the values present (None is left out, not taken as 0); None when no
    value is present."""
    result: Decimal | None = None
    with exact():
        for value in values:
            if value is None:
                continue
            result = value if result is None else result + value
    return result


def total_or_zero(values: Iterable[Decimal | None]) -> Decimal:
    """The exact sum with missing terms counted as 0 (T-C.29 column 10: 5 + 7 + 9)."""
    result = total(values)
    return result if result is not None else ZERO


def percent(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """`part / whole × 100`, exact to `PRECISION` digits; None when either is missing or
    `whole` is 0."""
    if part is None or whole is None or whole == 0:
        return None
    with exact():
        return part / whole * HUNDRED
