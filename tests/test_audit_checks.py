"""The audit's shared machinery, checked on small tables built from real rows of the fixtures
(Paser T-C.29, Kutai Kartanegara Tabel 3, Samarinda T13 and Lampiran 3 ...)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.audit.common import average_targets, fmt_ratio, scale_for_indicator
from kinerja.audit.engine import AuditSettings, audit_table
from kinerja.audit.findings import Finding
from kinerja.core.doctable import KIND_COLUMNS, DocTable, Row, build_hierarchy

D = Decimal


def table(kind: str, rows: list[dict[str, str]], meta: dict[str, Any] | None = None,
          extra: tuple[str, ...] = ()) -> DocTable:
    """A document table of `kind` from cell dicts (missing cells empty)."""
    meta = {"kind": kind, **(meta or {})}
    columns = list(KIND_COLUMNS[kind]) + [c for c in (meta.get("value_columns") or {})] \
        + list(extra)
    if "level" not in columns and any("level" in r for r in rows):
        columns.append("level")
    objs = []
    for i, cells in enumerate(rows, start=1):
        full = {c: cells.get(c, "") for c in columns}
        objs.append(Row(number=i, cells=full, level=full.get("level", "")))
    build_hierarchy(objs)
    return DocTable(path="<test>", kind=kind, meta=meta, columns=columns, rows=objs)


def run(t: DocTable, **kw: Any) -> dict[tuple[int, str, str], Finding]:
    """The findings of a table by (row, column, rule)."""
    return {f.key(): f for f in audit_table(t, AuditSettings(**kw))}


def tc29(**cells: str) -> dict[str, str]:
    """A T-C.29 sub kegiatan row."""
    return {"level": "sub_kegiatan", "uraian": "Sub kegiatan", "indikator": "Jumlah", **cells}


# -- ratios ------------------------------------------------------------------------------


def test_ratio_paser_tc29_row_11() -> None:
    """45 / 68 × 100 = 66,18 %, printed 75."""
    found = run(table("evaluasi_renja", [tc29(c6_target="68", c6_satuan="Orang",
                                              c7_realisasi="45", c7_satuan="Orang",
                                              c8_tingkat_realisasi="75")]))
    f = found[(1, "c8_tingkat_realisasi", "ratio_mismatch")]
    assert f.printed == "75"
    assert f.expected == "66,18"
    assert "45 / 68 × 100 = 66,18 %, tertulis 75" in f.message
    assert f.message_en and f.severity == "error"


def test_ratio_round_or_truncate() -> None:
    """285 / 200 = 142,5 printed 142 (truncated); 818 / 1.400 = 58,428 printed 58,42."""
    t = table("evaluasi_renja", [
        tc29(c6_target="200", c7_realisasi="285", c8_tingkat_realisasi="142"),
        tc29(c6_target="1.400", c7_realisasi="818", c8_tingkat_realisasi="58,42"),
        tc29(c6_target="98", c7_realisasi="85,17", c8_tingkat_realisasi="86,91"),
    ])
    assert not [k for k in run(t) if k[2] == "ratio_mismatch"]
    rounding = {k[0] for k in run(t, tolerance="round") if k[2] == "ratio_mismatch"}
    assert rounding == {1, 2}
    truncating = {k[0] for k in run(t, tolerance="truncate") if k[2] == "ratio_mismatch"}
    assert truncating == {3}


def test_ratio_printed_empty_where_due() -> None:
    """Paser T-C.29 row 70: c11 empty where c10 = 2 and c4 = 1; a 0 numerator is no finding."""
    t = table("evaluasi_renja", [
        tc29(c4_target_renstra="1", c4_satuan="Dok", c5_realisasi_sd="1", c5_satuan="Dok",
             c7_realisasi="1", c7_satuan="Dok", c6_target="1", c6_satuan="Dok",
             c8_tingkat_realisasi="100", c10_realisasi_kumulatif="2"),
        tc29(c6_target="24", c7_realisasi="0", c8_tingkat_realisasi="-"),
    ])
    found = run(t)
    assert found[(1, "c11_tingkat_capaian", "ratio_mismatch")].expected == "200,00"
    assert not [k for k in found if k[0] == 2]


def test_division_by_zero_and_missing_numerator() -> None:
    """Kukar Tabel 1: c6 = 0 or empty with c8 printed 0,00 % is a division by zero; an empty
    c7 with c8 0,00 % (row 3) is not a finding; '#DIV/0!' always is."""
    t = table("evaluasi_renja", [
        tc29(c6_target="0", c7_realisasi="0", c8_tingkat_realisasi="0,00%"),
        tc29(c7_realisasi="1", c7_satuan="Unit", c8_tingkat_realisasi="0,00%"),
        tc29(c6_target="86", c7_realisasi="", c8_tingkat_realisasi="0,00%"),
        tc29(c6_target="5", c7_realisasi="3", c8_tingkat_realisasi="#DIV/0!"),
    ])
    found = run(t)
    assert (1, "c8_tingkat_realisasi", "division_by_zero") in found
    assert (2, "c8_tingkat_realisasi", "division_by_zero") in found
    assert not [k for k in found if k[0] == 3]
    assert (4, "c8_tingkat_realisasi", "division_by_zero") in found


def test_implausible_achievement_printed_or_recomputed() -> None:
    """Paser T-C.29 row 19: 824 / 5 = 16.480 % printed 164 (both findings); row 30 prints
    1800,00 = 18 / 1 (implausible only); exactly 500 % is not above 500 %."""
    t = table("evaluasi_renja", [
        tc29(c4_target_renstra="5", c4_satuan="Dok", c10_realisasi_kumulatif="824",
             c5_realisasi_sd="5", c7_realisasi="818", c9_target_berikut="1",
             c11_tingkat_capaian="164"),
        tc29(c4_target_renstra="1", c4_satuan="Unit", c5_realisasi_sd="10", c7_realisasi="1",
             c9_target_berikut="7", c10_realisasi_kumulatif="18", c11_tingkat_capaian="1800,00"),
        tc29(c4_target_renstra="10", c5_realisasi_sd="50", c10_realisasi_kumulatif="50",
             c11_tingkat_capaian="500"),
    ])
    found = run(t)
    assert found[(1, "c11_tingkat_capaian", "ratio_mismatch")].expected == "16.480,00"
    assert (1, "c11_tingkat_capaian", "implausible_achievement") in found
    assert (2, "c11_tingkat_capaian", "implausible_achievement") in found
    assert (2, "c11_tingkat_capaian", "ratio_mismatch") not in found
    assert not [k for k in found if k[0] == 3]
    assert found[(1, "c11_tingkat_capaian", "implausible_achievement")].severity == "warning"


def test_implausible_bounds_are_settings() -> None:
    """A bound of 1000 % lets 900 % pass."""
    t = table("evaluasi_renja", [tc29(c6_target="1", c7_realisasi="9",
                                      c8_tingkat_realisasi="900")])
    assert (1, "c8_tingkat_realisasi", "implausible_achievement") in run(t)
    assert not run(t, implausible_above=1000)


def test_fmt_ratio() -> None:
    """Recomputed percentages show the printed decimals (at least two), more when tiny."""
    assert fmt_ratio(D(45) / D(68) * 100, 0) == "66,18"
    assert fmt_ratio(D(700) / D(12_000_000) * 100, 2) == "0,0058"
    assert fmt_ratio(D("16480"), 2) == "16.480,00"


# -- cumulative and level indicators -----------------------------------------------------


def test_cumulative_flow_and_undecided() -> None:
    """Paser row 8: 31 + 33 + 37 = 101, printed 37 (orang: flow); row 28: 10 + 57 + 10 = 77,
    printed 30 (Unit: undecided, neither sum, latest 10 nor largest 57); an undecided unit
    passes with its latest value."""
    t = table("evaluasi_renja", [
        tc29(c4_target_renstra="155", c4_satuan="orang", c5_realisasi_sd="31",
             c5_satuan="Orang", c7_realisasi="33", c7_satuan="Orang", c9_target_berikut="37",
             c10_realisasi_kumulatif="37", c11_tingkat_capaian="62,58"),
        tc29(c4_target_renstra="40", c4_satuan="Unit", c5_realisasi_sd="10", c5_satuan="Unit",
             c7_realisasi="57", c7_satuan="Unit", c9_target_berikut="10",
             c10_realisasi_kumulatif="30", c11_tingkat_capaian="75,00"),
        tc29(c4_target_renstra="12", c4_satuan="Bulan", c5_realisasi_sd="12", c5_satuan="Bulan",
             c7_realisasi="6", c7_satuan="Bulan", c10_realisasi_kumulatif="6",
             c11_tingkat_capaian="50,00"),
    ])
    found = run(t)
    f = found[(1, "c10_realisasi_kumulatif", "cumulative_mismatch")]
    assert f.expected == "101" and "31 + 33 + 37 = 101" in f.message
    assert found[(1, "c11_tingkat_capaian", "ratio_mismatch")].expected == "23,87"
    assert (2, "c10_realisasi_kumulatif", "cumulative_mismatch") in found
    assert not [k for k in found if k[0] == 3]


def test_summed_level_indicator_kukar_row_62() -> None:
    """Kukar Tabel 1 row 62 (Persen): 39,98 + 22,76 = 62,74 printed as column 10; its c11
    is not checked (level indicator)."""
    t = table("evaluasi_renja", [
        tc29(c4_target_renstra="26,64", c4_satuan="Persen", c5_realisasi_sd="39,98",
             c5_satuan="Persen", c6_target="20,65", c6_satuan="Persen",
             c7_realisasi="22,76", c7_satuan="Persen", c8_tingkat_realisasi="110,22%",
             c10_realisasi_kumulatif="62,74", c11_tingkat_capaian="235,51%"),
    ])
    found = run(t)
    assert set(found) == {(1, "c10_realisasi_kumulatif", "summed_level_indicator")}
    assert found[(1, "c10_realisasi_kumulatif", "summed_level_indicator")].expected == "22,76"


# -- units and predicates ----------------------------------------------------------------


def test_units_reported_where_the_conventions_say() -> None:
    """Paser row 24: Renstra 50 Lap, target 10 Lap, realisation 10 Dok -> c4_satuan and
    c7_satuan; Lap = Laporan; a unit cell holding '100%' is unparseable and not compared."""
    t = table("evaluasi_renja", [
        tc29(c4_target_renstra="50", c4_satuan="Lap", c5_realisasi_sd="10", c5_satuan="Lap",
             c6_target="10", c6_satuan="Lap", c7_realisasi="10", c7_satuan="Dok"),
        tc29(c4_target_renstra="208", c4_satuan="Lap", c5_realisasi_sd="32",
             c5_satuan="Laporan", c6_target="55", c6_satuan="Lap", c7_realisasi="54",
             c7_satuan="laporan", c8_tingkat_realisasi="98,18"),
        tc29(c4_target_renstra="85%", c4_satuan="%", c6_target="75", c6_satuan="100%",
             c7_realisasi="85", c7_satuan="%", c8_tingkat_realisasi="85"),
    ])
    found = run(t)
    assert (1, "c4_satuan", "unit_mismatch") in found
    assert (1, "c7_satuan", "unit_mismatch") in found
    assert not [k for k in found if k[0] == 2]
    assert {k for k in found if k[0] == 3} == {
        (3, "c6_satuan", "unparseable_value"), (3, "c8_tingkat_realisasi", "ratio_mismatch")}


def test_grades_in_unit_cells_are_predicates() -> None:
    """Paser row 3 (kepuasan, IKM scale): 72 B -> C; 99,53 BB is no IKM grade. Row 4 (Nilai
    SAKIP): 60 B -> CC (lower bound exclusive)."""
    t = table("evaluasi_renja", [
        {"level": "program", "uraian": "Program", "indikator": "Indeks Kepuasan Pelayanan",
         "c4_target_renstra": "80", "c4_satuan": "Nilai", "c6_target": "72", "c6_satuan": "B",
         "c7_realisasi": "99,53", "c7_satuan": "BB", "c8_tingkat_realisasi": "138"},
        {"level": "kegiatan", "uraian": "Kegiatan", "indikator": "Nilai SAKIP Perangkat Daerah",
         "c5_realisasi_sd": "60", "c5_satuan": "B"},
    ])
    found = run(t)
    assert found[(1, "c6_satuan", "predicate_mismatch")].expected.startswith("C")
    assert (1, "c7_satuan", "predicate_mismatch") in found
    assert found[(2, "c5_satuan", "predicate_mismatch")].expected.startswith("CC")


def test_scale_for_indicator() -> None:
    """The indicator's words choose the scale."""
    assert scale_for_indicator("Indeks Kepuasan Masyarakat").key == "ikm"
    assert scale_for_indicator("Nilai SKM").key == "ikm"
    assert scale_for_indicator("Nilai AKIP").key == "sakip"
    assert scale_for_indicator("Indeks Profesionalitas ASN").key == "ipasn"
    assert scale_for_indicator("Indeks NSPK Manajemen ASN").key == "nspk"
    assert scale_for_indicator("Jumlah dokumen") is None


