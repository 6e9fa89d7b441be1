"""Indeks Profesionalitas ASN (rules.md §9, Peraturan BKN 8/2019): every branch of the rubric,
the window edges, NIP checks, means per agency, Samarinda's listing, and the command."""

from __future__ import annotations

import csv
import json
import re
import shutil
from datetime import date
from decimal import Decimal as D
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja.cli import main
from kinerja.core import scales
from kinerja.core.indices import ipasn
from kinerja.core.indices.common import IndeksError

CONTOH = Path(__file__).resolve().parent.parent / "src/kinerja/data/contoh-indeks/ipasn"
REF = date(2024, 12, 31)
CFG = ipasn.Pengaturan()
T = ipasn.JenisPengembangan
J = ipasn.Jabatan
NIP = "199001012015032004"


def dev(kind: ipasn.JenisPengembangan, when: date, jp: str = "0", fits: bool = True
        ) -> ipasn.Pengembangan:
    return ipasn.Pengembangan(NIP, kind, D(jp), when, fits)


def komp(jabatan: ipasn.Jabatan, *rows: ipasn.Pengembangan,
         cfg: ipasn.Pengaturan = CFG, ref: date = REF) -> D:
    return ipasn.skor_kompetensi(jabatan, rows, ref, cfg).nilai


# --- kualifikasi ---------------------------------------------------------------------------


@pytest.mark.parametrize(("edu", "points"), [
    ("S3", 25), ("S2", 20), ("S1", 15), ("D4", 15), ("D3", 10), ("D2", 5), ("D1", 5),
    ("SLTA", 5), ("SLTP", 1), ("SD", 1), ("S-1", 15), ("D-IV", 15), ("sma", 5)])
def test_kualifikasi(edu: str, points: int) -> None:
    assert ipasn.skor_kualifikasi(edu).nilai == points


def test_kualifikasi_unknown() -> None:
    with pytest.raises(IndeksError):
        ipasn.skor_kualifikasi("S4")


# --- kinerja -----------------------------------------------------------------------------


@pytest.mark.parametrize(("score", "points"), [
    ("100", 30), ("91", 30), ("90.5", 25), ("90", 25), ("76", 25), ("75.99", 15), ("61", 15),
    ("60", 5), ("51", 5), ("50.9", 1), ("50", 1), ("0", 1)])
def test_kinerja_bands(score: str, points: int) -> None:
    assert ipasn.skor_kinerja(D(score)).nilai == points


def test_kinerja_reason() -> None:
    assert ipasn.skor_kinerja(D("85")).alasan == "nilai kinerja 85 (baik) → 25"


# --- disiplin ----------------------------------------------------------------------------


def pen(level: ipasn.Tingkat, when: date) -> ipasn.Hukuman:
    return ipasn.Hukuman(NIP, level, when)


def test_disiplin_levels_and_heaviest() -> None:
    R, S, B = ipasn.Tingkat.RINGAN, ipasn.Tingkat.SEDANG, ipasn.Tingkat.BERAT
    assert ipasn.skor_disiplin([], REF, CFG).nilai == 5
    assert ipasn.skor_disiplin([pen(R, date(2024, 1, 1))], REF, CFG).nilai == 3
    assert ipasn.skor_disiplin([pen(S, date(2024, 1, 1))], REF, CFG).nilai == 2
    assert ipasn.skor_disiplin([pen(B, date(2024, 1, 1))], REF, CFG).nilai == 1
    mixed = [pen(R, date(2024, 5, 1)), pen(B, date(2021, 1, 1)), pen(S, date(2023, 1, 1))]
    skor = ipasn.skor_disiplin(mixed, REF, CFG)
    assert skor.nilai == 1 and "berat 2021-01-01" in skor.alasan


def test_disiplin_five_year_edge_inclusive() -> None:
    B = ipasn.Tingkat.BERAT
    assert ipasn.skor_disiplin([pen(B, date(2019, 12, 31))], REF, CFG).nilai == 1
    outside = ipasn.skor_disiplin([pen(B, date(2019, 12, 30))], REF, CFG)
    assert outside.nilai == 5 and "lebih lama tidak dihitung" in outside.alasan
    exclusive = ipasn.Pengaturan(tepi_inklusif=False)
    assert ipasn.skor_disiplin([pen(B, date(2019, 12, 31))], REF, exclusive).nilai == 5
    # a decision after the reference date does not count yet
    assert ipasn.skor_disiplin([pen(B, date(2025, 1, 1))], REF, CFG).nilai == 5


