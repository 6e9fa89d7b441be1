"""What the beranda and the government overview show, computed from an agency's record
(`kinerja.store.queries.load_record`) with the core functions; no Django here besides what the
record loader needs.

Choices made here (and shown on the pages):

- The year's target is the one of the latest document version that has it: PK Perubahan, PK,
  Renja Perubahan, Renja, then the Renstra.
- A quarter's realisation is the value entered in the application when there is one, else the
  one of the most recent import. The realisation "s/d triwulan q" combines quarters I..q by the
  indicator's within-year rule (`core.indicators.year_value`); a year value (quarter 0) stands
  for the whole year when no quarter was reported.
- Achievement is `core.achievement.achievement` of that realisation against the year's target,
  and its predicate is the Permendagri 86/2017 band (`core.scales.PERMENDAGRI_86`).
- A sasaran's achievement is the mean of its IKU; the agency's achievement is the mean of its
  IKU, or of its program indicators when no IKU has a value.
- Budget: the pagu is the DPA (else APBD Perubahan, APBD, RKA, Renja); the realisation
  "s/d triwulan q" adds quarters I..q; a parent's amount is the sum of its children where they
  have amounts, else its own. Absorption is `core.budget.serapan`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kinerja.core.achievement import Achievement, achievement
from kinerja.core.budget import serapan
from kinerja.core.exact import exact
from kinerja.core.indicators import year_value
from kinerja.core.scales import PERMENDAGRI_86, Band
from kinerja.tables.record import AgencyRecord, IndicatorRecord, PlanNode

#: target versions, most authoritative first
TARGET_VERSIONS = ("pk_perubahan", "pk", "renja_perubahan", "renja", "rencana_aksi", "renstra",
                   "lkjip", "analisis_kebutuhan", "ranwal_rkpd")
#: budget stages that give the pagu, most authoritative first
PAGU_STAGES = ("dpa", "apbd_perubahan", "apbd", "rka", "renja")
QUARTERS = (1, 2, 3, 4)


def _pick(items: Sequence[Any]) -> Any:
    """The value entered in the application (source None) if any, else the most recent
    import's."""
    if not items:
        return None
    entered = [i for i in items if i.source is None]
    if entered:
        return entered[-1]
    return max(items, key=lambda i: i.source)


def year_target(ind: IndicatorRecord, year: int) -> Any:
    """The year's target (a `TargetValue`) of the most authoritative version, or None."""
    for version in TARGET_VERSIONS:
        t = _pick([t for t in ind.targets_all(year, version) if t.value is not None])
        if t is not None:
            return t
    return None


def quarter_realisation(ind: IndicatorRecord, year: int, quarter: int) -> Any:
    """The realisation (a `RealisationValue`) of one quarter (0: the year), or None."""
    return _pick(ind.realisations_all(year, quarter))


def realised_to(ind: IndicatorRecord, year: int, quarter: int) -> Decimal | None:
    """The realisation s/d triwulan `quarter` (see the module docstring), or None."""
    values = []
    for q in QUARTERS[:quarter]:
        r = quarter_realisation(ind, year, q)
        values.append(r.value if r is not None else None)
    if any(v is not None for v in values):
        return year_value(values, ind.within_year)
    has_quarters = any(quarter_realisation(ind, year, q) is not None for q in QUARTERS)
    if not has_quarters and quarter == 4:
        r = quarter_realisation(ind, year, 0)
        return r.value if r is not None else None
    return None


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator on the beranda."""

    key: str
    pk: int | None
    name: str
    unit: str
    level: str              # 'iku', 'program', 'kegiatan', 'sub_kegiatan'
    owner: str              # the sasaran's or node's name
    code: str
    responsible: str
    target: Decimal | None
    target_version: str
    realised: Decimal | None
    result: Achievement
    band: Band | None


def indicator_row(ind: IndicatorRecord, year: int, quarter: int, level: str, owner: str,
                  code: str = "", pk: int | None = None) -> IndicatorRow:
    """Target, realisation s/d quarter, achievement and predicate of one indicator."""
    t = year_target(ind, year)
    target = t.value if t is not None else None
    realised = realised_to(ind, year, quarter)
    result = achievement(target, realised, ind.polarity)
    band = PERMENDAGRI_86.classify(result.value) if result.value is not None else None
    return IndicatorRow(ind.key, pk, ind.name, ind.unit, level, owner, code,
                        ind.responsible_unit, target, t.version if t is not None else "",
                        realised, result, band)


def mean(values: Iterable[Decimal | None]) -> Decimal | None:
    """The exact mean of the values that are present; None when none is."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    with exact():
        return sum(present, Decimal(0)) / len(present)


