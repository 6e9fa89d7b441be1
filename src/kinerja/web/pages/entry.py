"""The entry grid: a unit's indicators and sub kegiatan for one quarter, and the saving of one
value with the optimistic-concurrency rule.

The value shown in a cell is the one entered in the application (a row without import source)
if there is one, else the one of the most recent import. A save writes the entered row
(creating it when needed), so an imported document keeps its own numbers.

The conflict rule: every cell carries the value (and note) it was loaded with, `base`. A save is
refused when the value stored now is no longer `base`: someone else changed it meanwhile. The
answer names who changed it, when and to what, beside the value the user typed; the user then
takes the stored value or saves their own again (now knowingly, with the stored value as base).
Nothing is overwritten silently. Every change goes through the audit trail
(`kinerja.store.signals`), recorded as made by the user (`auditing.acting_as`).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core import numbers
from kinerja.core.achievement import achievement
from kinerja.core.budget import serapan
from kinerja.core.indicators import Polarity, WithinYear, year_value
from kinerja.core.scales import PERMENDAGRI_86
from kinerja.store import auditing, permissions
from kinerja.store.models import AuditLog, BudgetLine, Indicator, Node, Realisation, Target
from kinerja.web.pages.dashboard import PAGU_STAGES, TARGET_VERSIONS

#: one writer at a time on SQLite (which has no row locks): the check and the write of a value
#: must not interleave with another request's
_SQLITE_WRITE = threading.Lock()

EVIDENCE_TYPES = (".pdf", ".jpg", ".jpeg", ".png", ".xlsx", ".xls", ".docx", ".doc", ".csv",
                  ".odt", ".ods", ".zip")
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
#: decimals a value may have: an indicator value keeps 6, money 2
DECIMALS = {"realisation": 6, "budget": 2}
MAX_INTEGER_DIGITS = {"realisation": 18, "budget": 18}


class EntryError(ValueError):
    """A value the user typed that cannot be saved; str() is the message in Bahasa
    Indonesia."""


def canonical(value: Decimal | None) -> str:
    """The exact text of a value that a cell carries as its base ('' for none): `12`, `12.5`."""
    if value is None:
        return ""
    normal = value.normalize()
    if normal == normal.to_integral_value():
        return format(normal.quantize(Decimal(1)), "f")
    return format(normal, "f")


def display(value: Decimal | None, kind: str = "realisation") -> str:
    """A value as an Indonesian input shows it: `12,5`, `150.000.000`."""
    if value is None:
        return ""
    if kind == "budget":
        return numbers.format_money(value)
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    places = max(-exponent, 0) if isinstance(exponent, int) else 0
    return numbers.format_number(value, min(places, 6))


def read_value(text: str, kind: str = "realisation") -> Decimal | None:
    """The value of what the user typed, in Indonesian format (`1.234.567,89`); None for an
    empty cell. Raises `EntryError` with a clear Indonesian message otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    parsed = numbers.parse(text, numbers.Convention.ID)
    if parsed.is_empty:
        return None
    if not parsed.ok or parsed.value is None:
        raise EntryError(_("'%(text)s' bukan angka. Tulis angka dengan format Indonesia, "
                           "misalnya 1.234.567,89 (titik pemisah ribuan, koma desimal).")
                         % {"text": text})
    flags = set(parsed.flags)
    if flags & {"dot_decimal", "other_convention"}:
        raise EntryError(_("'%(text)s' memakai titik sebagai tanda desimal. Gunakan koma untuk "
                           "desimal dan titik untuk ribuan, misalnya 12,5 atau 1.250.")
                         % {"text": text})
    if flags & {"typo", "spacing"}:
        raise EntryError(_("'%(text)s' bukan angka yang sah: periksa tanda titik dan koma.")
                         % {"text": text})
    if parsed.grade:
        raise EntryError(_("'%(text)s' berisi predikat; isi angkanya saja.") % {"text": text})
    if kind == "realisation" and "currency" in flags:
        raise EntryError(_("Realisasi indikator diisi tanpa 'Rp'."))
    value = parsed.value
    if value < 0:
        raise EntryError(_("Nilai tidak boleh negatif."))
    places = DECIMALS[kind]
    if (parsed.decimals or 0) > places:
        raise EntryError(_("Paling banyak %(n)d angka di belakang koma.") % {"n": places})
    if value.adjusted() >= MAX_INTEGER_DIGITS[kind]:
        raise EntryError(_("Angka terlalu besar."))
    return value


