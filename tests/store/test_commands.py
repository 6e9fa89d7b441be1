"""The record's commands through the `kinerja` command line: pd tambah, import, export,
restore and demo."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kinerja.cli import main

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "src" / "kinerja" / "data" / "demo"


def run(*args: str) -> Any:
    """Run `kinerja ARGS` and return the click result."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_pd_tambah(db: Any) -> None:
    from kinerja.store.models import Agency, Government, Unit

    r = run("pd", "tambah", "paser", "--nama", "BKPSDM Kabupaten Paser", "--pemda",
            "Kabupaten Paser", "--tingkat", "kabkota")
    assert r.exit_code == 0, r.output
    assert "PD baru: paser" in r.output and "Pemda baru: Kabupaten Paser" in r.output
    agency = Agency.objects.get(slug="paser")
    assert agency.government.level == "kabkota"
    assert Unit.objects.filter(agency=agency, kind="sekretariat").exists()
    r = run("pd", "tambah", "paser", "--nama", "BKPSDM Kabupaten Paser", "--pemda",
            "Kabupaten Paser", "--tingkat", "kabkota")
    assert r.exit_code == 0 and "sudah ada" in r.output
    r = run("pd", "tambah", "dinkes-paser", "--nama", "Dinas Kesehatan", "--pemda",
            "Kabupaten Paser", "--tingkat", "kabkota")
    assert r.exit_code == 0 and "Pemda baru" not in r.output
    assert Government.objects.count() == 1
    r = run("pd", "tambah", "x", "--nama", "X", "--pemda", "Kabupaten Paser", "--tingkat",
            "provinsi")
    assert r.exit_code != 0 and "sudah tercatat dengan tingkat kabkota" in r.output
    r = run("pd", "tambah", "Bukan Slug", "--nama", "X", "--pemda", "P", "--tingkat",
            "kabkota")
    assert r.exit_code != 0 and "slug" in r.output
    r = run("pd", "daftar")
    assert "paser" in r.output and "dinkes-paser" in r.output


def test_import_unknown_agency_is_an_error(db: Any) -> None:
    from kinerja.store.models import Agency, Import

    r = run("import", str(DEMO / "paser" / "tc29.csv"), "--pd", "paser", "--tahun", "2025")
    assert r.exit_code != 0
    assert "PD 'paser' tidak dikenal" in r.output and "kinerja pd tambah" in r.output
    assert not Agency.objects.exists() and not Import.objects.exists()


def test_import_shows_findings_and_reimport_changes_nothing(db: Any) -> None:
    run("pd", "tambah", "paser", "--nama", "BKPSDM", "--pemda", "Kabupaten Paser",
        "--tingkat", "kabkota")
    r = run("import", str(DEMO / "paser" / "tc29.csv"), "--pd", "paser", "--tahun", "2025")
    assert r.exit_code == 0, r.output
    assert "baru" in r.output and "kesalahan" in r.output and "ratio_mismatch" in r.output
    r = run("import", str(DEMO / "paser"), "--pd", "paser", "--tahun", "2025")
    assert r.exit_code == 0, r.output
    assert r.output.count("tidak berubah") == 1 and r.output.count(": baru") == 3


def test_import_rejects_unusable_file(db: Any, tmp_path: Path) -> None:
    from kinerja.store.models import Import

    run("pd", "tambah", "paser", "--nama", "BKPSDM", "--pemda", "Kabupaten Paser",
        "--tingkat", "kabkota")
    for suffix in (".csv", ".meta.yaml"):
        shutil.copy(DEMO / "paser" / f"tabel-4-1{suffix}", tmp_path / f"t{suffix}")
    path = tmp_path / "t.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = ",kegiatan,," + lines[3].split(",", 3)[3]
    path.write_text("".join(lines), encoding="utf-8")
    r = CliRunner().invoke(main, ["import", str(path), "--pd", "paser", "--tahun", "2025"])
    assert r.exit_code == 1
    assert "TIDAK DIIMPOR" in r.output
    assert "baris 3, kolom uraian: nama kegiatan kosong" in r.output
    assert not Import.objects.exists()


def test_demo_then_export_paser(db: Any) -> None:
    from django.contrib.auth.models import User

    r = run("demo", "--no-serve")
    assert r.exit_code == 0, r.output
    assert "perencana-paser" in r.output and "kinerja-demo" in r.output
    for role in ("admin-pemda", "bappeda", "inspektorat", "perencana", "bidang", "pimpinan"):
        for slug in ("paser", "kukar", "samarinda"):
            assert User.objects.filter(username=f"{role}-{slug}").exists()
    r = run("export", "--pd", "paser")
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data["agency"]["slug"] == "paser"
    names = {i["name"] for i in data["indicators"]}
    assert "Nilai SAKIP Perangkat Daerah" in names
    assert any(t["printed"] == "B (72)" for t in data["targets"])
    assert any(r["printed"] == "65,16" for r in data["realisations"])
    assert any(b["amount"] == "12018849148.00" for b in data["budget_lines"])
    first = r.output
    r = run("demo", "--no-serve")
    assert r.exit_code == 0 and "tidak berubah" in r.output and ": baru" not in r.output
    assert run("export", "--pd", "paser").output == first


def test_export_restore_commands(db: Any, tmp_path: Path) -> None:
    from django.contrib.auth.models import User

    from kinerja.store.models import Agency, AuditLog, Government

    run("pd", "tambah", "kukar", "--nama", "BKPSDM Kukar", "--pemda",
        "Kabupaten Kutai Kartanegara", "--tingkat", "kabkota")
    run("import", str(DEMO / "kukar"), "--pd", "kukar", "--tahun", "2023")
    out = tmp_path / "kukar.json"
    r = run("export", "--pd", "kukar", "-o", str(out))
    assert r.exit_code == 0 and out.is_file()
    r = CliRunner().invoke(main, ["restore", str(out)])
    assert r.exit_code != 0 and "sudah ada" in r.output
    AuditLog.objects.all().delete()
    Agency.objects.all().delete()
    Government.objects.all().delete()
    User.objects.all().delete()
    r = run("restore", str(out))
    assert r.exit_code == 0, r.output
    again = tmp_path / "again.json"
    run("export", "--pd", "kukar", "-o", str(again))
    assert again.read_bytes() == out.read_bytes()
    assert json.loads(out.read_text(encoding="utf-8"))["budget_changes"]
