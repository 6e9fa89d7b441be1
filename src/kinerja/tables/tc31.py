"""T-C.31: review of the Bappeda draft (Rancangan Awal RKPD) against the agency's needs
analysis (Hasil Analisis Kebutuhan), Permendagri 86/2017, built from the record.

Left, the draft: program/kegiatan/sub kegiatan, location, indicator, target (version
`ranwal_rkpd`) and indicative budget (stage `ranwal_rkpd`); right, the needs analysis (version
and stage `analisis_kebutuhan`). Every parent's budget on each side is the exact sum of its
children's (with its formula intent), the last row the total of the programs. The notes column
states the differences (the budget added or cut, a target that changed) followed by the
note the record keeps for the node (the table's printed Catatan Penting).
"""

from __future__ import annotations

from decimal import Decimal

from kinerja.core import budget
from kinerja.core.numbers import format_money
from kinerja.tables import _common as c
from kinerja.tables import registry
from kinerja.tables.grid import Cell, Row, RowStyle, Table
from kinerja.tables.record import AgencyRecord, IndicatorRecord, PlanNode

LEFT, RIGHT = "ranwal_rkpd", "analisis_kebutuhan"
#: 0-based physical columns of the two budgets.
PAGU, PAGU_KEBUTUHAN = 5, 10


def outline(lines: list[c.PlanLine]) -> dict[int, str]:
    """Outline numbers of the node rows where the node has no code: programs A, B, C …;
    kegiatan 1, 2 … within their program; sub kegiatan 1.1, 1.2 …"""
    out: dict[int, str] = {}
    counters: dict[str, int] = {}
    last: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.first:
            continue
        level = line.node.level
        if level == "program":
            counters["program"] = counters.get("program", 0) + 1
            counters["kegiatan"] = 0
            label = chr(ord("A") + counters["program"] - 1)
        elif level == "kegiatan":
            counters["kegiatan"] = counters.get("kegiatan", 0) + 1
            counters["sub"] = 0
            label = str(counters["kegiatan"])
        else:
            counters["sub"] = counters.get("sub", 0) + 1
            label = f"{last.get('kegiatan', '')}.{counters['sub']}".lstrip(".")
        last[level] = label
        out[i] = line.node.shown_code or label
    return out


def difference_note(before: Decimal | None, after: Decimal | None, t_before: str,
                    t_after: str) -> str:
    """The differences between the two sides in words: budget added or cut, target changed."""
    parts: list[str] = []
    change = budget.change(before, after)
    if change is not None and change != 0:
        word = "bertambah" if change > 0 else "berkurang"
        parts.append(f"Pagu {word} Rp {format_money(abs(change))}")
    elif before is None and after is not None and after != 0:
        parts.append(f"Pagu baru Rp {format_money(after)}")
    if t_before and t_after and " ".join(t_before.split()).lower() != \
            " ".join(t_after.split()).lower():
        parts.append(f"Target {t_before} menjadi {t_after}")
    return "; ".join(parts)


def lines(record: AgencyRecord, year: int) -> list[c.PlanLine]:
    """The rows: nodes with a budget or target of `year` on either side."""

    def keep_node(node: PlanNode) -> bool:
        return any(node.amount(s, year) is not None or node.budget_line(s, year) is not None
                   for s in (LEFT, RIGHT))

    def keep_indicator(ind: IndicatorRecord) -> bool:
        return any(ind.target(year, v) is not None for v in (LEFT, RIGHT))

    return c.plan_lines(record, keep_node, keep_indicator)


def build(record: AgencyRecord, year: int | None = None, version: str | None = None) -> Table:
    """T-C.31 of `record` for the Renja year `year` (`version` is not used: the two sides are
    the draft and the needs analysis)."""
    n = c.the_year(record, year)
    spec = registry.get("tc31")
    plan = lines(record, n)
    left = c.rolled_money(plan, 0, lambda node: node.amount(LEFT, n))
    right = c.rolled_money(plan, 0, lambda node: node.amount(RIGHT, n))
    numbers = outline(plan)
    rows: list[Row] = []
    for i, line in enumerate(plan):
        node, ind = line.node, line.indicator
        name = c.node_title(node) if line.first else ""
        t_left = c.shown_target(ind, n, LEFT)
        t_right = c.shown_target(ind, n, RIGHT)
        lv, lf = left.get(i, (None, None))
        rv, rf = right.get(i, (None, None))
        note = difference_note(lv, rv, t_left, t_right) if line.first else \
            difference_note(None, None, t_left, t_right)
        printed_note = next((ch.reason for ch in node.changes if line.first and ch.year == n
                             and ch.reason), "")
        note = "; ".join(x for x in (note, printed_note) if x)
        loc_left = node.budget_line(LEFT, n)
        loc_right = node.budget_line(RIGHT, n)
        rows.append(Row((
            c.text(numbers.get(i, "")), c.text(name),
            c.text(loc_left.location if loc_left and line.first else ""),
            c.text(ind.name if ind else ""), c.text(t_left),
            c.money(lv, formula=lf) if line.first else Cell.empty(),
            c.text(name),
            c.text(loc_right.location if loc_right and line.first else ""),
            c.text(ind.name if ind else ""), c.text(t_right),
            c.money(rv, formula=rf) if line.first else Cell.empty(),
            c.text(note)), c.style_of(line), node.depth))
    if plan:
        lt, ltf = c.total_row_money(plan, 0, left)
        rt, rtf = c.total_row_money(plan, 0, right)
        rows.append(Row((
            Cell.of_text("Jumlah", colspan=5), c.money(lt, formula=ltf),
            Cell.of_text("Jumlah", colspan=4), c.money(rt, formula=rtf),
            c.text(difference_note(lt, rt, "", ""))), RowStyle.TOTAL))
    return spec.table(rows, words=c.year_words(n), subtitle=c.subtitle(record))


registry.attach("tc31", build)
