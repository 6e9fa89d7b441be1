"""Polarity of an indicator in a document table, and the achievement formula that follows.

A document table says nothing about polarity unless it has a `polaritas` (or `polarity`)
column: a row marked `negatif` / `negative` / `-` there is a lower-is-better indicator, whose
achievement is (2 × target − realisasi) / target × 100 floored at 0, or target / realisasi × 100,
as the `negative_formula` setting chooses (rules.md §1). Every other row is positive.
"""

from __future__ import annotations

from decimal import Decimal

from kinerja.audit.common import Audit, RatioSpec
from kinerja.core.achievement import NegativeFormula, achievement
from kinerja.core.doctable import Row
from kinerja.core.indicators import Polarity

NEGATIVE_WORDS = frozenset({"negatif", "negative", "-", "turun", "semakin kecil"})


def is_negative(audit: Audit, row: Row) -> bool:
    """Whether the row's indicator is marked lower-is-better."""
    for column in ("polaritas", "polarity"):
        if audit.has(column) and row.get(column).strip().lower() in NEGATIVE_WORDS:
            return True
    return False


def _formula(setting: str) -> NegativeFormula:
    return NegativeFormula.RASIO if setting == "t_over_r" else NegativeFormula.SELISIH


def ratio_spec(audit: Audit, row: Row, positive: RatioSpec) -> RatioSpec:
    """The spec of the row's achievement: `positive` unless the row is a negative indicator."""
    if not is_negative(audit, row):
        return positive
    formula = _formula(str(getattr(audit.settings, "negative_formula", "2t_minus_r")))

    def compute(realisation: Decimal, target: Decimal) -> Decimal | None:
        return achievement(target, realisation, Polarity.NEGATIVE,
                           negative_formula=formula).value

    if formula is NegativeFormula.RASIO:
        shape = "{d} / {n} × 100 (indikator negatif)"
    else:
        shape = "(2 × {d} − {n}) / {d} × 100 (indikator negatif)"
    return RatioSpec(positive.label, positive.label_en, compute, shape)
