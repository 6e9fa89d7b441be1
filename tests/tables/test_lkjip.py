"""LKjIP tables, sentences and the draft document from hand-built records (no database)."""

from __future__ import annotations

import io
import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest

from kinerja.core.achievement import Status
from kinerja.core.indicators import Kind, Polarity
from kinerja.core.numbers import format_number
from kinerja.io.writers._display import display
from kinerja.tables import pk as _pk  # noqa: F401 - attaches the PK builder
from kinerja.tables import registry
from kinerja.tables.lkjip import (
    build_anggaran,
    build_efisiensi,
    build_pembanding,
    build_pengukuran,
    build_renstra,
    efficiency_sentence,
    measure,
    sasaran_efficiency,
    trend,
)
from kinerja.tables.lkjip_draft import draft, iku_sentence, sasaran_sentence
from kinerja.tables.record import (
    AgencyInfo,
    AgencyRecord,
    BudgetAmount,
    GovernmentInfo,
    IndicatorRecord,
    PeriodInfo,
    PlanNode,
    RealisationValue,
    SasaranRecord,
    TargetValue,
    UnitInfo,
)

GOV = GovernmentInfo("Kota Samarinda", "kabkota")
AGENCY = AgencyInfo("contoh", "BKPSDM Kota Contoh", GOV)


def ind(name: str, unit: str, targets: dict[int, str | None],
        realisations: dict[int, str | None], *, version: str = "pk",
        kind: Kind = Kind.LEVEL, polarity: Polarity = Polarity.POSITIVE,
        renstra: tuple[int, str] | None = None) -> IndicatorRecord:
    ts = [TargetValue(y, 0, version, D(v) if v is not None else None, v or "")
          for y, v in targets.items()]
    if renstra:
        ts.append(TargetValue(renstra[0], 0, "renstra", D(renstra[1]), renstra[1]))
    rs = tuple(RealisationValue(y, 0, False, D(v) if v is not None else None, v or "")
               for y, v in realisations.items())
    return IndicatorRecord(key=name.lower(), name=name, unit=unit, kind=kind, polarity=polarity,
                           targets=tuple(ts), realisations=rs)


def leaf(code: str, name: str, pagu: str | None, real: str | None, year: int = 2024
         ) -> PlanNode:
    budget = []
    if pagu is not None:
        budget.append(BudgetAmount(year, "dpa", 0, D(pagu)))
    if real is not None:
        budget.append(BudgetAmount(year, "realisasi", 0, D(real)))
    return PlanNode(key=code, level="sub_kegiatan", code=code, official_name=name,
                    budget=tuple(budget))


SAKIP = ind("Nilai SAKIP Perangkat Daerah", "Nilai", {2023: "75", 2024: "75"},
            {2023: "73.575", 2024: "80.8875"}, renstra=(2026, "80"))


def record() -> AgencyRecord:
    """Two sasaran: the first with one IKU over two years, the second with the four Paser
    achievements of Tabel 2.2.1 as printed (target 100), a missing realisation and a zero
    target; a program with an overspent sub kegiatan."""
    s1 = SasaranRecord("s1", "Meningkatnya akuntabilitas kinerja perangkat daerah",
                       indicators=(SAKIP,), node_keys=("5.04.02",))
    paser = [ind(f"IKU {k}", "Persen", {2024: "100"}, {2024: v})
             for k, v in enumerate(("61.66", "137", "86.79", "101.15"), start=1)]
    missing = ind("Indeks kepuasan pegawai", "Indeks", {2024: "80"}, {})
    zero = ind("Jumlah aduan diselesaikan", "Kasus", {2024: "0"}, {2024: "3"}, kind=Kind.FLOW)
    s2 = SasaranRecord("s2", "Meningkatnya kualitas tata kelola manajemen ASN",
                       indicators=(*paser, missing, zero), node_keys=("5.03.01",))
    keg1 = PlanNode(key="5.03.01.2.09", level="kegiatan", code="5.03.01.2.09",
                    official_name="Pemeliharaan Barang Milik Daerah", children=(
                        leaf("5.03.01.2.09.0001", "Pemeliharaan Kendaraan Dinas Jabatan",
                             "254994500", "274855000"),
                        leaf("5.03.01.2.09.0002", "Pemeliharaan Kendaraan Operasional",
                             "183050000", "65740000"),
                    ))
    prog1 = PlanNode(key="5.03.01", level="program", code="5.03.01",
                     official_name="Program Penunjang Urusan Pemerintahan Daerah",
                     children=(keg1,))
    keg2 = PlanNode(key="5.04.02.2.01", level="kegiatan", code="5.04.02.2.01",
                    official_name="Pengembangan Kompetensi Teknis", children=(
                        leaf("5.04.02.2.01.0001", "Penyusunan Kebijakan", "1510863200",
                             "1366893854"),))
    keg3 = PlanNode(key="5.04.02.2.02", level="kegiatan", code="5.04.02.2.02",
                    official_name="Sertifikasi dan Kelembagaan", children=(
                        leaf("5.04.02.2.02.0007", "Pengembangan Kompetensi", "4532963000",
                             "3551104949"),))
    prog2 = PlanNode(key="5.04.02", level="program", code="5.04.02",
                     official_name="Program Pengembangan Sumber Daya Manusia",
                     children=(keg2, keg3))
    return AgencyRecord(agency=AGENCY, year=2024,
                        periods=(PeriodInfo("Renstra 2021–2026", 2021, 2026),),
                        units=(UnitInfo("Sekretariat", "sekretariat"),),
                        sasaran=(s1, s2), programs=(prog1, prog2))


