"""Document life cycle: draft → final (locked, its content frozen in a snapshot) → a new
version when it has to change. The old version stays reproducible from its snapshot."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from kinerja.store import auditing
from kinerja.store.models import BudgetLine, Document, DocumentLocked, Target

#: Document kind -> the target versions and budget stages that make up its content.
CONTENT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "renstra": (("renstra",), ()),
    "renja": (("renja",), ("renja", "prakiraan_maju")),
    "renja_perubahan": (("renja_perubahan",), ("apbd_perubahan",)),
    "pk": (("pk",), ("dpa",)),
    "pk_perubahan": (("pk_perubahan",), ("dpa",)),
    "lkjip": (("pk", "pk_perubahan", "lkjip"), ("dpa", "realisasi")),
}


def content(doc: Document) -> dict[str, Any]:
    """The document's content as plain data: its targets and budget lines, stably ordered."""
    versions, stages = CONTENT[doc.kind]
    targets = Target.objects.filter(indicator__agency=doc.agency, version__in=versions)
    if doc.kind != "renstra":
        targets = targets.filter(year=doc.year)
    budgets = BudgetLine.objects.filter(node__agency=doc.agency, year=doc.year,
                                        stage__in=stages, cumulative=False)

    def order(row: list[Any]) -> tuple[str, ...]:
        return tuple("" if v is None else f"{v:>12}" if isinstance(v, int) else str(v)
                     for v in row)

    return {
        "targets": sorted(
            ([t.indicator.key, t.year, t.quarter, t.version,
              t.source.title if t.source else None, auditing.plain(t.value), t.printed]
             for t in targets.select_related("indicator", "source")), key=order),
        "budgets": sorted(
            ([b.node.key, b.year, b.stage, b.quarter, b.source.title if b.source else None,
              auditing.plain(b.amount), b.printed]
             for b in budgets.select_related("node", "source")), key=order),
    }


@transaction.atomic
def finalise(doc: Document, user: Any, signatory_name: str = "", signatory_nip: str = "",
             signatory_position: str = "", signatory_capacity: str = "definitif") -> Document:
    """Make a draft final: record who finalised it and when, its signatory (definitif, PLT or
    PLH) and a snapshot of its content. A final document cannot be finalised again."""
    from kinerja.store import permissions

    if not permissions.can(user, "finalise_document", doc):
        raise permissions.Denied("Anda tidak berwenang memfinalkan dokumen ini")
    if doc.status == "final":
        raise DocumentLocked(f"{doc} sudah final")
    with auditing.acting_as(user):
        doc.status = "final"
        doc.finalised_by = user
        doc.finalised_at = timezone.now()
        doc.signatory_name = signatory_name
        doc.signatory_nip = signatory_nip
        doc.signatory_position = signatory_position
        doc.signatory_capacity = signatory_capacity
        doc.snapshot = content(doc)
        doc.save()
    return doc


@transaction.atomic
def new_version(doc: Document, user: Any) -> Document:
    """A new draft version of a (final) document; the old version is left as it is."""
    from kinerja.store import permissions

    if not permissions.can(user, "edit_plan", doc):
        raise permissions.Denied("Anda tidak berwenang mengubah dokumen ini")
    last = (Document.objects.filter(agency=doc.agency, kind=doc.kind, year=doc.year)
            .order_by("-version").values_list("version", flat=True).first()) or doc.version
    with auditing.acting_as(user):
        return Document.objects.create(agency=doc.agency, kind=doc.kind, year=doc.year,
                                       version=last + 1, title=doc.title)
