"""The admin pages read and write through the permission layer, and create an agency with a
new government as `kinerja pd tambah` does."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_admin_lists_only_permitted_agencies(world: Any, client: Any) -> None:
    admin = world.users["admin_pemda"]
    admin.is_staff = True
    admin.save()
    client.force_login(admin)
    page = client.get(reverse("admin:store_agency_changelist"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "bkpsdm" in text and "dinkes" in text and "bkpsdm-lain" not in text
    foreign = client.get(reverse("admin:store_agency_change", args=[world.foreign.pk]))
    assert foreign.status_code in (302, 403, 404)


def test_admin_creates_agency_with_new_government(world: Any, client: Any) -> None:
    from kinerja.store.models import Agency, Government

    client.force_login(world.users["superuser"])
    data = {
        "slug": "bkd-kaltim", "name": "BKD Provinsi Kalimantan Timur", "org_code": "",
        "government": "", "new_government": "Provinsi Kalimantan Timur",
        "new_level": "provinsi",
        "units-TOTAL_FORMS": "0", "units-INITIAL_FORMS": "0",
        "units-MIN_NUM_FORMS": "0", "units-MAX_NUM_FORMS": "1000",
    }
    page = client.post(reverse("admin:store_agency_add"), data)
    assert page.status_code == 302, page.content.decode()[:2000]
    agency = Agency.objects.get(slug="bkd-kaltim")
    assert agency.government == Government.objects.get(name="Provinsi Kalimantan Timur")
    assert agency.government.level == "provinsi"


def test_admin_pemda_cannot_create_a_government(world: Any, client: Any) -> None:
    from kinerja.store.models import Agency, Government

    admin = world.users["admin_pemda"]
    admin.is_staff = True
    admin.save()
    client.force_login(admin)
    data = {
        "slug": "baru", "name": "PD Baru", "org_code": "", "government": "",
        "new_government": "Kabupaten Baru", "new_level": "kabkota",
        "units-TOTAL_FORMS": "0", "units-INITIAL_FORMS": "0",
        "units-MIN_NUM_FORMS": "0", "units-MAX_NUM_FORMS": "1000",
    }
    page = client.post(reverse("admin:store_agency_add"), data)
    assert page.status_code == 200
    assert "Hanya administrator sistem" in page.content.decode()
    assert not Government.objects.filter(name="Kabupaten Baru").exists()
    data.update(government=str(world.gov.pk), new_government="", new_level="", slug="baru2")
    page = client.post(reverse("admin:store_agency_add"), data)
    assert page.status_code == 302
    assert Agency.objects.get(slug="baru2").government == world.gov
    data.update(government=str(world.other_gov.pk), slug="baru3")
    page = client.post(reverse("admin:store_agency_add"), data)
    assert page.status_code == 200
    assert not Agency.objects.filter(slug="baru3").exists()