# --- kompetensi --------------------------------------------------------------------------


@pytest.mark.parametrize("jabatan", [J.JPT, J.ADMINISTRATOR, J.PENGAWAS])
def test_struktural_branches(jabatan: ipasn.Jabatan) -> None:
    lead = dev(T.KEPEMIMPINAN, date(2010, 5, 1), "200")
    tech = dev(T.TEKNIS, date(2024, 1, 10), "20")
    sem = dev(T.SEMINAR, date(2024, 6, 1))
    assert komp(jabatan) == 0
    assert komp(jabatan, lead) == 15  # at any time
    assert komp(jabatan, tech) == 15
    assert komp(jabatan, sem) == 10
    assert komp(jabatan, lead, tech, sem) == 40
    # functional training does not count for a structural position
    assert komp(jabatan, dev(T.FUNGSIONAL, date(2020, 1, 1))) == 0
    # training not matching the position does not count
    assert komp(jabatan, dev(T.KEPEMIMPINAN, date(2010, 5, 1), fits=False)) == 0


def test_fungsional_branches_and_worked_example() -> None:
    func = dev(T.FUNGSIONAL, date(2015, 3, 1), "60")
    tech = dev(T.TEKNIS, date(2024, 8, 1), "24")
    sem = dev(T.SEMINAR, date(2024, 6, 1))
    assert komp(J.FUNGSIONAL, func) == 15
    assert komp(J.FUNGSIONAL, tech) == 15
    assert komp(J.FUNGSIONAL, sem) == 10
    assert komp(J.FUNGSIONAL, func, tech, sem) == 40
    assert komp(J.FUNGSIONAL, dev(T.KEPEMIMPINAN, date(2015, 1, 1))) == 0
    # rules.md §9: S-1, functional training, 24 JP technical, no seminar, 85, no penalty
    p = ipasn.Pegawai(NIP, "Contoh", "Instansi", J.FUNGSIONAL, "S1", D(85))
    result = ipasn.skor_pegawai(p, [func, tech], [], REF)
    assert (result.kualifikasi.nilai, result.kompetensi.nilai, result.kinerja.nilai,
            result.disiplin.nilai) == (15, 30, 25, 5)
    assert result.nilai == 75 and result.kategori.label == "Sedang"
    assert "teknis 24 JP dalam 2 tahun terakhir → 15" in result.kompetensi.alasan


def test_pelaksana_branches() -> None:
    tech = dev(T.TEKNIS, date(2024, 6, 1), "24")
    sem = dev(T.SEMINAR, date(2023, 6, 1))
    assert komp(J.PELAKSANA, tech) == D("22.5")
    assert komp(J.PELAKSANA, sem) == D("17.5")
    assert komp(J.PELAKSANA, tech, sem) == 40
    # leadership and functional trainings give a pelaksana nothing
    assert komp(J.PELAKSANA, dev(T.KEPEMIMPINAN, date(2024, 1, 1)),
                dev(T.FUNGSIONAL, date(2024, 1, 1))) == 0
    reason = ipasn.skor_kompetensi(J.PELAKSANA, [tech], REF, CFG).alasan
    assert "teknis 24 JP dalam 1 tahun terakhir → 22,5" in reason


def test_technical_jp_add_up_matching_only() -> None:
    a = dev(T.TEKNIS, date(2024, 3, 1), "12")
    b = dev(T.TEKNIS, date(2024, 9, 1), "8")
    c = dev(T.TEKNIS, date(2024, 10, 1), "30", fits=False)
    assert komp(J.PELAKSANA, a) == 0
    assert komp(J.PELAKSANA, a, b) == D("22.5")  # 12 + 8 = 20 JP
    assert komp(J.PELAKSANA, a, c) == 0  # not matching the position
    assert komp(J.PELAKSANA, dev(T.TEKNIS, date(2024, 3, 1), "19.5")) == 0


def test_one_year_edge_for_pelaksana() -> None:
    exactly = dev(T.TEKNIS, date(2023, 12, 31), "20")
    before = dev(T.TEKNIS, date(2023, 12, 30), "20")
    assert komp(J.PELAKSANA, exactly) == D("22.5")  # inclusive: exactly one year counts
    assert komp(J.PELAKSANA, before) == 0
    assert komp(J.PELAKSANA, exactly, cfg=ipasn.Pengaturan(tepi_inklusif=False)) == 0
    # completed after the reference date: not yet
    assert komp(J.PELAKSANA, dev(T.TEKNIS, date(2025, 1, 1), "20")) == 0


