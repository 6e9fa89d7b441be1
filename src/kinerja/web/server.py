"""Serving the web application: `serve(host, port, demo=False)`.

The record must exist already (`kinerja demo` builds one; `kinerja serve` serves any). Outside
the demo the settings are those of a server: DEBUG off and `SECRET_KEY` required from the
environment; with `KINERJA_HTTPS=1` (behind a TLS proxy) the cookies are secure and the proxy's
`X-Forwarded-Proto` is trusted. Static files are served by WhiteNoise from the application
itself, so no `collectstatic` step and no separate web server are needed. The WSGI server is
waitress (pure Python, production grade, several threads); Django's development server is used
only if waitress is missing.
"""

from __future__ import annotations

import os
import sys
from typing import Any


class ServerError(RuntimeError):
    """The server cannot start; str() is the message for the user (Bahasa Indonesia)."""


def prepare(demo: bool = False, database_url: str | None = None) -> None:
    """Set the environment for serving and configure Django (migrating the record)."""
    if demo:
        os.environ.setdefault("KINERJA_DEMO", "1")
    else:
        os.environ.pop("KINERJA_DEMO", None)
        os.environ["DEBUG"] = "0"
        if not (os.environ.get("SECRET_KEY") or os.environ.get("KINERJA_SECRET_KEY")):
            raise ServerError(
                "SECRET_KEY belum diatur. Untuk menjalankan server, tetapkan kunci rahasia yang "
                "panjang dan acak di lingkungan, misalnya:\n"
                "  export SECRET_KEY=\"$(python -c 'import secrets; "
                "print(secrets.token_urlsafe(50))')\"\n"
                "(untuk mencoba di laptop gunakan `kinerja demo`).")
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)


def application() -> Any:
    """The WSGI application."""
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


def _allow_host(host: str) -> None:
    from django.conf import settings

    if host not in ("0.0.0.0", "::", "") and host not in settings.ALLOWED_HOSTS \
            and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS.append(host)


def serve(host: str = "127.0.0.1", port: int = 8000, demo: bool = False,
          database_url: str | None = None, threads: int = 8, quiet: bool = False) -> None:
    """Serve the record at http://host:port until interrupted (see the module docstring)."""
    prepare(demo, database_url)
    _allow_host(host)
    from django.conf import settings

    db = settings.DATABASES["default"]
    if not quiet:
        print(f"kinerja melayani {db['NAME']} di http://{host}:{port}/ "
              f"({'demo' if demo else 'server'}; hentikan dengan Ctrl+C)", flush=True)
    try:
        import waitress
    except ImportError:  # pragma: no cover - waitress is a dependency
        print("Catatan: waitress tidak terpasang; memakai server pengembangan Django, "
              "jangan dipakai untuk produksi.", file=sys.stderr)
        from django.core.management import call_command

        call_command("runserver", f"{host}:{port}", use_reloader=False)
        return
    waitress.serve(application(), host=host, port=port, threads=threads,
                   ident="kinerja", _quiet=quiet)
