"""The whole permission matrix: every role × every action × own agency, another agency of the
same government and an agency of another government, on the agency itself and on every kind of
recorded object; and the same matrix through queryset scoping. No cross-agency read or write may
be possible."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

ACTIONS = ("view", "export", "edit_plan", "import", "edit_realisation", "write_evaluation_note",
           "write_sakip_evaluation", "finalise_document", "manage_agency")

# What each role may do in its own agency, written out independently of the implementation.
OWN: dict[str, set[str]] = {
    "admin_pemda": set(ACTIONS),
    "bappeda": {"view", "export", "write_evaluation_note"},
    "inspektorat": {"view", "export", "write_sakip_evaluation"},
    "perencana": {"view", "export", "edit_plan", "import", "edit_realisation"},
    "bidang": {"view"},  # edit_realisation only on its unit's indicators (below)
    "pimpinan": {"view", "export", "finalise_document"},
    "none": set(),
    "superuser": set(ACTIONS),
}
GOVERNMENT_WIDE = {"admin_pemda", "bappeda", "inspektorat", "superuser"}
ROLES = tuple(OWN)


def _expected(role: str, where: str, action: str, unit: str = "") -> bool:
    """May `role` take `action` in the `where` agency ('own', 'sibling', 'foreign')?
    `unit` is 'own' or 'other' for a realisation/indicator object in the own agency."""
    if role == "superuser":
        return True
    if where == "foreign":
        return False
    if where == "sibling" and role not in GOVERNMENT_WIDE:
        return False
    if role == "bidang" and action == "edit_realisation":
        return where == "own" and unit == "own"
    return action in OWN[role]


def _populate(agency: Any, unit: Any | None) -> dict[str, Any]:
    """One object of every scoped kind in `agency`."""
    from kinerja.store import keys
    from kinerja.store.models import (
        AuditLog,
        BudgetChange,
        BudgetLine,
        Document,
        EvaluationNote,
        Import,
        ImportFinding,
        Indicator,
        Node,
        Period,
        Realisation,
        Recommendation,
        SakipEvaluation,
        Sasaran,
        Target,
        Tujuan,
    )

    node = Node.objects.create(agency=agency, level="program", local_name="Program A",
                               key=keys.node_key(None, "program", "Program A"))
    ind = Indicator.objects.create(agency=agency, node=node, name="Jumlah SK",
                                   key=keys.indicator_key(node.key, "Jumlah SK"),
                                   responsible_unit=unit)
    imp = Import.objects.create(agency=agency, kind="evaluasi_renja", title="T", file_name="t.csv",
                                year=2024, version="renja", sha256="0" * 64)
    ev = SakipEvaluation.objects.create(agency=agency, year=2024, grade="B")
    objs = {
        "agency": agency,
        "period": Period.objects.create(agency=agency, name="Renstra", start_year=2021,
                                        end_year=2026),
        "tujuan": Tujuan.objects.create(agency=agency, key="tujuan:a", name="Tujuan"),
        "sasaran": Sasaran.objects.create(agency=agency, key="sasaran:a", name="Sasaran"),
        "node": node,
        "indicator": ind,
        "target": Target.objects.create(indicator=ind, year=2024, version="renja",
                                        value=Decimal(5)),
        "realisation": Realisation.objects.create(indicator=ind, year=2024, quarter=1,
                                                  value=Decimal(2)),
        "budgetline": BudgetLine.objects.create(node=node, year=2024, stage="dpa",
                                                amount=Decimal("1.00")),
        "budgetchange": BudgetChange.objects.create(node=node, year=2024, from_stage="apbd",
                                                    to_stage="apbd_perubahan",
                                                    change_type="penambahan"),
        "document": Document.objects.create(agency=agency, kind="renja", year=2024),
        "import": imp,
        "importfinding": ImportFinding.objects.create(source=imp, row=1, column="c8",
                                                      rule="ratio_mismatch", severity="error",
                                                      message="x"),
        "evaluationnote": EvaluationNote.objects.create(agency=agency, year=2024, text="x"),
        "sakipevaluation": ev,
        "recommendation": Recommendation.objects.create(evaluation=ev, text="x"),
    }
    objs["auditlog"] = AuditLog.objects.filter(agency=agency).first()
    return objs


@pytest.fixture
def objects(world: Any) -> dict[str, dict[str, Any]]:
    """Objects of every kind in the own agency, a sibling agency and a foreign agency, plus an
    indicator and realisation of the own agency's other unit."""
    from kinerja.store import keys
    from kinerja.store.models import Indicator, Realisation

    own = _populate(world.own, world.own_unit)
    node = own["node"]
    ind = Indicator.objects.create(agency=world.own, node=node, name="Jumlah laporan",
                                   key=keys.indicator_key(node.key, "Jumlah laporan"),
                                   responsible_unit=world.other_unit)
    own_other_unit = {
        "indicator": ind,
        "realisation": Realisation.objects.create(indicator=ind, year=2024, quarter=1,
                                                  value=Decimal(1)),
    }
    return {
        "own": own,
        "own_other_unit": own_other_unit,
        "sibling": _populate(world.sibling, None),
        "foreign": _populate(world.foreign, None),
    }


