"""Narrative documents (the draft LKjIP, the Perjanjian Kinerja) as DOCX and PDF.

A document arrives as a `kinerja.tables.lkjip_draft.Draft`: headings, paragraphs, lists,
label–value lines, official tables, charts and signatures. `render_docx` writes it with
python-docx on portrait A4, each official table in a landscape section of its own (through
the DOCX table writer's `add_table`) and each chart as a PNG picture; `render_pdf` prints the
same blocks as HTML with WeasyPrint, tables on landscape pages and charts embedded as images.
Passages the planner must still write are highlighted in both.

`lkjip_document(record, year)` and `lkjip_pdf(record, year)` build the draft LKjIP of a year and
return its bytes.
"""

from __future__ import annotations

import base64
from dataclasses import replace
from html import escape
from io import BytesIO
from typing import Any

from kinerja.io import charts
from kinerja.io.writers import html as html_writer
from kinerja.io.writers._display import signature_lines
from kinerja.tables.grid import Signature
from kinerja.tables.lkjip_draft import (
    AbsorptionChart,
    Block,
    Draft,
    Fields,
    Figure,
    Heading,
    Items,
    PageBreak,
    Paragraph,
    SasaranChart,
    Signatures,
    TableBlock,
    draft,
)
from kinerja.tables.record import AgencyRecord

_FONT = "Arial"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def chart_png(chart: SasaranChart | AbsorptionChart) -> bytes:
    """The PNG of a chart block."""
    if isinstance(chart, SasaranChart):
        return charts.target_realisation_chart(chart.title, chart.series)
    return charts.absorption_chart(chart.title, chart.programs)


def _marker(style: str, k: int) -> str:
    if style == "letter":
        return f"{_LETTERS[k % 26]}."
    if style == "bullet":
        return "\u2022"
    return f"{k + 1}."


# --- DOCX ----------------------------------------------------------------------------------


def _run(par: Any, text: str, *, size: float = 11, bold: bool = False,
         italic: bool = False, highlight: bool = False) -> Any:
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt

    run = par.add_run(text)
    run.font.name = _FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    if highlight:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return run


def _portrait(section: Any) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = Mm(30)
    section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(25)


def aligned_lines(signatures: tuple[Signature, ...]) -> list[tuple[str, list[str], list[str]]]:
    """The lines of each signature block, padded so that the names stand on one line."""
    parts = [signature_lines(s) for s in signatures]
    tops = max((len(t) for _, t, _ in parts), default=0)
    bottoms = max((len(b) for _, _, b in parts), default=0)
    return [(w, t + [""] * (tops - len(t)), b + [""] * (bottoms - len(b))) for w, t, b in parts]


def _docx_signatures(document: Any, signatures: tuple[Signature, ...]) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document.add_paragraph()
    table = document.add_table(rows=1, cols=max(2, len(signatures)))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    offset = 1 if len(signatures) == 1 else 0
    for k, (when, top, bottom) in enumerate(aligned_lines(signatures)):
        box = table.cell(0, k + offset)
        lines = [when or " ", *top, "", "", "", *bottom]
        for j, line in enumerate(lines):
            par = box.paragraphs[0] if j == 0 else box.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            par.paragraph_format.space_after = Pt(0)
            is_name = j == len(lines) - len(bottom)
            run = _run(par, line, bold=is_name)
            run.underline = is_name