def texts(table: object) -> list[list[str]]:
    return [[display(c) for c in row.cells] for row in table.rows]  # type: ignore[attr-defined]


# --- measurement ---------------------------------------------------------------------------


def test_pengukuran_values_predicates_and_sasaran_means() -> None:
    rows = texts(build_pengukuran(record(), 2024))
    assert rows[0][2:] == ["Nilai SAKIP Perangkat Daerah", "Nilai", "75", "80,8875", "107,85",
                           "Sangat Tinggi"]
    assert rows[1][-2:] == ["107,85", "Sangat Tinggi"]                 # sasaran 1 mean
    achievements = [r[6] for r in rows[2:6]]
    assert achievements == ["61,66", "137,00", "86,79", "101,15"]
    assert rows[6][5:7] == ["belum diisi", "belum diisi"]
    assert rows[7][6] == "tidak dapat dihitung"                       # target 0
    # (61,66 + 137 + 86,79 + 101,15) / 4 = 96,65; the two without a value are left out
    assert rows[8][0].startswith("Rata-rata capaian sasaran 2 (2 IKU")
    assert rows[8][-2:] == ["96,65", "Sangat Tinggi"]


def test_paser_sakip_measure_from_grade_values() -> None:
    """Paser Tabel 2.2.1: B (65,18) against BB (75) = 86,91 %, Tinggi."""
    iku = ind("Nilai SAKIP Perangkat Daerah", "Indeks", {2023: "75"}, {2023: "65.18"})
    s = SasaranRecord("s", "Sasaran", indicators=(iku,))
    m = measure(s, iku, 2023)
    assert format_number(m.value, 2) == "86,91"
    assert m.band is not None and m.band.label == "Tinggi"
    assert m.version == "pk"


def test_negative_indicator_and_target_fallback() -> None:
    neg = ind("Pelanggaran disiplin", "Kasus", {2024: "10"}, {2024: "7"},
              polarity=Polarity.NEGATIVE, version="renja", kind=Kind.FLOW)
    s = SasaranRecord("s", "Sasaran", indicators=(neg,))
    m = measure(s, neg, 2024)
    assert m.version == "renja"                                  # no PK target: the Renja's
    assert m.value == D(130)                                     # (2 × 10 − 7) / 10 × 100
    assert measure(s, neg, 2024, "pk").achievement.status is Status.TIDAK_DAPAT_DIHITUNG


def test_pembanding_and_renstra() -> None:
    rows = texts(build_pembanding(record(), 2024))
    assert rows[0] == ["Meningkatnya akuntabilitas kinerja perangkat daerah"]
    assert rows[1][3:] == ["73,575", "75", "80,8875", "98,10", "107,85", "Capaian naik"]
    assert rows[3][-1] == "Belum ada data tahun 2023"
    table = build_renstra(record(), 2024)
    assert "Target Akhir Renstra (Tahun 2026)" in [h.text for h in table.header[0]]
    assert texts(table)[1][3:6] == ["80", "80,8875", "101,11"]


