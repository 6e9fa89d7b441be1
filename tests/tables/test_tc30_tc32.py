"""T-C.32 lists the stakeholder proposals of the year (and says "Nihil" without any) and
T-C.30 shows the SPM and IKK references of its indicators, in every writer format; both
built from records made by hand and from the stored record."""

from __future__ import annotations

import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kinerja.io.writers import writer
from kinerja.io.writers._display import display
from kinerja.tables import tc30, tc32
from kinerja.tables.grid import Table
from kinerja.tables.record import (
    AgencyInfo,
    AgencyRecord,
    GovernmentInfo,
    IndicatorRecord,
    PeriodInfo,
    ProposalInfo,
    SasaranRecord,
    TargetValue,
)

AGENCY = AgencyInfo("bkpsdm", "BKPSDM Kabupaten Contoh", GovernmentInfo("Kabupaten Contoh",
                                                                          "kabkota"))
PROPOSALS = (
    ProposalInfo(2026, "Program Kepegawaian Daerah", "p/kepegawaian",
                 "Kecamatan Tanah Grogot", "Jumlah ASN yang mengikuti diklat", "150 orang",
                 Decimal(150), "Prioritas kecamatan", "Musrenbang Kecamatan", 1),
    ProposalInfo(2026, "Pelatihan kepemimpinan desa", None, "Desa Muara Komam",
                 "Jumlah kepala desa terlatih", "", Decimal("12.5"), "",
                 "DPRD (pokok pikiran)", 2),
    ProposalInfo(2025, "Usulan tahun lalu", None, "Kabupaten", "x", "1", Decimal(1), "",
                 "Musrenbang", 1),
)


def _record(proposals: tuple[ProposalInfo, ...] = PROPOSALS) -> AgencyRecord:
    iku = IndicatorRecord(
        key="s1/ipasn", name="Indeks Profesionalitas ASN", unit="indeks",
        spm="SPM Kepegawaian (Permendagri 59/2021)", ikk="IKK 3.1",
        targets=(TargetValue(2026, 0, "renstra", Decimal(75), "75"),))
    return AgencyRecord(agency=AGENCY, year=2026,
                        periods=(PeriodInfo("Renstra 2025-2029", 2025, 2029),),
                        sasaran=(SasaranRecord("s1", "Meningkatnya profesionalitas ASN",
                                               indicators=(iku,)),),
                        proposals=proposals)


def _texts(table: Table, fmt: str, tmp_path: Path) -> str:
    """Every text a writer put into its output."""
    data = writer(fmt).render(table)
    if fmt == "html":
        return data.decode("utf-8") if isinstance(data, bytes) else str(data)
    if fmt == "xlsx":
        import openpyxl

        ws = openpyxl.load_workbook(io.BytesIO(data)).active
        return "\n".join(str(c.value) for row in ws.iter_rows() for c in row
                         if c.value is not None)
    if fmt == "docx":
        import docx

        d = docx.Document(io.BytesIO(data))
        return "\n".join([p.text for p in d.paragraphs]
                         + [c.text for t in d.tables for r in t.rows for c in r.cells])
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext tidak tersedia")
    path = tmp_path / "t.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_tc32_lists_the_year_proposals() -> None:
    table = tc32.build(_record(), 2026)
    assert not table.is_empty
    assert len(table.rows) == 2
    first, second = ([display(cell) for cell in row.cells] for row in table.rows)
    assert first[:5] == ["1", "Program Kepegawaian Daerah", "Kecamatan Tanah Grogot",
                         "Jumlah ASN yang mengikuti diklat", "150 orang"]
    assert first[5] == "Pengusul: Musrenbang Kecamatan; Prioritas kecamatan"
    assert second[1] == "Pelatihan kepemimpinan desa"
    assert table.rows[1].cells[4].value == Decimal("12.5")
    assert second[5] == "Pengusul: DPRD (pokok pikiran)"
    assert "2026" in table.title


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "pdf", "html"])
def test_tc32_with_two_proposals_in_every_format(fmt: str, tmp_path: Path) -> None:
    text = _texts(tc32.build(_record(), 2026), fmt, tmp_path)
    flat = " ".join(text.split())
    for expected in ("Program Kepegawaian Daerah", "Pelatihan kepemimpinan desa",
                     "Tanah Grogot", "Muara Komam", "150 orang", "Musrenbang Kecamatan"):
        assert expected in flat, (fmt, expected)
    assert "12,5" in flat or "12.5" in flat
    assert "Nihil" not in flat
    assert "Usulan tahun lalu" not in flat


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "pdf", "html"])
def test_tc32_without_proposals_says_nihil(fmt: str, tmp_path: Path) -> None:
    table = tc32.build(_record(()), 2026)
    assert table.is_empty
    assert "Nihil" in _texts(table, fmt, tmp_path)
    assert tc32.build(_record(), 2027).is_empty


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "pdf", "html"])
def test_tc30_shows_spm_and_ikk(fmt: str, tmp_path: Path) -> None:
    table = tc30.build(_record(), 2026)
    row = [display(cell) for cell in table.rows[0].cells]
    assert row[2] == "SPM Kepegawaian (Permendagri 59/2021)" and row[3] == "IKK 3.1"
    flat = " ".join(_texts(table, fmt, tmp_path).split())
    assert "SPM Kepegawaian" in flat and "IKK 3.1" in flat


@pytest.mark.django_db
def test_stored_record_fills_both_tables(django_user_model: Any) -> None:
    from kinerja.store.models import (
        Agency,
        Government,
        Indicator,
        Node,
        StakeholderProposal,
    )
    from kinerja.store.queries import load_record

    gov = Government.objects.create(name="Kabupaten Contoh", level="kabkota")
    agency = Agency.objects.create(government=gov, slug="bkpsdm", name="BKPSDM")
    program = Node.objects.create(agency=agency, key="p/kepegawaian", level="program",
                                  official_name="Program Kepegawaian Daerah")
    Indicator.objects.create(agency=agency, node=program, key="p/kepegawaian/ipasn",
                             name="Indeks Profesionalitas ASN", spm="SPM X", ikk="IKK Y")
    StakeholderProposal.objects.create(agency=agency, year=2026, node=program,
                                       location="Kecamatan A", volume="3 paket",
                                       stakeholder="Musrenbang", position=1)
    record = load_record(agency, 2026)
    assert [display(c) for c in tc30.build(record, 2026).rows[0].cells][2:4] == ["SPM X", "IKK Y"]
    rows = tc32.build(record, 2026).rows
    assert [display(c) for c in rows[0].cells][1:5] == ["Program Kepegawaian Daerah",
                                                   "Kecamatan A", "", "3 paket"]
