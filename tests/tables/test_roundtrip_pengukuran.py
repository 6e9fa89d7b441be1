"""Round trips of measurement tables (kind `pengukuran_kinerja`) through the LKjIP measurement
table (`lkjip_pengukuran`): Paser's Tabel 2.2.1 (the IKU of its sasaran, realised up to 2023
against the Renstra end target) and Samarinda's Tabel 11 (the indicators of its programs,
kegiatan and sub kegiatan against the Perjanjian Kinerja).

Inputs (target, realisation) equal the printed numbers; the achievements are the correct
realisation / target x 100, and an achievement that differs from the printed one is exactly a
cell the audit reports, except for the differences written down below with their arithmetic."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from kinerja.core.exact import exact
from kinerja.store import keys
from kinerja.tables import lkjip
from kinerja.tables.grid import RowStyle

from ._roundtrip import Imported, differs, load, node_row, value

pytestmark = pytest.mark.django_db

D = Decimal
#: Columns of the built table: target, realisation, achievement, predicate.
TARGET, REAL, CAPAIAN, PREDIKAT = 4, 5, 6, 7


def _pairs(imp: Imported, year: int) -> tuple[dict[int, Any], list[int]]:
    """Source row number -> built row of the same (owner, indicator), and the built average
    rows in order."""
    table = lkjip.build_pengukuran(imp.record, year)
    built: dict[tuple[str, str], list[int]] = {}
    owner = ""
    averages = []
    for i, row in enumerate(table.rows):
        if row.style is RowStyle.AVERAGE:
            averages.append(i)
            continue
        owner = str(row.cells[1].value or "") or owner
        built.setdefault((keys.name_key(owner), keys.name_key(str(row.cells[2].value))),
                         []).append(i)
    out: dict[int, Any] = {}
    sasaran = ""
    for row in imp.source.rows:
        sasaran = row.get("sasaran").strip() or sasaran
        if not row.get("indikator").strip():
            continue
        node = node_row(row)
        name = node.get("uraian") if node is not None else sasaran
        out[row.number] = table.rows[built[(keys.name_key(name),
                                            keys.name_key(row.get("indikator")))].pop(0)]
    return out, [table.rows[i] for i in averages]


def _check(imp: Imported, year: int) -> tuple[set[tuple[int, str]], dict[int, Any], list[Any]]:
    """Assert the inputs; (row, column) of every achievement that differs from the printed."""
    pairs, averages = _pairs(imp, year)
    inputs = []
    diff = set()
    for number, built in pairs.items():
        row = imp.source.row(number)
        for column, col in (("target", TARGET), ("realisasi", REAL)):
            if imp.number(row.get(column)) != value(built.cells[col]):
                inputs.append((number, column, row.get(column), value(built.cells[col])))
        if differs(imp, row.get("capaian"), value(built.cells[CAPAIAN])):
            diff.add((number, "capaian"))
    assert inputs == []
    src_avg = [r for r in imp.source.rows if r.level == "rata_rata"]
    assert len(src_avg) == len(averages)
    for row, built in zip(src_avg, averages, strict=True):
        if differs(imp, row.get("capaian"), value(built.cells[-2])):
            diff.add((row.number, "capaian"))
    return diff, pairs, averages


def test_pengukuran_paser() -> None:
    imp = load("paser", "tabel-2-2-1", 2023)
    diff, pairs, averages = _check(imp, 2023)
    found = imp.computed_findings()
    assert found == {(3, "capaian"), (5, "capaian")}
    # the correct achievements: 65,18 / 75 = 86,91; 185,5 / 300 = 61,83 (printed 61,66);
    # 84,055 / 98 = 85,77 (printed 86,79); 130,69 / 95 = 137,57 (printed 137, truncated)
    q = D("0.01")
    assert value(pairs[1].cells[CAPAIAN]).quantize(q) == D("86.91")
    assert value(pairs[3].cells[CAPAIAN]).quantize(q) == D("61.83")
    assert value(pairs[5].cells[CAPAIAN]).quantize(q) == D("85.77")
    assert value(pairs[4].cells[CAPAIAN]).quantize(q) == D("137.57")
    # inherited: the mean of sasaran II as printed, (61,66 + 137 + 86,79 + 101,15) / 4 = 96,65,
    # agrees with its printed terms (the audit reports the terms, rows 3 and 5); the builder
    # means the correct achievements, (61,8333… + 137,5684… + 85,7704… + 101,15) / 4 = 96,58
    with exact():
        mean = (D("185.5") / 300 + D("130.69") / 95 + D("84.055") / 98
                + D("80.92") / 80) * 100 / 4
    assert value(averages[1].cells[-2]).quantize(q) == mean.quantize(q) == D("96.58")
    assert diff - found == {(7, "capaian")}
    assert found - diff == set()


def test_pengukuran_samarinda() -> None:
    imp = load("samarinda", "t11-capaian-program", 2024, "pk")
    diff, pairs, averages = _check(imp, 2024)
    assert averages == []
    assert len(pairs) == len([r for r in imp.source.rows if r.get("indikator").strip()])
    found = imp.computed_findings()
    # row 58: realisation 1 / target 1 Laporan x 100 = 100; printed 700
    assert found == {(58, "capaian")}
    assert value(pairs[58].cells[CAPAIAN]) == D(100)
    assert diff == found
