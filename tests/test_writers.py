"""Writers of neutral tables: the Paser T-C.29 (from the fixture's printed cells) in XLSX, DOCX,
PDF and HTML, each reopened and checked; PDF pages rendered with poppler when available and the
XLSX converted by LibreOffice when `soffice` is installed."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja.io.doctable import read_table
from kinerja.tables import registry
from kinerja.tables.grid import (
    Cell,
    Column,
    HeaderCell,
    MeanRows,
    Note,
    Ratio,
    Row,
    RowStyle,
    Signature,
    SumColumns,
    SumRows,
    Table,
)

FIXTURE = Path("/work/shared/fixtures/paser-renja-2025/tc29.csv")
if not FIXTURE.is_file():  # the fixtures may also live beside the repository
    FIXTURE = Path(__file__).resolve().parents[2] / "shared/fixtures/paser-renja-2025/tc29.csv"

needs_fixture = pytest.mark.skipif(not FIXTURE.is_file(), reason="fixture Paser tidak ada")

# physical columns of the T-C.29 layout (registry.TC29)
C4, C5, C6, C7, C8, C9, C10, C11 = 3, 5, 7, 9, 11, 12, 13, 14

_STYLES = {
    "urusan": (RowStyle.URUSAN, 0), "lain": (RowStyle.HEADING, 0),
    "program": (RowStyle.PROGRAM, 0), "kegiatan": (RowStyle.KEGIATAN, 1),
    "sub_kegiatan": (RowStyle.SUB_KEGIATAN, 2), "indikator": (RowStyle.INDIKATOR, 2),
}


def printed_number(text: str, *, percent: bool = False,
                   formula: Ratio | SumColumns | None = None) -> Cell:
    """A printed cell of the fixture as a typed cell (a test-side reader: '1.400' is 1400,
    '99,53' is 99.53, '88.89' a stray dot decimal, '-' or '' no value)."""
    s = text.strip()
    if s in ("", "-"):
        return Cell.empty(s, formula=formula)
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
        s = s.replace(".", "")
    if not re.fullmatch(r"\d+(\.\d+)?", s):
        return Cell.of_text(text)  # e.g. '85%': kept as printed
    value = Decimal(s)
    decimals = max(0, -int(value.as_tuple().exponent))
    if percent:
        return Cell.percent(value, decimals, formula=formula)
    return Cell.decimal(value, decimals, formula=formula)


def paser_tc29(*, with_average: bool = False) -> Table:
    """The Paser T-C.29 as a neutral table, from the fixture's printed cells."""
    doc = read_table(FIXTURE)
    rows: list[Row] = []
    for r in doc.rows:
        style, indent = _STYLES.get(r.level, (RowStyle.DATA, 0))
        g = r.get
        cells = (
            Cell.of_text(g("kode")), Cell.of_text(g("uraian")), Cell.of_text(g("indikator")),
            printed_number(g("c4_target_renstra")), Cell.of_text(g("c4_satuan")),
            printed_number(g("c5_realisasi_sd")), Cell.of_text(g("c5_satuan")),
            printed_number(g("c6_target")), Cell.of_text(g("c6_satuan")),
            printed_number(g("c7_realisasi")), Cell.of_text(g("c7_satuan")),
            printed_number(g("c8_tingkat_realisasi"), percent=True, formula=Ratio(C7, C6)),
            printed_number(g("c9_target_berikut")),
            printed_number(g("c10_realisasi_kumulatif"), formula=SumColumns((C5, C7, C9))),
            printed_number(g("c11_tingkat_capaian"), percent=True, formula=Ratio(C10, C4)),
        )
        if r.level in ("urusan", "lain"):
            cells = (cells[0], Cell.of_text(g("uraian"), colspan=14))
        rows.append(Row(cells, style, indent))
    if with_average:
        members = tuple(i for i, row in enumerate(rows)
                        if row.style in (RowStyle.SUB_KEGIATAN, RowStyle.INDIKATOR)
                        and row.cells[C8].is_number)
        values = [row.cells[C8].value for row in rows if rows.index(row) in members]
        mean = sum(values, Decimal(0)) / len(values)  # type: ignore[arg-type]
        rows.append(Row(
            (Cell.of_text(""), Cell.of_text("Rata-rata capaian kinerja sub kegiatan", colspan=10),
             Cell.percent(mean, 2, formula=MeanRows(members)), Cell.empty(colspan=3)),
            RowStyle.AVERAGE))
    return registry.TC29.table(
        rows,
        title=("Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian "
               "Renstra Perangkat Daerah s/d Tahun 2024 Kabupaten Paser"),
        subtitle=("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Paser",),
        words={"Tahun Renstra": "Tahun 2021-2026", "n-3": "2022", "n-2": "2023",
               "n-1": "2024"},
        notes=(Note("Faktor pendorong", ("Dukungan pimpinan dan koordinasi antarbidang.",)),
               Note("Tindak lanjut", ("Menyelaraskan satuan target Renstra dan Renja.",))),
        signatures=(Signature(
            position="Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            name="NAMA KEPALA BADAN", place="Tana Paser", date=date(2025, 1, 31),
            rank="Pembina Utama Muda", nip="19700101 199001 1 001", acting="Plt."),),
    )


