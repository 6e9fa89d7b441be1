"""The draft LKjIP as a plain document: chapters, generated sentences, tables and charts.

PermenPANRB 53/2014 lays the report out in four chapters: I Pendahuluan; II Perencanaan
Kinerja (the Renstra and the year's Perjanjian Kinerja); III Akuntabilitas Kinerja (A. Capaian
Kinerja Organisasi: measurement, comparisons with the previous year and the Renstra end
target, analysis per sasaran; B. Realisasi Anggaran: budget realisation and efficiency); IV
Penutup. `draft(record, year)` builds that document as a list of blocks (headings, paragraphs,
tables, figures) with no file format in it; `kinerja.io.lkjip_docx` writes it as DOCX and PDF.

Sentences are generated from the measurements for the planner to edit: one per IKU
("Capaian IKU … tahun 2024 sebesar 107,85 % dengan predikat Sangat Tinggi, naik dari 98,10 %
pada tahun 2023."), handling a realisation not yet entered ("belum diisi"), no previous year, a
zero target ("tidak dapat dihitung") and an achievement that went up, down or stayed. Passages
the planner must write are marked as such (`Paragraph.fill`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.core.achievement import Status
from kinerja.core.budget import serapan
from kinerja.core.exact import total
from kinerja.core.indicators import normalise_unit
from kinerja.core.numbers import format_money, format_number, format_percent
from kinerja.tables import lkjip
from kinerja.tables.grid import Signature, Table
from kinerja.tables.lkjip import (
    Measure,
    efficiency_sentence,
    measure,
    measures,
    predicate,
    program_figures,
    realisation_for,
    sasaran_efficiency,
    sasaran_mean,
    target_for,
    trend,
)
from kinerja.tables.record import AgencyRecord, IndicatorRecord, SasaranRecord

# --- the document model --------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading: level 1 a chapter ('BAB I' with its title on a second line), 2 a section
    ('A. Latar Belakang'), 3 a sub-section."""

    text: str
    level: int = 1
    number: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph. `generated` marks a sentence made from the record for the planner to
    check and edit; `fill` a passage the planner must write (shown highlighted)."""

    text: str
    generated: bool = False
    fill: bool = False
    bold: bool = False
    center: bool = False


@dataclass(frozen=True)
class Items:
    """A numbered (or lettered) list."""

    items: tuple[str, ...]
    style: str = "number"     # 'number' (1.), 'letter' (a.), 'bullet'


@dataclass(frozen=True)
class Fields:
    """Label–value lines ('Nama : …'), as in the statement of a Perjanjian Kinerja."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TableBlock:
    """An official table in place (printed landscape), with the label the text refers to
    ('Tabel 3.1'); `new_page` False continues on the page of the table before it."""

    table: Table
    label: str = ""
    new_page: bool = True


@dataclass(frozen=True)
class YearValue:
    """Target and realisation of one indicator in one year (None: not in the record)."""

    year: int
    target: Decimal | None
    realisation: Decimal | None


@dataclass(frozen=True)
class IndicatorSeries:
    """One indicator's values over the years, with its name and unit."""

    name: str
    unit: str
    years: tuple[YearValue, ...]


@dataclass(frozen=True)
class ProgramBudget:
    """One program's pagu and realisation (None: not in the record)."""

    label: str
    pagu: Decimal | None
    realisation: Decimal | None


@dataclass(frozen=True)
class SasaranChart:
    """Target against realisation over the years for the IKU of one sasaran."""

    title: str
    series: tuple[IndicatorSeries, ...]


@dataclass(frozen=True)
class AbsorptionChart:
    """Budget absorption per program."""

    title: str
    programs: tuple[ProgramBudget, ...]


@dataclass(frozen=True)
class Figure:
    """A chart in place with its caption ('Gambar 3.1 …')."""

    chart: SasaranChart | AbsorptionChart
    caption: str


@dataclass(frozen=True)
class Signatures:
    """Signature blocks side by side (left to right)."""

    signatures: tuple[Signature, ...]


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


Block = Heading | Paragraph | Items | Fields | TableBlock | Figure | Signatures | PageBreak


@dataclass(frozen=True)
class Draft:
    """A whole document: its title, cover lines (on a page of their own with `cover_page`,
    else as the title block above the first paragraph) and blocks."""

    title: str
    cover: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = field(default=())
    cover_page: bool = True

    def headings(self, level: int = 1) -> list[str]:
        """The texts of the headings of `level`."""
        return [b.text for b in self.blocks if isinstance(b, Heading) and b.level == level]


