"""URLs of the web area 'plan' (under /rencana/)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path
from django.utils.translation import gettext_lazy as _

from kinerja.web.choose import choose_agency
from kinerja.web.plan import views

app_name = "plan"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", choose_agency("plan", _("Rencana")), name="index"),
    path("<slug:slug>/", views.index, name="index"),
    path("<slug:slug>/kode/", views.code_search, name="code_search"),
    path("<slug:slug>/tujuan/tambah/", views.tujuan_edit, name="tujuan_add"),
    path("<slug:slug>/tujuan/<int:pk>/", views.tujuan_edit, name="tujuan"),
    path("<slug:slug>/sasaran/tambah/", views.sasaran_edit, name="sasaran_add"),
    path("<slug:slug>/sasaran/<int:pk>/", views.sasaran_edit, name="sasaran"),
    path("<slug:slug>/program/tambah/", views.node_add, name="node_add"),
    path("<slug:slug>/program/<int:pk>/", views.node_detail, name="node"),
    path("<slug:slug>/indikator/tambah/", views.indicator_add, name="indicator_add"),
    path("<slug:slug>/indikator/<int:pk>/", views.indicator_detail, name="indicator"),
    path("<slug:slug>/usulan/", views.proposals, name="proposals"),
    path("<slug:slug>/usulan/tambah/", views.proposal_edit, name="proposal_add"),
    path("<slug:slug>/usulan/<int:pk>/", views.proposal_edit, name="proposal"),
]
