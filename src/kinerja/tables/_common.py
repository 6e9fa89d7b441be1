"""Helpers shared by the table builders: cells from record values, row styles of plan levels,
the subtitle lines of an agency, signature blocks, and loading every builder module so that the
registry knows which tables can be built."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.exact import total
from kinerja.core.numbers import format_number, parse
from kinerja.tables import registry
from kinerja.tables.grid import Cell, Formula, RowStyle, Signature, SumRows
from kinerja.tables.record import AgencyRecord, IndicatorRecord, PlanNode

#: Row style of each plan level.
STYLE = {"program": RowStyle.PROGRAM, "kegiatan": RowStyle.KEGIATAN,
         "sub_kegiatan": RowStyle.SUB_KEGIATAN}

#: What a cell without a value shows.
DASH = "-"


def load_builders() -> dict[str, registry.TableSpec]:
    """Import the builder module of every registered table that has one
    (`kinerja.tables.<identifier>`), so that each attaches itself; returns the registry."""
    for identifier in list(registry.REGISTRY):
        name = f"kinerja.tables.{identifier}"
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return registry.REGISTRY


def the_year(record: AgencyRecord, year: int | None) -> int:
    """The year a table is built for: `year`, else the record's; ValueError without either."""
    found = year if year is not None else record.year
    if found is None:
        raise ValueError("tahun tabel belum ditentukan (gunakan --tahun)")
    return found


def number(value: Decimal | None, *, empty: str = "", formula: Formula | None = None) -> Cell:
    """A performance figure (K): the value with its own decimals, or an empty cell."""
    if value is None:
        return Cell.empty(empty, formula=formula)
    return Cell.decimal(value, formula=formula)


def money(value: Decimal | None, *, empty: str = "", formula: Formula | None = None) -> Cell:
    """Rupiah, or an empty cell."""
    if value is None:
        return Cell.empty(empty, formula=formula)
    return Cell.money(value, formula=formula)


def percent(value: Decimal | None, *, empty: str = "", formula: Formula | None = None,
            decimals: int = 2) -> Cell:
    """A percentage (points), or an empty cell."""
    if value is None:
        return Cell.empty(empty, formula=formula)
    return Cell.percent(value, decimals, formula=formula)


def text(value: str) -> Cell:
    """A text cell ('' for nothing)."""
    return Cell.of_text(value or "")


def node_title(node: PlanNode) -> str:
    """A node's name as shown in a table."""
    return node.name


def target_text(value: Decimal | None, unit: str, printed: str = "") -> str:
    """A target as text with its unit ('5 Dokumen'); the printed text when it is not a
    number ('B (78)'); '' for nothing."""
    if value is None:
        return printed
    shown = format_number(value, _decimals(value))
    return f"{shown} {unit}".strip()


def _decimals(value: Decimal) -> int:
    exp = value.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def indicator_unit(ind: IndicatorRecord, *units: str) -> str:
    """The first printed unit among `units`, else the indicator's own unit."""
    return next((u for u in units if u), ind.unit)


def subtitle(record: AgencyRecord, *extra: str) -> tuple[str, ...]:
    """The lines under a title: the agency, its government and any further lines."""
    lines = [record.agency.name]
    gov = record.government.name
    if gov and gov.lower() not in record.agency.name.lower():
        lines.append(gov)
    lines.extend(x for x in extra if x)
    return tuple(lines)


def signature_of(record: AgencyRecord, year: int, kinds: Iterable[str],
                 *, place: str = "", caption: str = "") -> Signature:
    """The signature block of the head of the agency, from the first document of `kinds` for
    `year` that names a signatory; an unsigned block with the position otherwise."""
    for kind in kinds:
        doc = record.document(kind, year)
        if doc is not None and doc.signatory_name:
            acting = {"plt": "Plt.", "plh": "Plh."}.get(doc.signatory_capacity, "")
            return Signature(position=doc.signatory_position or f"Kepala {record.agency.name}",
                             name=doc.signatory_name, nip=doc.signatory_nip and
                             f"NIP. {doc.signatory_nip}", acting=acting, place=place,
                             caption=caption)
    return Signature(position=f"Kepala {record.agency.name}",
                     name="(.............................)", nip="NIP. ", place=place,
                     caption=caption)


