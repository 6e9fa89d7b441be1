"""T-C.33: Rumusan rencana program dan kegiatan Perangkat Daerah tahun n dan prakiraan maju
tahun n+1 (Permendagri 86/2017), built from the record.

For year n and document `version` (Renja by default, Renja Perubahan with
`version='renja_perubahan'`): every program, kegiatan and sub kegiatan with its indicators,
location, target, indicative budget of the version's stage and funding source, then the
forward year's target and budget (stage `prakiraan_maju`). Every parent's budget is the exact
sum of its children's, with its formula intent; the last row is the total of the programs.
"""

from __future__ import annotations

from kinerja.tables import _common as c
from kinerja.tables import registry
from kinerja.tables.grid import Cell, Row, RowStyle, Table
from kinerja.tables.record import AgencyRecord, IndicatorRecord, PlanNode

MAJU = "prakiraan_maju"


def build(record: AgencyRecord, year: int | None = None, version: str | None = None) -> Table:
    """T-C.33 of `record` for year `year` with the amounts and targets of `version`."""
    n = c.the_year(record, year)
    stage = c.stage_for(record, n, version)
    tversion = version or c.STAGE_VERSION.get(stage, "renja")
    spec = registry.get("tc33")

    def keep_node(node: PlanNode) -> bool:
        return bool(node.budget_all(stage, n) or node.budget_all(MAJU, n + 1))

    def keep_indicator(ind: IndicatorRecord) -> bool:
        return ind.target(n, tversion) is not None or ind.target(n + 1, "renja") is not None

    plan = c.plan_lines(record, keep_node, keep_indicator)
    pagu = c.rolled_money(plan, 0, lambda node: node.amount(stage, n))
    maju = c.rolled_money(plan, 0, lambda node: node.amount(MAJU, n + 1))
    reasons = {line.node.key: ch.reason for line in plan
               if (ch := line.node.change(n)) is not None and ch.reason}
    rows: list[Row] = []
    for i, line in enumerate(plan):
        node, ind = line.node, line.indicator
        pv, pf = pagu.get(i, (None, None))
        mv, mf = maju.get(i, (None, None))
        rows.append(Row((
            *c.node_cells(line), c.text(ind.name if ind else ""),
            c.text(node.location(n) if line.first else ""),
            c.text(c.shown_target(ind, n, tversion)),
            c.money(pv, formula=pf) if line.first else Cell.empty(),
            c.text(node.funding_source(n) if line.first else ""),
            c.text(reasons.get(node.key, "") if line.first else ""),
            c.text(c.shown_target(ind, n + 1, "renja")),
            c.money(mv, formula=mf) if line.first else Cell.empty()),
            c.style_of(line), node.depth))
    if plan:
        pt, ptf = c.total_row_money(plan, 0, pagu)
        mt, mtf = c.total_row_money(plan, 0, maju)
        rows.append(Row((Cell.of_text("Jumlah", colspan=5), c.money(pt, formula=ptf),
                         Cell.empty(), Cell.empty(), Cell.empty(),
                         c.money(mt, formula=mtf)), RowStyle.TOTAL))
    return spec.table(rows, words=c.year_words(n), subtitle=c.subtitle(record))


registry.attach("tc33", build)
