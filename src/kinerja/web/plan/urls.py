"""URLs of the web area 'plan'."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

app_name = "plan"
urlpatterns: list[URLPattern | URLResolver] = []
