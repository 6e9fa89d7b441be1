"""A composite index (a secretariat service index: 40 % documents on time, 30 % absorption,
25 % staff trained, 5 % facilities working) computed from its definition file, stored for an
agency and year, and filling the indicator the definition names."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kinerja.cli import main

pytestmark = pytest.mark.django_db

EXAMPLE = (Path(__file__).resolve().parents[2] / "src" / "kinerja" / "data" / "contoh-indeks"
           / "komposit-sekretariat.yaml")


def run(*args: str) -> Any:
    """Run `kinerja ARGS` and return the click result."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_working_shown_without_storing() -> None:
    r = run("komposit", "hitung", str(EXAMPLE))
    assert r.exit_code == 0, r.output
    assert r.output.strip() == (
        "Indeks Pelayanan Sekretariat = 40 % × 95,00 (19/20) + 30 % × 88,50 + 25 % × 60,00 "
        "(30/50) + 5 % × 100,00 (12/12) = 38,00 + 26,55 + 15,00 + 5,00 = 84,55")


def test_definition_attached_to_its_indicator_fills_it(db: Any, tmp_path: Path) -> None:
    from kinerja.store.models import Agency, IndexResult, Indicator, Realisation

    r = run("pd", "tambah", "paser", "--nama", "BKPSDM Kabupaten Paser", "--pemda",
            "Kabupaten Paser", "--tingkat", "kabkota")
    assert r.exit_code == 0, r.output
    agency = Agency.objects.get(slug="paser")
    iku = Indicator.objects.create(agency=agency, key="indeks-sekretariat",
                                   name="Indeks Pelayanan Sekretariat", unit="indeks",
                                   kind="level")
    definition = tmp_path / "komposit.yaml"
    definition.write_text(EXAMPLE.read_text(encoding="utf-8")
                          + "indikator: indeks-sekretariat\n", encoding="utf-8")
    r = run("komposit", "hitung", str(definition), "--pd", "paser", "--tahun", "2024")
    assert r.exit_code == 0, r.output
    stored = IndexResult.objects.get(agency=agency, year=2024, kind="komposit")
    assert stored.value == Decimal("84.55") and stored.name == "Indeks Pelayanan Sekretariat"
    assert stored.settings["indikator"] == "indeks-sekretariat"
    real = Realisation.objects.get(indicator=iku, year=2024, quarter=0)
    assert real.value == Decimal("84.55") and "komposit.yaml" in real.note
    # computing again updates the stored result instead of adding one
    r = run("komposit", "hitung", str(definition), "--pd", "paser", "--tahun", "2024")
    assert r.exit_code == 0 and IndexResult.objects.filter(kind="komposit").count() == 1


def test_weights_must_add_up_to_100(tmp_path: Path) -> None:
    bad = tmp_path / "salah.yaml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("bobot: 40", "bobot: 45"),
                   encoding="utf-8")
    r = CliRunner().invoke(main, ["komposit", "hitung", str(bad)])
    assert r.exit_code == 2
    assert "bobot komponen berjumlah 105, harus 100" in r.output
