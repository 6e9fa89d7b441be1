"""Checks of T-C.29, the evaluation of the Renja and progress on the Renstra (rules.md §3).

Column 8 = 7 / 6 × 100; column 10 = 5 + 7 + 9 for flow indicators (the sum, the latest or the
largest value for undecided units; a level indicator's column 10 is its latest value, and one
equal to 5 + 7 + 9 is a `summed_level_indicator`); column 11 = 10 / 4 × 100 for flow and
undecided indicators. Units are compared where both values are numbers; grade letters in unit
cells are printed predicates.
"""

from __future__ import annotations

from decimal import Decimal

from kinerja.audit.common import (
    Audit,
    Averages,
    Operand,
    RatioSpec,
    check_mean,
    check_predicate,
    check_predicate_row,
    check_ratio,
    check_unit_cell,
    check_unparseable,
    check_value_grade,
    fmt,
    is_predicate_row,
    scale_for_indicator,
    structural_children,
    value_rows,
)
from kinerja.core.doctable import Row
from kinerja.core.exact import ZERO, exact
from kinerja.core.indicators import Kind, kind_of_unit, units_equal

VALUES = ("c4_target_renstra", "c5_realisasi_sd", "c6_target", "c7_realisasi")
UNITS = ("c4_satuan", "c5_satuan", "c6_satuan", "c7_satuan")
NUMERIC = (*VALUES, "c8_tingkat_realisasi", "c9_target_berikut", "c10_realisasi_kumulatif",
           "c11_tingkat_capaian")

C8 = RatioSpec("Tingkat realisasi", "Realisation rate")
C11 = RatioSpec("Tingkat capaian Renstra", "Renstra achievement")


def check(audit: Audit) -> None:
    """Every T-C.29 check on every row."""
    check_unparseable(audit, NUMERIC, value_rows(audit))
    averages = Averages(audit.table.rows)
    for row in audit.table.rows:
        if is_predicate_row(row):
            check_predicate_row(audit, row, ("c8_tingkat_realisasi", "c11_tingkat_capaian"))
            continue
        if row.level == "lain":
            continue
        states = {u: check_unit_cell(audit, row, u) for u in UNITS}
        scale = scale_for_indicator(row.get("indikator"), row.get("uraian"))
        _predicates(audit, row, states, scale)
        _units(audit, row, states)
        if row.level == "rata_rata":
            for column in ("c8_tingkat_realisasi", "c11_tingkat_capaian"):
                members = averages.average_members(audit, row, column)
                if members is not None:
                    check_mean(audit, row, column, members,
                               ("Rata-rata capaian", "Average achievement"))
            continue
        kind = _row_kind(row, states)
        _ratio(audit, averages, row, "c8_tingkat_realisasi", "c7_realisasi", "c6_target", C8)
        if kind is Kind.LEVEL:
            _summed_level(audit, row)
            continue
        _cumulative(audit, row, kind)
        _ratio(audit, averages, row, "c11_tingkat_capaian", "c10_realisasi_kumulatif",
               "c4_target_renstra", C11)


def _row_kind(row: Row, states: dict[str, str]) -> Kind:
    """A row's unit is its realisation's unit (column 7, else 6, 4, 5)."""
    for unit in ("c7_satuan", "c6_satuan", "c4_satuan", "c5_satuan"):
        if states[unit] in ("unit", "grade"):
            return kind_of_unit(row.get(unit).strip())
    return kind_of_unit("")


def _predicates(audit: Audit, row: Row, states: dict[str, str], scale: object) -> None:
    """Grade letters in unit cells and grades printed with values, on the indicator's scale."""
    from kinerja.core.scales import Scale

    if not isinstance(scale, Scale):
        return
    for value_col, unit_col in zip(VALUES, UNITS, strict=True):
        check_value_grade(audit, row, value_col, scale)
        if states[unit_col] != "grade":
            continue
        value = audit.operand(row, value_col)
        if value.value is None:
            continue
        check_predicate(audit, row, unit_col, value.value, row.get(unit_col), scale,
                        row.get(value_col).strip())


def _comparable(audit: Audit, row: Row, states: dict[str, str], value_col: str,
                unit_col: str) -> bool:
    return states[unit_col] == "unit" and audit.operand(row, value_col).present


