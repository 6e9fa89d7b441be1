"""The entry page of an area (import, plan, reports, documents) without an agency in its URL:
a user who may act on one agency goes straight to it; one who may act on several chooses."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kinerja.store import permissions


def choose_agency(area: str, title: str, action: str = "view") -> Callable[..., HttpResponse]:
    """A view for the area `area` (its URL namespace, whose `index` takes the agency's slug):
    the agencies the user may `action` on, or a redirect to the only one."""

    @login_required
    def view(request: HttpRequest) -> HttpResponse:
        agencies = list(permissions.agencies(request.user, action).order_by("slug"))
        if len(agencies) == 1:
            return redirect(f"{area}:index", slug=agencies[0].slug)
        return render(request, "kinerja/choose_agency.html",
                      {"agencies": agencies, "title": title, "target": f"{area}:index"})

    view.__doc__ = f"Choose the agency for the area '{area}'."
    return view
