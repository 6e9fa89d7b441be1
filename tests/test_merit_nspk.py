"""Merit system and NSPK self-assessments (rules.md §5.5): forms as data, score, index,
categories, definitions overriding the defaults, and the commands."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kinerja.cli import main
from kinerja.core.indices import formulir, merit, nspk
from kinerja.core.indices.common import IndeksError

CONTOH = Path(__file__).resolve().parent.parent / "src/kinerja/data/contoh-indeks"
A = formulir.JawabanButir


def all_merit(level: int) -> list[formulir.JawabanButir]:
    return [A(b.kode, D(level)) for _, b in merit.FORMULIR.semua_butir]


def test_merit_form_has_eight_aspects_with_equal_weight() -> None:
    f = merit.FORMULIR
    assert [a.nama for a in f.aspek] == [
        "Perencanaan Kebutuhan", "Pengadaan", "Pengembangan Karier", "Promosi dan Mutasi",
        "Manajemen Kinerja", "Penggajian, Penghargaan dan Disiplin",
        "Perlindungan dan Pelayanan", "Sistem Informasi"]
    weights = {sum(b.bobot for b in a.butir) for a in f.aspek}
    assert weights == {D(12)}


@pytest.mark.parametrize(("level", "score", "index", "category"), [
    (1, "100.00", "0.00", "I"), (2, "200.00", "0.33", "II"), (3, "300.00", "0.67", "III"),
    (4, "400.00", "1.00", "IV")])
def test_merit_uniform_levels(level: int, score: str, index: str, category: str) -> None:
    r = merit.hitung(all_merit(level))
    assert r.skor == D(score) and r.indeks == D(index) and r.kategori.code == category
    assert r.lengkap


def test_merit_index_formula_and_categories() -> None:
    assert merit.indeks(D(185)) == D("0.28")  # Paser's 185
    assert merit.indeks(D(283)) == D("0.61")
    cats = {s: merit.FORMULIR.skala.classify(D(s)).code
            for s in ("174.99", "175", "249.99", "250", "324.99", "325")}
    assert cats == {"174.99": "I", "175": "II", "249.99": "II", "250": "III",
                    "324.99": "III", "325": "IV"}


def test_merit_answers_by_label_and_incomplete_form() -> None:
    answers = [A("1.1", "Diterapkan"), A("1.2", "4"), A("2.1", D(2))]
    r = merit.hitung(answers)
    # weights 4, 4, 4 → (3 + 4 + 2) / 3 × 100 = 300
    assert r.skor == D("300.00") and not r.lengkap
    assert "20 butir belum dijawab" in r.peringatan[0]


def test_merit_bad_answers() -> None:
    with pytest.raises(IndeksError, match="butir 1.1: nilai 5 bukan pilihan"):
        merit.hitung([A("1.1", "5")])
    with pytest.raises(IndeksError, match="jawaban 'Luar biasa' tidak dikenal"):
        merit.hitung([A("1.1", "Luar biasa")])
    with pytest.raises(IndeksError, match="baris 4: butir '9.9' tidak ada"):
        merit.hitung([A("9.9", "1", baris=4)])
    with pytest.raises(IndeksError, match="lebih dari sekali"):
        merit.hitung([A("1.1", "1"), A("1.1", "2")])


def test_results_say_defaults_are_unconfirmed() -> None:
    data = merit.hitung(all_merit(2)).to_dict()
    json.dumps(data)
    assert data["belum_terkonfirmasi"] is True and "belum terkonfirmasi" in data["catatan"]
    assert data["skor"] == "200.00" and data["indeks"] == "0.33" and data["kategori"] == "II"
    assert data["aspek"][0]["bobot_persen"] == "12.50"


def test_nspk_eighteen_elements_equal_weights() -> None:
    f = nspk.FORMULIR
    assert len(f.aspek) == 18 and all(len(a.butir) == 1 for a in f.aspek)
    values = [82, 78, 90, 70, 75, 65, 88, 80, 85, 92, 72, 86, 90, 95, 70, 96, 68, 84]
    r = nspk.hitung([A(str(i), D(v)) for i, v in enumerate(values, start=1)])
    assert r.skor == D("81.44") and r.indeks == D("81.44")  # 1 466 / 18
    assert r.kategori.code == "B"


@pytest.mark.parametrize(("value", "category"), [
    ("85.01", "A"), ("85", "B"), ("70.01", "B"), ("70", "C"), ("55", "D"), ("40", "E"),
    ("25", "E"), ("100", "A")])
def test_nspk_categories(value: str, category: str) -> None:
    r = nspk.hitung([A(str(i), D(value)) for i in range(1, 19)])
    assert r.kategori.code == category


def test_nspk_element_by_name_and_range() -> None:
    r = nspk.hitung([A("Cuti", "100")])
    assert r.skor == 100 and not r.lengkap
    with pytest.raises(IndeksError, match="di luar rentang 0–100"):
        nspk.hitung([A("1", "101")])


def test_definition_overrides_default() -> None:
    data = yaml.safe_load((CONTOH / "merit-definisi.yaml").read_text(encoding="utf-8"))
    f = merit.dari_dict(data)
    assert len(f.semua_butir) == 9 and f.nama.startswith("Penilaian Mandiri Sistem Merit")
    assert f.skala.key == "merit"  # categories kept
    r = formulir.hitung(f, [A("1.1", "3"), A("2.1", "Diterapkan"), A("3.1", "2"),
                            A("3.2", "3"), A("4.1", "4"), A("5.1", "3"), A("6.1", "2"),
                            A("7.1", "2"), A("8.1", "1")])
    assert r.skor == D("265.00") and r.indeks == D("0.55") and r.kategori.code == "III"


def test_definition_categories_and_roundtrip() -> None:
    f = nspk.dari_dict({"kategori": [
        {"kode": "Baik", "label": "Baik", "bawah": 80},
        {"kode": "Kurang", "label": "Kurang", "atas": 80}], "belum_terkonfirmasi": False})
    r = formulir.hitung(f, [A(str(i), D(80)) for i in range(1, 19)])
    assert r.kategori.code == "Baik" and r.to_dict()["belum_terkonfirmasi"] is False
    again = nspk.dari_dict(formulir.ke_dict(nspk.FORMULIR))
    assert again.aspek == nspk.FORMULIR.aspek and again.skala.bands == nspk.FORMULIR.skala.bands


def test_bad_definitions() -> None:
    with pytest.raises(IndeksError):
        merit.dari_dict({"aspek": []})
    with pytest.raises(IndeksError):
        merit.dari_dict({"aspek": [{"nama": "X", "butir": [{"kode": "1", "bobot": "x"}]}]})
    with pytest.raises(IndeksError, match="unik"):
        merit.dari_dict({"aspek": [{"nama": "X", "butir": [{"kode": "1"}, {"kode": "1"}]}]})


# --- command line -------------------------------------------------------------------------


def test_cli_merit_json() -> None:
    res = CliRunner().invoke(main, ["merit", "hitung", str(CONTOH / "merit-penilaian.csv"),
                                    "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["skor"] == "189.58" and data["indeks"] == "0.30"
    assert data["kategori"] == "II" and data["label"] == "Kurang"
    assert data["belum_terkonfirmasi"] is True and data["lengkap"] is True
    assert len(data["aspek"]) == 8


def test_cli_merit_definition() -> None:
    res = CliRunner().invoke(main, [
        "merit", "hitung", str(CONTOH / "merit-penilaian-ringkas.csv"), "--definisi",
        str(CONTOH / "merit-definisi.yaml"), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["skor"] == "265.00"


def test_cli_nspk_text_and_json() -> None:
    res = CliRunner().invoke(main, ["nspk", "hitung", str(CONTOH / "nspk-penilaian.csv")])
    assert res.exit_code == 0, res.output
    assert "81,44" in res.output and "Belum terkonfirmasi" in res.output
    res = CliRunner().invoke(main, ["nspk", "hitung", str(CONTOH / "nspk-penilaian.csv"),
                                    "--format", "json"])
    data = json.loads(res.output)
    assert data["indeks"] == "81.44" and data["kategori"] == "B"


def test_cli_form_template_roundtrip(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["nspk", "formulir", "--format", "json"])
    assert res.exit_code == 0
    definition = tmp_path / "nspk.json"
    definition.write_text(res.output, encoding="utf-8")
    res = CliRunner().invoke(main, ["nspk", "hitung", str(CONTOH / "nspk-penilaian.csv"),
                                    "--definisi", str(definition), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["indeks"] == "81.44"


def test_cli_bad_answers(tmp_path: Path) -> None:
    f = tmp_path / "merit.csv"
    f.write_text("kode,nilai\n1.1,3\n9.9,2\n1.2,7\n1.1,2\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["merit", "hitung", str(f)])
    assert res.exit_code == 2
    assert "baris 3, kolom kode" in res.output
    assert "baris 4, kolom nilai" in res.output
    assert "baris 5, kolom kode: butir 1.1 sudah dijawab di baris 2" in res.output
    assert "Traceback" not in res.output
    bad_def = tmp_path / "def.yaml"
    bad_def.write_text("aspek: 3\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["merit", "hitung", str(f), "--definisi", str(bad_def)])
    assert res.exit_code == 2 and "aspek" in res.output
