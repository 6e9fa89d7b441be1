"""Budgets: the amount of a node per year and stage (and, for realisation, per quarter), and
the changes between stages with their type and reason. Money is an exact decimal."""

from __future__ import annotations

from django.db import models

from kinerja.store.fields import ExactDecimalField
from kinerja.store.models.organisation import Agency
from kinerja.store.models.plan import Node

MONEY = {"max_digits": 20, "decimal_places": 2, "null": True, "blank": True}

STAGES = [
    ("ranwal_rkpd", "Rancangan Awal RKPD"),
    ("analisis_kebutuhan", "Analisis kebutuhan"),
    ("renja", "Renja"),
    ("rka", "RKA"),
    ("apbd", "APBD"),
    ("apbd_perubahan", "APBD Perubahan"),
    ("dpa", "DPA/DPPA"),
    ("prakiraan_maju", "Prakiraan maju"),
    ("realisasi", "Realisasi"),
]


class BudgetLine(models.Model):
    """The amount of a node in a year at a stage. For stage `realisasi`, `quarter` 1–4 is a
    quarter's realisation and 0 the year's; `cumulative` marks a realisation "up to and
    including" the year (the quarterly form's Renstra realisation to date)."""

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="budget_lines")
    year = models.PositiveSmallIntegerField("tahun")
    stage = models.CharField("tahap", max_length=20, choices=STAGES)
    quarter = models.PositiveSmallIntegerField("triwulan", default=0)
    cumulative = models.BooleanField("kumulatif s.d. tahun", default=False)
    amount = ExactDecimalField("jumlah (Rp)", **MONEY)
    printed = models.CharField("tercetak", max_length=60, blank=True)
    funding_source = models.CharField("sumber dana", max_length=200, blank=True)
    location = models.CharField("lokasi", max_length=200, blank=True)
    source = models.ForeignKey("Import", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="budget_lines")

    class Meta:
        verbose_name = "anggaran"
        verbose_name_plural = "anggaran"
        constraints = [
            models.UniqueConstraint(
                fields=["node", "year", "stage", "quarter", "cumulative", "source"],
                name="budget_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.node} {self.year} {self.stage}: {self.printed}"

    @property
    def agency(self) -> Agency:
        """The agency the budget belongs to."""
        return self.node.agency


class BudgetChange(models.Model):
    """A change of a node between two stages of a year (Renja Perubahan): its type and reason."""

    TYPES = [
        ("rasionalisasi", "Rasionalisasi"),
        ("penambahan", "Penambahan"),
        ("pergeseran", "Pergeseran"),
        ("perubahan_target", "Perubahan target"),
        ("sub_kegiatan_baru", "Sub kegiatan baru"),
        ("sub_kegiatan_dihapus", "Sub kegiatan dihapus"),
        ("tetap", "Tidak berubah"),
    ]

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="budget_changes")
    year = models.PositiveSmallIntegerField("tahun")
    from_stage = models.CharField("dari tahap", max_length=20, choices=STAGES)
    to_stage = models.CharField("ke tahap", max_length=20, choices=STAGES)
    change_type = models.CharField("jenis perubahan", max_length=22, choices=TYPES)
    amount_before = ExactDecimalField("pagu sebelum", **MONEY)
    amount_after = ExactDecimalField("pagu sesudah", **MONEY)
    target_before = models.CharField("target sebelum", max_length=120, blank=True)
    target_after = models.CharField("target sesudah", max_length=120, blank=True)
    reason = models.TextField("alasan", blank=True)
    source = models.ForeignKey("Import", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="budget_changes")

    class Meta:
        verbose_name = "perubahan anggaran"
        verbose_name_plural = "perubahan anggaran"
        constraints = [
            models.UniqueConstraint(fields=["node", "year", "from_stage", "to_stage", "source"],
                                    name="budget_change_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.node} {self.year}: {self.get_change_type_display()}"

    @property
    def agency(self) -> Agency:
        """The agency the change belongs to."""
        return self.node.agency
