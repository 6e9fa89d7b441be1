"""The demo record: the three seed agencies (Paser, Kutai Kartanegara, Samarinda) imported from
the bundled copies of the fixture tables, and a demo user of every role in each government.
Building it again changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from kinerja.store import auditing
from kinerja.store.models import Agency, Membership, Unit
from kinerja.store.services.agencies import add_agency
from kinerja.store.services.importer import ImportResult, import_table

#: slug -> (agency name, government, level, year, [(table, version or None)], units)
AGENCIES: dict[str, tuple[str, str, str, int, list[tuple[str, str | None]]]] = {
    "paser": (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Paser",
        "Kabupaten Paser", "kabkota", 2025,
        [("tc29", None), ("tabel-4-1", None), ("tc31", None), ("tabel-2-2-1", None)],
    ),
    "kukar": (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Kutai Kartanegara",
        "Kabupaten Kutai Kartanegara", "kabkota", 2023,
        [("tabel-1", "renja_perubahan"), ("tabel-3", None), ("lampiran-perubahan", None)],
    ),
    "samarinda": (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Samarinda",
        "Kota Samarinda", "kabkota", 2024,
        [("lampiran3-evaluasi-triwulan-des", None), ("t11-capaian-program", "pk"),
         ("t13-realisasi-belanja-langsung", None)],
    ),
}
UNITS = [("Sekretariat", "sekretariat"), ("Bidang Mutasi dan Promosi", "bidang"),
         ("Bidang Pengembangan Kompetensi Aparatur", "bidang")]
ROLES = ("admin_pemda", "bappeda", "inspektorat", "perencana", "bidang", "pimpinan")
PASSWORD = "kinerja-demo"


@dataclass
class DemoUser:
    """A demo user as printed for the person trying the demo."""

    username: str
    password: str
    role: str
    where: str


def demo_root() -> Path:
    """The folder of the bundled demo tables (one sub-folder per agency slug)."""
    return Path(str(resources.files("kinerja") / "data" / "demo"))


def _users(agency: Agency) -> list[DemoUser]:
    User = get_user_model()
    out: list[DemoUser] = []
    bidang_unit = Unit.objects.get(agency=agency, name=UNITS[1][0])
    for role in ROLES:
        username = f"{role.replace('_', '-')}-{agency.slug}"
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=role.replace("_", " ").title())
            user.set_password(PASSWORD)
            if role == "admin_pemda":
                user.is_staff = True
            user.save()
        government_wide = role in Membership.GOVERNMENT_ROLES
        Membership.objects.get_or_create(
            user=user, role=role, government=agency.government,
            agency=None if government_wide else agency,
            unit=bidang_unit if role == "bidang" else None)
        where = agency.government.name if government_wide else agency.name
        if role == "bidang":
            where = f"{bidang_unit.name}, {agency.name}"
        out.append(DemoUser(username, PASSWORD, role, where))
    return out


def _assign_units(agency: Agency) -> None:
    """Give indicators without a responsible unit one, so that the bidang role has work:
    the support program's indicators to the Sekretariat, the others to the first Bidang."""
    sekretariat = Unit.objects.get(agency=agency, name=UNITS[0][0])
    bidang = Unit.objects.get(agency=agency, name=UNITS[1][0])
    for ind in agency.indicators.filter(responsible_unit__isnull=True).select_related("node"):
        node = ind.node
        while node is not None and node.parent_id is not None:
            node = node.parent
        support = node is not None and "penunjang" in node.name.lower()
        ind.responsible_unit = sekretariat if support else bidang
        ind.save(update_fields=["responsible_unit"])


#: slug -> (document kind, year, title, finalise?)
DOCUMENTS: dict[str, tuple[str, int, str, bool]] = {
    "paser": ("renja", 2025, "Rencana Kerja BKPSDM Kabupaten Paser Tahun 2025", False),
    "kukar": ("renja_perubahan", 2023,
              "Perubahan Rencana Kerja BKPSDM Kabupaten Kutai Kartanegara Tahun 2023", True),
    "samarinda": ("lkjip", 2024, "Laporan Kinerja BKPSDM Kota Samarinda Tahun 2024", True),
}


def _document(agency: Agency) -> None:
    """The agency's demo document: a draft, or final (signed by its pimpinan) when given so."""
    from kinerja.store.models import Document
    from kinerja.store.services import documents

    kind, year, title, final = DOCUMENTS[agency.slug]
    doc, _ = Document.objects.get_or_create(agency=agency, kind=kind, year=year, version=1,
                                            defaults={"title": title})
    if final and doc.status != "final":
        pimpinan = get_user_model().objects.get(username=f"pimpinan-{agency.slug}")
        documents.finalise(doc, pimpinan, signatory_name=f"Kepala BKPSDM ({agency.slug})",
                           signatory_position="Kepala Badan", signatory_capacity="definitif")


def build(root: Path | None = None) -> tuple[list[ImportResult], list[DemoUser]]:
    """Create (or bring up to date) the three demo agencies, their imports and users."""
    root = root or demo_root()
    results: list[ImportResult] = []
    users: list[DemoUser] = []
    with auditing.acting_as(None, "demo"):
        for slug, (name, government, level, year, tables) in AGENCIES.items():
            with transaction.atomic():
                agency, _, _ = add_agency(slug, name, government, level, units=UNITS)
                for unit_name, kind in UNITS:
                    Unit.objects.get_or_create(agency=agency, name=unit_name,
                                               defaults={"kind": kind})
            for table, version in tables:
                results.append(import_table(root / slug / f"{table}.csv", agency, year,
                                            version))
            with transaction.atomic():
                _assign_units(agency)
                users.extend(_users(agency))
                _document(agency)
    return results, users


def describe_users(users: list[DemoUser]) -> list[str]:
    """One line per demo user, for the terminal."""
    return [f"{u.username:<24} {u.password:<14} {u.role:<12} {u.where}" for u in users]


def any_user(users: list[DemoUser]) -> Any:
    """The first demo user (for messages)."""
    return users[0] if users else None