def test_category_scale_is_a_setting() -> None:
    """90,5 % is Tinggi on the default reading, Sangat Tinggi on the upper-inclusive one; a
    label on no band ('Tercapai sesuai target', Paser Tabel 2.2.1 row 6) is a mismatch."""
    t = table("pengukuran_kinerja", [
        {"level": "indikator", "indikator": "Persentase", "target": "100", "realisasi": "90,5",
         "capaian": "90,5", "kategori": "Sangat Tinggi"},
        {"level": "indikator", "indikator": "Indeks Survei Kepuasan Pegawai",
         "target": "B (80)", "realisasi": "B (80,92)", "capaian": "101,15",
         "kategori": "Tercapai sesuai target"},
    ])
    assert (1, "kategori", "predicate_mismatch") in run(t)
    assert (1, "kategori", "predicate_mismatch") not in run(t, predicate_scale="permendagri86_atas")
    assert set(run(t)) == {(1, "kategori", "predicate_mismatch"),
                           (2, "kategori", "predicate_mismatch")}


def test_pengukuran_grades_and_averages() -> None:
    """Paser Tabel 2.2.1: B (65,18) / BB (75) = 86,91 and the grades fit SAKIP; the average of
    sasaran II is (61,66 + 137 + 86,79 + 101,15) / 4 = 96,65; 185,5 / 300 = 61,83 ≠ 61,66. An
    average row whose scope is unknown (right after another one, in a flat list) is not
    checked."""
    rows = [
        {"level": "indikator", "indikator": "Nilai SAKIP Perangkat Daerah", "target": "BB (75)",
         "realisasi": "B (65,18)", "capaian": "86,91", "kategori": "Tinggi"},
        {"level": "rata_rata", "uraian": "Rata-rata capaian sasaran I", "capaian": "86,91"},
        {"level": "indikator", "indikator": "Hasil penilaian mandiri", "target": "300",
         "realisasi": "185,5", "capaian": "61,66", "kategori": "Rendah"},
        {"level": "indikator", "indikator": "Persentase", "target": "95%",
         "realisasi": "130,69%", "capaian": "137", "kategori": "Sangat Tinggi"},
        {"level": "indikator", "indikator": "Persentase", "target": "98%",
         "realisasi": "85,055%", "capaian": "86,79", "kategori": "Tinggi"},
        {"level": "indikator", "indikator": "Indeks Survei Kepuasan Pegawai",
         "target": "B (80)", "realisasi": "B (80,92)", "capaian": "101,15",
         "kategori": "Sangat Tinggi"},
        {"level": "rata_rata", "uraian": "Rata-rata capaian sasaran II", "capaian": "96,65"},
        {"level": "rata_rata", "uraian": "Rata-rata seluruh sasaran", "capaian": "90"},
    ]
    found = run(table("pengukuran_kinerja", rows))
    assert set(found) == {(3, "capaian", "ratio_mismatch")}
    rows[6]["capaian"] = "96,58"
    assert (7, "capaian", "ratio_mismatch") in run(table("pengukuran_kinerja", rows))


