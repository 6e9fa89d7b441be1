"""The plan editor: the Renstra's tujuan, sasaran and IKU; programs, kegiatan and sub kegiatan
chosen from the official nomenclature; indicators with unit, kind and polarity; targets per
year and document version; budgets per year and stage; the stakeholders' proposals of a year
(T-C.32).

Every page asks the permission layer (`view` to read, `edit_plan` to change) and every change
is written to the audit trail (`kinerja.web.plan.services`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.core import codes
from kinerja.store import keys, permissions
from kinerja.store.models import (
    Agency,
    BudgetLine,
    Indicator,
    Node,
    Period,
    Sasaran,
    StakeholderProposal,
    Target,
    Tujuan,
)
from kinerja.store.models.budget import STAGES
from kinerja.web.api.access import agency_for, require
from kinerja.web.api.services import EntryError, read_value
from kinerja.web.plan import services
from kinerja.web.plan.forms import (
    IndicatorForm,
    NodeForm,
    ProposalForm,
    SasaranForm,
    TujuanForm,
)

#: The document versions whose targets the editor shows, in the cycle's order.
TARGET_VERSIONS = [("renstra", "Renstra"), ("renja", "Renja"),
                   ("renja_perubahan", "Renja Perubahan"), ("pk", "PK"),
                   ("pk_perubahan", "PK Perubahan")]
#: The budget stages the editor shows (realisation is entered elsewhere).
BUDGET_STAGES = [(k, v) for k, v in STAGES if k != "realisasi"]


def _years(agency: Agency, extra: set[int]) -> list[int]:
    """The years to show: the latest Renstra period, else around this year, plus any year
    that has values."""
    period = Period.objects.filter(agency=agency).order_by("-end_year").first()
    if period is not None:
        years = set(range(period.start_year, period.end_year + 1))
    else:
        this = date.today().year
        years = set(range(this - 2, this + 3))
    return sorted(years | extra)


def _next_position(qs: Any) -> int:
    return int(qs.aggregate(m=Max("position"))["m"] or 0) + 1


def _edit_allowed(request: HttpRequest, agency: Agency) -> bool:
    return permissions.can(request.user, "edit_plan", agency)


# -- overview ---------------------------------------------------------------------------------


@login_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    """The agency's whole plan: tujuan → sasaran → IKU, and the program tree with its
    indicators."""
    agency = agency_for(request.user, slug)
    indicators = list(permissions.scope(request.user, Indicator.objects.filter(agency=agency))
                      .order_by("position", "pk"))
    by_node: dict[int, list[Indicator]] = {}
    by_sasaran: dict[int, list[Indicator]] = {}
    for ind in indicators:
        if ind.node_id:
            by_node.setdefault(ind.node_id, []).append(ind)
        elif ind.sasaran_id:
            by_sasaran.setdefault(ind.sasaran_id, []).append(ind)
    nodes = list(Node.objects.filter(agency=agency).order_by("position", "code", "pk"))
    children: dict[int | None, list[Node]] = {}
    for n in nodes:
        children.setdefault(n.parent_id, []).append(n)
    flat: list[dict[str, Any]] = []

    def walk(n: Node, depth: int) -> None:
        flat.append({"node": n, "depth": depth, "indicators": by_node.get(n.pk, []),
                     "can_add_child": n.level != "sub_kegiatan"})
        for c in children.get(n.pk, []):
            walk(c, depth + 1)

    for n in children.get(None, []):
        walk(n, 0)
    sasaran = list(Sasaran.objects.filter(agency=agency).order_by("position", "pk"))
    tujuan = [{"tujuan": t, "sasaran": [{"sasaran": x, "iku": by_sasaran.get(x.pk, [])}
                                        for x in sasaran if x.tujuan_id == t.pk]}
              for t in Tujuan.objects.filter(agency=agency).order_by("position", "pk")]
    loose = [{"sasaran": x, "iku": by_sasaran.get(x.pk, [])} for x in sasaran
             if x.tujuan_id is None]
    return render(request, "kinerja/plan/index.html", {
        "agency": agency, "tujuan": tujuan, "loose": loose, "tree": flat,
        "can_edit": _edit_allowed(request, agency)})


# -- nomenclature search (for the autocomplete) ---------------------------------------------


@login_required
def code_search(request: HttpRequest, slug: str) -> JsonResponse:
    """Nomenclature entries for a code or words (`q`), optionally of one level (`tingkat`)
    and under a code (`dalam`): JSON `{"hasil": [{kode, nama, tingkat, indikator, satuan}]}`."""
    agency = agency_for(request.user, slug)
    gov = agency.government.level
    q = request.GET.get("q", "").strip()
    level = request.GET.get("tingkat") or None
    within = request.GET.get("dalam") or None
    if level not in (None, "program", "kegiatan", "sub_kegiatan"):
        level = None
    found: list[codes.Entry] = []
    if q:
        exact = codes.lookup(q, gov)
        if exact is not None:
            found = [exact] + codes.children(exact.code, gov)
            found = [e for e in found if level is None or e.level == level]
        if not found:
            try:
                found = codes.search(q, gov, level=level, limit=15, within=within)
            except Exception:  # noqa: BLE001 - a malformed `within` finds nothing
                found = []
        if within:
            found = [e for e in found if e.code.startswith(within + ".")]
    return JsonResponse({"hasil": [
        {"kode": e.code, "nama": e.name, "tingkat": e.level, "indikator": e.indikator,
         "satuan": e.satuan} for e in found[:15]]})


# -- tujuan and sasaran -----------------------------------------------------------------------


def _strategy_edit(request: HttpRequest, slug: str, model: type, form_class: type,
                   pk: int | None, template: str) -> HttpResponse:
    agency = agency_for(request.user, slug, "edit_plan")
    obj = (get_object_or_404(permissions.scope(request.user, model.objects.filter(
        agency=agency)), pk=pk) if pk else model(agency=agency))
    kwargs: dict[str, Any] = {"instance": obj}
    if form_class is SasaranForm:
        kwargs["agency"] = agency
    if request.method == "POST" and "hapus" in request.POST and obj.pk:
        services.delete(request.user, obj)
        messages.success(request, _("%(what)s dihapus.") % {"what": obj.name[:80]})
        return redirect("plan:index", slug=slug)
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        if not item.pk:
            key_of = keys.tujuan_key if model is Tujuan else keys.sasaran_key
            item.key = key_of(item.name)
            item.position = _next_position(model.objects.filter(agency=agency))
        try:
            with transaction.atomic():
                services.save(request.user, item)
                if hasattr(form, "save_m2m"):
                    form.save_m2m()
        except IntegrityError:
            form.add_error("name", _("Nama ini sudah ada di Perangkat Daerah ini."))
        else:
            messages.success(request, _("Tersimpan."))
            return redirect("plan:index", slug=slug)
    return render(request, template, {"agency": agency, "form": form, "obj": obj})


@login_required
def tujuan_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Add (no pk) or change or delete a tujuan."""
    return _strategy_edit(request, slug, Tujuan, TujuanForm, pk, "kinerja/plan/tujuan.html")


