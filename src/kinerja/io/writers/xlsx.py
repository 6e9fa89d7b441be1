"""A neutral table as an XLSX workbook (openpyxl), laid out like the printed official table.

The sheet has the title block, the header rows with merged group cells, the column-number row,
the body, notes and signatures. Numbers are stored as numbers, never as text, with display
formats that carry the Indonesian locale tag `[$-421]`:

- counts and money `[$-421]#,##0` (money with cents `[$-421]#,##0.00`), percentages
  `[$-421]#,##0.00` (the value is in percentage points, as the tables print `66,50` under
  "(%)"), other decimals with their own decimals, dates `[$-421]d mmmm yyyy`.

Why the tag: the codes `#,##0` and `0.00` always use `,` for the group and `.` for the decimal
mark, and the application displays them with the reader's separators. Excel on an Indonesian
Windows shows `1.234.567` from plain `#,##0` already; LibreOffice applies the separators of the
format's own locale, so with `[$-421]` it shows `1.234.567` and `66,50` even on an English
desktop, and month names in dates are Indonesian in both.

Page set-up: landscape, fitted to one page wide (any number of pages tall), A4 or F4 (Excel's
"Folio" 8½ × 13 in, the 215 × 330 mm paper Indonesian offices call F4), the header rows
repeated on every printed page, panes frozen below the header.

Totals and computed columns are written as values; with `formulas=True` cells that carry a
formula intent become live formulas (`=SUM(...)`, `=AVERAGE(...)`, the ratio of two columns).
Text is never a formula: text beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is
stored as a string with the quote prefix, as a spreadsheet does for text typed after `'`.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as XCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kinerja.io.writers._display import signature_lines
from kinerja.io.writers._output import Target, emit
from kinerja.tables.grid import (
    NIHIL,
    Cell,
    CellKind,
    MeanRows,
    Ratio,
    RowStyle,
    SumColumns,
    SumRows,
    Table,
)

#: Characters that make a spreadsheet read text as a formula (or a DDE/command payload).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

#: Excel paper size codes: A4 = 9; F4 = 14 ("Folio", 8½ × 13 in ≈ 216 × 330 mm).
PAPER_SIZES: dict[str, int] = {"A4": 9, "F4": 14}

LOCALE_TAG = "[$-421]"
FORMAT_INTEGER = LOCALE_TAG + "#,##0"
FORMAT_DATE = LOCALE_TAG + "d mmmm yyyy"

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E6E6E6")
_NUMBER_FILL = PatternFill("solid", fgColor="F3F3F3")
_TOTAL_FILL = PatternFill("solid", fgColor="ECECEC")
_HEADING_FILL = PatternFill("solid", fgColor="F7F7F7")
_FONT = "Arial"
_SIZE = 9
_LINE = 11.5  # points per line of 9 pt text


def number_format(decimals: int) -> str:
    """The Indonesian display format with `decimals` places: `[$-421]#,##0.00`."""
    return FORMAT_INTEGER + ("." + "0" * decimals if decimals > 0 else "")


def cell_format(cell: Cell) -> str | None:
    """The number format of a body cell (None for text)."""
    if cell.kind is CellKind.DATE:
        return FORMAT_DATE
    if cell.kind is CellKind.INTEGER:
        return FORMAT_INTEGER
    if cell.kind in (CellKind.MONEY, CellKind.PERCENT, CellKind.DECIMAL):
        return number_format(cell.shown_decimals)
    if cell.kind is CellKind.EMPTY and cell.formula is not None:
        return number_format(2 if isinstance(cell.formula, Ratio | MeanRows) else 0)
    return None


def put_text(xc: XCell, value: str) -> None:
    """Store `value` as text that can never be evaluated as a formula."""
    xc.value = value
    if value.startswith(FORMULA_TRIGGERS):
        xc.data_type = "s"
        xc.quotePrefix = True


def _refs(letter: str, rows: list[int]) -> str:
    """`F5:F9,F12` from sheet rows, contiguous runs as ranges."""
    rows = sorted(set(rows))
    parts: list[str] = []
    start = prev = rows[0]
    for r in [*rows[1:], None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        parts.append(f"{letter}{start}" if start == prev else f"{letter}{start}:{letter}{prev}")
        if r is not None:
            start = prev = r
    return ",".join(parts)


def formula_text(cell: Cell, col: int, sheet_row: int, first_body_row: int) -> str:
    """The Excel formula for a cell's formula intent at (`col` 0-based, `sheet_row`)."""
    f = cell.formula
    letter = get_column_letter(col + 1)
    if isinstance(f, SumRows):
        return f"=SUM({_refs(letter, [first_body_row + r for r in f.rows])})"
    if isinstance(f, MeanRows):
        return f'=IFERROR(AVERAGE({_refs(letter, [first_body_row + r for r in f.rows])}),"")'
    if isinstance(f, SumColumns):
        refs = ",".join(f"{get_column_letter(c + 1)}{sheet_row}" for c in f.columns)
        return f"=SUM({refs})"
    if isinstance(f, Ratio):
        num = f"{get_column_letter(f.numerator + 1)}{sheet_row}"
        den = f"{get_column_letter(f.denominator + 1)}{sheet_row}"
        scale = "" if f.scale == 1 else f"*{_plain(f.scale)}"
        return f'=IF(AND(ISNUMBER({num}),N({den})<>0),{num}/{den}{scale},"")'
    raise TypeError(f"rumus tidak dikenal: {f!r}")


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _value(cell: Cell) -> int | Decimal | date | str | None:
    if cell.kind is CellKind.EMPTY:
        return cell.text or None
    return cell.value


