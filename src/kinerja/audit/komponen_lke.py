"""Checks of the components of a SAKIP (AKIP) evaluation, the LKE (PermenPANRB 88/2021 and the
older 12/2015).

A component's score never exceeds its weight; the total row's weight and scores are the sums of
the components' (within the rounding of printed decimals); the grade printed on the total row
(in `keterangan`, e.g. `B ( Baik )`) must fit the total on the SAKIP scale.
"""

from __future__ import annotations

import re

from kinerja.audit.common import (
    Audit,
    check_predicate,
    check_total,
    check_unparseable,
)
from kinerja.core import scales
from kinerja.core.doctable import Row

SCORES = ("nilai_sebelumnya", "nilai")
TOTAL_WORDS = re.compile(r"^\s*(jumlah|total|nilai akhir)\b", re.IGNORECASE)
NUMERIC = ("bobot", *SCORES)


def check(audit: Audit) -> None:
    """Scores within weights, totals and the grade."""
    check_unparseable(audit, NUMERIC)
    rows = audit.table.rows
    totals = [r for r in rows if _is_total(audit, r)]
    components = [r for r in rows if r not in totals and r.level != "rata_rata"
                  and r.get("komponen").strip()]
    for row in components:
        weight = audit.operand(row, "bobot")
        for column in SCORES:
            score = audit.operand(row, column)
            if weight.value is None or score.value is None or score.value <= weight.value:
                continue
            audit.add(row, column, "score_exceeds_weight", row.get(column), weight.show(),
                      f"Nilai komponen {score.show()} melebihi bobotnya {weight.show()}",
                      f"The component's score {score.show()} exceeds its weight "
                      f"{weight.show()}")
    for total in totals:
        for column, label in (("bobot", ("Jumlah bobot", "Sum of the weights")),
                              ("nilai_sebelumnya", ("Jumlah nilai", "Sum of the scores")),
                              ("nilai", ("Jumlah nilai", "Sum of the scores"))):
            if not audit.has(column):
                continue
            parts = [audit.operand(r, column) for r in components]
            if parts and all(p.present for p in parts):
                check_total(audit, total, column, parts, label)
        value = audit.operand(total, "nilai")
        if value.value is not None and audit.has("keterangan"):
            check_predicate(audit, total, "keterangan", value.value, total.get("keterangan"),
                            scales.SAKIP, total.get("nilai").strip())


def _is_total(audit: Audit, row: Row) -> bool:
    """The total row: level `total`, or, in a table without a level column, a row named
    Jumlah / Total."""
    if row.level:
        return row.level == "total"
    return not audit.has("level") and bool(TOTAL_WORDS.match(row.get("komponen")))
