"""Django app configuration of the JSON API (it owns the API tokens, hence its own app)."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The `kinerja.web.api` app: API tokens and the django-ninja API."""

    name = "kinerja.web.api"
    label = "api"
    verbose_name = "API kinerja"
    default_auto_field = "django.db.models.BigAutoField"
