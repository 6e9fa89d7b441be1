"""Django application configuration of the record."""

from __future__ import annotations

from django.apps import AppConfig


class StoreConfig(AppConfig):
    """The `kinerja.store` application (label `store`)."""

    name = "kinerja.store"
    label = "store"
    verbose_name = "Catatan kinerja"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Connect the audit-trail signal handlers."""
        from kinerja.store import signals  # noqa: F401
