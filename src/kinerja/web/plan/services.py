"""Changes of the plan made in the plan editor, each through the permission layer and each
written to the audit trail.

Targets and budget lines are logged by the store's signals (`kinerja.store.signals`) under the
acting user; tujuan, sasaran, nodes and indicators are logged here in the same form (the
values before and after), so that the trail answers who changed which part of the plan.
Stakeholder proposals, like targets, are logged by the store's signals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import models, transaction

from kinerja.store import auditing, permissions
from kinerja.store.models import (
    AuditLog,
    BudgetLine,
    Indicator,
    Node,
    StakeholderProposal,
    Target,
)


def log(user: Any, obj: models.Model, action: str, before: dict[str, Any] | None,
        after: dict[str, Any] | None) -> None:
    """One audit-trail entry for a change of a plan object (skipped when nothing changed)."""
    if before is not None and before == after:
        return
    AuditLog.objects.create(
        actor=user if getattr(user, "pk", None) else None,
        actor_name=getattr(user, "username", "") or "sistem",
        agency_id=getattr(obj, "agency_id", None),
        action=action, model=obj._meta.model_name, object_id=str(obj.pk),
        object_repr=str(obj)[:500], before=before, after=after)


@transaction.atomic
def save(user: Any, obj: models.Model, action: str = "edit_plan") -> models.Model:
    """Create or update a plan object the user may edit, logging the change."""
    permissions.require(user, action, obj)
    before = None
    if obj.pk is not None:
        old = type(obj).objects.filter(pk=obj.pk).first()  # type: ignore[attr-defined]
        before = auditing.field_values(old) if old is not None else None
    with auditing.acting_as(user):
        obj.save()
    log(user, obj, "create" if before is None else "update", before,
        auditing.field_values(obj))
    return obj


@transaction.atomic
def delete(user: Any, obj: models.Model) -> None:
    """Delete a plan object the user may edit (with what hangs below it), logging it."""
    permissions.require(user, "edit_plan", obj)
    before = auditing.field_values(obj)
    pk = obj.pk
    with auditing.acting_as(user):
        obj.delete()
    obj.pk = pk
    log(user, obj, "delete", before, None)


@transaction.atomic
def set_target(user: Any, indicator: Indicator, year: int, version: str,
               value: Decimal | None, printed: str, quarter: int = 0) -> Target | None:
    """Set (or, when empty, remove) the target entered by hand for a year, version and quarter;
    targets brought by imports are left as they are."""
    permissions.require(user, "edit_plan", indicator)
    with auditing.acting_as(user):
        target = Target.objects.filter(indicator=indicator, year=year, quarter=quarter,
                                       version=version, source__isnull=True).first()
        if value is None and not printed:
            if target is not None:
                target.delete()
            return None
        if target is None:
            target = Target(indicator=indicator, year=year, quarter=quarter, version=version,
                            unit=indicator.unit)
        if target.value == value and target.printed == printed:
            return target
        target.value = value
        target.printed = printed[:120]
        target.save()
    return target


@transaction.atomic
def set_budget(user: Any, node: Node, year: int, stage: str, amount: Decimal | None,
               printed: str, quarter: int = 0) -> BudgetLine | None:
    """Set (or, when empty, remove) the budget entered by hand for a year and stage."""
    permissions.require(user, "edit_plan", node)
    with auditing.acting_as(user):
        line = BudgetLine.objects.filter(node=node, year=year, stage=stage, quarter=quarter,
                                         source__isnull=True).first()
        if amount is None and not printed:
            if line is not None:
                line.delete()
            return None
        if line is None:
            line = BudgetLine(node=node, year=year, stage=stage, quarter=quarter)
        if line.amount == amount and line.printed == printed:
            return line
        line.amount = amount
        line.printed = printed[:60]
        line.save()
    return line


@transaction.atomic
def save_proposal(user: Any, proposal: StakeholderProposal) -> StakeholderProposal:
    """Create or update a stakeholder proposal the user may edit (logged by the signals)."""
    permissions.require(user, "edit_plan", proposal)
    with auditing.acting_as(user):
        proposal.save()
    return proposal


@transaction.atomic
def delete_proposal(user: Any, proposal: StakeholderProposal) -> None:
    """Delete a stakeholder proposal the user may edit (logged by the signals)."""
    permissions.require(user, "edit_plan", proposal)
    with auditing.acting_as(user):
        proposal.delete()
