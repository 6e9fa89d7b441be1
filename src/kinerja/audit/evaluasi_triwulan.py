"""Checks of the quarterly evaluation form of Renja / RKPD results (rules.md §4).

Money (pagu, the quarters' Rp, the year's and the cumulative realisation) rolls up from sub
kegiatan to kegiatan, program and bidang; the year's Rp is the exact sum of its quarters; the
year's K follows the indicator's within-year rule (flow: sum; level: the last non-zero quarter,
and a sum of quarters is a `summed_level_indicator`; undecided: sum, latest or largest); the
achievements are ratios; an average row's K is the mean of the achievements it averages and
its Rp the ratio of its node's own realisation and pagu; predicates are on the achievement
scale of the settings.
"""

from __future__ import annotations

from decimal import Decimal

from kinerja.audit.common import (
    Audit,
    Averages,
    RatioSpec,
    check_mean,
    check_predicate,
    check_predicate_row,
    check_ratio,
    check_rollup,
    check_unit_cell,
    check_unparseable,
    fmt,
    fmt_money,
    is_predicate_row,
    structural_children,
    value_rows,
)
from kinerja.audit.polarity import ratio_spec
from kinerja.core.doctable import Row
from kinerja.core.exact import ZERO, exact
from kinerja.core.indicators import Kind, kind_of_unit, year_value_candidates

QUARTERS_K = ("tw1_k", "tw2_k", "tw3_k", "tw4_k")
QUARTERS_RP = ("tw1_rp", "tw2_rp", "tw3_rp", "tw4_rp")
MONEY = ("pagu", *QUARTERS_RP, "realisasi_rp", "kumulatif_rp")
NUMERIC = ("target_k", "pagu", *QUARTERS_K, *QUARTERS_RP, "realisasi_k", "realisasi_rp",
           "kumulatif_k", "kumulatif_rp", "capaian_k", "capaian_rp")

CAPAIAN_K = RatioSpec("Capaian kinerja", "Performance achievement")
CAPAIAN_RP = RatioSpec("Capaian keuangan", "Budget achievement")


def check(audit: Audit) -> None:
    """Every check of the form on every row."""
    check_unparseable(audit, NUMERIC, value_rows(audit))
    for column in MONEY:
        check_rollup(audit, column)
    averages = Averages(audit.table.rows)
    for row in audit.table.rows:
        if is_predicate_row(row):
            check_predicate_row(audit, row, ("capaian_k", "capaian_rp"))
            continue
        if row.level == "lain":
            continue
        if row.level == "rata_rata":
            _average(audit, averages, row)
            continue
        kind = Kind.FLOW
        if audit.has("satuan") and check_unit_cell(audit, row, "satuan") in ("unit", "grade"):
            kind = kind_of_unit(row.get("satuan").strip())
        _year_rp(audit, row)
        _year_k(audit, row, kind)
        k = _capaian_k(audit, averages, row)
        rp = check_ratio(audit, row, "capaian_rp", audit.money(row, "realisasi_rp"),
                         audit.money(row, "pagu"), CAPAIAN_RP)
        _predicates(audit, row, k, rp)


def _year_rp(audit: Audit, row: Row) -> None:
    """The year's Rp realisation = TW1 + TW2 + TW3 + TW4 exactly (a missing quarter is 0)."""
    printed = audit.operand(row, "realisasi_rp")
    quarters = [audit.operand(row, c) for c in QUARTERS_RP]
    if printed.value is None or any(not q.readable for q in quarters) \
            or not any(q.present for q in quarters):
        return
    with exact():
        total = sum((q.value for q in quarters if q.value is not None), ZERO)
    if total == printed.value:
        return
    terms = " + ".join(fmt_money(q.value) if q.value is not None else "0" for q in quarters)
    audit.add(row, "realisasi_rp", "sum_mismatch", printed.text, fmt_money(total),
              f"Realisasi Rp setahun TW1 + TW2 + TW3 + TW4 = {terms} = {fmt_money(total)}, "
              f"tertulis {fmt_money(printed.value)}, selisih "
              f"{fmt_money(abs(printed.value - total))}",
              f"The year's Rp realisation Q1 + Q2 + Q3 + Q4 = {terms} = {fmt_money(total)}, "
              f"printed {fmt_money(printed.value)}, difference "
              f"{fmt_money(abs(printed.value - total))}")