def _units(audit: Audit, row: Row, states: dict[str, str]) -> None:
    """Year target against its realisation at c7_satuan; the Renstra target against either
    realisation at c4_satuan (once)."""
    def unit(col: str) -> str:
        return row.get(col).strip()

    if _comparable(audit, row, states, "c6_target", "c6_satuan") and _comparable(
            audit, row, states, "c7_realisasi", "c7_satuan") and not units_equal(
            unit("c6_satuan"), unit("c7_satuan")):
        audit.add(row, "c7_satuan", "unit_mismatch", unit("c7_satuan"), unit("c6_satuan"),
                  f"Target tahun ini {row.get('c6_target')} {unit('c6_satuan')}, realisasinya "
                  f"{row.get('c7_realisasi')} {unit('c7_satuan')}: satuannya berbeda",
                  f"This year's target {row.get('c6_target')} {unit('c6_satuan')}, its "
                  f"realisation {row.get('c7_realisasi')} {unit('c7_satuan')}: different units")
    if not _comparable(audit, row, states, "c4_target_renstra", "c4_satuan"):
        return
    for value_col, unit_col, what, what_en in (
            ("c5_realisasi_sd", "c5_satuan", "realisasi s.d. tahun lalu", "realisation to date"),
            ("c7_realisasi", "c7_satuan", "realisasi tahun ini", "this year's realisation")):
        if _comparable(audit, row, states, value_col, unit_col) and not units_equal(
                unit("c4_satuan"), unit(unit_col)):
            audit.add(row, "c4_satuan", "unit_mismatch", unit("c4_satuan"), unit(unit_col),
                      f"Target Renstra {row.get('c4_target_renstra')} {unit('c4_satuan')}, "
                      f"{what} {row.get(value_col)} {unit(unit_col)}: satuannya berbeda",
                      f"Renstra target {row.get('c4_target_renstra')} {unit('c4_satuan')}, "
                      f"{what_en} {row.get(value_col)} {unit(unit_col)}: different units")
            return


def _ratio(audit: Audit, averages: Averages, row: Row, column: str, num_col: str,
           den_col: str, spec: RatioSpec) -> None:
    num = audit.operand(row, num_col)
    den = audit.operand(row, den_col)
    p = audit.cell(row, column)
    if den.readable and den.value is None and p.ok and structural_children(row):
        # a row without a target of its own (a bidang, a total): the mean of its children
        check_mean(audit, row, column, averages.members(audit, row, column),
                   (spec.label, spec.label_en))
        return
    check_ratio(audit, row, column, num, den, spec)


def _terms(row: Row, audit: Audit) -> tuple[list[Operand], bool]:
    terms = [audit.operand(row, c)
             for c in ("c5_realisasi_sd", "c7_realisasi", "c9_target_berikut")]
    return terms, all(t.readable for t in terms)


def _show_terms(terms: list[Operand]) -> str:
    return " + ".join(t.show() if t.present else "0" for t in terms)


def _cumulative(audit: Audit, row: Row, kind: Kind) -> None:
    """Column 10 = 5 + 7 + 9 (a missing term is 0); undecided units also pass with the latest
    or the largest value."""
    printed = audit.operand(row, "c10_realisasi_kumulatif")
    terms, readable = _terms(row, audit)
    if printed.value is None or not readable or not any(t.present for t in terms):
        return
    values = [t.value for t in terms if t.value is not None]
    with exact():
        total = sum(values, ZERO)
    candidates = [total]
    if kind is Kind.UNDECIDED:
        candidates += [_latest(terms), max(values)]
    if printed.value in candidates:
        return
    shown = fmt(total)
    extra = extra_en = ""
    if kind is Kind.UNDECIDED:
        extra = (f" (satuan ini dapat berupa stok: nilai terakhir {fmt(candidates[1])} atau "
                 f"terbesar {fmt(candidates[2])} juga diterima)")
        extra_en = (f" (the unit may be a stock: the latest {fmt(candidates[1])} or the "
                    f"largest {fmt(candidates[2])} would also pass)")
    audit.add(row, "c10_realisasi_kumulatif", "cumulative_mismatch", printed.text, shown,
              f"Realisasi kumulatif kolom 5 + 7 + 9 = {_show_terms(terms)} = {shown}, "
              f"tertulis {printed.text}{extra}",
              f"Cumulative realisation columns 5 + 7 + 9 = {_show_terms(terms)} = {shown}, "
              f"printed {printed.text}{extra_en}")


def _latest(terms: list[Operand]) -> Decimal:
    """The latest value: column 9 where printed, else 7, else 5."""
    for t in reversed(terms):
        if t.value is not None:
            return t.value
    return ZERO


def _summed_level(audit: Audit, row: Row) -> None:
    """A level indicator whose column 10 equals 5 + 7 + 9 (5 and 7 present and non-zero)."""
    printed = audit.operand(row, "c10_realisasi_kumulatif")
    terms, readable = _terms(row, audit)
    c5, c7 = terms[0].value, terms[1].value
    if printed.value is None or not readable or not c5 or not c7:
        return
    with exact():
        total = sum((t.value for t in terms if t.value is not None), ZERO)
    if printed.value != total:
        return
    latest = _latest(terms)
    audit.add(row, "c10_realisasi_kumulatif", "summed_level_indicator", printed.text,
              fmt(latest),
              f"Indikator berupa tingkat (persentase, nilai, indeks): kolom 10 tertulis "
              f"{printed.text} = {_show_terms(terms)}, padahal nilai sampai saat ini adalah "
              f"nilai terakhir {fmt(latest)}, bukan penjumlahan antartahun",
              f"A level indicator (percentage, score, index): column 10 prints "
              f"{printed.text} = {_show_terms(terms)}, but its value to date is the latest "
              f"value {fmt(latest)}, not a sum over the years")
