"""The neutral table: a grid of typed cells that every official table is built into.

A `Table` knows nothing of files. It holds the official title and subtitle lines, the header
rows (group headings with column and row spans) and the column-number row, body rows each with
a level style and indentation, notes (faktor pendorong, tindak lanjut …) and signatures. Each
`Cell` is typed (text, count, money, percent, decimal, date, empty) and holds an exact value;
a cell may also carry a formula intent (sum of rows, sum of columns, ratio of two columns) so a
spreadsheet writer can emit live formulas. The writers in `kinerja.io.writers` turn a Table
into XLSX, DOCX, PDF and HTML.

Percent cells hold percentage points: `Decimal("66.5")` is 66,50 %, as official tables print
it in a column headed "(%)". Rounding happens only when a value is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

#: What an empty table body shows.
NIHIL = "Nihil"


class CellKind(StrEnum):
    """What a cell holds."""

    TEXT = "text"
    INTEGER = "integer"      # counts: orang, dokumen, paket
    MONEY = "money"          # rupiah; cents shown only when present
    PERCENT = "percent"      # percentage points, shown with `decimals`
    DECIMAL = "decimal"      # any other number, shown with `decimals`
    DATE = "date"
    EMPTY = "empty"          # no value; `text` says what to show ('', '-', 'Nihil')


NUMERIC_KINDS = frozenset({CellKind.INTEGER, CellKind.MONEY, CellKind.PERCENT, CellKind.DECIMAL})


class RowStyle(StrEnum):
    """The level of a body row; writers style each level (bold programs, shaded totals …)."""

    HEADING = "heading"          # a caption row inside the body (urusan, agency, sasaran)
    URUSAN = "urusan"
    BIDANG = "bidang"
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"
    INDIKATOR = "indikator"      # a further indicator of the row above
    DATA = "data"                # a plain row
    TOTAL = "total"
    AVERAGE = "average"          # rata-rata capaian, predikat


# --- formula intents -------------------------------------------------------------------------


@dataclass(frozen=True)
class SumRows:
    """The sum of this column over the given body rows (0-based indices), e.g. a total of its
    child rows."""

    rows: tuple[int, ...]


@dataclass(frozen=True)
class MeanRows:
    """The unweighted mean of this column over the given body rows (rata-rata capaian)."""

    rows: tuple[int, ...]


@dataclass(frozen=True)
class SumColumns:
    """The sum of the given columns (0-based) of the same row, e.g. T-C.29 column 10 = 5+7+9."""

    columns: tuple[int, ...]


@dataclass(frozen=True)
class Ratio:
    """`numerator / denominator × scale` over two columns (0-based) of the same row, e.g. T-C.29
    column 8 = 7/6. An empty or zero denominator gives no value."""

    numerator: int
    denominator: int
    scale: Decimal = Decimal(100)


Formula = SumRows | MeanRows | SumColumns | Ratio


# --- cells -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One body cell: its kind, its exact value, how many decimals it shows, an optional
    formula intent and how many columns it spans.

    `value` is `str` for TEXT, `int` for INTEGER, `Decimal` for MONEY/PERCENT/DECIMAL, `date`
    for DATE and None for EMPTY; `text` is what an EMPTY cell shows. `decimals` None for MONEY
    means "cents only if present". Use the constructors (`Cell.text(...)`, `Cell.money(...)` …).
    """

    kind: CellKind
    value: str | int | Decimal | date | None = None
    decimals: int | None = None
    formula: Formula | None = None
    colspan: int = 1
    text: str = ""

    def __post_init__(self) -> None:
        kind, value = self.kind, self.value
        if self.colspan < 1:
            raise ValueError("colspan harus >= 1")
        if kind is CellKind.TEXT and not isinstance(value, str):
            raise TypeError("sel teks memerlukan str")
        if kind is CellKind.INTEGER and (not isinstance(value, int) or isinstance(value, bool)):
            raise TypeError("sel bilangan bulat memerlukan int")
        if kind in (CellKind.MONEY, CellKind.PERCENT, CellKind.DECIMAL) and not isinstance(
            value, Decimal
        ):
            raise TypeError(f"sel {kind.value} memerlukan Decimal, bukan {type(value).__name__}")
        if kind is CellKind.DATE and not isinstance(value, date):
            raise TypeError("sel tanggal memerlukan datetime.date")
        if kind is CellKind.EMPTY and value is not None:
            raise TypeError("sel kosong tidak bernilai")
        if self.decimals is not None and self.decimals < 0:
            raise ValueError("decimals harus >= 0")

    # constructors

    @classmethod
    def of_text(cls, value: str, *, colspan: int = 1) -> Cell:
        """A text cell (shown as is; spreadsheet writers never let it become a formula)."""
        return cls(CellKind.TEXT, value, colspan=colspan)

    @classmethod
    def integer(cls, value: int, *, formula: Formula | None = None, colspan: int = 1) -> Cell:
        """A count."""
        return cls(CellKind.INTEGER, value, 0, formula, colspan)

    @classmethod
    def money(
        cls, value: Decimal, *, decimals: int | None = None, formula: Formula | None = None,
        colspan: int = 1,
    ) -> Cell:
        """Rupiah; shown without decimals unless the value has cents (or `decimals` is set)."""
        return cls(CellKind.MONEY, value, decimals, formula, colspan)

    @classmethod
    def percent(
        cls, value: Decimal, decimals: int = 2, *, formula: Formula | None = None,
        colspan: int = 1,
    ) -> Cell:
        """A percentage in points (`Decimal("66.5")` is 66,50 %), shown with `decimals`."""
        return cls(CellKind.PERCENT, value, decimals, formula, colspan)

    @classmethod
    def decimal(
        cls, value: Decimal, decimals: int | None = None, *, formula: Formula | None = None,
        colspan: int = 1,
    ) -> Cell:
        """Any other number; `decimals` None shows the decimals the value has."""
        return cls(CellKind.DECIMAL, value, decimals, formula, colspan)

    @classmethod
    def of_date(cls, value: date, *, colspan: int = 1) -> Cell:
        """A calendar date (shown as `31 Januari 2025`)."""
        return cls(CellKind.DATE, value, colspan=colspan)

    @classmethod
    def empty(cls, text: str = "", *, formula: Formula | None = None, colspan: int = 1) -> Cell:
        """No value; shows `text` ('' by default, '-' or 'Nihil' where a table prints it).
        A formula intent is allowed: its result is empty now (e.g. a ratio over a zero target)."""
        return cls(CellKind.EMPTY, None, None, formula, colspan, text)

    @classmethod
    def nihil(cls, *, colspan: int = 1) -> Cell:
        """The word 'Nihil'."""
        return cls.empty(NIHIL, colspan=colspan)

    # queries

    @property
    def is_number(self) -> bool:
        """True for counts, money, percentages and decimals."""
        return self.kind in NUMERIC_KINDS

    @property
    def shown_decimals(self) -> int:
        """Decimals the value is shown with (money: 2 when it has cents, else 0)."""
        if self.decimals is not None:
            return self.decimals
        if isinstance(self.value, Decimal):
            if self.kind is CellKind.MONEY:
                return 0 if self.value == self.value.to_integral_value() else 2
            exp = self.value.normalize().as_tuple().exponent
            return max(0, -exp) if isinstance(exp, int) else 0
        return 0


