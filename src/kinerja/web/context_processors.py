"""Template context of every page: the navigation the user may use, the user's roles and the
application version. Links to areas that are not installed (their URL name does not resolve)
are left out, so the menu grows as the areas of the application arrive."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from kinerja import __version__


def _try_reverse(name: str, **kwargs: Any) -> str | None:
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def current_agency(request: HttpRequest) -> Any:
    """The agency the page is about (the `slug` of the URL), else the user's own agency when
    the user has exactly one; None otherwise. Only agencies the user may view are returned."""
    from kinerja.store import permissions
    from kinerja.store.models import Agency

    user = request.user
    if not user.is_authenticated:
        return None
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("slug") if match is not None else None
    agency = None
    if slug:
        agency = Agency.objects.filter(slug=slug).select_related("government").first()
    if agency is None:
        own = {m.agency_id for m in user.memberships.all() if m.agency_id is not None}
        if len(own) == 1:
            agency = Agency.objects.filter(pk=own.pop()).select_related("government").first()
    if agency is not None and not permissions.can(user, "view", agency):
        return None
    return agency


def _areas(may_import: bool) -> list[tuple[str, str]]:
    """(label, URL name) of the areas of an agency; the import only for who may import."""
    areas = [(_("Rencana"), "plan:index"), (_("Impor"), "imports:index"),
             (_("Laporan"), "reports:index"), (_("Dokumen"), "documents:index")]
    return [a for a in areas if may_import or a[1] != "imports:index"]


def navigation(request: HttpRequest) -> dict[str, Any]:
    """`kinerja_nav` (label, url, active), `kinerja_roles` (role names of the user),
    `kinerja_agency` (see `current_agency`) and `kinerja_version`."""
    from kinerja.store import permissions
    from kinerja.store.models import Membership

    out: dict[str, Any] = {"kinerja_version": __version__, "kinerja_nav": [],
                           "kinerja_roles": [], "kinerja_agency": None}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return out
    memberships = list(Membership.objects.filter(user=user))
    labels = dict(Membership.ROLES)
    out["kinerja_roles"] = sorted({str(labels.get(m.role, m.role)) for m in memberships})
    if user.is_superuser:
        out["kinerja_roles"].insert(0, _("Administrator sistem"))
    agency = current_agency(request)
    out["kinerja_agency"] = agency
    path = request.path
    items: list[tuple[str, str | None]] = []
    if user.is_superuser or any(m.role in Membership.GOVERNMENT_ROLES for m in memberships):
        items.append((_("Ringkasan pemda"), _try_reverse("pages:ringkasan")))
    if agency is not None:
        items.append((_("Beranda PD"), _try_reverse("pages:beranda", slug=agency.slug)))
        if permissions.can(user, "edit_realisation", agency) or any(
                m.role == "bidang" and m.agency_id == agency.pk for m in memberships):
            items.append((_("Isian realisasi"), _try_reverse("pages:isian", slug=agency.slug)))
        for label, name in _areas(permissions.can(user, "import", agency)):
            items.append((label, _try_reverse(name, slug=agency.slug) or _try_reverse(name)))
    elif permissions.agencies(user).exists():
        # a government's Bappeda, Inspektorat or admin away from an agency's pages: the areas
        # open on the choice of agency
        may_import = permissions.agencies(user, "import").exists()
        items.extend((label, _try_reverse(name)) for label, name in _areas(may_import))
    nav = [{"label": label, "url": url, "active": False} for label, url in items if url]
    prefixes = [item for item in nav if path.startswith(item["url"])]
    if prefixes:
        max(prefixes, key=lambda item: len(item["url"]))["active"] = True
    out["kinerja_nav"] = nav
    return out
