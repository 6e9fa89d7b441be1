"""T-C.29 columns, the quarterly form, budget and efficiency, against the real documents."""

from __future__ import annotations

import csv
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from kinerja.core import scales
from kinerja.core.achievement import Status
from kinerja.core.budget import change, overspent, serapan, sisa
from kinerja.core.efficiency import (
    Convention,
    efficiency,
    efficiency_difference,
    efficiency_ratio,
)
from kinerja.core.indicators import Indicator, Kind, Polarity, kind_of_unit
from kinerja.core.quarterly import (
    CAPAIAN_K,
    PAGU,
    RATA_RATA_K,
    RATA_RATA_RP,
    REALISASI_RP,
    QuarterlyRow,
    average_rows,
    cumulative_k,
    evaluate_row,
    predicate,
    realisation_k,
    realisation_rp,
)
from kinerja.core.rollup import Node, mean_of
from kinerja.core.tc29 import (
    Tc29Row,
    column_8,
    column_10,
    column_10_candidates,
    column_11,
    evaluate,
    is_summed_level,
    latest_value,
)

D = Decimal


def r(x: Decimal | None, places: int = 2) -> Decimal:
    """Half-up rounding as the documents print."""
    assert x is not None
    return x.quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)


def trunc(x: Decimal | None, places: int = 0) -> Decimal:
    """Truncation as some documents print."""
    assert x is not None
    return x.quantize(D(1).scaleb(-places), rounding=ROUND_DOWN)


def num_id(text: str) -> Decimal | None:
    """Tiny local reader for Indonesian cells (1.234,5 / 61,66%)."""
    t = text.strip().rstrip("%").strip()
    if t in ("", "-", "–"):
        return None
    return D(t.replace(".", "").replace(",", "."))


def num_en(text: str) -> Decimal | None:
    """Tiny local reader for the Samarinda form's cells (12,386,177,788 / 38.33)."""
    t = text.strip()
    if t in ("", "-", "–"):
        return None
    return D(t.replace(",", ""))


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ---------------------------------------------------------------- T-C.29 (Paser, Kukar)


def test_tc29_paser_flow_rows(fixtures_dir: Path) -> None:
    data = rows(fixtures_dir / "paser-renja-2025" / "tc29.csv")
    # row 9: (200 + 285 + 180) / 1000 = 66,50 %; 285 / 200 = 142,5 printed 142
    row = data[8]
    c4, c5, c6, c7, c9 = (num_id(row[k]) for k in (
        "c4_target_renstra", "c5_realisasi_sd", "c6_target", "c7_realisasi",
        "c9_target_berikut"))
    kind = kind_of_unit(row["c7_satuan"])
    assert kind is Kind.FLOW
    got = evaluate(Tc29Row(c4, c5, c6, c7, c9, kind))
    assert got.c10_realisasi_kumulatif == 665 == num_id(row["c10_realisasi_kumulatif"])
    assert r(got.c11_tingkat_capaian.value) == D("66.50") == num_id(row["c11_tingkat_capaian"])
    assert got.c8_tingkat_realisasi.value == D("142.5")
    assert trunc(got.c8_tingkat_realisasi.value) == num_id(row["c8_tingkat_realisasi"]) == 142
    # row 5: (5 + 5 + 5) / 21 = 71,43 %
    row = data[4]
    got = evaluate(Tc29Row(*(num_id(row[k]) for k in (
        "c4_target_renstra", "c5_realisasi_sd", "c6_target", "c7_realisasi",
        "c9_target_berikut"))))
    assert got.c10_realisasi_kumulatif == 15
    assert r(got.c11_tingkat_capaian.value) == D("71.43") == num_id(row["c11_tingkat_capaian"])
    # row 6: 9 / 8 = 112,5 exactly, printed truncated as 112
    row = data[5]
    c8 = column_8(num_id(row["c6_target"]), num_id(row["c7_realisasi"]))
    assert c8.value == D("112.5")
    assert trunc(c8.value) == D(112) == num_id(row["c8_tingkat_realisasi"])
    assert r(c8.value, 0) == 113


def test_tc29_truncation_with_numbers_module() -> None:
    numbers = pytest.importorskip("kinerja.core.numbers")
    try:
        assert numbers.truncate(D("112.5"), 0) == 112
        assert numbers.matches_printed(D("112.5"), D(112), 0)
    except NotImplementedError:
        pytest.skip("core.numbers is not implemented yet")


