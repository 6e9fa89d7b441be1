"""A neutral table as DOCX (python-docx), in a landscape section.

`render` makes a document holding only the table; `add_table` puts the table into an existing
document (a Renja or LKjIP being assembled): it opens a new landscape section, writes the title
block, the table (header rows and the column-number row marked to repeat on every page), notes
and signatures, and with `back_to_portrait=True` opens a portrait section after it so the
narrative continues upright.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.table import _Cell

from kinerja.io.writers._display import display, signature_lines
from kinerja.io.writers._output import Target, emit
from kinerja.tables.grid import NIHIL, Cell, CellKind, RowStyle, Table

#: Landscape page sizes (width, height) in millimetres.
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": (297, 210), "F4": (330, 215)}
_MARGIN_MM = 12
_FONT = "Arial"


def _span_row(tr: Any, slots: list[tuple[int, int, str | None]], widths: list[int],
              parent: Any) -> dict[int, _Cell]:
    """Apply column spans (gridSpan) and vertical merges (vMerge) to one row of a fresh
    table; returns the cell object at each slot's starting column."""
    tcs = list(tr.tc_lst)
    out: dict[int, _Cell] = {}
    for col, span, vmerge in sorted(slots, reverse=True):
        tc = tcs[col]
        if span > 1:
            tc.grid_span = span
            for extra in tcs[col + 1:col + span]:
                tr.remove(extra)
        if vmerge:
            tc.vMerge = vmerge
        tc.width = Emu(sum(widths[col:col + span]))
        out[col] = _Cell(tc, parent)
    return out


def _cell_margins(dt: Any, side: Any) -> None:
    """Narrow left/right cell margins so wide official tables fit the page."""
    tbl_pr = dt._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for name in ("left", "right"):
        el = OxmlElement(f"w:{name}")
        el.set(qn("w:w"), str(int(side.twips)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    _insert_before(tbl_pr, mar, ("tblLook", "tblCaption", "tblDescription"))


def _insert_before(parent: Any, child: Any, successors: tuple[str, ...]) -> None:
    """Insert `child` before the first of `successors` present (OOXML element order)."""
    for name in successors:
        found = parent.find(qn(f"w:{name}"))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def _shade(tc: Any, color: str) -> None:
    tc_pr = tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), color)
    _insert_before(tc_pr, shd, ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign",
                                "hideMark"))


def _repeat_header(tr: Any) -> None:
    tr_pr = tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _no_split(tr: Any) -> None:
    tr_pr = tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _put(cell: Any, value: str, *, size: float, bold: bool = False, italic: bool = False,
         align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT, indent_mm: float = 0) -> None:
    """Set a table cell's text (line breaks kept) with one run style."""
    par = cell.paragraphs[0]
    par.alignment = align
    fmt = par.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    if indent_mm:
        fmt.left_indent = Mm(indent_mm)
    run = par.add_run()
    run.font.size = Pt(size)
    run.font.name = _FONT
    run.bold = bold
    run.italic = italic
    for k, line in enumerate(value.split("\n")):
        if k:
            run.add_break()
        run.add_text(line)


def _paragraph(document: Any, value: str, *, size: float, bold: bool = False,
               align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
               underline: bool = False) -> Any:
    par = document.add_paragraph()
    par.alignment = align
    par.paragraph_format.space_before = Pt(0)
    par.paragraph_format.space_after = Pt(0)
    run = par.add_run(value)
    run.font.size = Pt(size)
    run.font.name = _FONT
    run.bold = bold
    run.underline = underline
    return par


def _set_landscape(section: Any, page_size: str) -> None:
    width, height = PAGE_SIZES[page_size]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width = Mm(width)
    section.page_height = Mm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(_MARGIN_MM))


def _auto_font_size(table: Table) -> float:
    width = sum(c.width for c in table.columns)
    return 9.0 if width <= 120 else 8.0 if width <= 170 else 7.0 if width <= 230 else 6.0


