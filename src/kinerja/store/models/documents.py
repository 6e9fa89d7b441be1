"""Documents (Renstra, Renja, PK, LKjIP ...) with their versions and status, the imports of
document tables with the audit findings stored beside them, and the evaluations written by
Bappeda and the Inspektorat.

A final document is locked: saving it again raises `DocumentLocked`; a change means a new
version (`kinerja.store.services.documents.new_version`). At finalisation the document's content
is frozen in `snapshot`, so an old version stays reproducible exactly."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from kinerja.store.fields import ExactDecimalField
from kinerja.store.models.organisation import Agency, Unit


class DocumentLocked(Exception):
    """A final document was about to be changed; str() is the message for the user."""


class Document(models.Model):
    """A planning or reporting document of an agency for a year, in one version."""

    KINDS = [
        ("renstra", "Renstra"),
        ("renja", "Renja"),
        ("renja_perubahan", "Renja Perubahan"),
        ("pk", "Perjanjian Kinerja"),
        ("pk_perubahan", "PK Perubahan"),
        ("lkjip", "LKjIP"),
    ]
    STATUSES = [("draft", "Draf"), ("final", "Final")]
    CAPACITIES = [("definitif", "Definitif"), ("plt", "Pelaksana Tugas (PLT)"),
                  ("plh", "Pelaksana Harian (PLH)")]

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField("jenis", max_length=20, choices=KINDS)
    year = models.PositiveSmallIntegerField("tahun")
    version = models.PositiveSmallIntegerField("versi", default=1)
    title = models.CharField("judul", max_length=400, blank=True)
    status = models.CharField("status", max_length=6, choices=STATUSES, default="draft")
    finalised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+")
    finalised_at = models.DateTimeField("difinalkan pada", null=True, blank=True)
    signatory_name = models.CharField("penanda tangan", max_length=200, blank=True)
    signatory_nip = models.CharField("NIP", max_length=30, blank=True)
    signatory_position = models.CharField("jabatan", max_length=200, blank=True)
    signatory_capacity = models.CharField("kedudukan", max_length=10, choices=CAPACITIES,
                                          default="definitif")
    snapshot = models.JSONField("isi saat difinalkan", null=True, blank=True)

    class Meta:
        verbose_name = "dokumen"
        verbose_name_plural = "dokumen"
        ordering = ["agency", "kind", "year", "version"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind", "year", "version"],
                                    name="document_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} v{self.version} ({self.status})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save, refusing any change to a document that is already final."""
        if self.pk is not None:
            stored = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored == "final":
                raise DocumentLocked(
                    f"{self} sudah final dan terkunci; buat versi baru untuk mengubahnya"
                )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        """Delete, refusing to delete a final document."""
        if self.status == "final":
            raise DocumentLocked(f"{self} sudah final dan tidak dapat dihapus")
        return super().delete(*args, **kwargs)


class Import(models.Model):
    """One document table loaded into the record. The key (agency, kind, title, year, version)
    makes a second import of the same table update this one instead of adding another."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="imports")
    kind = models.CharField("jenis tabel", max_length=30)
    title = models.CharField("judul", max_length=500)
    file_name = models.CharField("nama berkas", max_length=300)
    year = models.PositiveSmallIntegerField("tahun")
    version = models.CharField("versi dokumen", max_length=20)
    sha256 = models.CharField(max_length=64)
    row_count = models.PositiveIntegerField(default=0)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    imported_at = models.DateTimeField("diimpor pada", default=timezone.now)
    meta = models.JSONField("meta", default=dict, blank=True)

    class Meta:
        verbose_name = "impor tabel"
        verbose_name_plural = "impor tabel"
        ordering = ["agency", "kind", "year", "version", "title"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind", "title", "year", "version"],
                                    name="import_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year} {self.version}: {self.title}"


class ImportFinding(models.Model):
    """A finding of the audit, stored with the import it was found in."""

    source = models.ForeignKey(Import, on_delete=models.CASCADE, related_name="findings")
    row = models.PositiveIntegerField("baris")
    column = models.CharField("kolom", max_length=100)
    rule = models.CharField("aturan", max_length=40)
    severity = models.CharField("tingkat", max_length=10)
    printed = models.TextField("tercetak", null=True, blank=True)
    expected = models.TextField("seharusnya", null=True, blank=True)
    message = models.TextField("pesan")

    class Meta:
        verbose_name = "temuan"
        verbose_name_plural = "temuan"
        ordering = ["source", "row", "column", "rule"]

    def __str__(self) -> str:
        return f"baris {self.row}, {self.column}: {self.rule}"

    @property
    def agency(self) -> Agency:
        """The agency of the import."""
        return self.source.agency


class EvaluationNote(models.Model):
    """A note of Bappeda on an agency's Renja or quarterly realisation."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="evaluation_notes")
    year = models.PositiveSmallIntegerField("tahun")
    quarter = models.PositiveSmallIntegerField("triwulan", default=0)
    text = models.TextField("catatan")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "catatan evaluasi"
        verbose_name_plural = "catatan evaluasi"
        ordering = ["agency", "year", "quarter", "created_at"]

    def __str__(self) -> str:
        return f"{self.agency.slug} {self.year}/{self.quarter}"


class SakipEvaluation(models.Model):
    """The Inspektorat's SAKIP evaluation (LKE) of an agency for a year: score and grade."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="sakip_evaluations")
    year = models.PositiveSmallIntegerField("tahun")
    score = ExactDecimalField("nilai", max_digits=6, decimal_places=2, null=True, blank=True)
    grade = models.CharField("predikat", max_length=4, blank=True)
    notes = models.TextField("catatan", blank=True)
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "evaluasi SAKIP"
        verbose_name_plural = "evaluasi SAKIP"
        ordering = ["agency", "year"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="sakip_unique")]

    def __str__(self) -> str:
        return f"{self.agency.slug} {self.year}: {self.grade}"


class Recommendation(models.Model):
    """A recommendation of a SAKIP evaluation tracked to closure: the action planned, the unit
    responsible (a unit of the agency, or the name as written when it is none of them), the
    status, the evidence, the due date and the date it was closed."""

    STATUSES = [("belum", "Belum ditindaklanjuti"), ("proses", "Dalam proses"),
                ("selesai", "Selesai")]

    evaluation = models.ForeignKey(SakipEvaluation, on_delete=models.CASCADE,
                                   related_name="recommendations")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField("rekomendasi")
    status = models.CharField("status", max_length=8, choices=STATUSES, default="belum")
    follow_up = models.TextField("tindak lanjut", blank=True)
    action = models.TextField("rencana aksi", blank=True)
    responsible_unit = models.ForeignKey(Unit, on_delete=models.SET_NULL, null=True, blank=True,
                                         related_name="recommendations",
                                         verbose_name="unit penanggung jawab")
    responsible_text = models.CharField("penanggung jawab (tertulis)", max_length=300,
                                        blank=True)
    evidence = models.TextField("bukti (teks atau tautan)", blank=True)
    due_date = models.DateField("batas waktu", null=True, blank=True)
    closed_at = models.DateField("tanggal selesai", null=True, blank=True)

    class Meta:
        verbose_name = "rekomendasi"
        verbose_name_plural = "rekomendasi"
        ordering = ["evaluation", "position"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def agency(self) -> Agency:
        """The agency evaluated."""
        return self.evaluation.agency
