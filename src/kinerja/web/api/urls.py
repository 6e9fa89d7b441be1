"""URLs of the web area 'api': the django-ninja API with its schema (`/api/openapi.json`)
and its documentation (`/api/docs`)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

from kinerja.web.api.api import api

# The API's own namespace is this area's namespace ('api'), so that django-ninja's reverse of
# 'api:openapi-json' works under the root URLconf's include.
app_name = "api"
urlpatterns: list[URLPattern | URLResolver] = list(api.urls[0])