def _unit_of(where: str, kind: str) -> str:
    if kind not in ("indicator", "realisation"):
        return ""
    return "other" if where == "own_other_unit" else ("own" if where == "own" else "")


@pytest.mark.parametrize("role", ROLES)
def test_can_matrix(world: Any, objects: dict[str, dict[str, Any]], role: str) -> None:
    from kinerja.store import permissions

    user = world.users[role]
    failures = []
    for where, objs in objects.items():
        place = "own" if where.startswith("own") else where
        for kind, obj in objs.items():
            if obj is None:
                continue
            for action in ACTIONS:
                want = _expected(role, place, action, _unit_of(where, kind))
                if role == "bidang" and action == "edit_realisation" and kind not in (
                        "indicator", "realisation"):
                    want = False
                got = permissions.can(user, action, obj)
                if got != want:
                    failures.append((where, kind, action, got, want))
    assert failures == []


@pytest.mark.parametrize("role", ROLES)
def test_scope_matrix(world: Any, objects: dict[str, dict[str, Any]], role: str) -> None:
    """Scoped querysets of every model hold exactly the rows `can` allows."""
    from kinerja.store import permissions

    user = world.users[role]
    every = [o for objs in objects.values() for o in objs.values() if o is not None]
    models = {type(o) for o in every}
    failures = []
    for model in models:
        for action in ACTIONS:
            got = set(permissions.scope(user, model.objects.all(), action)
                      .values_list("pk", flat=True))
            want = {o.pk for o in model.objects.all() if permissions.can(user, action, o)}
            if got != want:
                failures.append((model.__name__, action, sorted(got), sorted(want)))
    assert failures == []


def test_government_management(world: Any) -> None:
    from kinerja.store import permissions

    assert permissions.can(world.users["admin_pemda"], "manage_agency", world.gov)
    assert not permissions.can(world.users["admin_pemda"], "manage_agency", world.other_gov)
    for role in ("bappeda", "inspektorat", "perencana", "bidang", "pimpinan", "none"):
        assert not permissions.can(world.users[role], "manage_agency", world.gov)
        assert not permissions.can(world.users[role], "view", world.other_gov)


def test_no_cross_agency_reads_for_agency_roles(world: Any,
                                                objects: dict[str, dict[str, Any]]) -> None:
    from kinerja.store import permissions
    from kinerja.store.models import Agency, Target

    for role in ("perencana", "bidang", "pimpinan"):
        user = world.users[role]
        assert list(permissions.agencies(user)) == [world.own]
        slugs = set(permissions.scope(user, Target.objects.all())
                    .values_list("indicator__agency__slug", flat=True))
        assert slugs == {"bkpsdm"}
    for role in ("admin_pemda", "bappeda", "inspektorat"):
        got = set(permissions.agencies(world.users[role]).values_list("slug", flat=True))
        assert got == {"bkpsdm", "dinkes"}
    assert Agency.objects.count() == 3


def test_services_refuse_without_permission(world: Any,
                                            objects: dict[str, dict[str, Any]]) -> None:
    from kinerja.store import permissions
    from kinerja.store.services import documents

    doc = objects["own"]["document"]
    with pytest.raises(permissions.Denied):
        documents.finalise(doc, world.users["perencana"])
    with pytest.raises(permissions.Denied):
        documents.finalise(objects["foreign"]["document"], world.users["pimpinan"])
    documents.finalise(doc, world.users["pimpinan"], signatory_name="Kepala")
    assert doc.status == "final"


def test_inactive_user_has_no_rights(world: Any, objects: dict[str, dict[str, Any]]) -> None:
    from kinerja.store import permissions

    user = world.users["admin_pemda"]
    user.is_active = False
    user.save()
    user.__dict__.pop("_kinerja_memberships", None)
    assert not permissions.can(user, "view", world.own)
    assert not permissions.scope(user, type(world.own).objects.all()).exists()