def test_negative_polarity_follows_the_setting() -> None:
    """A row marked negatif in a polaritas column: target 10, realisation 8 ->
    (2 × 10 − 8) / 10 = 120 % by default, 10 / 8 = 125 % with t_over_r."""
    rows = [{"level": "indikator", "indikator": "Jumlah pelanggaran", "target": "10",
             "realisasi": "8", "capaian": "120", "polaritas": "negatif"}]
    t = table("pengukuran_kinerja", rows, extra=("polaritas",))
    assert not run(t)
    assert (1, "capaian", "ratio_mismatch") in run(t, negative_formula="t_over_r")
    rows[0]["capaian"] = "125"
    t = table("pengukuran_kinerja", rows, extra=("polaritas",))
    assert not run(t, negative_formula="t_over_r")


# -- sums and differences ----------------------------------------------------------------

MONEY_META = {"value_columns": {
    "pagu_sebelum": {"role": "pagu"}, "pagu_sesudah": {"role": "pagu"},
    "selisih": {"role": "difference", "of": ["pagu_sesudah", "pagu_sebelum"]}}}


def test_sum_kukar_tabel3_row_17() -> None:
    """Administrasi Umum (Sesudah): the sub kegiatan give 1.244.500.000 ('-' is 0, an empty
    leaf is 0), printed 1.294.500.000."""
    subs = ["150.000.000,00", "150.000.000,00", "200.000.000,00", "-", "", "125.000.000,00",
            "344.500.000,00", "100.000.000,00", "175.000.000,00"]
    rows = [{"level": "kegiatan", "uraian": "Administrasi Umum Perangkat Daerah",
             "pagu_sesudah": "1.294.500.000,00"}]
    rows += [{"level": "sub_kegiatan", "uraian": f"Sub {i}", "pagu_sesudah": v}
             for i, v in enumerate(subs)]
    meta = {"value_columns": {"pagu_sesudah": {"role": "pagu"}}}
    found = run(table("rencana_anggaran", rows, meta))
    f = found[(1, "pagu_sesudah", "sum_mismatch")]
    assert f.printed == "1.294.500.000,00"
    assert f.expected == "1.244.500.000"
    assert f.message == ("Jumlah sub kegiatan 1.244.500.000, tertulis 1.294.500.000, "
                         "selisih 50.000.000 (rincian: baris 2–10)")
    assert set(found) == {(1, "pagu_sesudah", "sum_mismatch")}


