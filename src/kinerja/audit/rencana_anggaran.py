"""Checks of a program / kegiatan / sub kegiatan tree with targets and money (T-C.31, T-C.33,
Renja Perubahan tables, LKjIP budget-realisation tables).

The meta file's `value_columns` give each value column its role: `pagu` and `realisasi` roll up
(each parent the exact sum of its direct children), `persen` is realisasi / pagu × 100, `sisa`
pagu − realisasi and `difference` a − b. Targets are not rolled up; a target printed with its
grade (`B (72)`) is a printed predicate, checked on the scale its indicator names.
"""

from __future__ import annotations

from kinerja.audit.common import (
    Audit,
    RatioSpec,
    check_ratio,
    check_rollup,
    check_unparseable,
    check_value_grade,
    scale_for_indicator,
)
from kinerja.audit.common import check_difference as _difference
from kinerja.core.doctable import DocTable, Row

MONEY_ROLES = ("pagu", "realisasi")
NUMBER_ROLES = ("pagu", "realisasi", "persen", "sisa", "difference")

PERSEN = RatioSpec("Persentase realisasi", "Absorption")


def numeric_columns(table: DocTable) -> list[str]:
    """The value columns of the table (targets too, for the number convention)."""
    return [c for c, spec in table.value_columns.items()
            if spec.get("role") in (*NUMBER_ROLES, "target")]


def _operands(spec: dict[str, object]) -> list[str]:
    of = spec.get("of") or []
    return [str(c) for c in of] if isinstance(of, list | tuple) else []


def _indicator_text(audit: Audit, row: Row, column: str) -> list[str]:
    """The indicator a value column belongs to: `indikator_<suffix>` for a column named
    `<role>_<suffix>` where the table has one (a second indicator block), else `indikator`;
    then the row's name."""
    texts = []
    parts = column.split("_")
    for i in range(1, len(parts)):
        candidate = "indikator_" + "_".join(parts[i:])
        if audit.has(candidate):
            texts.append(row.get(candidate))
            break
    texts += [row.get("indikator"), row.get("uraian")]
    return texts


def check(audit: Audit) -> None:
    """Roll-ups, ratios, differences, predicates and unreadable cells of every value column."""
    vc = audit.table.value_columns
    roles = {c: str(spec.get("role") or "") for c, spec in vc.items() if audit.has(c)}
    check_unparseable(audit, [c for c, r in roles.items() if r in NUMBER_ROLES])
    for column, role in roles.items():
        if role in MONEY_ROLES:
            check_rollup(audit, column)
    for row in audit.table.rows:
        if row.level == "lain" and not any(row.get(c).strip() for c in roles):
            continue
        for column, role in roles.items():
            if role == "target":
                scale = scale_for_indicator(*_indicator_text(audit, row, column))
                check_value_grade(audit, row, column, scale)
                continue
            of = _operands(vc[column])
            if len(of) != 2 or not all(audit.has(c) for c in of):
                continue
            a, b = (audit.money(row, c) for c in of)
            if role == "persen":
                if not row.get(column).strip() and not row.get(of[0]).strip() \
                        and not row.get(of[1]).strip():
                    continue
                check_ratio(audit, row, column, a, b, PERSEN)
            elif role == "sisa":
                _difference(audit, row, column, a, b, ("Sisa anggaran", "Remaining budget"))
            elif role == "difference":
                _difference(audit, row, column, a, b, ("Selisih", "Difference"))
