"""Governments (pemda), their agencies (perangkat daerah) with units, planning periods, and the
roles users hold in them."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Government(models.Model):
    """A regional government: a provinsi or a kabupaten/kota."""

    LEVELS = [("provinsi", "Provinsi"), ("kabkota", "Kabupaten/Kota")]

    name = models.CharField("nama", max_length=200, unique=True)
    level = models.CharField("tingkat", max_length=10, choices=LEVELS)
    region_code = models.CharField("kode wilayah", max_length=20, blank=True)

    class Meta:
        verbose_name = "pemerintah daerah"
        verbose_name_plural = "pemerintah daerah"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Agency(models.Model):
    """A perangkat daerah (PD/OPD) of a government, identified by its slug."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="agencies")
    slug = models.SlugField(unique=True, max_length=60)
    name = models.CharField("nama", max_length=300)
    org_code = models.CharField("kode organisasi", max_length=60, blank=True)

    class Meta:
        verbose_name = "perangkat daerah"
        verbose_name_plural = "perangkat daerah"
        ordering = ["slug"]

    def __str__(self) -> str:
        return f"{self.name} ({self.slug})"

    @property
    def agency(self) -> Agency:
        """The agency itself (every scoped object answers `.agency`)."""
        return self


class Unit(models.Model):
    """A unit of an agency: the Sekretariat, a Bidang or an UPTD."""

    KINDS = [("sekretariat", "Sekretariat"), ("bidang", "Bidang"), ("uptd", "UPTD")]

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="units")
    name = models.CharField("nama", max_length=200)
    kind = models.CharField("jenis", max_length=12, choices=KINDS, default="bidang")

    class Meta:
        verbose_name = "unit kerja"
        verbose_name_plural = "unit kerja"
        ordering = ["agency", "name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="unit_unique")]

    def __str__(self) -> str:
        return self.name


class Period(models.Model):
    """A planning period of an agency (Renstra 2021–2026 ...)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="periods")
    name = models.CharField("nama", max_length=100)
    start_year = models.PositiveSmallIntegerField("tahun awal")
    end_year = models.PositiveSmallIntegerField("tahun akhir")

    class Meta:
        verbose_name = "periode perencanaan"
        verbose_name_plural = "periode perencanaan"
        ordering = ["agency", "start_year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "start_year", "end_year"],
                                    name="period_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A role a user holds: in a whole government (admin pemda, Bappeda, Inspektorat) or in one
    agency (perencana, pimpinan), or in one unit of an agency (bidang)."""

    ROLES = [
        ("admin_pemda", "Admin pemda"),
        ("bappeda", "Bappeda"),
        ("inspektorat", "Inspektorat"),
        ("perencana", "Perencana PD"),
        ("bidang", "Bidang"),
        ("pimpinan", "Pimpinan"),
    ]
    GOVERNMENT_ROLES = frozenset({"admin_pemda", "bappeda", "inspektorat"})

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships")
    role = models.CharField("peran", max_length=12, choices=ROLES)
    government = models.ForeignKey(Government, on_delete=models.CASCADE,
                                   related_name="memberships")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="memberships")

    class Meta:
        verbose_name = "peran pengguna"
        verbose_name_plural = "peran pengguna"
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "government", "agency", "unit"],
                                    name="membership_unique"),
        ]

    def __str__(self) -> str:
        where = self.unit or self.agency or self.government
        return f"{self.user} – {self.get_role_display()} – {where}"
