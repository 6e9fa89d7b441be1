"""Django settings of kinerja.

The database comes from `DATABASE_URL` (`sqlite:///path` or `postgresql://user:pass@host:port/name`);
without it the record is a SQLite file at `$KINERJA_HOME/kinerja.sqlite3` (`KINERJA_HOME` defaults
to `./var`). While pytest runs, `KINERJA_TEST_DATABASE_URL` takes precedence so that the test suite
can run on PostgreSQL as well as on SQLite. `SECRET_KEY` comes from the environment; a fixed
development key is used only when `KINERJA_DEMO` or `DEBUG` is set.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

BASE_DIR = Path(__file__).resolve().parent


def _truthy(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def kinerja_home() -> Path:
    """The folder that holds the default SQLite database (`$KINERJA_HOME`, default `./var`)."""
    return Path(os.environ.get("KINERJA_HOME") or "var").resolve()


def parse_database_url(url: str) -> dict[str, Any]:
    """Turn a database URL into a Django DATABASES entry.

    `sqlite:///relative.db`, `sqlite:////absolute/path.db`, `sqlite://:memory:`,
    `postgres://` or `postgresql://user:password@host:port/name?sslmode=...`.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        raw = url.split("://", 1)[1]
        if raw in {":memory:", "/:memory:", ""}:
            name = ":memory:"
        else:
            name = raw[1:] if raw.startswith("/") else raw
            name = unquote(name) or ":memory:"
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": name}
    if scheme in {"postgres", "postgresql", "pgsql", "psql"}:
        options: dict[str, str] = {}
        for pair in filter(None, parts.query.split("&")):
            key, _, value = pair.partition("=")
            options[key] = unquote(value)
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")) or "postgres",
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "OPTIONS": options,
        }
    raise ValueError(f"DATABASE_URL tidak dikenal: {url!r} (gunakan sqlite:/// atau postgresql://)")


def database_url() -> str:
    """The database URL in effect (see the module docstring)."""
    if os.environ.get("PYTEST_VERSION") and os.environ.get("KINERJA_TEST_DATABASE_URL"):
        return os.environ["KINERJA_TEST_DATABASE_URL"]
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    return f"sqlite:///{kinerja_home() / 'kinerja.sqlite3'}"


DEBUG = _truthy("DEBUG")
_DEV_KEY = "kinerja-dev-only-not-for-production"
SECRET_KEY = os.environ.get("SECRET_KEY") or os.environ.get("KINERJA_SECRET_KEY") or ""
if not SECRET_KEY and (DEBUG or _truthy("KINERJA_DEMO") or os.environ.get("PYTEST_VERSION")):
    # a development key only for the demo, debugging and tests; a server without SECRET_KEY
    # refuses to start (Django raises when the empty key is first used)
    SECRET_KEY = _DEV_KEY

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "kinerja.store",
    "kinerja.web",
    "kinerja.web.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kinerja.web.pages.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kinerja.web.pages.middleware.ForbiddenPageMiddleware",
]

ROOT_URLCONF = os.environ.get("KINERJA_URLCONF", "kinerja.web.urls")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kinerja.web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": parse_database_url(database_url())}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
TIME_ZONE = "Asia/Makassar"
USE_I18N = True
LOCALE_PATHS = [str(BASE_DIR / "locale")]
USE_TZ = True

STATIC_URL = "static/"
# WhiteNoise serves the static files straight from the apps (no collectstatic step needed)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# STATIC_ROOT exists only after `collectstatic`, which WhiteNoise does not need
warnings.filterwarnings("ignore", message="No directory at")
STATIC_ROOT = str(kinerja_home() / "static")
MEDIA_ROOT = str(kinerja_home() / "media")
MEDIA_URL = "media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGIN_URL = "pages:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "pages:login"

# Behind a TLS-terminating proxy (KINERJA_HTTPS=1): secure cookies, trust X-Forwarded-Proto.
if _truthy("KINERJA_HTTPS"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SESSION_COOKIE_HTTPONLY = True

PASSWORD_HASHERS = (
    ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if os.environ.get("PYTEST_VERSION")
    else ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
)
