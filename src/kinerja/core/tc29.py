"""T-C.29: evaluation of the Renja and progress on the Renstra (Permendagri 86/2017, rules.md §3).

Columns: (4) Renstra target for the period; (5) realisation up to the year before the evaluated
one; (6) target of the evaluated year; (7) its realisation; (8) = 7 / 6 × 100; (9) target of the
current year; (10) = 5 + 7 + 9 for flow indicators, a missing term counting as 0, and the latest
value for level indicators (column 9 where printed, else 7, else 5); (11) = 10 / 4 × 100 (for a
level indicator: the latest value against the final-year target, which column 4 holds).

An undecided unit (unit, jenis, bulan, orang/bulan, layanan) computes column 10 as the latest
value unless the indicator says otherwise; a printed column 10 passes for it when it equals the
sum, the latest or the largest value (`column_10_candidates`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.achievement import Achievement, NegativeFormula, achievement
from kinerja.core.exact import total_or_zero
from kinerja.core.indicators import Kind, Polarity


def latest_value(c5: Decimal | None, c7: Decimal | None, c9: Decimal | None) -> Decimal | None:
    """The latest value: column 9 where printed, else 7, else 5 (None when none is)."""
    for value in (c9, c7, c5):
        if value is not None:
            return value
    return None


def column_8(c6: Decimal | None, c7: Decimal | None,
             polarity: Polarity = Polarity.POSITIVE,
             negative_formula: NegativeFormula = NegativeFormula.SELISIH) -> Achievement:
    """Column 8: the year's achievement, 7 / 6 × 100 (rules.md §1 for polarity)."""
    return achievement(c6, c7, polarity, negative_formula=negative_formula)


def column_10(c5: Decimal | None, c7: Decimal | None, c9: Decimal | None,
              kind: Kind) -> Decimal | None:
    """Column 10: for a flow indicator 5 + 7 + 9 with missing terms as 0 (None when all three
    are missing); for a level or undecided indicator the latest value."""
    if kind is Kind.FLOW:
        if c5 is None and c7 is None and c9 is None:
            return None
        return total_or_zero((c5, c7, c9))
    return latest_value(c5, c7, c9)


def column_10_candidates(c5: Decimal | None, c7: Decimal | None, c9: Decimal | None,
                         kind: Kind) -> tuple[Decimal, ...]:
    """The values a printed column 10 may correctly hold: flow the sum, level the latest value,
    undecided the sum, the latest or the largest value."""
    out: list[Decimal] = []
    present = [v for v in (c5, c7, c9) if v is not None]
    if not present:
        return ()
    if kind in (Kind.FLOW, Kind.UNDECIDED):
        out.append(total_or_zero(present))
    if kind in (Kind.LEVEL, Kind.UNDECIDED):
        latest = latest_value(c5, c7, c9)
        if latest is not None and latest not in out:
            out.append(latest)
    if kind is Kind.UNDECIDED:
        largest = max(present)
        if largest not in out:
            out.append(largest)
    return tuple(out)


def is_summed_level(c5: Decimal | None, c7: Decimal | None, c9: Decimal | None,
                    c10: Decimal | None) -> bool:
    """Whether a printed column 10 of a level indicator is the sum 5 + 7 + 9 (with 5 and 7 both
    present and non-zero): a percentage, score or index added across years, always an error
    (Kutai Kartanegara: 39,98 + 22,76 = 62,74)."""
    if c10 is None or c5 is None or c7 is None or c5 == 0 or c7 == 0:
        return False
    return total_or_zero((c5, c7, c9)) == c10


def column_11(c4: Decimal | None, c10: Decimal | None,
              polarity: Polarity = Polarity.POSITIVE,
              negative_formula: NegativeFormula = NegativeFormula.SELISIH) -> Achievement:
    """Column 11: progress on the Renstra, 10 / 4 × 100."""
    return achievement(c4, c10, polarity, negative_formula=negative_formula)


@dataclass(frozen=True)
class Tc29Row:
    """The entered columns of one T-C.29 indicator row."""

    c4_target_renstra: Decimal | None
    c5_realisasi_sd: Decimal | None
    c6_target: Decimal | None
    c7_realisasi: Decimal | None
    c9_target_berikut: Decimal | None
    kind: Kind = Kind.FLOW
    polarity: Polarity = Polarity.POSITIVE
    negative_formula: NegativeFormula = NegativeFormula.SELISIH


@dataclass(frozen=True)
class Tc29Columns:
    """The derived columns 8, 10 and 11 of a T-C.29 row."""

    c8_tingkat_realisasi: Achievement
    c10_realisasi_kumulatif: Decimal | None
    c11_tingkat_capaian: Achievement


def evaluate(row: Tc29Row) -> Tc29Columns:
    """Columns 8, 10 and 11 of a row."""
    c10 = column_10(row.c5_realisasi_sd, row.c7_realisasi, row.c9_target_berikut, row.kind)
    return Tc29Columns(
        column_8(row.c6_target, row.c7_realisasi, row.polarity, row.negative_formula),
        c10,
        column_11(row.c4_target_renstra, c10, row.polarity, row.negative_formula),
    )


__all__ = [
    "Tc29Columns", "Tc29Row", "column_8", "column_10", "column_10_candidates", "column_11",
    "evaluate", "is_summed_level", "latest_value",
]
