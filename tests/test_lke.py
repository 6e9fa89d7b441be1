"""SAKIP evaluation (LKE, rules.md §7): structure as data, scoring, grade, recommendations."""

from __future__ import annotations

import csv
import json
from datetime import date
from decimal import Decimal as D
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja.cli import main
from kinerja.core.indices import lke
from kinerja.core.indices.common import IndeksError

CONTOH = Path(__file__).resolve().parent.parent / "src/kinerja/data/contoh-indeks"
J = lke.JawabanKriteria


def test_structure_88_2021_weights() -> None:
    s = lke.PERMENPANRB_88_2021
    assert [(k.nama, k.bobot) for k in s.komponen] == [
        ("Perencanaan Kinerja", 30), ("Pengukuran Kinerja", 30), ("Pelaporan Kinerja", 15),
        ("Evaluasi Akuntabilitas Kinerja Internal", 25)]
    assert s.bobot_total == 100
    pelaporan = s.komponen[2]
    assert [sub.bobot for sub in pelaporan.sub] == [D("3"), D("4.5"), D("7.5")]
    assert [sub.bobot for sub in s.komponen[3].sub] == [D("5"), D("7.5"), D("12.5")]


def test_structure_12_2015_weights() -> None:
    s = lke.PERMENPANRB_12_2015
    assert [k.bobot for k in s.komponen] == [30, 25, 15, 10, 20]
    assert s.bobot_total == 100


def test_answer_values() -> None:
    assert [lke.nilai_jawaban(a) for a in ("AA", "A", "BB", "B", "CC", "C", "D", "E")] == [
        100, 90, 80, 70, 60, 50, 30, 0]
    assert lke.nilai_jawaban(" bb ") == 80
    with pytest.raises(IndeksError):
        lke.nilai_jawaban("F")


def test_sub_component_is_mean_over_weight() -> None:
    s = lke.PERMENPANRB_88_2021
    answers = [J("Perencanaan Kinerja", "Pemanfaatan", "k1", "CC"),
               J("1", "c", "k2", "C"),
               J("perencanaan kinerja", "1.c", "k3", "C")]
    result = lke.nilai(s, answers)
    sub = result.komponen[0].sub[2]
    assert sub.kriteria == 3 and sub.rata_rata == Fraction(160, 3)
    assert sub.nilai == Fraction(8)  # 53,33 % × 15
    assert result.komponen[0].sub[0].nilai == 0
    assert any("Keberadaan" in w for w in result.peringatan)


def test_unknown_component_or_sub_component_names_the_row() -> None:
    s = lke.PERMENPANRB_88_2021
    with pytest.raises(IndeksError, match="baris 7: komponen 'Capaian Kinerja'"):
        lke.nilai(s, [J("Capaian Kinerja", "a", "k", "A", baris=7)])
    with pytest.raises(IndeksError, match="subkomponen 'Implementasi'"):
        lke.nilai(s, [J("Pelaporan Kinerja", "Implementasi", "k", "A")])


def test_samarinda_2023_bundled_example_67_50_b() -> None:
    s = lke.PERMENPANRB_88_2021
    rows = list(csv.DictReader((CONTOH / "lke-samarinda-2023.csv").open(encoding="utf-8")))
    answers = [J(r["komponen"], r["subkomponen"], r["kriteria"], r["jawaban"], r["penilai"])
               for r in rows]
    ev = lke.evaluasi(s, answers)
    main_result = ev.utama
    assert main_result.penilai == "evaluator"
    assert [k.nilai for k in main_result.komponen] == [
        Fraction("21.5"), Fraction("17.25"), Fraction("11.25"), Fraction("17.5")]
    assert main_result.total == D("67.50")
    assert main_result.predikat.code == "B" and main_result.predikat.label == "Baik"
    assert main_result.kerja() == "21,50 + 17,25 + 11,25 + 17,50 = 67,50 → B (Baik)"
    mandiri = ev.get("mandiri")
    assert mandiri is not None and mandiri.total == D("74.90")
    assert mandiri.predikat.code == "BB"
    data = ev.to_dict()
    assert data["selisih_evaluator_mandiri"]["total"] == "-7.40"


def test_printed_component_table_of_samarinda(fixtures_dir: Path) -> None:
    rows = list(csv.DictReader(
        (fixtures_dir / "samarinda-lkip-2024/t5-komponen-lke.csv").open(encoding="utf-8")))
    scores = {r["komponen"]: D(r["nilai"].replace(",", ".")) for r in rows if r["level"] == "lain"}
    total, band = lke.total_komponen(lke.PERMENPANRB_88_2021, scores)
    assert total == D("67.50") and band.code == "B"
    printed_total = D(rows[-1]["nilai"].replace(" ", "").replace(",", "."))
    assert printed_total == total
    assert lke.PERMENPANRB_88_2021.skala.read_label(rows[-1]["keterangan"]) == band


