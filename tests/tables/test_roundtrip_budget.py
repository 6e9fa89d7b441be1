"""Round trips of the budget tables (`rencana_anggaran`): Paser T-C.31, Kutai Kartanegara's
Tabel 3 and Lampiran of the Renja Perubahan 2023, Samarinda's LKjIP budget realisation
(Tabel 13). Each fixture is imported into a fresh record, the official table is built, and
every row of the source is matched with the built row of the same node or indicator:

- every input cell (targets, the amounts of nodes without children) equals the printed
  number ('-' is 0 in money);
- computed cells (a parent's sum, a ratio, a difference, the total) that differ from the
  printed value are exactly the cells the audit reports (sum_mismatch, ratio_mismatch,
  difference_mismatch), except the principled ones written down with their arithmetic:

  * inherited differences (`Outcome.inherited`): a parent printed as the exact sum of its
    printed children, or a ratio or difference that agrees with its printed operands, while a
    child or operand is itself rebuilt differently (and reported there). The audit checks each
    cell against the printed cells it is made of; the builder makes every parent from the
    rebuilt children, so one wrong cell changes every cell above it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.tables import lkjip, renja_perubahan, tc31

from ._budget import Column, Outcome, run, text_of
from ._roundtrip import NODE_LEVELS, load

pytestmark = pytest.mark.django_db

D = Decimal


def _check(o: Outcome, imp, also_found: set[tuple[int, str]] = frozenset(),
           also_differs: set[tuple[int, str]] = frozenset()) -> None:
    rows = [r.number for r in imp.source.rows if r.level in (*NODE_LEVELS, "indikator")]
    assert [n for n in rows if n not in o.pairs] == []
    assert o.total is not None
    assert o.inputs == []
    assert o.found - o.differences == set(also_found)
    assert o.differences - o.found - o.inherited == set(also_differs)


TC31 = {"target_ranwal": Column(4, "target"), "pagu_ranwal": Column(5, "money"),
        "target_kebutuhan": Column(9, "target"), "pagu_kebutuhan": Column(10, "money")}


def test_tc31_paser() -> None:
    imp = load("paser", "tc31", 2025)
    table = tc31.build(imp.record, 2025)
    o = run(imp, table, TC31, 1, 3)
    _check(o, imp)
    # kegiatan 4 (row 53) with the repeated sub kegiatan 3.4 (row 60): 80.000.000 +
    # 267.993.500 + 95.000.000 + 120.000.000 + 115.732.000 + 135.696.500 + 150.000.000 + 0
    assert o.built(53, 5) == D("964422000")
    assert o.built(53, 10) == D("1623758000")
    assert o.found == {(53, "pagu_ranwal"), (53, "pagu_kebutuhan")}
    # inherited: program B (row 31) and the total (row 2) are printed as the sums of their
    # printed children and differ by the same 150.000.000 / 663.264.000 as row 53
    assert o.inherited == {(31, "pagu_ranwal"), (31, "pagu_kebutuhan"), (2, "pagu_ranwal"),
                           (2, "pagu_kebutuhan")}
    assert o.built(31, 5) - D("6333115733") == D("150000000")
    assert o.built(2, 10) - D("27566864148") == D("1623758000") - D("960494000")


PERUBAHAN = {"target_sebelum": Column(4, "target"), "pagu_sebelum": Column(5, "money"),
             "target_sesudah": Column(8, "target"), "pagu_sesudah": Column(9, "money"),
             "selisih": Column(10, "difference", ("pagu_sesudah", "pagu_sebelum"))}
MAJU = {"target_maju": Column(11, "target"), "pagu_maju": Column(12, "money")}


def test_tabel3_kukar() -> None:
    """Tabel 3 prints, per node, the indicator, target, location and pagu before the change
    (APBD) and after it (P-RKPD), Bertambah/Berkurang, and the target and pagu of 2024
    (prakiraan maju). That is the layout of the Renja Perubahan table (before, after,
    difference, forward year), not of T-C.33, which has a single year-n budget beside the
    forward year and no difference column: so it is rebuilt with `renja_perubahan`."""
    imp = load("kukar", "tabel-3", 2023)
    table = renja_perubahan.build(imp.record, 2023)
    o = run(imp, table, PERUBAHAN | MAJU, 1, 2)
    _check(o, imp)
    # row 17 Administrasi Umum after the change: 150.000.000 + 150.000.000 + 200.000.000 + 0
    # + 0 + 125.000.000 + 344.500.000 + 100.000.000 + 175.000.000 = 1.244.500.000, printed
    # 1.294.500.000
    assert o.built(17, 9) == D("1244500000")
    assert o.found == {(17, "pagu_sesudah")}
    # inherited from row 17: its Bertambah/Berkurang, and kegiatan -> program 3 -> urusan
    # (row 1, the table's total) after the change and their differences, 50.000.000 less
    assert o.inherited == {(17, "selisih"), (3, "pagu_sesudah"), (3, "selisih"),
                           (1, "pagu_sesudah"), (1, "selisih")}
    assert o.built(1, 5) == D("33845455043")
    assert o.built(1, 9) == D("40497194742") - D("50000000")
    assert o.built(1, 10) == D("6651739699") - D("50000000")
    assert o.built(1, 12) == D("19113131535")


def test_lampiran_perubahan_kukar() -> None:
    imp = load("kukar", "lampiran-perubahan", 2023)
    table = renja_perubahan.build(imp.record, 2023)
    o = run(imp, table, PERUBAHAN, 1, 2)
    _check(o, imp)
    assert o.found == set() and o.differences == set()
    # the total: 33.845.455.043 -> 40.497.194.742, +6.651.739.699
    assert o.built(1, 5) == D("33845455043")
    assert o.built(1, 9) == D("40497194742")
    assert o.built(1, 10) == D("6651739699")
    # the printed Catatan Perubahan is the reason the table shows
    reasons = {text_of(dict(r.placed())[13]) for r in table.rows if len(r.placed()) > 13}
    assert "Pergeseran anggaran dalam satu sub kegiatan" in reasons


ANGGARAN = {"pagu": Column(3, "money"), "realisasi": Column(4, "money"),
            "persen": Column(5, "ratio", ("realisasi", "pagu")),
            "sisa": Column(6, "difference", ("pagu", "realisasi"))}


def test_t13_samarinda() -> None:
    imp = load("samarinda", "t13-realisasi-belanja-langsung", 2024)
    table = lkjip.build_anggaran(imp.record, 2024)
    o = run(imp, table, ANGGARAN, 2, None)
    _check(o, imp, also_found={
        # The unlabelled footer total (row 75) prints direct spending only, 23.170.691.803,
        # while its printed programs A + B + C = 34.341.934.719 include the salary of
        # kegiatan 5.03.01.2.02 (row 6, printed 12.239.415.135 against its listed sub
        # kegiatan 1.068.172.219). The audit compares row 75 with the printed programs; the
        # builder sums the programs rebuilt from the listed sub kegiatan:
        # 34.341.934.719 − 11.171.242.916 = 23.170.691.803, the printed value.
        (75, "pagu"),
    })
    assert o.built(75, 3) == D("23170691803")
    # row 6 and row 21 rebuilt from their sub kegiatan
    assert o.built(6, 3) == D("1068172219") and o.built(6, 4) == D("1009420328")
    assert o.built(21, 4) == D("393740000")
    # remaining budgets: 1.199.654.621 − 1.114.172.307 = 85.482.314 (printed 264.501.256)
    assert o.built(9, 6) == D("85482314")
    # program 5.04.02: 4.917.998.803 / 6.043.826.200 = 81,37 % (printed 77,00)
    assert o.built(63, 5).quantize(D("0.01")) == D("81.37")
    # '-' realisation is 0: 25.000.000 remain of Pemeliharaan Peralatan dan Mesin Lainnya
    assert o.built(24, 6) == D("25000000")
    assert o.found == {(6, "pagu"), (6, "realisasi"), (9, "sisa"), (10, "sisa"),
                       (11, "sisa"), (21, "realisasi"), (63, "persen"), (64, "persen"),
                       (75, "pagu"), (75, "realisasi")}