def pick(rows: Iterable[Any]) -> Any:
    """The row the application shows: the one entered in the application (no import source),
    else the one of the most recent import; None when there is none."""
    rows = list(rows)
    entered = [r for r in rows if r.source_id is None]
    if entered:
        return max(entered, key=lambda r: r.pk)
    return max(rows, key=lambda r: r.source_id) if rows else None


def _year_target(targets: list[Target]) -> Target | None:
    for version in TARGET_VERSIONS:
        found = pick(t for t in targets if t.version == version and t.value is not None)
        if found is not None:
            return found
    return None


# --- the grid ---------------------------------------------------------------------------


@dataclass
class Cell:
    """An indicator row of the grid."""

    indicator: Indicator
    target: Target | None
    quarter_target: Target | None
    current: Realisation | None
    cumulative: Decimal | None
    achievement: Decimal | None
    band: Any
    editable: bool

    @property
    def base(self) -> str:
        """The value the cell was loaded with."""
        return canonical(self.current.value if self.current else None)

    @property
    def shown(self) -> str:
        """The value as the input shows it."""
        return display(self.current.value if self.current else None)

    @property
    def note(self) -> str:
        """The note of the shown realisation."""
        return self.current.note if self.current else ""


@dataclass
class BudgetCell:
    """The budget row of a sub kegiatan."""

    node: Node
    pagu: BudgetLine | None
    current: BudgetLine | None
    cumulative: Decimal | None
    absorption: Decimal | None
    editable: bool

    @property
    def base(self) -> str:
        """The amount the cell was loaded with."""
        return canonical(self.current.amount if self.current else None)

    @property
    def shown(self) -> str:
        """The amount as the input shows it."""
        return display(self.current.amount if self.current else None, "budget")


@dataclass
class Group:
    """A sasaran or a plan node with its rows."""

    title: str
    code: str
    level: str
    cells: list[Cell] = field(default_factory=list)
    budget: BudgetCell | None = None


def _tree(nodes: list[Node]) -> list[Node]:
    kids: dict[int | None, list[Node]] = defaultdict(list)
    for n in sorted(nodes, key=lambda n: (n.position, n.pk)):
        kids[n.parent_id].append(n)
    out: list[Node] = []

    def walk(parent: int | None) -> None:
        for n in kids.get(parent, []):
            out.append(n)
            walk(n.pk)

    walk(None)
    return out


def _cumulative(rows_by_quarter: dict[int, list[Any]], quarter: int, rule: WithinYear,
                attr: str) -> Decimal | None:
    values = []
    for q in range(1, quarter + 1):
        row = pick(rows_by_quarter.get(q, []))
        values.append(getattr(row, attr) if row is not None else None)
    if any(v is not None for v in values):
        return year_value(values, rule)
    if quarter == 4 and not any(rows_by_quarter.get(q) for q in (1, 2, 3, 4)):
        row = pick(rows_by_quarter.get(0, []))
        return getattr(row, attr) if row is not None else None
    return None


def indicator_figures(ind: Indicator, year: int, quarter: int,
                      targets: list[Target] | None = None,
                      realisations: list[Realisation] | None = None
                      ) -> tuple[Target | None, Decimal | None, Decimal | None, Any]:
    """(year target, realisation s/d quarter, achievement, band) of one indicator."""
    if targets is None:
        targets = list(Target.objects.filter(indicator=ind, year=year, quarter=0))
    if realisations is None:
        realisations = list(Realisation.objects.filter(indicator=ind, year=year,
                                                       cumulative=False))
    by_q: dict[int, list[Realisation]] = defaultdict(list)
    for r in realisations:
        if r.value is not None:
            by_q[r.quarter].append(r)
    target = _year_target([t for t in targets if t.quarter == 0])
    cumulative = _cumulative(by_q, quarter, WithinYear(ind.within_year), "value")
    result = achievement(target.value if target else None, cumulative, Polarity(ind.polarity))
    band = PERMENDAGRI_86.classify(result.value) if result.value is not None else None
    return target, cumulative, result.value, band


