"""Importing a document table from the browser: upload → preview with every audit finding
marked on its cell → import, or cancel.

Nothing reaches the record before the person confirms: the upload waits in a private temporary
folder named by a random token kept in the session, and the preview reads and audits it from
there. Confirming calls the importer service, which loads the table in one transaction (all or
nothing); cancelling deletes the folder. Every step asks `can(user, 'import', agency)`."""

from __future__ import annotations

import re
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.audit.findings import Finding
from kinerja.core.doctable import DocTable
from kinerja.io.doctable import DocTableError, read_table
from kinerja.store import permissions
from kinerja.store.models import Agency, Import
from kinerja.store.services.importer import (
    DEFAULT_VERSION,
    IMPORTABLE,
    ImportRejected,
    import_table,
    validate,
)
from kinerja.web.api.access import agency_for
from kinerja.web.imports.forms import VERSION_LABELS, UploadForm

SESSION_KEY = "kinerja_impor"
#: Uploads older than this are removed when the next upload arrives.
STALE_SECONDS = 24 * 3600
_TOKEN = re.compile(r"^[0-9a-f]{32}$")

#: rule -> what it means, for the person reading the preview
RULE_EXPLANATIONS: dict[str, str] = {
    "sum_mismatch": "Nilai induk tidak sama dengan jumlah nilai anak-anaknya.",
    "ratio_mismatch": "Persentase yang tercetak bukan hasil bagi angka-angka pembentuknya.",
    "difference_mismatch": "Selisih atau sisa anggaran yang tercetak bukan a − b.",
    "cumulative_mismatch": "Realisasi kumulatif indikator arus bukan jumlah kolom 5 + 7 + 9.",
    "summed_level_indicator": "Persentase, nilai atau indeks dijumlahkan antartahun seolah "
                              "hitungan; untuk indikator tingkat yang berlaku nilai terakhir.",
    "unit_mismatch": "Target dan realisasi satu indikator memakai satuan yang berbeda.",
    "implausible_achievement": "Capaian di atas 500 % atau di bawah 0 %, biasanya salah "
                               "satuan atau salah ketik.",
    "predicate_mismatch": "Predikat yang tercetak tidak sesuai dengan nilainya pada skala "
                          "yang berlaku.",
    "division_by_zero": "Rasio tercetak padahal pembaginya nol atau kosong.",
    "unparseable_value": "Sel yang seharusnya berisi angka tidak dapat dibaca sebagai angka.",
    "duplicate_code": "Dua baris memakai kode yang sama.",
    "code_name_mismatch": "Nama berbeda dari nama resmi nomenklatur untuk kode itu.",
    "invalid_code": "Kode tidak ada dalam nomenklatur dan tidak dapat diperbaiki dari "
                    "namanya.",
    "score_exceeds_weight": "Nilai komponen melebihi bobotnya.",
}
SEVERITY_LABELS = {"error": "kesalahan", "warning": "peringatan", "info": "catatan"}


# -- the pending upload ------------------------------------------------------------------------


def upload_root() -> Path:
    """The folder that holds uploads waiting for confirmation (`KINERJA_IMPORT_DIR`, else a
    folder in the system's temporary directory)."""
    root = getattr(settings, "KINERJA_IMPORT_DIR", None)
    path = Path(root) if root else Path(tempfile.gettempdir()) / "kinerja-impor"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _remove_stale(root: Path) -> None:
    now = time.time()
    for d in root.iterdir():
        try:
            if d.is_dir() and now - d.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(d, ignore_errors=True)
        except OSError:
            continue


