"""Entering and reading values one by one (the web pages and the API call these): targets,
realisations, budgets, Bappeda's notes and the Inspektorat's evaluations. Every function asks
the permission layer first and records who acted in the audit trail."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from kinerja.store import auditing, permissions
from kinerja.store.models import (
    Agency,
    BudgetLine,
    EvaluationNote,
    Indicator,
    Node,
    Realisation,
    Recommendation,
    SakipEvaluation,
    Target,
)


@transaction.atomic
def set_target(user: Any, indicator: Indicator, year: int, version: str, value: Decimal | None,
               quarter: int = 0, printed: str = "") -> Target:
    """Set a target entered by hand (source: none) for a version, year and quarter."""
    permissions.require(user, "edit_plan", indicator)
    with auditing.acting_as(user):
        target = Target.objects.filter(indicator=indicator, year=year, quarter=quarter,
                                       version=version, source__isnull=True).first()
        if target is None:
            target = Target(indicator=indicator, year=year, quarter=quarter, version=version)
        target.value = value
        target.printed = printed or ("" if value is None else str(value))
        target.save()
    return target


@transaction.atomic
def record_realisation(user: Any, indicator: Indicator, year: int, quarter: int,
                       value: Decimal | None, note: str = "", evidence_link: str = "",
                       evidence_file: Any = None) -> Realisation:
    """Record a realisation entered by hand, with its note and evidence; `None` stays missing
    (never zero)."""
    permissions.require(user, "edit_realisation", indicator)
    with auditing.acting_as(user):
        real = Realisation.objects.filter(indicator=indicator, year=year, quarter=quarter,
                                          cumulative=False, source__isnull=True).first()
        if real is None:
            real = Realisation(indicator=indicator, year=year, quarter=quarter)
        real.value = value
        real.printed = "" if value is None else str(value)
        real.note = note
        real.evidence_link = evidence_link
        if evidence_file is not None:
            real.evidence_file = evidence_file
        real.reported_by = user if getattr(user, "pk", None) else None
        real.reported_at = timezone.now()
        real.save()
    return real


@transaction.atomic
def set_budget(user: Any, node: Node, year: int, stage: str, amount: Decimal | None,
               quarter: int = 0, funding_source: str = "", location: str = "") -> BudgetLine:
    """Set a budget amount entered by hand for a node, year, stage (and quarter)."""
    permissions.require(user, "edit_plan", node)
    with auditing.acting_as(user):
        line = BudgetLine.objects.filter(node=node, year=year, stage=stage, quarter=quarter,
                                         source__isnull=True).first()
        if line is None:
            line = BudgetLine(node=node, year=year, stage=stage, quarter=quarter)
        line.amount = amount
        line.printed = "" if amount is None else str(amount)
        line.funding_source = funding_source
        line.location = location
        line.save()
    return line


def add_evaluation_note(user: Any, agency: Agency, year: int, text: str,
                        quarter: int = 0) -> EvaluationNote:
    """A Bappeda note on an agency's plan or quarterly realisation."""
    permissions.require(user, "write_evaluation_note", agency)
    return EvaluationNote.objects.create(agency=agency, year=year, quarter=quarter, text=text,
                                         author=user)


@transaction.atomic
def add_sakip_evaluation(user: Any, agency: Agency, year: int, score: Decimal | None,
                         grade: str, recommendations: list[str] | None = None,
                         notes: str = "") -> SakipEvaluation:
    """The Inspektorat's SAKIP evaluation of an agency, with its recommendations."""
    permissions.require(user, "write_sakip_evaluation", agency)
    ev, _ = SakipEvaluation.objects.update_or_create(
        agency=agency, year=year,
        defaults={"score": score, "grade": grade, "notes": notes, "evaluator": user})
    for i, text in enumerate(recommendations or [], start=1):
        Recommendation.objects.update_or_create(evaluation=ev, position=i,
                                                defaults={"text": text})
    return ev


@dataclass(frozen=True)
class Conflict:
    """Targets of one indicator, year and quarter that disagree: (version, source title or
    'manual', printed, value) for each."""

    indicator: Indicator
    year: int
    quarter: int
    targets: tuple[tuple[str, str, str, Decimal | None], ...]


def conflicting_targets(user: Any, agency: Agency) -> list[Conflict]:
    """Every indicator-year-quarter whose targets differ between document versions or source
    tables (none is overwritten: each is kept and listed here)."""
    permissions.require(user, "view", agency)
    groups: dict[tuple[int, int, int], list[Target]] = defaultdict(list)
    qs = permissions.scope(user, Target.objects.filter(indicator__agency=agency))
    for t in qs.select_related("indicator", "source").order_by("indicator__key", "year",
                                                               "quarter", "version", "id"):
        groups[(t.indicator_id, t.year, t.quarter)].append(t)
    out = []
    for ts in groups.values():
        values = {t.value for t in ts}
        if len(ts) > 1 and len(values) > 1:
            out.append(Conflict(ts[0].indicator, ts[0].year, ts[0].quarter, tuple(
                (t.version, t.source.title if t.source else "manual", t.printed, t.value)
                for t in ts)))
    return out
