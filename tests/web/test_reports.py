"""Tests of the report pages: the tables that have a builder are offered; T-C.29 built from an
imported record is shown as HTML and downloaded as XLSX (opened with openpyxl), DOCX and PDF with
Indonesian file names; another agency's reports are refused."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
URL = "/laporan/bkpsdm-uji/"
QUERY = {"tabel": "tc29", "tahun": "2023"}


@pytest.fixture
def imported(site: Any) -> Any:
    """Paser's T-C.29 imported into the own agency (evaluated year 2023)."""
    from kinerja.store.services.importer import import_table

    return import_table(DATA / "tc29.csv", site.own, 2025, user=site.users["perencana"])


def test_choice_lists_buildable_tables(login: Any, imported: Any) -> None:
    r = login("perencana").get(URL)
    assert r.status_code == 200
    html = r.content.decode()
    assert 'value="tc29"' in html
    assert "2023" in html


def test_preview_and_download_xlsx(login: Any, imported: Any) -> None:
    from openpyxl import load_workbook

    c = login("bidang")
    r = c.get(URL, QUERY)
    assert r.status_code == 200
    html = r.content.decode()
    assert "kinerja-tabel" in html and "T-C.29" in html
    assert "T-C29-bkpsdm-uji-2023.xlsx" in html
    r = c.get(f"{URL}unduh.xlsx", QUERY)
    assert r.status_code == 200
    assert r["Content-Type"] == ("application/vnd.openxmlformats-officedocument."
                                 "spreadsheetml.sheet")
    assert r["Content-Disposition"] == 'attachment; filename="T-C29-bkpsdm-uji-2023.xlsx"'
    wb = load_workbook(io.BytesIO(r.content))
    text = " ".join(str(v) for row in wb.active.iter_rows(values_only=True) for v in row
                    if v is not None)
    assert "T-C.29" in text
    assert "Penunjang Urusan Pemerintahan Daerah".lower() in text.lower()


def test_download_docx_and_pdf(login: Any, imported: Any) -> None:
    c = login("pimpinan")
    r = c.get(f"{URL}unduh.docx", {**QUERY, "versi": "renja"})
    assert r.status_code == 200
    assert r["Content-Type"].endswith("wordprocessingml.document")
    assert r["Content-Disposition"].endswith('T-C29-bkpsdm-uji-2023.docx"')
    assert r.content[:2] == b"PK"
    r = c.get(f"{URL}unduh.pdf", QUERY)
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf" and r.content[:5] == b"%PDF-"


def test_unknown_table_or_format(login: Any, imported: Any) -> None:
    c = login("perencana")
    assert c.get(URL, {"tabel": "tidak-ada", "tahun": "2023"}).status_code == 404
    assert c.get(f"{URL}unduh.odt", QUERY).status_code == 404


@pytest.mark.parametrize("role", ["perencana_sibling", "perencana_foreign", "bappeda_foreign",
                                  "none"])
def test_other_agency_refused(login: Any, imported: Any, role: str) -> None:
    c = login(role)
    assert c.get(URL).status_code == 404
    assert c.get(URL, QUERY).status_code == 404
    assert c.get(f"{URL}unduh.xlsx", QUERY).status_code == 404
