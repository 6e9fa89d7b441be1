"""API tokens: a secret that lets a program act as one user through the JSON API.

Only a digest of the secret is stored; the secret itself is shown once, when the token is
made (`kinerja token buat USERNAME`). A token can be revoked; its last use is recorded."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

#: Every secret starts with this, so that a leaked one is easy to recognise.
PREFIX = "knj_"


def digest(secret: str) -> str:
    """The SHA-256 digest under which a secret is stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    """A token of a user for the JSON API."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="api_tokens")
    name = models.CharField("nama", max_length=100, blank=True)
    key_digest = models.CharField("sidik kunci", max_length=64, unique=True)
    hint = models.CharField("awal kunci", max_length=12, blank=True)
    created_at = models.DateTimeField("dibuat pada", default=timezone.now)
    last_used_at = models.DateTimeField("terakhir dipakai", null=True, blank=True)
    revoked_at = models.DateTimeField("dicabut pada", null=True, blank=True)

    class Meta:
        verbose_name = "token API"
        verbose_name_plural = "token API"
        ordering = ["user", "created_at"]

    def __str__(self) -> str:
        return f"{self.user} {self.hint}… ({self.name or 'tanpa nama'})"

    @classmethod
    def issue(cls, user: Any, name: str = "") -> tuple[ApiToken, str]:
        """A new token of `user` and its secret (shown once, never stored)."""
        secret = PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name[:100], key_digest=digest(secret),
                                   hint=secret[:10])
        return token, secret

    @classmethod
    def user_for(cls, secret: str) -> Any:
        """The active user a valid, unrevoked secret belongs to, else None; notes the use."""
        if not secret:
            return None
        token = (cls.objects.select_related("user")
                 .filter(key_digest=digest(secret.strip()), revoked_at__isnull=True).first())
        if token is None or not token.user.is_active:
            return None
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user

    def revoke(self) -> None:
        """Make the token unusable from now on."""
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
