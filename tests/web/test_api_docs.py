"""`/api/docs`: the API documentation is a page of the application, readable without internet
access (no script or stylesheet from another host) and in Bahasa Indonesia."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_api_docs_page_lists_every_endpoint_without_external_assets(client: Any) -> None:
    r = client.get("/api/docs")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Dokumentasi API" in html and "/api/openapi.json" in html
    assert "<code>/api/pd/{slug}/realisasi</code>" in html
    assert "nilai_terakhir_dilihat" in html        # the request body of the PUT
    assert "nilai tersimpan sudah diubah orang lain" in html  # what 409 means
    for src in re.findall(r'(?:src|href)="([^"#]+)"', html):
        assert not src.startswith(("http://", "https://", "//")), src


def test_api_docs_page_shows_the_navigation_when_signed_in(login: Any) -> None:
    html = login("perencana").get("/api/docs").content.decode()
    assert '<nav class="nav"' in html and "Beranda PD" in html
