"""`kinerja nspk`: Indeks NSPK Manajemen ASN from a filled self-assessment."""

from __future__ import annotations

from kinerja.commands.merit import form_group
from kinerja.core.indices import nspk as core

nspk = form_group("nspk", "Indeks NSPK Manajemen ASN (penilaian mandiri, Peraturan BKN 12/2022).",
                  core.FORMULIR, core.dari_dict)