# --- numbers in sentences ------------------------------------------------------------------


def show_value(value: Decimal) -> str:
    """A target or realisation as printed: the decimals it has (`65,18`, `300`)."""
    exp = value.normalize().as_tuple().exponent
    decimals = max(0, -exp) if isinstance(exp, int) else 0
    return format_number(value, min(decimals, 4))


def with_unit(value: Decimal, unit: str) -> str:
    """`65,18 Indeks`, `84,06 %`."""
    if normalise_unit(unit) == "persen":
        return f"{show_value(value)} %"
    return f"{show_value(value)} {unit}".strip()


def pct(value: Decimal) -> str:
    """An achievement with its sign: `107,85 %`."""
    return f"{format_percent(value)} %"


# --- sentences -----------------------------------------------------------------------------


def iku_sentence(now: Measure, before: Measure | None) -> str:
    """The sentence on one IKU in a year, compared with the year before.

    `now` and `before` are `kinerja.tables.lkjip.Measure` values (`before` None or without a
    target and realisation: no previous year in the record)."""

    ind, year = now.indicator, now.year
    name = f"IKU {ind.name}"
    target = now.target.value if now.target is not None else None
    real = now.realisation.value if now.realisation is not None else None
    status = now.achievement.status
    if status is Status.BELUM_DIISI:
        tail = f" terhadap target {with_unit(target, ind.unit)}" if target is not None else ""
        return (f"Realisasi {name} tahun {year} belum diisi, sehingga capaiannya{tail} belum "
                f"dapat dihitung.")
    if status is Status.TIDAK_DAPAT_DIHITUNG:
        if target is None:
            return (f"Capaian {name} tahun {year} tidak dapat dihitung karena targetnya belum "
                    f"ditetapkan.")
        shown = f" (realisasi {with_unit(real, ind.unit)})" if real is not None else ""
        return f"Capaian {name} tahun {year} tidak dapat dihitung karena targetnya 0{shown}."
    if status is Status.TERCAPAI:
        return (f"{name} tahun {year} bertarget 0 dan terealisasi "
                f"{with_unit(real or Decimal(0), ind.unit)}, sehingga dinyatakan tercapai.")
    if status is Status.TIDAK_TERCAPAI:
        return (f"{name} tahun {year} bertarget 0 tetapi terealisasi "
                f"{with_unit(real or Decimal(0), ind.unit)}, sehingga dinyatakan tidak "
                f"tercapai.")
    assert now.value is not None
    label = now.band.label if now.band is not None else ""
    head = f"Capaian {name} tahun {year} sebesar {pct(now.value)} dengan predikat {label}"
    detail = ""
    if real is not None and target is not None:
        detail = (f" Realisasi tahun {year} sebesar {with_unit(real, ind.unit)} terhadap "
                  f"target {with_unit(target, ind.unit)}.")
    prev_year = year - 1
    if before is None or (before.target is None and before.realisation is None):
        return (f"{head}. Data tahun {prev_year} belum ada dalam catatan sehingga belum dapat "
                f"dibandingkan.{detail}")
    if before.value is None:
        if before.achievement.status is Status.BELUM_DIISI:
            why = f"realisasi tahun {prev_year} belum diisi"
        elif before.achievement.status is Status.TIDAK_DAPAT_DIHITUNG:
            why = f"capaian tahun {prev_year} tidak dapat dihitung"
        else:
            why = f"tahun {prev_year} tidak memiliki capaian dalam persen"
        return f"{head}; {why} sehingga belum dapat dibandingkan.{detail}"
    direction = trend(now.value, before.value)
    if direction == "tetap":
        return (f"{head}, sama dengan capaian tahun {prev_year} ({pct(before.value)})."
                f"{detail}")
    return f"{head}, {direction} dari {pct(before.value)} pada tahun {prev_year}.{detail}"


def sasaran_sentence(number: int, s: SasaranRecord, items: Sequence[Measure],
                     year: int) -> str:
    """The sentence on a sasaran: how many IKU measure it, their mean achievement and its
    predicate, and how many were left out of the mean."""

    count = len(items)
    mean = sasaran_mean(items)
    left = sum(1 for m in items if m.value is None)
    text = f"Sasaran {number}, {s.name}, diukur dengan {count} IKU."
    if mean is None:
        return text + f" Belum ada IKU yang capaiannya dapat dihitung untuk tahun {year}."
    text += (f" Rata-rata capaian sasaran ini tahun {year} sebesar {pct(mean)} dengan predikat "
             f"{predicate(mean)}")
    if left:
        text += f" ({left} IKU belum dapat dihitung dan tidak ikut dirata-ratakan)"
    return text + "."