def render_docx(document_draft: Draft) -> bytes:
    """The document as DOCX bytes."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    from kinerja.io.writers.docx import add_table

    doc = Document()
    _portrait(doc.sections[0])
    normal = doc.styles["Normal"]
    normal.font.name = _FONT
    normal.font.size = Pt(11)
    for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        style = doc.styles[name]
        style.font.name = _FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = None

    fresh = True          # at the top of a page: a page break would leave a blank page
    landscape = False     # inside a landscape section opened for a table

    if document_draft.cover:
        big = document_draft.cover_page
        for k, line in enumerate(document_draft.cover):
            par = doc.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            par.paragraph_format.space_before = Pt(120 if big and k == 0 else 2)
            _run(par, line, size=(16 if k < 2 else 13) if big else 12, bold=True)
        if big:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            doc.add_paragraph()
            fresh = False

    blocks = list(document_draft.blocks)
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if landscape and not isinstance(block, (TableBlock, Signatures)):
            section = doc.add_section(WD_SECTION.NEW_PAGE)
            _portrait(section)
            landscape, fresh = False, True
        if isinstance(block, PageBreak):
            if not fresh:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                fresh = True
            continue
        fresh = False
        if isinstance(block, Heading):
            text = f"{block.number} {block.text}".strip()
            heading = doc.add_heading(text, level=block.level)
            if block.level == 1:
                heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, Paragraph):
            par = doc.add_paragraph()
            par.alignment = (WD_ALIGN_PARAGRAPH.CENTER if block.center
                             else WD_ALIGN_PARAGRAPH.JUSTIFY)
            par.paragraph_format.space_after = Pt(6)
            par.paragraph_format.first_line_indent = Mm(10) if not block.fill else None
            _run(par, block.text, bold=block.bold, highlight=block.fill,
                 italic=block.fill)
        elif isinstance(block, Items):
            for k, item in enumerate(block.items):
                par = doc.add_paragraph()
                par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                fmt = par.paragraph_format
                fmt.left_indent = Mm(8)
                fmt.first_line_indent = Mm(-6)
                fmt.space_after = Pt(2)
                _run(par, f"{_marker(block.style, k)}\t{item}")
        elif isinstance(block, Fields):
            for label, value in block.rows:
                par = doc.add_paragraph()
                fmt = par.paragraph_format
                fmt.left_indent = Mm(10)
                fmt.space_after = Pt(0)
                fmt.tab_stops.add_tab_stop(Mm(35))
                fmt.tab_stops.add_tab_stop(Mm(39))
                _run(par, f"{label}\t:\t{value}")
        elif isinstance(block, Figure):
            doc.add_picture(BytesIO(chart_png(block.chart)), width=Mm(155))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            cap = doc.add_paragraph()
            cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(cap, block.caption, size=10, italic=True)
        elif isinstance(block, Signatures):
            _docx_signatures(doc, block.signatures)
        elif isinstance(block, TableBlock):
            table = replace(block.table, label=block.label) if block.label else block.table
            new_section = block.new_page or not landscape
            if not new_section:
                doc.add_paragraph()
            stays = isinstance(following, (Signatures,)) or (
                isinstance(following, TableBlock) and not following.new_page)
            add_table(doc, table, new_section=new_section, back_to_portrait=False)
            landscape = True
            if not stays and following is not None:
                section = doc.add_section(WD_SECTION.NEW_PAGE)
                _portrait(section)
                landscape, fresh = False, True
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()


# --- HTML and PDF --------------------------------------------------------------------------

CSS = """
@page { size: A4; margin: 22mm 20mm 22mm 28mm;
  @bottom-center { content: counter(page); font-size: 9pt;
    font-family: "Liberation Sans", Arial, sans-serif; } }