def band_of(value: Decimal | None) -> Band | None:
    """The Permendagri 86/2017 band of an achievement, None without a value."""
    return PERMENDAGRI_86.classify(value) if value is not None else None


def _pick_amount(node: PlanNode, stage: str, year: int, quarter: int) -> Decimal | None:
    line = _pick([b for b in node.budget_all(stage, year, quarter) if b.amount is not None])
    return line.amount if line is not None else None


def node_amount(node: PlanNode, stage: str, year: int, quarter: int = 0) -> Decimal | None:
    """A node's amount: the sum of its children's where any has one, else its own."""
    if node.children:
        parts = [node_amount(c, stage, year, quarter) for c in node.children]
        present = [p for p in parts if p is not None]
        if present:
            with exact():
                return sum(present, Decimal(0))
    return _pick_amount(node, stage, year, quarter)


def pagu(node: PlanNode, year: int) -> tuple[Decimal | None, str]:
    """(pagu, stage) of a node for the year; (None, '') when no stage has an amount."""
    for stage in PAGU_STAGES:
        amount = node_amount(node, stage, year)
        if amount is not None:
            return amount, stage
    return None, ""


def _has_quarterly_spending(node: PlanNode, year: int) -> bool:
    return any(b.stage == "realisasi" and b.year == year and b.quarter in QUARTERS
               and not b.cumulative and b.amount is not None
               for n in node.walk() for b in n.budget)


def spent_to(node: PlanNode, year: int, quarter: int) -> Decimal | None:
    """Budget realisation s/d triwulan `quarter` (quarters I..q added; the year's realisation
    for quarter IV when no quarter was reported)."""
    if _has_quarterly_spending(node, year):
        parts = [node_amount(node, "realisasi", year, q) for q in QUARTERS[:quarter]]
        present = [p for p in parts if p is not None]
        if not present:
            return None
        with exact():
            return sum(present, Decimal(0))
    if quarter == 4:
        return node_amount(node, "realisasi", year, 0)
    return None


@dataclass(frozen=True)
class BudgetRow:
    """Budget absorption of a program."""

    code: str
    name: str
    pagu: Decimal | None
    stage: str
    spent: Decimal | None
    absorption: Decimal | None


def budget_rows(record: AgencyRecord, year: int, quarter: int) -> list[BudgetRow]:
    """Pagu, realisation s/d quarter and absorption of every program with a pagu."""
    rows = []
    for program in record.programs:
        amount, stage = pagu(program, year)
        spent = spent_to(program, year, quarter)
        if amount is None and spent is None:
            continue
        rows.append(BudgetRow(program.shown_code, program.name, amount, stage, spent,
                              serapan(spent, amount)))
    return rows


def total_absorption(rows: Sequence[BudgetRow]) -> tuple[Decimal | None, Decimal | None,
                                                        Decimal | None]:
    """(total pagu, total realisation, absorption) over the rows (only rows with a pagu)."""
    with_pagu = [r for r in rows if r.pagu is not None]
    if not with_pagu:
        return None, None, None
    with exact():
        total = sum((r.pagu for r in with_pagu if r.pagu is not None), Decimal(0))
        spent_parts = [r.spent for r in with_pagu if r.spent is not None]
        spent = sum(spent_parts, Decimal(0)) if spent_parts else None
    return total, spent, serapan(spent, total)


@dataclass
class SasaranSummary:
    """A sasaran with its IKU rows and their mean achievement."""

    name: str
    rows: list[IndicatorRow]
    average: Decimal | None
    band: Band | None


