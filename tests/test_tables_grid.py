"""The neutral table (`kinerja.tables.grid`) and the registry of official tables."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from kinerja.io.writers import _display
from kinerja.tables import registry
from kinerja.tables.grid import (
    NIHIL,
    Cell,
    CellKind,
    Column,
    HeaderCell,
    MeanRows,
    Ratio,
    Row,
    RowStyle,
    Signature,
    SumColumns,
    SumRows,
    Table,
    numbered,
)

H = HeaderCell


def _cols(n: int) -> tuple[Column, ...]:
    return tuple(Column(f"k{i}") for i in range(n))


def test_cells_are_typed_and_frozen() -> None:
    c = Cell.money(Decimal("1234567"))
    assert c.kind is CellKind.MONEY and c.is_number and c.shown_decimals == 0
    assert Cell.money(Decimal("1234567.50")).shown_decimals == 2
    assert Cell.money(Decimal("10.00")).shown_decimals == 0  # no cents present
    assert Cell.percent(Decimal("66.5")).shown_decimals == 2
    assert Cell.percent(Decimal("66.5"), 1).shown_decimals == 1
    assert Cell.decimal(Decimal("65.160")).shown_decimals == 2
    assert Cell.integer(5).shown_decimals == 0
    assert Cell.nihil().text == NIHIL and Cell.nihil().kind is CellKind.EMPTY
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.value = Decimal(1)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Cell(CellKind.MONEY, 1.5)  # floats never enter the grid
    with pytest.raises(TypeError):
        Cell(CellKind.INTEGER, True)
    with pytest.raises(TypeError):
        Cell(CellKind.TEXT, 3)
    with pytest.raises(ValueError):
        Cell.of_text("x", colspan=0)


def test_display_is_indonesian() -> None:
    d = _display.display
    assert d(Cell.money(Decimal("1234567"))) == "1.234.567"
    assert d(Cell.money(Decimal("7522842676.91"))) == "7.522.842.676,91"
    assert d(Cell.percent(Decimal("66.5"))) == "66,50"
    assert d(Cell.percent(Decimal("83.33335"))) == "83,33"
    assert d(Cell.percent(Decimal("0.125"), 2)) == "0,13"  # half up
    assert d(Cell.decimal(Decimal("65.16"))) == "65,16"
    assert d(Cell.integer(1400)) == "1.400"
    assert d(Cell.of_date(date(2025, 1, 31))) == "31 Januari 2025"
    assert d(Cell.empty("-")) == "-"
    assert d(Cell.of_text("<b>")) == "<b>"


def test_header_layout_places_spans() -> None:
    t = Table(
        "uji", "Uji", _cols(5),
        header=((H("A", rowspan=2), H("B", colspan=3), H("C", rowspan=2)),
                (H("b1"), H("b2"), H("b3"))),
        column_numbers=numbered(5, {4: "4=(3/2)"}),
    )
    placed = [(p.row, p.column, p.cell.text) for p in t.header_layout()]
    assert placed == [(0, 0, "A"), (0, 1, "B"), (0, 4, "C"), (1, 1, "b1"), (1, 2, "b2"),
                      (1, 3, "b3")]
    assert [h.text for h in t.column_numbers] == ["1", "2", "3", "4=(3/2)", "5"]
    assert t.is_empty and t.width == 5


@pytest.mark.parametrize("header", [
    ((H("A", colspan=2),),),                                   # too narrow
    ((H("A", colspan=4),),),                                   # too wide
    ((H("A", rowspan=3), H("B"), H("C")), (H("b"), H("c"))),   # rowspan past the header
    ((H("A", rowspan=2), H("B"), H("C")), (H("b"), H("c"), H("d"))),  # second row too wide
])
def test_header_must_tile(header: tuple[tuple[HeaderCell, ...], ...]) -> None:
    with pytest.raises(ValueError):
        Table("uji", "Uji", _cols(3), header=header)


def test_rows_and_formulas_are_checked() -> None:
    head = ((H("a"), H("b"), H("c")),)
    ok = Row((Cell.of_text("x"), Cell.money(Decimal(1)), Cell.money(Decimal(2))))
    with pytest.raises(ValueError, match="selebar"):
        Table("uji", "Uji", _cols(3), head, rows=(Row((Cell.of_text("x"),)),))
    with pytest.raises(ValueError, match="rumus"):
        Table("uji", "Uji", _cols(3), head, rows=(
            ok, Row((Cell.of_text("t"), Cell.money(Decimal(1), formula=SumRows((5,))),
                     Cell.empty()))))
    with pytest.raises(ValueError, match="rumus"):
        Table("uji", "Uji", _cols(3), head, rows=(
            Row((Cell.of_text("t"), Cell.empty(), Cell.empty(formula=Ratio(2, 7)))),))
    with pytest.raises(ValueError, match="rumus"):  # a row cannot sum itself
        Table("uji", "Uji", _cols(3), head, rows=(
            Row((Cell.of_text("t"), Cell.money(Decimal(1), formula=SumRows((0,))),
                 Cell.empty())),))
    t = Table("uji", "Uji", _cols(3), head, rows=(
        ok, ok,
        Row((Cell.of_text("Jumlah"), Cell.money(Decimal(2), formula=SumRows((0, 1))),
             Cell.money(Decimal(4), formula=SumColumns((1, 1)))), RowStyle.TOTAL),
        Row((Cell.of_text("Rata-rata"), Cell.empty(),
             Cell.percent(Decimal(200), formula=MeanRows((0, 1)))), RowStyle.AVERAGE),
        Row((Cell.of_text("heading", colspan=3),), RowStyle.HEADING),
    ))
    assert len(t.rows) == 5 and t.rows[4].placed() == [(0, t.rows[4].cells[0])]


def test_signature_prefix() -> None:
    s = Signature(position="Kepala Badan", name="A", acting="plt")
    assert s.position_line == "Plt. Kepala Badan,"
    assert Signature(position="Kepala Badan,", name="A", acting="Plh.").position_line == \
        "Plh. Kepala Badan,"
    assert Signature(position="Kepala", name="A").position_line == "Kepala,"
    with pytest.raises(ValueError):
        Signature(position="Kepala", name="A", acting="Pj.")
    when, top, bottom = _display.signature_lines(Signature(
        position="Kepala", name="NAMA", place="Tana Paser", date=date(2025, 1, 31),
        nip="1970", caption="Mengetahui,"))
    assert when == "Tana Paser, 31 Januari 2025"
    assert top == ["Mengetahui,", "Kepala,"] and bottom == ["NAMA", "NIP. 1970"]


def test_registry_has_every_official_table() -> None:
    expected = {"tc29", "tc30", "tc31", "tc32", "tc33", "renja_perubahan",
                "evaluasi_triwulan", "pk", "lkjip_pengukuran", "lkjip_pembanding",
                "lkjip_renstra", "lkjip_anggaran", "lkjip_efisiensi"}
    assert set(registry.REGISTRY) == expected
    for spec in registry.REGISTRY.values():
        t = spec.table()  # layouts tile (Table validates them)
        assert t.identifier == spec.identifier and spec.title
        assert sum(h.colspan for h in spec.column_numbers) == len(spec.columns)
    tc29 = registry.get("tc29")
    assert [h.text for h in tc29.column_numbers][-4:] == ["8=(7/6)", "9", "10=(5+7+9)",
                                                          "11=(10/4)"]
    assert len(tc29.columns) == 15
    with pytest.raises(ValueError, match="tidak dikenal"):
        registry.get("tc99")


def test_every_official_table_has_a_builder() -> None:
    from kinerja.tables._common import load_builders

    missing = [i for i, spec in load_builders().items() if spec.build is None]
    assert missing == []


def test_registry_words_and_attach() -> None:
    t = registry.TC29.table(words={"n-2": "2023", "n-1": "2024"})
    texts = [p.cell.text for p in t.header_layout()]
    assert "Target Renja Perangkat Daerah Tahun 2023" in texts
    assert t.title.endswith("s/d Tahun 2024")
    original = registry.REGISTRY["pk"]
    try:
        spec = registry.attach("pk", lambda record: registry.PK.table())
        assert registry.get("pk").build is not None and spec.build is not None
        assert any(d["identifier"] == "pk" and d["builder"] for d in registry.describe())
    finally:
        registry.REGISTRY["pk"] = original