def text(value: str, *, colspan: int = 1) -> Cell:
    """Shorthand for `Cell.of_text`."""
    return Cell.of_text(value, colspan=colspan)


# --- header, rows, notes, signatures ---------------------------------------------------------


@dataclass(frozen=True)
class HeaderCell:
    """One heading: its text and spans. Rows list their cells left to right, skipping the
    positions that a rowspan from a row above already covers (as in HTML)."""

    text: str
    colspan: int = 1
    rowspan: int = 1

    def __post_init__(self) -> None:
        if self.colspan < 1 or self.rowspan < 1:
            raise ValueError("colspan dan rowspan harus >= 1")


@dataclass(frozen=True)
class Placed:
    """A header cell placed on the grid: 0-based row and column of its top-left corner."""

    row: int
    column: int
    cell: HeaderCell


@dataclass(frozen=True)
class Column:
    """One physical column: a key for builders, a width in characters (a hint for writers),
    whether rows indent in it, and its horizontal alignment (None: by cell kind)."""

    key: str
    width: float = 12
    indent: bool = False
    align: str | None = None


@dataclass(frozen=True)
class Row:
    """One body row: its cells (spans included they cover every column), its level style and
    its indentation depth (applied in the columns marked `indent`)."""

    cells: tuple[Cell, ...]
    style: RowStyle = RowStyle.DATA
    indent: int = 0

    def __post_init__(self) -> None:
        if self.indent < 0:
            raise ValueError("indent harus >= 0")

    @property
    def width(self) -> int:
        """Columns the row covers."""
        return sum(c.colspan for c in self.cells)

    def placed(self) -> list[tuple[int, Cell]]:
        """(0-based column, cell) for each cell."""
        out: list[tuple[int, Cell]] = []
        col = 0
        for c in self.cells:
            out.append((col, c))
            col += c.colspan
        return out