# --- charts --------------------------------------------------------------------------------


def chart_years(ind: IndicatorRecord, year: int, span: int = 5) -> list[int]:
    """The years a chart of the indicator shows: those with a yearly target or realisation
    in the `span` years up to `year`, always including `year`."""
    first = year - span + 1
    years = {t.year for t in ind.targets if t.quarter == 0 and first <= t.year <= year
             and t.version != "renstra"}
    years |= {r.year for r in ind.realisations if r.quarter == 0 and first <= r.year <= year}
    years.add(year)
    return sorted(years)


def sasaran_chart(s: SasaranRecord, year: int, version: str | None = None) -> SasaranChart:
    """The chart data of a sasaran: each IKU's target and realisation over the years."""

    series = []
    for ind in s.indicators:
        points = []
        for y in chart_years(ind, year):
            t, _ = target_for(ind, y, version)
            r = realisation_for(ind, y)
            points.append(YearValue(y, t.value if t else None, r.value if r else None))
        series.append(IndicatorSeries(ind.name, ind.unit, tuple(points)))
    return SasaranChart(f"Sasaran: {s.name}", tuple(series))


def absorption(record: AgencyRecord, year: int) -> AbsorptionChart:
    """The chart data of budget absorption per program."""

    programs = tuple(ProgramBudget(f"{f.node.shown_code} {f.node.name}".strip(), f.pagu,
                                   f.realisasi)
                     for f in program_figures(record, year))
    return AbsorptionChart(f"Pagu dan realisasi anggaran per program tahun {year}", programs)


# --- the chapters --------------------------------------------------------------------------

_FILL = "[Diisi perencana: "


def _fill(text: str) -> Paragraph:
    return Paragraph(f"{_FILL}{text}]", fill=True)


def _chapter_i(record: AgencyRecord, year: int) -> list[Block]:
    name = record.agency.name
    blocks: list[Block] = [
        Heading("PENDAHULUAN", 1, "BAB I"),
        Heading("Latar Belakang", 2, "A."),
        Paragraph(
            f"Laporan Kinerja Instansi Pemerintah (LKjIP) {name} Tahun {year} disusun sebagai "
            "wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi serta pencapaian "
            "sasaran strategis yang ditetapkan dalam Rencana Strategis dan Perjanjian Kinerja, "
            "sesuai Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan "
            "Kinerja Instansi Pemerintah, Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem "
            "Akuntabilitas Kinerja Instansi Pemerintah, dan Peraturan Menteri PANRB Nomor 53 "
            "Tahun 2014."),
        Heading("Kedudukan, Tugas dan Fungsi", 2, "B."),
        _fill("dasar pembentukan organisasi, kedudukan, tugas pokok dan fungsi"),
        Heading("Struktur Organisasi", 2, "C."),
    ]
    if record.units:
        blocks.append(Paragraph(f"Unit kerja {name} terdiri atas:"))
        blocks.append(Items(tuple(u.name for u in record.units), "letter"))
    else:
        blocks.append(_fill("susunan organisasi dan unit kerja"))
    blocks += [
        Heading("Sumber Daya Aparatur", 2, "D."),
        _fill("jumlah pegawai menurut golongan, pendidikan dan jabatan"),
        Heading("Sistematika Penyajian", 2, "E."),
        Items(("Bab I Pendahuluan: latar belakang, kedudukan, tugas dan fungsi, struktur "
               "organisasi dan sumber daya aparatur.",
               "Bab II Perencanaan Kinerja: Rencana Strategis dan Perjanjian Kinerja tahun "
               f"{year}.",
               "Bab III Akuntabilitas Kinerja: capaian kinerja organisasi dan realisasi "
               "anggaran.",
               "Bab IV Penutup: kesimpulan dan langkah perbaikan."), "bullet"),
    ]
    return blocks


