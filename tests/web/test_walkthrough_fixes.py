"""What a newcomer stumbled on while walking through the demo: the report opening on a year
without anything to report, the beranda's budget figure without a pagu, version codes in the
list of imports."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import YEAR

pytestmark = pytest.mark.django_db


def test_report_opens_on_the_year_with_realisations_not_a_forward_estimate(
        login: Any, site: Any) -> None:
    from kinerja.store.models import Indicator, Target

    ind = Indicator.objects.filter(agency=site.own).first()
    Target.objects.create(indicator=ind, year=YEAR + 1, quarter=0, version="renja",
                          value="5")
    html = login("perencana").get(f"/laporan/{site.own.slug}/").content.decode()
    assert f'<option value="{YEAR + 1}">' in html
    assert f'<option value="{YEAR}" selected>' in html


def test_beranda_without_pagu_says_so(login: Any, site: Any) -> None:
    html = login("perencana").get(f"/pd/{site.own.slug}/?tahun={YEAR - 3}").content.decode()
    assert f"belum ada pagu tahun {YEAR - 3}" in html
    assert "– dari –" not in html


def test_import_list_shows_version_names(login: Any, site: Any) -> None:
    from pathlib import Path

    from kinerja.store.services.importer import import_table

    import_table(Path(__file__).parent / "data" / "tc29.csv", site.own, 2025,
                 user=site.users["perencana"])
    html = login("perencana").get(f"/impor/{site.own.slug}/").content.decode()
    assert "<td>Renja</td>" in html


def test_every_area_speaks_english_after_the_switch(login: Any, site: Any) -> None:
    from django.conf import settings

    client = login("perencana")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for url, text in ((f"/rencana/{site.own.slug}/", "Programs, activities and sub-activities"),
                      (f"/laporan/{site.own.slug}/", "Reports: official tables"),
                      (f"/impor/{site.own.slug}/", "Earlier imports"),
                      (f"/dokumen/{site.own.slug}/", "New document (draft)"),
                      ("/api/docs", "API documentation")):
        assert text in client.get(url).content.decode(), url
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    assert "Laporan: tabel resmi" in client.get(f"/laporan/{site.own.slug}/").content.decode()
