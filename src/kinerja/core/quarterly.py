"""The quarterly evaluation form of Renja / RKPD results (Permendagri 86/2017, rules.md §4).

Every figure is a pair, K (performance, in the indicator's unit) and Rp (money). Columns:
(5) Renstra target for the period; (6) Renstra realisation up to last year; (7) target of the
year; (8)–(11) realisation in quarters I–IV; (12) realisation of the year: K by the indicator's
within-year rule, Rp = 8 + 9 + 10 + 11; (13) achievement of the year, 12 / 7 × 100;
(14) Renstra realisation up to this year, 6 + 12 (K: for flow indicators; the latest value for
level ones); (15) Renstra achievement, 14 / 5 × 100.

Average rows ("Rata-rata capaian kinerja"): a kegiatan's K average is the mean of its sub
kegiatan achievements, a program's the mean of its kegiatan averages, the total the mean of the
program averages (unweighted by default; weights are supported). The Rp achievement is never
averaged: it is total realisation over total pagu at each level. The predicate of an average is
read on the Permendagri 86/2017 scale (default reading: lower bound inclusive).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from kinerja.core import scales
from kinerja.core.achievement import Achievement, achievement
from kinerja.core.exact import percent, total, total_or_zero
from kinerja.core.indicators import Indicator, Kind, year_value
from kinerja.core.rollup import Node, roll_up

#: Value names the average-row roll-up reads and writes on a `rollup.Node`.
PAGU = "pagu"
REALISASI_RP = "realisasi_rp"
CAPAIAN_K = "capaian_k"
RATA_RATA_K = "rata_rata_k"
RATA_RATA_RP = "rata_rata_rp"


def realisation_k(quarters: Sequence[Decimal | None], indicator: Indicator) -> Decimal | None:
    """Column 12 K: the year's realisation by the indicator's within-year rule (sum for flow,
    the last non-zero quarter for level and undecided, unless the indicator sets a rule)."""
    return year_value(quarters, indicator.effective_within_year)


def realisation_rp(quarters: Sequence[Decimal | None]) -> Decimal | None:
    """Column 12 Rp: 8 + 9 + 10 + 11 exactly (quarters not reported are left out; None when
    none is reported)."""
    return total(quarters)


def cumulative_k(renstra_realised: Decimal | None, year: Decimal | None,
                 kind: Kind) -> Decimal | None:
    """Column 14 K: 6 + 12 for a flow indicator (a missing term as 0); the latest value (12,
    else 6) for a level or undecided indicator."""
    if renstra_realised is None and year is None:
        return None
    if kind is Kind.FLOW:
        return total_or_zero((renstra_realised, year))
    return year if year is not None else renstra_realised


def cumulative_rp(renstra_realised: Decimal | None, year: Decimal | None) -> Decimal | None:
    """Column 14 Rp: 6 + 12 (a missing term as 0; None when both are missing)."""
    if renstra_realised is None and year is None:
        return None
    return total_or_zero((renstra_realised, year))


@dataclass(frozen=True)
class QuarterlyRow:
    """The entered figures of one row of the form for one indicator."""

    indicator: Indicator
    target_k: Decimal | None = None                       # column 7 K
    pagu: Decimal | None = None                           # column 7 Rp
    tw_k: tuple[Decimal | None, ...] = (None, None, None, None)   # columns 8–11 K
    tw_rp: tuple[Decimal | None, ...] = (None, None, None, None)  # columns 8–11 Rp
    renstra_target_k: Decimal | None = None               # column 5 K
    renstra_target_rp: Decimal | None = None              # column 5 Rp
    renstra_realised_k: Decimal | None = None             # column 6 K
    renstra_realised_rp: Decimal | None = None            # column 6 Rp


@dataclass(frozen=True)
class QuarterlyColumns:
    """Columns 12–15 of a row, K and Rp."""

    c12_k: Decimal | None
    c12_rp: Decimal | None
    c13_k: Achievement
    c13_rp: Decimal | None
    c14_k: Decimal | None
    c14_rp: Decimal | None
    c15_k: Achievement
    c15_rp: Decimal | None


def evaluate_row(row: QuarterlyRow) -> QuarterlyColumns:
    """Columns 12–15 of a row from its entered figures."""
    ind = row.indicator
    c12_k = realisation_k(row.tw_k, ind)
    c12_rp = realisation_rp(row.tw_rp)
    c14_k = cumulative_k(row.renstra_realised_k, c12_k, ind.effective_kind)
    c14_rp = cumulative_rp(row.renstra_realised_rp, c12_rp)
    return QuarterlyColumns(
        c12_k=c12_k,
        c12_rp=c12_rp,
        c13_k=achievement(row.target_k, c12_k, ind.polarity),
        c13_rp=percent(c12_rp, row.pagu),
        c14_k=c14_k,
        c14_rp=c14_rp,
        c15_k=achievement(row.renstra_target_k, c14_k, ind.polarity),
        c15_rp=percent(c14_rp, row.renstra_target_rp),
    )


def average_rows(tree: Node, round_to: int | None = None) -> Node:
    """The form's average rows over a tree (total → program → kegiatan → sub kegiatan): each
    leaf's `capaian_k` (its achievement, None when it has none) is copied to `rata_rata_k`; each
    parent gets `rata_rata_k`, the (weighted) mean of its children's, with children without a
    value left out and listed in `left_out`; `pagu` and `realisasi_rp` are summed up the tree
    and every node's `rata_rata_rp` is `realisasi_rp / pagu × 100`. With `round_to`, parent
    means are rounded half-up as printed before the next level averages them."""
    return roll_up(
        _seed(tree),
        sums=(PAGU, REALISASI_RP),
        means=(RATA_RATA_K,),
        ratios={RATA_RATA_RP: (REALISASI_RP, PAGU)},
        round_means=round_to,
    )


def _seed(node: Node) -> Node:
    if not node.children:
        return replace(node, values={**node.values, RATA_RATA_K: node.values.get(CAPAIAN_K)})
    return replace(node, children=tuple(_seed(c) for c in node.children))


def predicate(value: Decimal | None,
              scale: scales.Scale = scales.PERMENDAGRI_86) -> scales.Band | None:
    """The predicate of an achievement on `scale` (None without a value)."""
    return scale.classify(value) if value is not None else None