def test_tc29_missing_term_counts_as_zero() -> None:
    # Paser row 57: - (0) + 650 + 1 = 651; row 73: (empty) + (empty) + 50 = 50
    assert column_10(None, D(650), D(1), Kind.FLOW) == 651
    assert column_10(None, None, D(50), Kind.FLOW) == 50
    assert column_10(None, None, None, Kind.FLOW) is None


def test_tc29_level_indicator_is_never_summed(fixtures_dir: Path) -> None:
    # Kutai Kartanegara row 62: Persen; printed 39,98 + 22,76 = 62,74 → 235,51 %
    row = rows(fixtures_dir / "kukar-renja-perubahan-2023" / "tabel-1.csv")[61]
    c4, c5, c7, c9 = (num_id(row[k]) for k in (
        "c4_target_renstra", "c5_realisasi_sd", "c7_realisasi", "c9_target_berikut"))
    c10_printed = num_id(row["c10_realisasi_kumulatif"])
    kind = kind_of_unit(row["c7_satuan"])
    assert kind is Kind.LEVEL
    assert c10_printed == D("62.74") and c5 is not None and c7 is not None
    assert c5 + c7 == c10_printed                         # what the document did
    c10 = column_10(c5, c7, c9, kind)
    assert c10 == D("22.76") != c10_printed                # what a level indicator must do
    assert is_summed_level(c5, c7, c9, c10_printed)
    assert not is_summed_level(c5, c7, c9, c10)
    assert column_10_candidates(c5, c7, c9, kind) == (D("22.76"),)
    assert r(column_11(c4, c10).value) == D("85.44")       # 22,76 / 26,64, not 235,51
    assert r(column_11(c4, c10_printed).value) == D("235.51")


def test_tc29_latest_value_and_candidates() -> None:
    assert latest_value(D(1), D(2), D(3)) == 3
    assert latest_value(D(1), D(2), None) == 2
    assert latest_value(D(1), None, None) == 1
    assert latest_value(None, None, None) is None
    assert column_10_candidates(D(3), D(5), D(4), Kind.UNDECIDED) == (D(12), D(4), D(5))
    assert column_10_candidates(D(3), D(5), D(4), Kind.FLOW) == (D(12),)
    assert column_10_candidates(None, None, None, Kind.FLOW) == ()
    assert column_10(D(3), D(5), D(4), Kind.UNDECIDED) == 4
    # is_summed_level needs 5 and 7 both present and non-zero
    assert not is_summed_level(D(0), D(5), D(4), D(9))
    assert not is_summed_level(None, D(5), D(4), D(9))


def test_tc29_negative_polarity() -> None:
    row = Tc29Row(D(10), None, D(10), D(8), None, Kind.FLOW, Polarity.NEGATIVE)
    assert evaluate(row).c8_tingkat_realisasi.value == 120


# ---------------------------------------------------------------- averages (Paser 2.2.1)


def test_paser_sasaran_mean(fixtures_dir: Path) -> None:
    data = rows(fixtures_dir / "paser-renja-2025" / "tabel-2-2-1.csv")
    children = [num_id(row["capaian"]) for row in data[2:6]]
    assert children == [D("61.66"), D(137), D("86.79"), D("101.15")]
    m = mean_of(children)
    assert m.value == D("96.65") == num_id(data[6]["capaian"])
    assert m.count == 4 and m.left_out == () and not m.weighted


# ---------------------------------------------------------------- the quarterly form


def _samarinda_tree(path: Path) -> tuple[Node, dict[int, Decimal | None]]:
    """The Samarinda form as a tree (bidang → program → kegiatan → sub kegiatan) with the
    printed capaian K of the sub kegiatan, and the printed averages by row number."""
    data = rows(path)
    depth = {"bidang": 0, "program": 1, "kegiatan": 2, "sub_kegiatan": 3}
    stack: list[tuple[str, dict[str, Decimal | None], list[object]]] = []
    roots: list[object] = []
    averages: dict[int, Decimal | None] = {}

    def close(to: int) -> None:
        while len(stack) > to:
            key, values, kids = stack.pop()
            node = Node(key, values, tuple(kids))  # type: ignore[arg-type]
            (stack[-1][2] if stack else roots).append(node)

    for number, row in enumerate(data, start=1):
        level = row["level"]
        if level == "rata_rata":
            averages[number] = num_en(row["capaian_k"])
            continue
        if level not in depth:
            continue
        close(depth[level])
        values = {
            PAGU: num_en(row["pagu"]),
            REALISASI_RP: num_en(row["realisasi_rp"]),
            CAPAIAN_K: num_en(row["capaian_k"]) if level == "sub_kegiatan" else None,
        }
        stack.append((f"{number}:{row['kode']}", values, []))
    close(0)
    top = Node("total", {}, tuple(roots))  # type: ignore[arg-type]
    return top, averages