def add_table(document: Any, table: Table, *, page_size: str = "A4",
              font_size: float | None = None, new_section: bool = True,
              back_to_portrait: bool = False) -> Any:
    """Append `table` to a python-docx `document` in a landscape section and return the
    python-docx table. `new_section=False` uses the current (last) section, turned
    landscape."""
    page_size = page_size.upper()
    if page_size not in PAGE_SIZES:
        raise ValueError(
            f"ukuran kertas '{page_size}' tidak dikenal; pilih {', '.join(PAGE_SIZES)}"
        )
    size = font_size or _auto_font_size(table)
    section = document.add_section(WD_SECTION.NEW_PAGE) if new_section else document.sections[-1]
    _set_landscape(section, page_size)
    usable_mm = PAGE_SIZES[page_size][0] - 2 * _MARGIN_MM

    if table.label:
        _paragraph(document, table.label, size=size + 2, bold=True)
    _paragraph(document, table.title, size=size + 2, bold=True)
    for line in table.subtitle:
        _paragraph(document, line, size=size + 1, bold=True)
    _paragraph(document, "", size=size)

    n = table.width
    head_rows = len(table.header) + (1 if table.column_numbers else 0)
    body_rows = len(table.rows) or 1
    dt = document.add_table(rows=head_rows + body_rows, cols=n)
    dt.style = "Table Grid"
    dt.alignment = WD_TABLE_ALIGNMENT.CENTER
    dt.autofit = False
    total = sum(c.width for c in table.columns) or 1
    widths = [int(Mm(usable_mm * c.width / total)) for c in table.columns]
    for j, col in enumerate(dt.columns):
        col.width = widths[j]
    _cell_margins(dt, Mm(0.8))
    trs = dt._tbl.tr_lst

    # slots per grid row: (column, colspan, vertical merge role)
    slots: list[list[tuple[int, int, str | None]]] = [[] for _ in range(len(trs))]
    for p in table.header_layout():
        rs, cs = p.cell.rowspan, p.cell.colspan
        slots[p.row].append((p.column, cs, "restart" if rs > 1 else None))
        for rr in range(p.row + 1, p.row + rs):
            slots[rr].append((p.column, cs, "continue"))
    if table.column_numbers:
        slots[len(table.header)] = [(p.column, p.cell.colspan, None)
                                    for p in table.column_number_layout()]
    if table.is_empty:
        slots[head_rows] = [(0, n, None)]
    for i, row in enumerate(table.rows):
        slots[head_rows + i] = [(col, cell.colspan, None) for col, cell in row.placed()]
    cells: list[dict[int, _Cell]] = [_span_row(trs[r], slots[r], widths, dt)
                                     for r in range(len(trs))]

    # header
    for p in table.header_layout():
        head_cell = cells[p.row][p.column]
        _put(head_cell, p.cell.text, size=size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        head_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if table.column_numbers:
        r = len(table.header)
        for p in table.column_number_layout():
            _put(cells[r][p.column], p.cell.text, size=size - 1, italic=True,
                 align=WD_ALIGN_PARAGRAPH.CENTER)
    for r in range(head_rows):
        _repeat_header(trs[r])
        for tc in trs[r].tc_lst:
            _shade(tc, "E6E6E6" if r < len(table.header) else "F3F3F3")

    # body
    if table.is_empty:
        _put(cells[head_rows][0], NIHIL, size=size, italic=True,
             align=WD_ALIGN_PARAGRAPH.CENTER)
    for i, row in enumerate(table.rows):
        r = head_rows + i
        _no_split(trs[r])
        bold = row.style in (RowStyle.HEADING, RowStyle.URUSAN, RowStyle.BIDANG,
                             RowStyle.PROGRAM, RowStyle.KEGIATAN, RowStyle.TOTAL,
                             RowStyle.AVERAGE)
        italic = row.style is RowStyle.KEGIATAN
        shaded = row.style in (RowStyle.TOTAL, RowStyle.AVERAGE)
        for col, cell in row.placed():
            target = cells[r][col]
            _put(target, display(cell), size=size, bold=bold, italic=italic,
                 align=_align(cell, table.columns[col].align),
                 indent_mm=(2.5 * row.indent if table.columns[col].indent
                            and not cell.is_number else 0))
            if shaded:
                _shade(target._tc, "ECECEC")

    for note in table.notes:
        _paragraph(document, "", size=size)
        _paragraph(document, note.title, size=size + 1, bold=True,
                   align=WD_ALIGN_PARAGRAPH.LEFT)
        for k, line in enumerate(note.lines, start=1):
            _paragraph(document, f"{k}. {line}", size=size + 1, align=WD_ALIGN_PARAGRAPH.LEFT)

    if table.signatures:
        _paragraph(document, "", size=size)
        count = len(table.signatures)
        cols = 2 if count == 1 else count
        st = document.add_table(rows=1, cols=cols)
        st.alignment = WD_TABLE_ALIGNMENT.CENTER
        _no_split(st.rows[0]._tr)
        for k, sig in enumerate(table.signatures):
            box = st.cell(0, cols - 1 if count == 1 else k)
            when, top, bottom = signature_lines(sig)
            lines = [when, *top, "", "", "", *bottom]
            box.paragraphs[0].text = ""
            for j, line in enumerate(lines):
                par = box.paragraphs[0] if j == 0 else box.add_paragraph()
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
                par.paragraph_format.space_after = Pt(0)
                run = par.add_run(line)
                run.font.size = Pt(size + 1)
                run.font.name = _FONT
                if line and line == bottom[0] and j == len(lines) - len(bottom):
                    run.bold = True
                    run.underline = True

    if back_to_portrait:
        back = document.add_section(WD_SECTION.NEW_PAGE)
        back.orientation = WD_ORIENT.PORTRAIT
        back.page_width, back.page_height = section.page_height, section.page_width
    return dt


def _align(cell: Cell, column_align: str | None) -> WD_ALIGN_PARAGRAPH:
    if column_align == "center":
        return WD_ALIGN_PARAGRAPH.CENTER
    if column_align == "right" or cell.is_number:
        return WD_ALIGN_PARAGRAPH.RIGHT
    if cell.kind is CellKind.DATE or (cell.kind is CellKind.EMPTY
                                      and cell.text in ("-", "–", NIHIL)):
        return WD_ALIGN_PARAGRAPH.CENTER
    return WD_ALIGN_PARAGRAPH.LEFT


def render(table: Table, *, page_size: str = "A4", font_size: float | None = None) -> bytes:
    """A DOCX document holding the table alone (one landscape section)."""
    document = Document()
    add_table(document, table, page_size=page_size, font_size=font_size, new_section=False)
    buf = BytesIO()
    document.save(buf)
    return buf.getvalue()


def write(table: Table, target: Target, *, page_size: str = "A4",
          font_size: float | None = None) -> None:
    """Write the DOCX to a path or binary stream."""
    emit(render(table, page_size=page_size, font_size=font_size), target)