@page lanskap { size: A4 landscape; margin: 12mm 10mm 14mm 10mm; }
html { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; font-size: 11pt; }
body { margin: 0; }
.sampul { text-align: center; font-weight: bold; padding-top: 70mm; break-after: page; }
.sampul p { margin: 0.4em 0; font-size: 15pt; }
.sampul p.kecil { font-size: 12.5pt; }
.judul { text-align: center; font-weight: bold; margin-bottom: 1.5em; }
.judul p { margin: 0.1em 0; font-size: 12pt; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 1em; }
h2 { font-size: 12pt; margin: 1.1em 0 0.4em; }
h3 { font-size: 11pt; margin: 1em 0 0.3em; }
p.teks { text-align: justify; text-indent: 10mm; margin: 0 0 0.5em; line-height: 1.35; }
p.isian { background: #fff2a8; font-style: italic; margin: 0 0 0.5em; padding: 0.1em 0.3em; }
p.tebal { font-weight: bold; }
ol.daftar, ul.daftar { margin: 0 0 0.6em; padding-left: 9mm; text-align: justify; }
ol.huruf { list-style-type: lower-alpha; }
table.isian-data { margin: 0.3em 0 0.6em 10mm; border-collapse: collapse; }
table.isian-data td { padding: 0.05em 0.4em 0.05em 0; vertical-align: top; }
figure { margin: 0.8em 0 1em; text-align: center; break-inside: avoid; }
figure img { width: 150mm; }
figcaption { font-style: italic; font-size: 10pt; margin-top: 0.3em; }
.halaman-baru { break-before: page; }
@page tegak { size: A4; margin: 22mm 20mm 22mm 28mm; }
.lanskap-kelompok { page: lanskap; }
.tegak-kelompok { page: tegak; }
.lanskap.baru { break-before: page; }
.lanskap .kinerja-tabel { font-size: 7.5pt; }
.lanskap + .lanskap:not(.baru) { margin-top: 1.2em; }
.ttd-blok { display: flex; justify-content: space-between; margin-top: 1.6em;
  break-inside: avoid; }
.ttd-blok.satu { justify-content: flex-end; }
.ttd-blok .ttd { width: 42%; text-align: center; }
.ttd-blok .ttd p { margin: 0; }
.ttd-blok .ttd .ruang { height: 4.5em; }
.ttd-blok .ttd .nama { font-weight: bold; text-decoration: underline; }
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _html_signatures(signatures: tuple[Signature, ...]) -> str:
    one = " satu" if len(signatures) == 1 else ""
    parts = [f'<div class="ttd-blok{one}">']
    for when, top, bottom in aligned_lines(signatures):
        parts.append('<div class="ttd">')
        parts.append(f"<p>{_e(when) or '&nbsp;'}</p>")
        parts.extend(f"<p>{_e(x) or '&nbsp;'}</p>" for x in top)
        parts.append('<p class="ruang"></p>')
        parts.append(f'<p class="nama">{_e(bottom[0])}</p>')
        parts.extend(f"<p>{_e(x) or '&nbsp;'}</p>" for x in bottom[1:])
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def _html_block(block: Block, state: dict[str, bool]) -> str:
    if isinstance(block, PageBreak):
        state["break"] = True
        return ""
    if not isinstance(block, (TableBlock, Signatures)):
        state["lanskap"] = False
    cls = ' class="halaman-baru"' if state.pop("break", False) else ""
    if isinstance(block, Heading):
        tag = f"h{min(block.level, 3)}"
        if block.level == 1:
            return f"<h1{cls}>{_e(block.number)}<br>{_e(block.text)}</h1>"
        return f"<{tag}{cls}>{_e(f'{block.number} {block.text}'.strip())}</{tag}>"
    if isinstance(block, Paragraph):
        kind = "isian" if block.fill else "teks"
        extra = " tebal" if block.bold else ""
        style = ' style="text-align:center;text-indent:0"' if block.center else ""
        brk = " halaman-baru" if cls else ""
        return f'<p class="{kind}{extra}{brk}"{style}>{_e(block.text)}</p>'
    if isinstance(block, Items):
        tag = "ul" if block.style == "bullet" else "ol"
        extra = " huruf" if block.style == "letter" else ""
        items = "".join(f"<li>{_e(x)}</li>" for x in block.items)
        return f'<{tag} class="daftar{extra}">{items}</{tag}>'
    if isinstance(block, Fields):
        rows = "".join(f"<tr><td>{_e(a)}</td><td>:</td><td>{_e(b)}</td></tr>"
                       for a, b in block.rows)
        return f'<table class="isian-data">{rows}</table>'
    if isinstance(block, Figure):
        data = base64.b64encode(chart_png(block.chart)).decode("ascii")
        return (f'<figure><img src="data:image/png;base64,{data}" alt="{_e(block.caption)}">'
                f"<figcaption>{_e(block.caption)}</figcaption></figure>")
    if isinstance(block, Signatures):
        if state.get("lanskap"):
            return f'<div class="lanskap">{_html_signatures(block.signatures)}</div>'
        return _html_signatures(block.signatures)
    assert isinstance(block, TableBlock)
    state["lanskap"] = True
    table = replace(block.table, label=block.label) if block.label else block.table
    new = " baru" if block.new_page else ""
    return f'<div class="lanskap{new}">{html_writer.render_fragment(table)}</div>'


def render_html(document_draft: Draft) -> str:
    """The document as one printable HTML page (charts embedded as data URIs)."""
    parts = ['<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">',
             f"<title>{_e(document_draft.title)}</title>",
             f"<style>{html_writer.CSS}{CSS}</style>\n</head>\n<body>"]
    blocks = list(document_draft.blocks)
    if document_draft.cover and document_draft.cover_page:
        parts.append('<div class="sampul">' + "".join(
            f'<p class="{"kecil" if k >= 2 else ""}">{_e(x)}</p>'
            for k, x in enumerate(document_draft.cover)) + "</div>")
    elif document_draft.cover:
        parts.append('<div class="judul">'
                     + "".join(f"<p>{_e(x)}</p>" for x in document_draft.cover) + "</div>")
    state: dict[str, bool] = {}
    current = ""
    for block in blocks:
        html = _html_block(block, state)
        if not html:
            continue
        group = "lanskap" if html.startswith('<div class="lanskap') else "tegak"
        if group != current:
            if current:
                parts.append("</div>")
            parts.append(f'<div class="{group}-kelompok">')
            current = group
        parts.append(html)
    if current:
        parts.append("</div>")
    parts.append("</body>\n</html>\n")
    return "\n".join(parts)


def render_pdf(document_draft: Draft) -> bytes:
    """The document as PDF bytes (WeasyPrint)."""
    from weasyprint import HTML  # type: ignore[import-untyped]  # loads Pango

    data = HTML(string=render_html(document_draft)).write_pdf()
    assert data is not None
    return bytes(data)


# --- the draft LKjIP -----------------------------------------------------------------------


def lkjip_document(record: AgencyRecord, year: int, version: str | None = None) -> bytes:
    """The draft LKjIP of `year` as DOCX bytes: chapters I–IV, tables, generated sentences
    and charts."""
    return render_docx(draft(record, year, version))


def lkjip_pdf(record: AgencyRecord, year: int, version: str | None = None) -> bytes:
    """The draft LKjIP of `year` as PDF bytes."""
    return render_pdf(draft(record, year, version))
