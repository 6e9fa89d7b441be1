"""Fixtures of the record tests: two governments, agencies in them, and a user of every role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest


@dataclass
class World:
    """Two agencies of one government (own, sibling), one of another government, and users."""

    gov: Any
    other_gov: Any
    own: Any
    sibling: Any
    foreign: Any
    own_unit: Any
    other_unit: Any
    users: dict[str, Any]


@pytest.fixture
def world(db: Any) -> World:
    """A small record with a user of every role in the own agency's government."""
    from django.contrib.auth.models import User

    from kinerja.store.models import Agency, Government, Membership, Unit

    gov = Government.objects.create(name="Kabupaten Contoh", level="kabkota")
    other_gov = Government.objects.create(name="Kota Lain", level="kabkota")
    own = Agency.objects.create(government=gov, slug="bkpsdm", name="BKPSDM Kabupaten Contoh")
    sibling = Agency.objects.create(government=gov, slug="dinkes", name="Dinas Kesehatan")
    foreign = Agency.objects.create(government=other_gov, slug="bkpsdm-lain",
                                    name="BKPSDM Kota Lain")
    own_unit = Unit.objects.create(agency=own, name="Bidang Mutasi", kind="bidang")
    other_unit = Unit.objects.create(agency=own, name="Sekretariat", kind="sekretariat")
    users: dict[str, Any] = {}
    for role in ("admin_pemda", "bappeda", "inspektorat"):
        u = User.objects.create_user(role)
        Membership.objects.create(user=u, role=role, government=gov)
        users[role] = u
    for role in ("perencana", "pimpinan"):
        u = User.objects.create_user(role)
        Membership.objects.create(user=u, role=role, government=gov, agency=own)
        users[role] = u
    u = User.objects.create_user("bidang")
    Membership.objects.create(user=u, role="bidang", government=gov, agency=own, unit=own_unit)
    users["bidang"] = u
    users["none"] = User.objects.create_user("tanpa_peran")
    users["superuser"] = User.objects.create_superuser("super", password="x")
    return World(gov, other_gov, own, sibling, foreign, own_unit, other_unit, users)
