"""Perjanjian Kinerja from the record: statement, tables, signatures, DOCX and PDF; and the
LKjIP tables reproduced from imported fixture tables."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kinerja.io.writers._display import display
from kinerja.tables import lkjip
from kinerja.tables.pk import build, build_anggaran, pk_document, regional_head, statement
from kinerja.tables.record import AgencyRecord, DocumentInfo, GovernmentInfo

from .test_lkjip import AGENCY, record

PLT = DocumentInfo("pk", 2024, 1, signatory_name="Dr. Contoh, S.Sos", signatory_nip="1970",
                   signatory_position="Kepala Badan Kepegawaian Kota Contoh",
                   signatory_capacity="plt")


def with_pk(rec: AgencyRecord) -> AgencyRecord:
    from dataclasses import replace

    return replace(rec, documents=(PLT,))


def test_statement_parties_and_acting_signatory() -> None:
    st = statement(with_pk(record()), 2024)
    assert st.title == ("PERJANJIAN KINERJA TAHUN 2024", "BKPSDM KOTA CONTOH")
    assert st.first.position_line == "Plt. Kepala Badan Kepegawaian Kota Contoh"
    assert st.second.position_line == "Wali Kota Samarinda"
    sig = st.first.signature("Pihak Pertama,")
    assert sig.position_line == "Plt. Kepala Badan Kepegawaian Kota Contoh,"
    definitive = statement(record(), 2024)
    assert definitive.first.position_line == "Kepala BKPSDM Kota Contoh"


def test_regional_heads() -> None:
    from dataclasses import replace

    for name, head in (("Kabupaten Paser", "Bupati Paser"),
                       ("Provinsi Kalimantan Timur", "Gubernur Kalimantan Timur")):
        rec = replace(record(), agency=replace(AGENCY, government=GovernmentInfo(name, "x")))
        assert regional_head(rec) == head


def test_pk_tables() -> None:
    rows = [[display(c) for c in r.cells] for r in build(record(), 2024).rows]
    assert rows[0] == ["1", "Meningkatnya akuntabilitas kinerja perangkat daerah",
                       "Nilai SAKIP Perangkat Daerah", "Nilai", "75"]
    budget = build_anggaran(record(), 2024)
    brows = [[display(c) for c in r.cells] for r in budget.rows]
    assert brows[1][:3] == ["2", "Program Pengembangan Sumber Daya Manusia", "6.043.826.200"]
    assert brows[-1][:2] == ["Jumlah", "6.481.870.700"]
    perubahan = build(record(), 2024, "pk_perubahan")
    assert perubahan.title == "Perjanjian Kinerja Perubahan Tahun 2024"
    with pytest.raises(ValueError, match="versi PK"):
        build(record(), 2024, "renja")


def test_pk_docx_statement_tables_signatures() -> None:
    from docx import Document

    doc = Document(io.BytesIO(pk_document(with_pk(record()), 2024)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "PERJANJIAN KINERJA TAHUN 2024" in text
    assert "Jabatan\t:\tPlt. Kepala Badan Kepegawaian Kota Contoh" in text
    assert "selaku atasan pihak pertama" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Nilai SAKIP Perangkat Daerah" in cells and "6.481.870.700" in cells
    assert sum("Plt. Kepala Badan Kepegawaian Kota Contoh," in c for c in cells) == 2
    assert sum("Dr. Contoh, S.Sos" in c for c in cells) == 2


# --- from imported fixture tables ----------------------------------------------------------


@pytest.fixture
def samarinda(db: Any, fixtures_dir: Path) -> Any:
    from kinerja.store.services.agencies import add_agency
    from kinerja.store.services.importer import import_table

    agency, _, _ = add_agency("samarinda", "BKPSDM Kota Samarinda", "Kota Samarinda",
                              "kabkota")
    import_table(fixtures_dir / "samarinda-lkip-2024" / "t13-realisasi-belanja-langsung.csv",
                 agency, 2024)
    return agency


@pytest.fixture
def paser(db: Any, fixtures_dir: Path) -> Any:
    from kinerja.store.models import Document
    from kinerja.store.services.agencies import add_agency
    from kinerja.store.services.importer import import_table

    agency, _, _ = add_agency("paser", "BKPSDM Kabupaten Paser", "Kabupaten Paser", "kabkota")
    import_table(fixtures_dir / "paser-renja-2025" / "tabel-2-2-1.csv", agency, 2025)
    Document.objects.create(agency=agency, kind="pk", year=2023, signatory_name="Contoh Nama",
                            signatory_position="Kepala Badan Kepegawaian dan Pengembangan "
                            "Sumber Daya Manusia Kabupaten Paser", signatory_capacity="plh")
    return agency


@pytest.mark.django_db
def test_samarinda_t13_budget_realisation(samarinda: Any) -> None:
    from kinerja.store.queries import load_record

    table = lkjip.build_anggaran(load_record("samarinda", 2024), 2024)
    rows = {display(r.cells[1]): [display(c) for c in r.cells] for r in table.rows}
    assert rows["5.04.02"][3:] == ["6.043.826.200", "4.917.998.803", "81,37", "1.125.827.397"]
    vehicles = rows["5.03.01.2.09.0001"]
    assert vehicles[6] == "-19.860.500" and vehicles[2].endswith("(*)")
    notes = [line for n in table.notes for line in n.lines]
    assert any("melebihi pagu" in line and "-19.860.500" in line for line in notes)
    # kegiatan 5.03.01.2.02 printed with the salaries its rows do not list: the table uses
    # the sum of its sub kegiatan and says so
    assert any("12.239.415.135" in line and "1.068.172.219" in line for line in notes)


@pytest.mark.django_db
def test_paser_tabel_2_2_1_measured(paser: Any) -> None:
    from kinerja.store.queries import load_record

    rec = load_record("paser", 2023)
    rows = [[display(c) for c in r.cells] for r in lkjip.build_pengukuran(rec, 2023).rows]
    assert rows[0][4:] == ["75", "65,18", "86,91", "Tinggi"]
    assert rows[1][-2:] == ["86,91", "Tinggi"]
    # recomputed from the imported values: 61,83 + 137,57 + 85,77 + 101,15 -> 96,58; the
    # document averaged its own (partly wrong) printed values to 96,65
    assert rows[6][-2:] == ["96,58", "Sangat Tinggi"]


@pytest.mark.django_db
def test_commands_write_docx_and_pdf(paser: Any, tmp_path: Path) -> None:
    from docx import Document

    from kinerja.commands.lkjip import lkjip as lkjip_cmd
    from kinerja.commands.pk import pk as pk_cmd

    runner = CliRunner()
    out = tmp_path / "pk.docx"
    result = runner.invoke(pk_cmd, ["--pd", "paser", "--tahun", "2023", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Plh. Kepala Badan Kepegawaian" in text and "Bupati Paser" in text
    pdf = tmp_path / "lkjip.pdf"
    result = runner.invoke(lkjip_cmd, ["--pd", "paser", "--tahun", "2023", "-o", str(pdf)])
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF")
    bad = runner.invoke(lkjip_cmd, ["--pd", "paser", "--tahun", "2023", "-o", "x.txt"])
    assert bad.exit_code != 0 and ".docx atau .pdf" in bad.output
