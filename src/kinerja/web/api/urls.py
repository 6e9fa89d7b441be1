"""URLs of the web area 'api': the django-ninja API with its schema (`/api/openapi.json`)
and its documentation (`/api/docs`)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from kinerja.web.api.api import api
from kinerja.web.api.docs import docs

# The API's own namespace is this area's namespace ('api'), so that django-ninja's reverse of
# 'api:openapi-json' works under the root URLconf's include.
app_name = "api"
urlpatterns: list[URLPattern | URLResolver] = [
    path("docs", docs, name="docs"), *api.urls[0]]
