"""The tables of the LKjIP (PermenPANRB 53/2014, chapter III), built from an agency's record.

Five tables, each `build_*(record, year, version=None) -> Table` and attached to the registry:

- `lkjip_pengukuran`: every IKU of every sasaran with its target, realisation, achievement
  (`core.achievement`, by the indicator's polarity) and predicate (the indicator's achievement
  scale, Permendagri 86/2017 by default), and the sasaran's mean achievement; then every
  indicator of a program, kegiatan or sub kegiatan that has a Perjanjian Kinerja target of the
  year (the report's "capaian program dan kegiatan"), under the node's name;
- `lkjip_pembanding`: the year against the year before (realisation and achievement of both);
- `lkjip_renstra`: the realisation up to the year against the Renstra end target;
- `lkjip_anggaran`: pagu, realisasi, serapan and sisa of every program, kegiatan and sub
  kegiatan, parents being the exact sum of their children, overspending marked;
- `lkjip_efisiensi`: per sasaran, achievement against budget absorption in both conventions
  (ratio and difference), each labelled.

`version` chooses the document version whose targets are measured; None takes the latest one the
record has for the year (PK Perubahan, PK, Renja Perubahan, Renja, Renstra) and the table says
which. The measurements (`Measure`) are public: the draft's sentences and charts read them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core import scales
from kinerja.core.achievement import Achievement, Status, achievement
from kinerja.core.budget import serapan, sisa
from kinerja.core.efficiency import Efficiency, efficiency
from kinerja.core.exact import total
from kinerja.core.indicators import Kind, Polarity
from kinerja.core.numbers import format_money, format_number, format_percent
from kinerja.core.rollup import mean_of
from kinerja.tables import registry
from kinerja.tables.grid import (
    Cell,
    MeanRows,
    Note,
    Ratio,
    Row,
    RowStyle,
    SumRows,
    Table,
)
from kinerja.tables.record import (
    AgencyRecord,
    IndicatorRecord,
    PlanNode,
    RealisationValue,
    SasaranRecord,
    TargetValue,
)

#: Target versions tried, in order, when none is asked for: the latest agreed one first.
TARGET_VERSIONS: tuple[str, ...] = ("pk_perubahan", "pk", "renja_perubahan", "renja", "renstra")

#: The versions of a Perjanjian Kinerja: a node's indicator with a target of one of them is
#: measured in `lkjip_pengukuran`.
PK_VERSIONS: tuple[str, ...] = ("pk_perubahan", "pk")

#: Names of target versions as printed.
VERSION_NAMES: dict[str, str] = {
    "renstra": "Renstra", "renja": "Renja", "renja_perubahan": "Renja Perubahan",
    "pk": "Perjanjian Kinerja", "pk_perubahan": "Perjanjian Kinerja Perubahan",
    "rencana_aksi": "Rencana Aksi", "lkjip": "LKjIP",
}

#: Budget stages tried, in order, for the pagu of the year (the last agreed budget first).
PAGU_STAGES: tuple[str, ...] = ("dpa", "apbd_perubahan", "apbd", "rka", "renja")

#: Scales that grade an indicator's value (a SAKIP grade, an IKM category …), not its
#: achievement: an indicator set to one of them has its achievement graded on the default.
VALUE_SCALES = frozenset({"sakip", "ikm", "ipasn", "nspk", "merit", "efisiensi_selisih"})

#: Text of an achievement that has no value, by status.
STATUS_TEXT: dict[Status, str] = {
    Status.BELUM_DIISI: "belum diisi",
    Status.TIDAK_DAPAT_DIHITUNG: "tidak dapat dihitung",
    Status.TERCAPAI: "tercapai",
    Status.TIDAK_TERCAPAI: "tidak tercapai",
}


# --- measurement ---------------------------------------------------------------------------


def table_year(record: AgencyRecord, year: int | None) -> int:
    """The year a table is built for: `year`, else the record's (ValueError without either)."""
    found = year if year is not None else record.year
    if found is None:
        raise ValueError("tahun tabel belum ditentukan (gunakan --tahun)")
    return found


