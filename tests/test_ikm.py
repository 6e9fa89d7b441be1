"""IKM / SKM (PermenPANRB 14/2017, rules.md §8): NRR, exact 1/n, grade, sample size, CLI."""

from __future__ import annotations

import json
from decimal import Decimal as D
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja.cli import main
from kinerja.core import scales
from kinerja.core.indices import ikm
from kinerja.core.indices.common import IndeksError

CONTOH = Path(__file__).resolve().parent.parent / "src/kinerja/data/contoh-indeks"

# rules.md §8 worked example: 29 respondents; element sums over 29 give the printed NRRs
EXAMPLE_SUMS = [105, 101, 100, 116, 102, 105, 106, 105, 115]
EXAMPLE_NRR = ["3.6207", "3.4828", "3.4483", "4.0000", "3.5172", "3.6207", "3.6552", "3.6207",
               "3.9655"]


def example_answers() -> list[ikm.Jawaban]:
    """29 respondents answering 3 or 4 so that element k sums to EXAMPLE_SUMS[k]."""
    rows = [[4] * 9 for _ in range(29)]
    for k, total in enumerate(EXAMPLE_SUMS):
        for i in range(116 - total):  # each 3 instead of a 4 takes one point off 116
            rows[(k * 5 + i) % 29][k] = 3
    return [
        ikm.Jawaban(f"R{i}", {f"u{k + 1}": s for k, s in enumerate(r)}) for i, r in enumerate(rows)
    ]


def test_worked_example_91_48_grade_a() -> None:
    result = ikm.hitung(example_answers())
    assert [format(u.nrr, "f") for u in result.unsur] == EXAMPLE_NRR
    assert result.unsur[0].nrr_exact == Fraction(105, 29)
    assert result.nilai_interval == D("3.6590")
    assert result.ikm == D("91.48")
    assert result.ikm_exact == Fraction(955 * 25, 29 * 9)
    assert result.mutu.code == "A" and result.mutu.label == "Sangat Baik"
    assert result.jarak_ke_mutu_berikutnya is None
    assert [u.kode for u in result.unsur_terendah] == ["u3", "u2", "u5"]


def test_exact_one_ninth_not_printed_0_11() -> None:
    # the regulation's printed weight 0,11 would give 3,6590 × 9 × 0,11 × 25 = 90,56
    nrr = [D(x) for x in EXAMPLE_NRR]
    assert ikm.ikm_from_nrr(nrr) == D("91.48")
    assert (sum(nrr) * D("0.11") * 25).quantize(D("0.01")) == D("90.56")


def test_kutai_kartanegara_76_33_is_c_and_0_28_short_of_b() -> None:
    band = scales.IKM.classify(D("76.33"))
    assert (band.code, band.label) == ("C", "Kurang Baik")
    better = ikm.distance_to_better(D("76.33"))
    assert better is not None
    assert better[0].code == "B" and better[1] == D("0.28")


@pytest.mark.parametrize(
    ("value", "grade"),
    [("88.31", "A"), ("88.30", "B"), ("88.305", "A"), ("76.61", "B"), ("76.60", "C"),
     ("65.00", "C"), ("64.99", "D"), ("25", "D"), ("100", "A")],
)
def test_grade_edges(value: str, grade: str) -> None:
    assert scales.IKM.classify(D(value)).code == grade


@pytest.mark.parametrize(("population", "sample"), [(100, 80), (1000, 278), (10000, 370),
                                                     (1, 1)])
def test_krejcie_morgan(population: int, sample: int) -> None:
    assert ikm.krejcie_morgan(population) == sample


def test_fewer_responses_than_sample_warn_but_count_all() -> None:
    result = ikm.hitung(example_answers(), populasi=1000)
    assert result.sampel_minimum == 278
    assert result.responden == 29
    assert any("kurang dari sampel minimum 278" in w for w in result.peringatan)
    many = example_answers() * 20  # 580 > 370: nothing is dropped beyond the sample size
    big = ikm.hitung(many, populasi=10000)
    assert big.responden == 580 and big.ikm == D("91.48") and not big.peringatan