def _small(rows: tuple[Row, ...] = ()) -> Table:
    return Table(
        identifier="uji", title="Tabel Uji", label="Tabel 1",
        columns=(Column("uraian", 30, indent=True), Column("pagu", 16), Column("realisasi", 16),
                 Column("persen", 10)),
        header=((HeaderCell("Uraian", rowspan=2), HeaderCell("Anggaran", colspan=3)),
                (HeaderCell("Pagu (Rp)"), HeaderCell("Realisasi (Rp)"), HeaderCell("%"))),
        column_numbers=(HeaderCell("1"), HeaderCell("2"), HeaderCell("3"),
                        HeaderCell("4=(3/2)")),
        rows=rows,
    )


def _budget() -> Table:
    d = Decimal
    return _small((
        Row((Cell.of_text("Program A"), Cell.money(d("3000000"), formula=SumRows((1, 2))),
             Cell.money(d("2500000.50"), formula=SumRows((1, 2))),
             Cell.percent(d("83.33335"), formula=Ratio(2, 1))), RowStyle.PROGRAM),
        Row((Cell.of_text("Kegiatan 1"), Cell.money(d("1000000")), Cell.money(d("1000000")),
             Cell.percent(d("100"), formula=Ratio(2, 1))), RowStyle.KEGIATAN, 1),
        Row((Cell.of_text('=HYPERLINK("http://x","klik")'), Cell.money(d("2000000")),
             Cell.money(d("1500000.50")), Cell.percent(d("75.000025"), formula=Ratio(2, 1))),
            RowStyle.KEGIATAN, 1),
        Row((Cell.of_text("Jumlah"), Cell.money(d("3000000"), formula=SumRows((1, 2))),
             Cell.money(d("2500000.50"), formula=SumRows((1, 2))),
             Cell.percent(d("83.33335"), formula=Ratio(2, 1))), RowStyle.TOTAL),
        Row((Cell.of_text("Rata-rata"), Cell.empty(), Cell.empty(),
             Cell.percent(d("87.5"), formula=MeanRows((1, 2)))), RowStyle.AVERAGE),
    ))


# --- XLSX ------------------------------------------------------------------------------------

openpyxl = pytest.importorskip("openpyxl")
from kinerja.io.writers import docx as docx_writer  # noqa: E402
from kinerja.io.writers import html as html_writer  # noqa: E402
from kinerja.io.writers import pdf as pdf_writer  # noqa: E402
from kinerja.io.writers import xlsx as xlsx_writer  # noqa: E402