@dataclass(frozen=True)
class Measure:
    """One IKU measured in one year: the target used (and its version), the realisation,
    the achievement and its predicate band (None without a value). `sasaran` is None for an
    indicator of a program, kegiatan or sub kegiatan."""

    sasaran: SasaranRecord | None
    indicator: IndicatorRecord
    year: int
    target: TargetValue | None
    version: str | None
    realisation: RealisationValue | None
    achievement: Achievement
    scale: scales.Scale
    band: scales.Band | None

    @property
    def value(self) -> Decimal | None:
        """The achievement in percent, None when it has none."""
        return self.achievement.value

    @property
    def status_text(self) -> str:
        """What an achievement without a value shows ('belum diisi' …), '' with a value."""
        return "" if self.achievement.computed else STATUS_TEXT[self.achievement.status]


def indicator_scale(ind: IndicatorRecord) -> scales.Scale:
    """The scale an indicator's achievement is graded on: its own achievement scale, else
    Permendagri 86/2017 (lower bound inclusive)."""
    key = (ind.scale or "").strip()
    if key and key not in VALUE_SCALES and key in scales.SCALES:
        return scales.SCALES[key]
    return scales.PERMENDAGRI_86


def target_for(ind: IndicatorRecord, year: int,
               version: str | None = None) -> tuple[TargetValue | None, str | None]:
    """The yearly target of `year` of `version` (None: the first of `TARGET_VERSIONS` the
    indicator has) and the version it came from."""
    for v in (version,) if version else TARGET_VERSIONS:
        t = ind.target(year, v)
        if t is not None and t.value is not None:
            return t, v
    return None, version


def realisation_for(ind: IndicatorRecord, year: int) -> RealisationValue | None:
    """The realisation of `year`: the yearly value, else (for an indicator that is not a flow)
    the value reported as "up to and including" the year, which for a level is the same."""
    r = ind.realisation(year)
    if r is not None:
        return r
    if ind.kind is not Kind.FLOW:
        return ind.realisation(year, cumulative=True)
    return None


def measure(sasaran: SasaranRecord | None, ind: IndicatorRecord, year: int,
            version: str | None = None) -> Measure:
    """Measure one IKU in `year` (see `Measure`)."""
    target, used = target_for(ind, year, version)
    real = realisation_for(ind, year)
    polarity = ind.polarity
    if polarity is Polarity.RANGE:
        polarity = Polarity.POSITIVE      # a range needs two bounds; the record holds one
    ach = achievement(target.value if target else None, real.value if real else None, polarity)
    scale = indicator_scale(ind)
    band = scale.classify(ach.value) if ach.value is not None else None
    return Measure(sasaran, ind, year, target, used, real, ach, scale, band)


def measures(record: AgencyRecord, year: int, version: str | None = None) -> list[Measure]:
    """Every IKU of every sasaran measured in `year`, in the record's order."""
    return [measure(s, ind, year, version) for s in record.sasaran for ind in s.indicators]


def sasaran_mean(items: Sequence[Measure]) -> Decimal | None:
    """The unweighted mean achievement of the measures that have one (None when none has)."""
    return mean_of([m.value for m in items]).value


def predicate(value: Decimal | None, scale: scales.Scale = scales.PERMENDAGRI_86) -> str:
    """The predicate label of an achievement ('' without a value)."""
    return scale.classify(value).label if value is not None else ""


def version_used(items: Iterable[Measure]) -> str:
    """The target versions the measures used, as printed ('Perjanjian Kinerja')."""
    seen: list[str] = []
    for m in items:
        if m.target is not None and m.version and m.version not in seen:
            seen.append(m.version)
    return ", ".join(VERSION_NAMES.get(v, v) for v in seen)


# --- cells ---------------------------------------------------------------------------------


def value_cell(value: Decimal | None, empty: str = "-") -> Cell:
    """A target or realisation: its decimals as recorded, or `empty`."""
    return Cell.decimal(value) if value is not None else Cell.empty(empty)


def achievement_cell(m: Measure, target_col: int, real_col: int) -> Cell:
    """An achievement: the percentage (with a ratio intent for a positive indicator), or the
    reason it has none."""
    if m.value is None:
        return Cell.empty(m.status_text)
    formula = (Ratio(real_col, target_col)
               if m.indicator.polarity is Polarity.POSITIVE else None)
    return Cell.percent(m.value, 2, formula=formula)


def _words(year: int) -> dict[str, str]:
    return {"Tahun n-1": f"Tahun {year - 1}", "Tahun n": f"Tahun {year}",
            "s/d Tahun n": f"s/d Tahun {year}"}