def test_two_year_edges() -> None:
    assert komp(J.PELAKSANA, dev(T.SEMINAR, date(2022, 12, 31))) == D("17.5")
    assert komp(J.PELAKSANA, dev(T.SEMINAR, date(2022, 12, 30))) == 0
    # technical training for other kinds: default window 2 years, a setting
    assert komp(J.FUNGSIONAL, dev(T.TEKNIS, date(2022, 12, 31), "20")) == 15
    assert komp(J.FUNGSIONAL, dev(T.TEKNIS, date(2022, 12, 30), "20")) == 0
    three = ipasn.Pengaturan(jendela_teknis_lainnya=3)
    assert komp(J.FUNGSIONAL, dev(T.TEKNIS, date(2022, 12, 30), "20"), cfg=three) == 15
    # the pelaksana window is 1 year whatever the setting for the other kinds
    assert komp(J.PELAKSANA, dev(T.TEKNIS, date(2023, 6, 1), "20"), cfg=three) == 0


def test_leap_day_reference() -> None:
    ref = date(2024, 2, 29)
    assert komp(J.PELAKSANA, dev(T.TEKNIS, date(2023, 2, 28), "20"), ref=ref) == D("22.5")
    assert komp(J.PELAKSANA, dev(T.TEKNIS, date(2023, 2, 27), "20"), ref=ref) == 0


# --- NIP ---------------------------------------------------------------------------------


def test_valid_nip() -> None:
    info, problems = ipasn.periksa_nip("19900101 201503 2 004", REF)
    assert problems == [] and info is not None
    assert info.tanggal_lahir == date(1990, 1, 1)
    assert (info.tmt_tahun, info.tmt_bulan) == (2015, 3)
    assert info.jenis_kelamin == "P" and info.urut == 4


@pytest.mark.parametrize(("nip", "fragment"), [
    ("19900101201503200", "18 angka"),
    ("1990010120150320041", "18 angka"),
    ("19900101201503200A", "18 angka"),
    ("199002302015032004", "tanggal lahir 19900230"),
    ("199001012015132004", "bulan pengangkatan 201513"),
    ("199001012015033004", "jenis kelamin '3'"),
    ("199001012015032000", "nomor urut 000"),
    ("199001012005032004", "sebelum usia 18 tahun"),
    ("199001012025032004", "sesudah tanggal acuan"),
])
def test_bad_nips(nip: str, fragment: str) -> None:
    info, problems = ipasn.periksa_nip(nip, REF)
    assert info is None
    assert any(fragment in p for p in problems), problems


# --- means per agency --------------------------------------------------------------------


def person(nip: str, instansi: str, jabatan: ipasn.Jabatan, edu: str, score: str | None
           ) -> ipasn.Pegawai:
    return ipasn.Pegawai(nip, f"P{nip[-3:]}", instansi, jabatan, edu,
                         None if score is None else D(score))


def test_means_over_measured_and_ranking() -> None:
    people = [
        person("199001012015031001", "A", J.PELAKSANA, "SLTA", "55"),     # 5+0+5+5 = 15
        person("199001012015031002", "A", J.FUNGSIONAL, "S2", "95"),      # 20+0+30+5 = 55
        person("199001012015031003", "B", J.JPT, "S3", "95"),             # 25+0+30+5 = 60
        person("199001012015031004", "B", J.PELAKSANA, "S1", None),       # not measured
    ]
    result = ipasn.hitung(people, [], [], REF)
    assert [r.instansi for r in result.instansi] == ["B", "A"]
    a = result.instansi[1]
    assert a.jumlah == 2 and a.kualifikasi == Fraction(25, 2) and a.nilai == D("35.00")
    assert result.pemerintah is not None
    assert result.pemerintah.jumlah == 3 and result.pemerintah.nilai_exact == Fraction(130, 3)
    assert result.pemerintah.nilai == D("43.33")
    assert [p.nip for p, _ in result.tidak_diukur] == ["199001012015031004"]
    data = result.to_dict()
    json.dumps(data)
    assert data["instansi"][0] == {
        "peringkat": 1, "instansi": "B", "jumlah": 1, "kualifikasi": "25.00",
        "kompetensi": "0.00", "kinerja": "30.00", "disiplin": "5.00", "nilai": "60.00",
        "kategori": "Sangat Rendah"}


