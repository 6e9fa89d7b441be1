"""Reports: choose an official table (those of the registry that have a builder), a year and a
document version; see it as HTML; download it as XLSX, DOCX or PDF with an Indonesian file
name such as `T-C29-paser-2023.xlsx`.

Tables are built from the record the user may see (`view`), by the same builders and writers
as `kinerja tabel`."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from kinerja.store.models import Agency
from kinerja.tables import registry
from kinerja.web.api.access import agency_for
from kinerja.web.imports.forms import VERSION_LABELS

FORMATS: dict[str, tuple[str, str]] = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "Word"),
    "pdf": ("application/pdf", "PDF"),
}
VERSIONS = ("renja", "renja_perubahan", "pk", "pk_perubahan", "renstra", "rencana_aksi",
            "lkjip")


def buildable() -> list[registry.TableSpec]:
    """The official tables that can be built from the record, in registry order."""
    from kinerja.tables._common import load_builders

    load_builders()
    return [s for s in registry.REGISTRY.values() if s.build is not None]


def file_stem(spec: registry.TableSpec, slug: str, year: int) -> str:
    """`T-C29-paser-2023` for Tabel T-C.29; the identifier for a table without a label."""
    label = re.sub(r"^Tabel\s*", "", spec.label or "").strip()
    code = re.sub(r"[^0-9A-Za-z-]+", "", label.replace(" ", "-")) or spec.identifier
    return re.sub(r"[^0-9A-Za-z-]+", "-", f"{code}-{slug}-{year}")


def _years(agency: Agency) -> list[int]:
    from kinerja.store.queries import years_with_data

    return years_with_data(agency)


def _default_year(agency: Agency, years: list[int]) -> int:
    """The year a report opens on: the latest year with a realisation (the one the beranda
    opens on) when the record has it, else the latest year with data; 0 without data. The
    latest year alone is often a forward estimate (prakiraan maju) with nothing to report."""
    from kinerja.store.queries import load_record
    from kinerja.web.pages.dashboard import default_period

    if not years:
        return 0
    year = default_period(load_record(agency))[0]
    return year if year in years else years[-1]


def _build(agency: Agency, spec: registry.TableSpec, year: int, version: str | None) -> Any:
    from kinerja.store.queries import load_record

    assert spec.build is not None
    return spec.build(load_record(agency, year), year, version)


def _choice(request: HttpRequest, agency: Agency) -> dict[str, Any]:
    """The table, year and version asked for (with defaults), and what can be chosen."""
    specs = buildable()
    years = _years(agency)
    identifier = request.GET.get("tabel") or ""
    spec = next((s for s in specs if s.identifier == identifier), None)
    if identifier and spec is None:
        raise Http404(_("Tabel '%(t)s' tidak ada atau belum dapat dibuat") % {"t": identifier})
    try:
        year = int(request.GET.get("tahun") or _default_year(agency, years)) or None
    except ValueError:
        year = None
    version = request.GET.get("versi") or None
    if version is not None and version not in VERSIONS:
        version = None
    return {"specs": specs, "years": years, "spec": spec, "year": year, "version": version,
            "versions": [(v, VERSION_LABELS.get(v, v)) for v in VERSIONS]}


@login_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    """The choice of table, year and version, and the chosen table's HTML preview with its
    download links."""
    agency = agency_for(request.user, slug)
    ctx = _choice(request, agency)
    ctx["agency"] = agency
    ctx["formats"] = [(k, v[1]) for k, v in FORMATS.items()]
    if ctx["spec"] is not None and ctx["year"]:
        from kinerja.io.writers import html

        try:
            table = _build(agency, ctx["spec"], ctx["year"], ctx["version"])
        except ValueError as exc:
            ctx["error"] = str(exc)
        else:
            ctx["preview"] = mark_safe(html.render_fragment(table))  # the writer escapes
            ctx["css"] = mark_safe(html.CSS)
            ctx["stem"] = file_stem(ctx["spec"], agency.slug, ctx["year"])
    return render(request, "kinerja/reports/index.html", ctx)


@login_required
def download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The chosen table as an XLSX, DOCX or PDF file."""
    agency = agency_for(request.user, slug)
    if fmt not in FORMATS:
        raise Http404(_("Format '%(f)s' tidak dikenal") % {"f": fmt})
    ctx = _choice(request, agency)
    if ctx["spec"] is None or not ctx["year"]:
        raise Http404(_("Pilih tabel dan tahun"))
    from kinerja.io.writers import writer

    try:
        table = _build(agency, ctx["spec"], ctx["year"], ctx["version"])
    except ValueError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    data = writer(fmt).render(table)
    name = f"{file_stem(ctx['spec'], agency.slug, ctx['year'])}.{fmt}"
    response = HttpResponse(data, content_type=FORMATS[fmt][0])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
