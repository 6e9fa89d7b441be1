"""Indicators (on a sasaran or on a plan node), their targets per document version, year and
quarter, and their realisations. A missing value is `None`, never zero; the printed text is kept
beside every value."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from kinerja.store.fields import ExactDecimalField
from kinerja.store.models.organisation import Agency, Unit
from kinerja.store.models.plan import Node, Sasaran

#: Indicator values: exact decimals (percentages such as 84,055 keep their digits).
VALUE = {"max_digits": 24, "decimal_places": 6, "null": True, "blank": True}

VERSIONS = [
    ("renstra", "Renstra"),
    ("renja", "Renja"),
    ("renja_perubahan", "Renja Perubahan"),
    ("pk", "Perjanjian Kinerja"),
    ("pk_perubahan", "PK Perubahan"),
    ("rencana_aksi", "Rencana Aksi"),
    ("ranwal_rkpd", "Rancangan Awal RKPD"),
    ("analisis_kebutuhan", "Analisis kebutuhan"),
    ("lkjip", "LKjIP"),
]
QUARTERS = [(0, "setahun"), (1, "TW I"), (2, "TW II"), (3, "TW III"), (4, "TW IV")]


class Indicator(models.Model):
    """An indicator: the IKU of a sasaran or the outcome/output indicator of a node."""

    KINDS = [("flow", "Arus (dijumlah)"), ("level", "Tingkat (nilai terakhir)"),
             ("undecided", "Belum ditentukan")]
    POLARITIES = [("positive", "Makin tinggi makin baik"), ("negative", "Makin rendah makin baik"),
                  ("range", "Rentang")]
    WITHIN_YEAR = [("sum", "Jumlah"), ("last", "Terakhir"), ("max", "Terbesar"),
                   ("mean", "Rata-rata")]

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="indicators")
    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="indicators")
    node = models.ForeignKey(Node, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="indicators")
    key = models.CharField(max_length=200)
    name = models.TextField("nama")
    unit = models.CharField("satuan", max_length=60, blank=True)
    kind = models.CharField("jenis", max_length=10, choices=KINDS, default="flow")
    polarity = models.CharField("polaritas", max_length=10, choices=POLARITIES,
                                default="positive")
    within_year = models.CharField("aturan dalam tahun", max_length=6, choices=WITHIN_YEAR,
                                   default="sum")
    formula = models.TextField("rumus", blank=True)
    data_source = models.CharField("sumber data", max_length=300, blank=True)
    responsible_unit = models.ForeignKey(Unit, on_delete=models.SET_NULL, null=True, blank=True,
                                         related_name="indicators")
    scale = models.CharField("skala", max_length=40, blank=True)
    spm = models.TextField("SPM/standar nasional", blank=True,
                           help_text="Acuan Standar Pelayanan Minimal (T-C.30)")
    ikk = models.TextField("IKK", blank=True,
                           help_text="Acuan Indikator Kinerja Kunci (T-C.30)")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["agency", "key"]
        constraints = [models.UniqueConstraint(fields=["agency", "key"], name="indicator_unique")]

    def __str__(self) -> str:
        return self.name


class Target(models.Model):
    """A target of an indicator for a year (quarter 0) or a quarter, as one document version
    states it. Different versions and different source tables are kept side by side."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField("tahun")
    quarter = models.PositiveSmallIntegerField("triwulan", choices=QUARTERS, default=0)
    version = models.CharField("versi", max_length=20, choices=VERSIONS)
    value = ExactDecimalField("nilai", **VALUE)
    printed = models.CharField("tercetak", max_length=120, blank=True)
    unit = models.CharField("satuan", max_length=60, blank=True)
    source = models.ForeignKey("Import", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="targets")

    class Meta:
        verbose_name = "target"
        verbose_name_plural = "target"
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "quarter", "version", "source"],
                                    name="target_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}/{self.quarter} {self.version}: {self.printed}"

    @property
    def agency(self) -> Agency:
        """The agency the target belongs to."""
        return self.indicator.agency


class Realisation(models.Model):
    """A realisation of an indicator for a year (quarter 0) or a quarter; `cumulative` marks a
    value "up to and including" the year. Missing is `None`, not zero."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE,
                                  related_name="realisations")
    year = models.PositiveSmallIntegerField("tahun")
    quarter = models.PositiveSmallIntegerField("triwulan", choices=QUARTERS, default=0)
    cumulative = models.BooleanField("kumulatif s/d tahun", default=False)
    value = ExactDecimalField("nilai", **VALUE)
    printed = models.CharField("tercetak", max_length=120, blank=True)
    unit = models.CharField("satuan", max_length=60, blank=True)
    note = models.TextField("catatan", blank=True)
    evidence_file = models.FileField("berkas bukti", upload_to="bukti/", blank=True)
    evidence_link = models.URLField("tautan bukti", max_length=500, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    reported_at = models.DateTimeField("dilaporkan pada", default=timezone.now)
    source = models.ForeignKey("Import", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="realisations")

    class Meta:
        verbose_name = "realisasi"
        verbose_name_plural = "realisasi"
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "quarter", "cumulative", "source"],
                name="realisation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}/{self.quarter}: {self.printed}"

    @property
    def agency(self) -> Agency:
        """The agency the realisation belongs to."""
        return self.indicator.agency
