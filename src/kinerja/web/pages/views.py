"""The main pages: landing, government overview, agency beranda, entry grid with its save
endpoint, history of a figure and the download of an evidence file.

Every view asks the permission layer (`kinerja.store.permissions`): a page of an agency needs
`view` on it, a save needs `edit_realisation` on the indicator (a bidang: only its unit's), a
government overview needs `view` on the government. A refusal raises `Denied`, which the
middleware shows as the Indonesian 403 page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kinerja.store import permissions
from kinerja.store.models import (
    Agency,
    AuditLog,
    BudgetLine,
    Document,
    Government,
    Indicator,
    Membership,
    Node,
    Realisation,
    Target,
)
from kinerja.store.queries import load_record
from kinerja.web.pages import charts, dashboard, deadlines, entry

QUARTER_NAMES = {1: "TW I", 2: "TW II", 3: "TW III", 4: "TW IV"}


def _int(value: Any, low: int, high: int) -> int | None:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def _period(request: HttpRequest, default: tuple[int, int]) -> tuple[int, int]:
    """(year, quarter) from `?tahun=&triwulan=`, else the default."""
    year = _int(request.GET.get("tahun"), 2000, 2100) or default[0]
    quarter = _int(request.GET.get("triwulan"), 1, 4) or default[1]
    return year, quarter


def _agency(request: HttpRequest, slug: str, action: str = "view") -> Agency:
    agency = get_object_or_404(Agency.objects.select_related("government"), slug=slug)
    if not permissions.can(request.user, action, agency):
        raise permissions.Denied(
            _("Anda tidak berwenang membuka halaman %(agency)s.") % {"agency": agency.name})
    return agency


def _year_choices(years: list[int], year: int) -> list[int]:
    return sorted(set(years) | {year}, reverse=True)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Landing: a user of one agency goes to its beranda, Bappeda, Inspektorat and the admin
    of a government to its overview, a system administrator to the list of governments."""
    user = request.user
    memberships = list(Membership.objects.filter(user=user).select_related("agency"))
    if user.is_superuser or any(m.role in Membership.GOVERNMENT_ROLES for m in memberships):
        return redirect("pages:ringkasan")
    agencies = [m.agency for m in memberships if m.agency is not None]
    if agencies:
        return redirect("pages:beranda", slug=agencies[0].slug)
    return render(request, "kinerja/pages/no_role.html", status=200)


@login_required
def ringkasan(request: HttpRequest) -> HttpResponse:
    """The overview entry point: the user's government, or a choice when there are several."""
    governments = list(permissions.scope(request.user, Government.objects.all()))
    if not request.user.is_superuser:
        overseen = set(Membership.objects.filter(
            user=request.user, role__in=Membership.GOVERNMENT_ROLES).values_list(
            "government_id", flat=True))
        governments = [g for g in governments if g.pk in overseen]
    if len(governments) == 1:
        return redirect(_with_query(reverse("pages:pemda", kwargs={"pk": governments[0].pk}),
                                    request))
    if not governments:
        raise permissions.Denied(_("Ringkasan pemda hanya untuk Bappeda, Inspektorat dan admin "
                                   "pemda."))
    return render(request, "kinerja/pages/governments.html", {"governments": governments})


def _with_query(url: str, request: HttpRequest) -> str:
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@login_required
def pemda(request: HttpRequest, pk: int) -> HttpResponse:
    """Every agency of a government ranked by achievement or by absorption, with the
    predicate, for a year and quarter."""
    government = get_object_or_404(Government, pk=pk)
    overseer = request.user.is_superuser or Membership.objects.filter(
        user=request.user, government=government,
        role__in=Membership.GOVERNMENT_ROLES).exists()
    if not (overseer and permissions.can(request.user, "view", government)):
        raise permissions.Denied(
            _("Anda tidak berwenang membuka ringkasan %(gov)s.") % {"gov": government.name})
    agencies = list(permissions.scope(request.user, government.agencies.all()))
    records = [(a, load_record(a)) for a in agencies]
    defaults = [dashboard.default_period(r) for _, r in records]
    default = max(defaults) if defaults else (dt.date.today().year, 4)
    year, quarter = _period(request, default)
    rows = []
    years: set[int] = set()
    for agency, record in records:
        years.update(record.years())
        board = dashboard.build(record, year, quarter, with_missing=False)
        rows.append({"agency": agency, "board": board})
    order = request.GET.get("urut") or "capaian"
    if order not in ("capaian", "serapan", "nama"):
        order = "capaian"
    for key, attr in (("rank_capaian", "achievement"), ("rank_serapan", "absorption")):
        ranked = sorted((r for r in rows if getattr(r["board"], attr) is not None),
                        key=lambda r, a=attr: -getattr(r["board"], a))
        for i, r in enumerate(ranked, 1):
            r[key] = i
    if order == "nama":
        rows.sort(key=lambda r: r["agency"].name)
    else:
        attr = "achievement" if order == "capaian" else "absorption"
        rows.sort(key=lambda r: (getattr(r["board"], attr) is None,
                                 -(getattr(r["board"], attr) or 0), r["agency"].name))
    return render(request, "kinerja/pages/pemda.html", {
        "government": government, "rows": rows, "year": year, "quarter": quarter,
        "years": _year_choices(sorted(years), year), "quarters": QUARTER_NAMES, "order": order,
    })


