"""URLs of the web area 'pages'."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

app_name = "pages"
urlpatterns: list[URLPattern | URLResolver] = []
