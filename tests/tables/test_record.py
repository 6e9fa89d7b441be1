"""The record objects read from the store: the tree, values and a bounded number of queries."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.store.queries import RecordNotFound, load_record
from kinerja.store.services.agencies import add_agency
from kinerja.store.services.importer import import_table

DEMO = Path(__file__).resolve().parents[2] / "src" / "kinerja" / "data" / "demo"


@pytest.fixture
def paser(db: Any) -> Any:
    agency, _, _ = add_agency("paser", "BKPSDM Kabupaten Paser", "Kabupaten Paser", "kabkota")
    import_table(DEMO / "paser" / "tc29.csv", agency, 2025)
    return agency


@pytest.mark.django_db
def test_load_record_tree_and_values(paser: Any) -> None:
    rec = load_record("paser", 2023)
    assert rec.agency.slug == "paser"
    assert rec.government.level == "kabkota"
    assert rec.programs and all(p.level == "program" for p in rec.programs)
    levels = {n.level for n in rec.nodes()}
    assert levels <= {"program", "kegiatan", "sub_kegiatan"}
    # every value is a plain Decimal without padding zeros
    values = [t.value for i in rec.indicators() for t in i.targets if t.value is not None]
    assert values and all(isinstance(v, Decimal) for v in values)
    assert all(v.as_tuple().exponent >= -5 for v in values)
    assert any(v == Decimal(1000) and str(v) == "1000" for v in values)


@pytest.mark.django_db
def test_load_record_query_count_does_not_grow(paser: Any) -> None:
    with CaptureQueriesContext(connection) as ctx:
        load_record(paser)
    assert len(ctx.captured_queries) <= 15  # one query per model, stakeholder proposals included


@pytest.mark.django_db
def test_unknown_agency() -> None:
    with pytest.raises(RecordNotFound, match="tidak ditemukan"):
        load_record("tidak-ada")
