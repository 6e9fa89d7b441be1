"""Models of the record, split by concept; everything is importable from here."""

from kinerja.store.models.audit import AuditLog
from kinerja.store.models.budget import BudgetChange, BudgetLine
from kinerja.store.models.documents import (
    Document,
    DocumentLocked,
    EvaluationNote,
    Import,
    ImportFinding,
    Recommendation,
    SakipEvaluation,
)
from kinerja.store.models.indicators import Indicator, Realisation, Target
from kinerja.store.models.indices import IndexResult
from kinerja.store.models.organisation import Agency, Government, Membership, Period, Unit
from kinerja.store.models.plan import Node, Sasaran, Tujuan
from kinerja.store.models.proposals import StakeholderProposal

__all__ = [
    "Agency", "AuditLog", "BudgetChange", "BudgetLine", "Document", "DocumentLocked",
    "EvaluationNote", "Government", "Import", "ImportFinding", "IndexResult", "Indicator",
    "Membership", "Node", "Period", "Realisation", "Recommendation", "SakipEvaluation",
    "Sasaran", "StakeholderProposal", "Target", "Tujuan", "Unit",
]
