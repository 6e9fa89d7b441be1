"""URLs of the web area 'imports'."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

app_name = "imports"
urlpatterns: list[URLPattern | URLResolver] = []
