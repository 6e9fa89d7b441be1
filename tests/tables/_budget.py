"""Round-trip helpers of the budget tables (`rencana_anggaran`: T-C.31, T-C.33, the Renja
Perubahan table, the LKjIP budget realisation): match every source row with the built row of
the same node (by the path of names from its program) or of the same further indicator, and
compare each value column with the built column it maps to.

A money column of a node with children that have amounts is a computed cell (the exact sum of
the children, its formula intent says so); any other money cell is an input. Ratio and
difference columns are always computed. Targets are inputs, compared by the number printed at
the start of the cell ('4 dokumen' -> 4)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.core import numbers
from kinerja.core.doctable import Row
from kinerja.core.exact import exact
from kinerja.store import keys
from kinerja.tables.grid import Cell, RowStyle, SumRows, Table

from ._roundtrip import NODE_LEVELS, Imported, value

NODE_STYLES = {RowStyle.PROGRAM: 0, RowStyle.KEGIATAN: 1, RowStyle.SUB_KEGIATAN: 2}
_LEAD = re.compile(r"^\s*([-+(]?\s*[\d.,]+\s*%?\)?)\s+([^\d\s].*?)\s*$")


@dataclass
class Pair:
    """A source row and the built row it maps to (`index` in the table's rows)."""

    row: Row
    index: int
    cells: dict[int, Cell] = field(default_factory=dict)


def text_of(cell: Cell) -> str:
    """What a text cell holds ('' for another kind)."""
    return cell.value if isinstance(cell.value, str) else cell.text


def placed(table: Table, index: int) -> dict[int, Cell]:
    """Physical column -> cell of a built row."""
    return dict(table.rows[index].placed())


def _path(row: Row) -> tuple[str, ...]:
    chain = [a for a in reversed(list(row.ancestors())) if a.level in NODE_LEVELS]
    if row.level in NODE_LEVELS:
        chain.append(row)
    return tuple(keys.name_key(r.get("uraian")) for r in chain)


def match(imp: Imported, table: Table, name_col: int, indicator_col: int | None,
          ) -> tuple[dict[int, Pair], Pair | None]:
    """Source row number -> its built row; and the source total row with the built total."""
    built: dict[tuple[tuple[str, ...], str, bool], list[int]] = {}
    stack: list[str] = []
    total_index = None
    for i, row in enumerate(table.rows):
        cells = placed(table, i)
        if row.style in NODE_STYLES:
            depth = NODE_STYLES[row.style]
            stack = [*stack[:depth], keys.name_key(text_of(cells[name_col]))]
            first = True
        elif row.style is RowStyle.INDIKATOR:
            first = False
        else:
            if row.style is RowStyle.TOTAL:
                total_index = i
            continue
        ind = keys.name_key(text_of(cells[indicator_col])) if indicator_col is not None else ""
        built.setdefault((tuple(stack), ind, first), []).append(i)
    out: dict[int, Pair] = {}
    for row in imp.source.rows:
        if row.level not in (*NODE_LEVELS, "indikator"):
            continue
        first = row.level in NODE_LEVELS
        ind = keys.name_key(row.get("indikator")) if indicator_col is not None else ""
        found = built.get((_path(row), ind, first))
        if not found:
            continue
        i = found.pop(0)
        out[row.number] = Pair(row, i, placed(table, i))
    total = next((r for r in imp.source.rows if r.level == "total"),
                 next((r for r in imp.source.rows if r.level == "urusan"), None))
    total_pair = (Pair(total, total_index, placed(table, total_index))
                  if total is not None and total_index is not None else None)
    return out, total_pair


def lead(imp: Imported, text: str) -> Decimal | None:
    """The number a cell starts with ('4 dokumen' -> 4, '100%' -> 100), None for none."""
    v = imp.number(text)
    if v is not None:
        return v
    m = _LEAD.match(text or "")
    return imp.number(m.group(1)) if m else None


def money(imp: Imported, text: str) -> Decimal | None:
    """A printed amount: '-' is 0 (accounting format), an empty cell None."""
    if not text.strip():
        return None
    v = imp.number(text)
    return Decimal(0) if v is None else v


def is_sum(cell: Cell) -> bool:
    """Whether a built money cell is the sum of its children's rows."""
    return isinstance(cell.formula, SumRows)


def read(imp: Imported, row: Row, column: str) -> Decimal | None:
    """A money cell as the audit reads it: the printed value ('-' is 0); a parent printed
    empty stands for the sum of its children's."""
    text = row.get(column).strip()
    if text:
        v = imp.number(text)
        return Decimal(0) if v is None else v
    kids = [k for k in row.children if k.level in (*NODE_LEVELS, "program")
            or k.level in ("urusan", "bidang")]
    if not kids:
        return None
    values = [read(imp, k, column) for k in kids]
    if all(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


def children_sum(imp: Imported, row: Row, column: str) -> Decimal | None:
    """Σ of the children's read values (None without children with values)."""
    kids = [k for k in row.children if k.level in ("urusan", "bidang", *NODE_LEVELS)]
    values = [read(imp, k, column) for k in kids]
    if all(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


def money_differs(imp: Imported, printed: str, built: Decimal | None) -> bool:
    """A built sum against the printed amount: an empty parent stands for the sum (no
    difference); '-' is 0."""
    if not printed.strip():
        return False
    p = imp.number(printed)
    return (p if p is not None else Decimal(0)) != (built if built is not None else Decimal(0))


def ratio_ok(imp: Imported, printed: str, num: Decimal | None, den: Decimal | None) -> bool:
    """Whether a printed percentage agrees with num / den × 100 (round or truncate); an empty
    or '-' percentage agrees where there is no ratio or the numerator is 0."""
    p = imp.number(printed)
    if num is None or den is None or den == 0:
        return p is None
    if p is None:
        return num == 0
    with exact():
        r = num / den * 100
    return numbers.matches_printed(r, p, imp.decimals(printed))


@dataclass(frozen=True)
class Column:
    """How a source value column maps to the built table: its physical column, its kind
    ('target', 'money', 'ratio', 'difference') and, for a ratio or difference, its two
    operand columns (numerator and denominator; minuend and subtrahend)."""

    col: int
    kind: str
    of: tuple[str, str] | None = None


@dataclass
class Outcome:
    """What a budget round trip found."""

    pairs: dict[int, Pair]
    total: Pair | None
    inputs: list[str]
    differences: set[tuple[int, str]]
    found: set[tuple[int, str]]
    inherited: set[tuple[int, str]]

    def built(self, number: int, col: int) -> Decimal | None:
        """The value of a built cell of the row matched with source row `number`."""
        pair = self.total if self.total is not None and self.total.row.number == number \
            else self.pairs[number]
        return value(pair.cells[col])


def run(imp: Imported, table: Table, columns: dict[str, Column], name_col: int,
        indicator_col: int | None) -> Outcome:
    """Compare the built table with the source: input mismatches, computed differences, the
    computed findings of the audit on the matched rows and columns, and the differences that
    are inherited (a sum whose printed value is the sum of its printed children, or a ratio or
    difference that agrees with its printed operands, while a child or an operand is rebuilt
    differently: the audit checks each cell against the printed cells it is made of)."""
    pairs, total = match(imp, table, name_col, indicator_col)
    everything = dict(pairs)
    if total is not None:
        everything[total.row.number] = total
    inputs: list[str] = []
    diff: set[tuple[int, str]] = set()
    computed: set[tuple[int, str]] = set()
    for number, pair in everything.items():
        row = pair.row
        for name, spec in columns.items():
            cell = pair.cells.get(spec.col)
            if cell is None:
                continue
            printed = row.get(name)
            if spec.kind == "target":
                got = lead(imp, text_of(cell))
                if lead(imp, printed) != got:
                    inputs.append(f"baris {number} {name}: tercetak {printed!r}, "
                                  f"dibangun {text_of(cell)!r}")
                continue
            if spec.kind == "money" and not is_sum(cell) and pair is not total:
                if money(imp, printed) != value(cell):
                    inputs.append(f"baris {number} {name}: tercetak {printed!r}, "
                                  f"dibangun {value(cell)}")
                continue
            computed.add((number, name))
            built = value(cell)
            if spec.kind == "money":
                if money_differs(imp, printed, built):
                    diff.add((number, name))
            elif spec.kind == "ratio":
                p = imp.number(printed)
                if p is None:
                    if built is not None and built != 0:
                        diff.add((number, name))
                elif built is None or not numbers.matches_printed(built, p,
                                                                   imp.decimals(printed)):
                    diff.add((number, name))
            else:
                p = imp.number(printed)
                if (p if p is not None else Decimal(0)) != (built or Decimal(0)):
                    diff.add((number, name))
    found = {f for f in imp.computed_findings() if f in computed}
    inherited: set[tuple[int, str]] = set()
    for number, name in diff - found:
        row = everything[number].row
        spec = columns[name]
        if spec.kind == "money":
            if read(imp, row, name) == children_sum(imp, row, name) and _below(
                    row, name, diff, everything):
                inherited.add((number, name))
        elif spec.of is not None:
            a, b = spec.of
            operands_differ = (number, a) in diff or (number, b) in diff
            if spec.kind == "ratio":
                agrees = ratio_ok(imp, row.get(name), read(imp, row, a), read(imp, row, b))
            else:
                pa, pb = read(imp, row, a), read(imp, row, b)
                p = imp.number(row.get(name))
                agrees = (p or Decimal(0)) == (pa or Decimal(0)) - (pb or Decimal(0))
            if agrees and operands_differ:
                inherited.add((number, name))
    return Outcome(pairs, total, inputs, diff, found, inherited)


def _below(row: Row, name: str, diff: set[tuple[int, str]], matched: dict[int, Pair]) -> bool:
    """Whether a child of `row` (looking through rows the built table does not show, such as
    bidang headings) has a built value that differs in column `name`."""
    for k in row.children:
        if (k.number, name) in diff:
            return True
        if k.number not in matched and _below(k, name, diff, matched):
            return True
    return False