def _row_number(node: Node) -> int:
    return int(node.key.split(":")[0])


def test_samarinda_averages_from_printed_children(fixtures_dir: Path) -> None:
    path = fixtures_dir / "samarinda-lkip-2024" / "lampiran3-evaluasi-triwulan-des.csv"
    data = rows(path)
    printed = {n: num_en(row["capaian_k"]) for n, row in enumerate(data, start=1)}
    # kegiatan 5 3 2 2.01 (row 4): mean of its sub kegiatan rows 5–14 → printed 38.33 (row 15)
    kegiatan = mean_of([printed[n] for n in range(5, 15)])
    assert printed[15] == D("38.33") and r(kegiatan.value) == D("38.33")
    # program 5 3 2 (row 3): mean of its kegiatan averages → printed 45.98 (row 43)
    program_1 = mean_of([printed[n] for n in (15, 20, 32, 42)])
    assert printed[43] == D("45.98") and r(program_1.value) == D("45.98")
    # program 5 3 1 (row 44): mean of its six kegiatan averages → printed 55.28 (row 77)
    program_2 = mean_of([printed[n] for n in (49, 54, 62, 65, 69, 76)])
    assert printed[77] == D("55.28") and r(program_2.value) == D("55.28")
    # bidang 5 3: mean of the program averages → printed 50.63 (rows 78 and 2)
    total = mean_of([printed[43], printed[77]])
    assert printed[78] == printed[2] == D("50.63") and r(total.value) == D("50.63")
    assert predicate(total.value) == scales.PERMENDAGRI_86.band_by_code("SR")
    assert predicate(total.value, scales.PERMENDAGRI_86_UPPER) == (
        scales.PERMENDAGRI_86_UPPER.band_by_code("R"))
    assert predicate(None) is None
    # Rp is a ratio of sums, never a mean: 12.386.177.788 / 29.160.800.721 = 42,48 %
    rp = num_en(data[1]["realisasi_rp"]), num_en(data[1]["pagu"])
    assert rp == (D(12386177788), D(29160800721))
    assert r(serapan(*rp)) == D("42.48") == printed_rp(data, 2) == printed_rp(data, 78)


def printed_rp(data: list[dict[str, str]], number: int) -> Decimal | None:
    return num_en(data[number - 1]["capaian_rp"])


def test_samarinda_average_rows_over_the_tree(fixtures_dir: Path) -> None:
    path = fixtures_dir / "samarinda-lkip-2024" / "lampiran3-evaluasi-triwulan-des.csv"
    tree, averages = _samarinda_tree(path)
    bidang = tree.children[0]
    assert _row_number(bidang) == 2
    # as the form does: averages of printed (rounded) averages
    rolled = average_rows(Node("x", {}, (bidang,)), round_to=2).children[0]
    programs = {_row_number(p): p for p in rolled.children}
    assert programs[3].values[RATA_RATA_K] == averages[43] == D("45.98")
    assert programs[44].values[RATA_RATA_K] == averages[77] == D("55.28")
    assert rolled.values[RATA_RATA_K] == D("50.63")
    first_kegiatan = programs[3].children[0]
    assert _row_number(first_kegiatan) == 4
    assert first_kegiatan.values[RATA_RATA_K] == averages[15] == D("38.33")
    kegiatan_means = [k.values[RATA_RATA_K] for k in programs[44].children]
    assert kegiatan_means == [averages[n] for n in (49, 54, 62, 65, 69, 76)]
    # the exact mean of means differs in the last digit from the printed 55,28
    exact = average_rows(Node("x", {}, (bidang,))).children[0]
    exact_programs = {_row_number(p): p for p in exact.children}
    assert r(exact_programs[44].values[RATA_RATA_K]) == D("55.27")
    # Rp: ratio of sums at each level (kegiatan 5 3 2 2.01: sub kegiatan sums)
    assert r(first_kegiatan.values[RATA_RATA_RP]) == r(
        serapan(first_kegiatan.values[REALISASI_RP], first_kegiatan.values[PAGU]))