@login_required
def sasaran_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Add (no pk) or change or delete a sasaran."""
    return _strategy_edit(request, slug, Sasaran, SasaranForm, pk,
                          "kinerja/plan/sasaran.html")


# -- nodes -----------------------------------------------------------------------------------


@login_required
def node_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Add a program (no `induk`), or a kegiatan or sub kegiatan under the node `induk`,
    chosen from the nomenclature."""
    agency = agency_for(request.user, slug, "edit_plan")
    parent = None
    parent_id = request.GET.get("induk") or request.POST.get("induk")
    if parent_id:
        parent = get_object_or_404(Node.objects.filter(agency=agency), pk=parent_id)
        if parent.level == "sub_kegiatan":
            raise Http404(_("Sub kegiatan tidak mempunyai tingkat di bawahnya"))
    form = NodeForm(request.POST or None, government_level=agency.government.level,
                    parent=parent)
    if request.method == "POST" and form.is_valid():
        entry = form.entry
        assert entry is not None
        local = form.cleaned_data.get("local_name", "").strip()
        name = local or entry.name
        node = Node(agency=agency, parent=parent, level=form.level or "program",
                    key=keys.node_key(parent.key if parent else None, form.level or "program",
                                      name),
                    code=entry.code, official_name=entry.name,
                    local_name="" if keys.name_key(local) == keys.name_key(entry.name)
                    else local,
                    position=_next_position(Node.objects.filter(agency=agency,
                                                                parent=parent)))
        if Node.objects.filter(agency=agency, parent=parent, code=entry.code).exists():
            form.add_error("code", _("%(code)s sudah ada di rencana ini.") % {
                "code": entry.code})
        else:
            try:
                services.save(request.user, node)
            except IntegrityError:
                form.add_error("code", _("Nama ini sudah ada di bawah induk yang sama."))
            else:
                messages.success(request, _("%(name)s ditambahkan.") % {"name": str(node)})
                return redirect("plan:node", slug=slug, pk=node.pk)
    return render(request, "kinerja/plan/node_add.html", {
        "agency": agency, "form": form, "parent": parent, "level": form.level})