def test_sum_empty_parent_stands_for_its_children() -> None:
    """Paser Tabel 4.1 row 33: a program over sub kegiatan and an empty kegiatan whose own sub
    kegiatan give 970.353.000; the empty kegiatan itself is not checked. An empty bidang
    between an urusan and its programs stands for their sum (Kukar Tabel 3 row 60)."""
    meta = {"value_columns": {"anggaran": {"role": "pagu"}}}
    rows = [
        {"level": "program", "uraian": "Program", "anggaran": "4.967.589.000"},
        {"level": "indikator", "indikator": "Persentase", "anggaran": ""},
        {"level": "sub_kegiatan", "uraian": "A", "anggaran": "4.967.589.000"},
        {"level": "kegiatan", "uraian": "Mutasi dan Promosi ASN", "anggaran": ""},
        {"level": "sub_kegiatan", "uraian": "B", "anggaran": "102.943.000"},
        {"level": "sub_kegiatan", "uraian": "C", "anggaran": "242.484.000"},
        {"level": "sub_kegiatan", "uraian": "D", "anggaran": "624.926.000"},
    ]
    found = run(table("rencana_anggaran", rows, meta))
    assert set(found) == {(1, "anggaran", "sum_mismatch")}
    assert found[(1, "anggaran", "sum_mismatch")].expected == "5.937.942.000"
    rows = [
        {"level": "urusan", "uraian": "Urusan", "anggaran": "33.845.455.043,00"},
        {"level": "bidang", "uraian": "Kepegawaian", "anggaran": "28.343.357.043,00"},
        {"level": "program", "uraian": "P1", "anggaran": "28.343.357.043,00"},
        {"level": "bidang", "uraian": "Pendidikan dan Pelatihan", "anggaran": ""},
        {"level": "program", "uraian": "P2", "anggaran": "5.502.098.000,00"},
    ]
    assert not run(table("rencana_anggaran", rows, meta))


