"""Creating governments and agencies (the `kinerja pd tambah` command and the admin pages)."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction

from kinerja.store.models import Agency, Government, Unit

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
LEVELS = ("provinsi", "kabkota")


class AgencyError(ValueError):
    """Bad input for an agency; str() is the message for the user."""


@transaction.atomic
def add_agency(slug: str, name: str, government: str, level: str, org_code: str = "",
               region_code: str = "", units: list[tuple[str, str]] | None = None,
               user: Any = None) -> tuple[Agency, bool, bool]:
    """Create the agency `slug` in `government` (created too when new). Returns (agency,
    agency_created, government_created). An existing agency with the same slug is left as it is
    when it matches, and is an error when it belongs to another government."""
    from kinerja.store import permissions

    slug = slug.strip().lower()
    if not SLUG.match(slug):
        raise AgencyError(
            f"slug '{slug}' tidak sah: gunakan huruf kecil, angka dan tanda hubung (maks. 60)")
    if level not in LEVELS:
        raise AgencyError(f"tingkat '{level}' tidak dikenal: pilih provinsi atau kabkota")
    if not name.strip() or not government.strip():
        raise AgencyError("nama PD dan nama pemda wajib diisi")
    gov = Government.objects.filter(name=government.strip()).first()
    gov_created = False
    if gov is None:
        if user is not None and not permissions.can(user, "manage_agency", Agency()):
            raise permissions.Denied("Anda tidak berwenang menambah pemerintah daerah")
        gov = Government.objects.create(name=government.strip(), level=level,
                                        region_code=region_code)
        gov_created = True
    elif gov.level != level:
        raise AgencyError(
            f"pemda '{gov.name}' sudah tercatat dengan tingkat {gov.level}, bukan {level}")
    if user is not None:
        permissions.require(user, "manage_agency", gov)
    existing = Agency.objects.filter(slug=slug).first()
    if existing is not None:
        if existing.government_id != gov.pk:
            raise AgencyError(
                f"PD '{slug}' sudah ada pada pemda '{existing.government.name}'")
        return existing, False, gov_created
    agency = Agency.objects.create(government=gov, slug=slug, name=name.strip(),
                                   org_code=org_code)
    for unit_name, kind in units or [("Sekretariat", "sekretariat")]:
        Unit.objects.get_or_create(agency=agency, name=unit_name, defaults={"kind": kind})
    return agency, True, gov_created


def get_agency(slug: str) -> Agency:
    """The agency with `slug`, or an `AgencyError` that says how to create it."""
    agency = Agency.objects.filter(slug=slug).select_related("government").first()
    if agency is None:
        raise AgencyError(
            f"PD '{slug}' tidak dikenal; buat dulu dengan: kinerja pd tambah {slug} "
            "--nama NAMA --pemda PEMDA --tingkat kabkota")
    return agency
