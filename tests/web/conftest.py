"""Shared fixtures of the web tests: a small record in two governments and a user of every role.

`site` builds, in the government "Kabupaten Uji", two agencies (`bkpsdm-uji` and its sibling
`dinkes-uji`) and, in "Kota Seberang", a foreign agency `bkpsdm-seberang`. The own agency has a
Sekretariat and two Bidang, a sasaran with one IKU, a program with a kegiatan and two sub
kegiatan, indicators on each level with PK targets for 2025 (and a TW I realisation of the
program indicator), and budget lines (DPA pagu and TW I realisation). Every user's password is
`PASSWORD`; `login(role)` returns a Django test client logged in as that role's user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest

PASSWORD = "rahasia-uji-123"
YEAR = 2025

#: role -> username in the own agency's government (government roles) or own agency
USERNAMES = {
    "admin_pemda": "admin-uji",
    "bappeda": "bappeda-uji",
    "inspektorat": "inspektorat-uji",
    "perencana": "perencana-uji",
    "bidang": "bidang-uji",            # Bidang Mutasi of the own agency
    "bidang_lain": "bidang-lain-uji",  # Bidang Pengembangan of the own agency
    "pimpinan": "pimpinan-uji",
    "perencana_sibling": "perencana-dinkes",
    "perencana_foreign": "perencana-seberang",
    "bappeda_foreign": "bappeda-seberang",
    "none": "tanpa-peran",
    "superuser": "super-uji",
}


@dataclass
class Site:
    """The record and users of the web tests."""

    gov: Any
    other_gov: Any
    own: Any
    sibling: Any
    foreign: Any
    sekretariat: Any
    unit: Any          # Bidang Mutasi (the bidang user's unit)
    unit_other: Any    # Bidang Pengembangan
    sasaran: Any
    program: Any
    kegiatan: Any
    sub: Any           # sub kegiatan of Bidang Mutasi
    sub_other: Any     # sub kegiatan of Bidang Pengembangan
    iku: Any
    ind_program: Any
    ind_kegiatan: Any
    ind_sub: Any       # responsible: Bidang Mutasi
    ind_sub_other: Any  # responsible: Bidang Pengembangan
    foreign_indicator: Any
    users: dict[str, Any] = field(default_factory=dict)
    year: int = YEAR


def _user(role_key: str, superuser: bool = False) -> Any:
    from django.contrib.auth.models import User

    name = USERNAMES[role_key]
    if superuser:
        return User.objects.create_superuser(name, password=PASSWORD)
    return User.objects.create_user(name, password=PASSWORD,
                                    first_name=role_key.replace("_", " ").title())


def build_site() -> Site:
    """Create the record and users (inside a test with database access)."""
    from kinerja.store import auditing
    from kinerja.store.models import (
        Agency,
        BudgetLine,
        Government,
        Indicator,
        Membership,
        Node,
        Realisation,
        Sasaran,
        Target,
        Unit,
    )

    with auditing.acting_as(None, "uji"):
        gov = Government.objects.create(name="Kabupaten Uji", level="kabkota")
        other_gov = Government.objects.create(name="Kota Seberang", level="kabkota")
        own = Agency.objects.create(government=gov, slug="bkpsdm-uji",
                                    name="BKPSDM Kabupaten Uji")
        sibling = Agency.objects.create(government=gov, slug="dinkes-uji",
                                        name="Dinas Kesehatan Kabupaten Uji")
        foreign = Agency.objects.create(government=other_gov, slug="bkpsdm-seberang",
                                        name="BKPSDM Kota Seberang")
        sekretariat = Unit.objects.create(agency=own, name="Sekretariat", kind="sekretariat")
        unit = Unit.objects.create(agency=own, name="Bidang Mutasi", kind="bidang")
        unit_other = Unit.objects.create(agency=own, name="Bidang Pengembangan", kind="bidang")
        Unit.objects.create(agency=foreign, name="Bidang Mutasi", kind="bidang")

        sasaran = Sasaran.objects.create(agency=own, key="sasaran:profesionalitas",
                                         name="Meningkatnya profesionalitas ASN")
        program = Node.objects.create(agency=own, level="program", key="program:kepegawaian",
                                      code="5.03.02", official_name="Program Kepegawaian Daerah")
        kegiatan = Node.objects.create(agency=own, parent=program, level="kegiatan",
                                       key="program:kepegawaian/kegiatan:mutasi",
                                       code="5.03.02.2.02",
                                       official_name="Mutasi dan Promosi ASN")
        sub = Node.objects.create(agency=own, parent=kegiatan, level="sub_kegiatan",
                                  key="program:kepegawaian/kegiatan:mutasi/sub:kenaikan-pangkat",
                                  code="5.03.02.2.02.0001",
                                  official_name="Pengelolaan Kenaikan Pangkat ASN")
        sub_other = Node.objects.create(
            agency=own, parent=kegiatan, level="sub_kegiatan",
            key="program:kepegawaian/kegiatan:mutasi/sub:diklat",
            code="5.03.02.2.02.0002", official_name="Pengembangan Kompetensi Teknis")
        sasaran.nodes.add(program)

        def indicator(key: str, name: str, unit_name: str, responsible: Any, **kw: Any) -> Any:
            return Indicator.objects.create(agency=own, key=key, name=name, unit=unit_name,
                                            responsible_unit=responsible, **kw)

        iku = indicator("iku:ip-asn", "Indeks Profesionalitas ASN", "Nilai", sekretariat,
                        sasaran=sasaran, kind="level", within_year="last")
        ind_program = indicator("ind:program", "Persentase ASN yang naik pangkat tepat waktu",
                                "%", unit, node=program, kind="level", within_year="last")
        ind_kegiatan = indicator("ind:kegiatan", "Jumlah SK mutasi yang diterbitkan", "SK",
                                 unit, node=kegiatan)
        ind_sub = indicator("ind:sub", "Jumlah SK kenaikan pangkat", "SK", unit, node=sub)
        ind_sub_other = indicator("ind:sub-lain", "Jumlah peserta pelatihan teknis", "Orang",
                                  unit_other, node=sub_other)
        foreign_indicator = Indicator.objects.create(
            agency=foreign, key="ind:asing", name="Indikator PD lain", unit="Dokumen")

        for ind, value in ((iku, "75"), (ind_program, "90"), (ind_kegiatan, "400"),
                           (ind_sub, "1000"), (ind_sub_other, "200")):
            Target.objects.create(indicator=ind, year=YEAR, quarter=0, version="pk",
                                  value=Decimal(value), printed=value.replace(".", ","))
        Target.objects.create(indicator=foreign_indicator, year=YEAR, quarter=0, version="pk",
                              value=Decimal("4"), printed="4")
        Realisation.objects.create(indicator=ind_program, year=YEAR, quarter=1,
                                   value=Decimal("45"), printed="45")
        for node, pagu, tw1 in ((program, "1000000000", "250000000"),
                                (sub, "600000000", "150000000"),
                                (sub_other, "400000000", "100000000")):
            BudgetLine.objects.create(node=node, year=YEAR, stage="dpa", quarter=0,
                                      amount=Decimal(pagu), printed=pagu)
            BudgetLine.objects.create(node=node, year=YEAR, stage="realisasi", quarter=1,
                                      amount=Decimal(tw1), printed=tw1)

    users: dict[str, Any] = {}
    for role in ("admin_pemda", "bappeda", "inspektorat"):
        users[role] = _user(role)
        Membership.objects.create(user=users[role], role=role, government=gov)
    for role in ("perencana", "pimpinan"):
        users[role] = _user(role)
        Membership.objects.create(user=users[role], role=role, government=gov, agency=own)
    users["bidang"] = _user("bidang")
    Membership.objects.create(user=users["bidang"], role="bidang", government=gov, agency=own,
                              unit=unit)
    users["bidang_lain"] = _user("bidang_lain")
    Membership.objects.create(user=users["bidang_lain"], role="bidang", government=gov,
                              agency=own, unit=unit_other)
    users["perencana_sibling"] = _user("perencana_sibling")
    Membership.objects.create(user=users["perencana_sibling"], role="perencana", government=gov,
                              agency=sibling)
    users["perencana_foreign"] = _user("perencana_foreign")
    Membership.objects.create(user=users["perencana_foreign"], role="perencana",
                              government=other_gov, agency=foreign)
    users["bappeda_foreign"] = _user("bappeda_foreign")
    Membership.objects.create(user=users["bappeda_foreign"], role="bappeda",
                              government=other_gov)
    users["none"] = _user("none")
    users["superuser"] = _user("superuser", superuser=True)
    return Site(gov, other_gov, own, sibling, foreign, sekretariat, unit, unit_other, sasaran,
                program, kegiatan, sub, sub_other, iku, ind_program, ind_kegiatan, ind_sub,
                ind_sub_other, foreign_indicator, users)


@pytest.fixture
def site(db: Any) -> Site:
    """The shared web-test record with a user of every role."""
    return build_site()


@pytest.fixture
def login(site: Site, client: Any) -> Callable[[str], Any]:
    """`login(role)`: a fresh test client logged in as the user of that role (a key of
    `USERNAMES`)."""
    from django.test import Client

    def _login(role: str) -> Any:
        c = Client()
        c.force_login(site.users[role])
        return c

    return _login
