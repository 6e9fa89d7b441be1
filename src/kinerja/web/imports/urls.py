"""URLs of the web area 'imports' (under /impor/)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path
from django.utils.translation import gettext_lazy as _

from kinerja.web.choose import choose_agency
from kinerja.web.imports import views

app_name = "imports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", choose_agency("imports", _("Impor tabel dokumen"), "import"), name="index"),
    path("<slug:slug>/", views.index, name="index"),
    path("<slug:slug>/pratinjau/<str:token>/", views.preview, name="preview"),
    path("<slug:slug>/pratinjau/<str:token>/impor/", views.confirm, name="confirm"),
    path("<slug:slug>/pratinjau/<str:token>/batal/", views.cancel, name="cancel"),
    path("<slug:slug>/<int:pk>/", views.detail, name="detail"),
]