def _load(data: bytes):  # type: ignore[no-untyped-def]
    return openpyxl.load_workbook(io.BytesIO(data)).active


def _find(ws, text: str):  # type: ignore[no-untyped-def]
    for row in ws.iter_rows():
        for c in row:
            if c.value == text:
                return c
    raise AssertionError(f"{text!r} tidak ada di lembar kerja")


@needs_fixture
def test_xlsx_tc29_layout_and_numbers() -> None:
    table = paser_tc29()
    ws = _load(xlsx_writer.render(table))
    # title block and merged group headings
    assert ws["A1"].value == "Tabel T-C.29"
    assert "s/d Tahun 2024 Kabupaten Paser" in ws["A2"].value
    merged = {str(m) for m in ws.merged_cells.ranges}
    group = _find(ws, "Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu (2023)")
    assert f"{group.coordinate}:{openpyxl.utils.get_column_letter(group.column + 4)}" \
        f"{group.row}" in merged
    kode = _find(ws, "Kode")
    assert f"{kode.coordinate}:A{kode.row + 1}" in merged  # rowspan 2
    # column-number row
    num = _find(ws, "8=(7/6)")
    assert num.row == kode.row + 2
    assert _find(ws, "10=(5+7+9)").row == num.row
    assert f"D{num.row}:E{num.row}" in merged  # '4' over value and unit
    first_body = num.row + 1
    # numbers are numbers with Indonesian display formats
    koord = next(r for r in range(first_body, ws.max_row + 1)
                 if ws.cell(r, 2).value == "Koordinasi dan Pelaksanaan Akuntansi SKPD")
    c11 = ws.cell(koord, C11 + 1)
    assert c11.data_type == "n" and Decimal(str(c11.value)) == Decimal("66.50")
    assert c11.number_format == "[$-421]#,##0.00"
    c4 = ws.cell(koord, C4 + 1)
    assert c4.data_type == "n" and c4.value == 1000 and c4.number_format == "[$-421]#,##0"
    assert ws.cell(koord, C4 + 2).value == "Dok"
    arsip = next(r for r in range(first_body, ws.max_row + 1)
                 if ws.cell(r, 2).value == "Penatausahaan Arsip Dinamis pada SKPD")
    assert ws.cell(arsip, C6 + 1).value == 1400  # printed '1.400'
    # print set-up
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${kode.row}:${num.row}"
    assert ws.freeze_panes == f"A{first_body}"
    # values by default: no formulas anywhere
    assert not any(isinstance(c.value, str) and c.value.startswith("=")
                   for row in ws.iter_rows() for c in row)


@needs_fixture
def test_xlsx_tc29_formulas() -> None:
    table = paser_tc29(with_average=True)
    ws = _load(xlsx_writer.render(table, formulas=True))
    num = _find(ws, "8=(7/6)")
    first = num.row + 1
    koord = next(r for r in range(first, ws.max_row + 1)
                 if ws.cell(r, 2).value == "Koordinasi dan Pelaksanaan Akuntansi SKPD")
    assert ws.cell(koord, C8 + 1).value == \
        f'=IF(AND(ISNUMBER(J{koord}),N(H{koord})<>0),J{koord}/H{koord}*100,"")'
    assert ws.cell(koord, C10 + 1).value == f"=SUM(F{koord},J{koord},M{koord})"
    assert ws.cell(koord, C11 + 1).value.startswith(f"=IF(AND(ISNUMBER(N{koord}),N(D{koord})")
    avg = ws.cell(ws.max_row, C8 + 1)
    # the last body row is followed by notes and signatures; find the average row instead
    avg_row = _find(ws, "Rata-rata capaian kinerja sub kegiatan").row
    avg = ws.cell(avg_row, C8 + 1)
    assert avg.value.startswith("=IFERROR(AVERAGE(L")