def test_unanswered_elements_use_only_those_who_answered() -> None:
    answers = [
        ikm.Jawaban("a", {"u1": 4, "u2": None}),
        ikm.Jawaban("b", {"u1": 2, "u2": 3}),
    ]
    result = ikm.hitung(answers)
    assert result.unsur[0].nrr == D("3") and result.unsur[0].dijawab == 2
    assert result.unsur[1].nrr == D("3") and result.unsur[1].dijawab == 1
    assert result.ikm == D("75.00")


def test_extra_elements_and_breakdown_per_service() -> None:
    answers = [
        ikm.Jawaban("a", {"u1": 4, "u10": 2}, layanan="Cuti"),
        ikm.Jawaban("b", {"u1": 3, "u10": 2}, layanan="Pensiun"),
    ]
    result = ikm.hitung(answers)
    assert [u.kode for u in result.unsur] == ["u1", "u10"]
    assert result.unsur[1].nama == "Unsur tambahan 10"
    # (3,5 + 2) / 2 × 25 = 68,75
    assert result.ikm == D("68.75") and result.mutu.code == "C"
    assert [(g.nama, g.ikm) for g in result.per_layanan] == [("Cuti", D("75.00")),
                                                            ("Pensiun", D("62.50"))]


def test_element_nobody_answered_is_left_out_with_a_warning() -> None:
    result = ikm.hitung([ikm.Jawaban("a", {"u1": 4, "u2": None})])
    assert result.ikm == D("100.00")
    assert any("u2" in w for w in result.peringatan)


def test_no_respondents_is_an_error() -> None:
    with pytest.raises(IndeksError):
        ikm.hitung([])


def test_to_dict_is_json_ready() -> None:
    data = ikm.hitung(example_answers(), populasi=100).to_dict()
    json.dumps(data)
    assert data["ikm"] == "91.48" and data["mutu"] == "A" and data["sampel_minimum"] == 80
    assert data["nrr"]["u4"] == "4.0000"


# --- command line -------------------------------------------------------------------------


def test_cli_json_on_bundled_example() -> None:
    res = CliRunner().invoke(main, ["ikm", "hitung", str(CONTOH / "ikm-survei.csv"),
                                    "--populasi", "100", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["responden"] == 29
    assert data["nrr"]["u1"] == "3.6207" and data["nrr"]["u9"] == "3.9655"
    assert data["ikm"] == "91.48" and data["mutu"] == "A" and data["kinerja_unit"] == "Sangat Baik"
    assert data["sampel_minimum"] == 80
    assert [u["kode"] for u in data["unsur_terendah"]] == ["u3", "u2", "u5"]
    assert len(data["per_layanan"]) == 4


def test_cli_text_shows_index() -> None:
    res = CliRunner().invoke(main, ["ikm", "hitung", str(CONTOH / "ikm-survei.csv")])
    assert res.exit_code == 0, res.output
    assert "91,48" in res.output and "Sangat Baik" in res.output


def test_cli_bad_score_reports_row_and_column(tmp_path: Path) -> None:
    f = tmp_path / "survei.csv"
    f.write_text("responden,u1,u2\nA,4,3\nB,5,x\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["ikm", "hitung", str(f)])
    assert res.exit_code == 2
    assert "baris 3, kolom u1" in res.output and "di luar rentang" in res.output
    assert "baris 3, kolom u2" in res.output and "bukan angka" in res.output
    assert "Traceback" not in res.output


def test_cli_missing_file_and_missing_columns(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["ikm", "hitung", str(tmp_path / "tidak-ada.csv")])
    assert res.exit_code == 2 and "tidak ditemukan" in res.output
    f = tmp_path / "survei.csv"
    f.write_text("responden,nilai\nA,4\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["ikm", "hitung", str(f)])
    assert res.exit_code == 2 and "tidak ada kolom unsur" in res.output


def test_cli_reads_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Responden", "U1", "U2"])
    ws.append(["A", 4, 3])
    ws.append(["B", 3, None])
    f = tmp_path / "survei.xlsx"
    wb.save(f)
    res = CliRunner().invoke(main, ["ikm", "hitung", str(f), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["nrr"] == {"u1": "3.5000", "u2": "3.0000"} and data["ikm"] == "81.25"
