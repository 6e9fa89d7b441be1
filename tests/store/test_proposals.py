"""Stakeholder proposals (T-C.32) and the SPM/IKK references of indicators (T-C.30) in the
store: the model's checks, the permission layer, the audit trail, the admin, the record
objects and the export → restore → export round trip."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world: Any) -> dict[str, Any]:
    """A program of the own agency with an indicator carrying SPM and IKK references, and two
    proposals for 2026 (one on the program, one named in free text)."""
    from kinerja.store import auditing
    from kinerja.store.models import Indicator, Node, StakeholderProposal

    program = Node.objects.create(agency=world.own, key="p/kepegawaian", level="program",
                                  code="5.03.02", official_name="Program Kepegawaian Daerah")
    ind = Indicator.objects.create(
        agency=world.own, node=program, key="p/kepegawaian/ipasn",
        name="Indeks Profesionalitas ASN", unit="indeks",
        spm="Permendagri 59/2021 (layanan dasar)", ikk="IKK 3.1 Urusan Kepegawaian")
    with auditing.acting_as(world.users["perencana"]):
        first = StakeholderProposal.objects.create(
            agency=world.own, year=2026, node=program, location="Kecamatan Tanah Grogot",
            indicator="Jumlah ASN yang mengikuti diklat", volume="150 orang",
            note="Prioritas kecamatan", stakeholder="Musrenbang Kecamatan", position=1)
        second = StakeholderProposal.objects.create(
            agency=world.own, year=2026, program_name="Pelatihan kepemimpinan desa",
            location="Kabupaten", indicator="Jumlah kepala desa terlatih", volume="1.250,5",
            volume_value=Decimal("1250.5"), stakeholder="DPRD (pokok pikiran)", position=2)
    return {"program": program, "indicator": ind, "first": first, "second": second}


def test_a_proposal_names_its_program(world: Any) -> None:
    from kinerja.store.models import Node, StakeholderProposal

    with pytest.raises(ValidationError):
        StakeholderProposal(agency=world.own, year=2026).full_clean()
    foreign_node = Node.objects.create(agency=world.foreign, key="p/x", level="program",
                                       official_name="Program lain")
    with pytest.raises(ValidationError) as caught:
        StakeholderProposal(agency=world.own, year=2026, node=foreign_node).full_clean()
    assert "node" in caught.value.message_dict
    StakeholderProposal(agency=world.own, year=2026, program_name="Usulan").full_clean()


def test_permissions_follow_the_agency(world: Any, plan: dict[str, Any]) -> None:
    from kinerja.store import permissions
    from kinerja.store.models import StakeholderProposal

    proposal = plan["first"]
    assert permissions.can(world.users["perencana"], "edit_plan", proposal)
    assert permissions.can(world.users["bappeda"], "view", proposal)
    assert not permissions.can(world.users["bappeda"], "edit_plan", proposal)
    assert not permissions.can(world.users["none"], "view", proposal)
    foreign = StakeholderProposal.objects.create(agency=world.foreign, year=2026,
                                                 program_name="Usulan lain")
    assert not permissions.can(world.users["perencana"], "view", foreign)
    assert not permissions.can(world.users["admin_pemda"], "edit_plan", foreign)
    seen = permissions.scope(world.users["perencana"], StakeholderProposal.objects.all())
    assert set(seen) == {plan["first"], plan["second"]}


def test_changes_are_audit_logged(world: Any, plan: dict[str, Any]) -> None:
    from kinerja.store import auditing
    from kinerja.store.models import AuditLog

    created = AuditLog.objects.filter(model="stakeholderproposal", action="create")
    assert created.count() == 2
    assert created.first().actor == world.users["perencana"]
    proposal = plan["first"]
    with auditing.acting_as(world.users["perencana"]):
        proposal.volume = "200 orang"
        proposal.save()
        proposal.delete()
    update = AuditLog.objects.get(model="stakeholderproposal", action="update")
    assert update.before["volume"] == "150 orang" and update.after["volume"] == "200 orang"
    assert AuditLog.objects.filter(model="stakeholderproposal", action="delete").count() == 1


def test_record_carries_proposals_and_spm_ikk(world: Any, plan: dict[str, Any]) -> None:
    from kinerja.store.queries import load_record

    record = load_record(world.own, 2026)
    assert [p.title for p in record.proposals_for(2026)] == [
        "Program Kepegawaian Daerah", "Pelatihan kepemimpinan desa"]
    first, second = record.proposals_for(2026)
    assert first.node_key == "p/kepegawaian" and first.stakeholder == "Musrenbang Kecamatan"
    assert second.volume_value == Decimal("1250.5") and second.node_key is None
    assert record.proposals_for(2025) == []
    ind = record.programs[0].indicators[0]
    assert ind.spm.startswith("Permendagri 59/2021") and ind.ikk == "IKK 3.1 Urusan Kepegawaian"


def test_round_trip_with_proposals_and_spm_ikk(world: Any, plan: dict[str, Any],
                                               tmp_path: Path) -> None:
    from kinerja.store.models import Agency, AuditLog, Indicator, StakeholderProposal
    from kinerja.store.services.exporter import build, dumps
    from kinerja.store.services.restore import restore_file

    first = dumps(world.own)
    data = build(world.own)
    assert [p["volume_value"] for p in data["stakeholder_proposals"]] == [None, "1250.5"]
    assert data["stakeholder_proposals"][0]["node"] == "p/kepegawaian"
    assert data["indicators"][0]["ikk"] == "IKK 3.1 Urusan Kepegawaian"
    path = tmp_path / "bkpsdm.json"
    path.write_text(first, encoding="utf-8")
    AuditLog.objects.all().delete()
    world.own.delete()
    agency = restore_file(path)
    assert dumps(agency) == first
    restored = list(StakeholderProposal.objects.filter(agency=agency).order_by("position"))
    assert [p.node.key if p.node else None for p in restored] == ["p/kepegawaian", None]
    assert restored[1].volume_value == Decimal("1250.5")
    assert Indicator.objects.get(agency=agency).spm.startswith("Permendagri")
    assert not Agency.objects.filter(slug="bkpsdm").exclude(pk=agency.pk).exists()


def test_older_dump_without_the_keys_restores(world: Any, plan: dict[str, Any],
                                              tmp_path: Path) -> None:
    from kinerja.store.models import AuditLog, Indicator, StakeholderProposal
    from kinerja.store.services.exporter import build
    from kinerja.store.services.restore import restore

    data = json.loads(json.dumps(build(world.own)))
    del data["stakeholder_proposals"]
    for ind in data["indicators"]:
        del ind["spm"], ind["ikk"]
    AuditLog.objects.all().delete()
    world.own.delete()
    agency = restore(data)
    assert not StakeholderProposal.objects.filter(agency=agency).exists()
    assert Indicator.objects.get(agency=agency).spm == ""


def test_admin_scopes_proposals(world: Any, plan: dict[str, Any], client: Any) -> None:
    from kinerja.store.models import StakeholderProposal

    foreign = StakeholderProposal.objects.create(agency=world.foreign, year=2026,
                                                 program_name="Usulan kota lain")
    admin = world.users["admin_pemda"]
    admin.is_staff = True
    admin.save()
    client.force_login(admin)
    page = client.get(reverse("admin:store_stakeholderproposal_changelist"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Pelatihan kepemimpinan desa" in text and "Usulan kota lain" not in text
    page = client.get(reverse("admin:store_stakeholderproposal_change", args=[foreign.pk]))
    assert page.status_code in (302, 403, 404)
    page = client.get(reverse("admin:store_indicator_change", args=[plan["indicator"].pk]))
    assert page.status_code == 200
    assert 'name="spm"' in page.content.decode() and 'name="ikk"' in page.content.decode()
