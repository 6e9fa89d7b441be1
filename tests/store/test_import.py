"""Importing document tables: what each kind brings into the record, all or nothing, a second
import changes nothing, an edited table updates in place, and the audit's findings are stored
with the import."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "src" / "kinerja" / "data" / "demo"


@pytest.fixture
def paser(db: Any) -> Any:
    """An empty agency for Paser's tables."""
    from kinerja.store.services.agencies import add_agency

    return add_agency("paser", "BKPSDM Kabupaten Paser", "Kabupaten Paser", "kabkota")[0]


def _copy(tmp_path: Path, folder: str, name: str) -> Path:
    for suffix in (".csv", ".meta.yaml"):
        shutil.copy(DEMO / folder / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    return tmp_path / f"{name}.csv"


def _snapshot(agency: Any) -> Any:
    from kinerja.store.services.exporter import dumps

    return dumps(agency)


def test_evaluasi_renja_maps_columns(paser: Any) -> None:
    from kinerja.store.models import Indicator, Realisation, Target
    from kinerja.store.services.importer import import_table

    result = import_table(DEMO / "paser" / "tc29.csv", paser, 2025)
    assert result.status == "baru"
    ind = Indicator.objects.get(agency=paser, name__startswith="Jumlah Dok Perencanaan")
    assert ind.node.local_name == "Penyusunan Dok Perencanaan Perangkat Daerah"
    assert ind.unit == "Dok" and ind.kind == "flow"
    targets = {(t.version, t.year): t.value for t in Target.objects.filter(indicator=ind)}
    assert targets == {("renstra", 2026): Decimal(21), ("renja", 2023): Decimal(5),
                       ("renja", 2024): Decimal(5)}
    real = {(r.year, r.cumulative): r.value for r in Realisation.objects.filter(indicator=ind)}
    assert real == {(2022, True): Decimal(5), (2023, False): Decimal(5)}
    sakip = Indicator.objects.get(agency=paser, name="Nilai SAKIP Perangkat Daerah",
                                  node__level="kegiatan")
    assert sakip.kind == "level"
    r = Realisation.objects.get(indicator=sakip, year=2023)
    assert r.value == Decimal("65.16") and r.printed == "65,16"


def test_rencana_anggaran_budget_and_sasaran(paser: Any) -> None:
    from kinerja.store.models import BudgetLine, Indicator, Node, Sasaran, Target
    from kinerja.store.services.importer import import_table

    import_table(DEMO / "paser" / "tabel-4-1.csv", paser, 2025)
    # printed without a code, bound to the nomenclature by its name
    node = Node.objects.get(agency=paser, code="5.03.01.2.01.0001")
    assert node.official_name == "Penyusunan Dokumen Perencanaan Perangkat Daerah"
    line = BudgetLine.objects.get(node=node, stage="renja", year=2025)
    assert line.amount == Decimal("374119000.00") and line.printed == "374.119.000"
    ind = node.indicators.get()
    t = Target.objects.get(indicator=ind)
    assert (t.value, t.unit, t.version, t.year) == (Decimal(5), "dok", "renja", 2025)
    sasaran = Sasaran.objects.get(agency=paser, name__startswith="Meningkatnya Akuntabilitas")
    assert sasaran.nodes.filter(level="program").exists()
    iku = Indicator.objects.get(sasaran=sasaran)
    assert Target.objects.get(indicator=iku).printed == "B (72)"
    assert Target.objects.get(indicator=iku).value == Decimal(72)


def test_budget_changes_typed(db: Any) -> None:
    from kinerja.store.models import BudgetChange
    from kinerja.store.services.agencies import add_agency
    from kinerja.store.services.importer import import_table

    kukar = add_agency("kukar", "BKPSDM Kukar", "Kabupaten Kutai Kartanegara", "kabkota")[0]
    import_table(DEMO / "kukar" / "lampiran-perubahan.csv", kukar, 2023, "renja_perubahan")
    ch = BudgetChange.objects.get(node__local_name="", node__code="5.03.01.2.01.0001")
    assert ch.change_type == "rasionalisasi"
    assert ch.amount_before == Decimal("65000000.00")
    assert ch.amount_after == Decimal("45110000.00")
    assert ch.reason == "Efisiensi Belanja"
    kinds = set(BudgetChange.objects.values_list("change_type", flat=True))
    assert {"rasionalisasi", "penambahan"} <= kinds


def test_evaluasi_triwulan_quarters(db: Any) -> None:
    from kinerja.store.models import BudgetLine, Indicator, Realisation
    from kinerja.store.services.agencies import add_agency
    from kinerja.store.services.importer import import_table

    smd = add_agency("samarinda", "BKPSDM Samarinda", "Kota Samarinda", "kabkota")[0]
    import_table(DEMO / "samarinda" / "lampiran3-evaluasi-triwulan-des.csv", smd, 2024)
    ind = Indicator.objects.get(agency=smd, name="Persentase Pelayanan Kepegawaian")
    quarters = {r.quarter: r.value for r in Realisation.objects.filter(indicator=ind)}
    assert quarters[1] == Decimal(25) and quarters[2] == Decimal(25)
    assert 3 not in quarters  # an empty cell is missing, not zero
    assert quarters[0] == Decimal(50)
    lines = {(b.stage, b.quarter, b.cumulative): b.amount
             for b in BudgetLine.objects.filter(node=ind.node)}
    assert lines[("dpa", 0, False)] == Decimal("14110534200.00")
    assert lines[("realisasi", 1, False)] == Decimal("288011648.00")
    assert lines[("realisasi", 0, False)] == Decimal("2801388540.00")
    # column 14 Rp: the Renstra budget realisation up to and including the year
    assert lines[("realisasi", 0, True)] == Decimal("12497387432.00")


def test_pengukuran_kinerja_sasaran(paser: Any) -> None:
    from kinerja.store.models import Realisation, Sasaran, Target
    from kinerja.store.services.importer import import_table

    import_table(DEMO / "paser" / "tabel-2-2-1.csv", paser, 2025)
    assert Sasaran.objects.filter(agency=paser).count() == 2
    s = Sasaran.objects.get(name="Meningkatnya kualitas tata Kelola manajemen ASN")
    assert s.indicators.count() == 4
    iku = s.indicators.get(name__startswith="Persentase pejabat ASN yang telah mengikuti "
                                            "pendidikan dan pelatihan formal")
    r = Realisation.objects.get(indicator=iku)
    assert (r.year, r.cumulative, r.value) == (2023, True, Decimal("130.69"))
    assert Target.objects.get(indicator=iku, version="renstra").year == 2026


def test_reimport_changes_nothing(paser: Any) -> None:
    from kinerja.store.models import AuditLog, Import
    from kinerja.store.services.importer import import_table

    for name in ("tc29", "tabel-4-1", "tc31", "tabel-2-2-1"):
        import_table(DEMO / "paser" / f"{name}.csv", paser, 2025)
    before = _snapshot(paser)
    log = AuditLog.objects.count()
    for name in ("tc29", "tabel-4-1", "tc31", "tabel-2-2-1"):
        assert import_table(DEMO / "paser" / f"{name}.csv", paser, 2025).status == "tidak berubah"
    assert _snapshot(paser) == before
    assert AuditLog.objects.count() == log
    assert Import.objects.filter(agency=paser).count() == 4


def test_edited_table_updates_in_place(paser: Any, tmp_path: Path) -> None:
    from kinerja.store.models import AuditLog, BudgetLine, Import
    from kinerja.store.services.importer import import_table

    path = _copy(tmp_path, "paser", "tabel-4-1")
    import_table(path, paser, 2025)
    lines = BudgetLine.objects.count()
    text = path.read_text(encoding="utf-8").replace("374.119.000", "374.119.500")
    path.write_text(text, encoding="utf-8")
    result = import_table(path, paser, 2025)
    assert result.status == "diperbarui"
    assert Import.objects.filter(agency=paser).count() == 1
    assert BudgetLine.objects.count() == lines
    assert BudgetLine.objects.filter(amount=Decimal("374119500.00")).count() == 1
    entry = AuditLog.objects.filter(model="budgetline", action="update").get()
    assert entry.before["amount"] == "374119000.00"
    assert entry.after["amount"] == "374119500.00"
    # a third import of the edited file changes nothing
    n = AuditLog.objects.count()
    assert import_table(path, paser, 2025).status == "tidak berubah"
    assert AuditLog.objects.count() == n


def test_unusable_row_imports_nothing(paser: Any, tmp_path: Path) -> None:
    from kinerja.store.models import Import, Indicator, Node
    from kinerja.store.services.importer import ImportRejected, import_table

    path = _copy(tmp_path, "paser", "tc29")
    original = path.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    subs = [i for i, line in enumerate(lines) if line.startswith(",sub_kegiatan,")]
    inds = [i for i, line in enumerate(lines) if line.startswith(",indikator,")]
    lines[subs[5]] = ",sub_kegiatan,," + lines[subs[5]].split(",", 3)[3]
    lines[inds[0]] = ",indikator,,," + lines[inds[0]].split(",", 4)[4]
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ImportRejected) as exc:
        import_table(path, paser, 2025)
    problems = exc.value.problems
    assert f"baris {subs[5]}, kolom uraian: nama sub kegiatan kosong dan tidak ada kode" in problems
    assert f"baris {inds[0]}, kolom indikator: baris indikator tanpa nama indikator" in problems
    assert not Node.objects.exists() and not Indicator.objects.exists()
    assert not Import.objects.exists()

    lines = original.splitlines(keepends=True)
    lines[subs[0]] = lines[subs[0]].replace(",sub_kegiatan,", ",subkegiatan,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ImportRejected) as exc:
        import_table(path, paser, 2025)
    assert f"baris {subs[0]}, kolom level" in exc.value.problems[0]
    assert not Node.objects.exists() and not Import.objects.exists()


def test_findings_stored_with_import(paser: Any) -> None:
    from kinerja.store.models import ImportFinding
    from kinerja.store.services.importer import import_table

    result = import_table(DEMO / "paser" / "tc29.csv", paser, 2025)
    stored = list(ImportFinding.objects.filter(source=result.source).order_by("id")
                  .values_list("row", "column", "rule"))
    assert stored == [f.key() for f in result.findings]
    assert len(stored) > 10
    assert ("ratio_mismatch" in {r for _, _, r in stored})


def test_not_a_table_is_rejected(paser: Any, tmp_path: Path) -> None:
    from kinerja.store.services.importer import ImportRejected, import_table

    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as exc:
        import_table(bad, paser, 2025)
    assert "meta" in exc.value.problems[0]


def test_import_needs_permission(world: Any) -> None:
    from kinerja.store import permissions
    from kinerja.store.services.importer import import_table

    for role in ("bappeda", "inspektorat", "bidang", "pimpinan", "none"):
        with pytest.raises(permissions.Denied):
            import_table(DEMO / "paser" / "tc29.csv", world.own, 2025, user=world.users[role])
    with pytest.raises(permissions.Denied):
        import_table(DEMO / "paser" / "tc29.csv", world.sibling, 2025,
                     user=world.users["perencana"])
    result = import_table(DEMO / "paser" / "tc29.csv", world.own, 2025,
                          user=world.users["perencana"])
    assert result.source.imported_by == world.users["perencana"]


def test_same_code_under_another_name_is_one_node(db: Any) -> None:
    from kinerja.store.models import BudgetLine, Node
    from kinerja.store.services.agencies import add_agency
    from kinerja.store.services.importer import import_table

    smd = add_agency("samarinda", "BKPSDM Samarinda", "Kota Samarinda", "kabkota")[0]
    import_table(DEMO / "samarinda" / "lampiran3-evaluasi-triwulan-des.csv", smd, 2024)
    import_table(DEMO / "samarinda" / "t13-realisasi-belanja-langsung.csv", smd, 2024)
    programs = Node.objects.filter(agency=smd, level="program")
    assert sorted(programs.values_list("code", flat=True)) == ["5.03.01", "5.03.02", "5.04.02"]
    support = programs.get(code="5.03.01")
    stages = set(BudgetLine.objects.filter(node=support).values_list("stage", "source__file_name"))
    assert ("dpa", "lampiran3-evaluasi-triwulan-des.csv") in stages
    assert ("dpa", "t13-realisasi-belanja-langsung.csv") in stages