@dataclass
class Missing:
    """What a unit still has to fill for the quarter."""

    unit: str
    indicators: list[str] = field(default_factory=list)
    budgets: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many values are missing."""
        return len(self.indicators) + len(self.budgets)


@dataclass
class Dashboard:
    """Everything the beranda shows for a year and quarter."""

    year: int
    quarter: int
    sasaran: list[SasaranSummary]
    program_rows: list[IndicatorRow]
    budget: list[BudgetRow]
    total_pagu: Decimal | None
    total_spent: Decimal | None
    absorption: Decimal | None
    achievement: Decimal | None
    achievement_basis: str
    band: Band | None
    series: list[tuple[int, Decimal | None, Decimal | None]]
    missing: list[Missing]
    counted: int
    with_value: int


def _achievement_of(sasaran_rows: list[SasaranSummary], program_rows: list[IndicatorRow]
                    ) -> tuple[Decimal | None, str]:
    iku = mean(r.result.value for s in sasaran_rows for r in s.rows)
    if iku is not None:
        return iku, "iku"
    programs = mean(r.result.value for r in program_rows if r.level == "program")
    if programs is not None:
        return programs, "program"
    return mean(r.result.value for r in program_rows), "indikator"


def indicator_rows(record: AgencyRecord, year: int, quarter: int, pks: dict[str, int]
                   ) -> tuple[list[SasaranSummary], list[IndicatorRow]]:
    """The sasaran with their IKU rows, and the program and kegiatan indicator rows."""
    sasaran = []
    for s in record.sasaran:
        rows = [indicator_row(i, year, quarter, "iku", s.name, pk=pks.get(i.key))
                for i in s.indicators]
        rows = [r for r in rows if r.target is not None or r.realised is not None]
        if not rows:
            continue
        avg = mean(r.result.value for r in rows)
        sasaran.append(SasaranSummary(s.name, rows, avg, band_of(avg)))
    program_rows = []
    for node in record.nodes():
        if node.level not in ("program", "kegiatan"):
            continue
        for ind in node.indicators:
            row = indicator_row(ind, year, quarter, node.level, node.name, node.shown_code,
                                pks.get(ind.key))
            if row.target is not None or row.realised is not None:
                program_rows.append(row)
    return sasaran, program_rows


def missing_for(record: AgencyRecord, year: int, quarter: int) -> list[Missing]:
    """Per unit: the indicators with a target for the year and no realisation for the quarter,
    and the sub kegiatan with a pagu and no budget realisation for the quarter."""
    by_unit: dict[str, Missing] = {}

    def unit(name: str) -> Missing:
        return by_unit.setdefault(name, Missing(name))

    for s in record.sasaran:
        for ind in s.indicators:
            if year_target(ind, year) is not None and quarter_realisation(
                    ind, year, quarter) is None:
                unit(ind.responsible_unit).indicators.append(ind.name)
    for node in record.nodes():
        units = set()
        for ind in node.indicators:
            if year_target(ind, year) is None:
                continue
            units.add(ind.responsible_unit)
            if quarter_realisation(ind, year, quarter) is None:
                unit(ind.responsible_unit).indicators.append(ind.name)
        if node.children:
            continue
        if pagu(node, year)[0] is not None and _pick_amount(
                node, "realisasi", year, quarter) is None:
            owner = sorted(units)[0] if units else ""
            unit(owner).budgets.append(node.name)
    return sorted((m for m in by_unit.values() if m.count),
                  key=lambda m: (m.unit == "", m.unit))


def build(record: AgencyRecord, year: int, quarter: int, pks: dict[str, int] | None = None,
          with_missing: bool = True) -> Dashboard:
    """The beranda of `record` for the year and quarter."""
    pks = pks or {}
    sasaran, program_rows = indicator_rows(record, year, quarter, pks)
    budget = budget_rows(record, year, quarter)
    total, spent, absorption = total_absorption(budget)
    value, basis = _achievement_of(sasaran, program_rows)
    series = []
    for q in QUARTERS:
        if q == quarter:
            series.append((q, value, absorption))
            continue
        s_q, p_q = indicator_rows(record, year, q, pks)
        a_q, _ = _achievement_of(s_q, p_q)
        series.append((q, a_q, total_absorption(budget_rows(record, year, q))[2]))
    all_rows = [r for s in sasaran for r in s.rows] + program_rows
    return Dashboard(
        year=year, quarter=quarter, sasaran=sasaran, program_rows=program_rows, budget=budget,
        total_pagu=total, total_spent=spent, absorption=absorption, achievement=value,
        achievement_basis=basis, band=band_of(value), series=series,
        missing=missing_for(record, year, quarter) if with_missing else [],
        counted=len(all_rows), with_value=sum(1 for r in all_rows if r.result.value is not None),
    )


def years_of(record: AgencyRecord) -> list[int]:
    """The years the record holds anything for, ascending."""
    return record.years()


def default_period(record: AgencyRecord, today: dt.date | None = None) -> tuple[int, int]:
    """(year, quarter) to show first: the latest year with a realisation (of an indicator or
    of the budget), else the current year, else the latest year; the quarter is the latest
    one reported in that year (IV for a year reported only as a whole)."""
    today = today or dt.date.today()
    realised: dict[int, set[int]] = {}
    for ind in record.indicators():
        for r in ind.realisations:
            if not r.cumulative and r.value is not None:
                realised.setdefault(r.year, set()).add(r.quarter)
    for node in record.nodes():
        for b in node.budget:
            if b.stage == "realisasi" and not b.cumulative and b.amount is not None:
                realised.setdefault(b.year, set()).add(b.quarter)
    if realised:
        year = max(realised)
        quarters = {q for q in realised[year] if q in QUARTERS}
        return year, max(quarters) if quarters else 4
    years = record.years()
    current_quarter = (today.month - 1) // 3 + 1
    if today.year in years or not years:
        return today.year, current_quarter
    return max(years), 4