def _subtitle(record: AgencyRecord, year: int, extra: str = "") -> tuple[str, ...]:
    lines = [record.agency.name, f"Tahun {year}"]
    if extra:
        lines.append(extra)
    return tuple(lines)


# --- (a) measurement -----------------------------------------------------------------------


def build_pengukuran(record: AgencyRecord, year: int | None = None,
                     version: str | None = None) -> Table:
    """Pengukuran kinerja: every IKU with target, realisation, achievement and predicate, and
    a row of the mean achievement of each sasaran."""
    year = table_year(record, year)
    spec = registry.get("lkjip_pengukuran")
    rows: list[Row] = []
    all_measures: list[Measure] = []
    notes: list[str] = []
    for number, s in enumerate(record.sasaran, start=1):
        items = [measure(s, ind, year, version) for ind in s.indicators]
        if not items:
            continue
        all_measures.extend(items)
        computed_rows: list[int] = []
        for k, m in enumerate(items):
            if m.value is not None:
                computed_rows.append(len(rows))
            rows.append(Row((
                Cell.of_text(str(number) if k == 0 else ""),
                Cell.of_text(s.name if k == 0 else ""),
                Cell.of_text(m.indicator.name),
                Cell.of_text(m.indicator.unit),
                value_cell(m.target.value if m.target else None),
                value_cell(m.realisation.value if m.realisation else None, "belum diisi"),
                achievement_cell(m, 4, 5),
                Cell.of_text(m.band.label if m.band else ""),
            ), RowStyle.DATA))
            if m.indicator.polarity is Polarity.NEGATIVE:
                notes.append(f"{m.indicator.name}: indikator negatif (makin rendah makin "
                             f"baik), capaian = (2 × target − realisasi) / target × 100.")
        mean = sasaran_mean(items)
        left_out = len(items) - len(computed_rows)
        label = f"Rata-rata capaian sasaran {number}"
        if left_out:
            label += f" ({left_out} IKU tanpa capaian tidak dihitung)"
        rows.append(Row((
            Cell.of_text(label, colspan=6),
            Cell.percent(mean, 2, formula=MeanRows(tuple(computed_rows)))
            if mean is not None and computed_rows else Cell.empty("-"),
            Cell.of_text(predicate(mean)),
        ), RowStyle.AVERAGE))
    pk = tuple(v for v in PK_VERSIONS if version in (None, v))
    for node in record.nodes():
        for ind in node.indicators:
            if not any(ind.target(year, v) is not None for v in pk):
                continue
            m = measure(None, ind, year, version or next(
                v for v in pk if ind.target(year, v) is not None))
            all_measures.append(m)
            rows.append(Row((
                Cell.of_text(""),
                Cell.of_text(node.name),
                Cell.of_text(ind.name),
                Cell.of_text(ind.unit),
                value_cell(m.target.value if m.target else None),
                value_cell(m.realisation.value if m.realisation else None, "belum diisi"),
                achievement_cell(m, 4, 5),
                Cell.of_text(m.band.label if m.band else ""),
            ), RowStyle.DATA))
    used = version_used(all_measures)
    if used:
        notes.insert(0, f"Target menurut {used}; predikat menurut skala Permendagri 86/2017 "
                        f"(batas bawah inklusif) kecuali indikator yang memiliki skala sendiri.")
    return spec.table(rows, words=_words(year), subtitle=_subtitle(record, year),
                      notes=(Note("Keterangan", tuple(notes)),) if notes else ())


# --- (b) comparison with the previous year -------------------------------------------------


def trend(now: Decimal | None, before: Decimal | None, decimals: int = 2) -> str | None:
    """'naik', 'turun' or 'tetap' comparing two achievements as shown (rounded to
    `decimals`); None when either is missing."""
    if now is None or before is None:
        return None
    a, b = format_number(now, decimals), format_number(before, decimals)
    if a == b:
        return "tetap"
    return "naik" if now > before else "turun"


def previous_years(ind: IndicatorRecord, year: int) -> list[int]:
    """The years before `year` with a yearly realisation or target of the indicator."""
    years = {r.year for r in ind.realisations if r.quarter == 0 and r.year < year}
    years |= {t.year for t in ind.targets if t.quarter == 0 and t.year < year
              and t.version != "renstra"}
    return sorted(years)


