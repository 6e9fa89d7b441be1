"""Document tables: a table transcribed cell by cell from an existing planning or reporting
document (`shared/spec/document-tables.md`).

A `DocTable` holds the printed text of every cell exactly as printed, the table's kind and meta
data, and the row hierarchy built from `level` and row order (never from codes). It is plain
data: reading it from CSV or XLSX is `kinerja.io.doctable`, checking it is `kinerja.audit`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

#: Levels from the top of a plan tree down; `indikator`, `rata_rata` and `lain` are not in it.
LEVEL_ORDER: tuple[str, ...] = (
    "total", "urusan", "bidang", "program", "kegiatan", "sub_kegiatan",
)
LEVELS: tuple[str, ...] = (*LEVEL_ORDER, "indikator", "rata_rata", "lain")

#: The standard columns of each kind (document-tables.md). `rencana_anggaran` also has the value
#: columns that its meta file names in `value_columns`.
KIND_COLUMNS: dict[str, tuple[str, ...]] = {
    "evaluasi_renja": (
        "kode", "level", "uraian", "indikator", "c4_target_renstra", "c4_satuan",
        "c5_realisasi_sd", "c5_satuan", "c6_target", "c6_satuan", "c7_realisasi", "c7_satuan",
        "c8_tingkat_realisasi", "c9_target_berikut", "c10_realisasi_kumulatif",
        "c11_tingkat_capaian", "keterangan",
    ),
    "rencana_anggaran": (
        "kode", "level", "uraian", "indikator", "satuan", "lokasi", "sumber_dana", "catatan",
    ),
    "pengukuran_kinerja": (
        "level", "sasaran", "uraian", "indikator", "satuan", "target", "realisasi", "capaian",
        "kategori", "target_akhir", "realisasi_sebelumnya", "keterangan",
    ),
    "evaluasi_triwulan": (
        "kode", "level", "uraian", "indikator", "satuan", "target_k", "pagu", "tw1_k", "tw1_rp",
        "tw2_k", "tw2_rp", "tw3_k", "tw3_rp", "tw4_k", "tw4_rp", "realisasi_k", "realisasi_rp",
        "kumulatif_k", "kumulatif_rp", "capaian_k", "capaian_rp", "predikat_k", "predikat_rp",
        "keterangan",
    ),
    "indeks_ipasn": (
        "no", "instansi", "kategori", "jumlah_asn", "kualifikasi", "kompetensi", "kinerja",
        "disiplin", "nilai",
    ),
    "komponen_lke": ("level", "komponen", "bobot", "nilai_sebelumnya", "nilai", "keterangan"),
}

#: Columns without which a table of the kind cannot be read at all.
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "evaluasi_renja": ("level", "uraian", "c6_target", "c7_realisasi"),
    "rencana_anggaran": ("level", "uraian"),
    "pengukuran_kinerja": ("level", "target", "realisasi"),
    "evaluasi_triwulan": ("level", "uraian", "pagu", "realisasi_rp"),
    "indeks_ipasn": ("instansi", "nilai"),
    "komponen_lke": ("komponen", "bobot", "nilai"),
}

KINDS: tuple[str, ...] = tuple(KIND_COLUMNS)


@dataclass(eq=False)
class Row:
    """One data row: its 1-based number in the file (header = row 0), its cells as printed,
    and its place in the hierarchy."""

    number: int
    cells: dict[str, str]
    level: str = ""
    parent: Row | None = field(default=None, repr=False)
    children: list[Row] = field(default_factory=list, repr=False)

    def get(self, column: str) -> str:
        """The printed text of `column` ('' when the table has no such column)."""
        return self.cells.get(column, "") or ""

    def __getitem__(self, column: str) -> str:
        return self.get(column)

    @property
    def depth(self) -> int:
        """How many ancestors the row has."""
        n, p = 0, self.parent
        while p is not None:
            n, p = n + 1, p.parent
        return n

    def ancestors(self) -> Iterator[Row]:
        """Parent, grandparent, ... up to the root."""
        p = self.parent
        while p is not None:
            yield p
            p = p.parent


@dataclass(eq=False)
class DocTable:
    """A document table: kind, meta data, columns in file order and rows in file order."""

    path: str
    kind: str
    meta: Mapping[str, Any]
    columns: list[str]
    rows: list[Row]

    @property
    def value_columns(self) -> dict[str, dict[str, Any]]:
        """`value_columns` of the meta file (role, stage, of) by column name."""
        vc = self.meta.get("value_columns") or {}
        return {str(k): dict(v or {}) for k, v in vc.items()}

    @property
    def government_level(self) -> str:
        """'provinsi' or 'kabkota' (default 'kabkota')."""
        return str(self.meta.get("government_level") or "kabkota")

    def row(self, number: int) -> Row:
        """The row with this 1-based number."""
        return self.rows[number - 1]


def rank(level: str) -> int | None:
    """Position of a structural level in LEVEL_ORDER (0 = total), None for other levels."""
    try:
        return LEVEL_ORDER.index(level)
    except ValueError:
        return None


def build_hierarchy(rows: list[Row]) -> None:
    """Link rows into a tree from `level` and row order (document-tables.md): a row belongs to
    the nearest row above it with a higher level. `indikator` and `rata_rata` rows belong to the
    nearest structural row above them; `lain` rows belong to nothing and break nothing. A
    `total` row printed last (a footer) takes every top-level row above it that has no parent
    as its children."""
    stack: list[Row] = []  # structural rows, strictly increasing rank
    for row in rows:
        row.parent = None
        row.children = []
    for row in rows:
        r = rank(row.level)
        if r is None:
            if row.level in ("indikator", "rata_rata") and stack:
                row.parent = stack[-1]
                stack[-1].children.append(row)
            continue
        while stack and (rank(stack[-1].level) or 0) >= r:
            stack.pop()
        if stack:
            row.parent = stack[-1]
            stack[-1].children.append(row)
        elif row.level == "total":
            # a footer total: adopt the parentless structural rows above it
            for other in rows:
                if other is row:
                    break
                if other.parent is None and rank(other.level) not in (None, 0):
                    other.parent = row
                    row.children.append(other)
        stack.append(row)
