"""Checks of a target-against-realisation table (LKjIP, Renja chapter II).

The achievement is realisasi / target × 100 (against `target_akhir` where no `target` is
printed; negative-polarity indicators, marked in a `polaritas` column, by the formula the
settings choose); an average row is the mean of the achievements it averages; a row without a
target of its own is the mean of its children's. The printed `kategori` is checked on the
achievement scale of the settings, and grades printed with values (`B (65,18)`) on the scale
the indicator names.
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
    check_unit_cell,
    check_unparseable,
    check_value_grade,
    is_predicate_row,
    scale_for_indicator,
    structural_children,
    value_rows,
)
from kinerja.audit.polarity import ratio_spec
from kinerja.core.doctable import Row

NUMERIC = ("target", "realisasi", "capaian", "target_akhir", "realisasi_sebelumnya")

CAPAIAN = RatioSpec("Capaian", "Achievement")


def check(audit: Audit) -> None:
    """Every check of the kind on every row."""
    check_unparseable(audit, NUMERIC, value_rows(audit))
    averages = Averages(audit.table.rows)
    for row in audit.table.rows:
        if is_predicate_row(row):
            check_predicate_row(audit, row, ("capaian",))
            continue
        if row.level == "lain":
            continue
        if audit.has("satuan"):
            check_unit_cell(audit, row, "satuan")
        scale = scale_for_indicator(row.get("indikator"), row.get("uraian"))
        for column in ("target", "realisasi", "target_akhir", "realisasi_sebelumnya"):
            check_value_grade(audit, row, column, scale)
        value = _achievement(audit, averages, row)
        _category(audit, row, value)


def _achievement(audit: Audit, averages: Averages, row: Row) -> Decimal | None:
    """Check the printed achievement; return the value its category is judged on."""
    printed = audit.cell(row, "capaian")
    recomputed: Decimal | None = None
    if row.level == "rata_rata":
        members = averages.average_members(audit, row, "capaian")
        if members is not None:
            recomputed = check_mean(audit, row, "capaian", members,
                                    ("Rata-rata capaian", "Average achievement"))
    else:
        target = audit.operand(row, "target")
        if target.value is None and target.readable:
            target = audit.operand(row, "target_akhir")
        realisation = audit.operand(row, "realisasi")
        if target.readable and target.value is None and printed.ok \
                and structural_children(row):
            recomputed = check_mean(audit, row, "capaian",
                                    averages.members(audit, row, "capaian"),
                                    ("Capaian", "Achievement"))
        else:
            recomputed = check_ratio(audit, row, "capaian", realisation, target,
                                     ratio_spec(audit, row, CAPAIAN))
    if printed.ok:
        return printed.value
    return recomputed


def _category(audit: Audit, row: Row, value: Decimal | None) -> None:
    """The printed kategori on the achievement scale (Permendagri 86/2017 by default)."""
    if not audit.has("kategori") or value is None:
        return
    check_predicate(audit, row, "kategori", value, row.get("kategori"), audit.scale)