@login_required
def node_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A node: its names, indicators and budget per year and stage (editable with
    `edit_plan`); deleting it removes what hangs below it."""
    agency = agency_for(request.user, slug)
    node = get_object_or_404(permissions.scope(request.user, Node.objects.filter(
        agency=agency)), pk=pk)
    can_edit = _edit_allowed(request, agency)
    if request.method == "POST":
        if not can_edit:
            require(request.user, "edit_plan", agency)
        if "hapus" in request.POST:
            parent = node.parent_id
            services.delete(request.user, node)
            messages.success(request, _("%(name)s dihapus.") % {"name": str(node)})
            if parent:
                return redirect("plan:node", slug=slug, pk=parent)
            return redirect("plan:index", slug=slug)
        if "nama" in request.POST:
            node.local_name = request.POST.get("local_name", "").strip()
            if keys.name_key(node.local_name) == keys.name_key(node.official_name):
                node.local_name = ""
            services.save(request.user, node)
            messages.success(request, _("Nama tersimpan."))
            return redirect("plan:node", slug=slug, pk=pk)
        errors = _save_grid(request, "b", [k for k, _l in BUDGET_STAGES],
                            lambda year, stage, value, text: services.set_budget(
                                request.user, node, year, stage, value, text))
        if not errors:
            messages.success(request, _("Anggaran tersimpan."))
            return redirect("plan:node", slug=slug, pk=pk)
        for e in errors:
            messages.error(request, e)
    lines = list(BudgetLine.objects.filter(node=node, quarter=0).exclude(stage="realisasi")
                 .select_related("source"))
    grid = _grid(agency, lines, [k for k, _l in BUDGET_STAGES], "stage",
                 lambda b: b.printed or ("" if b.amount is None else str(b.amount)))
    return render(request, "kinerja/plan/node.html", {
        "agency": agency, "node": node, "can_edit": can_edit, "grid": grid,
        "columns": BUDGET_STAGES,
        "indicators": Indicator.objects.filter(node=node).order_by("position", "pk"),
        "children": node.children.order_by("position", "code", "pk")})


# -- indicators ------------------------------------------------------------------------------


@login_required
def indicator_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Add an indicator to the node `node` or to the sasaran `sasaran` (an IKU)."""
    agency = agency_for(request.user, slug, "edit_plan")
    node = sasaran = None
    if request.GET.get("node") or request.POST.get("node"):
        node = get_object_or_404(Node.objects.filter(agency=agency),
                                 pk=request.GET.get("node") or request.POST.get("node"))
    elif request.GET.get("sasaran") or request.POST.get("sasaran"):
        sasaran = get_object_or_404(Sasaran.objects.filter(agency=agency),
                                    pk=request.GET.get("sasaran") or request.POST.get("sasaran"))
    else:
        raise Http404(_("Indikator harus milik sebuah program/kegiatan/sub kegiatan atau "
                        "sasaran"))
    form = IndicatorForm(request.POST or None, agency=agency,
                         instance=Indicator(agency=agency, node=node, sasaran=sasaran))
    if request.method == "POST" and form.is_valid():
        ind = form.save(commit=False)
        owner_key = node.key if node is not None else sasaran.key  # type: ignore[union-attr]
        ind.key = keys.indicator_key(owner_key, ind.name)
        ind.position = _next_position(Indicator.objects.filter(agency=agency))
        try:
            services.save(request.user, ind)
        except IntegrityError:
            form.add_error("name", _("Indikator dengan nama ini sudah ada."))
        else:
            messages.success(request, _("Indikator ditambahkan."))
            return redirect("plan:indicator", slug=slug, pk=ind.pk)
    return render(request, "kinerja/plan/indicator_add.html", {
        "agency": agency, "form": form, "node": node, "sasaran": sasaran})