def build_pembanding(record: AgencyRecord, year: int | None = None,
                     version: str | None = None) -> Table:
    """Realisation and achievement of every IKU in `year` against `year - 1`, with whether the
    achievement went up, down or stayed."""
    year = table_year(record, year)
    spec = registry.get("lkjip_pembanding")
    rows: list[Row] = []
    number = 0
    for s in record.sasaran:
        if not s.indicators:
            continue
        rows.append(Row((Cell.of_text(s.name, colspan=9),), RowStyle.HEADING))
        for ind in s.indicators:
            number += 1
            now = measure(s, ind, year, version)
            before = measure(s, ind, year - 1, version)
            direction = trend(now.value, before.value)
            if direction is not None:
                note = {"naik": "Capaian naik", "turun": "Capaian turun",
                        "tetap": "Capaian tetap"}[direction]
            elif now.value is None:
                note = f"Capaian {year}: {now.status_text}"
            elif before.realisation is None and before.target is None:
                note = f"Belum ada data tahun {year - 1}"
            else:
                note = f"Capaian {year - 1}: {before.status_text}"
            rows.append(Row((
                Cell.of_text(str(number)),
                Cell.of_text(ind.name),
                Cell.of_text(ind.unit),
                value_cell(before.realisation.value if before.realisation else None),
                value_cell(now.target.value if now.target else None),
                value_cell(now.realisation.value if now.realisation else None, "belum diisi"),
                Cell.percent(before.value, 2) if before.value is not None
                else Cell.empty(before.status_text if before.realisation else "-"),
                achievement_cell(now, 4, 5),
                Cell.of_text(note),
            ), RowStyle.DATA, 0))
    return spec.table(rows, words=_words(year), subtitle=_subtitle(record, year))


# --- (c) comparison with the Renstra end target --------------------------------------------


def renstra_end_year(record: AgencyRecord, ind: IndicatorRecord, year: int) -> int | None:
    """The final year of the Renstra period containing `year` (else the last year with a
    Renstra target of the indicator)."""
    period = record.period_for(year)
    if period is not None:
        return period.end_year
    years = ind.target_years("renstra")
    later = [y for y in years if y >= year]
    return max(later) if later else (max(years) if years else None)


def realisation_to_date(record: AgencyRecord, ind: IndicatorRecord,
                        year: int) -> tuple[Decimal | None, str]:
    """The realisation up to and including `year` and how it was found: for a level (or
    undecided) indicator the latest value; for a flow the cumulative value reported, else the
    sum of the yearly values of the Renstra period up to `year`."""
    if ind.kind is not Kind.FLOW:
        for y in range(year, year - 10, -1):
            r = realisation_for(ind, y)
            if r is not None and r.value is not None:
                return r.value, f"nilai terakhir ({y})"
        return None, "belum diisi"
    cum = ind.realisation(year, cumulative=True)
    if cum is not None and cum.value is not None:
        return cum.value, f"kumulatif s/d {year}"
    period = record.period_for(year)
    start = period.start_year if period is not None else year
    values = [ind.realisation_value(y) for y in range(start, year + 1)]
    summed = total(values)
    if summed is None:
        return None, "belum diisi"
    return summed, f"jumlah {start}–{year}"


def build_renstra(record: AgencyRecord, year: int | None = None,
                  version: str | None = None) -> Table:
    """The realisation of every IKU up to `year` against the Renstra end target."""
    year = table_year(record, year)
    spec = registry.get("lkjip_renstra")
    rows: list[Row] = []
    end_years: set[int] = set()
    number = 0
    for s in record.sasaran:
        if not s.indicators:
            continue
        rows.append(Row((Cell.of_text(s.name, colspan=7),), RowStyle.HEADING))
        for ind in s.indicators:
            number += 1
            end = renstra_end_year(record, ind, year)
            target = ind.target_value(end, "renstra") if end is not None else None
            if end is not None:
                end_years.add(end)
            real, how = realisation_to_date(record, ind, year)
            polarity = Polarity.POSITIVE if ind.polarity is Polarity.RANGE else ind.polarity
            ach = achievement(target, real, polarity)
            if ach.value is None:
                remark = STATUS_TEXT[ach.status]
            elif (ach.value >= 100):
                remark = "Target akhir Renstra tercapai"
            else:
                remark = "Target akhir Renstra belum tercapai"
            rows.append(Row((
                Cell.of_text(str(number)),
                Cell.of_text(ind.name),
                Cell.of_text(ind.unit),
                value_cell(target),
                value_cell(real, "belum diisi"),
                Cell.percent(ach.value, 2,
                             formula=Ratio(4, 3) if polarity is Polarity.POSITIVE else None)
                if ach.value is not None else Cell.empty(STATUS_TEXT[ach.status]),
                Cell.of_text(f"{remark}; realisasi {how}"),
            ), RowStyle.DATA))
    words = _words(year)
    if end_years:
        words["(Tahun ...)"] = "(Tahun " + ", ".join(str(y) for y in sorted(end_years)) + ")"
    return spec.table(rows, words=words, subtitle=_subtitle(record, year))


