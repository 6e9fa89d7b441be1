"""Budget figures (rules.md §6): absorption (serapan), remaining budget (sisa) and change.

- serapan = realisasi / pagu × 100 (exact, uncapped: 108 % means overspending);
- sisa = pagu − realisasi (negative means overspending);
- change = after − before (a Renja Perubahan's budget change, a positive or negative amount).

Money is exact to the Rupiah, or to the sen where the document has cents; a missing amount
gives no result rather than a 0.
"""

from __future__ import annotations

from decimal import Decimal

from kinerja.core.exact import exact, percent


def serapan(realisasi: Decimal | None, pagu: Decimal | None) -> Decimal | None:
    """Absorption in percent: realisasi / pagu × 100; None when either is missing or the pagu
    is 0."""
    return percent(realisasi, pagu)


def sisa(pagu: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    """Remaining budget: pagu − realisasi (negative = overspending); None when either is
    missing."""
    if pagu is None or realisasi is None:
        return None
    with exact():
        return pagu - realisasi


def change(before: Decimal | None, after: Decimal | None) -> Decimal | None:
    """Change of an amount: after − before; None when either is missing."""
    if before is None or after is None:
        return None
    with exact():
        return after - before


def overspent(pagu: Decimal | None, realisasi: Decimal | None) -> bool:
    """Whether realisation exceeds the pagu."""
    remaining = sisa(pagu, realisasi)
    return remaining is not None and remaining < 0
