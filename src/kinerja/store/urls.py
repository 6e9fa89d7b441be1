"""URLs of the record on its own: the Django admin (the web application adds its own)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import path

urlpatterns = [path("admin/", admin.site.urls)]
