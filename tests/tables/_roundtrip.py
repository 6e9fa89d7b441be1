"""Shared helpers of the round-trip tests: import a demo fixture into a fresh record, read the
same table as a document table, match its rows with the builder's, and compare printed and
built values cell by cell."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from kinerja.core import numbers
from kinerja.core.doctable import DocTable, Row
from kinerja.io.doctable import read_table
from kinerja.store import keys
from kinerja.store.queries import load_record
from kinerja.store.services.agencies import add_agency
from kinerja.store.services.importer import import_table
from kinerja.tables.grid import Cell, CellKind
from kinerja.tables.record import AgencyRecord

DEMO = Path(__file__).resolve().parents[2] / "src" / "kinerja" / "data" / "demo"
NODE_LEVELS = ("program", "kegiatan", "sub_kegiatan")
#: Rules whose cells are recomputed by the builders.
COMPUTED_RULES = frozenset({"ratio_mismatch", "sum_mismatch", "cumulative_mismatch",
                            "difference_mismatch", "summed_level_indicator",
                            "division_by_zero"})
GOVERNMENTS = {"paser": "Kabupaten Paser", "kukar": "Kabupaten Kutai Kartanegara",
               "samarinda": "Kota Samarinda"}


@dataclass
class Imported:
    """A fixture imported into a fresh agency: the record, the source table and its audit."""

    record: AgencyRecord
    source: DocTable
    findings: list[Any]
    convention: numbers.Convention

    def computed_findings(self) -> set[tuple[int, str]]:
        """(row, column) of every finding of a recomputed rule."""
        return {(f.row, f.column) for f in self.findings if f.rule in COMPUTED_RULES}

    def number(self, text: str) -> Decimal | None:
        """The value of a printed cell (None for '-', empty or text)."""
        p = numbers.parse(text, self.convention)
        return p.value if p.ok else None

    def decimals(self, text: str) -> int:
        """Decimals printed in a cell."""
        t = (text or "").strip().rstrip("%").strip()
        mark = "," if self.convention is numbers.Convention.ID else "."
        if "dot_decimal" in numbers.parse(t, self.convention).flags:
            mark = "."      # a stray dot decimal ('7.13') in an Indonesian table
        return len(t.rsplit(mark, 1)[1]) if mark in t else 0


def load(slug: str, table: str, year: int, version: str | None = None) -> Imported:
    """Import demo fixture `slug/table` into a fresh agency and read it back as a record."""
    agency, _, _ = add_agency(slug, f"BKPSDM {GOVERNMENTS[slug]}", GOVERNMENTS[slug],
                              "kabkota")
    path = DEMO / slug / f"{table}.csv"
    result = import_table(path, agency, year, version)
    source = read_table(path)
    cells = [c for r in source.rows for k, c in r.cells.items()
             if k not in ("kode", "level", "uraian", "indikator", "sasaran", "keterangan")]
    return Imported(load_record(agency, year), source, list(result.findings),
                    numbers.infer_convention(cells))


def node_row(row: Row) -> Row | None:
    """The row of the node a source row belongs to (itself for a node row)."""
    if row.level in NODE_LEVELS:
        return row
    return next((a for a in row.ancestors() if a.level in NODE_LEVELS), None)


def key(node_name: str, indicator: str) -> tuple[str, str]:
    """A matching key of a (node, indicator) pair."""
    return keys.name_key(node_name), keys.name_key(indicator)


def value(cell: Cell) -> Decimal | None:
    """The number a built cell holds (None for text or empty)."""
    if cell.kind in (CellKind.MONEY, CellKind.PERCENT, CellKind.DECIMAL):
        assert isinstance(cell.value, Decimal)
        return cell.value
    if cell.kind is CellKind.INTEGER:
        assert isinstance(cell.value, int)
        return Decimal(cell.value)
    return None


def differs(imp: Imported, printed: str, built: Decimal | None, *,
            ratio: bool = True) -> bool:
    """Whether a built computed value differs from the printed one: a ratio passes when the
    printed value is the built one rounded half-up or truncated to the printed decimals
    (money exactly); '-' or empty passes for a built 0 (the conventions' "unless the numerator
    is 0") and for no value."""
    p = imp.number(printed)
    if p is None:
        return built is not None and built != 0
    if built is None:
        return True
    if not ratio:
        return p != built
    return not numbers.matches_printed(built, p, imp.decimals(printed))


def input_mismatches(imp: Imported, pairs: Iterable[tuple[Row, str, Cell]]) -> list[str]:
    """Input cells whose built value is not the printed number."""
    out = []
    for row, column, cell in pairs:
        printed = row.get(column)
        want = imp.number(printed)
        got = value(cell)
        if want != got:
            out.append(f"baris {row.number} {column}: tercetak {printed!r}, dibangun {got}")
    return out
