"""Loading document tables into the record (`kinerja import`).

A document table (`shared/spec/document-tables.md`) is read, audited, checked for rows that
cannot be used, and then loaded in one transaction: all or nothing. Its findings are stored with
an `Import` row keyed by (agency, kind, title, year, version); importing the same table again
updates that import and the rows it brought, never duplicates them, and an unchanged table
changes nothing at all.

A program, kegiatan or sub kegiatan printed without a code is bound to the nomenclature code
whose official name fits its name (`kinerja.core.names.fit`: the only exact or close fit, else
the only partial one), looked for under the parent's code when the parent is bound, else in the
agency's bidang (known from its coded nodes, the table's coded rows or its programs whose name
fits one program of the nomenclature) and then across the government level's nomenclature; it
stays unbound when none or more than one fits. A bound node keeps the printed name as its local
name and takes the official name's key under its parent, so that the name variants of several
tables are one node; two rows of one table never become one node.

What each kind brings (N = the table's year, from the meta file's `years` or `--tahun`):

- `evaluasi_renja` (T-C.29): program/kegiatan/sub kegiatan with their indicators; column 4 a
  Renstra target for the period's last year; column 5 a cumulative realisation up to
  `realised_until`; column 6 the year-N target (version `renja` or `--versi`); column 7 the
  year-N realisation; column 9 the next year's target. Columns 8, 10 and 11 are derived.
- `rencana_anggaran`: the tree with indicators; per value column of role `target` a target of
  the version its stage belongs to, of role `pagu` a budget line at its stage, of role
  `realisasi` the year's budget realisation; `difference` columns between two pagu stages become
  budget changes with their type and the row's `catatan` as reason; in a table without a
  difference column the `catatan` is kept as a change of type 'tetap' from the table's pagu
  stage to itself (a note on the node's budget). A printed '-' in a money column is 0
  (accounting format). A `sasaran` /
  `indikator_sasaran` pair of extra columns creates the sasaran, its IKU and its link to the
  program.
- `evaluasi_triwulan`: the tree with indicators; `target_k` the year's target, `pagu` the DPA
  budget, `twN_k` / `twN_rp` the quarterly realisations of the indicator and of the budget,
  `realisasi_k` / `realisasi_rp` the year's, `kumulatif_k` / `kumulatif_rp` the Renstra
  realisation up to and including the year (a cumulative realisation and a cumulative budget
  line). An indicator with an undecided unit takes the
  within-year rule its printed year value follows (sum, latest or largest quarter).
- `pengukuran_kinerja`: sasaran with their IKU (or nodes with their indicators); `target` the
  year's target (version `pk` or `--versi`), `target_akhir` the Renstra end target,
  `realisasi` the realisation (cumulative when the meta file gives only `realised_until`),
  `realisasi_sebelumnya` the previous year's. `capaian` and `kategori` are derived.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from kinerja.audit.engine import AuditSettings, audit_table
from kinerja.audit.findings import Finding
from kinerja.core import codes, indicators, names, numbers
from kinerja.core.doctable import LEVELS, DocTable, Row
from kinerja.io.doctable import DocTableError, read_table
from kinerja.store import auditing, keys
from kinerja.store.models import (
    Agency,
    BudgetChange,
    BudgetLine,
    Import,
    ImportFinding,
    Indicator,
    Node,
    Period,
    Realisation,
    Sasaran,
    Target,
)

#: Bump when the mapping changes, so that an unchanged file is loaded again by the new mapping.
FORMAT = 4

IMPORTABLE = ("evaluasi_renja", "rencana_anggaran", "evaluasi_triwulan", "pengukuran_kinerja")
NODE_LEVELS = ("program", "kegiatan", "sub_kegiatan")
DEFAULT_VERSION = {
    "evaluasi_renja": "renja",
    "rencana_anggaran": "renja",
    "evaluasi_triwulan": "renja",
    "pengukuran_kinerja": "pk",
}
VERSIONS = ("renstra", "renja", "renja_perubahan", "pk", "pk_perubahan", "rencana_aksi",
            "ranwal_rkpd", "analisis_kebutuhan", "lkjip")
#: budget stage -> the document version whose targets a table at that stage states
STAGE_VERSION = {
    "ranwal_rkpd": "ranwal_rkpd",
    "analisis_kebutuhan": "analisis_kebutuhan",
    "renja": "renja",
    "rka": "renja",
    "apbd": "renja",
    "apbd_perubahan": "renja_perubahan",
    "dpa": "pk",
    "prakiraan_maju": "renja",
    "realisasi": "renja",
}
#: More than one nomenclature entry fits a name.
AMBIGUOUS = "ambiguous"
_NUMBER_AND_UNIT = re.compile(r"^\s*([-+(]?\s*[\d.,]+\s*%?\)?)\s+([^\d\s].*?)\s*$")


class ImportRejected(Exception):
    """A table that cannot be imported; `problems` lists every reason with row and column."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: tidak diimpor – " + "; ".join(problems))