# --- (d) budget realisation ----------------------------------------------------------------


@dataclass(frozen=True)
class BudgetFigures:
    """A node's pagu and realisation in a year (parents: the exact sum of their children),
    with the amounts the record states for the node itself where they differ."""

    node: PlanNode
    pagu: Decimal | None
    realisasi: Decimal | None
    stated_pagu: Decimal | None = None
    stated_realisasi: Decimal | None = None

    @property
    def serapan(self) -> Decimal | None:
        """realisasi / pagu × 100."""
        return serapan(self.realisasi, self.pagu)

    @property
    def sisa(self) -> Decimal | None:
        """pagu − realisasi (negative: overspent)."""
        return sisa(self.pagu, self.realisasi)

    @property
    def overspent(self) -> bool:
        """Realisation above the pagu."""
        remaining = self.sisa
        return remaining is not None and remaining < 0


def pagu_stage(record: AgencyRecord, year: int) -> str:
    """The first of `PAGU_STAGES` that any node has an amount at in `year`."""
    for stage in PAGU_STAGES:
        if any(n.amount(stage, year) is not None for n in record.nodes()):
            return stage
    return PAGU_STAGES[0]


def own_realisation(node: PlanNode, year: int) -> Decimal | None:
    """The node's own realisation of the year: the yearly amount, else the sum of the
    quarters reported."""
    value = node.amount("realisasi", year)
    if value is not None:
        return value
    return total(node.amount("realisasi", year, q) for q in (1, 2, 3, 4))


def _rolled(node: PlanNode, get: Callable[[PlanNode], Decimal | None]) -> Decimal | None:
    """A leaf's own amount; a parent's the exact sum of its children's (its own amount only
    when no child has one)."""
    if not node.children:
        value: Decimal | None = get(node)
        return value
    summed = total(_rolled(c, get) for c in node.children)
    if summed is None:
        stated: Decimal | None = get(node)
        return stated
    return summed


def budget_figures(node: PlanNode, year: int, stage: str) -> BudgetFigures:
    """Pagu (at `stage`) and realisation of a node in `year`."""
    pagu = _rolled(node, lambda n: n.amount(stage, year))
    real = _rolled(node, lambda n: own_realisation(n, year))
    stated_pagu = node.amount(stage, year) if node.children else None
    stated_real = own_realisation(node, year) if node.children else None
    return BudgetFigures(node, pagu, real,
                         stated_pagu if stated_pagu != pagu else None,
                         stated_real if stated_real != real else None)


def program_figures(record: AgencyRecord, year: int) -> list[BudgetFigures]:
    """The budget figures of every program."""
    stage = pagu_stage(record, year)
    return [budget_figures(p, year, stage) for p in record.programs]


_OVERSPENT_MARK = " (*)"


