"""A cumulative budget line ("s/d tahun ini", column 14 Rp of the quarterly form) sits beside
the year's own lines; the entry grid and the beranda must never take it for the year's
spending."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_entry_grid_ignores_cumulative_lines(db: Any) -> None:
    from kinerja.store.models import Agency, BudgetLine, Government, Node
    from kinerja.web.pages.entry import budget_figures

    gov = Government.objects.create(name="Kota Uji Anggaran Kumulatif", level="kabkota")
    agency = Agency.objects.create(government=gov, slug="uji-kumulatif", name="BKPSDM Uji")
    node = Node.objects.create(agency=agency, level="sub_kegiatan", key="s1",
                               code="5.03.02.2.01.0001", official_name="Sub kegiatan")
    BudgetLine.objects.create(node=node, year=2024, stage="dpa", amount=Decimal("1000000"))
    BudgetLine.objects.create(node=node, year=2024, stage="realisasi", quarter=0,
                              cumulative=True, amount=Decimal("9000000"))
    # only the Renstra-to-date line: nothing is spent this year yet
    pagu, spent, absorption = budget_figures(node, 2024, 4)
    assert pagu is not None and pagu.amount == Decimal("1000000")
    assert spent is None and absorption is None
    BudgetLine.objects.create(node=node, year=2024, stage="realisasi", quarter=1,
                              amount=Decimal("250000"))
    pagu, spent, absorption = budget_figures(node, 2024, 4)
    assert pagu is not None and pagu.amount == Decimal("1000000")
    assert spent == Decimal("250000")
    assert absorption == Decimal("25")
