"""Tests of the document pages: list, new draft, signatory (PLT/PLH), finalising by the
pimpinan only, who locked it and when, a final document refusing every change with a clear
message, a new version and a Perubahan; another agency's documents refused."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db

URL = "/dokumen/bkpsdm-uji/"


@pytest.fixture
def renja(site: Any) -> Any:
    """A draft Renja 2025 of the own agency."""
    from kinerja.store.models import Document

    return Document.objects.create(agency=site.own, kind="renja", year=2025,
                                   title="Renja BKPSDM 2025")


def test_list_and_new_draft(login: Any, site: Any, renja: Any) -> None:
    from kinerja.store.models import AuditLog, Document

    c = login("perencana")
    r = c.get(URL)
    assert r.status_code == 200 and "Renja BKPSDM 2025" in r.content.decode()
    r = c.post(URL, {"kind": "pk", "year": "2025", "title": "PK 2025"})
    assert r.status_code == 302
    pk = Document.objects.get(agency=site.own, kind="pk")
    assert pk.version == 1 and pk.status == "draft"
    assert AuditLog.objects.filter(model="document", object_id=str(pk.pk),
                                   actor=site.users["perencana"]).exists()
    assert login("pimpinan").post(URL, {"kind": "pk", "year": "2026"}).status_code == 403


def test_set_signatory_plt(login: Any, renja: Any) -> None:
    c = login("perencana")
    r = c.post(f"{URL}{renja.pk}/", {"title": "Renja 2025", "signatory_name": "Budi Santoso",
                                     "signatory_nip": "197001012000031001",
                                     "signatory_position": "Kepala BKPSDM",
                                     "signatory_capacity": "plt"})
    assert r.status_code == 302
    renja.refresh_from_db()
    assert renja.signatory_capacity == "plt" and renja.signatory_name == "Budi Santoso"
    page = c.get(f"{URL}{renja.pk}/").content.decode()
    assert "Plt. Kepala BKPSDM" in page


def test_only_pimpinan_finalises(login: Any, site: Any, renja: Any) -> None:
    from kinerja.store.models import AuditLog

    sign = {"signatory_name": "Dra. Siti", "signatory_nip": "1968", "signatory_position":
            "Kepala BKPSDM", "signatory_capacity": "plh"}
    for role in ("perencana", "bappeda", "admin_pemda_not"):
        if role not in site.users:
            continue
        r = login(role).post(f"{URL}{renja.pk}/finalkan/", sign)
        assert r.status_code == 403, role
        assert "pimpinan" in r.content.decode()
    renja.refresh_from_db()
    assert renja.status == "draft"
    r = login("pimpinan").post(f"{URL}{renja.pk}/finalkan/", sign)
    assert r.status_code == 302
    renja.refresh_from_db()
    assert renja.status == "final" and renja.finalised_by == site.users["pimpinan"]
    assert renja.signatory_capacity == "plh" and renja.snapshot is not None
    assert AuditLog.objects.filter(model="document", object_id=str(renja.pk),
                                   action="status").exists()
    page = login("perencana").get(f"{URL}{renja.pk}/").content.decode()
    assert "Dikunci oleh <strong>pimpinan-uji</strong>" in page
    assert 'id="form-draf"' not in page


def test_final_document_refuses_changes(login: Any, site: Any, renja: Any) -> None:
    from kinerja.store.services.documents import finalise

    finalise(renja, site.users["pimpinan"], signatory_name="Dra. Siti")
    c = login("perencana")
    r = c.post(f"{URL}{renja.pk}/", {"title": "diubah", "signatory_name": "Orang Lain",
                                     "signatory_capacity": "definitif"}, follow=True)
    html = r.content.decode()
    assert "sudah final" in html and "tidak dapat diubah" in html
    renja.refresh_from_db()
    assert renja.title == "Renja BKPSDM 2025" and renja.signatory_name == "Dra. Siti"
    r = login("pimpinan").post(f"{URL}{renja.pk}/finalkan/", {"signatory_name": "X",
                                                              "signatory_capacity": "definitif"},
                               follow=True)
    assert "sudah final" in r.content.decode()


def test_new_version_and_perubahan(login: Any, site: Any, renja: Any) -> None:
    from kinerja.store.models import Document
    from kinerja.store.services.documents import finalise

    finalise(renja, site.users["pimpinan"], signatory_name="Dra. Siti")
    c = login("perencana")
    r = c.post(f"{URL}{renja.pk}/versi-baru/")
    assert r.status_code == 302
    v2 = Document.objects.get(agency=site.own, kind="renja", version=2)
    assert v2.status == "draft"
    r = c.post(f"{URL}{renja.pk}/versi-baru/", {"perubahan": "1"})
    assert r.status_code == 302
    rp = Document.objects.get(agency=site.own, kind="renja_perubahan", year=2025)
    assert rp.status == "draft" and rp.signatory_name == "Dra. Siti"
    assert login("pimpinan").post(f"{URL}{renja.pk}/versi-baru/").status_code == 403


@pytest.mark.parametrize("role", ["perencana_sibling", "perencana_foreign", "bappeda_foreign",
                                  "none"])
def test_other_agency_refused(login: Any, site: Any, renja: Any, role: str) -> None:
    c = login(role)
    assert c.get(URL).status_code == 404
    assert c.get(f"{URL}{renja.pk}/").status_code == 404
    assert c.post(f"{URL}{renja.pk}/finalkan/", {"signatory_name": "x",
                                                 "signatory_capacity": "definitif"}
                  ).status_code == 404
    assert c.post(f"{URL}{renja.pk}/versi-baru/").status_code == 404
    assert c.post(URL, {"kind": "pk", "year": "2025"}).status_code == 404


def test_document_of_other_agency_not_found_under_own_slug(login: Any, site: Any) -> None:
    from kinerja.store.models import Document

    foreign = Document.objects.create(agency=site.foreign, kind="pk", year=2025)
    assert login("pimpinan").get(f"{URL}{foreign.pk}/").status_code == 404
    assert login("pimpinan").post(f"{URL}{foreign.pk}/finalkan/").status_code == 404