def test_duplicate_nip_and_unknown_nip_warnings() -> None:
    p = person(NIP, "A", J.PELAKSANA, "SLTA", "55")
    with pytest.raises(IndeksError, match="lebih dari sekali"):
        ipasn.hitung([p, p], [], [], REF)
    other = ipasn.Pengembangan("199901012020011001", T.TEKNIS, D(20), date(2024, 1, 1), True, 5)
    result = ipasn.hitung([p], [other], [], REF)
    assert result.peringatan == (
        "pengembangan baris 5: NIP 199901012020011001 tidak ada di daftar pegawai",)


# --- Samarinda's listing (EN numbers: '3,454' is 3454, '21.88' is 21.88) ----------------------


def en_count(text: str) -> int | None:
    """A count printed with ',' thousands; None when the groups are malformed ('3,19')."""
    if re.fullmatch(r"\d{1,3}(,\d{3})*", text):
        return int(text.replace(",", ""))
    return None


def listing(fixtures_dir: Path, name: str) -> list[tuple[dict[str, str], ipasn.BarisListing]]:
    path = fixtures_dir / "samarinda-lkip-2024" / name
    out = []
    for row in csv.DictReader(path.open(encoding="utf-8")):
        out.append((row, ipasn.BarisListing(
            instansi=row["instansi"], kualifikasi=D(row["kualifikasi"]),
            kompetensi=D(row["kompetensi"]), kinerja=D(row["kinerja"]),
            disiplin=D(row["disiplin"]), nilai=D(row["nilai"]), kategori=row["kategori"],
            jumlah=en_count(row["jumlah_asn"]))))
    return out


@pytest.mark.parametrize("name", ["ipasn-pns.csv", "ipasn-pppk.csv"])
def test_listing_totals_and_categories(fixtures_dir: Path, name: str) -> None:
    rows = listing(fixtures_dir, name)
    assert len(rows) == 46
    for _, r in rows:
        assert r.periksa() == [], r.instansi
        assert abs(r.nilai - r.nilai_dihitung) <= ipasn.TOLERANSI_LISTING
        assert scales.IPASN.classify(r.nilai).label.lower() == r.kategori
    # ranked by the total, highest first
    totals = [r.nilai for _, r in rows]
    assert totals == sorted(totals, reverse=True)


def test_listing_bad_counts(fixtures_dir: Path) -> None:
    bad = [int(raw["no"]) for raw, r in listing(fixtures_dir, "ipasn-pns.csv") if r.jumlah is None]
    assert bad == [20, 31, 32]  # '3,19', '4,02', '3,19': a trailing zero lost


def test_samarinda_2024_pns(fixtures_dir: Path) -> None:
    rows = {r.instansi: r for _, r in listing(fixtures_dir, "ipasn-pns.csv")}
    smd = rows["Pemerintah Kota Samarinda"]
    assert smd.nilai_dihitung == D("74.71")  # 20,93 + 25,03 + 23,75 + 5
    assert smd.nilai == D("74.7")
    assert scales.IPASN.classify(smd.nilai_dihitung).label == "Sedang"
    assert smd.jumlah == 5862


def test_listing_check_finds_errors() -> None:
    wrong = ipasn.BarisListing("X", D("20.93"), D("25.03"), D("23.75"), D("5"), D("75.7"),
                               "tinggi")
    problems = wrong.periksa()
    assert len(problems) == 2
    assert "jumlah dimensi 74,71" in problems[0] and "Sedang" in problems[1]


# --- command line ------------------------------------------------------------------------


def run_json(folder: Path, *extra: str) -> dict[str, object]:
    res = CliRunner().invoke(main, ["ipasn", "hitung", str(folder), "--tanggal", "2024-12-31",
                                    "--format", "json", *extra])
    assert res.exit_code == 0, res.output
    data: dict[str, object] = json.loads(res.output)
    return data


