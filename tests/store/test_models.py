"""The record's models: exact money, missing is not zero, locked final documents, the audit
trail of changes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def _node(agency: Any, name: str = "Program Kepegawaian Daerah") -> Any:
    from kinerja.store import keys
    from kinerja.store.models import Node

    return Node.objects.create(agency=agency, level="program",
                               key=keys.node_key(None, "program", name), local_name=name)


def test_money_is_exact(world: Any) -> None:
    from kinerja.store.models import BudgetLine

    node = _node(world.own)
    BudgetLine.objects.create(node=node, year=2023, stage="apbd",
                              amount=Decimal("7522842676.91"), printed="7.522.842.676,91")
    BudgetLine.objects.create(node=node, year=2023, stage="dpa",
                              amount=Decimal("123456789012345678.99"))
    got = {b.stage: b.amount for b in BudgetLine.objects.all()}
    assert got["apbd"] == Decimal("7522842676.91")
    assert got["dpa"] == Decimal("123456789012345678.99")
    assert isinstance(got["apbd"], Decimal)


def test_missing_realisation_is_not_zero(world: Any) -> None:
    from kinerja.store import keys
    from kinerja.store.models import Indicator, Realisation

    node = _node(world.own)
    ind = Indicator.objects.create(agency=world.own, node=node, name="Jumlah SK",
                                   key=keys.indicator_key(node.key, "Jumlah SK"))
    Realisation.objects.create(indicator=ind, year=2024, quarter=1, value=None, printed="-")
    Realisation.objects.create(indicator=ind, year=2024, quarter=2, value=Decimal("0"))
    values = dict(Realisation.objects.values_list("quarter", "value"))
    assert values[1] is None
    assert values[2] == Decimal("0")


def test_final_document_is_locked(world: Any) -> None:
    from kinerja.store.models import Document, DocumentLocked
    from kinerja.store.services import documents

    doc = Document.objects.create(agency=world.own, kind="renja", year=2025, title="Renja")
    documents.finalise(doc, world.users["pimpinan"], signatory_name="Dr. A",
                       signatory_capacity="plt")
    doc.refresh_from_db()
    assert doc.status == "final" and doc.snapshot is not None
    doc.title = "diubah"
    with pytest.raises(DocumentLocked):
        doc.save()
    new = documents.new_version(doc, world.users["perencana"])
    assert new.version == 2 and new.status == "draft"
    doc.refresh_from_db()
    assert doc.title == "Renja"


def test_changes_are_in_the_audit_trail(world: Any) -> None:
    from kinerja.store import auditing, keys
    from kinerja.store.models import AuditLog, Indicator, Target

    node = _node(world.own)
    ind = Indicator.objects.create(agency=world.own, node=node, name="Nilai SAKIP",
                                   key=keys.indicator_key(node.key, "Nilai SAKIP"))
    with auditing.acting_as(world.users["perencana"]):
        t = Target.objects.create(indicator=ind, year=2025, version="renja",
                                  value=Decimal("72"), printed="72")
        t.value = Decimal("75")
        t.printed = "75"
        t.save()
    log = list(AuditLog.objects.filter(model="target").order_by("id"))
    assert [e.action for e in log] == ["create", "update"]
    assert log[1].before["value"] == "72.000000"
    assert log[1].after["value"] == "75.000000"
    assert log[1].actor == world.users["perencana"]
    assert log[1].agency == world.own


def test_runs_on_the_requested_database(db: Any) -> None:
    """With KINERJA_TEST_DATABASE_URL set the suite runs on that database, else on SQLite."""
    import os

    from django.db import connection

    url = os.environ.get("KINERJA_TEST_DATABASE_URL", "")
    want = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == want