def _safe_stem(name: str) -> str:
    stem = Path(name).name
    for suffix in (".meta.yaml", ".csv", ".xlsx"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    stem = re.sub(r"[^0-9A-Za-z._-]+", "-", stem).strip(".-") or "tabel"
    return stem[:80]


def _pending(request: HttpRequest, slug: str, token: str) -> dict[str, Any]:
    """The session's record of an upload of this agency, or 404."""
    if not _TOKEN.match(token):
        raise Http404(_("Unggahan tidak ditemukan"))
    info = request.session.get(SESSION_KEY, {}).get(token)
    if not info or info.get("slug") != slug:
        raise Http404(_("Unggahan tidak ditemukan atau sudah selesai"))
    path = upload_root() / token / info["file"]
    if not path.is_file():
        raise Http404(_("Unggahan sudah kedaluwarsa; unggah lagi"))
    info = dict(info)
    info["path"] = path
    return info


def _forget(request: HttpRequest, token: str) -> None:
    pending = dict(request.session.get(SESSION_KEY, {}))
    pending.pop(token, None)
    request.session[SESSION_KEY] = pending
    if _TOKEN.match(token):
        shutil.rmtree(upload_root() / token, ignore_errors=True)


def _year_of(table: DocTable, given: int | None) -> int | None:
    if given:
        return given
    years = table.meta.get("years") or {}
    for key in ("n", "plan", "realised_until"):
        try:
            return int(str(years.get(key)).strip())
        except (TypeError, ValueError):
            continue
    return None


# -- the preview grid -----------------------------------------------------------------------


def preview_grid(table: DocTable, findings: list[Finding]) -> dict[str, Any]:
    """The table as rows of cells, each cell with the findings on it, and the findings in
    order, each with an anchor, its explanation and whether it is placed on a cell."""
    listed = []
    by_cell: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for i, f in enumerate(findings, start=1):
        item = {
            "n": i, "row": f.row, "column": f.column, "rule": f.rule,
            "severity": f.severity, "severity_label": _(SEVERITY_LABELS.get(f.severity,
                                                                            f.severity)),
            "printed": f.printed, "expected": f.expected, "message": f.message,
            "explanation": _(RULE_EXPLANATIONS.get(f.rule, "")),
            "cell_id": f"sel-{f.row}-{f.column}",
            "placed": 1 <= f.row <= len(table.rows) and f.column in table.columns,
        }
        listed.append(item)
        by_cell.setdefault((f.row, f.column), []).append(item)
    rows = []
    for row in table.rows:
        cells = []
        for col in table.columns:
            on = by_cell.get((row.number, col), [])
            severity = ""
            if on:
                severity = "error" if any(x["severity"] == "error" for x in on) else "warning"
            cells.append({"column": col, "text": row.get(col), "findings": on,
                          "severity": severity, "id": f"sel-{row.number}-{col}",
                          "title": "\n".join(f"[{x['n']}] {x['message']}" for x in on)})
        rows.append({"number": row.number, "level": row.level, "cells": cells,
                     "has_findings": any(c["findings"] for c in cells)})
    counts = {"error": sum(1 for f in findings if f.severity == "error"),
              "warning": sum(1 for f in findings if f.severity == "warning")}
    return {"columns": table.columns, "rows": rows, "findings": listed, "counts": counts}


# -- views --------------------------------------------------------------------------------


@login_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    """The upload form (GET) and the upload itself (POST), with the agency's past imports."""
    agency = agency_for(request.user, slug, "import")
    form = UploadForm(request.POST or None, request.FILES or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        token, error = _store_upload(request, agency, form)
        if token:
            return redirect("imports:preview", slug=slug, token=token)
    imports = list(Import.objects.filter(agency=agency).order_by("-imported_at")[:50])
    for item in imports:
        item.version_label = VERSION_LABELS.get(item.version, item.version)
    return render(request, "kinerja/imports/index.html",
                  {"agency": agency, "form": form, "error": error, "imports": imports})


def _store_upload(request: HttpRequest, agency: Agency,
                  form: UploadForm) -> tuple[str | None, str]:
    """Keep the upload in a new private folder; (token, '') or (None, reason)."""
    root = upload_root()
    _remove_stale(root)
    token = uuid.uuid4().hex
    folder = root / token
    folder.mkdir(mode=0o700)
    upload = form.cleaned_data["table"]
    stem = _safe_stem(upload.name)
    suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
    path = folder / f"{stem}{suffix}"
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    meta_file = form.cleaned_data.get("meta")
    meta_path = folder / f"{stem}.meta.yaml"
    if meta_file is not None:
        with meta_path.open("wb") as out:
            for chunk in meta_file.chunks():
                out.write(chunk)
    else:
        meta = form.meta_from_fields(agency.name, agency.government.level)
        meta_path.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False),
                             encoding="utf-8")
    try:
        table = read_table(path)
    except DocTableError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        return None, str(exc).replace(str(folder) + "/", "")
    year = _year_of(table, form.cleaned_data.get("year"))
    if year is None:
        shutil.rmtree(folder, ignore_errors=True)
        return None, _("Tahun dokumen sumber tidak diketahui: isi 'Tahun dokumen sumber' atau "
                       "tahun n pada meta.")
    pending = dict(request.session.get(SESSION_KEY, {}))
    pending[token] = {"slug": agency.slug, "file": path.name, "name": upload.name,
                      "year": year, "version": form.cleaned_data.get("version") or ""}
    request.session[SESSION_KEY] = pending
    return token, ""


