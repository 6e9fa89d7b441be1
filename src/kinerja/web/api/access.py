"""Finding the agency a page or endpoint is about, through the permission layer.

An agency the user may not see is answered as if it did not exist (404), so that nobody learns
which slugs exist elsewhere; an agency the user may see but not act on in the asked way is a
refusal (403) with a sentence in Bahasa Indonesia. The pages of the import, plan, report and
document areas and the JSON API all use this."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from kinerja.store import permissions
from kinerja.store.models import Agency

#: action -> what a refusal says
REFUSALS: dict[str, str] = {
    "import": "Anda tidak berwenang mengimpor tabel untuk Perangkat Daerah ini.",
    "edit_plan": "Anda tidak berwenang mengubah rencana Perangkat Daerah ini.",
    "export": "Anda tidak berwenang mengunduh laporan Perangkat Daerah ini.",
    "finalise_document": "Hanya pimpinan Perangkat Daerah yang dapat memfinalkan dokumen.",
    "edit_realisation": "Anda tidak berwenang mengisi realisasi ini.",
}


def visible_agency(user: Any, slug: str) -> Agency:
    """The agency `slug` if `user` may see it; Http404 otherwise."""
    agency = (permissions.scope(user, Agency.objects.select_related("government"))
              .filter(slug=slug).first())
    if agency is None:
        raise Http404(_("Perangkat daerah '%(slug)s' tidak ditemukan") % {"slug": slug})
    return agency


def require(user: Any, action: str, obj: Any) -> None:
    """Raise `PermissionDenied` (403) with a clear sentence unless `user` may `action`; the
    application's 403 page shows the sentence."""
    if not permissions.can(user, action, obj):
        raise PermissionDenied(_(REFUSALS.get(action, "Anda tidak berwenang melakukan "
                                                          "tindakan ini.")))


def agency_for(user: Any, slug: str, action: str = "view") -> Agency:
    """The agency `slug` for a page: 404 when the user may not see it, 403 when the user may
    see it but not take `action` on it."""
    agency = visible_agency(user, slug)
    if action != "view":
        require(user, action, agency)
    return agency
