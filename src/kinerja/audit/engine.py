"""The audit of a document table: every check of document-tables.md that applies to its kind.

`audit_table` reads the table's cells once by the table's number convention (inferred from all
its numeric cells), runs the checks of its kind (one module per kind) and the nomenclature
code checks, and returns the findings sorted by row, column order and rule. `AuditSettings` and
`audit_table` are the contract the `kinerja audit` command and the importer code against.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kinerja.audit.findings import Finding
from kinerja.core.doctable import DocTable


@dataclass(frozen=True)
class AuditSettings:
    """Settings that change results (rules.md [OPEN] items), with their defaults.

    `predicate_scale`: scale key for achievement predicates ('permendagri86' = lower bound
    inclusive, or 'permendagri86_atas'); `negative_formula`: '2t_minus_r' ((2T - R)/T, floored
    at 0) or 't_over_r'; `tolerance`: 'round_or_truncate', 'round' or 'truncate' for printed
    ratios; `implausible_above` / `implausible_below`: achievement bounds in percent.
    """

    predicate_scale: str = "permendagri86"
    negative_formula: str = "2t_minus_r"
    tolerance: str = "round_or_truncate"
    implausible_above: int = 500
    implausible_below: int = 0

    def describe(self) -> list[tuple[str, str]]:
        """(name, value) pairs for the report's 'settings used' line."""
        return [
            ("skala predikat", self.predicate_scale),
            ("rumus indikator negatif", self.negative_formula),
            ("toleransi rasio", self.tolerance),
        ]


def _checks() -> dict[str, tuple[Callable[[DocTable], list[str]], Callable[..., None]]]:
    """kind -> (numeric columns of a table, check function)."""
    from kinerja.audit import (
        evaluasi_renja,
        evaluasi_triwulan,
        indeks_ipasn,
        komponen_lke,
        pengukuran_kinerja,
        rencana_anggaran,
    )

    return {
        "evaluasi_renja": (lambda t: list(evaluasi_renja.NUMERIC), evaluasi_renja.check),
        "rencana_anggaran": (rencana_anggaran.numeric_columns, rencana_anggaran.check),
        "pengukuran_kinerja": (lambda t: list(pengukuran_kinerja.NUMERIC),
                               pengukuran_kinerja.check),
        "evaluasi_triwulan": (lambda t: list(evaluasi_triwulan.NUMERIC),
                              evaluasi_triwulan.check),
        "indeks_ipasn": (lambda t: list(indeks_ipasn.NUMERIC), indeks_ipasn.check),
        "komponen_lke": (lambda t: list(komponen_lke.NUMERIC), komponen_lke.check),
    }


def audit_table(table: DocTable, settings: AuditSettings | None = None) -> list[Finding]:
    """Every finding in `table`, sorted by row, then column order in the table, then rule."""
    from kinerja.audit import kode
    from kinerja.audit.common import Audit

    settings = settings or AuditSettings()
    checks = _checks()
    if table.kind not in checks:
        return []
    numeric, check = checks[table.kind]
    audit = Audit(table, settings, numeric(table))
    check(audit)
    if "kode" in table.columns:
        kode.check(audit)
    return audit.findings()
