"""Root URL configuration of the web application. Each area of the application is a small
package with its own `urls.py`; this file only puts them together."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("kinerja.web.api.urls")),
    path("impor/", include("kinerja.web.imports.urls")),
    path("rencana/", include("kinerja.web.plan.urls")),
    path("laporan/", include("kinerja.web.reports.urls")),
    path("dokumen/", include("kinerja.web.documents.urls")),
    path("", include("kinerja.web.pages.urls")),
]