def _text_lines(value: str, width: float, bold: bool = False) -> int:
    """Lines a wrapped text needs in a cell `width` characters wide (an estimate: capitals
    and bold letters are wider)."""
    chars = max(width * 1.4 - 1.5, 1)
    if bold:
        chars /= 1.1
    total = 0
    for part in value.split("\n"):
        size = len(part) * (1.3 if part.isupper() else 1.0)
        total += max(1, math.ceil(size / chars))
    return total


def _merge_width(ws: Worksheet, first: int, span: int) -> float:
    total = 0.0
    for c in range(first, first + span):
        total += ws.column_dimensions[get_column_letter(c)].width or 9
    return total


def _box(ws: Worksheet, row: int, col: int, rowspan: int, colspan: int) -> None:
    """Borders on every cell of a (merged) block; spreadsheets draw merged borders per cell."""
    for r in range(row, row + rowspan):
        for c in range(col, col + colspan):
            ws.cell(r, c).border = _BORDER


def _block(ws: Worksheet, row: int, col: int, span: int, value: str, *, bold: bool = False,
           size: float = _SIZE, align: str = "center", wrap: bool = True) -> None:
    """A text line merged over `span` columns starting at `col` (1-based)."""
    xc = ws.cell(row, col)
    put_text(xc, value)
    xc.font = Font(name=_FONT, size=size, bold=bold)
    xc.alignment = Alignment(horizontal=align, vertical="top", wrap_text=wrap)
    if span > 1:
        ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
    if wrap and value:
        lines = _text_lines(value, _merge_width(ws, col, span))
        if lines > 1:
            ws.row_dimensions[row].height = max(
                ws.row_dimensions[row].height or 0, lines * size * 1.45
            )