def test_xlsx_sum_ratio_money_and_escaping() -> None:
    data = xlsx_writer.render(_budget(), formulas=True)
    ws = _load(data)
    first = _find(ws, "4=(3/2)").row + 1
    assert ws.cell(first, 2).value == f"=SUM(B{first + 1}:B{first + 2})"
    assert ws.cell(first + 3, 3).value == f"=SUM(C{first + 1}:C{first + 2})"
    assert ws.cell(first, 4).value == \
        f'=IF(AND(ISNUMBER(C{first}),N(B{first})<>0),C{first}/B{first}*100,"")'
    assert ws.cell(first + 4, 4).value == \
        f'=IFERROR(AVERAGE(D{first + 1}:D{first + 2}),"")'
    # the malicious text stays text, with the quote prefix
    bad = ws.cell(first + 2, 1)
    assert bad.value == '=HYPERLINK("http://x","klik")'
    assert bad.data_type == "s" and bad.quotePrefix
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>HYPERLINK" not in sheet  # a string cell, never a formula element
    assert re.search(r't="(inlineStr|s)"><is><t>=HYPERLINK|t="s"><v>', sheet)
    # value mode: money formats, cents only when present
    ws = _load(xlsx_writer.render(_budget()))
    assert ws.cell(first + 1, 2).value == 1000000
    assert ws.cell(first + 1, 2).number_format == "[$-421]#,##0"
    assert ws.cell(first, 3).number_format == "[$-421]#,##0.00"
    assert ws.cell(first, 4).number_format == "[$-421]#,##0.00"
    assert ws.cell(first, 2).value == 3000000


@pytest.mark.parametrize("text", ["=1+1", "+62 811", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_xlsx_text_never_formula(text: str) -> None:
    table = _small((Row((Cell.of_text(text), Cell.empty(), Cell.empty(), Cell.empty())),))
    ws = _load(xlsx_writer.render(table, formulas=True))
    cell = ws.cell(_find(ws, "4=(3/2)").row + 1, 1)
    assert cell.value == text and cell.data_type == "s" and cell.quotePrefix


def test_xlsx_empty_body_is_nihil_and_f4() -> None:
    ws = _load(xlsx_writer.render(_small(), page_size="F4"))
    nihil = _find(ws, "Nihil")
    assert f"A{nihil.row}:D{nihil.row}" in {str(m) for m in ws.merged_cells.ranges}
    assert ws.page_setup.paperSize == 14
    with pytest.raises(ValueError, match="ukuran kertas"):
        xlsx_writer.render(_small(), page_size="A3")


# --- DOCX ------------------------------------------------------------------------------------


@needs_fixture
def test_docx_landscape_table() -> None:
    import docx

    table = paser_tc29()
    d = docx.Document(io.BytesIO(docx_writer.render(table)))
    section = d.sections[0]
    assert section.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    t = d.tables[0]
    assert len(t.columns) == 15
    assert len(t.rows) == 2 + 1 + len(table.rows)
    first_cells = [c.text for c in t.rows[2].cells]
    assert "8=(7/6)" in first_cells
    xml = t._tbl.xml
    assert xml.count("<w:tblHeader") == 3  # two header rows and the column numbers
    body_text = "\n".join(c.text for r in t.rows for c in r.cells)
    assert "66,50" in body_text and "1.400" in body_text
    assert any("NAMA KEPALA BADAN" in c.text for c in d.tables[1]._cells)
    assert any("Plt. Kepala Badan" in c.text for c in d.tables[1]._cells)


def test_docx_inside_a_document() -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("BAB II EVALUASI")
    docx_writer.add_table(d, _budget(), page_size="F4", back_to_portrait=True)
    d.add_paragraph("BAB III")
    assert len(d.sections) == 3
    assert d.sections[1].page_width > d.sections[1].page_height
    assert d.sections[2].page_width < d.sections[2].page_height
    assert abs(d.sections[1].page_width.mm - 330) < 1
    empty = docx.Document(io.BytesIO(docx_writer.render(_small())))
    assert "Nihil" in [c.text for c in empty.tables[0].rows[-1].cells]


# --- HTML ------------------------------------------------------------------------------------


@needs_fixture
def test_html_escaped_table() -> None:
    table = paser_tc29()
    page = html_writer.render(table).decode()
    assert page.startswith("<!DOCTYPE html>")
    assert "<thead>" in page and 'colspan="5"' in page and 'rowspan="2"' in page
    assert "<th>8=(7/6)</th>" in page
    assert "66,50" in page and "1.400" in page
    # row 51 of the fixture keeps a backslash and '>' verbatim
    assert "&gt;" in page and "=\\&gt;" in page
    assert "Halaman &quot;" not in page
    frag = html_writer.render(_budget(), fragment=True).decode()
    assert frag.startswith('<section class="kinerja-tabel"')
    assert "=HYPERLINK(&quot;http://x&quot;,&quot;klik&quot;)" in frag
    assert "3.000.000" in frag and "2.500.000,50" in frag and "83,33" in frag
    assert "<script" not in html_writer.render_fragment(_small((Row((
        Cell.of_text("<script>alert(1)</script>"), Cell.empty(), Cell.empty(),
        Cell.empty())),)))
    assert ">Nihil<" in html_writer.render_fragment(_small())


# --- PDF -------------------------------------------------------------------------------------

needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None
                                   or shutil.which("pdftotext") is None,
                                   reason="poppler-utils tidak terpasang")


def _pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"Pages:\s+(\d+)", out.stdout).group(1))  # type: ignore[union-attr]


