"""Findings: one inconsistency in a document table, as data.

A finding names the row (1-based data row of the file), the column, the rule
(document-tables.md "Rule names for findings"), its severity, the printed and the expected
value as text, and a sentence in Bahasa Indonesia (and in English) that shows the arithmetic.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

#: rule -> severity, exactly as document-tables.md gives them
RULES: dict[str, str] = {
    "sum_mismatch": "error",
    "ratio_mismatch": "error",
    "difference_mismatch": "error",
    "cumulative_mismatch": "error",
    "summed_level_indicator": "warning",
    "unit_mismatch": "warning",
    "implausible_achievement": "warning",
    "predicate_mismatch": "error",
    "division_by_zero": "warning",
    "unparseable_value": "warning",
    "duplicate_code": "error",
    "code_name_mismatch": "warning",
    "invalid_code": "warning",
    "score_exceeds_weight": "error",
}

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One inconsistency in a document table."""

    row: int
    column: str
    rule: str
    printed: str | None
    expected: str | None
    message: str
    message_en: str = ""
    severity: str = ""

    def __post_init__(self) -> None:
        if not self.severity:
            object.__setattr__(self, "severity", RULES.get(self.rule, "info"))

    def key(self) -> tuple[int, str, str]:
        """(row, column, rule): what the test oracle compares."""
        return (self.row, self.column, self.rule)

    def as_dict(self, lang: str = "id") -> dict[str, Any]:
        """The JSON form of the `kinerja audit --format json` output."""
        d = asdict(self)
        d.pop("message_en")
        if lang == "en" and self.message_en:
            d["message"] = self.message_en
        return {k: d[k] for k in
                ("row", "column", "rule", "severity", "printed", "expected", "message")}
