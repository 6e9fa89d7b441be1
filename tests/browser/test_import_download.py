"""Browser tests (Playwright driving Debian's chromium) of the import and report pages and of
the API's refusal: import Paser's T-C.29 and see its findings on the cells; download T-C.29 as
XLSX and open it; the API refuses another agency's data."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

# Playwright's sync API runs an event loop in this thread; the ORM calls of the test are
# still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DATA = Path(__file__).resolve().parent.parent / "web" / "data"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")]


@pytest.fixture
def import_world(transactional_db: Any, settings: Any, tmp_path: Path) -> dict[str, Any]:
    """An agency with a perencana, and an agency of another government."""
    from django.contrib.auth.models import User

    from kinerja.store.models import Agency, Government, Membership

    settings.KINERJA_IMPORT_DIR = str(tmp_path / "impor")
    gov = Government.objects.create(name="Kabupaten Uji Peramban", level="kabkota")
    other = Government.objects.create(name="Kota Lain Peramban", level="kabkota")
    own = Agency.objects.create(government=gov, slug="bkpsdm-peramban", name="BKPSDM Uji")
    foreign = Agency.objects.create(government=other, slug="bkpsdm-asing", name="BKPSDM Asing")
    user = User.objects.create_user("perencana-peramban", password="rahasia-uji-123")
    Membership.objects.create(user=user, role="perencana", government=gov, agency=own)
    return {"own": own, "foreign": foreign, "user": user}


@pytest.fixture
def browser_page(live_server: Any, import_world: dict[str, Any]) -> Any:
    """A chromium page signed in as the perencana (session cookie of a forced login)."""
    from django.test import Client

    client = Client()
    client.force_login(import_world["user"])
    cookie = client.cookies["sessionid"].value
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox"])
        context = browser.new_context(accept_downloads=True, locale="id-ID")
        context.add_cookies([{"name": "sessionid", "value": cookie,
                              "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(30000)
        yield page
        context.close()
        browser.close()


def test_import_shows_findings_on_cells(browser_page: Any, live_server: Any) -> None:
    from kinerja.store.models import Import

    page = browser_page
    page.goto(f"{live_server.url}/impor/bkpsdm-peramban/")
    page.set_input_files("input[name=table]", str(DATA / "tc29.csv"))
    page.set_input_files("input[name=meta]", str(DATA / "tc29.meta.yaml"))
    page.fill("input[name=year]", "2025")
    page.click("#form-unggah button[type=submit]")
    page.wait_for_selector("#tabel-pratinjau")
    cell = page.locator("#sel-4-c8_tingkat_realisasi")
    assert "temuan" in (cell.get_attribute("class") or "")
    assert cell.inner_text().startswith("102")
    # the cell is highlighted
    background = cell.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    # a click shows the message
    cell.click()
    pop = page.locator(".temuan-pop")
    pop.wait_for()
    assert "102" in pop.inner_text() or "100,25" in pop.inner_text()
    assert page.locator("#daftar-temuan li").count() >= 18
    assert not Import.objects.exists()
    page.click("#tombol-impor")
    page.wait_for_url("**/impor/bkpsdm-peramban/*/")
    assert "temuan tersimpan" in page.content()
    assert Import.objects.count() == 1


def test_download_tc29_xlsx(browser_page: Any, live_server: Any,
                            import_world: dict[str, Any]) -> None:
    from openpyxl import load_workbook

    from kinerja.store.services.importer import import_table

    import_table(DATA / "tc29.csv", import_world["own"], 2025, user=import_world["user"])
    page = browser_page
    page.goto(f"{live_server.url}/laporan/bkpsdm-peramban/")
    page.select_option("select[name=tabel]", "tc29")
    page.select_option("select[name=tahun]", "2023")
    page.click("#pilih-laporan button[type=submit]")
    page.wait_for_selector("#pratinjau-laporan table")
    with page.expect_download() as info:
        page.click("a[href*='unduh.xlsx']")
    download = info.value
    assert download.suggested_filename == "T-C29-bkpsdm-peramban-2023.xlsx"
    path = download.path()
    wb = load_workbook(io.BytesIO(Path(path).read_bytes()))
    text = " ".join(str(v) for row in wb.active.iter_rows(values_only=True) for v in row
                    if v is not None)
    assert "T-C.29" in text


def test_api_refuses_other_agency(browser_page: Any, live_server: Any) -> None:
    page = browser_page
    own = page.goto(f"{live_server.url}/api/pd/bkpsdm-peramban/rencana")
    assert own is not None and own.status == 200
    other = page.goto(f"{live_server.url}/api/pd/bkpsdm-asing/rencana")
    assert other is not None and other.status == 404
    assert "tidak ditemukan" in page.content()