def build_anggaran(record: AgencyRecord, year: int | None = None,
                   version: str | None = None) -> Table:
    """Pagu, realisasi, serapan and sisa of every program, kegiatan and sub kegiatan, with the
    total; a row whose realisation exceeds its pagu is marked (*)."""
    year = table_year(record, year)
    spec = registry.get("lkjip_anggaran")
    stage = pagu_stage(record, year)
    rows: list[Row] = []
    differences: list[str] = []
    overspent: list[str] = []
    styles = {"program": RowStyle.PROGRAM, "kegiatan": RowStyle.KEGIATAN,
              "sub_kegiatan": RowStyle.SUB_KEGIATAN}

    def add(node: PlanNode, number: str) -> int:
        index = len(rows)
        rows.append(Row((Cell.empty(),)))          # placeholder, replaced below
        child_rows = [add(c, f"{number}.{k}") for k, c in enumerate(node.children, start=1)]
        f = budget_figures(node, year, stage)
        name = node.name + (_OVERSPENT_MARK if f.overspent else "")
        if f.overspent:
            overspent.append(f"{node.shown_code} {node.name}: realisasi "
                             f"{format_money(f.realisasi or Decimal(0))} melebihi pagu "
                             f"{format_money(f.pagu or Decimal(0))} "
                             f"(sisa {format_money(f.sisa or Decimal(0))})")
        for label, stated, derived in (("pagu", f.stated_pagu, f.pagu),
                                       ("realisasi", f.stated_realisasi, f.realisasi)):
            if stated is not None and derived is not None:
                differences.append(
                    f"{node.shown_code} {node.name}: {label} tercatat {format_money(stated)}, "
                    f"jumlah rinciannya {format_money(derived)}; tabel memakai jumlah rincian.")
        sums = SumRows(tuple(child_rows)) if child_rows else None
        rows[index] = Row((
            Cell.of_text(number),
            Cell.of_text(node.shown_code),
            Cell.of_text(name),
            Cell.money(f.pagu, formula=sums) if f.pagu is not None else Cell.empty("-"),
            Cell.money(f.realisasi, formula=sums) if f.realisasi is not None
            else Cell.empty("-"),
            Cell.percent(f.serapan, 2, formula=Ratio(4, 3)) if f.serapan is not None
            else Cell.empty("-"),
            Cell.money(f.sisa) if f.sisa is not None else Cell.empty("-"),
        ), styles.get(node.level, RowStyle.DATA), node.depth)
        return index

    program_rows = [add(p, str(k)) for k, p in enumerate(record.programs, start=1)]
    if program_rows:
        figures = program_figures(record, year)
        pagu = total(f.pagu for f in figures)
        real = total(f.realisasi for f in figures)
        sums = SumRows(tuple(program_rows))
        absorbed, remaining = serapan(real, pagu), sisa(pagu, real)
        rows.append(Row((
            Cell.of_text("Jumlah", colspan=3),
            Cell.money(pagu, formula=sums) if pagu is not None else Cell.empty("-"),
            Cell.money(real, formula=sums) if real is not None else Cell.empty("-"),
            Cell.percent(absorbed, 2, formula=Ratio(4, 3)) if absorbed is not None
            else Cell.empty("-"),
            Cell.money(remaining) if remaining is not None else Cell.empty("-"),
        ), RowStyle.TOTAL))
    notes: list[Note] = []
    stage_name = {"dpa": "DPA/DPPA", "apbd_perubahan": "APBD Perubahan", "apbd": "APBD",
                  "rka": "RKA", "renja": "Renja"}[stage]
    lines = [f"Pagu menurut {stage_name}; program dan kegiatan adalah jumlah rinciannya."]
    if overspent:
        lines.append("(*) Realisasi melebihi pagu: " + "; ".join(overspent) + ".")
    notes.append(Note("Keterangan", tuple(lines)))
    if differences:
        notes.append(Note("Selisih dengan jumlah yang tercatat", tuple(differences)))
    return spec.table(rows, words=_words(year), subtitle=_subtitle(record, year),
                      notes=notes)


# --- (e) efficiency ------------------------------------------------------------------------


def serving_nodes(record: AgencyRecord, s: SasaranRecord) -> list[PlanNode]:
    """The nodes serving a sasaran, without those already inside another one of them (no
    amount counted twice). With no link recorded and a single sasaran, every program."""
    nodes = [n for n in (record.node(k) for k in s.node_keys) if n is not None]
    if not nodes and len(record.sasaran) == 1:
        return list(record.programs)
    inner: set[str] = set()
    for n in nodes:
        inner.update(d.key for d in n.walk() if d is not n)
    return [n for n in nodes if n.key not in inner]


@dataclass(frozen=True)
class SasaranEfficiency:
    """A sasaran's mean achievement, the budget of the nodes serving it, and both
    efficiency figures."""

    sasaran: SasaranRecord
    capaian: Decimal | None
    pagu: Decimal | None
    realisasi: Decimal | None
    ratio: Efficiency
    difference: Efficiency

    @property
    def serapan(self) -> Decimal | None:
        """realisasi / pagu × 100."""
        return serapan(self.realisasi, self.pagu)