@dataclass
class ImportResult:
    """What an import did: the Import row, 'baru' / 'diperbarui' / 'tidak berubah', the audit
    findings, and counts of the rows it wrote."""

    source: Import
    status: str
    findings: list[Finding]
    counts: dict[str, int] = field(default_factory=dict)


def _fingerprint(table_path: Path, year: int, version: str) -> str:
    from kinerja.io.doctable import meta_path

    h = hashlib.sha256()
    h.update(f"kinerja-import-{FORMAT}|{year}|{version}|".encode())
    h.update(table_path.read_bytes())
    mp = meta_path(table_path)
    if mp.is_file():
        h.update(b"|meta|")
        h.update(mp.read_bytes())
    return h.hexdigest()


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _period_years(text: Any) -> tuple[int, int] | None:
    m = re.match(r"^\s*(\d{4})\s*[-–/]\s*(\d{4})\s*$", str(text or ""))
    return (int(m.group(1)), int(m.group(2))) if m else None


class _Loader:
    """Loads one audited, validated table into the record (inside a transaction)."""

    def __init__(self, agency: Agency, table: DocTable, year: int, version: str, imp: Import,
                 user: Any):
        self.agency = agency
        self.table = table
        self.year = year
        self.version = version
        self.imp = imp
        self.user = user
        self.gov_level = agency.government.level
        cells = [c for r in table.rows for k, c in r.cells.items()
                 if k not in ("kode", "level", "uraian", "indikator", "sasaran", "keterangan")]
        self.convention = numbers.infer_convention(cells)
        self.years = dict(table.meta.get("years") or {})
        self.nodes: dict[int, Node] = {}
        self.touched: dict[type[models.Model], set[int]] = {}
        self.position = 0
        self.period = self._period()
        self._bidang: list[str] | None = None

    # -- cells -------------------------------------------------------------------------
    def number(self, text: str) -> Decimal | None:
        """The exact value of a printed cell, None when it holds none."""
        p = numbers.parse(text, self.convention)
        return p.value if p.ok else None

    def number_unit(self, text: str) -> tuple[Decimal | None, str]:
        """A value and the unit printed after it in the same cell ('5 dok' -> 5, 'dok')."""
        p = numbers.parse(text, self.convention)
        if p.ok:
            return p.value, ""
        m = _NUMBER_AND_UNIT.match(text or "")
        if m:
            q = numbers.parse(m.group(1), self.convention)
            if q.ok:
                return q.value, m.group(2)
        return None, ""

    # -- upsert ------------------------------------------------------------------------
    def upsert(self, model: type[models.Model], lookup: dict[str, Any],
               values: dict[str, Any], create_only: dict[str, Any] | None = None) -> Any:
        """Find the row by `lookup`; create it, or save it only if `values` changed."""
        obj = model.objects.filter(**lookup).first()  # type: ignore[attr-defined]
        if obj is None:
            obj = model.objects.create(**lookup, **values, **(create_only or {}))  # type: ignore[attr-defined]
        else:
            changed = False
            for name, value in values.items():
                current = getattr(obj, name)
                if isinstance(value, models.Model):
                    same = getattr(obj, f"{name}_id") == value.pk
                else:
                    same = current == value
                if not same:
                    setattr(obj, name, value)
                    changed = True
            if changed:
                obj.save()
        self.touched.setdefault(model, set()).add(obj.pk)
        return obj

    def next_position(self) -> int:
        """A running number that keeps the table's row order."""
        self.position += 1
        return self.position

    # -- structure ---------------------------------------------------------------------
    def _period(self) -> Period | None:
        years = _period_years(self.years.get("renstra"))
        if years is None:
            return None
        period, _ = Period.objects.get_or_create(
            agency=self.agency, start_year=years[0], end_year=years[1],
            defaults={"name": f"Renstra {years[0]}–{years[1]}"})
        return period

    def node_ancestor(self, row: Row) -> Row | None:
        """The nearest program/kegiatan/sub kegiatan row above `row` in the hierarchy."""
        for anc in row.ancestors():
            if anc.level in NODE_LEVELS:
                return anc
        return None

    def node(self, row: Row) -> Node:
        """The node of a program/kegiatan/sub kegiatan row (created on first sight)."""
        if id(row) in self.nodes:
            return self.nodes[id(row)]
        parent_row = self.node_ancestor(row)
        parent = self.node(parent_row) if parent_row is not None else None
        name = row.get("uraian").strip()
        printed = row.get("kode").strip()
        code = official = ""
        if printed:
            check = codes.check_code(printed, name, row.level, self.gov_level)
            if check.status in ("ok", "repaired") and check.code:
                code = check.code
                official = check.official_name or codes.official_name(code, self.gov_level) or ""
        elif name:
            entry = self.bind(row.level, name, parent)
            if entry is not None:
                code, official = entry.code, entry.name
        if not name:
            name = official
        parent_key = parent.key if parent else None
        used = {n.pk for n in self.nodes.values()}
        node = None
        key = keys.node_key(parent_key, row.level, name)
        if code and not printed:
            # an uncoded row bound by its name: its key follows the code (the official name
            # under the parent), so that the name variants of the tables are one node; never
            # the node another row of this table already is (two rows stay two nodes)
            bound_key = keys.node_key(parent_key, row.level, official)
            node = (Node.objects.filter(agency=self.agency, key=bound_key).first()
                    or self.node_by_code(code, parent, row.level, used))
            if node is not None and node.pk in used:
                node = None
                code = official = ""
            else:
                key = bound_key
        local = "" if official and keys.name_key(official) == keys.name_key(name) else name
        if node is None:
            node = Node.objects.filter(agency=self.agency, key=key).first()
        if node is None and code:
            # the same nomenclature item printed under another name in another table
            node = self.node_by_code(code, parent, row.level, used)
        if node is None:
            node = Node.objects.create(agency=self.agency, key=key, parent=parent,
                                       level=row.level, code=code, printed_code=printed,
                                       official_name=official, local_name=local,
                                       position=self.next_position())
        else:
            changed = False
            for attr, value in (("code", code), ("printed_code", printed),
                                ("official_name", official)):
                if value and not getattr(node, attr):
                    setattr(node, attr, value)
                    changed = True
            if changed:
                node.save()
        self.touched.setdefault(Node, set()).add(node.pk)
        self.nodes[id(row)] = node
        return node

    def node_by_code(self, code: str, parent: Node | None, level: str,
                     used: set[int]) -> Node | None:
        """The agency's node of `code` under `parent` that no row of this table is yet."""
        return (Node.objects.filter(agency=self.agency, code=code, parent=parent, level=level)
                .exclude(pk__in=used).order_by("key").first())

    # -- nomenclature ------------------------------------------------------------------
    def bind(self, level: str, name: str, parent: Node | None) -> codes.Entry | None:
        """The nomenclature entry of an uncoded row named `name`: the one entry of `level`
        whose official name fits, looked for under the parent's code when the parent is bound,
        else in the agency's bidang (in the order they are known) and then across the
        nomenclature of the government level. None when no entry or more than one fits."""
        if parent is not None and parent.code:
            found = self.fitting(name, level, parent.code)
            return found if isinstance(found, codes.Entry) else None
        for bidang in self.bidang:
            found = self.fitting(name, level, bidang)
            if found is not None:
                return found if isinstance(found, codes.Entry) else None
        found = self.fitting(name, level, None)
        return found if isinstance(found, codes.Entry) else None

    def fitting(self, name: str, level: str, within: str | None) -> codes.Entry | str | None:
        """The one entry of `level` (under `within`) whose official name fits `name`: the only
        exact or close fit, else the only partial fit (the official name with words left out);
        AMBIGUOUS when more than one fits, None when none does."""
        words = names.words(name)
        if not words:
            return None
        graded: dict[str | None, list[codes.Entry]] = {}
        for entry in codes.search(name, self.gov_level, level=level, limit=100_000,
                                  within=within):
            grade = names.fit(words, names.words(entry.name))
            tier = names.PARTIAL if grade == names.PARTIAL else names.EXACT
            graded.setdefault(tier, []).append(entry)
        for tier in (names.EXACT, names.PARTIAL):
            found = graded.get(tier, [])
            if len(found) == 1:
                return found[0]
            if found:
                return AMBIGUOUS
        return None

    @property
    def bidang(self) -> list[str]:
        """The agency's bidang (`5.03`), in the order they are known: from its coded nodes,
        from this table's coded rows, then from the programs of this table whose name fits one
        program of the whole nomenclature. The support program, the same in every bidang, is
        bound in the first of them (where the agency codes it)."""
        if self._bidang is not None:
            return self._bidang
        found: list[str] = []

        def add(code: str) -> None:
            parts = code.split(".")
            if len(parts) >= 3 and parts[0].isdigit():
                bidang = ".".join(parts[:2])
                if bidang not in found:
                    found.append(bidang)

        for code in (Node.objects.filter(agency=self.agency).exclude(code="")
                     .order_by("position", "key").values_list("code", flat=True)):
            add(code)
        for row in self.table.rows:
            printed = row.get("kode").strip()
            if row.level in NODE_LEVELS and printed:
                check = codes.check_code(printed, row.get("uraian"), row.level, self.gov_level)
                if check.status in ("ok", "repaired") and check.code:
                    add(check.code)
        for row in self.table.rows:
            if row.level == "program" and not row.get("kode").strip():
                entry = self.fitting(row.get("uraian"), "program", None)
                if isinstance(entry, codes.Entry):
                    add(entry.code)
        self._bidang = found
        return found

    def indicator(self, name: str, unit: str, node: Node | None = None,
                  sasaran: Sasaran | None = None) -> Indicator:
        """The indicator `name` of a node or a sasaran (created on first sight)."""
        owner_key = node.key if node is not None else sasaran.key  # type: ignore[union-attr]
        key = keys.indicator_key(owner_key, name)
        ind = Indicator.objects.filter(agency=self.agency, key=key).first()
        unit = "" if indicators.is_grade(unit) else unit.strip()
        if ind is None:
            kind = indicators.kind_of_unit(unit).value
            ind = Indicator.objects.create(
                agency=self.agency, key=key, node=node, sasaran=sasaran, name=name.strip(),
                unit=unit, kind=kind, within_year="last" if kind == "level" else "sum",
                position=self.next_position())
        elif unit and not ind.unit:
            ind.unit = unit
            ind.kind = indicators.kind_of_unit(unit).value
            ind.within_year = "last" if ind.kind == "level" else "sum"
            ind.save()
        self.touched.setdefault(Indicator, set()).add(ind.pk)
        return ind

    def within_year(self, ind: Indicator, quarters: list[Decimal | None],
                    year: Decimal | None) -> None:
        """Set the within-year rule of an indicator with an undecided unit (unit, jenis,
        bulan, orang/bulan, layanan) from what the document printed: 'sum' when the year's
        value is the sum of its quarters, 'last' when it is the latest quarter, 'max' when it
        is the largest; 'sum' when nothing decides (the rules the audit accepts)."""
        if indicators.kind_of_unit(ind.unit) is not indicators.Kind.UNDECIDED:
            return
        rule = infer_within_year(quarters, year)
        if ind.within_year != rule:
            ind.within_year = rule
            ind.save()

    def sasaran(self, name: str) -> Sasaran:
        """The sasaran `name` of the agency (created on first sight)."""
        key = keys.sasaran_key(name)
        obj = Sasaran.objects.filter(agency=self.agency, key=key).first()
        if obj is None:
            obj = Sasaran.objects.create(agency=self.agency, key=key, name=name.strip(),
                                         period=self.period, position=self.next_position())
        self.touched.setdefault(Sasaran, set()).add(obj.pk)
        return obj

    # -- values ------------------------------------------------------------------------
    def target(self, ind: Indicator, year: int | None, version: str, text: str,
               unit: str = "", quarter: int = 0) -> None:
        """A target as printed (nothing when the cell is empty)."""
        text = (text or "").strip()
        if not text or year is None:
            return
        value, cell_unit = self.number_unit(text)
        self.upsert(Target, {"indicator": ind, "year": year, "quarter": quarter,
                             "version": version, "source": self.imp},
                    {"value": value, "printed": text[:120], "unit": (cell_unit or unit)[:60]})

    def realisation(self, ind: Indicator, year: int | None, text: str, unit: str = "",
                    quarter: int = 0, cumulative: bool = False, note: str = "") -> None:
        """A realisation as printed (nothing when the cell is empty; '-' is kept as no
        value, never as zero)."""
        text = (text or "").strip()
        if not text or year is None:
            return
        value, cell_unit = self.number_unit(text)
        self.upsert(Realisation,
                    {"indicator": ind, "year": year, "quarter": quarter,
                     "cumulative": cumulative, "source": self.imp},
                    {"value": value, "printed": text[:120], "unit": (cell_unit or unit)[:60],
                     "note": note},
                    create_only={"reported_by": self.user if getattr(self.user, "pk", None)
                                 else None, "reported_at": self.imp.imported_at})

    def budget(self, node: Node, year: int | None, stage: str, text: str, quarter: int = 0,
               location: str = "", funding: str = "", cumulative: bool = False
               ) -> Decimal | None:
        """A budget amount as printed (nothing when the cell is empty)."""
        text = (text or "").strip()
        if not text or year is None:
            return None
        value = self.number(text)
        if value is None and numbers.parse(text, self.convention).status is numbers.Status.EMPTY:
            value = Decimal(0)      # money in accounting format: '-' is zero
        self.upsert(BudgetLine, {"node": node, "year": year, "stage": stage,
                                 "quarter": quarter, "cumulative": cumulative,
                                 "source": self.imp},
                    {"amount": value, "printed": text[:60], "location": location[:200],
                     "funding_source": funding[:200]})
        return value

    # -- kinds -------------------------------------------------------------------------
    def load(self) -> None:
        """Load every row by the table's kind, then drop what an earlier import of this
        table brought and this one no longer has."""
        getattr(self, f"load_{self.table.kind}")()
        for model in (Target, Realisation, BudgetLine, BudgetChange):
            stale = model.objects.filter(source=self.imp).exclude(  # type: ignore[attr-defined]
                pk__in=self.touched.get(model, set()))
            for obj in stale:
                obj.delete()

    def owner_rows(self) -> Iterable[tuple[Row, Node, str]]:
        """(row, node, indicator name) of every row that carries an indicator of a node."""
        for row in self.table.rows:
            if row.level in NODE_LEVELS:
                node = self.node(row)
                name = row.get("indikator").strip()
                yield row, node, name
            elif row.level == "indikator":
                owner = self.node_ancestor(row)
                if owner is not None:
                    yield row, self.node(owner), row.get("indikator").strip()

    def load_evaluasi_renja(self) -> None:
        """T-C.29 (see the module docstring)."""
        n = _int(self.years.get("n")) or self.year
        until = _int(self.years.get("realised_until"))
        nxt = _int(self.years.get("next"))
        end = self.period.end_year if self.period else None
        for row, node, name in self.owner_rows():
            if not name:
                continue
            unit = next((row.get(c) for c in ("c7_satuan", "c6_satuan", "c4_satuan",
                                              "c5_satuan")
                         if row.get(c).strip() and not indicators.is_grade(row.get(c).strip())
                         and self.number(row.get(c)) is None), "")
            ind = self.indicator(name, unit, node=node)
            note = row.get("keterangan").strip()
            self.target(ind, end, "renstra", row.get("c4_target_renstra"),
                        row.get("c4_satuan"))
            self.realisation(ind, until, row.get("c5_realisasi_sd"), row.get("c5_satuan"),
                             cumulative=True)
            self.target(ind, n, self.version, row.get("c6_target"), row.get("c6_satuan"))
            self.realisation(ind, n, row.get("c7_realisasi"), row.get("c7_satuan"), note=note)
            self.target(ind, nxt, self.version, row.get("c9_target_berikut"), unit)

    def load_rencana_anggaran(self) -> None:
        """Budget and target tables (see the module docstring)."""
        n = _int(self.years.get("plan")) or _int(self.years.get("n")) or self.year
        nxt = _int(self.years.get("next")) or n + 1
        vcols = self.table.value_columns
        has_sasaran = "sasaran" in self.table.columns
        current_sasaran: Sasaran | None = None

        def year_of(stage: str) -> int:
            return nxt if stage == "prakiraan_maju" else n

        for row, node, name in self.owner_rows():
            is_node_row = row.level in NODE_LEVELS
            unit = row.get("satuan").strip()
            if has_sasaran and row.get("sasaran").strip():
                current_sasaran = self.sasaran(row.get("sasaran"))
                ind_name = row.get("indikator_sasaran").strip()
                if ind_name:
                    iku = self.indicator(ind_name, "", sasaran=current_sasaran)
                    for col, spec in vcols.items():
                        if spec.get("role") == "target" and "sasaran" in col:
                            stage = str(spec.get("stage") or "renja")
                            self.target(iku, year_of(stage), STAGE_VERSION.get(stage, "renja"),
                                        row.get(col))
            if is_node_row and current_sasaran is not None and row.level == "program":
                current_sasaran.nodes.add(node)
            ind = self.indicator(name, unit, node=node) if name else None
            if ind is not None:
                for col, spec in vcols.items():
                    if spec.get("role") == "target" and "sasaran" not in col:
                        stage = str(spec.get("stage") or "renja")
                        self.target(ind, year_of(stage), STAGE_VERSION.get(stage, "renja"),
                                    row.get(col), unit)
            if not is_node_row:
                continue
            location = row.get("lokasi").strip()
            funding = row.get("sumber_dana").strip()
            for col, spec in vcols.items():
                role = spec.get("role")
                if role == "pagu":
                    stage = str(spec.get("stage") or "renja")
                    self.budget(node, year_of(stage), stage, row.get(col),
                                location=location, funding=funding)
                elif role == "realisasi":
                    self.budget(node, n, "realisasi", row.get(col),
                                location=location, funding=funding)
            noted = False
            for spec in vcols.values():
                if spec.get("role") != "difference":
                    continue
                of = list(spec.get("of") or [])
                if len(of) != 2 or any(vcols.get(c, {}).get("role") != "pagu" for c in of):
                    continue
                noted = True
                after_col, before_col = of
                if not row.get(after_col).strip() and not row.get(before_col).strip():
                    continue
                self.change(row, node, n, vcols, before_col, after_col)
            if not noted and row.get("catatan").strip():
                self.note(row, node, n, vcols)

    def change(self, row: Row, node: Node, year: int, vcols: dict[str, dict[str, Any]],
               before_col: str, after_col: str) -> None:
        """A budget change between two pagu stages, typed from the amounts and targets."""
        before = self.number(row.get(before_col))
        after = self.number(row.get(after_col))
        from_stage = str(vcols[before_col].get("stage"))
        to_stage = str(vcols[after_col].get("stage"))
        targets = [c for c, s in vcols.items() if s.get("role") == "target"]
        t_before = next((row.get(c).strip() for c in targets
                         if vcols[c].get("stage") == from_stage), "")
        t_after = next((row.get(c).strip() for c in targets
                        if vcols[c].get("stage") == to_stage), "")
        reason = row.get("catatan").strip()
        zero = Decimal(0)
        if "pergeseran" in reason.lower():
            kind = "pergeseran"
        elif (before is None or before == zero) and after not in (None, zero):
            kind = "sub_kegiatan_baru" if row.level == "sub_kegiatan" else "penambahan"
        elif (after is None or after == zero) and before not in (None, zero):
            kind = "sub_kegiatan_dihapus" if row.level == "sub_kegiatan" else "rasionalisasi"
        elif before is not None and after is not None and after < before:
            kind = "rasionalisasi"
        elif before is not None and after is not None and after > before:
            kind = "penambahan"
        elif t_before != t_after:
            kind = "perubahan_target"
        else:
            kind = "tetap"
        self.upsert(BudgetChange, {"node": node, "year": year, "from_stage": from_stage,
                                   "to_stage": to_stage, "source": self.imp},
                    {"change_type": kind, "amount_before": before, "amount_after": after,
                     "target_before": t_before[:120], "target_after": t_after[:120],
                     "reason": reason})

    def note(self, row: Row, node: Node, year: int, vcols: dict[str, dict[str, Any]]) -> None:
        """The `catatan` of a table without a difference column (T-C.31, T-C.33): kept as a
        budget change of the node from the table's first pagu stage to the same stage, of
        type 'tetap', with the note as its reason, so that the tables can show it."""
        pagu = next((c for c, s in vcols.items() if s.get("role") == "pagu"
                     and s.get("stage") != "prakiraan_maju"), None)
        stage = str(vcols[pagu].get("stage") or "renja") if pagu else "renja"
        amount = self.number(row.get(pagu)) if pagu else None
        self.upsert(BudgetChange, {"node": node, "year": year, "from_stage": stage,
                                   "to_stage": stage, "source": self.imp},
                    {"change_type": "tetap", "amount_before": amount, "amount_after": amount,
                     "target_before": "", "target_after": "",
                     "reason": row.get("catatan").strip()})

    def load_evaluasi_triwulan(self) -> None:
        """The quarterly evaluation form (see the module docstring)."""
        n = _int(self.years.get("n")) or self.year
        for row, node, name in self.owner_rows():
            unit = row.get("satuan").strip()
            if name:
                ind = self.indicator(name, unit, node=node)
                self.target(ind, n, self.version, row.get("target_k"), unit)
                for q in (1, 2, 3, 4):
                    self.realisation(ind, n, row.get(f"tw{q}_k"), unit, quarter=q)
                self.realisation(ind, n, row.get("realisasi_k"), unit,
                                 note=row.get("keterangan").strip())
                self.realisation(ind, n, row.get("kumulatif_k"), unit, cumulative=True)
                self.within_year(ind, [self.number(row.get(f"tw{q}_k")) for q in (1, 2, 3, 4)],
                                 self.number(row.get("realisasi_k")))
            if row.level in NODE_LEVELS:
                self.budget(node, n, "dpa", row.get("pagu"))
                for q in (1, 2, 3, 4):
                    self.budget(node, n, "realisasi", row.get(f"tw{q}_rp"), quarter=q)
                self.budget(node, n, "realisasi", row.get("realisasi_rp"))
                self.budget(node, n, "realisasi", row.get("kumulatif_rp"), cumulative=True)

    def load_pengukuran_kinerja(self) -> None:
        """Target against realisation (see the module docstring)."""
        n = _int(self.years.get("n"))
        until = _int(self.years.get("realised_until"))
        year = n or until or self.year
        cumulative = n is None and until is not None
        end = _int(self.years.get("target_akhir")) or (self.period.end_year if self.period
                                                       else None)
        current: Sasaran | None = None
        for row in self.table.rows:
            if row.get("sasaran").strip():
                current = self.sasaran(row.get("sasaran"))
            name = row.get("indikator").strip()
            if row.level in NODE_LEVELS:
                node = self.node(row)
                ind = self.indicator(name, row.get("satuan"), node=node) if name else None
            elif row.level == "indikator":
                owner = self.node_ancestor(row)
                if owner is not None:
                    ind = self.indicator(name, row.get("satuan"), node=self.node(owner))
                else:
                    ind = self.indicator(name, row.get("satuan"), sasaran=current)
            else:
                continue
            if ind is None:
                continue
            unit = row.get("satuan").strip()
            self.target(ind, year, self.version, row.get("target"), unit)
            self.target(ind, end, "renstra", row.get("target_akhir"), unit)
            self.realisation(ind, year, row.get("realisasi"), unit, cumulative=cumulative,
                             note=row.get("keterangan").strip())
            self.realisation(ind, year - 1, row.get("realisasi_sebelumnya"), unit)


