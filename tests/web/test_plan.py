"""Tests of the plan editor: tujuan, sasaran, nodes from the nomenclature (with the code
search behind the autocomplete), indicators, targets per year and version, budgets per stage;
every change audit-logged; read-only roles and other agencies refused."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

URL = "/rencana/bkpsdm-uji/"


def test_overview_shows_plan(login: Any, site: Any) -> None:
    r = login("bappeda").get(URL)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Program Kepegawaian Daerah" in html
    assert "Indeks Profesionalitas ASN" in html
    assert "Tambah program" not in html  # reading only
    assert "Tambah program" in login("perencana").get(URL).content.decode()


def test_code_search_by_words_and_code(login: Any, site: Any) -> None:
    c = login("perencana")
    r = c.get(f"{URL}kode/", {"q": "kenaikan pangkat", "tingkat": "sub_kegiatan"})
    assert r.status_code == 200
    hasil = r.json()["hasil"]
    assert any(h["kode"] == "5.03.02.2.02.0002" for h in hasil)
    assert all(h["tingkat"] == "sub_kegiatan" for h in hasil)
    r = c.get(f"{URL}kode/", {"q": "5.03.02", "tingkat": "kegiatan"})
    kodes = [h["kode"] for h in r.json()["hasil"]]
    assert "5.03.02.2.01" in kodes and all(k.startswith("5.03.02.") for k in kodes)
    r = c.get(f"{URL}kode/", {"q": "mutasi", "tingkat": "sub_kegiatan",
                              "dalam": "5.03.02.2.02"})
    assert all(h["kode"].startswith("5.03.02.2.02.") for h in r.json()["hasil"])


def test_add_program_kegiatan_sub_from_nomenclature(login: Any, site: Any) -> None:
    from kinerja.store.models import AuditLog, Node

    c = login("perencana")
    r = c.post(f"{URL}program/tambah/", {"code": "5.04.02"})
    assert r.status_code == 302
    program = Node.objects.get(agency=site.own, code="5.04.02")
    assert program.level == "program" and program.official_name
    r = c.post(f"{URL}program/tambah/?induk={program.pk}",
               {"code": "5.03.02.2.01", "induk": program.pk})
    assert r.status_code == 200
    assert "tidak berada di bawah" in r.content.decode()
    kegiatan_code = next(e.code for e in __import__(
        "kinerja.core.codes", fromlist=["children"]).children("5.04.02", "kabkota"))
    r = c.post(f"{URL}program/tambah/", {"code": kegiatan_code, "induk": program.pk,
                                         "local_name": "Nama di dokumen"})
    assert r.status_code == 302
    kegiatan = Node.objects.get(agency=site.own, code=kegiatan_code)
    assert kegiatan.parent == program and kegiatan.local_name == "Nama di dokumen"
    log = AuditLog.objects.filter(model="node", object_id=str(kegiatan.pk)).get()
    assert log.actor == site.users["perencana"] and log.action == "create"
    # a wrong level is refused
    r = c.post(f"{URL}program/tambah/", {"code": "5.03.02.2.02.0001"})
    assert r.status_code == 200 and "bukan program" in r.content.decode()
    r = c.post(f"{URL}program/tambah/", {"code": "9.99.99"})
    assert "tidak ada dalam nomenklatur" in r.content.decode()


def test_tujuan_sasaran_and_iku(login: Any, site: Any) -> None:
    from kinerja.store.models import AuditLog, Indicator, Sasaran, Tujuan

    c = login("perencana")
    assert c.post(f"{URL}tujuan/tambah/", {"name": "Terwujudnya ASN profesional"}
                  ).status_code == 302
    tujuan = Tujuan.objects.get(agency=site.own)
    r = c.post(f"{URL}sasaran/{site.sasaran.pk}/",
               {"name": site.sasaran.name, "tujuan": tujuan.pk,
                "nodes": [site.program.pk, site.kegiatan.pk]})
    assert r.status_code == 302
    sasaran = Sasaran.objects.get(pk=site.sasaran.pk)
    assert sasaran.tujuan == tujuan and sasaran.nodes.count() == 2
    assert AuditLog.objects.filter(model="sasaran", action="update").exists()
    r = c.post(f"{URL}indikator/tambah/?sasaran={sasaran.pk}",
               {"sasaran": sasaran.pk, "name": "Indeks Sistem Merit", "unit": "Nilai",
                "kind": "level", "polarity": "positive", "within_year": "last"})
    assert r.status_code == 302
    iku = Indicator.objects.get(agency=site.own, name="Indeks Sistem Merit")
    assert iku.sasaran == sasaran and iku.kind == "level"
    assert AuditLog.objects.filter(model="indicator", object_id=str(iku.pk),
                                   action="create").exists()


def test_indicator_attributes_and_targets(login: Any, site: Any) -> None:
    from kinerja.store.models import AuditLog, Target

    c = login("perencana")
    url = f"{URL}indikator/{site.ind_sub.pk}/"
    page = c.get(url)
    assert page.status_code == 200
    r = c.post(url, {"atribut": "1", "name": site.ind_sub.name, "unit": "SK", "kind": "flow",
                     "polarity": "negative", "within_year": "sum", "formula": "",
                     "data_source": "SIASN", "responsible_unit": site.unit.pk})
    assert r.status_code == 302
    site.ind_sub.refresh_from_db()
    assert site.ind_sub.polarity == "negative" and site.ind_sub.data_source == "SIASN"
    r = c.post(url, {"t-2025-renja": "1.200", "lama-2025-renja": "",
                     "t-2026-renstra": "5.000,5", "lama-2026-renstra": ""})
    assert r.status_code == 302
    t = Target.objects.get(indicator=site.ind_sub, year=2025, version="renja",
                           source__isnull=True)
    assert t.value == Decimal("1200") and t.printed == "1.200"
    assert Target.objects.get(indicator=site.ind_sub, year=2026,
                              version="renstra").value == Decimal("5000.5")
    log = AuditLog.objects.filter(model="target", object_id=str(t.pk)).get()
    assert log.actor == site.users["perencana"]
    # a bad number changes nothing at all
    r = c.post(url, {"t-2025-renja": "seribu", "lama-2025-renja": "1.200",
                     "t-2027-pk": "10", "lama-2027-pk": ""}, follow=True)
    assert "seribu" in r.content.decode()
    assert not Target.objects.filter(indicator=site.ind_sub, year=2027).exists()
    # emptying a cell removes the target entered by hand
    c.post(url, {"t-2026-renstra": "", "lama-2026-renstra": "5.000,5"})
    assert not Target.objects.filter(indicator=site.ind_sub, year=2026).exists()


def test_budget_per_stage(login: Any, site: Any) -> None:
    from kinerja.store.models import AuditLog, BudgetLine

    c = login("perencana")
    url = f"{URL}program/{site.sub.pk}/"
    assert c.get(url).status_code == 200
    r = c.post(url, {"b-2025-renja": "600.000.000", "lama-2025-renja": "",
                     "b-2026-prakiraan_maju": "650.000.000,50",
                     "lama-2026-prakiraan_maju": ""})
    assert r.status_code == 302
    line = BudgetLine.objects.get(node=site.sub, year=2025, stage="renja")
    assert line.amount == Decimal("600000000")
    assert BudgetLine.objects.get(node=site.sub, stage="prakiraan_maju"
                                  ).amount == Decimal("650000000.50")
    assert AuditLog.objects.filter(model="budgetline", object_id=str(line.pk),
                                   actor=site.users["perencana"]).exists()


def test_delete_node_audit_logged(login: Any, site: Any) -> None:
    from kinerja.store.models import AuditLog, Indicator, Node

    c = login("perencana")
    r = c.post(f"{URL}program/{site.sub_other.pk}/", {"hapus": "1"})
    assert r.status_code == 302
    assert not Node.objects.filter(pk=site.sub_other.pk).exists()
    assert not Indicator.objects.filter(pk=site.ind_sub_other.pk).exists()
    assert AuditLog.objects.filter(model="node", object_id=str(site.sub_other.pk),
                                   action="delete").exists()


@pytest.mark.parametrize("role", ["bappeda", "inspektorat", "pimpinan", "bidang"])
def test_readers_cannot_change(login: Any, site: Any, role: str) -> None:
    from kinerja.store.models import Node, Target

    c = login(role)
    assert c.get(URL).status_code == 200
    assert c.get(f"{URL}program/tambah/").status_code == 403
    assert c.post(f"{URL}program/tambah/", {"code": "5.04.02"}).status_code == 403
    assert c.post(f"{URL}indikator/{site.ind_sub.pk}/",
                  {"t-2025-renja": "1", "lama-2025-renja": ""}).status_code == 403
    assert c.post(f"{URL}program/{site.sub.pk}/", {"hapus": "1"}).status_code == 403
    assert c.post(f"{URL}tujuan/tambah/", {"name": "x"}).status_code == 403
    assert Node.objects.filter(pk=site.sub.pk).exists()
    assert not Target.objects.filter(indicator=site.ind_sub, version="renja").exists()


@pytest.mark.parametrize("role", ["perencana_sibling", "perencana_foreign", "bappeda_foreign",
                                  "none"])
def test_other_agency_refused(login: Any, site: Any, role: str) -> None:
    c = login(role)
    for path in ("", "kode/?q=mutasi", "program/tambah/", f"program/{site.sub.pk}/",
                 f"indikator/{site.ind_sub.pk}/", "tujuan/tambah/",
                 f"sasaran/{site.sasaran.pk}/", f"indikator/tambah/?node={site.sub.pk}"):
        assert c.get(URL + path).status_code == 404, path
    assert c.post(f"{URL}program/{site.sub.pk}/", {"hapus": "1"}).status_code == 404


def test_objects_of_another_agency_not_found_under_own_slug(login: Any, site: Any) -> None:
    c = login("perencana")
    assert c.get(f"{URL}indikator/{site.foreign_indicator.pk}/").status_code == 404