def _indicator_pks(agency: Agency) -> dict[str, int]:
    return dict(Indicator.objects.filter(agency=agency).values_list("key", "pk"))


@login_required
def beranda(request: HttpRequest, slug: str) -> HttpResponse:
    """The beranda of an agency: indicators with achievement and predicate, sasaran averages,
    budget absorption per program, the quarter chart, what is still missing and by which
    unit, and the year's deadlines."""
    agency = _agency(request, slug)
    record = load_record(agency)
    year, quarter = _period(request, dashboard.default_period(record))
    board = dashboard.build(record, year, quarter, _indicator_pks(agency))
    finals = set(Document.objects.filter(agency=agency, year=year, status="final")
                 .values_list("kind", flat=True))
    complete = {q: not dashboard.missing_for(record, year, q) for q in (1, 2, 3, 4)}
    today = dt.date.today()
    items = [(d, d.state(today)) for d in deadlines.of_year(year, finals, complete.__getitem__)]
    chart = charts.quarter_bars(board.series, (_("Capaian kinerja"), _("Serapan anggaran")),
                                _("Capaian kinerja dan serapan anggaran per triwulan %(year)d")
                                % {"year": year})
    can_enter = permissions.can(request.user, "edit_realisation", agency) or (
        Membership.objects.filter(user=request.user, role="bidang", agency=agency).exists())
    return render(request, "kinerja/pages/beranda.html", {
        "agency": agency, "board": board, "year": year, "quarter": quarter,
        "years": _year_choices(record.years(), year), "quarters": QUARTER_NAMES,
        "chart": chart, "deadlines": items, "can_enter": can_enter, "today": today,
        "missing_total": sum(m.count for m in board.missing),
    })


@login_required
@require_GET
def isian(request: HttpRequest, slug: str) -> HttpResponse:
    """The entry grid of a quarter: realisation, note and evidence per indicator, budget
    realisation per sub kegiatan, each saved on its own without reloading the page."""
    agency = _agency(request, slug)
    record = load_record(agency)
    year, quarter = _period(request, dashboard.default_period(record))
    groups, editable = entry.grid(request.user, agency, year, quarter)
    unit_names = sorted({m.unit.name for m in Membership.objects.filter(
        user=request.user, agency=agency, role="bidang").select_related("unit") if m.unit})
    return render(request, "kinerja/pages/isian.html", {
        "agency": agency, "groups": groups, "editable": editable, "year": year,
        "quarter": quarter, "years": _year_choices(record.years(), year),
        "quarters": QUARTER_NAMES, "unit_names": unit_names,
        "save_url": reverse("pages:simpan", kwargs={"slug": agency.slug}),
    })


@login_required
@require_POST
def simpan(request: HttpRequest, slug: str) -> JsonResponse:
    """Save one cell of the grid (fetch POST, multipart); answers JSON: 200 saved, 409
    conflict (with both values), 400 invalid input (with the message)."""
    agency = _agency(request, slug)
    data = request.POST
    year = _int(data.get("year"), 2000, 2100)
    quarter = _int(data.get("quarter"), 1, 4)
    target_id = _int(data.get("id"), 1, 2**62)
    kind = data.get("kind")
    if year is None or quarter is None or target_id is None or kind not in (
            "realisation", "budget"):
        return JsonResponse({"ok": False, "error": _("Permintaan tidak lengkap.")}, status=400)
    if kind == "realisation":
        outcome = entry.save_realisation(
            request.user, agency, target_id, year, quarter, data.get("value", ""),
            data.get("base", ""), note=data.get("note"), note_base=data.get("note_base", ""),
            evidence=request.FILES.get("evidence"),
            evidence_link=data.get("evidence_link"))
    else:
        outcome = entry.save_budget(request.user, agency, target_id, year, quarter,
                                    data.get("value", ""), data.get("base", ""))
    return JsonResponse(outcome.body, status=outcome.http_status)


