"""The quarterly evaluation form of the Renja (Permendagri 86/2017), built from the record.

Every figure is a pair, K (performance, in the indicator's unit) and Rp (money). Per row:
(5) Renstra target of the period's last year; (6) Renstra realisation up to last year; (7) the
year's target (document `version`) and pagu (its budget stage, DPA by default); (8)–(11) the
quarters' realisations; (12)–(15) computed by `kinerja.core.quarterly`: 12 by the indicator's
within-year rule (K; the year's recorded realisation where no quarter is reported) and as the
sum of the quarters (Rp), 13 = 12 / 7, 14 = 6 + 12 (K: the
latest value for level indicators; Rp at year end: the recorded Renstra budget realisation to
date where a form printed it), 15 = 14 / 5. A parent's money is the exact sum of its
children's.

Below each kegiatan's sub kegiatan an average row ("Rata-rata capaian kinerja") holds the mean
of their K achievements and the Rp achievement of the kegiatan (total realisation over total
pagu), followed by its predicate row; after each program's kegiatan a program average (mean of
the kegiatan averages), after a bidang's programs a bidang average (mean of the program
averages). Means of means are taken over the averages as printed (two decimals), as the form
does. Below the table: faktor pendorong, faktor penghambat, tindak lanjut, and the signatures
of the agency and of Bappeda.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kinerja.core import codes, quarterly
from kinerja.core.exact import exact, percent, total
from kinerja.core.indicators import Kind, Polarity
from kinerja.core.numbers import round_half_up
from kinerja.tables import _common as c
from kinerja.tables import registry
from kinerja.tables.grid import (
    Cell,
    Formula,
    MeanRows,
    Note,
    Ratio,
    Row,
    RowStyle,
    Signature,
    SumColumns,
    SumRows,
    Table,
)
from kinerja.tables.record import AgencyRecord, IndicatorRecord, PlanNode

#: 0-based physical columns: K of a pair at COL[x], its Rp at COL[x] + 1.
COL = {"c5": 4, "c6": 6, "c7": 8, "tw1": 10, "tw2": 12, "tw3": 14, "tw4": 16, "c12": 18,
       "c13": 20, "c14": 22, "c15": 24}
WIDTH = 28
#: Decimals of a printed average (means of means use the printed values).
AVERAGE_DECIMALS = 2
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
SECTIONS = ("Faktor pendorong", "Faktor penghambat", "Tindak lanjut")


@dataclass
class _Figures:
    """The K and Rp figures of one row as computed."""

    k: dict[str, Decimal | None] = field(default_factory=dict)
    rp: dict[str, Decimal | None] = field(default_factory=dict)


@dataclass(frozen=True)
class FormLine:
    """One body row of the form and what it is: a node row ('node', with its first indicator
    or a further one), a bidang row ('bidang'), an average ('average', of `scope` kegiatan /
    program / bidang / total) or its predicate ('predicate')."""

    kind: str
    row: Row
    node: PlanNode | None = None
    indicator: IndicatorRecord | None = None
    first: bool = True
    scope: str = ""
    k: Decimal | None = None
    rp: Decimal | None = None


def _pair_cells(values: dict[str, Decimal | None], money: dict[str, Decimal | None],
                formulas_k: dict[str, Formula], formulas_rp: dict[str, Formula]
                ) -> list[Cell]:
    cells: list[Cell] = []
    for name in COL:
        pct = name in ("c13", "c15")
        k, rp = values.get(name), money.get(name)
        cells.append(c.percent(k, formula=formulas_k.get(name)) if pct
                     else c.number(k, formula=formulas_k.get(name)))
        cells.append(c.percent(rp, formula=formulas_rp.get(name)) if pct
                     else c.money(rp, formula=formulas_rp.get(name)))
    return cells


def _quarters(values: Sequence[Decimal | None], upto: int) -> tuple[Decimal | None, ...]:
    return tuple(v if q <= upto else None for q, v in enumerate(values, start=1))


class _Builder:
    """Builds the rows of one form; keeps the row index of every node row and average."""

    def __init__(self, record: AgencyRecord, year: int, version: str | None, quarter: int):
        self.record = record
        self.year = year
        self.version = version
        self.quarter = quarter
        self.stage = c.stage_for(record, year, version or "pk")
        self.lines: list[FormLine] = []

    # -- figures -----------------------------------------------------------------------
    def k_figures(self, ind: IndicatorRecord) -> tuple[dict[str, Decimal | None],
                                                        quarterly.QuarterlyColumns]:
        """The K figures of an indicator: entered columns 5–11 and computed 12–15."""
        n = self.year
        period = self.record.period_for(n)
        ends = ind.target_years("renstra")
        end = period.end_year if period is not None else (ends[-1] if ends else None)
        c5 = ind.target_value(end, "renstra") if end is not None else None
        before = ind.cumulative_before(n)
        c6 = before.value if before is not None else None
        c7 = ind.target_value(n, self.version)
        tw = _quarters([ind.realisation_value(n, q) for q in (1, 2, 3, 4)], self.quarter)
        cols = quarterly.evaluate_row(quarterly.QuarterlyRow(
            ind.as_core(), target_k=c7, tw_k=tw, renstra_target_k=c5, renstra_realised_k=c6))
        if cols.c12_k is None and self.quarter == 4:
            # no quarter reported: the year's realisation as recorded (a reported 0 is a 0)
            year_k = ind.realisation_value(n)
            if year_k is not None:
                cols = quarterly.evaluate_row(quarterly.QuarterlyRow(
                    ind.as_core(), target_k=c7, tw_k=(year_k, None, None, None),
                    renstra_target_k=c5, renstra_realised_k=c6))
                cols = replace(cols, c14_k=quarterly.cumulative_k(c6, year_k, ind.kind))
        values: dict[str, Decimal | None] = {
            "c5": c5, "c6": c6, "c7": c7, "tw1": tw[0], "tw2": tw[1], "tw3": tw[2],
            "tw4": tw[3], "c12": cols.c12_k, "c13": cols.c13_k.value, "c14": cols.c14_k,
            "c15": cols.c15_k.value}
        return values, cols

    def money(self, node: PlanNode) -> dict[str, Decimal | None]:
        """The Rp figures of a node: pagu and quarters (rolled up from the children), the
        year's realisation, its achievement and the Renstra columns."""
        n = self.year
        pagu = node.rolled_amount(self.stage, n)
        tw = _quarters([node.rolled_amount("realisasi", n, q) for q in (1, 2, 3, 4)],
                       self.quarter)
        c12 = quarterly.realisation_rp(tw)
        c14 = quarterly.cumulative_rp(None, c12)
        if self.recorded_c14(node):
            c14 = node.rolled_amount("realisasi", n, cumulative=True)
        return {"c5": None, "c6": None, "c7": pagu, "tw1": tw[0], "tw2": tw[1], "tw3": tw[2],
                "tw4": tw[3], "c12": c12, "c13": percent(c12, pagu), "c14": c14, "c15": None}

    def recorded_c14(self, node: PlanNode) -> bool:
        """Whether the year-end form takes column 14 Rp from the record: the Renstra budget
        realisation to date as a form printed it (a parent: the sum of its children's)."""
        return self.quarter == 4 and node.rolled_amount(
            "realisasi", self.year, cumulative=True) is not None

    # -- rows ----------------------------------------------------------------------------
    def add(self, line: FormLine) -> int:
        """Append a line; its body row index."""
        self.lines.append(line)
        return len(self.lines) - 1

    def node_rows(self, node: PlanNode, child_rows: list[int]) -> int:
        """The rows of a node (one per indicator; one without indicator when it has none);
        the index of its first row. Its money sums the first rows of its children."""
        money = self.money(node)
        rp_f: dict[str, Formula] = {}
        if child_rows:
            for name in ("c7", "tw1", "tw2", "tw3", "tw4"):
                rp_f[name] = SumRows(tuple(child_rows))
        rp_f["c12"] = SumColumns(tuple(COL[t] + 1 for t in ("tw1", "tw2", "tw3", "tw4")))
        rp_f["c13"] = Ratio(COL["c12"] + 1, COL["c7"] + 1)
        if not self.recorded_c14(node):
            rp_f["c14"] = SumColumns((COL["c6"] + 1, COL["c12"] + 1))
        elif child_rows:
            rp_f["c14"] = SumRows(tuple(child_rows))
        inds = list(node.indicators) or [None]
        first_index = -1
        for i, ind in enumerate(inds):
            values: dict[str, Decimal | None] = {}
            k_f: dict[str, Formula] = {}
            if ind is not None:
                values, _cols = self.k_figures(ind)
                if ind.kind is Kind.FLOW:
                    k_f["c12"] = SumColumns(tuple(COL[t] for t in ("tw1", "tw2", "tw3", "tw4")))
                    k_f["c14"] = SumColumns((COL["c6"], COL["c12"]))
                if ind.polarity is Polarity.POSITIVE:
                    k_f["c13"] = Ratio(COL["c12"], COL["c7"])
                    k_f["c15"] = Ratio(COL["c14"], COL["c5"])
            first = i == 0
            head = (c.text(node.shown_code if first else ""),
                    c.text(c.node_title(node) if first else ""),
                    c.text(ind.name if ind else ""), c.text(ind.unit if ind else ""))
            pairs = _pair_cells(values, money if first else {}, k_f, rp_f if first else {})
            if not first:
                pairs = [cell if j % 2 == 0 else Cell.empty() for j, cell in enumerate(pairs)]
            note = ""
            if ind is not None:
                r = ind.realisation(self.year)
                note = r.note if r is not None else ""
            row = Row((*head, *pairs, c.text(ind.responsible_unit if ind else ""),
                       c.text(note)),
                      c.STYLE.get(node.level, RowStyle.DATA) if first else RowStyle.INDIKATOR,
                      node.depth)
            idx = self.add(FormLine("node", row, node, ind, first, k=values.get("c13"),
                                    rp=money.get("c13") if first else None))
            if first:
                first_index = idx
        return first_index

    def average(self, label: str, scope: str, k: Decimal | None, rp: Decimal | None,
                rows: list[int]) -> int:
        """An average row and its predicate row; the index of the average row."""
        k_cell = c.percent(k, formula=MeanRows(tuple(rows)) if rows else None)
        cells = [Cell.of_text(label, colspan=COL["c13"]), k_cell, c.percent(rp),
                 Cell.empty(colspan=WIDTH - COL["c13"] - 2)]
        idx = self.add(FormLine("average", Row(tuple(cells), RowStyle.AVERAGE), scope=scope,
                                k=k, rp=rp))
        pred_k = quarterly.predicate(k)
        pred_rp = quarterly.predicate(rp)
        cells = [Cell.of_text("Predikat kinerja", colspan=COL["c13"]),
                 c.text(pred_k.code if pred_k else ""), c.text(pred_rp.code if pred_rp else ""),
                 Cell.empty(colspan=WIDTH - COL["c13"] - 2)]
        self.add(FormLine("predicate", Row(tuple(cells), RowStyle.AVERAGE), scope=scope))
        return idx

    def subtree(self, node: PlanNode) -> tuple[int, Decimal | None]:
        """The rows of a node and everything below it; (index of its first row or of the
        average standing for it, its average K achievement)."""
        if node.level == "sub_kegiatan" or not node.children:
            placeholder = len(self.lines)
            self.node_rows(node, [])
            own = self.lines[placeholder].k
            return placeholder, own
        # a parent: its own row first, children after; money rows are filled in afterwards
        start = len(self.lines)
        self.node_rows(node, [])
        kids: list[tuple[int, Decimal | None]] = [self.subtree(k) for k in node.children]
        self._fix_money(start, node, [self._first_row(k) for k in node.children])
        values = [v for _, v in kids]
        mean = _mean(values)
        if node.level == "kegiatan":
            label = "Rata-rata capaian kinerja (%)"
        else:
            label = ("Total rata-rata capaian kinerja dan anggaran dari seluruh kegiatan "
                     f"({c.node_title(node)})")
        rp = self.lines[start].rp
        avg = self.average(label, node.level, mean, rp, [i for i, _ in kids])
        return avg, mean

    def _first_row(self, node: PlanNode) -> int:
        return next(i for i, line in enumerate(self.lines)
                    if line.kind == "node" and line.node is node and line.first)

    def _fix_money(self, index: int, node: PlanNode, child_rows: list[int]) -> None:
        """Rebuild a parent's first rows now that its children's rows are known."""
        count = max(1, len(node.indicators))
        saved = self.lines[index + count:]
        self.lines = self.lines[:index]
        self.node_rows(node, child_rows)
        self.lines.extend(saved)

    def build(self) -> list[FormLine]:
        """Every row of the form."""
        groups: dict[str, list[PlanNode]] = {}
        for program in self.record.programs:
            groups.setdefault(_bidang(program), []).append(program)
        grouped = len(groups) > 1 or (len(groups) == 1 and next(iter(groups)) != "")
        for bidang, programs in groups.items():
            bidang_index = -1
            if grouped:
                bidang_index = self.add(FormLine("bidang", Row((), RowStyle.BIDANG)))
            results = [self.subtree(p) for p in programs]
            mean = _mean([v for _, v in results])
            program_rows = [self._first_row(p) for p in programs]
            rp = percent(total(self.money(p)["c12"] for p in programs),
                         total(self.money(p)["c7"] for p in programs))
            self.average("Total rata-rata capaian kinerja dan anggaran dari seluruh program",
                         "bidang" if grouped else "total", mean, rp, [i for i, _ in results])
            if grouped:
                self.lines[bidang_index] = self._bidang_line(bidang, programs, program_rows,
                                                             mean, rp)
        return self.lines

    def _bidang_line(self, bidang: str, programs: list[PlanNode], rows: list[int],
                     mean: Decimal | None, rp: Decimal | None) -> FormLine:
        money: dict[str, Decimal | None] = {}
        for name in ("c7", "tw1", "tw2", "tw3", "tw4", "c12", "c14"):
            money[name] = total(self.money(p)[name] for p in programs)
        money["c13"] = rp
        rp_f: dict[str, Formula] = {name: SumRows(tuple(rows))
                                    for name in ("c7", "tw1", "tw2", "tw3", "tw4", "c12",
                                                 "c14")}
        rp_f["c13"] = Ratio(COL["c12"] + 1, COL["c7"] + 1)
        pairs = _pair_cells({"c13": mean}, money, {}, rp_f)
        name = codes.official_name(bidang, self.record.government.level) or bidang
        row = Row((c.text(bidang), c.text(name), c.text(""), c.text(""), *pairs, c.text(""),
                   c.text("")), RowStyle.BIDANG)
        return FormLine("bidang", row, scope="bidang", k=mean, rp=rp)


