"""Checks of an Indeks Profesionalitas ASN listing per instansi (Peraturan BKN 8/2019).

Each row's `nilai` is the sum of its four dimensions (kualifikasi, kompetensi, kinerja,
disiplin) within the rounding of its printed figures; its `kategori` must fit `nilai` on the IP
ASN scale; `jumlah_asn` is a count, a whole number.
"""

from __future__ import annotations

from kinerja.audit.common import (
    Audit,
    check_count,
    check_predicate,
    check_total,
    check_unparseable,
)
from kinerja.core import scales

DIMENSIONS = ("kualifikasi", "kompetensi", "kinerja", "disiplin")
NUMERIC = ("jumlah_asn", *DIMENSIONS, "nilai")


def check(audit: Audit) -> None:
    """Every check of the listing on every row."""
    check_unparseable(audit, NUMERIC)
    for row in audit.table.rows:
        if row.level == "lain":
            continue
        if audit.has("jumlah_asn"):
            check_count(audit, row, "jumlah_asn")
        dims = [audit.operand(row, c) for c in DIMENSIONS if audit.has(c)]
        if dims and all(d.present for d in dims):
            check_total(audit, row, "nilai", dims,
                        ("Nilai IP ASN = kualifikasi + kompetensi + kinerja + disiplin =",
                         "IP ASN score = qualification + competence + performance + "
                         "discipline ="))
        nilai = audit.operand(row, "nilai")
        if nilai.value is not None and audit.has("kategori"):
            check_predicate(audit, row, "kategori", nilai.value, row.get("kategori"),
                            scales.IPASN, row.get("nilai").strip())