def _chapter_ii(record: AgencyRecord, year: int,
                pk_tables: Sequence[Table]) -> list[Block]:
    period = record.period_for(year)
    blocks: list[Block] = [PageBreak(), Heading("PERENCANAAN KINERJA", 1, "BAB II"),
                           Heading("Rencana Strategis", 2, "A.")]
    if period is not None:
        blocks.append(Paragraph(
            f"Rencana Strategis {record.agency.name} periode {period.start_year}–"
            f"{period.end_year} menetapkan {len(record.sasaran)} sasaran strategis yang diukur "
            f"dengan {sum(len(s.indicators) for s in record.sasaran)} Indikator Kinerja Utama "
            "(IKU):", generated=True))
    else:
        blocks.append(Paragraph(
            f"Rencana Strategis {record.agency.name} menetapkan {len(record.sasaran)} sasaran "
            "strategis dengan Indikator Kinerja Utama (IKU) sebagai berikut:", generated=True))
    if record.sasaran:
        blocks.append(Items(tuple(
            f"{s.name} (IKU: " + "; ".join(i.name for i in s.indicators) + ")"
            if s.indicators else s.name for s in record.sasaran)))
    else:
        blocks.append(_fill("sasaran strategis dan IKU belum ada dalam catatan"))
    blocks.append(Heading(f"Perjanjian Kinerja Tahun {year}", 2, "B."))
    blocks.append(Paragraph(
        f"Perjanjian Kinerja Tahun {year} memuat sasaran, indikator dan target kinerja yang "
        "diperjanjikan beserta anggaran program yang mendukungnya, sebagai berikut."))
    for k, table in enumerate(pk_tables, start=1):
        blocks.append(TableBlock(table, f"Tabel 2.{k}", new_page=k == 1))
    return blocks


def _chapter_iii(record: AgencyRecord, year: int, version: str | None,
                 tables: dict[str, Table]) -> list[Block]:

    blocks: list[Block] = [
        PageBreak(), Heading("AKUNTABILITAS KINERJA", 1, "BAB III"),
        Heading("Capaian Kinerja Organisasi", 2, "A."),
        Paragraph(
            "Pengukuran kinerja membandingkan realisasi setiap Indikator Kinerja Utama dengan "
            "targetnya dalam Perjanjian Kinerja. Capaian indikator positif = realisasi / "
            "target × 100; indikator negatif (makin rendah makin baik) = (2 × target − "
            "realisasi) / target × 100. Predikat capaian mengikuti skala Permendagri 86/2017: "
            "Sangat Tinggi (≥ 91), Tinggi (76 sampai di bawah 91), Sedang (66 sampai di bawah "
            "76), Rendah (51 sampai di bawah 66) dan Sangat Rendah (di bawah 51)."),
        TableBlock(tables["lkjip_pengukuran"], "Tabel 3.1"),
        Heading("Analisis capaian per sasaran", 3),
    ]
    if not any(s.indicators for s in record.sasaran):
        blocks.append(_fill("sasaran dan IKU belum ada dalam catatan; muat tabel pengukuran "
                            "kinerja atau isi sasaran, IKU, target dan realisasinya"))
    figure = 0
    for number, s in enumerate(record.sasaran, start=1):
        if not s.indicators:
            continue
        items = [measure(s, ind, year, version) for ind in s.indicators]
        blocks.append(Paragraph(sasaran_sentence(number, s, items, year), generated=True,
                                bold=True))
        for m in items:
            before = measure(s, m.indicator, year - 1, version)
            blocks.append(Paragraph(iku_sentence(m, before), generated=True))
        blocks.append(_fill("penyebab keberhasilan atau kegagalan, dan upaya yang dilakukan"))
        figure += 1
        blocks.append(Figure(sasaran_chart(s, year, version),
                             f"Gambar 3.{figure} Target dan realisasi IKU sasaran {number}"))
    blocks += [
        Heading("Perbandingan dengan tahun sebelumnya", 3),
        Paragraph(f"Realisasi dan capaian setiap IKU tahun {year} dibandingkan dengan tahun "
                  f"{year - 1} pada Tabel 3.2."),
        TableBlock(tables["lkjip_pembanding"], "Tabel 3.2"),
        Heading("Perbandingan dengan target akhir Renstra", 3),
        Paragraph(f"Realisasi setiap IKU sampai dengan tahun {year} dibandingkan dengan target "
                  "akhir periode Renstra pada Tabel 3.3."),
        TableBlock(tables["lkjip_renstra"], "Tabel 3.3"),
        PageBreak(),
        Heading("Realisasi Anggaran", 2, "B."),
    ]
    blocks.extend(_budget_paragraphs(record, year))
    blocks.append(TableBlock(tables["lkjip_anggaran"], "Tabel 3.4"))
    chart = absorption(record, year)
    if any(p.pagu is not None and p.realisation is not None for p in chart.programs):
        figure += 1
        blocks.append(Figure(chart, f"Gambar 3.{figure} Serapan anggaran per program"))
    blocks += [
        Heading("Efisiensi penggunaan sumber daya", 3),
        Paragraph("Efisiensi penggunaan sumber daya membandingkan capaian kinerja setiap "
                  "sasaran dengan serapan anggaran program dan kegiatan yang melayaninya "
                  "(Tabel 3.5)."),
        TableBlock(tables["lkjip_efisiensi"], "Tabel 3.5"),
    ]
    for e in sasaran_efficiency(record, year, version):
        blocks.append(Paragraph(efficiency_sentence(e), generated=True))
    return blocks