def test_sum_footer_total_samarinda_t13() -> None:
    """The unlabelled footer total against programs A + B + C."""
    meta = {"value_columns": {"pagu": {"role": "pagu"}}}
    rows = [{"level": "program", "uraian": p, "pagu": v} for p, v in (
        ("A", "14.558.389.656"), ("B", "13.739.718.863,00"), ("C", "6.043.826.200,00"))]
    rows.append({"level": "total", "pagu": "23.170.691.803"})
    found = run(table("rencana_anggaran", rows, meta))
    assert found[(4, "pagu", "sum_mismatch")].expected == "34.341.934.719"


def test_difference_and_remaining_budget() -> None:
    """Samarinda T13 row 9: 1.199.654.621 − 1.114.172.307 = 85.482.314, printed 264.501.256;
    the overspend '-Rp 19.860.500' is right; Kukar: '- 8.500.000,00' and '-' for 0 are right,
    an empty difference where it is not 0 is wrong."""
    meta = {"value_columns": {
        "pagu": {"role": "pagu"}, "realisasi": {"role": "realisasi"},
        "persen": {"role": "persen", "of": ["realisasi", "pagu"]},
        "sisa": {"role": "sisa", "of": ["pagu", "realisasi"]}}}
    rows = [
        {"level": "sub_kegiatan", "uraian": "A", "pagu": "1.199.654.621,00",
         "realisasi": "1.114.172.307,00", "persen": "93", "sisa": "264.501.256,00"},
        {"level": "sub_kegiatan", "uraian": "B", "pagu": "254.994.500,00",
         "realisasi": "274.855.000,00", "persen": "108", "sisa": "-Rp 19.860.500"},
        {"level": "sub_kegiatan", "uraian": "C", "pagu": "25.000.000,00", "realisasi": "-",
         "persen": "-", "sisa": "Rp 25.000.000"},
    ]
    found = run(table("rencana_anggaran", rows, meta))
    assert set(found) == {(1, "sisa", "difference_mismatch")}
    assert found[(1, "sisa", "difference_mismatch")].expected == "85.482.314"
    rows = [
        {"level": "kegiatan", "uraian": "A", "pagu_sebelum": "185.000.000,00",
         "pagu_sesudah": "176.500.000,00", "selisih": "- 8.500.000,00"},
        {"level": "kegiatan", "uraian": "B", "pagu_sebelum": "50.000.000,00",
         "pagu_sesudah": "50.000.000,00", "selisih": "-"},
        {"level": "kegiatan", "uraian": "C", "pagu_sebelum": "",
         "pagu_sesudah": "175.000.000,00", "selisih": ""},
    ]
    found = run(table("rencana_anggaran", rows, MONEY_META))
    assert set(found) == {(3, "selisih", "difference_mismatch")}


