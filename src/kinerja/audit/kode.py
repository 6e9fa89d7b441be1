"""Nomenclature code checks (document-tables.md, Structure).

Only rows of level program, kegiatan and sub kegiatan carry nomenclature codes (account codes
of other rows are not checked). Each printed code is checked by `codes.check_code`: repair and
completion are not findings; a valid code whose official name is another row's is a
`code_name_mismatch`; an unreadable, unrepairable code an `invalid_code`; and the second row
with the same code after repair a `duplicate_code`. Legacy two-part codes are checked for
duplicates only. A code printed without urusan and bidang (`01 2.02 01`) is completed inside
the bidang of the nearest coded row above it.
"""

from __future__ import annotations

from kinerja.audit.common import Audit
from kinerja.core import codes

LEVELS = ("program", "kegiatan", "sub_kegiatan")


def check(audit: Audit) -> None:
    """Check every printed code of a program, kegiatan or sub kegiatan row."""
    seen: dict[str, int] = {}
    government_level = audit.table.government_level
    within: str | None = None  # the nearest code above: completes codes printed without bidang
    for row in audit.table.rows:
        printed = row.get("kode").strip()
        if not printed:
            continue
        if row.level in ("urusan", "bidang"):
            within = printed
        if row.level not in LEVELS:
            continue
        result = codes.check_code_within(printed, row.get("uraian").strip(), row.level,
                                         government_level, within)
        if result.code and result.status not in ("invalid", "legacy"):
            within = result.code
        if result.status == "name_mismatch":
            suggestion = f"; yang sesuai dengan nama baris: {result.suggested}" \
                if result.suggested else ""
            suggestion_en = f"; the row's name fits {result.suggested}" \
                if result.suggested else ""
            audit.add(row, "kode", "code_name_mismatch", printed, result.suggested,
                      result.message or
                      f"Kode {result.code} dalam nomenklatur bernama "
                      f"\"{result.official_name}\", bukan \"{row.get('uraian').strip()}\""
                      f"{suggestion}",
                      f"Code {result.code} is \"{result.official_name}\" in the nomenclature, "
                      f"not \"{row.get('uraian').strip()}\"{suggestion_en}")
        elif result.status == "invalid":
            audit.add(row, "kode", "invalid_code", printed, result.suggested,
                      result.message or
                      f"Kode {printed} tidak ada dalam nomenklatur dan tidak dapat diperbaiki "
                      "dari nama baris",
                      f"Code {printed} is not in the nomenclature and cannot be repaired from "
                      "the row's name" + (f"; the name fits {result.suggested}"
                                          if result.suggested else ""))
        if result.status == "invalid" or not result.code:
            continue
        first = seen.get(result.code)
        if first is None:
            seen[result.code] = row.number
            continue
        audit.add(row, "kode", "duplicate_code", printed, None,
                  f"Kode {result.code} sudah dipakai baris {first}; dua baris tidak boleh "
                  "berkode sama",
                  f"Code {result.code} is already used by row {first}; two rows cannot share "
                  "a code")
