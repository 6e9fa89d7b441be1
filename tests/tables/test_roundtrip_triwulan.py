"""Round trip of Samarinda's quarterly evaluation form (Lampiran 3, December snapshot): the
form is imported into a fresh record and rebuilt with `evaluasi_triwulan`; every node row,
average row and bidang row of the source is matched with the built one.

Inputs (target, pagu, quarterly K and Rp and the Renstra Rp realised to date of a node without
children) equal the printed numbers. Computed cells (the year's K by the indicator's within-year
rule, the year's Rp as the sum of the quarters, a parent's money, column 14 Rp included, as the
sum of its children, the achievements, the averages) differ from the source exactly where the
audit reports, except:

- inherited differences: an achievement that agrees with its printed operands while an
  operand is rebuilt differently (the year's K of a level indicator that the document summed:
  the audit reports the realisation, the builder takes the latest quarter and divides it);
  a mean whose printed terms are rebuilt differently;
- the reverse: a cell the audit reports against a printed operand that the builder rebuilds
  correctly, so that the built cell equals the printed one (see `REVERSE`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from kinerja.core import numbers
from kinerja.core.exact import exact
from kinerja.tables import evaluasi_triwulan as et
from kinerja.tables.grid import SumRows

from ._roundtrip import NODE_LEVELS, Imported, load, value

pytestmark = pytest.mark.django_db

D = Decimal
COL = et.COL
K_INPUTS = {"target_k": COL["c7"], "tw1_k": COL["tw1"], "tw2_k": COL["tw2"],
            "tw3_k": COL["tw3"], "tw4_k": COL["tw4"]}
RP = {"pagu": COL["c7"] + 1, "tw1_rp": COL["tw1"] + 1, "tw2_rp": COL["tw2"] + 1,
      "tw3_rp": COL["tw3"] + 1, "tw4_rp": COL["tw4"] + 1, "realisasi_rp": COL["c12"] + 1,
      "kumulatif_rp": COL["c14"] + 1}
RATIOS = {"capaian_k": (COL["c13"], "realisasi_k", "target_k"),
          "capaian_rp": (COL["c13"] + 1, "realisasi_rp", "pagu")}

#: Cells the audit reports whose built value equals the printed one, with the arithmetic.
REVERSE = {
    # Fasilitasi Kunjungan Tamu prints its realisation as 700 while its quarters are
    # 700.000 + 0 + 0 + 0; the audit checks 5,83 % against the printed 700 (700 / 12.000.000
    # = 0,0058 %), the builder computes 700.000 / 12.000.000 = 5,83 %, the printed figure
    (60, "capaian_rp"),
    # kegiatan 5 3 1 2.06: the audit adds the printed 700 of row 60 (528.754.568); the
    # builder adds the rebuilt 700.000: 528.754.568 − 700 + 700.000 = 529.453.868, printed
    (55, "realisasi_rp"),
}


#: Differences the audit does not report, with their arithmetic.
OTHER = {
    # average of kegiatan 5 3 1 2.08: the form means its sub kegiatan achievements as printed,
    # (48,65 + 50) / 2 = 49,325 -> 49,33 (what the audit checks); the builder means the exact
    # achievements, (18 / 37 × 100 + 50) / 2 = (48,6486… + 50) / 2 = 49,3243… -> 49,32
    (69, "capaian_k"),
}


def _pairs(imp: Imported, lines: list[et.FormLine]) -> dict[int, tuple[Any, dict[int, Any]]]:
    from kinerja.store import keys

    built: dict[tuple[str, ...], int] = {}
    stack: list[str] = []
    for i, line in enumerate(lines):
        if line.kind == "node" and line.first and line.node is not None:
            depth = NODE_LEVELS.index(line.node.level)
            stack = [*stack[:depth], keys.name_key(line.node.name)]
            built[tuple(stack)] = i
    out: dict[int, tuple[Any, dict[int, Any]]] = {}
    averages = [i for i, line in enumerate(lines) if line.kind == "average"]
    bidang = [i for i, line in enumerate(lines) if line.kind == "bidang"]
    src_avg = [r for r in imp.source.rows if r.level == "rata_rata"]
    src_bidang = [r for r in imp.source.rows if r.level == "bidang"]
    assert len(averages) == len(src_avg) and len(bidang) == len(src_bidang)
    for row in imp.source.rows:
        if row.level in NODE_LEVELS:
            chain = [a for a in reversed(list(row.ancestors())) if a.level in NODE_LEVELS]
            path = tuple(keys.name_key(r.get("uraian")) for r in [*chain, row])
            i = built[path]
            out[row.number] = (lines[i], dict(lines[i].row.placed()))
    for row, i in [*zip(src_avg, averages, strict=True), *zip(src_bidang, bidang, strict=True)]:
        out[row.number] = (lines[i], dict(lines[i].row.placed()))
    return out


def _ratio_differs(imp: Imported, printed: str, built: Decimal | None) -> bool:
    p = imp.number(printed)
    if p is None:
        return built is not None and built != 0
    return built is None or not numbers.matches_printed(built, p, imp.decimals(printed))


def test_triwulan_samarinda() -> None:
    imp = load("samarinda", "lampiran3-evaluasi-triwulan-des", 2024)
    lines = et.form_lines(imp.record, 2024)
    pairs = _pairs(imp, lines)
    inputs, diff, computed = [], set(), set()
    for number, (line, cells) in pairs.items():
        row = imp.source.row(number)
        if line.kind == "average":
            for name, got in (("capaian_k", line.k), ("capaian_rp", line.rp)):
                computed.add((number, name))
                if _ratio_differs(imp, row.get(name), got):
                    diff.add((number, name))
            continue
        if line.kind == "node":
            for name, col in K_INPUTS.items():
                if imp.number(row.get(name)) != value(cells[col]):
                    inputs.append((number, name, row.get(name), value(cells[col])))
            computed.add((number, "realisasi_k"))
            if imp.number(row.get("realisasi_k")) != value(cells[COL["c12"]]):
                diff.add((number, "realisasi_k"))
        for name, col in RP.items():
            cell = cells[col]
            if name != "realisasi_rp" and not isinstance(cell.formula, SumRows):
                if imp.number(row.get(name)) != value(cell):
                    inputs.append((number, name, row.get(name), value(cell)))
                continue
            computed.add((number, name))
            printed = imp.number(row.get(name))
            if row.get(name).strip() and printed != value(cell):
                diff.add((number, name))
        for name, (col, _num, _den) in RATIOS.items():
            if line.kind == "bidang" and name == "capaian_k":
                got = line.k
            else:
                got = value(cells[col])
            computed.add((number, name))
            if _ratio_differs(imp, row.get(name), got):
                diff.add((number, name))
    assert inputs == []
    found = {f for f in imp.computed_findings() if f in computed}
    assert found == {(3, "realisasi_k"), (4, "realisasi_k"), (80, "realisasi_k"),
                     (41, "capaian_rp"), (55, "realisasi_rp"), (60, "realisasi_rp"),
                     (60, "capaian_rp"), (81, "capaian_rp"), (85, "capaian_rp")}
    assert found - diff == REVERSE
    # inherited: an achievement that agrees with its printed operands, one of which differs
    inherited = set()
    for number, name in diff - found:
        if name in RATIOS:
            _col, num, den = RATIOS[name]
            row = imp.source.row(number)
            n, d = imp.number(row.get(num)), imp.number(row.get(den))
            if (number, num) in diff and n is not None and d:
                with exact():
                    r = n / d * 100
                if numbers.matches_printed(r, imp.number(row.get(name)),
                                           imp.decimals(row.get(name))):
                    inherited.add((number, name))
    assert inherited == {(3, "capaian_k"), (4, "capaian_k"), (80, "capaian_k")}
    assert diff - found - inherited == OTHER
    # real values: the bidang Kepegawaian, 12.386.177.788 / 29.160.800.721 = 42,48 %; its K
    # achievement the mean of its program means 45,98 and 55,28 = 50,63
    _line, cells = pairs[2]
    assert value(cells[COL["c13"] + 1]).quantize(D("0.01")) == D("42.48")
    assert pairs[43][0].k == D("45.98") and pairs[77][0].k == D("55.28")
    assert pairs[2][0].k == D("50.63")
    # Orang/bulan (an undecided unit) printed 71 for quarters 71 and 71: the latest value
    line, cells = pairs[51]
    assert value(cells[COL["c12"]]) == D(71)
    assert value(cells[COL["c13"]]).quantize(D("0.01")) == D("107.58")
    # column 14 Rp, the Renstra budget realisation to date: a sub kegiatan's as printed, a
    # program's the sum of its kegiatan (printed 12.497.387.432, the audit finds no difference)
    assert value(pairs[5][1][COL["c14"] + 1]) == D("160747970")
    assert value(pairs[3][1][COL["c14"] + 1]) == D("12497387432")
    assert isinstance(pairs[3][1][COL["c14"] + 1].formula, SumRows)