@needs_fixture
@needs_poppler
def test_pdf_renders(tmp_path: Path) -> None:
    pdf_path = tmp_path / "tc29.pdf"
    pdf_writer.write(paser_tc29(), pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF")
    pages = _pdf_pages(pdf_path)
    assert 3 <= pages <= 12
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja" in text
    assert "66,50" in text and "1.400" in text
    assert f"Halaman 1 dari {pages}" in text and f"Halaman {pages} dari {pages}" in text
    # the header is repeated: the column numbers appear on every page that shows table rows
    # (a last page may hold only the signature block)
    per_page = text.split("\f")[:pages]
    with_rows = [p for p in per_page if "Dok" in p or "Paket" in p or "Orang" in p]
    assert with_rows and all(p.count("8=(7/6)") == 1 for p in with_rows)
    assert all(p.count("8=(7/6)") <= 1 for p in per_page)
    assert "NAMA KEPALA BADAN" in text and "NIP. 19700101 199001 1 001" in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf_path),
                    str(tmp_path / "hal")], check=True)
    png = next(tmp_path.glob("hal*.png"))
    assert png.read_bytes().startswith(b"\x89PNG")


@needs_poppler
def test_pdf_f4_and_nihil(tmp_path: Path) -> None:
    pdf_path = tmp_path / "kosong.pdf"
    pdf_writer.write(_small(), pdf_path, page_size="F4")
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True,
                          check=True).stdout
    w, h = (float(x) for x in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert abs(w - 330 / 25.4 * 72) < 2 and abs(h - 215 / 25.4 * 72) < 2
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Nihil" in text and "Halaman 1 dari 1" in text


# --- LibreOffice -----------------------------------------------------------------------------


@needs_fixture
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")
def test_xlsx_opens_in_libreoffice(tmp_path: Path) -> None:
    src = tmp_path / "tc29.xlsx"
    xlsx_writer.write(paser_tc29(with_average=True), src, formulas=True)
    profile = tmp_path / "profil"
    run = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
        capture_output=True, text=True, timeout=240,
    )
    out = tmp_path / "tc29.pdf"
    assert run.returncode == 0 and out.is_file(), run.stderr
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        # formulas computed by LibreOffice and shown with Indonesian separators
        assert "66,50" in text and "1.400" in text
        assert "#VALUE" not in text and "Err:" not in text and "#DIV/0" not in text
