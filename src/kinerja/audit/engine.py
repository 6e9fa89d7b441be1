"""The audit of a document table: every check of document-tables.md that applies to its kind.

CONTRACT (implementation pending): `AuditSettings` and `audit_table` are fixed; the command and
the importer code against them.
"""

from __future__ import annotations

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


def audit_table(table: DocTable, settings: AuditSettings | None = None) -> list[Finding]:
    """Every finding in `table`, sorted by row, then column order in the table, then rule."""
    raise NotImplementedError
