"""The audit trail: who changed which target, realisation, budget or document status, when,
and the value before and after."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditLog(models.Model):
    """One change of a recorded object."""

    ACTIONS = [("create", "dibuat"), ("update", "diubah"), ("delete", "dihapus"),
               ("status", "status diubah")]

    at = models.DateTimeField("waktu", default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+")
    actor_name = models.CharField("oleh", max_length=150, blank=True)
    agency = models.ForeignKey("store.Agency", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="audit_log")
    action = models.CharField("tindakan", max_length=8, choices=ACTIONS)
    model = models.CharField("jenis objek", max_length=40)
    object_id = models.CharField("id objek", max_length=40)
    object_repr = models.TextField("objek")
    before = models.JSONField("sebelum", null=True, blank=True)
    after = models.JSONField("sesudah", null=True, blank=True)

    class Meta:
        verbose_name = "jejak perubahan"
        verbose_name_plural = "jejak perubahan"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"