def test_trend_compares_shown_values() -> None:
    assert trend(D("98.104"), D("98.1")) == "tetap"
    assert trend(D("98.2"), D("98.1")) == "naik"
    assert trend(D("97"), D("98.1")) == "turun"
    assert trend(None, D(1)) is None


# --- budget and efficiency -----------------------------------------------------------------


def test_anggaran_sums_serapan_sisa_and_overspending() -> None:
    table = build_anggaran(record(), 2024)
    rows = texts(table)
    by_code = {r[1]: r for r in rows}
    assert by_code["5.04.02"][3:] == ["6.043.826.200", "4.917.998.803", "81,37",
                                      "1.125.827.397"]
    over = by_code["5.03.01.2.09.0001"]
    assert over[2].endswith("(*)") and over[6] == "-19.860.500" and over[5] == "107,79"
    assert rows[-1][0] == "Jumlah"
    assert any("melebihi pagu" in line for n in table.notes for line in n.lines)


def test_efisiensi_both_conventions() -> None:
    """Paser: capaian 86,91 against serapan 94,49: ratio 0,919 (as printed, truncated) and
    difference −7,58 points, tidak efisien."""
    iku = ind("Nilai SAKIP Perangkat Daerah", "Indeks", {2023: "75"}, {2023: "65.18"})
    s = SasaranRecord("s", "Meningkatnya akuntabilitas kinerja perangkat daerah",
                      indicators=(iku,), node_keys=("p",))
    prog = PlanNode(key="p", level="program", code="5.03.01", official_name="Program",
                    budget=(BudgetAmount(2023, "dpa", 0, D("10000")),
                            BudgetAmount(2023, "realisasi", 0, D("9449"))))
    rec = AgencyRecord(agency=AGENCY, sasaran=(s,), programs=(prog,))
    (e,) = sasaran_efficiency(rec, 2023)
    assert format_number(e.serapan, 2) == "94,49"
    assert format_number(e.ratio.value, 3, "truncate") == "0,919"
    assert format_number(e.difference.value, 2) == "-7,58"
    assert e.difference.band is not None and e.difference.band.label == "Tidak Efisien"
    table = build_efisiensi(rec, 2023)
    spec = registry.get("lkjip_efisiensi")
    assert len(spec.columns) == len(table.columns) == 9
    assert len(spec.column_numbers) == 9 and table.header == spec.header
    headers = [h.text for row in table.header for h in row]
    assert "Rasio capaian / serapan" in headers and "Selisih capaian − serapan (poin)" in headers
    assert texts(table)[0][2:] == ["86,91", "10.000", "9.449", "94,49", "0,920", "-7,58",
                                   "Tidak Efisien"]
    assert efficiency_sentence(e) == (
        "Sasaran Meningkatnya akuntabilitas kinerja perangkat daerah mencapai capaian kinerja "
        "86,91 % dengan serapan anggaran 94,49 %, sehingga efisiensinya 0,920 menurut rasio "
        "capaian / serapan dan -7,58 poin menurut selisih capaian − serapan (tidak efisien).")


def test_builders_attached_to_registry() -> None:
    for identifier in ("lkjip_pengukuran", "lkjip_pembanding", "lkjip_renstra",
                       "lkjip_anggaran", "lkjip_efisiensi", "pk"):
        spec = registry.get(identifier)
        assert spec.build is not None
        assert spec.build(record(), 2024).rows


# --- sentences -----------------------------------------------------------------------------


def _measures(iku: IndicatorRecord, year: int = 2024) -> tuple[object, object]:
    s = SasaranRecord("s", "Sasaran", indicators=(iku,))
    return measure(s, iku, year), measure(s, iku, year - 1)


def test_sentence_up_word_for_word() -> None:
    now, before = _measures(SAKIP)
    assert iku_sentence(now, before) == (  # type: ignore[arg-type]
        "Capaian IKU Nilai SAKIP Perangkat Daerah tahun 2024 sebesar 107,85 % dengan predikat "
        "Sangat Tinggi, naik dari 98,10 % pada tahun 2023. Realisasi tahun 2024 sebesar "
        "80,8875 Nilai terhadap target 75 Nilai.")