def sasaran_efficiency(record: AgencyRecord, year: int,
                       version: str | None = None) -> list[SasaranEfficiency]:
    """The efficiency of every sasaran that has IKU."""
    stage = pagu_stage(record, year)
    out: list[SasaranEfficiency] = []
    for s in record.sasaran:
        if not s.indicators:
            continue
        capaian = sasaran_mean([measure(s, ind, year, version) for ind in s.indicators])
        figures = [budget_figures(n, year, stage) for n in serving_nodes(record, s)]
        pagu = total(f.pagu for f in figures)
        real = total(f.realisasi for f in figures)
        ratio, diff = efficiency(capaian, serapan(real, pagu))
        out.append(SasaranEfficiency(s, capaian, pagu, real, ratio, diff))
    return out


def build_efisiensi(record: AgencyRecord, year: int | None = None,
                    version: str | None = None) -> Table:
    """Per sasaran: mean achievement, pagu and realisation of the programs and kegiatan
    serving it, absorption, and efficiency in both conventions: the ratio capaian / serapan
    and the difference capaian − serapan in points with its category."""
    year = table_year(record, year)
    spec = registry.get("lkjip_efisiensi")
    rows: list[Row] = []
    for k, e in enumerate(sasaran_efficiency(record, year, version), start=1):
        rows.append(Row((
            Cell.of_text(str(k)),
            Cell.of_text(e.sasaran.name),
            Cell.percent(e.capaian, 2) if e.capaian is not None else Cell.empty("-"),
            Cell.money(e.pagu) if e.pagu is not None else Cell.empty("-"),
            Cell.money(e.realisasi) if e.realisasi is not None else Cell.empty("-"),
            Cell.percent(e.serapan, 2, formula=Ratio(4, 3)) if e.serapan is not None
            else Cell.empty("-"),
            Cell.decimal(e.ratio.value, 3, formula=Ratio(2, 5, Decimal(1)))
            if e.ratio.value is not None else Cell.empty("-"),
            Cell.decimal(e.difference.value, 2) if e.difference.value is not None
            else Cell.empty("-"),
            Cell.of_text(e.difference.band.label if e.difference.band else ""),
        ), RowStyle.DATA))
    scale = scales.EFISIENSI_SELISIH
    notes = (Note("Keterangan", (
        "Dua konvensi efisiensi disajikan: rasio capaian / serapan (di atas 1: capaian lebih "
        "tinggi daripada serapan) dan selisih capaian − serapan dalam poin.",
        "Kategori selisih: lebih dari +5 efisien, antara −5 dan +5 cukup efisien, di bawah −5 "
        f"tidak efisien ({scale.footing}).",
        "Anggaran sasaran adalah jumlah pagu dan realisasi program/kegiatan yang "
        "melayaninya.",
    )),)
    return spec.table(rows, words=_words(year), subtitle=_subtitle(record, year),
                      notes=notes)


def efficiency_sentence(e: SasaranEfficiency) -> str:
    """One sentence on a sasaran's efficiency, both conventions named."""
    if e.capaian is None or e.serapan is None:
        missing = "capaian kinerjanya" if e.capaian is None else "serapan anggarannya"
        return (f"Efisiensi sasaran {e.sasaran.name} tidak dapat dihitung karena {missing} "
                f"belum tersedia.")
    ratio = format_number(e.ratio.value, 3) if e.ratio.value is not None else "-"
    diff = e.difference.value
    band = e.difference.band.label.lower() if e.difference.band else ""
    diff_text = format_number(diff, 2) if diff is not None else "-"
    if diff is not None and diff > 0:
        diff_text = "+" + diff_text
    return (f"Sasaran {e.sasaran.name} mencapai capaian kinerja {format_percent(e.capaian)} % "
            f"dengan serapan anggaran {format_percent(e.serapan)} %, sehingga efisiensinya "
            f"{ratio} menurut rasio capaian / serapan dan {diff_text} poin menurut selisih "
            f"capaian − serapan ({band}).")


# --- registry ------------------------------------------------------------------------------


def _attach() -> None:
    for identifier, build in (("lkjip_pengukuran", build_pengukuran),
                              ("lkjip_pembanding", build_pembanding),
                              ("lkjip_renstra", build_renstra),
                              ("lkjip_anggaran", build_anggaran),
                              ("lkjip_efisiensi", build_efisiensi)):
        registry.attach(identifier, build)


_attach()