def place_of(record: AgencyRecord) -> str:
    """The place printed before a signature date: the government's seat, read from its name
    ('Kabupaten Paser' -> 'Paser')."""
    name = record.government.name
    for prefix in ("Kabupaten ", "Kota ", "Provinsi "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


# --- plan trees with money rolled up -----------------------------------------------------


@dataclass(frozen=True)
class PlanLine:
    """One body row of a plan table: a node's first row (`first`) or a further indicator of
    it; `indicator` None for a node shown without one."""

    node: PlanNode
    indicator: IndicatorRecord | None
    first: bool


def plan_lines(record: AgencyRecord, keep_node: Callable[[PlanNode], bool],
               keep_indicator: Callable[[IndicatorRecord], bool]) -> list[PlanLine]:
    """The rows of the plan tree in plan order: a node is shown when `keep_node` accepts it
    or a node below it is shown; its indicators accepted by `keep_indicator` each get a row
    (the first one on the node's own row)."""

    def visit(node: PlanNode) -> list[PlanLine]:
        below = [line for child in node.children for line in visit(child)]
        inds = [i for i in node.indicators if keep_indicator(i)]
        if not below and not inds and not keep_node(node):
            return []
        own = ([PlanLine(node, ind, k == 0) for k, ind in enumerate(inds)]
               or [PlanLine(node, None, True)])
        return [*own, *below]

    return [line for program in record.programs for line in visit(program)]


def rolled_money(lines: list[PlanLine], offset: int,
                 amount: Callable[[PlanNode], Decimal | None]
                 ) -> dict[int, tuple[Decimal | None, Formula | None]]:
    """For each node's first row (by index in `lines`): its amount and formula intent. A node
    with shown children that have amounts is the exact sum of them (`SumRows` over their rows,
    body rows numbered from `offset`); any other node has its own `amount`."""
    first = {line.node.key: i for i, line in enumerate(lines) if line.first}
    out: dict[int, tuple[Decimal | None, Formula | None]] = {}

    def value(node: PlanNode) -> Decimal | None:
        i = first[node.key]
        if i in out:
            return out[i][0]
        kids = [k for k in node.children if k.key in first]
        values = [value(k) for k in kids]
        if any(v is not None for v in values):
            out[i] = (total(values), SumRows(tuple(offset + first[k.key] for k in kids)))
        else:
            out[i] = (amount(node), None)
        return out[i][0]

    for line in lines:
        if line.first:
            value(line.node)
    return out


def total_row_money(lines: list[PlanLine], offset: int,
                    money: dict[int, tuple[Decimal | None, Formula | None]]
                    ) -> tuple[Decimal | None, Formula | None]:
    """The grand total over the programs' rows: exact sum and its `SumRows` intent."""
    rows = [i for i, line in enumerate(lines) if line.first and line.node.level == "program"]
    if not rows:
        return None, None
    return total(money[i][0] for i in rows), SumRows(tuple(offset + i for i in rows))


def node_cells(line: PlanLine) -> tuple[Cell, Cell]:
    """The code and name cells of a row (empty on a further indicator's row)."""
    if not line.first:
        return text(""), text("")
    return text(line.node.shown_code), text(node_title(line.node))


def style_of(line: PlanLine) -> RowStyle:
    """The row style of a plan row."""
    return STYLE.get(line.node.level, RowStyle.DATA) if line.first else RowStyle.INDIKATOR


def shown_target(ind: IndicatorRecord | None, year: int, version: str | None) -> str:
    """A target as the table shows it: as printed where it was printed, else value and unit."""
    if ind is None:
        return ""
    t = ind.target(year, version)
    if t is None:
        return ""
    if t.printed:
        bare = parse(t.printed)
        if t.unit and bare.ok and not t.printed.strip().endswith("%"):
            return f"{t.printed} {t.unit}"
        return t.printed
    return target_text(t.value, t.unit or ind.unit)


#: Budget stages a document version's amounts are read from, in order of preference.
VERSION_STAGES: dict[str, tuple[str, ...]] = {
    "renja": ("renja", "rka", "apbd", "dpa"),
    "renja_perubahan": ("apbd_perubahan", "dpa"),
    "pk": ("dpa", "apbd", "renja"),
    "pk_perubahan": ("apbd_perubahan", "dpa"),
    "ranwal_rkpd": ("ranwal_rkpd",),
    "analisis_kebutuhan": ("analisis_kebutuhan",),
}

#: The document version whose targets a budget stage states (as the importer keeps them).
STAGE_VERSION: dict[str, str] = {
    "ranwal_rkpd": "ranwal_rkpd", "analisis_kebutuhan": "analisis_kebutuhan",
    "renja": "renja", "rka": "renja", "apbd": "renja", "apbd_perubahan": "renja_perubahan",
    "dpa": "pk", "prakiraan_maju": "renja", "realisasi": "renja",
}


def stage_for(record: AgencyRecord, year: int, version: str | None) -> str:
    """The budget stage of `year` that a table of document `version` shows: the first stage
    of the version's preference list that the record holds (for None, of the Renja's)."""
    prefs = VERSION_STAGES.get(version or "renja", ("renja",))
    held = {b.stage for node in record.nodes() for b in node.budget if b.year == year}
    return next((s for s in prefs if s in held), prefs[0])


def year_words(n: int) -> dict[str, str]:
    """Replacements of the regulation's year words in headings and titles for year `n`."""
    return {"Tahun n+1": f"Tahun {n + 1}", "Tahun n-1": f"Tahun {n - 1}",
            "Tahun n-2": f"Tahun {n - 2}", "Tahun n": f"Tahun {n}", "(n)": f"({n})"}