@dataclass(frozen=True)
class Note:
    """A section below the table: a heading (e.g. 'Faktor pendorong') and its lines."""

    title: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signature:
    """A signature block: place and date, an optional caption ('Mengetahui,'), the position
    (with `acting` 'Plt.' or 'Plh.' put before it), the name, rank and NIP."""

    position: str
    name: str
    place: str = ""
    date: date | str | None = None
    nip: str = ""
    rank: str = ""
    acting: str = ""
    caption: str = ""

    def __post_init__(self) -> None:
        if self.acting and self.acting.rstrip(".").lower() not in ("plt", "plh"):
            raise ValueError("acting harus 'Plt.' atau 'Plh.'")

    @property
    def position_line(self) -> str:
        """The position as printed: 'Plt. Kepala Badan …,'."""
        acting = self.acting.rstrip(".").capitalize() if self.acting else ""
        acting = {"Plt": "Plt.", "Plh": "Plh."}.get(acting, acting)
        line = f"{acting} {self.position}".strip()
        return line if line.endswith(",") else line + ","


# --- the table -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A whole official table, independent of any file format.

    `identifier` names it in the registry (`tc29`), `label` is what precedes the title in a
    document ('Tabel T-C.29'), `subtitle` holds lines such as the agency and the year.
    `header` rows of `HeaderCell` span the `columns`; `column_numbers` is the row of column
    numbers ('1', '8=(7/6)' …), empty when the table has none. Totals and averages are body
    rows with style TOTAL or AVERAGE. An empty body is shown as one row 'Nihil'.
    """

    identifier: str
    title: str
    columns: tuple[Column, ...]
    header: tuple[tuple[HeaderCell, ...], ...]
    rows: tuple[Row, ...] = ()
    column_numbers: tuple[HeaderCell, ...] = ()
    label: str = ""
    subtitle: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    signatures: tuple[Signature, ...] = ()
    meta: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        n = len(self.columns)
        if n == 0:
            raise ValueError("tabel tanpa kolom")
        self.header_layout()  # validates spans
        if self.column_numbers and sum(c.colspan for c in self.column_numbers) != n:
            raise ValueError("baris nomor kolom tidak sama lebar dengan tabel")
        for i, row in enumerate(self.rows):
            if row.width != n:
                raise ValueError(f"baris {i + 1} selebar {row.width} kolom, tabel {n} kolom")
            for _col, cell in row.placed():
                _check_formula(cell.formula, i, n, len(self.rows))

    @property
    def width(self) -> int:
        """Number of physical columns."""
        return len(self.columns)

    @property
    def is_empty(self) -> bool:
        """True when the body has no rows (writers then show 'Nihil')."""
        return not self.rows

    def header_layout(self) -> list[Placed]:
        """Every header cell with its grid position; raises ValueError when the spans do not
        tile the header exactly."""
        n = len(self.columns)
        depth = len(self.header)
        covered = [[False] * n for _ in range(depth)]
        placed: list[Placed] = []
        for r, cells in enumerate(self.header):
            col = 0
            for hc in cells:
                while col < n and covered[r][col]:
                    col += 1
                if col + hc.colspan > n or r + hc.rowspan > depth:
                    raise ValueError(f"judul '{hc.text}' melewati batas tabel")
                for rr in range(r, r + hc.rowspan):
                    for cc in range(col, col + hc.colspan):
                        if covered[rr][cc]:
                            raise ValueError(f"judul '{hc.text}' bertumpuk")
                        covered[rr][cc] = True
                placed.append(Placed(r, col, hc))
                col += hc.colspan
            if not all(covered[r]):
                raise ValueError(f"baris judul {r + 1} tidak menutup semua kolom")
        return placed

    def column_number_layout(self) -> list[Placed]:
        """The column-number row placed on the grid (row index 0)."""
        out: list[Placed] = []
        col = 0
        for hc in self.column_numbers:
            out.append(Placed(0, col, hc))
            col += hc.colspan
        return out


def _check_formula(formula: Formula | None, row: int, ncols: int, nrows: int) -> None:
    if formula is None:
        return
    if isinstance(formula, SumRows | MeanRows):
        bad = [r for r in formula.rows if not 0 <= r < nrows or r == row]
        if bad or not formula.rows:
            raise ValueError(f"rumus baris {row + 1} merujuk baris yang tidak sah: {bad}")
    elif isinstance(formula, SumColumns):
        if not formula.columns or any(not 0 <= c < ncols for c in formula.columns):
            raise ValueError(f"rumus baris {row + 1} merujuk kolom yang tidak sah")
    elif isinstance(formula, Ratio):
        if not (0 <= formula.numerator < ncols and 0 <= formula.denominator < ncols):
            raise ValueError(f"rumus baris {row + 1} merujuk kolom yang tidak sah")


def numbered(count: int, labels: dict[int, str] | None = None) -> tuple[HeaderCell, ...]:
    """A column-number row '1', '2', … with some labels replaced (`{8: '8=(7/6)'}`)."""
    labels = labels or {}
    return tuple(HeaderCell(labels.get(i, str(i))) for i in range(1, count + 1))
