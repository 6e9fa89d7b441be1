"""Strategy and the plan tree: tujuan → sasaran (with the programs and kegiatan that serve
each sasaran) and program → kegiatan → sub kegiatan bound to the official nomenclature.

Every node and sasaran has a `key`: a stable text path built from normalised names
(`program:penunjang urusan .../kegiatan:...`). Imports find existing rows by it, and exports
refer to rows by it, so that nothing depends on database ids."""

from __future__ import annotations

from django.db import models

from kinerja.store.models.organisation import Agency, Period


class Tujuan(models.Model):
    """A goal of an agency's Renstra."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="tujuan")
    period = models.ForeignKey(Period, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="tujuan")
    key = models.CharField(max_length=200)
    name = models.TextField("nama")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["agency", "position", "key"]
        constraints = [models.UniqueConstraint(fields=["agency", "key"], name="tujuan_unique")]

    def __str__(self) -> str:
        return self.name


class Sasaran(models.Model):
    """A target (objective) of a Renstra, with its IKU (indicators) and the programs and
    kegiatan that serve it."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="sasaran")
    period = models.ForeignKey(Period, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="sasaran")
    tujuan = models.ForeignKey(Tujuan, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="sasaran")
    key = models.CharField(max_length=200)
    name = models.TextField("nama")
    position = models.PositiveIntegerField(default=0)
    nodes = models.ManyToManyField("Node", blank=True, related_name="sasaran",
                                   verbose_name="program dan kegiatan yang melayani")

    class Meta:
        verbose_name = "sasaran"
        verbose_name_plural = "sasaran"
        ordering = ["agency", "position", "key"]
        constraints = [models.UniqueConstraint(fields=["agency", "key"], name="sasaran_unique")]

    def __str__(self) -> str:
        return self.name


class Node(models.Model):
    """A program, kegiatan or sub kegiatan of an agency's plan tree.

    `code` is the canonical nomenclature code where known, `printed_code` the code as the
    document printed it; `official_name` the nomenclature's name and `local_name` the name the
    document uses where it differs (kept and shown)."""

    LEVELS = [("program", "Program"), ("kegiatan", "Kegiatan"), ("sub_kegiatan", "Sub kegiatan")]

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="nodes")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="children")
    level = models.CharField("tingkat", max_length=12, choices=LEVELS)
    key = models.CharField(max_length=200)
    code = models.CharField("kode", max_length=40, blank=True)
    printed_code = models.CharField("kode tercetak", max_length=60, blank=True)
    official_name = models.TextField("nama resmi", blank=True)
    local_name = models.TextField("nama dalam dokumen", blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "program/kegiatan/sub kegiatan"
        verbose_name_plural = "program/kegiatan/sub kegiatan"
        ordering = ["agency", "key"]
        constraints = [models.UniqueConstraint(fields=["agency", "key"], name="node_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()

    @property
    def name(self) -> str:
        """The name to show: the document's own name if it has one, else the official one."""
        return self.local_name or self.official_name
