"""At phone width (375 px) no page is wider than the screen: the official table of the report
scrolls inside its box, the choice of table fits, the navigation shows every area, and the API
documentation is a readable page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import PHONE

DATA = Path(__file__).resolve().parent.parent / "web" / "data"
WIDTH = "() => document.documentElement.scrollWidth"


@pytest.mark.django_db(transaction=True)
def test_report_and_api_docs_fit_a_phone(page_as: Any, web_site: Any, live_server: Any,
                                         shots_dir: Path) -> None:
    from kinerja.store.services.importer import import_table

    import_table(DATA / "tc29.csv", web_site.own, 2025, user=web_site.users["perencana"])
    page = page_as("perencana-uji", PHONE)
    page.goto(f"{live_server.url}/laporan/{web_site.own.slug}/?tabel=tc29&tahun=2023")
    page.wait_for_selector("#pratinjau-laporan table")
    page.screenshot(path=str(shots_dir / "laporan-375.png"))
    assert page.evaluate(WIDTH) <= PHONE["width"]
    box = page.locator("#pratinjau-laporan table").bounding_box()
    assert box is not None and box["width"] > 600      # columns keep their width, the box scrolls
    for label in ("Beranda PD", "Laporan", "Dokumen"):
        assert page.locator("nav.nav a", has_text=label).is_visible(), label
    page.goto(f"{live_server.url}/api/docs")
    assert page.locator("h1", has_text="Dokumentasi API").is_visible()
    assert page.evaluate(WIDTH) <= PHONE["width"]
