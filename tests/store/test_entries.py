"""Entering values through the services: the permission layer is asked every time, changes
are in the audit trail, and conflicting targets are kept and listed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "src" / "kinerja" / "data" / "demo"


@pytest.fixture
def indicators(world: Any) -> dict[str, Any]:
    """An indicator of the own agency's bidang, one of its other unit, one of another agency."""
    from kinerja.store import keys
    from kinerja.store.models import Indicator, Node

    out = {}
    for name, agency, unit in (("mine", world.own, world.own_unit),
                               ("other_unit", world.own, world.other_unit),
                               ("sibling", world.sibling, None)):
        node, _ = Node.objects.get_or_create(
            agency=agency, key=keys.node_key(None, "program", "P"),
            defaults={"level": "program", "local_name": "P"})
        out[name] = Indicator.objects.create(agency=agency, node=node, name=name,
                                             key=keys.indicator_key(node.key, name),
                                             responsible_unit=unit)
    return out


def test_bidang_records_only_its_units_realisations(world: Any, indicators: Any) -> None:
    from kinerja.store import permissions
    from kinerja.store.models import AuditLog
    from kinerja.store.services import entries

    bidang = world.users["bidang"]
    r = entries.record_realisation(bidang, indicators["mine"], 2025, 1, Decimal("3"),
                                   note="TW I", evidence_link="https://bukti.test/1")
    assert r.reported_by == bidang and r.value == Decimal("3")
    entries.record_realisation(bidang, indicators["mine"], 2025, 1, None)
    r.refresh_from_db()
    assert r.value is None  # missing, not zero
    log = AuditLog.objects.filter(model="realisation").order_by("id")
    assert [e.action for e in log] == ["create", "update"]
    assert log[1].actor == bidang and log[1].before["value"] == "3.000000"
    assert log[1].after["value"] is None
    for ind in ("other_unit", "sibling"):
        with pytest.raises(permissions.Denied):
            entries.record_realisation(bidang, indicators[ind], 2025, 1, Decimal(1))
    with pytest.raises(permissions.Denied):
        entries.set_target(bidang, indicators["mine"], 2025, "renja", Decimal(1))


def test_writes_by_role(world: Any, indicators: Any) -> None:
    from kinerja.store import permissions
    from kinerja.store.services import entries

    u = world.users
    entries.set_target(u["perencana"], indicators["mine"], 2025, "pk", Decimal(10))
    entries.set_budget(u["perencana"], indicators["mine"].node, 2025, "dpa",
                       Decimal("1000000.50"))
    with pytest.raises(permissions.Denied):
        entries.set_target(u["perencana"], indicators["sibling"], 2025, "pk", Decimal(1))
    with pytest.raises(permissions.Denied):
        entries.set_budget(u["pimpinan"], indicators["mine"].node, 2025, "dpa", Decimal(1))
    entries.add_evaluation_note(u["bappeda"], world.sibling, 2025, "Catatan")
    with pytest.raises(permissions.Denied):
        entries.add_evaluation_note(u["inspektorat"], world.own, 2025, "x")
    with pytest.raises(permissions.Denied):
        entries.add_evaluation_note(u["bappeda"], world.foreign, 2025, "x")
    ev = entries.add_sakip_evaluation(u["inspektorat"], world.own, 2024, Decimal("67.50"), "B",
                                      ["Perbaiki IKU"])
    assert ev.recommendations.count() == 1
    with pytest.raises(permissions.Denied):
        entries.add_sakip_evaluation(u["perencana"], world.own, 2024, None, "A")


def test_conflicting_targets_are_kept_and_listed(world: Any) -> None:
    from kinerja.store import permissions
    from kinerja.store.models import Indicator
    from kinerja.store.services import entries
    from kinerja.store.services.importer import import_table

    import_table(DEMO / "paser" / "tc29.csv", world.own, 2025)
    ind = Indicator.objects.get(agency=world.own, node__level="sub_kegiatan",
                                name__startswith="Jumlah Dok Perencanaan")
    entries.set_target(world.users["perencana"], ind, 2024, "renja_perubahan", Decimal(6))
    conflicts = entries.conflicting_targets(world.users["bappeda"], world.own)
    mine = [c for c in conflicts if c.indicator == ind]
    assert len(mine) == 1 and mine[0].year == 2024
    assert {(v, p) for v, _, p, _ in mine[0].targets} == {("renja", "5"),
                                                          ("renja_perubahan", "6")}
    with pytest.raises(permissions.Denied):
        entries.conflicting_targets(world.users["perencana"], world.sibling)
