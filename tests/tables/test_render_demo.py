"""Every official table of the registry is produced from the demo record for paser, kukar and
samarinda in XLSX, DOCX, PDF and HTML, and so are the Perjanjian Kinerja and the draft LKjIP
documents; the PDFs have pages and extractable text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kinerja.io.writers import writer
from kinerja.store.queries import load_record
from kinerja.tables._common import load_builders

pytestmark = pytest.mark.django_db

TABLES = tuple(load_builders())
#: The year each table is built for, per agency (T-C.29: the evaluated year).
YEARS = {"paser": {"tc29": 2023, "default": 2025},
         "kukar": {"default": 2023}, "samarinda": {"default": 2024}}


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Any:
    from kinerja.store.services import demo as demo_service

    with django_db_blocker.unblock():
        demo_service.build()
        yield
        from kinerja.store.models import Agency, Government
        for agency in Agency.objects.all():
            agency.delete()
        Government.objects.all().delete()


@pytest.mark.parametrize("slug", ["paser", "kukar", "samarinda"])
def test_every_table_in_every_format(demo: Any, slug: str, tmp_path: Path) -> None:
    registry = load_builders()
    for ident in TABLES:
        year = YEARS[slug].get(ident, YEARS[slug]["default"])
        table = registry[ident].build(load_record(slug, year), year, None)
        for fmt in ("xlsx", "docx", "pdf", "html"):
            path = tmp_path / f"{ident}.{fmt}"
            writer(fmt).write(table, path)
            assert path.stat().st_size > 0
        if shutil.which("pdftotext") and shutil.which("pdftoppm"):
            pdf = tmp_path / f"{ident}.pdf"
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                                  capture_output=True, text=True).stdout
            assert table.title.split()[0] in text
            subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(pdf),
                            str(tmp_path / ident)], check=True)
            assert list(tmp_path.glob(f"{ident}*.png"))


@pytest.mark.parametrize("slug", ["paser", "kukar", "samarinda"])
def test_pk_and_lkjip_documents(demo: Any, slug: str, tmp_path: Path) -> None:
    from docx import Document

    from kinerja.io.lkjip_docx import lkjip_document, lkjip_pdf
    from kinerja.tables.pk import pk_document, pk_pdf

    year = YEARS[slug]["default"] if slug != "paser" else 2023
    record = load_record(slug, year)
    for name, data in (("pk.docx", pk_document(record, year)),
                       ("lkjip.docx", lkjip_document(record, year))):
        path = tmp_path / name
        path.write_bytes(data)
        assert Document(str(path)).paragraphs
    for name, data in (("pk.pdf", pk_pdf(record, year)),
                       ("lkjip.pdf", lkjip_pdf(record, year))):
        assert data.startswith(b"%PDF")
        if shutil.which("pdftotext"):
            path = tmp_path / name
            path.write_bytes(data)
            text = subprocess.run(["pdftotext", str(path), "-"], check=True,
                                  capture_output=True, text=True).stdout
            assert str(year) in text