def budget_figures(node: Node, year: int, quarter: int,
                   lines: list[BudgetLine] | None = None
                   ) -> tuple[BudgetLine | None, Decimal | None, Decimal | None]:
    """(pagu line, realisation s/d quarter, absorption) of a sub kegiatan."""
    if lines is None:
        lines = list(BudgetLine.objects.filter(node=node, year=year, cumulative=False))
    pagu_line = None
    for stage in PAGU_STAGES:
        pagu_line = pick(b for b in lines if b.stage == stage and b.quarter == 0
                         and b.amount is not None)
        if pagu_line is not None:
            break
    by_q: dict[int, list[BudgetLine]] = defaultdict(list)
    for b in lines:
        if b.stage == "realisasi" and b.amount is not None:
            by_q[b.quarter].append(b)
    spent = _cumulative(by_q, quarter, WithinYear.SUM, "amount")
    return pagu_line, spent, serapan(spent, pagu_line.amount if pagu_line else None)


def can_edit_budget(user: Any, node: Node) -> bool:
    """May `user` enter the budget realisation of `node`? Whoever may enter realisations for
    the agency, and a bidang for the sub kegiatan whose indicators its unit reports."""
    if permissions.can(user, "edit_realisation", node):
        return True
    return any(permissions.can(user, "edit_realisation", ind) for ind in node.indicators.all())


def grid(user: Any, agency: Any, year: int, quarter: int) -> tuple[list[Group], bool]:
    """The groups of the grid and whether the user may edit anything in it. A user who may
    edit sees the indicators they may edit (a bidang: its unit's); a user who may only read
    sees every indicator, read-only."""
    base = Indicator.objects.filter(agency=agency).select_related("responsible_unit")
    editable_qs = permissions.scope(user, base, "edit_realisation")
    editable_ids = set(editable_qs.values_list("pk", flat=True))
    indicators = list(editable_qs if editable_ids else permissions.scope(user, base, "view"))
    ids = [i.pk for i in indicators]
    targets: dict[int, list[Target]] = defaultdict(list)
    for t in Target.objects.filter(indicator_id__in=ids, year=year):
        targets[t.indicator_id].append(t)
    realisations: dict[int, list[Realisation]] = defaultdict(list)
    for r in Realisation.objects.filter(indicator_id__in=ids, year=year, cumulative=False):
        realisations[r.indicator_id].append(r)

    def cell(ind: Indicator) -> Cell | None:
        ts, rs = targets.get(ind.pk, []), realisations.get(ind.pk, [])
        if not ts and not rs:
            return None
        target, cumulative, value, band = indicator_figures(ind, year, quarter, ts, rs)
        quarter_target = _year_target([t for t in ts if t.quarter == quarter])
        current = pick(r for r in rs if r.quarter == quarter)
        return Cell(ind, target, quarter_target, current, cumulative, value, band,
                    ind.pk in editable_ids)

    groups: list[Group] = []
    by_sasaran: dict[int, list[Indicator]] = defaultdict(list)
    by_node: dict[int, list[Indicator]] = defaultdict(list)
    for ind in sorted(indicators, key=lambda i: (i.position, i.pk)):
        if ind.node_id is not None:
            by_node[ind.node_id].append(ind)
        elif ind.sasaran_id is not None:
            by_sasaran[ind.sasaran_id].append(ind)
    for s in agency.sasaran.order_by("position", "pk"):
        cells = [c for c in (cell(i) for i in by_sasaran.get(s.pk, [])) if c]
        if cells:
            groups.append(Group(s.name, "", "sasaran", cells))
    nodes = _tree(list(Node.objects.filter(agency=agency).prefetch_related("indicators")))
    leaves = {n.pk for n in nodes} - {n.parent_id for n in nodes if n.parent_id}
    lines: dict[int, list[BudgetLine]] = defaultdict(list)
    for b in BudgetLine.objects.filter(node__agency=agency, year=year, cumulative=False):
        lines[b.node_id].append(b)
    any_editable = bool(editable_ids)
    for node in nodes:
        cells = [c for c in (cell(i) for i in by_node.get(node.pk, [])) if c]
        budget = None
        if node.pk in leaves and lines.get(node.pk):
            pagu_line, spent, absorption = budget_figures(node, year, quarter, lines[node.pk])
            editable = can_edit_budget(user, node)
            if pagu_line is not None and (editable or not any_editable):
                current = pick(b for b in lines[node.pk]
                               if b.stage == "realisasi" and b.quarter == quarter)
                budget = BudgetCell(node, pagu_line, current, spent, absorption, editable)
                any_editable = any_editable or editable
        if cells or budget:
            groups.append(Group(node.name, node.code or node.printed_code, node.level, cells,
                                budget))
    return groups, any_editable


