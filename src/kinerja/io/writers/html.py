"""A neutral table as HTML: a fragment to put inside a web page, or a whole printable page.

Every text is escaped; numbers are shown the Indonesian way (`1.234.567`, `66,50`). The header
rows and the column-number row are in `<thead>`, so browsers and WeasyPrint repeat them on
every printed page. The PDF writer prints the full page produced here.
"""

from __future__ import annotations

from html import escape

from kinerja.io.writers._display import display, signature_lines
from kinerja.io.writers._output import Target, emit
from kinerja.tables.grid import NIHIL, Cell, CellKind, Row, Table

#: Page sizes for print: name -> CSS `size` (landscape).
PAGE_SIZES: dict[str, str] = {
    "A4": "297mm 210mm",
    "F4": "330mm 215mm",
}

#: Styles of the fragment; scoped under `.kinerja-tabel` so they do not leak into a page.
CSS = """
.kinerja-tabel { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif;
  color: #000; }
.kinerja-tabel .blok-judul { text-align: center; margin: 0 0 0.8em; }
.kinerja-tabel .blok-judul p { margin: 0.1em 0; }
.kinerja-tabel .label-tabel { font-weight: bold; }
.kinerja-tabel .judul-tabel { font-weight: bold; font-size: 1.1em; }
.kinerja-tabel table.tabel-resmi { border-collapse: collapse; width: 100%;
  table-layout: fixed; }
.kinerja-tabel .tabel-resmi th, .kinerja-tabel .tabel-resmi td { border: 0.6pt solid #000;
  padding: 0.15em 0.3em; vertical-align: top; overflow-wrap: break-word;
  word-wrap: break-word; hyphens: manual; }
.kinerja-tabel .tabel-resmi thead th { background: #e6e6e6; font-weight: bold;
  text-align: center; vertical-align: middle; }
.kinerja-tabel .tabel-resmi thead tr.nomor-kolom th { background: #f3f3f3;
  font-weight: normal; font-style: italic; font-size: 0.9em; }
.kinerja-tabel .tabel-resmi td.angka { text-align: right; white-space: nowrap; }
.kinerja-tabel .tabel-resmi td.tengah { text-align: center; }
.kinerja-tabel .tabel-resmi td.kanan { text-align: right; }
.kinerja-tabel .tabel-resmi td.nihil { text-align: center; font-style: italic; }
.kinerja-tabel .tabel-resmi tr.baris-heading td,
.kinerja-tabel .tabel-resmi tr.baris-urusan td,
.kinerja-tabel .tabel-resmi tr.baris-bidang td { font-weight: bold; background: #f7f7f7; }
.kinerja-tabel .tabel-resmi tr.baris-program td { font-weight: bold; }
.kinerja-tabel .tabel-resmi tr.baris-kegiatan td { font-weight: bold; font-style: italic; }
.kinerja-tabel .tabel-resmi tr.baris-total td,
.kinerja-tabel .tabel-resmi tr.baris-average td { font-weight: bold; background: #ececec; }
.kinerja-tabel .tabel-resmi tr { page-break-inside: avoid; break-inside: avoid; }
.kinerja-tabel .catatan { margin-top: 0.8em; break-inside: avoid; }
.kinerja-tabel .catatan h3 { font-size: 1em; margin: 0.4em 0 0.2em; }
.kinerja-tabel .catatan ol { margin: 0; padding-left: 1.6em; }
.kinerja-tabel .tanda-tangan { display: flex; justify-content: space-between;
  margin-top: 1.5em; break-inside: avoid; page-break-inside: avoid; }
.kinerja-tabel .tanda-tangan.satu { justify-content: flex-end; }
.kinerja-tabel .ttd { width: 38%; text-align: center; }
.kinerja-tabel .ttd p { margin: 0; }
.kinerja-tabel .ttd .ruang { height: 4.5em; }
.kinerja-tabel .ttd .nama { font-weight: bold; text-decoration: underline; }
"""


def _esc(value: str) -> str:
    """Escape text for HTML and keep line breaks."""
    return escape(value, quote=True).replace("\r\n", "\n").replace("\n", "<br>")


def _cell_class(cell: Cell, table: Table, col: int) -> list[str]:
    classes: list[str] = []
    align = table.columns[col].align
    if cell.is_number:
        classes.append("angka")
    elif cell.kind is CellKind.DATE:
        classes.append("tengah")
    elif cell.kind is CellKind.EMPTY and cell.text in ("-", "–", NIHIL):
        classes.append("tengah")
    if align == "center":
        classes.append("tengah")
    elif align == "right":
        classes.append("kanan")
    return classes


def _row_html(row: Row, table: Table) -> str:
    out = [f'<tr class="baris-{row.style.value}">']
    for col, cell in row.placed():
        attrs = []
        classes = _cell_class(cell, table, col)
        if classes:
            attrs.append(f'class="{" ".join(classes)}"')
        if cell.colspan > 1:
            attrs.append(f'colspan="{cell.colspan}"')
        if row.indent and table.columns[col].indent and not cell.is_number:
            attrs.append(f'style="padding-left: {0.3 + 0.9 * row.indent:.1f}em"')
        open_tag = "<td" + ("".join(" " + a for a in attrs)) + ">"
        out.append(f"{open_tag}{_esc(display(cell))}</td>")
    out.append("</tr>")
    return "".join(out)