@pytest.mark.parametrize(("targets", "reals", "expected"), [
    ({2023: "100", 2024: "100"}, {2023: "95", 2024: "90"},
     "Capaian IKU X tahun 2024 sebesar 90,00 % dengan predikat Tinggi, turun dari 95,00 % "
     "pada tahun 2023. Realisasi tahun 2024 sebesar 90 % terhadap target 100 %."),
    ({2023: "100", 2024: "100"}, {2023: "95", 2024: "95"},
     "Capaian IKU X tahun 2024 sebesar 95,00 % dengan predikat Sangat Tinggi, sama dengan "
     "capaian tahun 2023 (95,00 %). Realisasi tahun 2024 sebesar 95 % terhadap target 100 %."),
    ({2024: "100"}, {2024: "95"},
     "Capaian IKU X tahun 2024 sebesar 95,00 % dengan predikat Sangat Tinggi. Data tahun 2023 "
     "belum ada dalam catatan sehingga belum dapat dibandingkan. Realisasi tahun 2024 sebesar "
     "95 % terhadap target 100 %."),
    ({2023: "100", 2024: "100"}, {2024: "95"},
     "Capaian IKU X tahun 2024 sebesar 95,00 % dengan predikat Sangat Tinggi; realisasi tahun "
     "2023 belum diisi sehingga belum dapat dibandingkan. Realisasi tahun 2024 sebesar 95 % "
     "terhadap target 100 %."),
    ({2024: "100"}, {},
     "Realisasi IKU X tahun 2024 belum diisi, sehingga capaiannya terhadap target 100 % belum "
     "dapat dihitung."),
    ({2024: "0"}, {2024: "4"},
     "Capaian IKU X tahun 2024 tidak dapat dihitung karena targetnya 0 (realisasi 4 %)."),
    ({}, {2024: "4"},
     "Capaian IKU X tahun 2024 tidak dapat dihitung karena targetnya belum ditetapkan."),
])
def test_sentence_cases(targets: dict[int, str], reals: dict[int, str], expected: str) -> None:
    now, before = _measures(ind("X", "Persen", targets, reals))
    assert iku_sentence(now, before) == expected  # type: ignore[arg-type]


def test_sasaran_sentence() -> None:
    rec = record()
    s = rec.sasaran[1]
    items = [measure(s, i, 2024) for i in s.indicators]
    assert sasaran_sentence(2, s, items, 2024) == (
        "Sasaran 2, Meningkatnya kualitas tata kelola manajemen ASN, diukur dengan 6 IKU. "
        "Rata-rata capaian sasaran ini tahun 2024 sebesar 96,65 % dengan predikat Sangat "
        "Tinggi (2 IKU belum dapat dihitung dan tidak ikut dirata-ratakan).")


# --- the document --------------------------------------------------------------------------


def test_draft_chapters_and_blocks() -> None:
    d = draft(record(), 2024)
    assert d.headings(1) == ["PENDAHULUAN", "PERENCANAAN KINERJA", "AKUNTABILITAS KINERJA",
                             "PENUTUP"]
    assert [b.label for b in d.blocks if type(b).__name__ == "TableBlock"] == [
        "Tabel 2.1", "Tabel 2.2", "Tabel 3.1", "Tabel 3.2", "Tabel 3.3", "Tabel 3.4",
        "Tabel 3.5"]
    figures = [b for b in d.blocks if type(b).__name__ == "Figure"]
    assert len(figures) == 3                  # one per sasaran and the absorption chart


def test_docx_has_chapters_tables_and_images() -> None:
    from docx import Document

    from kinerja.io.lkjip_docx import lkjip_document

    doc = Document(io.BytesIO(lkjip_document(record(), 2024)))
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heads == ["BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA",
                     "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP"]
    assert len(doc.inline_shapes) == 3
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert "107,85" in cells and "4.917.998.803" in cells
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Capaian IKU Nilai SAKIP Perangkat Daerah tahun 2024 sebesar 107,85 %" in body


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils tidak terpasang")
def test_pdf_renders(tmp_path: Path) -> None:
    from kinerja.io.lkjip_docx import lkjip_pdf

    pdf = tmp_path / "lkjip.pdf"
    pdf.write_bytes(lkjip_pdf(record(), 2024))
    subprocess.run(["pdftoppm", "-png", "-r", "20", str(pdf), str(tmp_path / "hal")],
                   check=True)
    pages = sorted(tmp_path.glob("hal-*.png"))
    assert len(pages) >= 8
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "AKUNTABILITAS KINERJA" in text and "PENUTUP" in text
    assert "107,85" in text and "4.917.998.803" in text