def infer_within_year(quarters: list[Decimal | None], year: Decimal | None) -> str:
    """The within-year rule a printed year value follows: 'sum' if it is the sum of the
    quarters, else 'last' if it is the latest value, else 'max' if it is the largest;
    'sum' when it is none of them or nothing was printed."""
    if year is None or all(q is None for q in quarters):
        return "sum"
    for rule in (indicators.WithinYear.SUM, indicators.WithinYear.LAST,
                 indicators.WithinYear.MAX):
        if indicators.year_value(quarters, rule) == year:
            return rule.value
    return "sum"


def validate(table: DocTable) -> list[str]:
    """Every reason a row of `table` cannot be used, with its row and column; [] when the
    whole table can be imported."""
    problems: list[str] = []
    kind = table.kind
    if kind not in IMPORTABLE:
        return [f"jenis tabel '{kind}' tidak dapat dimuat ke catatan (yang dapat: "
                f"{', '.join(IMPORTABLE)})"]
    sasaran_seen = False
    seen_nodes: dict[tuple[int, str, str], int] = {}
    for row in table.rows:
        where = f"baris {row.number}"
        if row.level not in LEVELS:
            shown = row.level or "(kosong)"
            problems.append(f"{where}, kolom level: tingkat '{shown}' tidak dikenal "
                            f"(yang dikenal: {', '.join(LEVELS)})")
            continue
        if row.get("sasaran").strip():
            sasaran_seen = True
        if row.level in NODE_LEVELS:
            if not row.get("uraian").strip() and not row.get("kode").strip():
                problems.append(f"{where}, kolom uraian: nama {row.level.replace('_', ' ')} "
                                "kosong dan tidak ada kode")
                continue
            parent = next((a for a in row.ancestors() if a.level in NODE_LEVELS), None)
            ident = (id(parent), row.level, keys.name_key(row.get("uraian")))
            if row.get("uraian").strip() and ident in seen_nodes:
                problems.append(
                    f"{where}, kolom uraian: {row.level.replace('_', ' ')} "
                    f"'{row.get('uraian').strip()}' sudah ada di baris {seen_nodes[ident]} "
                    "di bawah induk yang sama")
            seen_nodes.setdefault(ident, row.number)
        elif row.level == "indikator":
            if not row.get("indikator").strip():
                problems.append(f"{where}, kolom indikator: baris indikator tanpa nama "
                                "indikator")
                continue
            has_node = any(a.level in NODE_LEVELS for a in row.ancestors())
            if not has_node and not (kind == "pengukuran_kinerja" and sasaran_seen):
                problems.append(f"{where}, kolom level: baris indikator tidak berada di bawah "
                                "program, kegiatan, sub kegiatan atau sasaran")
    return problems