@login_required
def indicator_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """An indicator: its attributes and its targets per year and document version."""
    agency = agency_for(request.user, slug)
    ind = get_object_or_404(permissions.scope(request.user, Indicator.objects.filter(
        agency=agency)), pk=pk)
    can_edit = _edit_allowed(request, agency)
    form = IndicatorForm(request.POST if "atribut" in request.POST else None, agency=agency,
                         instance=ind)
    if request.method == "POST":
        if not can_edit:
            require(request.user, "edit_plan", agency)
        if "hapus" in request.POST:
            owner = ind.node_id
            services.delete(request.user, ind)
            messages.success(request, _("Indikator dihapus."))
            if owner:
                return redirect("plan:node", slug=slug, pk=owner)
            return redirect("plan:index", slug=slug)
        if "atribut" in request.POST:
            if form.is_valid():
                try:
                    services.save(request.user, form.save(commit=False))
                except IntegrityError:
                    form.add_error("name", _("Indikator dengan nama ini sudah ada."))
                else:
                    messages.success(request, _("Indikator tersimpan."))
                    return redirect("plan:indicator", slug=slug, pk=pk)
        else:
            errors = _save_grid(request, "t", [k for k, _l in TARGET_VERSIONS],
                                lambda year, version, value, text: services.set_target(
                                    request.user, ind, year, version, value, text))
            if not errors:
                messages.success(request, _("Target tersimpan."))
                return redirect("plan:indicator", slug=slug, pk=pk)
            for e in errors:
                messages.error(request, e)
    targets = list(Target.objects.filter(indicator=ind, quarter=0).select_related("source"))
    grid = _grid(agency, targets, [k for k, _l in TARGET_VERSIONS], "version",
                 lambda t: t.printed or ("" if t.value is None else str(t.value)))
    return render(request, "kinerja/plan/indicator.html", {
        "agency": agency, "ind": ind, "form": form, "can_edit": can_edit, "grid": grid,
        "columns": TARGET_VERSIONS})


# -- stakeholder proposals (T-C.32) ---------------------------------------------------------


def _proposal_year(request: HttpRequest) -> int:
    """The year asked for (`tahun`), else next year (the Renja being prepared)."""
    text = request.GET.get("tahun") or request.POST.get("tahun") or ""
    if text.isdigit() and 2000 <= int(text) <= 2100:
        return int(text)
    return date.today().year + 1


