"""The Renja Perubahan table: every program, kegiatan and sub kegiatan before and after the
change (indicator, location, target, budget), the amount added or cut, the forward year and
the reason of the change (Permendagri 86/2017), built from the record.

Before is the budget stage the record's changes start from (APBD by default) with the Renja's
targets, after the stage they end at (APBD Perubahan) with the Renja Perubahan's targets.
Bertambah/berkurang is after − before, exact; every parent's budgets are the exact sums of its
children's (with their formula intents) and the last row holds the totals.
"""

from __future__ import annotations

from decimal import Decimal

from kinerja.core import budget
from kinerja.tables import _common as c
from kinerja.tables import registry
from kinerja.tables.grid import Cell, Row, RowStyle, Table
from kinerja.tables.record import AgencyRecord, IndicatorRecord, PlanNode

MAJU = "prakiraan_maju"


def stages(record: AgencyRecord, year: int) -> tuple[str, str]:
    """(before, after) stages: those of the record's budget changes of `year` (a note kept
    as a change from a stage to itself does not count), else APBD and APBD Perubahan."""
    for node in record.nodes():
        for ch in node.changes:
            if ch.year == year and ch.from_stage != ch.to_stage:
                return ch.from_stage, ch.to_stage
    return "apbd", "apbd_perubahan"


def build(record: AgencyRecord, year: int | None = None, version: str | None = None) -> Table:
    """The Renja Perubahan table of `record` for year `year` (`version` names the targets
    after the change; Renja Perubahan by default)."""
    n = c.the_year(record, year)
    before, after = stages(record, n)
    v_before = c.STAGE_VERSION.get(before, "renja")
    v_after = version or c.STAGE_VERSION.get(after, "renja_perubahan")
    spec = registry.get("renja_perubahan")

    def keep_node(node: PlanNode) -> bool:
        return bool(node.budget_all(before, n) or node.budget_all(after, n)
                    or node.budget_all(MAJU, n + 1) or node.change(n) is not None)

    def keep_indicator(ind: IndicatorRecord) -> bool:
        return any(ind.target(y, v) is not None
                   for y, v in ((n, v_before), (n, v_after), (n + 1, "renja")))

    plan = c.plan_lines(record, keep_node, keep_indicator)
    pb = c.rolled_money(plan, 0, lambda node: node.amount(before, n))
    pa = c.rolled_money(plan, 0, lambda node: node.amount(after, n))
    pm = c.rolled_money(plan, 0, lambda node: node.amount(MAJU, n + 1))
    has_maju = any(v is not None for v, _ in pm.values())
    rows: list[Row] = []
    for i, line in enumerate(plan):
        node, ind = line.node, line.indicator
        name = ind.name if ind else ""
        loc = node.location(n) if line.first else ""
        bv, bf = pb.get(i, (None, None))
        av, af = pa.get(i, (None, None))
        mv, mf = pm.get(i, (None, None))
        change = node.change(n, before, after) or node.change(n)
        rows.append(Row((
            *c.node_cells(line),
            c.text(name), c.text(loc), c.text(c.shown_target(ind, n, v_before)),
            c.money(bv, formula=bf) if line.first else Cell.empty(),
            c.text(name), c.text(loc), c.text(c.shown_target(ind, n, v_after)),
            c.money(av, formula=af) if line.first else Cell.empty(),
            c.money(difference(bv, av)) if line.first else Cell.empty(),
            c.text(c.shown_target(ind, n + 1, "renja") if has_maju else ""),
            c.money(mv, formula=mf) if line.first else Cell.empty(),
            c.text(change.reason if change is not None and line.first else "")),
            c.style_of(line), node.depth))
    if plan:
        bt, btf = c.total_row_money(plan, 0, pb)
        at, atf = c.total_row_money(plan, 0, pa)
        mt, mtf = c.total_row_money(plan, 0, pm)
        rows.append(Row((
            Cell.of_text("Jumlah", colspan=5), c.money(bt, formula=btf),
            Cell.empty(colspan=3), c.money(at, formula=atf), c.money(difference(bt, at)),
            Cell.empty(), c.money(mt, formula=mtf), Cell.empty()), RowStyle.TOTAL))
    return spec.table(rows, words=c.year_words(n), subtitle=c.subtitle(record))


def difference(before: Decimal | None, after: Decimal | None) -> Decimal | None:
    """Bertambah/berkurang: after − before, a missing side counting as 0 (a new or a deleted
    item); None when both are missing."""
    if before is None and after is None:
        return None
    return budget.change(before or Decimal(0), after or Decimal(0))


registry.attach("renja_perubahan", build)