def build_workbook(table: Table, *, formulas: bool = False, page_size: str = "A4",
                   sheet_title: str | None = None) -> Workbook:
    """The workbook (one sheet) of a table; see the module docstring for the layout."""
    try:
        paper = PAPER_SIZES[page_size.upper()]
    except KeyError:
        raise ValueError(
            f"ukuran kertas '{page_size}' tidak dikenal; pilih {', '.join(PAPER_SIZES)}"
        ) from None
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = (sheet_title or table.identifier or "Tabel")[:31]
    n = table.width
    for j, column in enumerate(table.columns, start=1):
        ws.column_dimensions[get_column_letter(j)].width = column.width

    # title block
    r = 1
    if table.label:
        _block(ws, r, 1, n, table.label, bold=True, size=11)
        r += 1
    _block(ws, r, 1, n, table.title, bold=True, size=11)
    r += 1
    for line in table.subtitle:
        _block(ws, r, 1, n, line, bold=True, size=10)
        r += 1
    r += 1

    # header
    header_top = r
    head_font = Font(name=_FONT, size=_SIZE, bold=True)
    head_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    need: dict[int, float] = {}
    for p in table.header_layout():
        hrow, col = header_top + p.row, p.column + 1
        xc = ws.cell(hrow, col)
        put_text(xc, p.cell.text)
        xc.font = head_font
        xc.alignment = head_align
        xc.fill = _HEADER_FILL
        _box(ws, hrow, col, p.cell.rowspan, p.cell.colspan)
        for rr in range(hrow, hrow + p.cell.rowspan):
            for cc in range(col, col + p.cell.colspan):
                ws.cell(rr, cc).fill = _HEADER_FILL
        if p.cell.rowspan > 1 or p.cell.colspan > 1:
            ws.merge_cells(start_row=hrow, start_column=col,
                           end_row=hrow + p.cell.rowspan - 1,
                           end_column=col + p.cell.colspan - 1)
        # height the heading needs, shared among the rows it spans
        nlines = _text_lines(p.cell.text, _merge_width(ws, col, p.cell.colspan))
        per_row = nlines * _SIZE * 1.4 / p.cell.rowspan + 4
        for rr in range(hrow, hrow + p.cell.rowspan):
            need[rr] = max(need.get(rr, 0), per_row)
    for rr, h in need.items():
        ws.row_dimensions[rr].height = max(h, 15)
    r = header_top + len(table.header)
    if table.column_numbers:
        num_font = Font(name=_FONT, size=_SIZE - 1, italic=True)
        for p in table.column_number_layout():
            xc = ws.cell(r, p.column + 1)
            put_text(xc, p.cell.text)
            xc.font = num_font
            xc.alignment = Alignment(horizontal="center", vertical="center")
            _box(ws, r, p.column + 1, 1, p.cell.colspan)
            for cc in range(p.column + 1, p.column + 1 + p.cell.colspan):
                ws.cell(r, cc).fill = _NUMBER_FILL
            if p.cell.colspan > 1:
                ws.merge_cells(start_row=r, start_column=p.column + 1, end_row=r,
                               end_column=p.column + p.cell.colspan)
        r += 1
    header_bottom = r - 1
    first_body = r

    # body
    if table.is_empty:
        xc = ws.cell(r, 1)
        put_text(xc, NIHIL)
        xc.font = Font(name=_FONT, size=_SIZE, italic=True)
        xc.alignment = Alignment(horizontal="center")
        _box(ws, r, 1, 1, n)
        if n > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
        r += 1
    for i, row in enumerate(table.rows):
        sheet_row = first_body + i
        bold = row.style in (RowStyle.HEADING, RowStyle.URUSAN, RowStyle.BIDANG,
                             RowStyle.PROGRAM, RowStyle.KEGIATAN, RowStyle.TOTAL,
                             RowStyle.AVERAGE)
        italic = row.style is RowStyle.KEGIATAN
        font = Font(name=_FONT, size=_SIZE, bold=bold, italic=italic)
        fill = (_TOTAL_FILL if row.style in (RowStyle.TOTAL, RowStyle.AVERAGE)
                else _HEADING_FILL if row.style in (RowStyle.HEADING, RowStyle.URUSAN,
                                                     RowStyle.BIDANG) else None)
        lines = 1
        for col, cell in row.placed():
            xc = ws.cell(sheet_row, col + 1)
            column = table.columns[col]
            if cell.kind is CellKind.TEXT and isinstance(cell.value, str):
                room = _merge_width(ws, col + 1, cell.colspan)
                if column.indent:
                    room -= 1.5 * row.indent
                lines = max(lines, _text_lines(cell.value, room, bold))
            if formulas and cell.formula is not None:
                xc.value = formula_text(cell, col, sheet_row, first_body)
            else:
                v = _value(cell)
                if isinstance(v, str):
                    put_text(xc, v)
                else:
                    xc.value = v
            fmt = cell_format(cell)
            if fmt:
                xc.number_format = fmt
            if cell.is_number or (cell.kind is CellKind.EMPTY and cell.formula is not None):
                horizontal = "right"
            elif cell.kind is CellKind.DATE or (
                cell.kind is CellKind.EMPTY and cell.text in ("-", "–", NIHIL)
            ):
                horizontal = "center"
            else:
                horizontal = "left"
            if column.align in ("left", "center", "right"):
                horizontal = column.align
            indent = row.indent if column.indent and not cell.is_number else 0
            xc.alignment = Alignment(horizontal=horizontal, vertical="top",
                                     wrap_text=not cell.is_number, indent=indent)
            xc.font = font
            _box(ws, sheet_row, col + 1, 1, cell.colspan)
            if fill is not None:
                for cc in range(col + 1, col + 1 + cell.colspan):
                    ws.cell(sheet_row, cc).fill = fill
            if cell.colspan > 1:
                ws.merge_cells(start_row=sheet_row, start_column=col + 1, end_row=sheet_row,
                               end_column=col + cell.colspan)
        if lines > 1:
            # spreadsheets do not grow rows for wrapped text on opening; set the height
            ws.row_dimensions[sheet_row].height = lines * _LINE + 3
        r = sheet_row + 1

    # notes
    for note in table.notes:
        r += 1
        _block(ws, r, 1, n, note.title, bold=True, align="left")
        r += 1
        for k, line in enumerate(note.lines, start=1):
            _block(ws, r, 1, n, f"{k}. {line}", align="left")
            r += 1

    # signatures: side by side, each over an equal share of the rightmost columns
    if table.signatures:
        r += 1
        count = len(table.signatures)
        share = max(1, n // (2 if count == 1 else count))
        for k, sig in enumerate(table.signatures):
            first_col = (n - share + 1) if count == 1 else (1 + k * share)
            span = share if (count == 1 or k < count - 1) else n - k * share
            when, top, bottom = signature_lines(sig)
            block: list[tuple[str, bool]] = [(when, False)] + [(x, False) for x in top]
            block += [("", False), ("", False), ("", False)]
            block += [(bottom[0], True)] + [(x, False) for x in bottom[1:]]
            for j, (line, bold) in enumerate(block):
                _block(ws, r + j, first_col, span, line, bold=bold)
                if bold:
                    ws.cell(r + j, first_col).font = Font(name=_FONT, size=_SIZE, bold=True,
                                                          underline="single")
        r += 3 + 1 + 4 + 2

    # print set-up
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = paper
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_title_rows = f"{header_top}:{header_bottom}"
    ws.freeze_panes = ws.cell(first_body, 1)
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.center.size = 8
    return wb


def render(table: Table, *, formulas: bool = False, page_size: str = "A4",
           sheet_title: str | None = None) -> bytes:
    """The XLSX bytes. `formulas=True` writes live formulas where cells carry a formula intent;
    `page_size` 'A4' or 'F4'; `sheet_title` the sheet name (default: the table identifier)."""
    buf = BytesIO()
    build_workbook(table, formulas=formulas, page_size=page_size,
                   sheet_title=sheet_title).save(buf)
    return buf.getvalue()


def write(table: Table, target: Target, *, formulas: bool = False, page_size: str = "A4",
          sheet_title: str | None = None) -> None:
    """Write the workbook to a path or binary stream (options as for `render`)."""
    emit(render(table, formulas=formulas, page_size=page_size, sheet_title=sheet_title), target)
