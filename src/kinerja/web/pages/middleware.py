"""A refused action shows the Indonesian 403 page of the application (with the layout, the
navigation and a way back) instead of Django's bare one; a JSON request gets a JSON answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def forbidden(request: HttpRequest, message: str | None = None) -> HttpResponse:
    """The 403 answer: JSON for a fetch() request or the API, the page otherwise."""
    text = message or _("Anda tidak berwenang membuka halaman ini.")
    wants_json = (request.headers.get("x-requested-with") == "fetch"
                  or "application/json" in request.headers.get("accept", "")
                  or request.path.startswith("/api/"))
    if wants_json:
        return JsonResponse({"ok": False, "error": text}, status=403)
    return render(request, "kinerja/403.html", {"message": text}, status=403)


class ForbiddenPageMiddleware:
    """Turn `PermissionDenied` (and the permission layer's `Denied`) into `forbidden()`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> Any:
        """Render the refusal; other exceptions pass on."""
        if isinstance(exception, PermissionDenied):
            from kinerja.store.permissions import Denied

            message = None
            if not isinstance(exception, Denied) and exception.args:
                message = str(exception.args[0])
            return forbidden(request, message)
        return None


class LanguageMiddleware:
    """Bahasa Indonesia unless the user chose another language with the language switch (the
    language cookie). Unlike Django's LocaleMiddleware the browser's Accept-Language is not
    followed: the application speaks Indonesian by default to everyone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        available = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