# --- saving one value ---------------------------------------------------------------------


@dataclass
class Outcome:
    """The answer to a save: `status` 'ok', 'conflict' or 'error', and the JSON body."""

    status: str
    body: dict[str, Any]

    @property
    def http_status(self) -> int:
        """200, 409 (conflict) or 400 (error)."""
        return {"ok": 200, "conflict": 409}.get(self.status, 400)


def _when(at: Any) -> str:
    if at is None:
        return ""
    local = timezone.localtime(at)
    return local.strftime("%d/%m/%Y %H:%M")


def _last_change(model: str, pk: int | None) -> tuple[str, Any]:
    if pk is None:
        return "", None
    entry = AuditLog.objects.filter(model=model, object_id=str(pk)).order_by("-at", "-id").first()
    if entry is None:
        return "", None
    return entry.actor_name, entry.at


def _check_evidence(upload: Any) -> None:
    if upload is None:
        return
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix not in EVIDENCE_TYPES:
        raise EntryError(_("Jenis berkas bukti %(ext)s tidak diterima. Gunakan PDF, gambar "
                           "(JPG/PNG) atau dokumen kantor.") % {"ext": suffix or "?"})
    if upload.size > EVIDENCE_MAX_BYTES:
        raise EntryError(_("Berkas bukti terlalu besar (paling besar 10 MB)."))


def _conflict(kind: str, field_name: str, stored: str, stored_display: str, mine_display: str,
              by: str, at: Any) -> Outcome:
    who = by or _("pengguna lain")
    when = _when(at)
    what = _("Catatan ini") if field_name == "note" else _("Nilai ini")
    if when:
        message = _("%(what)s sudah diubah oleh %(who)s pada %(when)s menjadi %(theirs)s; "
                    "nilai Anda %(mine)s — pilih salah satu.")
    else:
        message = _("%(what)s sudah diubah oleh %(who)s menjadi %(theirs)s; nilai Anda "
                    "%(mine)s — pilih salah satu.")
    message = message % {"what": what, "who": who, "when": when,
                         "theirs": stored_display or _("(kosong)"),
                         "mine": mine_display or _("(kosong)")}
    return Outcome("conflict", {
        "ok": False, "conflict": True, "field": field_name, "message": message,
        "theirs": stored, "theirs_display": stored_display, "mine_display": mine_display,
        "by": who, "at": when, "kind": kind,
    })


def _locked() -> Any:
    if connection.vendor == "sqlite":
        return _SQLITE_WRITE
    return _NullLock()


class _NullLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> None:
        return None


