"""Configure Django for the command line: `setup()` points Django at the settings (and at a
database URL if one is given), calls `django.setup()`, and applies migrations when asked.
Inside a process where Django is already configured (the web server, the test suite) it does
nothing but the migration check it is asked for."""

from __future__ import annotations

import os


def setup(database_url: str | None = None, migrate: bool = False) -> None:
    """Make the record usable from a command: configure Django once, migrate if `migrate`."""
    from django.apps import apps

    if not apps.ready:
        if database_url:
            os.environ["DATABASE_URL"] = database_url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
        import django
        from django.conf import settings

        if not settings.configured or not apps.ready:
            name = settings.DATABASES["default"]["NAME"]
            engine = settings.DATABASES["default"]["ENGINE"]
            if engine.endswith("sqlite3") and name != ":memory:":
                os.makedirs(os.path.dirname(os.path.abspath(name)), exist_ok=True)
            django.setup()
        if migrate:
            apply_migrations()


def apply_migrations() -> None:
    """Apply every pending migration, quietly."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)
