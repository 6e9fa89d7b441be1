"""An agency's record as plain, immutable objects: what every official table is built from.

`AgencyRecord` holds one agency of one government with its planning periods, units, tujuan and
sasaran (with their IKU), and the plan tree program → kegiatan → sub kegiatan. Every node carries
its indicators, its budget lines per (stage, year, quarter) and its budget changes; every
indicator its targets per (version, year, quarter) and its realisations per (year, quarter,
cumulative). The agency's stakeholder proposals per year (T-C.32) sit beside the plan.
Values are exact `Decimal`s or None (missing is never zero), each with the text it
was printed as and the import it came from. Nothing here knows of Django:
`kinerja.store.queries.load_record` fills these objects from the database, and tests build them
by hand.

Where two imports state the same value (the same target of the same version in two tables), the
record keeps both; the lookups return the one from the most recent import, and `*_all` lookups
return every one of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kinerja.core.exact import total
from kinerja.core.indicators import Indicator as CoreIndicator
from kinerja.core.indicators import Kind, Polarity, WithinYear

#: Levels of plan nodes, from the top.
NODE_LEVELS = ("program", "kegiatan", "sub_kegiatan")


@dataclass(frozen=True)
class GovernmentInfo:
    """A regional government: name, level ('provinsi' or 'kabkota') and region code."""

    name: str
    level: str
    region_code: str = ""


@dataclass(frozen=True)
class AgencyInfo:
    """A perangkat daerah: slug, name, organisation code and its government."""

    slug: str
    name: str
    government: GovernmentInfo
    org_code: str = ""


@dataclass(frozen=True)
class UnitInfo:
    """A unit of the agency (Sekretariat, a Bidang, an UPTD)."""

    name: str
    kind: str = "bidang"


@dataclass(frozen=True)
class PeriodInfo:
    """A planning period (Renstra 2021–2026)."""

    name: str
    start_year: int
    end_year: int

    def contains(self, year: int) -> bool:
        """Whether `year` lies in the period."""
        return self.start_year <= year <= self.end_year


@dataclass(frozen=True)
class ImportInfo:
    """A document table the record was loaded from: its id, kind, title, year, document
    version, file name and meta data (as read from the table's meta file)."""

    id: int
    kind: str
    title: str
    year: int
    version: str
    file_name: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class DocumentInfo:
    """A planning or reporting document of the agency (Renja, PK, LKjIP …) in one version,
    with its signatory."""

    kind: str
    year: int
    version: int
    title: str = ""
    status: str = "draft"
    signatory_name: str = ""
    signatory_nip: str = ""
    signatory_position: str = ""
    signatory_capacity: str = "definitif"


@dataclass(frozen=True)
class EvaluationNoteInfo:
    """A note of Bappeda on the agency's Renja or quarterly realisation (quarter 0: the
    year)."""

    year: int
    quarter: int
    text: str


@dataclass(frozen=True)
class TargetValue:
    """A target for a year (quarter 0) or a quarter, as one document version states it."""

    year: int
    quarter: int
    version: str
    value: Decimal | None
    printed: str = ""
    unit: str = ""
    source: int | None = None


@dataclass(frozen=True)
class RealisationValue:
    """A realisation for a year (quarter 0) or a quarter; `cumulative` marks a value "up to and
    including" the year (e.g. Renstra realisation up to n-1)."""

    year: int
    quarter: int
    cumulative: bool
    value: Decimal | None
    printed: str = ""
    unit: str = ""
    note: str = ""
    source: int | None = None


@dataclass(frozen=True)
class BudgetAmount:
    """A node's amount for a year at a stage (for `realisasi`, quarter 1–4 or 0 for the
    year), with location and funding source where the document printed them; `cumulative`
    marks a realisation "up to and including" the year (Renstra realisation to date)."""

    year: int
    stage: str
    quarter: int
    amount: Decimal | None
    printed: str = ""
    location: str = ""
    funding_source: str = ""
    source: int | None = None
    cumulative: bool = False


@dataclass(frozen=True)
class BudgetChangeInfo:
    """A change of a node between two budget stages of a year (Renja Perubahan)."""

    year: int
    from_stage: str
    to_stage: str
    change_type: str
    amount_before: Decimal | None
    amount_after: Decimal | None
    target_before: str = ""
    target_after: str = ""
    reason: str = ""
    source: int | None = None


@dataclass(frozen=True)
class ProposalInfo:
    """A program/kegiatan proposed by a stakeholder for a year (T-C.32): `title` is the plan
    node's name or the name written in free text, `node_key` the node's key (None when the
    proposal names no node of the plan); `volume` as entered, `volume_value` its exact number
    when it is one."""

    year: int
    title: str
    node_key: str | None = None
    location: str = ""
    indicator: str = ""
    volume: str = ""
    volume_value: Decimal | None = None
    note: str = ""
    stakeholder: str = ""
    position: int = 0


def _latest(items: list[Any]) -> Any:
    """The item from the most recent import (sources are increasing ids; None is oldest)."""
    if not items:
        return None
    return max(items, key=lambda v: -1 if v.source is None else v.source)


@dataclass(frozen=True)
class IndicatorRecord:
    """An indicator of a sasaran (IKU) or of a plan node, with its targets and realisations.

    `kind`, `polarity` and `within_year` are the record's settings; `spm` and `ikk` the
    Standar Pelayanan Minimal and Indikator Kinerja Kunci it answers to (T-C.30), '' when none;
    `as_core()` gives the `kinerja.core.indicators.Indicator` the computations take."""

    key: str
    name: str
    unit: str = ""
    kind: Kind = Kind.FLOW
    polarity: Polarity = Polarity.POSITIVE
    within_year: WithinYear = WithinYear.SUM
    formula: str = ""
    data_source: str = ""
    responsible_unit: str = ""
    scale: str = ""
    position: int = 0
    targets: tuple[TargetValue, ...] = ()
    realisations: tuple[RealisationValue, ...] = ()
    spm: str = ""
    ikk: str = ""

    def as_core(self) -> CoreIndicator:
        """The indicator as the core computations take it."""
        return CoreIndicator(self.name, self.unit, self.kind, self.polarity, self.within_year)

    def targets_all(self, year: int, version: str | None = None,
                    quarter: int = 0) -> list[TargetValue]:
        """Every target of `year` and `quarter` (of `version`, or of any version)."""
        return [t for t in self.targets
                if t.year == year and t.quarter == quarter
                and (version is None or t.version == version)]

    def target(self, year: int, version: str | None = None,
               quarter: int = 0) -> TargetValue | None:
        """The target of `year`, `quarter` and `version` (any version when None) from the most
        recent import; None when there is none."""
        found: TargetValue | None = _latest(self.targets_all(year, version, quarter))
        return found

    def target_value(self, year: int, version: str | None = None,
                     quarter: int = 0) -> Decimal | None:
        """The value of `target(...)`, None when missing."""
        t = self.target(year, version, quarter)
        return t.value if t is not None else None

    def target_years(self, version: str | None = None) -> list[int]:
        """The years with a yearly target (of `version`, or any), ascending."""
        return sorted({t.year for t in self.targets
                       if t.quarter == 0 and (version is None or t.version == version)})

    def realisations_all(self, year: int, quarter: int = 0,
                         cumulative: bool = False) -> list[RealisationValue]:
        """Every realisation of `year`, `quarter` and `cumulative`."""
        return [r for r in self.realisations
                if r.year == year and r.quarter == quarter and r.cumulative == cumulative]

    def realisation(self, year: int, quarter: int = 0,
                    cumulative: bool = False) -> RealisationValue | None:
        """The realisation of `year` and `quarter` (a year's with quarter 0; an "up to and
        including" value with `cumulative`) from the most recent import; None when missing."""
        found: RealisationValue | None = _latest(
            self.realisations_all(year, quarter, cumulative))
        return found

    def realisation_value(self, year: int, quarter: int = 0,
                          cumulative: bool = False) -> Decimal | None:
        """The value of `realisation(...)`, None when missing."""
        r = self.realisation(year, quarter, cumulative)
        return r.value if r is not None else None

    def quarters(self, year: int) -> tuple[RealisationValue | None, ...]:
        """The realisations of quarters I–IV of `year` (None where not reported)."""
        return tuple(self.realisation(year, q) for q in (1, 2, 3, 4))

    def cumulative_before(self, year: int) -> RealisationValue | None:
        """The latest cumulative realisation ("s/d tahun") of a year before `year`."""
        found = [r for r in self.realisations
                 if r.cumulative and r.quarter == 0 and r.year < year]
        if not found:
            return None
        last = max(r.year for r in found)
        latest: RealisationValue | None = _latest([r for r in found if r.year == last])
        return latest


@dataclass(frozen=True)
class PlanNode:
    """A program, kegiatan or sub kegiatan with its indicators, budget and children.

    `code` is the canonical nomenclature code where known (else ''), `printed_code` the code
    as a document printed it; `name` is the document's name where it has its own, else the
    official one."""

    key: str
    level: str
    code: str = ""
    printed_code: str = ""
    official_name: str = ""
    local_name: str = ""
    position: int = 0
    indicators: tuple[IndicatorRecord, ...] = ()
    budget: tuple[BudgetAmount, ...] = ()
    changes: tuple[BudgetChangeInfo, ...] = ()
    children: tuple[PlanNode, ...] = ()

    @property
    def name(self) -> str:
        """The name to show: the document's own name if it has one, else the official one."""
        return self.local_name or self.official_name

    @property
    def shown_code(self) -> str:
        """The canonical code, else the printed one."""
        return self.code or self.printed_code

    @property
    def depth(self) -> int:
        """0 for a program, 1 for a kegiatan, 2 for a sub kegiatan."""
        return NODE_LEVELS.index(self.level) if self.level in NODE_LEVELS else 0

    def walk(self) -> Iterator[PlanNode]:
        """This node and every node below it, depth first in plan order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> Iterator[PlanNode]:
        """The nodes below (or this node) that have no children."""
        if not self.children:
            yield self
            return
        for child in self.children:
            yield from child.leaves()

    def budget_all(self, stage: str, year: int, quarter: int = 0,
                   cumulative: bool = False) -> list[BudgetAmount]:
        """Every budget line of the node itself at `stage`, `year`, `quarter` (the "up to and
        including" lines with `cumulative`)."""
        return [b for b in self.budget
                if b.stage == stage and b.year == year and b.quarter == quarter
                and b.cumulative == cumulative]

    def budget_line(self, stage: str, year: int, quarter: int = 0,
                    cumulative: bool = False) -> BudgetAmount | None:
        """The node's own budget line at `stage`, `year`, `quarter` (cumulative or not) from
        the most recent import; None when there is none."""
        found: BudgetAmount | None = _latest(self.budget_all(stage, year, quarter, cumulative))
        return found

    def amount(self, stage: str, year: int, quarter: int = 0,
               cumulative: bool = False) -> Decimal | None:
        """The node's own amount (as entered for this node), None when missing."""
        b = self.budget_line(stage, year, quarter, cumulative)
        return b.amount if b is not None else None

    def rolled_amount(self, stage: str, year: int, quarter: int = 0,
                      cumulative: bool = False) -> Decimal | None:
        """The amount of a leaf, or the exact sum of the children's rolled amounts for a
        parent (children without an amount left out; None when none has one)."""
        if not self.children:
            return self.amount(stage, year, quarter, cumulative)
        return total(c.rolled_amount(stage, year, quarter, cumulative) for c in self.children)

    def change(self, year: int, from_stage: str | None = None,
               to_stage: str | None = None) -> BudgetChangeInfo | None:
        """The node's budget change of `year` (between the given stages), most recent import
        first; None when there is none."""
        found: BudgetChangeInfo | None = _latest(
            [c for c in self.changes if c.year == year
             and (from_stage is None or c.from_stage == from_stage)
             and (to_stage is None or c.to_stage == to_stage)])
        return found

    def location(self, year: int | None = None) -> str:
        """The location printed with any of the node's budget lines (of `year` if given)."""
        for b in sorted(self.budget, key=lambda b: -1 if b.source is None else -b.source):
            if b.location and (year is None or b.year == year):
                return b.location
        return ""

    def funding_source(self, year: int | None = None) -> str:
        """The funding source printed with any of the node's budget lines."""
        for b in sorted(self.budget, key=lambda b: -1 if b.source is None else -b.source):
            if b.funding_source and (year is None or b.year == year):
                return b.funding_source
        return ""


@dataclass(frozen=True)
class SasaranRecord:
    """A sasaran of the Renstra with its IKU, its tujuan's name and the keys of the programs
    and kegiatan that serve it."""

    key: str
    name: str
    tujuan: str = ""
    position: int = 0
    indicators: tuple[IndicatorRecord, ...] = ()
    node_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgencyRecord:
    """One agency's whole record, read for `year` (the year tables default to; values of
    every year are kept, since tables reach back to earlier realisations and forward to the
    next year's targets and the Renstra's end)."""

    agency: AgencyInfo
    year: int | None = None
    periods: tuple[PeriodInfo, ...] = ()
    units: tuple[UnitInfo, ...] = ()
    sasaran: tuple[SasaranRecord, ...] = ()
    programs: tuple[PlanNode, ...] = ()
    imports: tuple[ImportInfo, ...] = ()
    documents: tuple[DocumentInfo, ...] = ()
    notes: tuple[EvaluationNoteInfo, ...] = ()
    proposals: tuple[ProposalInfo, ...] = ()

    @property
    def government(self) -> GovernmentInfo:
        """The agency's government."""
        return self.agency.government

    def nodes(self) -> Iterator[PlanNode]:
        """Every plan node, depth first in plan order."""
        for program in self.programs:
            yield from program.walk()

    def node(self, key: str) -> PlanNode | None:
        """The node with `key`, None when there is none."""
        return next((n for n in self.nodes() if n.key == key), None)

    def node_indicators(self) -> Iterator[tuple[PlanNode, IndicatorRecord]]:
        """(node, indicator) for every indicator of a plan node, in plan order."""
        for node in self.nodes():
            for ind in node.indicators:
                yield node, ind

    def indicators(self) -> Iterator[IndicatorRecord]:
        """Every indicator: the IKU of the sasaran, then those of the plan nodes."""
        for s in self.sasaran:
            yield from s.indicators
        for _node, ind in self.node_indicators():
            yield ind

    def period_for(self, year: int) -> PeriodInfo | None:
        """The planning period that contains `year` (the latest starting one), else None."""
        found = [p for p in self.periods if p.contains(year)]
        return max(found, key=lambda p: p.start_year) if found else None

    def import_info(self, source: int | None) -> ImportInfo | None:
        """The import with id `source`."""
        return next((i for i in self.imports if i.id == source), None)

    def document(self, kind: str, year: int, version: int | None = None) -> DocumentInfo | None:
        """The document of `kind` and `year` (the given version, else the highest)."""
        found = [d for d in self.documents if d.kind == kind and d.year == year
                 and (version is None or d.version == version)]
        return max(found, key=lambda d: d.version) if found else None

    def years(self) -> list[int]:
        """Every year with a target, realisation or budget line, ascending."""
        out: set[int] = set()
        for ind in self.indicators():
            out.update(t.year for t in ind.targets)
            out.update(r.year for r in ind.realisations)
        for node in self.nodes():
            out.update(b.year for b in node.budget)
        return sorted(out)

    def proposals_for(self, year: int) -> list[ProposalInfo]:
        """The stakeholder proposals for `year`, in their order."""
        return sorted((p for p in self.proposals if p.year == year),
                      key=lambda p: p.position)

    def notes_for(self, year: int, quarter: int | None = None) -> list[EvaluationNoteInfo]:
        """The evaluation notes of `year` (and `quarter` if given)."""
        return [n for n in self.notes
                if n.year == year and (quarter is None or n.quarter == quarter)]
