"""The main pages in a real browser: a bidang enters a quarterly realisation and sees the
beranda change, a user of another agency is refused, two users editing the same value get the
conflict message, and the main pages render at 1366×768 and 375×812 without page-wide sideways
scrolling (screenshots are kept for a look)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from .conftest import DESKTOP, PHONE

YEAR = 2025


def _isian(live_server: Any, slug: str = "bkpsdm-uji", quarter: int = 1) -> str:
    return f"{live_server.url}/pd/{slug}/isi/?tahun={YEAR}&triwulan={quarter}"


def _row(page: Any, indicator: Any) -> Any:
    return page.locator(f'tr.cell-row[data-kind="realisation"][data-id="{indicator.pk}"]')


def test_bidang_enters_realisation_and_beranda_changes(page_as: Any, live_server: Any,
                                                       web_site: Any) -> None:
    page = page_as("bidang-uji")
    assert page.url.endswith("/pd/bkpsdm-uji/")
    page.goto(f"{live_server.url}/pd/bkpsdm-uji/?tahun={YEAR}&triwulan=1")
    kegiatan_row = page.locator("#indikator-program tr", has_text=web_site.ind_kegiatan.name)
    assert "belum diisi" in kegiatan_row.inner_text()

    page.goto(_isian(live_server))
    assert page.locator("h1").inner_text().startswith("Isian realisasi TW I 2025")
    # only the bidang's own unit
    assert page.locator(f"text={web_site.ind_sub_other.name}").count() == 0
    row = _row(page, web_site.ind_kegiatan)
    box = row.locator("input.value")
    # a dot decimal is refused with an Indonesian message before anything is sent
    box.fill("12.5")
    assert "koma untuk desimal" in row.locator(".msg").inner_text()
    box.fill("300")
    box.press("Tab")
    row.locator(".msg.ok").wait_for()
    assert "tersimpan" in row.locator(".msg").inner_text()
    assert "75,00" in row.locator(".result").inner_text()
    assert "Sedang" in row.locator(".result").inner_text()

    page.goto(f"{live_server.url}/pd/bkpsdm-uji/?tahun={YEAR}&triwulan=1")
    kegiatan_row = page.locator("#indikator-program tr", has_text=web_site.ind_kegiatan.name)
    text = kegiatan_row.inner_text()
    assert "300" in text and "75,00" in text and "Sedang" in text


def test_budget_realisation_saved_without_reload(page_as: Any, live_server: Any,
                                                 web_site: Any) -> None:
    from kinerja.store.models import BudgetLine

    page = page_as("bidang-uji")
    page.goto(_isian(live_server, quarter=2))
    row = page.locator(f'tr.cell-row[data-kind="budget"][data-id="{web_site.sub.pk}"]')
    box = row.locator("input.value")
    box.fill("75.000.000")
    box.press("Enter")
    row.locator(".msg.ok").wait_for()
    assert row.locator(".cumulative").inner_text() == "225.000.000"
    line = BudgetLine.objects.get(node=web_site.sub, year=YEAR, stage="realisasi", quarter=2,
                                  source=None)
    assert line.amount == Decimal("75000000")


def test_other_agency_is_refused(page_as: Any, live_server: Any, web_site: Any) -> None:
    page = page_as("perencana-dinkes")
    for url in ("/pd/bkpsdm-uji/", "/pd/bkpsdm-uji/isi/"):
        response = page.goto(live_server.url + url)
        assert response.status == 403
        assert page.locator("h1").inner_text() == "Akses ditolak"
        assert "tidak berwenang" in page.content()


def test_conflict_between_two_users(page_as: Any, live_server: Any, web_site: Any) -> None:
    from kinerja.store.models import Realisation

    first, second = page_as("bidang-uji"), page_as("perencana-uji")
    first.goto(_isian(live_server))
    second.goto(_isian(live_server))
    row_a = _row(first, web_site.ind_sub)
    row_a.locator("input.value").fill("12")
    row_a.locator("input.value").press("Tab")
    row_a.locator(".msg.ok").wait_for()

    row_b = _row(second, web_site.ind_sub)
    row_b.locator("input.value").fill("15")
    row_b.locator("input.value").press("Tab")
    conflict = row_b.locator(".conflict")
    conflict.wait_for()
    text = conflict.inner_text()
    assert re.search(r"Nilai ini sudah diubah oleh bidang-uji pada \d\d/\d\d/\d{4} \d\d:\d\d "
                     r"menjadi 12; nilai Anda 15", text), text
    assert Realisation.objects.get(indicator=web_site.ind_sub, quarter=1).value == 12
    conflict.locator("button.keep").click()
    row_b.locator(".msg.ok").wait_for()
    assert Realisation.objects.get(indicator=web_site.ind_sub, quarter=1).value == 15

    # the first user now saves over 15 without having seen it: refused again, and taking the
    # stored value puts 15 in the cell without saving anything
    row_a.locator("input.value").fill("13")
    row_a.locator("input.value").press("Tab")
    row_a.locator(".conflict").wait_for()
    row_a.locator(".conflict button.take").click()
    assert row_a.locator("input.value").input_value() == "15"
    assert Realisation.objects.get(indicator=web_site.ind_sub, quarter=1).value == 15


@pytest.mark.parametrize("viewport,tag", [(DESKTOP, "1366x768"), (PHONE, "375x812")])
def test_main_pages_fit_and_screenshots(page_as: Any, live_server: Any, web_site: Any,
                                        shots_dir: Any, viewport: dict[str, int],
                                        tag: str) -> None:
    pages = [
        ("login", None, "/masuk/"),
        ("beranda", "perencana-uji", f"/pd/bkpsdm-uji/?tahun={YEAR}&triwulan=1"),
        ("isian", "bidang-uji", f"/pd/bkpsdm-uji/isi/?tahun={YEAR}&triwulan=1"),
        ("ringkasan", "bappeda-uji", f"/ringkasan/?tahun={YEAR}&triwulan=1"),
    ]
    for name, user, url in pages:
        page = page_as(user, viewport)
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        assert page.locator("html").get_attribute("lang") == "id"
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at {tag}"
        page.screenshot(path=str(shots_dir / f"{name}-{tag}.png"), full_page=True)