def test_component_score_cannot_exceed_weight() -> None:
    with pytest.raises(IndeksError):
        lke.total_komponen(lke.PERMENPANRB_12_2015, {"Evaluasi Internal": D("12")})
    s = lke.PERMENPANRB_12_2015
    answers = [J(k.kode, sub.kode, "k", "AA") for k in s.komponen for sub in k.sub]
    result = lke.nilai(s, answers)
    assert result.total == 100 and result.predikat.code == "AA"
    assert all(k.nilai == k.komponen.bobot for k in result.komponen)


@pytest.mark.parametrize(("answer", "grade"), [("A", "A"), ("BB", "BB"), ("AA", "AA"),
                                               ("E", "D")])
def test_grade_from_uniform_answers(answer: str, grade: str) -> None:
    s = lke.PERMENPANRB_88_2021
    answers = [J(k.nama, sub.nama, "k", answer) for k in s.komponen for sub in k.sub]
    # 90,00 exactly is A (lower bound exclusive), 80,00 is BB
    assert lke.nilai(s, answers).predikat.code == grade


def test_unknown_assessor() -> None:
    with pytest.raises(IndeksError, match="penilai 'auditor'"):
        lke.evaluasi(lke.PERMENPANRB_88_2021, [J("1", "a", "k", "A", "auditor")])


# --- recommendations --------------------------------------------------------------------


def test_recommendations_counts_and_overdue() -> None:
    recs = [
        lke.Rekomendasi("r1", status=lke.StatusTL.SELESAI, batas_waktu=date(2024, 6, 30)),
        lke.Rekomendasi("r2", status=lke.StatusTL.PROSES, batas_waktu=date(2024, 9, 30)),
        lke.Rekomendasi("r3", status=lke.StatusTL.BELUM, batas_waktu=date(2024, 12, 31)),
        lke.Rekomendasi("r4", status=lke.StatusTL.BELUM),
    ]
    rekap = lke.rekap_rekomendasi(recs, date(2024, 12, 31))
    assert rekap.per_status == {lke.StatusTL.BELUM: 2, lke.StatusTL.PROSES: 1,
                                lke.StatusTL.SELESAI: 1}
    assert [r.rekomendasi for r in rekap.terlambat] == ["r2"]  # due today is not overdue
    assert rekap.selesai_persen == D("25.00")
    later = lke.rekap_rekomendasi(recs, date(2025, 1, 1))
    assert [r.rekomendasi for r in later.terlambat] == ["r2", "r3"]
    json.dumps(rekap.to_dict())


def test_status_from_text() -> None:
    assert lke.status_dari_teks("Dalam Proses") is lke.StatusTL.PROSES
    assert lke.status_dari_teks("Tuntas") is lke.StatusTL.SELESAI
    assert lke.status_dari_teks("BELUM") is lke.StatusTL.BELUM
    with pytest.raises(IndeksError):
        lke.status_dari_teks("ditunda")


# --- command line -------------------------------------------------------------------------


def test_cli_json_reproduces_samarinda() -> None:
    res = CliRunner().invoke(main, ["lke", "hitung", str(CONTOH / "lke-samarinda-2023.csv"),
                                    "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert [(k["nama"], k["bobot"], k["nilai"]) for k in data["komponen"]] == [
        ("Perencanaan Kinerja", "30", "21.50"), ("Pengukuran Kinerja", "30", "17.25"),
        ("Pelaporan Kinerja", "15", "11.25"),
        ("Evaluasi Akuntabilitas Kinerja Internal", "25", "17.50")]
    assert data["total"] == "67.50" and data["predikat"] == "B" and data["label"] == "Baik"
    assert data["penilaian"]["mandiri"]["total"] == "74.90"


def test_cli_text() -> None:
    res = CliRunner().invoke(main, ["lke", "hitung", str(CONTOH / "lke-samarinda-2023.csv")])
    assert res.exit_code == 0, res.output
    assert "67,50 → B (Baik)" in res.output


def test_cli_bad_rows(tmp_path: Path) -> None:
    f = tmp_path / "lke.csv"
    f.write_text("komponen,subkomponen,kriteria,jawaban,penilai\n"
                 "Perencanaan Kinerja,Keberadaan,k1,A,evaluator\n"
                 "Capaian,Keberadaan,k2,A,evaluator\n"
                 "Pelaporan Kinerja,Kualitas,k3,Z,evaluator\n"
                 "Pelaporan Kinerja,Kualitas,k4,A,auditor\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["lke", "hitung", str(f)])
    assert res.exit_code == 2
    assert "baris 3, kolom komponen" in res.output
    assert "baris 4, kolom jawaban" in res.output
    assert "baris 5, kolom penilai" in res.output
    assert "Traceback" not in res.output


def test_cli_recommendations() -> None:
    res = CliRunner().invoke(main, ["lke", "rekomendasi", str(CONTOH / "lke-rekomendasi.csv"),
                                    "--tanggal", "2024-12-31", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["per_status"] == {"belum": 1, "dalam proses": 2, "selesai": 1}
    assert [r["nomor"] for r in data["terlambat"]] == ["2"]