def test_persen_ratio_samarinda_t13_row_63() -> None:
    """4.917.998.803 / 6.043.826.200 = 81,37 %, printed 77,00; 81,307 printed 81.30 passes."""
    meta = {"value_columns": {
        "pagu": {"role": "pagu"}, "realisasi": {"role": "realisasi"},
        "persen": {"role": "persen", "of": ["realisasi", "pagu"]}}}
    rows = [
        {"level": "program", "uraian": "P", "pagu": "6.043.826.200,00",
         "realisasi": "4.917.998.803,00", "persen": "77,00"},
        {"level": "program", "uraian": "Q", "pagu": "23.170.691.803",
         "realisasi": "18.839.406.054", "persen": "81.30"},
    ]
    found = run(table("rencana_anggaran", rows, meta))
    assert set(found) == {(1, "persen", "ratio_mismatch")}
    assert found[(1, "persen", "ratio_mismatch")].expected == "81,37"
    assert "4.917.998.803 / 6.043.826.200 × 100 = 81,37 %, tertulis 77,00" in \
        found[(1, "persen", "ratio_mismatch")].message


def test_target_grade_on_the_indicator_of_its_block() -> None:
    """Paser Tabel 4.1 row 1: target_sasaran B (72) belongs to indikator_sasaran 'Nilai SAKIP
    Perangkat Daerah' (SAKIP: 72 -> BB), not to the row's IKM indicator."""
    meta = {"value_columns": {"target_sasaran": {"role": "target"},
                              "target": {"role": "target"}}}
    rows = [{"level": "program", "uraian": "Program", "indikator": "Indeks Kepuasan",
             "target_sasaran": "B (72)", "target": "B (78)",
             "indikator_sasaran": "Nilai SAKIP Perangkat Daerah"}]
    found = run(table("rencana_anggaran", rows, meta, extra=("indikator_sasaran",)))
    assert set(found) == {(1, "target_sasaran", "predicate_mismatch")}
    assert found[(1, "target_sasaran", "predicate_mismatch")].expected.startswith("BB")


# -- the quarterly form ------------------------------------------------------------------

TW = {"level": "sub_kegiatan", "uraian": "Sub", "indikator": "Jumlah"}


def test_quarterly_rp_and_k() -> None:
    """Samarinda Lampiran 3 row 60: TW1 700000 printed as a year of 700; row 3: 25 + 25 = 50
    on a persen indicator; row 51: Orang/bulan 71, 71 -> 71 passes; a flow total that is not
    the sum is a cumulative_mismatch."""
    rows = [
        {**TW, "satuan": "Laporan", "target_k": "10", "pagu": "12,000,000", "tw1_k": "2",
         "tw1_rp": "700000", "tw2_k": "5", "tw2_rp": "0", "tw3_rp": "0", "tw4_rp": "0",
         "realisasi_k": "7", "realisasi_rp": "700", "capaian_k": "70", "capaian_rp": "5.83"},
        {**TW, "satuan": "persen", "target_k": "100", "tw1_k": "25", "tw2_k": "25",
         "realisasi_k": "50", "capaian_k": "50"},
        {**TW, "satuan": "Orang/bulan", "target_k": "66", "tw1_k": "71", "tw2_k": "71",
         "realisasi_k": "71", "capaian_k": "107.58"},
        {**TW, "satuan": "Dokumen", "target_k": "7", "tw1_k": "4", "tw2_k": "2",
         "realisasi_k": "4", "capaian_k": "57.14"},
        {**TW, "satuan": "persen", "target_k": "79.30", "tw1_k": "39.65", "tw2_k": "0",
         "realisasi_k": "39.65", "capaian_k": "50"},
    ]
    found = run(table("evaluasi_triwulan", rows))
    assert set(found) == {
        (1, "realisasi_rp", "sum_mismatch"), (1, "capaian_rp", "ratio_mismatch"),
        (2, "realisasi_k", "summed_level_indicator"),
        (4, "realisasi_k", "cumulative_mismatch"),
    }
    assert found[(1, "realisasi_rp", "sum_mismatch")].expected == "700.000"
    assert found[(1, "capaian_rp", "ratio_mismatch")].expected == "0,0058"


