"""Tests of the plan editor's stakeholder proposals page (T-C.32) and of the SPM and IKK
references in the indicator form (T-C.30): list, add, change and delete with `edit_plan`,
audit-logged; readers only read; other agencies refused."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

URL = "/rencana/bkpsdm-uji/"


def _proposal(site: Any, agency: Any = None, **fields: Any) -> Any:
    from kinerja.store.models import StakeholderProposal

    values = {"year": 2026, "program_name": "Pelatihan kepemimpinan desa",
              "location": "Desa Muara Komam", "stakeholder": "DPRD (pokok pikiran)",
              "position": 1}
    values.update(fields)
    return StakeholderProposal.objects.create(agency=agency or site.own, **values)


def test_add_change_delete_proposal(login: Any, site: Any) -> None:
    from kinerja.store.models import AuditLog, StakeholderProposal

    c = login("perencana")
    page = c.get(f"{URL}usulan/?tahun=2026")
    assert page.status_code == 200
    assert "Nihil" in page.content.decode() and "Tambah usulan" in page.content.decode()
    form = c.get(f"{URL}usulan/tambah/?tahun=2026")
    assert form.status_code == 200 and "Pemangku kepentingan" in form.content.decode()
    r = c.post(f"{URL}usulan/tambah/?tahun=2026", {
        "year": "2026", "stakeholder": "Musrenbang Kecamatan", "node": site.program.pk,
        "program_name": "", "location": "Kecamatan Tanah Grogot",
        "indicator": "Jumlah ASN yang mengikuti diklat", "volume": "1.250,5", "note": "x"})
    assert r.status_code == 302, r.content.decode()[:2000]
    first = StakeholderProposal.objects.get(agency=site.own)
    assert first.node == site.program and first.volume == "1.250,5"
    assert first.volume_value == Decimal("1250.5") and first.position == 1
    r = c.post(f"{URL}usulan/tambah/?tahun=2026", {
        "year": "2026", "stakeholder": "DPRD", "program_name": "Pelatihan desa",
        "location": "Desa A", "indicator": "Jumlah kepala desa terlatih",
        "volume": "150 orang", "note": ""})
    assert r.status_code == 302
    second = StakeholderProposal.objects.get(agency=site.own, program_name="Pelatihan desa")
    assert second.volume_value is None and second.position == 2
    html = c.get(f"{URL}usulan/?tahun=2026").content.decode()
    assert "Kecamatan Tanah Grogot" in html and "Pelatihan desa" in html and "Nihil" not in html
    r = c.post(f"{URL}usulan/{second.pk}/", {
        "year": "2026", "stakeholder": "DPRD", "program_name": "Pelatihan desa",
        "location": "Desa B", "indicator": "", "volume": "200 orang", "note": ""})
    assert r.status_code == 302
    second.refresh_from_db()
    assert second.location == "Desa B" and second.volume == "200 orang"
    r = c.post(f"{URL}usulan/{second.pk}/", {"hapus": "1"})
    assert r.status_code == 302
    assert not StakeholderProposal.objects.filter(pk=second.pk).exists()
    actions = set(AuditLog.objects.filter(model="stakeholderproposal").values_list(
        "action", flat=True))
    assert actions == {"create", "update", "delete"}
    assert not AuditLog.objects.filter(model="stakeholderproposal").exclude(
        actor=site.users["perencana"]).exists()


def test_a_proposal_needs_a_program(login: Any, site: Any) -> None:
    from kinerja.store.models import StakeholderProposal

    r = login("perencana").post(f"{URL}usulan/tambah/", {
        "year": "2026", "stakeholder": "Musrenbang", "program_name": "", "location": "A"})
    assert r.status_code == 200
    assert "tuliskan namanya" in r.content.decode()
    assert not StakeholderProposal.objects.exists()


def test_node_of_another_agency_is_not_offered(login: Any, site: Any) -> None:
    from kinerja.store.models import Node, StakeholderProposal

    foreign = Node.objects.filter(agency=site.foreign).first() or Node.objects.create(
        agency=site.foreign, key="p/lain", level="program", official_name="Program lain")
    r = login("perencana").post(f"{URL}usulan/tambah/", {
        "year": "2026", "node": foreign.pk, "program_name": "", "stakeholder": "x"})
    assert r.status_code == 200
    assert not StakeholderProposal.objects.exists()


@pytest.mark.parametrize("role", ["bappeda", "inspektorat", "pimpinan", "bidang"])
def test_readers_only_read(login: Any, site: Any, role: str) -> None:
    from kinerja.store.models import StakeholderProposal

    proposal = _proposal(site)
    c = login(role)
    page = c.get(f"{URL}usulan/?tahun=2026")
    assert page.status_code == 200
    assert "Pelatihan kepemimpinan desa" in page.content.decode()
    assert "Tambah usulan" not in page.content.decode()
    assert c.get(f"{URL}usulan/tambah/").status_code == 403
    assert c.post(f"{URL}usulan/tambah/", {"year": "2026", "program_name": "x"}
                  ).status_code == 403
    assert c.post(f"{URL}usulan/{proposal.pk}/", {"hapus": "1"}).status_code == 403
    assert StakeholderProposal.objects.filter(pk=proposal.pk).exists()
    assert StakeholderProposal.objects.count() == 1


@pytest.mark.parametrize("role", ["perencana_sibling", "perencana_foreign", "bappeda_foreign",
                                  "none"])
def test_other_agency_refused(login: Any, site: Any, role: str) -> None:
    from kinerja.store.models import StakeholderProposal

    proposal = _proposal(site)
    c = login(role)
    for path in ("usulan/", "usulan/tambah/", f"usulan/{proposal.pk}/"):
        assert c.get(URL + path).status_code == 404, path
    assert c.post(f"{URL}usulan/{proposal.pk}/", {"hapus": "1"}).status_code == 404
    assert c.post(f"{URL}usulan/tambah/", {"year": "2026", "program_name": "x"}
                  ).status_code == 404
    assert StakeholderProposal.objects.count() == 1


def test_proposal_of_another_agency_not_found_under_own_slug(login: Any, site: Any) -> None:
    from kinerja.store.models import StakeholderProposal

    foreign = _proposal(site, agency=site.foreign, program_name="Usulan kota seberang")
    c = login("perencana")
    assert c.get(f"{URL}usulan/{foreign.pk}/").status_code == 404
    assert c.post(f"{URL}usulan/{foreign.pk}/", {"hapus": "1"}).status_code == 404
    assert "Usulan kota seberang" not in c.get(f"{URL}usulan/?tahun=2026").content.decode()
    assert StakeholderProposal.objects.filter(pk=foreign.pk).exists()


def test_indicator_form_edits_spm_and_ikk(login: Any, site: Any) -> None:
    c = login("perencana")
    url = f"{URL}indikator/{site.ind_sub.pk}/"
    page = c.get(url).content.decode()
    assert 'name="spm"' in page and 'name="ikk"' in page
    r = c.post(url, {"atribut": "1", "name": site.ind_sub.name, "unit": "SK", "kind": "flow",
                     "polarity": "positive", "within_year": "sum", "formula": "",
                     "data_source": "", "responsible_unit": site.unit.pk,
                     "spm": "SPM Kepegawaian", "ikk": "IKK 3.1"})
    assert r.status_code == 302
    site.ind_sub.refresh_from_db()
    assert (site.ind_sub.spm, site.ind_sub.ikk) == ("SPM Kepegawaian", "IKK 3.1")
    html = login("bappeda").get(url).content.decode()
    assert "SPM Kepegawaian" in html and "IKK 3.1" in html