#: URL name of a figure -> (model, audit-log model name, label)
HISTORY_MODELS: dict[str, tuple[Any, str, str]] = {
    "target": (Target, "target", "Target"),
    "realisasi": (Realisation, "realisation", "Realisasi"),
    "anggaran": (BudgetLine, "budgetline", "Anggaran"),
}


@login_required
def riwayat(request: HttpRequest, model: str, pk: int) -> HttpResponse:
    """Who changed a target, realisation or budget figure, when, and from what to what."""
    if model not in HISTORY_MODELS:
        raise Http404(_("Jenis data tidak dikenal."))
    cls, log_name, label = HISTORY_MODELS[model]
    obj = cls.objects.filter(pk=pk).first()
    entries = list(AuditLog.objects.filter(model=log_name, object_id=str(pk))
                   .select_related("agency").order_by("-at", "-id"))
    agency = obj.agency if obj is not None else next((e.agency for e in entries if e.agency),
                                                     None)
    if agency is None:
        raise Http404(_("Data tidak ditemukan."))
    if not permissions.can(request.user, "view", agency):
        raise permissions.Denied(
            _("Anda tidak berwenang membuka riwayat data %(agency)s.") % {"agency": agency.name})
    field = "amount" if model == "anggaran" else "value"
    rows = []
    for e in entries:
        before = (e.before or {}).get(field)
        after = (e.after or {}).get(field)
        notes = []
        if model == "realisasi":
            b_note, a_note = (e.before or {}).get("note", ""), (e.after or {}).get("note", "")
            if (b_note or "") != (a_note or ""):
                notes.append(_("catatan: “%(before)s” → “%(after)s”")
                             % {"before": b_note or "", "after": a_note or ""})
            b_file = (e.before or {}).get("evidence_file", "")
            a_file = (e.after or {}).get("evidence_file", "")
            if (b_file or "") != (a_file or ""):
                notes.append(_("berkas bukti diganti"))
        rows.append({"entry": e, "before": _num(before), "after": _num(after),
                     "notes": notes})
    context: dict[str, Any] = {"obj": obj, "label": label, "model": model, "rows": rows,
                               "agency": agency, "money": model == "anggaran"}
    if obj is not None:
        context["subject"] = _subject(model, obj)
        context["back"] = reverse("pages:isian", kwargs={"slug": agency.slug}) + (
            f"?tahun={obj.year}&triwulan={obj.quarter or 4}")
    else:
        context["subject"] = entries[0].object_repr if entries else ""
    return render(request, "kinerja/pages/riwayat.html", context)


def _num(value: Any) -> Any:
    from decimal import Decimal, InvalidOperation

    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return value


def _subject(model: str, obj: Any) -> dict[str, Any]:
    if model == "anggaran":
        node: Node = obj.node
        return {"name": f"{node.code or node.printed_code} {node.name}".strip(),
                "detail": f"{obj.get_stage_display()} {obj.year}"
                          + (f" · {QUARTER_NAMES.get(obj.quarter, '')}" if obj.quarter else ""),
                "source": obj.source}
    detail = f"{obj.year}" + (f" · {QUARTER_NAMES.get(obj.quarter, '')}" if obj.quarter else "")
    if model == "target":
        detail += f" · {obj.get_version_display()}"
    return {"name": obj.indicator.name, "detail": detail, "source": obj.source}


@login_required
def bukti(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the evidence file of a realisation (for users who may view its agency)."""
    row = get_object_or_404(Realisation.objects.select_related("indicator__agency"), pk=pk)
    if not permissions.can(request.user, "view", row):
        raise permissions.Denied(_("Anda tidak berwenang mengunduh bukti ini."))
    if not row.evidence_file:
        raise Http404(_("Realisasi ini tidak memiliki berkas bukti."))
    name = row.evidence_file.name.rsplit("/", 1)[-1]
    return FileResponse(row.evidence_file.open("rb"), as_attachment=True, filename=name)
