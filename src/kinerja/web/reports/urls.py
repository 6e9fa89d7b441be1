"""URLs of the web area 'reports' (under /laporan/)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from kinerja.web.reports import views

app_name = "reports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.choose, name="index"),
    path("<slug:slug>/", views.index, name="index"),
    path("<slug:slug>/unduh.<str:fmt>", views.download, name="download"),
]
