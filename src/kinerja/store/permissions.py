"""The one permission layer: every read and write of the record asks `can()` or is narrowed by
`scope()`.

Roles (`Membership.role`) and what they may do:

| role | reads | writes |
| --- | --- | --- |
| admin_pemda | every agency of its government | everything in its government |
| bappeda | every agency of its government | evaluation notes |
| inspektorat | every agency of its government | SAKIP evaluations and recommendations |
| perencana | its own agency | its agency's plan, targets, budgets, realisations, imports |
| bidang | its own agency | realisations of the indicators its unit is responsible for |
| pimpinan | its own agency | finalising its agency's documents |

A Django superuser may do everything (system administration). Nobody else may touch an agency
in which they hold no role.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet

from kinerja.store.models import Agency, Government, Membership

#: Every action the layer knows.
ACTIONS: tuple[str, ...] = (
    "view",                    # read anything of the agency
    "export",                  # dump the agency's record
    "edit_plan",               # plan tree, indicators, targets, budgets, documents in draft
    "import",                  # load document tables
    "edit_realisation",        # realisations (bidang: only its unit's indicators)
    "write_evaluation_note",   # Bappeda's notes
    "write_sakip_evaluation",  # Inspektorat's evaluations and recommendations
    "finalise_document",       # sign off a document
    "manage_agency",           # create agencies, units, periods, roles
)

#: role -> actions it grants on the agencies it covers
GRANTS: dict[str, frozenset[str]] = {
    "admin_pemda": frozenset(ACTIONS),
    "bappeda": frozenset({"view", "export", "write_evaluation_note"}),
    "inspektorat": frozenset({"view", "export", "write_sakip_evaluation"}),
    "perencana": frozenset({"view", "export", "edit_plan", "import", "edit_realisation"}),
    "bidang": frozenset({"view", "edit_realisation"}),
    "pimpinan": frozenset({"view", "export", "finalise_document"}),
}

#: model name -> lookup from the model to its agency ('' = the model is Agency)
AGENCY_PATH: dict[str, str] = {
    "agency": "",
    "unit": "agency",
    "period": "agency",
    "tujuan": "agency",
    "sasaran": "agency",
    "node": "agency",
    "indicator": "agency",
    "document": "agency",
    "import": "agency",
    "evaluationnote": "agency",
    "sakipevaluation": "agency",
    "indexresult": "agency",
    "auditlog": "agency",
    "stakeholderproposal": "agency",
    "membership": "agency",
    "target": "indicator__agency",
    "realisation": "indicator__agency",
    "budgetline": "node__agency",
    "budgetchange": "node__agency",
    "importfinding": "source__agency",
    "recommendation": "evaluation__agency",
}

#: model name -> lookup from the model to the unit responsible for it (for the bidang role)
UNIT_PATH: dict[str, str] = {
    "indicator": "responsible_unit",
    "realisation": "indicator__responsible_unit",
}


class Denied(PermissionDenied):
    """An action the user may not take; str() is the message for the user."""


def _memberships(user: Any) -> list[Membership]:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_kinerja_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user))
        user._kinerja_memberships = cached
    return cached


def _is_root(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_active", False)
                and getattr(user, "is_superuser", False))


def _agency_of(obj: Any) -> Agency | None:
    if isinstance(obj, Agency):
        return obj
    agency = getattr(obj, "agency", None)
    return agency if isinstance(agency, Agency) else None


def _unit_id_of(obj: Any) -> int | None:
    name = obj._meta.model_name if isinstance(obj, Model) else ""
    if name == "indicator":
        return obj.responsible_unit_id
    if name == "realisation":
        return obj.indicator.responsible_unit_id
    return None


def _covers(m: Membership, agency: Agency) -> bool:
    if m.role in Membership.GOVERNMENT_ROLES:
        return m.government_id == agency.government_id
    return m.agency_id == agency.pk


def can(user: Any, action: str, obj: Any) -> bool:
    """May `user` take `action` on `obj` (an Agency, a Government for `manage_agency`, or any
    recorded object that belongs to an agency)?"""
    if action not in ACTIONS:
        raise ValueError(f"tindakan tidak dikenal: {action}")
    if _is_root(user):
        return True
    if isinstance(obj, Government):
        return action in ("view", "manage_agency") and any(
            m.role == "admin_pemda" and m.government_id == obj.pk
            or (action == "view" and m.government_id == obj.pk)
            for m in _memberships(user)
        )
    agency = _agency_of(obj)
    if agency is None:
        return False
    for m in _memberships(user):
        if action not in GRANTS.get(m.role, frozenset()) or not _covers(m, agency):
            continue
        if m.role == "bidang" and action == "edit_realisation":
            unit_id = _unit_id_of(obj)
            if unit_id is None or unit_id != m.unit_id:
                continue
        return True
    return False


def require(user: Any, action: str, obj: Any) -> None:
    """Raise `Denied` unless `can(user, action, obj)`."""
    if not can(user, action, obj):
        what = _agency_of(obj) or obj
        raise Denied(f"Anda tidak berwenang melakukan '{action}' pada {what}")


def agencies(user: Any, action: str = "view") -> QuerySet[Agency]:
    """The agencies on which `user` may take `action` (for bidang's `edit_realisation`: the
    agency of its unit; `scope` narrows further to the unit's indicators)."""
    if action not in ACTIONS:
        raise ValueError(f"tindakan tidak dikenal: {action}")
    if _is_root(user):
        return Agency.objects.all()
    cond = Q(pk__in=[])
    for m in _memberships(user):
        if action not in GRANTS.get(m.role, frozenset()):
            continue
        if m.role in Membership.GOVERNMENT_ROLES:
            cond |= Q(government_id=m.government_id)
        elif m.agency_id is not None:
            cond |= Q(pk=m.agency_id)
    return Agency.objects.filter(cond)


def scope(user: Any, queryset: QuerySet[Any], action: str = "view") -> QuerySet[Any]:
    """`queryset` narrowed to the rows `user` may take `action` on."""
    model = queryset.model
    name = model._meta.model_name
    if name == "government":
        if _is_root(user):
            return queryset
        return queryset.filter(pk__in=[m.government_id for m in _memberships(user)
                                       if action in GRANTS.get(m.role, frozenset())])
    if name not in AGENCY_PATH:
        raise ValueError(f"model {model.__name__} tidak dikenal oleh lapisan izin")
    if _is_root(user):
        return queryset
    path = AGENCY_PATH[name]
    cond = Q(pk__in=[])
    for m in _memberships(user):
        if action not in GRANTS.get(m.role, frozenset()):
            continue
        key = f"{path}__government_id" if path else "government_id"
        if m.role in Membership.GOVERNMENT_ROLES:
            part = Q(**{key: m.government_id})
        elif m.agency_id is not None:
            part = Q(**{path or "pk": m.agency_id}) if path else Q(pk=m.agency_id)
            if m.role == "bidang" and action == "edit_realisation":
                unit_path = UNIT_PATH.get(name)
                if unit_path is None or m.unit_id is None:
                    continue
                part &= Q(**{unit_path: m.unit_id})
        else:
            continue
        cond |= part
    return queryset.filter(cond)
