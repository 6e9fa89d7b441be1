"""Tests of the import pages: upload a real document table (Paser's T-C.29), see every audit
finding on its cell, import it or cancel; nothing is stored before confirmation, a cancelled or
failed import leaves nothing behind, and another agency's import pages are refused."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
URL = "/impor/bkpsdm-uji/"


@pytest.fixture(autouse=True)
def _upload_dir(settings: Any, tmp_path: Path) -> Path:
    """Uploads wait in a folder of the test."""
    settings.KINERJA_IMPORT_DIR = str(tmp_path / "impor")
    return tmp_path / "impor"


def _files(csv_name: str = "tc29.csv", meta: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "table": SimpleUploadedFile(csv_name, (DATA / "tc29.csv").read_bytes(), "text/csv")}
    if meta:
        out["meta"] = SimpleUploadedFile("tc29.meta.yaml",
                                         (DATA / "tc29.meta.yaml").read_bytes())
    return out


def _upload(c: Client, **extra: Any) -> Any:
    return c.post(URL, {**_files(), "year": "2025", **extra})


def _token(response: Any) -> str:
    m = re.search(r"/pratinjau/([0-9a-f]{32})/", response["Location"])
    assert m, response["Location"]
    return m.group(1)


def _expected_findings() -> list[Any]:
    from kinerja.audit.engine import audit_table
    from kinerja.io.doctable import read_table

    return audit_table(read_table(DATA / "tc29.csv"))


def test_upload_form(login: Any) -> None:
    r = login("perencana").get(URL)
    assert r.status_code == 200
    assert "Impor tabel dokumen" in r.content.decode()


def test_preview_marks_every_finding_on_its_cell(login: Any, site: Any) -> None:
    from kinerja.store.models import Import, Node

    c = login("perencana")
    nodes_before = Node.objects.count()
    r = _upload(c)
    assert r.status_code == 302
    page = c.get(r["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    findings = _expected_findings()
    assert findings
    for f in findings:
        # the cell is marked, carries the message on hover, and the finding is listed below
        cell = re.search(rf'<td id="sel-{f.row}-{f.column}" class="temuan (error|warning)"'
                         rf'[^>]*title="([^"]*)"', html)
        assert cell, (f.row, f.column)
        assert f.rule in html
    # a known finding of the fixture: row 4, c8 printed 102 for 65,16/65
    cell = re.search(r'<td id="sel-4-c8_tingkat_realisasi" class="temuan error"[^>]*>102<sup>',
                     html)
    assert cell
    assert html.count('class="temuan-list"') == 1
    assert html.count("<li id=\"temuan-") == len(findings)
    assert "Persentase yang tercetak bukan hasil bagi" in html  # the rule explained
    # nothing is imported yet
    assert not Import.objects.exists()
    assert Node.objects.count() == nodes_before


def test_confirm_imports_with_findings(login: Any, site: Any) -> None:
    from kinerja.store.models import AuditLog, Import, Node

    c = login("perencana")
    token = _token(_upload(c))
    r = c.post(f"{URL}pratinjau/{token}/impor/")
    assert r.status_code == 302
    imp = Import.objects.get(agency=site.own)
    assert r["Location"] == f"{URL}{imp.pk}/"
    assert imp.year == 2025 and imp.version == "renja"
    assert imp.imported_by == site.users["perencana"]
    assert imp.findings.count() == len(_expected_findings())
    assert Node.objects.filter(agency=site.own, level="program").count() >= 3
    assert AuditLog.objects.filter(agency=site.own, actor=site.users["perencana"]).exists()
    detail = c.get(r["Location"])
    assert detail.status_code == 200
    assert "temuan tersimpan" in detail.content.decode()
    # the upload is gone: its preview no longer exists
    assert c.get(f"{URL}pratinjau/{token}/").status_code == 404


def test_cancel_leaves_nothing(login: Any, site: Any, _upload_dir: Path) -> None:
    from kinerja.store.models import Import, Indicator, Node

    c = login("perencana")
    token = _token(_upload(c))
    assert (_upload_dir / token).is_dir()
    r = c.post(f"{URL}pratinjau/{token}/batal/")
    assert r.status_code == 302 and r["Location"] == URL
    assert not (_upload_dir / token).exists()
    assert not Import.objects.exists()
    assert Node.objects.filter(agency=site.own).count() == 4
    assert Indicator.objects.filter(agency=site.own).count() == 5
    assert c.post(f"{URL}pratinjau/{token}/impor/").status_code == 404


def test_failed_import_leaves_nothing(login: Any, site: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from kinerja.store.models import AuditLog, Import, Indicator, Node, Target
    from kinerja.store.services import importer

    original = importer._Loader.load_evaluasi_renja

    def half_then_fail(self: Any) -> None:
        original(self)  # everything is written ...
        raise RuntimeError("disk penuh")  # ... and then the import fails

    monkeypatch.setattr(importer._Loader, "load_evaluasi_renja", half_then_fail)
    counts = (Node.objects.count(), Indicator.objects.count(), Target.objects.count(),
              AuditLog.objects.count())
    c = login("perencana")
    token = _token(_upload(c))
    r = c.post(f"{URL}pratinjau/{token}/impor/", follow=True)
    assert "tidak ada yang dimuat" in r.content.decode()
    assert not Import.objects.exists()
    assert (Node.objects.count(), Indicator.objects.count(), Target.objects.count(),
            AuditLog.objects.count()) == counts
    # the upload is kept for another try
    assert c.get(f"{URL}pratinjau/{token}/").status_code == 200


def test_unusable_table_cannot_be_imported(login: Any, site: Any) -> None:
    from kinerja.store.models import Import

    rows = list(csv.reader(io.StringIO((DATA / "tc29.csv").read_text(encoding="utf-8"))))
    header = rows[0]
    bad = [""] * len(header)
    bad[header.index("level")] = "indikator"  # an indicator row without a name
    buf = io.StringIO()
    csv.writer(buf).writerows([*rows, bad])
    c = login("perencana")
    r = c.post(URL, {"table": SimpleUploadedFile("rusak.csv", buf.getvalue().encode()),
                     "meta": SimpleUploadedFile("rusak.meta.yaml",
                                                (DATA / "tc29.meta.yaml").read_bytes()),
                     "year": "2025"})
    token = _token(r)
    page = c.get(r["Location"]).content.decode()
    assert "Tabel ini tidak dapat diimpor" in page
    assert re.search(r'id="tombol-impor"\s+disabled', page)
    r = c.post(f"{URL}pratinjau/{token}/impor/", follow=True)
    assert "tidak ada yang dimuat" in r.content.decode()
    assert not Import.objects.exists()


def test_upload_without_meta_file_uses_form_fields(login: Any, site: Any) -> None:
    c = login("perencana")
    r = c.post(URL, {**_files(meta=False), "kind": "evaluasi_renja",
                     "title": "T-C.29 Paser", "renstra": "2021-2026", "realised_until": "2022",
                     "n": "2023", "next": "2024"})
    assert r.status_code == 302, r.content.decode()[:2000]
    page = c.get(r["Location"]).content.decode()
    assert "T-C.29 Paser" in page
    assert "tahun 2023" in page
    assert 'class="temuan error"' in page


def test_upload_needs_kind_or_meta(login: Any) -> None:
    r = login("perencana").post(URL, {**_files(meta=False)})
    assert r.status_code == 200
    assert "pilih jenis tabel" in r.content.decode()


def test_unreadable_upload_shows_reason(login: Any) -> None:
    r = login("perencana").post(URL, {
        "table": SimpleUploadedFile("x.csv", b"a,b\n1,2\n"), "kind": "evaluasi_renja",
        "year": "2025"})
    assert r.status_code == 200
    assert "kolom wajib" in r.content.decode()


def test_xlsx_upload(login: Any, site: Any) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for rec in csv.reader(io.StringIO((DATA / "tc29.csv").read_text(encoding="utf-8"))):
        ws.append(rec)
    buf = io.BytesIO()
    wb.save(buf)
    c = login("perencana")
    r = c.post(URL, {"table": SimpleUploadedFile("tc29.xlsx", buf.getvalue()),
                     "meta": SimpleUploadedFile("tc29.meta.yaml",
                                                (DATA / "tc29.meta.yaml").read_bytes()),
                     "year": "2025"})
    assert r.status_code == 302
    page = c.get(r["Location"]).content.decode()
    assert 'id="sel-4-c8_tingkat_realisasi" class="temuan error"' in page


@pytest.mark.parametrize("role,status", [("perencana_sibling", 404), ("perencana_foreign", 404),
                                         ("bappeda_foreign", 404), ("none", 404),
                                         ("bappeda", 403), ("pimpinan", 403), ("bidang", 403)])
def test_other_agency_or_role_refused(login: Any, role: str, status: int) -> None:
    c = login(role)
    assert c.get(URL).status_code == status
    assert c.post(URL, {**_files(), "year": "2025"}).status_code == status


def test_someone_elses_upload_is_not_found(login: Any, site: Any) -> None:
    from kinerja.store.models import Import

    token = _token(_upload(login("perencana")))
    admin = login("admin_pemda")  # may import, but this is not their upload
    assert admin.get(f"{URL}pratinjau/{token}/").status_code == 404
    assert admin.post(f"{URL}pratinjau/{token}/impor/").status_code == 404
    foreign = login("perencana_foreign")
    assert foreign.post(f"{URL}pratinjau/{token}/impor/").status_code == 404
    assert not Import.objects.exists()


def test_import_detail_of_other_agency_refused(login: Any, site: Any) -> None:
    from kinerja.store.models import Import

    imp = Import.objects.create(agency=site.foreign, kind="evaluasi_renja", title="x",
                                file_name="x.csv", year=2025, version="renja", sha256="0")
    c = login("perencana")
    assert c.get(f"/impor/bkpsdm-seberang/{imp.pk}/").status_code == 404
    assert c.get(f"{URL}{imp.pk}/").status_code == 404


def test_anonymous_is_sent_to_login(client: Client, site: Any) -> None:
    r = client.get(URL)
    assert r.status_code == 302 and "login" in r["Location"].lower() or "masuk" in r["Location"]