def save_realisation(user: Any, agency: Any, indicator_id: int, year: int, quarter: int,
                     text: str, base: str, note: str | None = None, note_base: str = "",
                     evidence: Any = None, evidence_link: str | None = None) -> Outcome:
    """Save the realisation of an indicator for a quarter as `user` (see the module
    docstring for the conflict rule)."""
    indicator = Indicator.objects.filter(pk=indicator_id, agency=agency).first()
    if indicator is None:
        return Outcome("error", {"ok": False, "error": _("Indikator tidak ditemukan.")})
    permissions.require(user, "edit_realisation", indicator)
    try:
        value = read_value(text, "realisation")
        _check_evidence(evidence)
    except EntryError as exc:
        return Outcome("error", {"ok": False, "error": str(exc)})
    with _locked(), transaction.atomic():
        Indicator.objects.select_for_update().filter(pk=indicator.pk).first()
        rows = list(Realisation.objects.filter(indicator=indicator, year=year, quarter=quarter,
                                               cumulative=False))
        shown = pick(rows)
        stored = canonical(shown.value if shown else None)
        entered = pick(r for r in rows if r.source_id is None)
        mine = canonical(value)
        if stored != base and mine != stored:
            by, at = _last_change("realisation", shown.pk if shown else None)
            if not by and shown is not None and shown.reported_by_id:
                by, at = shown.reported_by.get_username(), shown.reported_at
            return _conflict("realisation", "value", stored,
                             display(shown.value if shown else None), display(value), by, at)
        stored_note = shown.note if shown else ""
        if note is not None and note != note_base and stored_note != note_base \
                and note != stored_note:
            by, at = _last_change("realisation", shown.pk if shown else None)
            return _conflict("realisation", "note", stored_note, stored_note, note, by, at)
        changed = (mine != stored or (note is not None and note != stored_note)
                   or evidence is not None
                   or (evidence_link is not None and entered is not None
                       and evidence_link != entered.evidence_link)
                   or (evidence_link and entered is None))
        row = entered
        if changed:
            with auditing.acting_as(user):
                if row is None:
                    row = Realisation(indicator=indicator, year=year, quarter=quarter,
                                      cumulative=False, unit=indicator.unit,
                                      note=stored_note)
                row.value = value
                row.printed = display(value)
                if note is not None:
                    row.note = note
                if evidence_link is not None:
                    row.evidence_link = evidence_link
                if evidence is not None:
                    row.evidence_file.save(PurePath(evidence.name).name, evidence, save=False)
                row.reported_by = user
                row.reported_at = timezone.now()
                row.save()
    target, cumulative, result, band = indicator_figures(indicator, year, quarter)
    return Outcome("ok", {
        "ok": True, "changed": bool(changed), "value": canonical(value),
        "display": display(value),
        "note": row.note if row else (note or ""),
        "evidence": _evidence(row), "history": _history_url("realisasi", row),
        "cumulative": display(cumulative),
        "achievement": numbers.format_percent(result) if result is not None else "–",
        "band": {"code": band.code, "label": band.label} if band else None,
        "by": user.get_username(), "at": _when(timezone.now()),
    })


def save_budget(user: Any, agency: Any, node_id: int, year: int, quarter: int, text: str,
                base: str) -> Outcome:
    """Save the budget realisation of a sub kegiatan for a quarter as `user`."""
    node = Node.objects.filter(pk=node_id, agency=agency).first()
    if node is None:
        return Outcome("error", {"ok": False, "error": _("Sub kegiatan tidak ditemukan.")})
    if not can_edit_budget(user, node):
        raise permissions.Denied(_("Anda tidak berwenang mengisi realisasi anggaran ini."))
    try:
        value = read_value(text, "budget")
    except EntryError as exc:
        return Outcome("error", {"ok": False, "error": str(exc)})
    with _locked(), transaction.atomic():
        Node.objects.select_for_update().filter(pk=node.pk).first()
        rows = list(BudgetLine.objects.filter(node=node, year=year, stage="realisasi",
                                              quarter=quarter, cumulative=False))
        shown = pick(rows)
        stored = canonical(shown.amount if shown else None)
        mine = canonical(value)
        if stored != base and mine != stored:
            by, at = _last_change("budgetline", shown.pk if shown else None)
            return _conflict("budget", "value", stored,
                             display(shown.amount if shown else None, "budget"),
                             display(value, "budget"), by, at)
        row = pick(r for r in rows if r.source_id is None)
        if mine != stored:
            with auditing.acting_as(user):
                if row is None:
                    row = BudgetLine(node=node, year=year, stage="realisasi", quarter=quarter)
                row.amount = value
                row.printed = display(value, "budget")
                row.save()
    pagu_line, spent, absorption = budget_figures(node, year, quarter)
    return Outcome("ok", {
        "ok": True, "changed": mine != stored, "value": mine,
        "display": display(value, "budget"), "history": _history_url("anggaran", row),
        "cumulative": display(spent, "budget"),
        "achievement": numbers.format_percent(absorption) if absorption is not None else "–",
        "band": None, "by": user.get_username(), "at": _when(timezone.now()),
    })


def _evidence(row: Realisation | None) -> dict[str, str] | None:
    from django.urls import reverse

    if row is None or not (row.evidence_file or row.evidence_link):
        return None
    if row.evidence_file:
        return {"name": PurePath(row.evidence_file.name).name,
                "url": reverse("pages:bukti", kwargs={"pk": row.pk})}
    return {"name": row.evidence_link, "url": row.evidence_link}


def _history_url(model: str, row: Any) -> str:
    from django.urls import reverse

    if row is None or row.pk is None:
        return ""
    return reverse("pages:riwayat", kwargs={"model": model, "pk": row.pk})