def _mean(values: Sequence[Decimal | None]) -> Decimal | None:
    """The mean of the values present, rounded half-up to the printed decimals."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    with exact():
        return round_half_up(sum(present, Decimal(0)) / len(present), AVERAGE_DECIMALS)


def _bidang(program: PlanNode) -> str:
    """The bidang code of a program ('5.03' of '5.03.02'), '' without a code."""
    parts = program.code.split(".")
    return ".".join(parts[:2]) if program.code and len(parts) >= 3 else ""


def notes(record: AgencyRecord, year: int) -> tuple[Note, ...]:
    """Faktor pendorong, faktor penghambat and tindak lanjut: Bappeda's notes of the year that
    start with the section's name ('Faktor penghambat: ...'), '-' where there is none."""
    out: list[Note] = []
    for section in SECTIONS:
        lines = []
        for note in record.notes_for(year):
            head, _, rest = note.text.partition(":")
            if head.strip().lower() == section.lower() and rest.strip():
                lines.append(rest.strip())
        out.append(Note(section, tuple(lines) or ("-",)))
    return tuple(out)


def signatures(record: AgencyRecord, year: int) -> tuple[Signature, ...]:
    """Prepared by the head of the agency; evaluated by the head of Bappeda."""
    place = c.place_of(record)
    agency = c.signature_of(record, year, ("lkjip", "renja_perubahan", "renja", "pk"),
                            place=place, caption="Disusun oleh,")
    bappeda = Signature(
        position=f"Kepala Badan Perencanaan Pembangunan Daerah {record.government.name}",
        name="(.............................)", nip="NIP. ", caption="Dievaluasi oleh,")
    return (agency, bappeda)


def form_lines(record: AgencyRecord, year: int, version: str | None = None,
               quarter: int = 4) -> list[FormLine]:
    """The body rows of the form with what each one is (for tests and other reports)."""
    return _Builder(record, year, version, quarter).build()


def build(record: AgencyRecord, year: int | None = None, version: str | None = None,
          quarter: int = 4) -> Table:
    """The quarterly evaluation form of `record` for `year` up to quarter `quarter`, with
    the targets of `version` (None: the most recent import's) and the pagu of its stage."""
    n = c.the_year(record, year)
    if quarter not in ROMAN:
        raise ValueError("triwulan harus 1, 2, 3 atau 4")
    spec = registry.get("evaluasi_triwulan")
    rows = [line.row for line in form_lines(record, n, version, quarter)]
    words = {"Triwulan ...": f"Triwulan {ROMAN[quarter]}", "Tahun n": f"Tahun {n}"}
    period = record.period_for(n)
    if period is not None:
        words["pada Tahun ..."] = f"pada Tahun {period.end_year}"
    return spec.table(rows, words=words, subtitle=c.subtitle(record),
                      notes=notes(record, n), signatures=signatures(record, n))


registry.attach("evaluasi_triwulan", build)