def test_cli_bundled_example() -> None:
    data = run_json(CONTOH)
    people = {p["nip"]: p for p in data["pegawai"]}  # type: ignore[union-attr,index]
    assert len(people) == 10
    dewi = people["199001012015032004"]
    assert (dewi["kualifikasi"], dewi["kompetensi"], dewi["kinerja"], dewi["disiplin"],
            dewi["nilai"], dewi["kategori"]) == ("15", "30", "25", "5", "75", "Sedang")
    assert set(dewi["alasan"]) == {"kualifikasi", "kompetensi", "kinerja", "disiplin"}
    assert people["197501012000031001"]["nilai"] == "100"
    assert people["198003152005012002"]["kompetensi"] == "25"  # seminar exactly 2 years back
    assert people["198811112012121005"]["disiplin"] == "1"  # heavy penalty exactly 5 years back
    assert people["199406062019031007"]["kompetensi"] == "22.5"  # 20 JP exactly 1 year back
    assert people["199108082014022008"]["kompetensi"] == "0"  # one day outside the window
    assert people["199108082014022008"]["disiplin"] == "5"
    instansi = data["instansi"]
    assert [(r["instansi"], r["jumlah"], r["nilai"], r["kategori"])  # type: ignore[index]
            for r in instansi] == [  # type: ignore[union-attr]
        ("Pemerintah Kota Contoh", 5, "74.80", "Sedang"),
        ("Pemerintah Kabupaten Contoh", 5, "40.00", "Sangat Rendah")]
    assert data["tidak_diukur"] == [{"nip": "199612122020122010", "nama": "Rina Marlina",
                                     "alasan": "nilai kinerja belum ada"}]
    bad = data["nip_bermasalah"]
    assert [b["nip"] for b in bad] == ["198002302005131011"]  # type: ignore[union-attr,index]


def test_cli_text() -> None:
    res = CliRunner().invoke(main, ["ipasn", "hitung", str(CONTOH), "--tanggal", "2024-12-31"])
    assert res.exit_code == 0, res.output
    assert "74,80" in res.output and "NIP bermasalah" in res.output


def test_cli_exclusive_edges_change_the_edge_cases() -> None:
    data = run_json(CONTOH, "--tepi-eksklusif")
    people = {p["nip"]: p for p in data["pegawai"]}  # type: ignore[union-attr,index]
    assert people["199406062019031007"]["kompetensi"] == "0"
    assert people["198811112012121005"]["disiplin"] == "5"


def test_cli_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(CONTOH, folder)
    pegawai = (folder / "pegawai.csv").read_text(encoding="utf-8")
    pegawai = pegawai.replace("Budi Santoso,Pemerintah Kota Contoh,pengawas,S1,70",
                              "Budi Santoso,Pemerintah Kota Contoh,kepala,S4,170")
    (folder / "pegawai.csv").write_text(pegawai, encoding="utf-8")
    dev_text = (folder / "pengembangan.csv").read_text(encoding="utf-8")
    (folder / "pengembangan.csv").write_text(
        dev_text.replace("2024-04-18", "18/13/2024"), encoding="utf-8")
    res = CliRunner().invoke(main, ["ipasn", "hitung", str(folder), "--tanggal", "2024-12-31"])
    assert res.exit_code == 2
    out = res.output
    assert "pegawai.csv, baris 4, kolom jenis_jabatan: 'kepala' tidak dikenal" in out
    assert "pegawai.csv, baris 4, kolom pendidikan" in out
    assert "pegawai.csv, baris 4, kolom nilai_kinerja" in out
    assert "pengembangan.csv, baris 3, kolom tanggal_selesai" in out
    assert "Traceback" not in out


def test_cli_missing_file_and_bad_date(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(CONTOH / "pegawai.csv", folder)
    res = CliRunner().invoke(main, ["ipasn", "hitung", str(folder), "--tanggal", "2024-12-31"])
    assert res.exit_code == 2 and "pengembangan.csv atau pengembangan.xlsx tidak ada" in res.output
    res = CliRunner().invoke(main, ["ipasn", "hitung", str(CONTOH), "--tanggal", "31 Foo 2024"])
    assert res.exit_code == 2 and "bukan tanggal" in res.output


def test_cli_xlsx_pegawai(tmp_path: Path) -> None:
    from openpyxl import Workbook

    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(CONTOH / "pengembangan.csv", folder)
    shutil.copy(CONTOH / "hukuman_disiplin.csv", folder)
    wb = Workbook()
    ws = wb.active
    ws.append(["NIP", "Nama", "Instansi", "Jenis Jabatan", "Pendidikan", "Nilai Kinerja"])
    ws.append(["199001012015032004", "Dewi Lestari", "Pemerintah Kota Contoh", "Fungsional",
               "S-1", 85])
    wb.save(folder / "pegawai.xlsx")
    data = run_json(folder)
    assert data["pemerintah"]["nilai"] == "75.00"  # type: ignore[index]
