"""Every table built here is produced from the demo record for paser, kukar and samarinda in
XLSX, DOCX, PDF and HTML; the PDFs have pages and extractable text."""

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

TABLES = ("tc29", "tc30", "tc31", "tc32", "tc33", "renja_perubahan", "evaluasi_triwulan")
#: The year each table is built for, per agency (T-C.29: the evaluated year).
YEARS = {"paser": {"tc29": 2023, "default": 2025},
         "kukar": {"default": 2023}, "samarinda": {"default": 2024}}


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Any:
    from kinerja.store.services import demo as demo_service

    with django_db_blocker.unblock():
        demo_service.build()
        yield
        from kinerja.store.models import Agency
        for agency in Agency.objects.all():
            agency.delete()


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