def import_table(path: str | Path, agency: Agency, year: int, version: str | None = None,
                 user: Any = None, settings: AuditSettings | None = None) -> ImportResult:
    """Import the document table at `path` into `agency`'s record, all or nothing.

    Raises `ImportRejected` (with every reason) for a file that is not a usable document table
    or has an unusable row; `kinerja.store.permissions.Denied` when `user` may not import."""
    from kinerja.store import permissions

    if user is not None:
        permissions.require(user, "import", agency)
    p = Path(path)
    try:
        table = read_table(p)
    except DocTableError as exc:
        raise ImportRejected(str(p), [str(exc)]) from None
    if table.kind in IMPORTABLE:
        version = version or DEFAULT_VERSION[table.kind]
    if version is not None and version not in VERSIONS:
        raise ImportRejected(str(p), [f"versi '{version}' tidak dikenal (yang dikenal: "
                                      f"{', '.join(VERSIONS)})"])
    problems = validate(table)
    if problems:
        raise ImportRejected(str(p), problems)
    assert version is not None
    findings = audit_table(table, settings or AuditSettings())
    title = str(table.meta.get("title") or p.name)[:500]
    sha = _fingerprint(p, year, version)
    existing = Import.objects.filter(agency=agency, kind=table.kind, title=title, year=year,
                                     version=version).first()
    if existing is not None and existing.sha256 == sha:
        return ImportResult(existing, "tidak berubah", findings)
    actor_name = getattr(user, "username", "") or auditing.current_actor()[1] or "cli"
    with transaction.atomic(), auditing.acting_as(user, actor_name):
        if existing is None:
            imp = Import.objects.create(
                agency=agency, kind=table.kind, title=title, file_name=p.name, year=year,
                version=version, sha256=sha, row_count=len(table.rows),
                imported_by=user if getattr(user, "pk", None) else None,
                imported_at=timezone.now(), meta=_plain_meta(table.meta))
            status = "baru"
        else:
            imp = existing
            imp.file_name = p.name
            imp.sha256 = sha
            imp.row_count = len(table.rows)
            imp.imported_by = user if getattr(user, "pk", None) else None
            imp.imported_at = timezone.now()
            imp.meta = _plain_meta(table.meta)
            imp.save()
            status = "diperbarui"
        loader = _Loader(agency, table, year, version, imp, user)
        loader.load()
        _store_findings(imp, findings)
    counts = {m.__name__: len(ids) for m, ids in loader.touched.items()}
    return ImportResult(imp, status, findings, counts)


def _plain_meta(meta: Any) -> Any:
    """The meta data in a JSON-safe form (dates as text)."""
    if isinstance(meta, dict):
        return {str(k): _plain_meta(v) for k, v in meta.items()}
    if isinstance(meta, list | tuple):
        return [_plain_meta(v) for v in meta]
    if meta is None or isinstance(meta, bool | int | str):
        return meta
    return str(meta)


def _store_findings(imp: Import, findings: list[Finding]) -> None:
    """Replace the import's stored findings when they differ from `findings`."""
    want = [(f.row, f.column, f.rule, f.severity, f.printed, f.expected, f.message)
            for f in findings]
    have = list(ImportFinding.objects.filter(source=imp).order_by("id").values_list(
        "row", "column", "rule", "severity", "printed", "expected", "message"))
    if have == want:
        return
    ImportFinding.objects.filter(source=imp).delete()
    ImportFinding.objects.bulk_create(
        ImportFinding(source=imp, row=r, column=c, rule=u, severity=s, printed=pr, expected=e,
                      message=m)
        for r, c, u, s, pr, e, m in want)