def test_average_rows_leave_out_and_weights() -> None:
    subs = (
        Node("a", {CAPAIAN_K: D(100), PAGU: D(10), REALISASI_RP: D(5)}),
        Node("b", {CAPAIAN_K: None, PAGU: D(30), REALISASI_RP: D(15)}),
        Node("c", {CAPAIAN_K: D(50), PAGU: D(60), REALISASI_RP: D(0)}, weight=D(3)),
    )
    rolled = average_rows(Node("k", {}, subs))
    assert rolled.values[RATA_RATA_K] == D("62.5")            # (100 + 3 × 50) / 4
    assert rolled.left_out == {RATA_RATA_K: ("b",)}
    assert rolled.values[PAGU] == 100 and rolled.values[REALISASI_RP] == 20
    assert rolled.values[RATA_RATA_RP] == 20                  # 20 / 100, not a mean of 50/50/0


def test_quarterly_row_columns() -> None:
    # Samarinda row 3: Persentase (persen), TW1 25 + TW2 25 printed 50; latest is 25
    pct = Indicator("Persentase Pelayanan Kepegawaian", "persen")
    q = (D(25), D(25), None, D(0))
    assert realisation_k(q, pct) == 25
    assert realisation_k(q, Indicator("Jumlah Dokumen", "Dokumen")) == 50
    assert realisation_rp((D(1), None, D(2), D(0))) == 3
    assert realisation_rp((None, None, None, None)) is None
    row = QuarterlyRow(
        Indicator("Jumlah Dokumen", "Dok"), target_k=D(4), pagu=D(130409000),
        tw_k=(D(1), D(1), None, None), tw_rp=(D(10000000), D(20617152), None, D(0)),
        renstra_target_k=D(20), renstra_target_rp=D(600000000),
        renstra_realised_k=D(8), renstra_realised_rp=D(100000000),
    )
    cols = evaluate_row(row)
    assert cols.c12_k == 2 and cols.c12_rp == D(30617152)
    assert cols.c13_k.value == 50
    assert r(cols.c13_rp) == D("23.48")                       # Samarinda row 9
    assert cols.c14_k == 10 and cols.c14_rp == D(130617152)
    assert cols.c15_k.value == 50
    level = evaluate_row(QuarterlyRow(pct, target_k=D(100), tw_k=(D(25), D(25), D(0), None),
                                      renstra_realised_k=D(40)))
    assert level.c14_k == 25 and level.c13_k.value == 25
    assert cumulative_k(None, None, Kind.FLOW) is None
    assert cumulative_k(D(40), None, Kind.LEVEL) == 40
    missing = evaluate_row(QuarterlyRow(pct, target_k=D(100)))
    assert missing.c13_k.status is Status.BELUM_DIISI


# ---------------------------------------------------------------- budget and efficiency


def test_budget_figures() -> None:
    # Kutai Kartanegara Renja Perubahan: 33.845.455.043 → 40.497.194.742
    assert change(D(33845455043), D(40497194742)) == D(6651739699)
    assert change(D("7522842676.91"), D("7522842676.90")) == D("-0.01")
    # Paser 2023 absorption
    assert r(serapan(D(23370888310), D(26254031882))) == D("89.02")
    # Samarinda total (T-13): 23.170.691.803 − 18.839.406.054 = 4.331.285.749
    assert sisa(D(23170691803), D(18839406054)) == D(4331285749)
    assert sisa(D(100), D(108)) == -8 and overspent(D(100), D(108))
    assert not overspent(D(100), D(100)) and not overspent(None, D(1))
    assert serapan(D(5), D(0)) is None and sisa(None, D(1)) is None
    assert change(None, D(1)) is None


def test_kukar_budget_fixture(fixtures_dir: Path) -> None:
    row = rows(fixtures_dir / "kukar-renja-perubahan-2023" / "lampiran-perubahan.csv")[0]
    before, after, printed = (num_id(row[k]) for k in ("pagu_sebelum", "pagu_sesudah", "selisih"))
    assert change(before, after) == printed == D(6651739699)


def test_efficiency_conventions() -> None:
    ratio, diff = efficiency(D("86.91"), D("94.49"))            # Paser
    assert ratio.convention is Convention.RASIO and "rasio" in ratio.label
    assert r(ratio.value, 3) == D("0.920") and trunc(ratio.value, 3) == D("0.919")
    provincial = efficiency_difference(D(105), D("96.20"))
    assert provincial.value == D("8.80") and provincial.convention is Convention.SELISIH
    assert "selisih" in provincial.label
    assert provincial.band is not None and provincial.band.code == "E"
    assert diff.band is not None and diff.band.code == "TE"     # 86,91 − 94,49 = −7,58
    assert efficiency_difference(D(100), D(96)).band == (
        scales.EFISIENSI_SELISIH.band_by_code("CE"))
    assert efficiency_ratio(D(1), D(0)).value is None
    assert efficiency_difference(None, D(1)).band is None
