"""Views of the main pages: sign-in, landing, overview, beranda, entry grid and its save
endpoint (Indonesian number input, the conflict rule, bidang scope), history, refusals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from .conftest import PASSWORD, YEAR

pytestmark = pytest.mark.django_db


def test_smoke(site: Any, login: Any) -> None:
    c = login("perencana")
    for url in ["/", f"/pd/{site.own.slug}/", f"/pd/{site.own.slug}/isi/?tahun={YEAR}&triwulan=1"]:
        r = c.get(url, follow=True)
        assert r.status_code == 200, url
    c = login("bappeda")
    r = c.get("/", follow=True)
    assert r.status_code == 200
    print(r.content.decode()[:200])