def render_fragment(table: Table) -> str:
    """The table as an HTML fragment (`<section class="kinerja-tabel">`), styles not
    included (see `CSS`)."""
    parts: list[str] = [
        f'<section class="kinerja-tabel" id="tabel-{_esc(table.identifier)}">',
        '<div class="blok-judul">',
    ]
    if table.label:
        parts.append(f'<p class="label-tabel">{_esc(table.label)}</p>')
    parts.append(f'<p class="judul-tabel">{_esc(table.title)}</p>')
    for line in table.subtitle:
        parts.append(f'<p class="subjudul">{_esc(line)}</p>')
    parts.append("</div>")
    parts.append('<table class="tabel-resmi">')
    total_width = sum(c.width for c in table.columns) or 1
    parts.append("<colgroup>")
    for c in table.columns:
        parts.append(f'<col style="width: {100 * c.width / total_width:.2f}%">')
    parts.append("</colgroup>")
    parts.append("<thead>")
    for cells in table.header:
        parts.append("<tr>")
        for hc in cells:
            span = ""
            if hc.colspan > 1:
                span += f' colspan="{hc.colspan}"'
            if hc.rowspan > 1:
                span += f' rowspan="{hc.rowspan}"'
            parts.append(f'<th scope="col"{span}>{_esc(hc.text)}</th>')
        parts.append("</tr>")
    if table.column_numbers:
        parts.append('<tr class="nomor-kolom">')
        for hc in table.column_numbers:
            span = f' colspan="{hc.colspan}"' if hc.colspan > 1 else ""
            parts.append(f"<th{span}>{_esc(hc.text)}</th>")
        parts.append("</tr>")
    parts.append("</thead><tbody>")
    if table.is_empty:
        parts.append(f'<tr><td class="nihil" colspan="{table.width}">{NIHIL}</td></tr>')
    for row in table.rows:
        parts.append(_row_html(row, table))
    parts.append("</tbody></table>")
    for note in table.notes:
        parts.append('<div class="catatan">')
        parts.append(f"<h3>{_esc(note.title)}</h3>")
        if note.lines:
            parts.append("<ol>" + "".join(f"<li>{_esc(x)}</li>" for x in note.lines) + "</ol>")
        parts.append("</div>")
    if table.signatures:
        one = " satu" if len(table.signatures) == 1 else ""
        parts.append(f'<div class="tanda-tangan{one}">')
        for sig in table.signatures:
            when, top, bottom = signature_lines(sig)
            parts.append('<div class="ttd">')
            parts.append(f"<p>{_esc(when) or '&nbsp;'}</p>")
            parts.extend(f"<p>{_esc(x)}</p>" for x in top)
            parts.append('<p class="ruang"></p>')
            parts.append(f'<p class="nama">{_esc(bottom[0])}</p>')
            parts.extend(f"<p>{_esc(x)}</p>" for x in bottom[1:])
            parts.append("</div>")
        parts.append("</div>")
    parts.append("</section>")
    return "\n".join(parts)


def page_css(page_size: str = "A4", font_size: float | None = None) -> str:
    """Print styles of a full page: landscape `page_size` ('A4' or 'F4' = 215 × 330 mm),
    margins and the page number 'Halaman X dari Y' at the bottom."""
    try:
        size = PAGE_SIZES[page_size.upper()]
    except KeyError:
        raise ValueError(
            f"ukuran kertas '{page_size}' tidak dikenal; pilih {', '.join(PAGE_SIZES)}"
        ) from None
    fs = f"{font_size}pt" if font_size else "7.5pt"
    return f"""
@page {{ size: {size}; margin: 12mm 10mm 14mm 10mm;
  @bottom-right {{ content: "Halaman " counter(page) " dari " counter(pages);
    font-family: "Liberation Sans", Arial, sans-serif; font-size: 7pt; }} }}
html {{ font-size: {fs}; }}
body {{ margin: 0; }}
"""


def _auto_font_size(table: Table) -> float:
    """A print font size that lets wide tables fit the page width."""
    width = sum(c.width for c in table.columns)
    if width <= 120:
        return 9.0
    if width <= 170:
        return 8.0
    if width <= 230:
        return 7.0
    # wider still (the quarterly form: 28 columns): shrink in proportion, not below 4.5 pt
    return max(4.5, round(6.0 * 230 / width, 1))


def render_page(table: Table, *, page_size: str = "A4", font_size: float | None = None,
                lang: str = "id") -> str:
    """The table as a complete HTML document, ready to print or to convert to PDF."""
    title = f"{table.label} {table.title}".strip()
    css = CSS + page_css(page_size, font_size or _auto_font_size(table))
    return (
        f'<!DOCTYPE html>\n<html lang="{_esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_esc(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f"{render_fragment(table)}\n</body>\n</html>\n"
    )


def render(table: Table, *, fragment: bool = False, page_size: str = "A4",
           font_size: float | None = None) -> bytes:
    """UTF-8 bytes of the full page (or of the fragment with `fragment=True`)."""
    if fragment:
        return render_fragment(table).encode("utf-8")
    return render_page(table, page_size=page_size, font_size=font_size).encode("utf-8")


def write(table: Table, target: Target, **options: object) -> None:
    """Write `render(table, **options)` to a path or binary stream."""
    emit(render(table, **options), target)  # type: ignore[arg-type]