def _year_k(audit: Audit, row: Row, kind: Kind) -> None:
    """The year's K realisation by the within-year rule of the indicator's unit."""
    printed = audit.operand(row, "realisasi_k")
    quarters = [audit.operand(row, c) for c in QUARTERS_K]
    if printed.value is None or any(not q.readable for q in quarters):
        return
    values = [q.value for q in quarters]
    candidates = year_value_candidates(values, kind)
    if not candidates or printed.value in candidates:
        return
    present = [v for v in values if v is not None]
    with exact():
        total = sum(present, ZERO)
    terms = " + ".join(fmt(v) for v in present)
    if kind is Kind.LEVEL and printed.value == total and sum(1 for v in present if v) >= 2:
        latest = candidates[0]
        audit.add(row, "realisasi_k", "summed_level_indicator", printed.text, fmt(latest),
                  f"Indikator berupa tingkat ({row.get('satuan').strip()}): realisasi setahun "
                  f"tertulis {printed.text} = {terms}, penjumlahan triwulan; nilainya adalah "
                  f"nilai triwulan terakhir {fmt(latest)}",
                  f"A level indicator ({row.get('satuan').strip()}): the year's realisation "
                  f"prints {printed.text} = {terms}, a sum of quarters; its value is the "
                  f"latest quarter's {fmt(latest)}")
        return
    if kind is Kind.FLOW:
        rule, rule_en = f"jumlah triwulan {terms}", f"sum of quarters {terms}"
    elif kind is Kind.LEVEL:
        rule, rule_en = "nilai triwulan terakhir", "the latest quarter's value"
    else:
        rule = "jumlah, nilai terakhir atau nilai terbesar triwulan"
        rule_en = "the sum, the latest or the largest quarter"
    shown = " / ".join(fmt(c) for c in candidates)
    audit.add(row, "realisasi_k", "cumulative_mismatch", printed.text, shown,
              f"Realisasi kinerja setahun menurut {rule} = {shown}, tertulis {printed.text}",
              f"The year's performance realisation by {rule_en} = {shown}, printed "
              f"{printed.text}")


def _capaian_k(audit: Audit, averages: Averages, row: Row) -> Decimal | None:
    target = audit.operand(row, "target_k")
    p = audit.cell(row, "capaian_k")
    if target.readable and target.value is None and p.ok and structural_children(row):
        check_mean(audit, row, "capaian_k", averages.members(audit, row, "capaian_k"),
                   (CAPAIAN_K.label, CAPAIAN_K.label_en))
    else:
        check_ratio(audit, row, "capaian_k", audit.operand(row, "realisasi_k"), target,
                    ratio_spec(audit, row, CAPAIAN_K))
    return p.value if p.ok else None


def _average(audit: Audit, averages: Averages, row: Row) -> None:
    """K: the mean of the achievements averaged; Rp: the node's own realisation over its
    pagu."""
    members = averages.average_members(audit, row, "capaian_k")
    if members is not None:
        check_mean(audit, row, "capaian_k", members,
                   ("Rata-rata capaian kinerja", "Average performance achievement"))
    node = averages.targets.get(row.number)
    if node is not None:
        check_ratio(audit, row, "capaian_rp", audit.money(node, "realisasi_rp"),
                    audit.money(node, "pagu"), RatioSpec(
                        "Capaian keuangan (realisasi / pagu "
                        f"{node.get('uraian').strip() or node.level})",
                        f"Budget achievement (realisation / pagu of "
                        f"{node.get('uraian').strip() or node.level})"))
    k = audit.cell(row, "capaian_k")
    rp = audit.cell(row, "capaian_rp")
    _predicates(audit, row, k.value if k.ok else None, rp.value if rp.ok else None)


def _predicates(audit: Audit, row: Row, k: Decimal | None, rp: Decimal | None) -> None:
    """predikat_k and predikat_rp on the achievement scale of the settings."""
    for column, value in (("predikat_k", k), ("predikat_rp", rp)):
        if audit.has(column) and value is not None:
            check_predicate(audit, row, column, value, row.get(column), audit.scale)
