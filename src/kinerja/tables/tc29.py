"""T-C.29: Rekapitulasi evaluasi hasil pelaksanaan Renja dan pencapaian Renstra (Permendagri
86/2017), built from the record.

For the evaluated year n (`year`): column 4 is the Renstra target of the period's last year,
column 5 the cumulative realisation up to the year before n, columns 6 and 7 the target (of the
document `version`) and realisation of n, column 9 the target of n + 1. Columns 8, 10 and 11
are computed by `kinerja.core.tc29` with the flow/level rule — never copied from a document:
8 = 7 / 6, 10 = 5 + 7 + 9 for a flow indicator and the latest value for a level one, 11 = 10 / 4.
Each computed cell carries its formula intent (ratio or column sum) for live spreadsheets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from kinerja.core import tc29 as core
from kinerja.core.indicators import Kind, Polarity
from kinerja.tables import _common as c
from kinerja.tables import registry
from kinerja.tables.grid import Cell, Ratio, Row, RowStyle, SumColumns, Table
from kinerja.tables.record import (
    AgencyRecord,
    IndicatorRecord,
    PlanNode,
    RealisationValue,
    TargetValue,
)

#: 0-based physical columns of the value columns.
COL = {"c4": 3, "c5": 5, "c6": 7, "c7": 9, "c8": 11, "c9": 12, "c10": 13, "c11": 14}


@dataclass(frozen=True)
class Tc29Line:
    """One body row of T-C.29: a heading (no node), a node's first row, or a further indicator
    of the node above; with the entered values and the computed columns of its indicator."""

    node: PlanNode | None
    indicator: IndicatorRecord | None
    first: bool
    values: core.Tc29Row | None = None
    units: tuple[str, str, str, str] = ("", "", "", "")
    computed: core.Tc29Columns | None = None
    heading: str = ""


def _value(v: TargetValue | RealisationValue | None) -> Decimal | None:
    return v.value if v is not None else None


def _unit(v: TargetValue | RealisationValue | None) -> str:
    return v.unit if v is not None else ""


def renstra_year(record: AgencyRecord, ind: IndicatorRecord, year: int) -> int | None:
    """The year of column 4: the last year of the Renstra period containing `year`, else the
    last year the indicator has a Renstra target for."""
    period = record.period_for(year)
    if period is not None:
        return period.end_year
    years = ind.target_years("renstra")
    return years[-1] if years else None


def indicator_line(record: AgencyRecord, node: PlanNode, ind: IndicatorRecord, year: int,
                   version: str | None, first: bool) -> Tc29Line:
    """The row of one indicator with its entered and computed columns."""
    ry = renstra_year(record, ind, year)
    t4 = ind.target(ry, "renstra") if ry is not None else None
    r5 = ind.cumulative_before(year)
    t6 = ind.target(year, version)
    r7 = ind.realisation(year)
    t9 = ind.target(year + 1, version)
    values = core.Tc29Row(_value(t4), _value(r5), _value(t6), _value(r7), _value(t9),
                          kind=ind.kind, polarity=ind.polarity)
    return Tc29Line(node, ind, first, values, (_unit(t4), _unit(r5), _unit(t6), _unit(r7)),
                    core.evaluate(values))


def _has_values(line: Tc29Line) -> bool:
    v = line.values
    return v is not None and any(x is not None for x in (
        v.c4_target_renstra, v.c5_realisasi_sd, v.c6_target, v.c7_realisasi,
        v.c9_target_berikut))


def lines(record: AgencyRecord, year: int, version: str | None = None) -> list[Tc29Line]:
    """The body rows in plan order: the agency heading, then every program, kegiatan and sub
    kegiatan with one row per indicator that has a value in columns 4–9 for `year`. A node
    without such an indicator gets one row of its own when a node below it has one; a
    branch without any value is left out."""
    out = [Tc29Line(None, None, True, heading=record.agency.name)]

    def visit(node: PlanNode) -> list[Tc29Line]:
        own = [indicator_line(record, node, ind, year, version, False)
               for ind in node.indicators]
        own = [line for line in own if _has_values(line)]
        below = [line for child in node.children for line in visit(child)]
        if not own and not below:
            return []
        if not own:
            return [Tc29Line(node, None, True), *below]
        own[0] = replace(own[0], first=True)
        return [*own, *below]

    for program in record.programs:
        out.extend(visit(program))
    return out


def _row(line: Tc29Line, width: int) -> Row:
    if line.node is None:
        return Row((Cell.of_text(line.heading, colspan=width),), RowStyle.HEADING)
    node = line.node
    style = c.STYLE.get(node.level, RowStyle.DATA) if line.first else RowStyle.INDIKATOR
    head = (c.text(node.shown_code if line.first else ""),
            c.text(c.node_title(node) if line.first else ""))
    if line.indicator is None or line.values is None or line.computed is None:
        return Row((*head, *(Cell.empty() for _ in range(width - 2))), style, node.depth)
    v, comp, u = line.values, line.computed, line.units
    positive = line.indicator.polarity is Polarity.POSITIVE
    ratio8 = Ratio(COL["c7"], COL["c6"]) if positive else None
    ratio11 = Ratio(COL["c10"], COL["c4"]) if positive else None
    sum10 = SumColumns((COL["c5"], COL["c7"], COL["c9"])) if v.kind is Kind.FLOW else None
    cells = (
        *head,
        c.text(line.indicator.name),
        c.number(v.c4_target_renstra), c.text(u[0]),
        c.number(v.c5_realisasi_sd), c.text(u[1]),
        c.number(v.c6_target), c.text(u[2]),
        c.number(v.c7_realisasi), c.text(u[3]),
        c.percent(comp.c8_tingkat_realisasi.value, formula=ratio8),
        c.number(v.c9_target_berikut),
        c.number(comp.c10_realisasi_kumulatif, formula=sum10),
        c.percent(comp.c11_tingkat_capaian.value, formula=ratio11),
    )
    return Row(cells, style, node.depth)


def build(record: AgencyRecord, year: int | None = None, version: str | None = None) -> Table:
    """T-C.29 of `record` for the evaluated year `year` (n-2 of the Renja it belongs to), with
    the targets of document `version` (None: the most recent import's)."""
    n = c.the_year(record, year)
    spec = registry.get("tc29")
    width = len(spec.columns)
    rows = [_row(line, width) for line in lines(record, n, version)]
    words = {"n-3": str(n - 1), "n-2": str(n), "n-1": str(n + 1)}
    return spec.table(rows, words=words, subtitle=c.subtitle(record))


registry.attach("tc29", build)
