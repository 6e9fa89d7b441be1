"""Audit-trail signal handlers: every save or delete of a target, realisation, budget line,
budget change, document or stakeholder proposal writes an `AuditLog` entry with the values
before and after."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from kinerja.store import auditing
from kinerja.store.models import (
    Agency,
    AuditLog,
    BudgetChange,
    BudgetLine,
    Document,
    Government,
    Realisation,
    StakeholderProposal,
    Target,
)

TRACKED = (Target, Realisation, BudgetLine, BudgetChange, Document, StakeholderProposal)
_EXCLUDE = ("snapshot",)


def _agency_id(obj: Any) -> int | None:
    try:
        return int(obj.agency.pk)
    except Exception:  # noqa: BLE001 - an object being deleted with its agency
        return None


def _write(obj: Any, action: str, before: Any, after: Any) -> None:
    user, name = auditing.current_actor()
    AuditLog.objects.create(
        actor=user if getattr(user, "pk", None) else None,
        actor_name=name or "sistem",
        agency_id=_agency_id(obj),
        action=action,
        model=obj._meta.model_name,
        object_id=str(obj.pk),
        object_repr=str(obj)[:500],
        before=before,
        after=after,
    )


@receiver(pre_save)
def _remember(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if sender not in TRACKED or raw or auditing.is_suspended():
        return
    before = None
    if instance.pk is not None:
        old = sender.objects.filter(pk=instance.pk).first()
        if old is not None:
            before = auditing.field_values(old, _EXCLUDE)
    instance._kinerja_before = before


@receiver(post_save)
def _log_save(sender: type, instance: Any, created: bool, raw: bool = False,
              **kwargs: Any) -> None:
    if sender not in TRACKED or raw or auditing.is_suspended():
        return
    before = getattr(instance, "_kinerja_before", None)
    after = auditing.field_values(instance, _EXCLUDE)
    if before == after:
        return
    action = "create" if before is None else "update"
    if (sender is Document and before is not None
            and before.get("status") != after.get("status")):
        action = "status"
    _write(instance, action, before, after)
    instance._kinerja_before = after


@receiver(post_delete)
def _log_delete(sender: type, instance: Any, **kwargs: Any) -> None:
    if sender not in TRACKED or auditing.is_suspended():
        return
    origin = kwargs.get("origin")
    origin_model = getattr(origin, "model", None) or type(origin)
    if origin_model in (Agency, Government):
        return  # the whole agency goes, its trail with it
    _write(instance, "delete", auditing.field_values(instance, _EXCLUDE), None)