def _budget_paragraphs(record: AgencyRecord, year: int) -> list[Block]:

    figures = program_figures(record, year)
    pagu = total(f.pagu for f in figures)
    real = total(f.realisasi for f in figures)
    absorbed = serapan(real, pagu)
    if pagu is None or real is None or absorbed is None:
        return [Paragraph(f"Pagu dan realisasi anggaran tahun {year} belum lengkap dalam "
                          "catatan.", generated=True)]
    out: list[Block] = [Paragraph(
        f"Pagu anggaran tahun {year} sebesar Rp {format_money(pagu)} dengan realisasi "
        f"Rp {format_money(real)} atau {pct(absorbed)}, sehingga sisa anggaran "
        f"Rp {format_money(pagu - real)}.", generated=True)]
    lines = []
    for f in figures:
        if f.serapan is not None and f.pagu is not None and f.realisasi is not None:
            lines.append(f"{f.node.name}: pagu Rp {format_money(f.pagu)}, realisasi "
                         f"Rp {format_money(f.realisasi)} ({pct(f.serapan)}).")
    if lines:
        out.append(Items(tuple(lines)))
    return out


def _chapter_iv(record: AgencyRecord, year: int, version: str | None) -> list[Block]:

    items = measures(record, year, version)
    counts: dict[str, int] = {}
    for m in items:
        key = m.band.label if m.band else m.status_text
        counts[key] = counts.get(key, 0) + 1
    blocks: list[Block] = [PageBreak(), Heading("PENUTUP", 1, "BAB IV"),
                           Heading("Kesimpulan", 2, "A.")]
    if items:
        spread = ", ".join(f"{n} IKU {label}" for label, n in counts.items())
        mean = sasaran_mean(items)
        text = (f"Dari {len(items)} Indikator Kinerja Utama tahun {year}, capaiannya: "
                f"{spread}.")
        if mean is not None:
            text += (f" Rata-rata capaian seluruh IKU sebesar {pct(mean)} dengan predikat "
                     f"{predicate(mean)}.")
        blocks.append(Paragraph(text, generated=True))
    else:
        blocks.append(_fill("kesimpulan capaian kinerja"))
    blocks.append(Heading("Langkah Perbaikan", 2, "B."))
    low = [m for m in items if m.value is not None and m.band is not None
           and m.band.code not in ("ST",)]
    if low:
        blocks.append(Paragraph("IKU yang capaiannya belum berpredikat Sangat Tinggi dan "
                                "memerlukan langkah perbaikan:", generated=True))
        blocks.append(Items(tuple(f"{m.indicator.name} ({pct(m.value or Decimal(0))}, "
                                  f"{m.band.label if m.band else ''})" for m in low)))
    blocks.append(_fill("langkah perbaikan untuk tahun berikutnya"))
    return blocks


def draft(record: AgencyRecord, year: int, version: str | None = None,
          pk_version: str = "pk") -> Draft:
    """The draft LKjIP of `year` from the record: four chapters with the tables, sentences
    and charts in place."""
    from kinerja.tables import pk  # pk composes its document from this module's blocks

    tables = {
        "lkjip_pengukuran": lkjip.build_pengukuran(record, year, version),
        "lkjip_pembanding": lkjip.build_pembanding(record, year, version),
        "lkjip_renstra": lkjip.build_renstra(record, year, version),
        "lkjip_anggaran": lkjip.build_anggaran(record, year, version),
        "lkjip_efisiensi": lkjip.build_efisiensi(record, year, version),
    }
    pk_tables = ((pk.build(record, year, pk_version),
                  pk.build_anggaran(record, year, pk_version)) if record.sasaran else ())
    blocks: list[Block] = []
    blocks += _chapter_i(record, year)
    blocks += _chapter_ii(record, year, pk_tables)
    blocks += _chapter_iii(record, year, version, tables)
    blocks += _chapter_iv(record, year, version)
    cover = ("LAPORAN KINERJA INSTANSI PEMERINTAH", f"(LKjIP) TAHUN {year}",
             record.agency.name.upper(), record.government.name.upper())
    return Draft(f"LKjIP {record.agency.name} Tahun {year}", cover, tuple(blocks))