@login_required
def proposals(request: HttpRequest, slug: str) -> HttpResponse:
    """The stakeholders' proposals of a year, in their order (readable with `view`, changed
    with `edit_plan`)."""
    agency = agency_for(request.user, slug)
    year = _proposal_year(request)
    rows = (permissions.scope(request.user, StakeholderProposal.objects.filter(
        agency=agency, year=year)).select_related("node").order_by("position", "pk"))
    years = sorted(set(StakeholderProposal.objects.filter(agency=agency)
                       .values_list("year", flat=True)) | {year})
    return render(request, "kinerja/plan/proposals.html", {
        "agency": agency, "year": year, "years": years, "proposals": rows,
        "can_edit": _edit_allowed(request, agency)})


@login_required
def proposal_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Add a proposal (for the year `tahun`), or change or delete one."""
    agency = agency_for(request.user, slug, "edit_plan")
    if pk is None:
        year = _proposal_year(request)
        obj = StakeholderProposal(agency=agency, year=year)
    else:
        obj = get_object_or_404(permissions.scope(request.user, StakeholderProposal.objects
                                                  .filter(agency=agency), "edit_plan"), pk=pk)
        year = obj.year
    if request.method == "POST" and "hapus" in request.POST and obj.pk is not None:
        services.delete_proposal(request.user, obj)
        messages.success(request, _("Usulan dihapus."))
        return redirect(f"{reverse('plan:proposals', kwargs={'slug': slug})}?tahun={year}")
    form = ProposalForm(request.POST or None, agency=agency, instance=obj)
    if request.method == "POST" and form.is_valid():
        proposal = form.save(commit=False)
        if proposal.pk is None or proposal.year != year:
            proposal.position = _next_position(StakeholderProposal.objects.filter(
                agency=agency, year=proposal.year))
        services.save_proposal(request.user, proposal)
        messages.success(request, _("Usulan tersimpan."))
        return redirect(f"{reverse('plan:proposals', kwargs={'slug': slug})}"
                        f"?tahun={proposal.year}")
    return render(request, "kinerja/plan/proposal.html", {
        "agency": agency, "form": form, "obj": obj, "year": year})


# -- year × column grids ---------------------------------------------------------------------


def _grid(agency: Agency, items: list[Any], columns: list[str], attr: str,
          shown: Any) -> list[dict[str, Any]]:
    """Rows per year; per column the value entered by hand (editable) and the values that
    imports brought (shown beside it)."""
    years = _years(agency, {i.year for i in items})
    rows = []
    for y in years:
        cells = []
        for col in columns:
            here = [i for i in items if i.year == y and getattr(i, attr) == col]
            manual = next((i for i in here if i.source_id is None), None)
            imported = [{"text": shown(i), "source": i.source.title if i.source else ""}
                        for i in here if i.source_id is not None]
            cells.append({"name": f"{y}-{col}", "value": shown(manual) if manual else "",
                          "imported": imported})
        rows.append({"year": y, "cells": cells})
    return rows


def _save_grid(request: HttpRequest, prefix: str, columns: list[str], setter: Any) -> list[str]:
    """Apply every changed cell of a grid form (`<prefix>-<year>-<column>`), all or nothing;
    the problems, in Bahasa Indonesia, when any cell is not a number."""
    changes: list[tuple[int, str, Decimal | None, str]] = []
    errors: list[str] = []
    for name, text in request.POST.items():
        if not name.startswith(prefix + "-"):
            continue
        parts = name.split("-", 2)
        if len(parts) != 3 or not parts[1].isdigit() or parts[2] not in columns:
            continue
        old = request.POST.get("lama-" + name[len(prefix) + 1:], None)
        text = text.strip()
        if old is not None and old.strip() == text:
            continue
        try:
            value = read_value(text)
        except EntryError as exc:
            errors.append(_("%(year)s, %(col)s: %(err)s") % {
                "year": parts[1], "col": parts[2], "err": exc})
            continue
        changes.append((int(parts[1]), parts[2], value, text))
    if errors:
        return errors
    with transaction.atomic():
        for year, col, value, text in changes:
            setter(year, col, value, text)
    return []

