"""Export and restore: a dump restored into an empty database exports to the same bytes."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.django_db(transaction=False)

DEMO = Path(__file__).resolve().parents[2] / "src" / "kinerja" / "data" / "demo"
INDICES = DEMO.parent / "contoh-indeks"


def _wipe() -> None:
    """Empty the database (as a fresh one would be)."""
    from django.contrib.auth.models import User

    from kinerja.store.models import Agency, AuditLog, Government

    AuditLog.objects.all().delete()
    Agency.objects.all().delete()
    Government.objects.all().delete()
    User.objects.all().delete()


@pytest.fixture
def paser(world: Any) -> Any:
    """Paser's four tables imported, with a user-entered realisation, a final document and
    evaluations, so that every part of the dump has content."""
    from kinerja.store import auditing
    from kinerja.store.models import (
        Document,
        EvaluationNote,
        Indicator,
        Realisation,
        Recommendation,
        SakipEvaluation,
    )
    from kinerja.store.services import documents
    from kinerja.store.services.importer import import_table

    agency = world.own
    for name in ("tc29", "tabel-4-1", "tc31", "tabel-2-2-1"):
        import_table(DEMO / "paser" / f"{name}.csv", agency, 2025,
                     user=world.users["perencana"])
    ind = Indicator.objects.filter(agency=agency, node__isnull=False).order_by("key").first()
    ind.responsible_unit = world.own_unit
    ind.save()
    with auditing.acting_as(world.users["bidang"]):
        Realisation.objects.create(indicator=ind, year=2025, quarter=1, value=Decimal("1.5"),
                                   printed="1,5", note="TW I", evidence_link="https://x.test/a",
                                   reported_by=world.users["bidang"])
    doc = Document.objects.create(agency=agency, kind="renja", year=2025, title="Renja 2025")
    documents.finalise(doc, world.users["pimpinan"], signatory_name="Kepala",
                       signatory_capacity="plh")
    EvaluationNote.objects.create(agency=agency, year=2025, quarter=1, text="Catatan",
                                  author=world.users["bappeda"])
    ev = SakipEvaluation.objects.create(agency=agency, year=2024, score=Decimal("67.50"),
                                        grade="B", evaluator=world.users["inspektorat"])
    Recommendation.objects.create(evaluation=ev, position=1, text="Perbaiki IKU")
    Recommendation.objects.create(
        evaluation=ev, position=2, text="Sampaikan LKjIP tepat waktu", status="selesai",
        action="Jadwal penyusunan LKjIP", responsible_unit=world.other_unit,
        responsible_text="Sekretariat", evidence="https://x.test/lkjip",
        due_date=date(2025, 2, 28), closed_at=date(2025, 2, 20))
    _index_result(agency, world.users["perencana"])
    return agency


def _index_result(agency: Any, user: Any) -> None:
    """An IKM stored for 2025 and the IKU realisation filled from it."""
    from kinerja.commands.ikm import read_survey
    from kinerja.core.indices import ikm
    from kinerja.store.models import Indicator
    from kinerja.store.services import indices

    survey = INDICES / "ikm-survei.csv"
    answers, codes = read_survey(survey)
    stored = indices.store_result(agency, 2025, "ikm", ikm.hitung(answers, codes), survey,
                                  user=user)
    iku = Indicator.objects.create(agency=agency, key="iku-ikm", unit="indeks", kind="level",
                                   name="Indeks Kepuasan Masyarakat")
    indices.fill_realisation(stored, iku, user=user)


def test_round_trip_is_byte_identical(paser: Any, tmp_path: Path) -> None:
    from kinerja.store.models import Agency, BudgetLine, Target
    from kinerja.store.services.exporter import dumps
    from kinerja.store.services.restore import restore_file

    first = dumps(paser)
    counts = (Target.objects.count(), BudgetLine.objects.count())
    path = tmp_path / "paser.json"
    path.write_text(first, encoding="utf-8")
    _wipe()
    assert not Agency.objects.exists()
    agency = restore_file(path)
    assert dumps(agency) == first
    from kinerja.store.models import IndexResult

    stored = IndexResult.objects.get(agency=agency)
    assert [r.indicator.key for r in stored.realisations.all()] == ["iku-ikm"]
    assert (Target.objects.count(), BudgetLine.objects.count()) == counts


def test_dump_content(paser: Any) -> None:
    from kinerja.store.services.exporter import build

    data = build(paser)
    assert data["format"] == "kinerja-catatan" and data["version"] == 1
    assert {"targets", "realisations", "budget_lines", "budget_changes", "documents",
            "audit_log", "imports", "indicators", "nodes", "sasaran"} <= set(data)
    amounts = {b["amount"] for b in data["budget_lines"]}
    assert "374119000.00" in amounts
    assert all(isinstance(t["value"], str | None) for t in data["targets"])
    assert data["documents"][0]["status"] == "final"
    assert data["documents"][0]["signatory_capacity"] == "plh"
    assert len(data["imports"]) == 4 and data["imports"][0]["findings"]
    roles = {u["username"]: [r["role"] for r in u["roles"]] for u in data["users"]}
    assert roles["perencana"] == ["perencana"] and "admin_pemda" in roles
    text = json.dumps(data)
    assert "dinkes" not in text  # nothing of another agency
    [ikm] = data["index_results"]
    assert (ikm["kind"], ikm["year"], ikm["value"], ikm["category"]) == ("ikm", 2025, "91.48",
                                                                        "A")
    assert ikm["file_name"] == "ikm-survei.csv" and len(ikm["sha256"]) == 64
    assert ikm["result"]["ikm"] == "91.48" and "91,48" in ikm["working"]
    assert ikm["realisations"] == [{"indicator": "iku-ikm", "year": 2025, "quarter": 0,
                                    "cumulative": False, "source": None}]
    recs = data["sakip_evaluations"][0]["recommendations"]
    assert recs[1]["responsible_unit"] == "Sekretariat"
    assert (recs[1]["due_date"], recs[1]["closed_at"]) == ("2025-02-28", "2025-02-20")
    assert recs[0]["action"] == "" and recs[0]["due_date"] is None


def test_restore_refuses_existing_agency(paser: Any) -> None:
    from kinerja.store.services.exporter import build
    from kinerja.store.services.restore import RestoreError, restore

    with pytest.raises(RestoreError, match="sudah ada"):
        restore(build(paser))
    with pytest.raises(RestoreError, match="format"):
        restore({"format": "lain"})


def test_export_asks_the_permission_layer(world: Any) -> None:
    from kinerja.store import permissions
    from kinerja.store.services.exporter import build

    for role in ("admin_pemda", "bappeda", "inspektorat", "perencana", "pimpinan"):
        assert build(world.own, world.users[role])["agency"]["slug"] == "bkpsdm"
    for role in ("bidang", "none"):
        with pytest.raises(permissions.Denied):
            build(world.own, world.users[role])
    with pytest.raises(permissions.Denied):
        build(world.sibling, world.users["perencana"])
    with pytest.raises(permissions.Denied):
        build(world.foreign, world.users["admin_pemda"])