def test_quarterly_averages_and_roll_up() -> None:
    """A kegiatan's average row is the mean of its sub kegiatan's K achievements and its own
    realisation over pagu; the program's average is the mean of its kegiatan averages; a bidang
    without a target is the mean of its programs' averages."""
    rows = [
        {"level": "bidang", "uraian": "KEPEGAWAIAN", "pagu": "300", "realisasi_rp": "150",
         "capaian_k": "40", "capaian_rp": "50"},
        {"level": "program", "uraian": "P", "satuan": "persen", "target_k": "100",
         "pagu": "300", "realisasi_rp": "150", "tw1_rp": "150", "capaian_rp": "50"},
        {"level": "kegiatan", "uraian": "K", "target_k": "1", "realisasi_k": "1",
         "satuan": "Dokumen", "tw1_k": "1", "capaian_k": "100",
         "pagu": "300", "realisasi_rp": "150", "tw1_rp": "150", "capaian_rp": "50"},
        {**TW, "satuan": "Dokumen", "target_k": "1", "tw1_k": "1", "realisasi_k": "1",
         "capaian_k": "100", "pagu": "100", "tw1_rp": "100", "realisasi_rp": "100",
         "capaian_rp": "100"},
        {**TW, "satuan": "Dokumen", "target_k": "3", "tw1_k": "0", "realisasi_k": "0",
         "capaian_k": "0", "pagu": "200", "tw1_rp": "50", "realisasi_rp": "50",
         "capaian_rp": "25"},
        {"level": "rata_rata", "uraian": "Rata-rata capaian kinerja (%)", "capaian_k": "40",
         "capaian_rp": "50", "predikat_k": "SR", "predikat_rp": "SR"},
        {"level": "rata_rata", "uraian": "TOTAL RATA-RATA (PROGRAM)", "capaian_k": "40",
         "capaian_rp": "50", "predikat_k": "SR", "predikat_rp": "Sedang"},
        {"level": "rata_rata", "uraian": "TOTAL RATA-RATA SELURUH PROGRAM", "capaian_k": "50",
         "capaian_rp": "50", "predikat_k": "SR", "predikat_rp": "SR"},
    ]
    t = table("evaluasi_triwulan", rows)
    assert {k: v.number for k, v in average_targets(t.rows).items() if v} == {6: 3, 7: 2, 8: 1}
    found = run(t)
    assert set(found) == {(6, "capaian_k", "ratio_mismatch"),
                          (7, "predikat_rp", "predicate_mismatch"),
                          (8, "capaian_k", "ratio_mismatch")}
    assert found[(6, "capaian_k", "ratio_mismatch")].expected == "50,00"


# -- LKE, IP ASN, codes ------------------------------------------------------------------


def test_lke_samarinda_and_errors() -> None:
    """21,50 + 17,25 + 11,25 + 17,50 = 67,50 (printed '67, 50') -> B (Baik); a score above its
    weight, a wrong total and a wrong grade are findings."""
    rows = [
        {"level": "lain", "komponen": "Perencanaan Kinerja", "bobot": "30 %", "nilai": "21,50"},
        {"level": "lain", "komponen": "Pengukuran Kinerja", "bobot": "30 %", "nilai": "17,25"},
        {"level": "lain", "komponen": "Pelaporan Kinerja", "bobot": "15 %", "nilai": "11,25"},
        {"level": "lain", "komponen": "Evaluasi Internal", "bobot": "25 %", "nilai": "17,50"},
        {"level": "total", "komponen": "Jumlah", "bobot": "100 %", "nilai": "67, 50",
         "keterangan": "B ( Baik )"},
    ]
    assert not run(table("komponen_lke", rows))
    rows[2]["nilai"] = "16,25"
    rows[4]["keterangan"] = "A (Memuaskan)"
    found = run(table("komponen_lke", rows))
    assert set(found) == {(3, "nilai", "score_exceeds_weight"), (5, "nilai", "sum_mismatch"),
                          (5, "keterangan", "predicate_mismatch")}


