"""URLs of the web area 'reports' (under /laporan/)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path
from django.utils.translation import gettext_lazy as _

from kinerja.web.choose import choose_agency
from kinerja.web.reports import views

app_name = "reports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", choose_agency("reports", _("Laporan")), name="index"),
    path("<slug:slug>/", views.index, name="index"),
    path("<slug:slug>/unduh.<str:fmt>", views.download, name="download"),
]
