"""Django app configuration of the web application."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    """The `kinerja.web` app: templates, static files, views."""

    name = "kinerja.web"
    label = "web"
    verbose_name = "Aplikasi web kinerja"
