"""Stored results of the civil-service indices (IP ASN, IKM, nilai SAKIP, Sistem Merit, NSPK
and composite indices) of an agency for a year.

A result keeps everything needed to trust it later: the value and its category, the full result
as the index module gave it (`to_dict()`), the working as text, the input file's name and
SHA-256, the settings used, and who computed it when. Computing the same index again for the
same agency, year and name updates the stored result instead of adding another one."""

from __future__ import annotations

from django.conf import settings as django_settings
from django.db import models
from django.utils import timezone

from kinerja.store.fields import ExactDecimalField
from kinerja.store.models.indicators import Realisation
from kinerja.store.models.organisation import Agency


class IndexResult(models.Model):
    """One computed index of an agency for a year."""

    KINDS = [
        ("ipasn", "Indeks Profesionalitas ASN"),
        ("ikm", "Indeks Kepuasan Masyarakat"),
        ("lke", "Nilai evaluasi SAKIP (LKE)"),
        ("merit", "Indeks Sistem Merit"),
        ("nspk", "Indeks NSPK Manajemen ASN"),
        ("komposit", "Indeks komposit"),
    ]

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="index_results")
    year = models.PositiveSmallIntegerField("tahun")
    kind = models.CharField("jenis indeks", max_length=10, choices=KINDS)
    name = models.CharField("nama", max_length=300)
    value = ExactDecimalField("nilai", max_digits=24, decimal_places=6, null=True, blank=True)
    category = models.CharField("kategori", max_length=20, blank=True)
    category_label = models.CharField("keterangan kategori", max_length=100, blank=True)
    result = models.JSONField("hasil lengkap", default=dict, blank=True)
    working = models.TextField("uraian perhitungan", blank=True)
    file_name = models.CharField("berkas masukan", max_length=300, blank=True)
    sha256 = models.CharField("SHA-256 masukan", max_length=64, blank=True)
    settings = models.JSONField("pengaturan", default=dict, blank=True)
    computed_by = models.ForeignKey(django_settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    computed_by_name = models.CharField("dihitung oleh", max_length=150, blank=True)
    computed_at = models.DateTimeField("dihitung pada", default=timezone.now)
    realisations = models.ManyToManyField(Realisation, blank=True, related_name="index_results",
                                          verbose_name="realisasi yang diisi")

    class Meta:
        verbose_name = "hasil indeks"
        verbose_name_plural = "hasil indeks"
        ordering = ["agency", "year", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "kind", "name"],
                                    name="indexresult_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} – {self.name}"
