"""The navigation of the top bar: every role reaches the areas it may use, and only those."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def _nav(html: str) -> list[str]:
    block = re.search(r'<nav class="nav".*?</nav>', html, re.S)
    assert block, "no navigation"
    return re.findall(r">([^<>]+)</a>", block.group(0))


@pytest.mark.parametrize("role,expected,absent", [
    ("bappeda", ["Ringkasan pemda", "Rencana", "Laporan", "Dokumen"], ["Impor"]),
    ("inspektorat", ["Ringkasan pemda", "Rencana", "Laporan", "Dokumen"], ["Impor"]),
    ("admin_pemda", ["Ringkasan pemda", "Rencana", "Impor", "Laporan", "Dokumen"], []),
])
def test_government_roles_reach_the_areas_from_the_overview(
        login: Any, role: str, expected: list[str], absent: list[str]) -> None:
    client = login(role)
    r = client.get("/ringkasan/", follow=True)
    nav = _nav(r.content.decode())
    for label in expected:
        assert label in nav, (role, nav)
    for label in absent:
        assert label not in nav, (role, nav)
    for url in ("/laporan/", "/dokumen/", "/rencana/"):
        assert client.get(url, follow=True).status_code == 200, url


@pytest.mark.parametrize("role", ["bidang", "pimpinan"])
def test_import_is_not_offered_to_who_may_not_import(login: Any, site: Any, role: str) -> None:
    nav = _nav(login(role).get(f"/pd/{site.own.slug}/").content.decode())
    assert "Impor" not in nav and "Laporan" in nav


def test_planner_sees_every_area_of_the_agency(login: Any, site: Any) -> None:
    nav = _nav(login("perencana").get(f"/pd/{site.own.slug}/").content.decode())
    assert nav == ["Beranda PD", "Isian realisasi", "Rencana", "Impor", "Laporan", "Dokumen"]