@login_required
def preview(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The uploaded table with every audit finding on its cell, and the choice to import or
    cancel. Nothing is stored yet."""
    agency = agency_for(request.user, slug, "import")
    info = _pending(request, slug, token)
    from kinerja.audit.engine import audit_table

    try:
        table = read_table(info["path"])
    except DocTableError as exc:
        _forget(request, token)
        messages.error(request, str(exc))
        return redirect("imports:index", slug=slug)
    findings = audit_table(table)
    importable = table.kind in IMPORTABLE
    problems = validate(table) if importable else []
    version = info["version"] or DEFAULT_VERSION.get(table.kind, "")
    context = {
        "agency": agency, "token": token, "info": info, "table": table,
        "title": str(table.meta.get("title") or info["name"]),
        "grid": preview_grid(table, findings), "importable": importable,
        "problems": problems, "year": info["year"], "version": version,
        "version_label": VERSION_LABELS.get(version, version),
        "existing": Import.objects.filter(
            agency=agency, kind=table.kind, year=info["year"], version=version,
            title=str(table.meta.get("title") or Path(info["path"]).name)[:500]).first(),
    }
    return render(request, "kinerja/imports/preview.html", context)


@login_required
@require_POST
def confirm(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """Import the previewed table (all or nothing), then forget the upload."""
    agency = agency_for(request.user, slug, "import")
    info = _pending(request, slug, token)
    try:
        result = import_table(info["path"], agency, info["year"], info["version"] or None,
                              user=request.user)
    except ImportRejected as exc:
        messages.error(request, _("Tabel tidak diimpor; tidak ada yang dimuat: %(why)s") % {
            "why": "; ".join(exc.problems)})
        return redirect("imports:preview", slug=slug, token=token)
    except Exception:  # the importer is atomic: nothing was stored
        messages.error(request, _("Impor gagal karena kesalahan sistem; tidak ada yang "
                                  "dimuat. Unggahan tetap tersedia untuk dicoba lagi."))
        return redirect("imports:preview", slug=slug, token=token)
    _forget(request, token)
    status = {"baru": _("diimpor"), "diperbarui": _("diperbarui"),
              "tidak berubah": _("tidak berubah (sama dengan impor sebelumnya)")}
    messages.success(request, _("Tabel %(title)s %(status)s dengan %(n)s temuan.") % {
        "title": result.source.title, "status": status.get(result.status, result.status),
        "n": len(result.findings)})
    return redirect("imports:detail", slug=slug, pk=result.source.pk)


@login_required
@require_POST
def cancel(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """Drop the upload: nothing is imported."""
    agency_for(request.user, slug, "import")
    _forget(request, token)
    messages.info(request, _("Impor dibatalkan; tidak ada yang dimuat."))
    return redirect("imports:index", slug=slug)


@login_required
def detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """An import of the agency with its stored findings."""
    agency = agency_for(request.user, slug, "view")
    imp = get_object_or_404(permissions.scope(request.user, Import.objects.filter(
        agency=agency)), pk=pk)
    findings = [
        {**{k: getattr(f, k) for k in ("row", "column", "rule", "severity", "printed",
                                       "expected", "message")},
         "explanation": _(RULE_EXPLANATIONS.get(f.rule, "")),
         "severity_label": _(SEVERITY_LABELS.get(f.severity, f.severity))}
        for f in imp.findings.all()]
    return render(request, "kinerja/imports/detail.html",
                  {"agency": agency, "imp": imp, "findings": findings,
                   "version_label": VERSION_LABELS.get(imp.version, imp.version)})
