"""URLs of the web area 'documents' (under /dokumen/)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path
from django.utils.translation import gettext_lazy as _

from kinerja.web.choose import choose_agency
from kinerja.web.documents import views

app_name = "documents"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", choose_agency("documents", _("Dokumen")), name="index"),
    path("<slug:slug>/", views.index, name="index"),
    path("<slug:slug>/<int:pk>/", views.detail, name="detail"),
    path("<slug:slug>/<int:pk>/finalkan/", views.finalise, name="finalise"),
    path("<slug:slug>/<int:pk>/versi-baru/", views.new_version, name="new_version"),
]