def test_ipasn_counts_sums_and_categories() -> None:
    """A count '3,19' in a listing that groups thousands by commas is unparseable; 21.1 +
    29.35 + 25.47 + 5 = 80.92 printed 80.91 is rounding; 80.91 is 'sedang'."""
    rows = [
        {"no": "1", "instansi": "Kab. A", "kategori": "tinggi", "jumlah_asn": "3,454",
         "kualifikasi": "21.88", "kompetensi": "29.49", "kinerja": "25.23", "disiplin": "5",
         "nilai": "81.6"},
        {"no": "2", "instansi": "Kab. B", "kategori": "sedang", "jumlah_asn": "3,19",
         "kualifikasi": "21.1", "kompetensi": "29.35", "kinerja": "25.47", "disiplin": "5",
         "nilai": "80.91"},
        {"no": "3", "instansi": "Kab. C", "kategori": "tinggi", "jumlah_asn": "2,708",
         "kualifikasi": "21.1", "kompetensi": "29.35", "kinerja": "25.47", "disiplin": "5",
         "nilai": "79.91"},
    ]
    found = run(table("indeks_ipasn", rows))
    assert set(found) == {(2, "jumlah_asn", "unparseable_value"),
                          (3, "nilai", "sum_mismatch"), (3, "kategori", "predicate_mismatch")}


def test_codes_duplicates_and_levels() -> None:
    """Only program / kegiatan / sub kegiatan codes are checked; the second row with the same
    code is a duplicate (Samarinda T13 rows 9 and 15)."""
    meta = {"value_columns": {"pagu": {"role": "pagu"}}}
    rows = [
        {"kode": "5.1", "level": "lain", "uraian": "Belanja Langsung"},
        {"kode": "1.1.01.02", "level": "lain", "uraian": "Gaji pokok PPPK"},
        {"kode": "1.1.01.02", "level": "lain", "uraian": "Tunjangan Keluarga PNS"},
        {"kode": "5.03.01.2.06", "level": "kegiatan",
         "uraian": "Administrasi Umum Perangkat Daerah"},
        {"kode": "5.03.01.2.06", "level": "kegiatan",
         "uraian": "Administrasi Umum Perangkat Daerah"},
    ]
    found = run(table("rencana_anggaran", rows, meta))
    assert set(found) == {(5, "kode", "duplicate_code")}
    assert "baris 4" in found[(5, "kode", "duplicate_code")].message


# -- robustness --------------------------------------------------------------------------

CELL = st.one_of(
    st.sampled_from(["", "-", "0", "1", "12,5", "1.234.567,89", "100%", "#DIV/0!", "B (72)",
                     "BB", "Dok", "persen", "Unit", "12 unit dan 5 unit", "7.13", "- 5,00",
                     "Sangat Tinggi", "5 3 1 2.01 1", "3,19"]),
    st.text(max_size=6),
)
LEVEL = st.sampled_from(["total", "urusan", "bidang", "program", "kegiatan", "sub_kegiatan",
                         "indikator", "rata_rata", "lain", ""])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(KIND_COLUMNS)),
       data=st.lists(st.tuples(LEVEL, st.lists(CELL, min_size=30, max_size=30)),
                     min_size=1, max_size=8))
def test_audit_never_raises(kind: str, data: list[tuple[str, list[str]]]) -> None:
    """Any cells, any levels, with or without a level column: the audit returns findings and
    never raises."""
    meta = {"value_columns": {
        "pagu": {"role": "pagu"}, "realisasi": {"role": "realisasi"},
        "persen": {"role": "persen", "of": ["realisasi", "pagu"]},
        "sisa": {"role": "sisa", "of": ["pagu", "realisasi"]},
        "target": {"role": "target"}}} if kind == "rencana_anggaran" else {}
    columns = [c for c in KIND_COLUMNS[kind] if c != "level"] + (
        ["pagu", "realisasi", "persen", "sisa"] if kind == "rencana_anggaran" else [])
    rows = [{"level": level, **dict(zip(columns, cells, strict=False))}
            for level, cells in data]
    findings = audit_table(table(kind, rows, meta))
    assert all(isinstance(f, Finding) for f in findings)


def test_predicate_rows_below_an_average() -> None:
    """A 'Predikat Kinerja' row printed under an average row holds labels, not numbers: they
    are checked on the achievement scale (50,63 -> Sangat Rendah, as Samarinda prints it)."""
    rows = [
        {"level": "rata_rata", "uraian": "TOTAL RATA-RATA", "capaian_k": "50.63",
         "capaian_rp": "91.2"},
        {"level": "lain", "uraian": "Predikat Kinerja", "capaian_k": "Sangat Rendah",
         "capaian_rp": "Tinggi"},
    ]
    found = run(table("evaluasi_triwulan", rows))
    assert set(found) == {(2, "capaian_rp", "predicate_mismatch")}
    assert found[(2, "capaian_rp", "predicate_mismatch")].expected == "Sangat Tinggi"
