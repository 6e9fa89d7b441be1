"""Documents of an agency: the list with status and versions; a draft's title and signatory
(definitif, PLT or PLH); finalising (locking) it, which only the pimpinan may do; a new version
or a Perubahan (Renja Perubahan, PK Perubahan) of a final document. A final document shows who
locked it and when, and any attempt to change it is refused with a clear message."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kinerja.store import auditing, permissions
from kinerja.store.models import Document, DocumentLocked
from kinerja.store.services import documents as service
from kinerja.web.api.access import agency_for, require

#: kind -> the kind of its Perubahan
PERUBAHAN = {"renja": "renja_perubahan", "pk": "pk_perubahan"}


class SignatoryForm(forms.ModelForm):
    """The signatory of a document: name, NIP, position and capacity (definitif, PLT, PLH)."""

    class Meta:
        model = Document
        fields = ["signatory_name", "signatory_nip", "signatory_position", "signatory_capacity"]
        labels = {"signatory_name": gettext_lazy("Nama penanda tangan"),
                  "signatory_nip": gettext_lazy("NIP"),
                  "signatory_position": gettext_lazy("Jabatan"),
                  "signatory_capacity": gettext_lazy("Kedudukan")}


class DraftForm(SignatoryForm):
    """A draft's title and signatory."""

    class Meta(SignatoryForm.Meta):
        fields = ["title", *SignatoryForm.Meta.fields]
        labels = {**SignatoryForm.Meta.labels, "title": gettext_lazy("Judul")}


class NewDocumentForm(forms.ModelForm):
    """A new draft document of a kind and year."""

    class Meta:
        model = Document
        fields = ["kind", "year", "title"]
        labels = {"kind": gettext_lazy("Jenis"), "year": gettext_lazy("Tahun"),
                  "title": gettext_lazy("Judul")}


def _document(request: HttpRequest, slug: str, pk: int) -> tuple[Any, Document]:
    agency = agency_for(request.user, slug)
    doc = get_object_or_404(permissions.scope(request.user, Document.objects.filter(
        agency=agency)).select_related("finalised_by"), pk=pk)
    return agency, doc


def _locked_message(doc: Document) -> str:
    who = doc.finalised_by.username if doc.finalised_by else _("(tidak diketahui)")
    when = doc.finalised_at.strftime("%d-%m-%Y %H:%M") if doc.finalised_at else "–"
    return _("Dokumen ini sudah final (dikunci oleh %(who)s pada %(when)s) dan tidak dapat "
             "diubah. Buat versi baru atau Perubahan untuk mengubahnya.") % {
        "who": who, "when": when}


@login_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    """The agency's documents, newest year first; a new draft (with `edit_plan`)."""
    agency = agency_for(request.user, slug)
    can_edit = permissions.can(request.user, "edit_plan", agency)
    form = NewDocumentForm(request.POST or None)
    if request.method == "POST":
        require(request.user, "edit_plan", agency)
        if form.is_valid():
            doc = form.save(commit=False)
            doc.agency = agency
            doc.version = (Document.objects.filter(agency=agency, kind=doc.kind,
                                                   year=doc.year)
                           .aggregate(m=Max("version"))["m"] or 0) + 1
            with auditing.acting_as(request.user):
                doc.save()
            messages.success(request, _("Draf %(doc)s dibuat.") % {"doc": doc})
            return redirect("documents:detail", slug=slug, pk=doc.pk)
    docs = (permissions.scope(request.user, Document.objects.filter(agency=agency))
            .select_related("finalised_by").order_by("-year", "kind", "-version"))
    return render(request, "kinerja/documents/index.html",
                  {"agency": agency, "documents": docs, "form": form, "can_edit": can_edit})


@login_required
def detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One document. A draft can be edited (title, signatory) with `edit_plan` and finalised
    by the pimpinan; a final one shows who locked it and when, and refuses every change."""
    agency, doc = _document(request, slug, pk)
    can_edit = permissions.can(request.user, "edit_plan", doc)
    can_finalise = permissions.can(request.user, "finalise_document", doc)
    form = DraftForm(request.POST or None, instance=doc)
    if request.method == "POST":
        require(request.user, "edit_plan", doc)
        if doc.status == "final":
            messages.error(request, _locked_message(doc))
            return redirect("documents:detail", slug=slug, pk=pk)
        if form.is_valid():
            try:
                with auditing.acting_as(request.user):
                    form.save()
            except DocumentLocked:
                messages.error(request, _locked_message(Document.objects.get(pk=pk)))
            else:
                messages.success(request, _("Tersimpan."))
            return redirect("documents:detail", slug=slug, pk=pk)
    versions = Document.objects.filter(agency=agency, kind=doc.kind, year=doc.year
                                       ).order_by("version")
    return render(request, "kinerja/documents/detail.html", {
        "agency": agency, "doc": doc, "form": form, "can_edit": can_edit,
        "can_finalise": can_finalise, "finalise_form": SignatoryForm(instance=doc),
        "versions": versions, "perubahan": PERUBAHAN.get(doc.kind),
        "perubahan_label": dict(Document.KINDS).get(PERUBAHAN.get(doc.kind, ""), ""),
        "locked_message": _locked_message(doc) if doc.status == "final" else ""})


@login_required
@require_POST
def finalise(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Finalise (lock) a draft with its signatory; only the pimpinan may."""
    agency, doc = _document(request, slug, pk)
    require(request.user, "finalise_document", doc)
    if doc.status == "final":
        messages.error(request, _locked_message(doc))
        return redirect("documents:detail", slug=slug, pk=pk)
    form = SignatoryForm(request.POST, instance=Document(agency=agency))
    if not form.is_valid():
        messages.error(request, _("Data penanda tangan tidak lengkap."))
        return redirect("documents:detail", slug=slug, pk=pk)
    d = form.cleaned_data
    if not d["signatory_name"].strip():
        messages.error(request, _("Isi nama penanda tangan sebelum memfinalkan."))
        return redirect("documents:detail", slug=slug, pk=pk)
    service.finalise(doc, request.user, signatory_name=d["signatory_name"].strip(),
                     signatory_nip=d["signatory_nip"].strip(),
                     signatory_position=d["signatory_position"].strip(),
                     signatory_capacity=d["signatory_capacity"])
    messages.success(request, _("%(doc)s difinalkan dan dikunci.") % {"doc": doc})
    return redirect("documents:detail", slug=slug, pk=pk)


@login_required
@require_POST
def new_version(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A new draft version of the document, or (with `perubahan`) its Renja Perubahan or PK
    Perubahan for the same year."""
    agency, doc = _document(request, slug, pk)
    require(request.user, "edit_plan", doc)
    kind = PERUBAHAN.get(doc.kind) if request.POST.get("perubahan") else None
    if kind is None:
        new = service.new_version(doc, request.user)
    else:
        last = (Document.objects.filter(agency=agency, kind=kind, year=doc.year)
                .aggregate(m=Max("version"))["m"] or 0)
        try:
            with transaction.atomic(), auditing.acting_as(request.user):
                new = Document.objects.create(
                    agency=agency, kind=kind, year=doc.year, version=last + 1,
                    title=doc.title, signatory_name=doc.signatory_name,
                    signatory_nip=doc.signatory_nip,
                    signatory_position=doc.signatory_position,
                    signatory_capacity=doc.signatory_capacity)
        except IntegrityError:
            messages.error(request, _("Dokumen itu sudah ada."))
            return redirect("documents:detail", slug=slug, pk=pk)
    messages.success(request, _("Draf %(doc)s dibuat.") % {"doc": new})
    return redirect("documents:detail", slug=slug, pk=new.pk)
