"""The official tables: identifier, official title, columns and heading rows of each.

Every entry (`TableSpec`) describes the printed layout of one official table as the regulation
gives it (Permendagri 86/2017 for the Renja tables T-C.29 … T-C.33, the Renja Perubahan and
the quarterly evaluation form; PermenPANRB 53/2014 for the Perjanjian Kinerja and the LKjIP
tables). Year words such as `n-2` and `(n)` stay as in the regulation; `TableSpec.table`
replaces them with the real years. A builder (`build(record) -> Table`) is attached to an
entry when it is written; until then `build` is None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from kinerja.tables.grid import Column, HeaderCell, Note, Row, Signature, Table

H = HeaderCell


@dataclass(frozen=True)
class TableSpec:
    """One official table: its identifier, label ('Tabel T-C.29'), official title, physical
    columns, header rows, column-number row, and the builder from the record (None for now)."""

    identifier: str
    title: str
    columns: tuple[Column, ...]
    header: tuple[tuple[HeaderCell, ...], ...]
    column_numbers: tuple[HeaderCell, ...] = ()
    label: str = ""
    build: Callable[..., Table] | None = field(default=None, compare=False)

    def table(
        self,
        rows: Iterable[Row] = (),
        *,
        title: str | None = None,
        subtitle: Iterable[str] = (),
        words: Mapping[str, str] | None = None,
        notes: Iterable[Note] = (),
        signatures: Iterable[Signature] = (),
        label: str | None = None,
    ) -> Table:
        """A `Table` with this layout. `words` replaces text in the headings (and title), e.g.
        `{"n-2": "2023"}`; longer keys are replaced first."""
        header = self.header
        ttl = title if title is not None else self.title
        if words:
            keys = sorted(words, key=len, reverse=True)

            def sub(s: str) -> str:
                for k in keys:
                    s = s.replace(k, words[k])
                return s

            header = tuple(tuple(replace(h, text=sub(h.text)) for h in r) for r in header)
            ttl = sub(ttl)
        return Table(
            identifier=self.identifier, title=ttl, columns=self.columns, header=header,
            rows=tuple(rows), column_numbers=self.column_numbers,
            label=self.label if label is None else label, subtitle=tuple(subtitle),
            notes=tuple(notes), signatures=tuple(signatures),
        )


def _cols(*spec: tuple[str, float] | tuple[str, float, bool]) -> tuple[Column, ...]:
    return tuple(Column(s[0], s[1], bool(s[2]) if len(s) > 2 else False)
                 for s in spec)


def _nums(*labels: str | tuple[str, int]) -> tuple[HeaderCell, ...]:
    return tuple(H(x) if isinstance(x, str) else H(x[0], colspan=x[1]) for x in labels)


def _plain_nums(count: int, parens: bool = False) -> tuple[HeaderCell, ...]:
    return tuple(H(f"({i})" if parens else str(i)) for i in range(1, count + 1))


_URAIAN = "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"
_K, _RP = "K", "Rp"

TC29 = TableSpec(
    identifier="tc29",
    label="Tabel T-C.29",
    title=("Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian "
           "Renstra Perangkat Daerah s/d Tahun n-1"),
    columns=_cols(
        ("kode", 11), ("uraian", 22, True), ("indikator", 26),
        ("c4", 8), ("c4_satuan", 8.5), ("c5", 8), ("c5_satuan", 8.5),
        ("c6", 8), ("c6_satuan", 8.5), ("c7", 8), ("c7_satuan", 8.5),
        ("c8", 9), ("c9", 10.5), ("c10", 11), ("c11", 11),
    ),
    header=(
        (H("Kode", rowspan=2), H(_URAIAN, rowspan=2),
         H("Indikator Kinerja Program (outcomes)/ Kegiatan (output)", rowspan=2),
         H("Target Kinerja Capaian Program (Renstra Perangkat Daerah) Tahun Renstra",
           colspan=2, rowspan=2),
         H("Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d Tahun n-3",
           colspan=2, rowspan=2),
         H("Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu (n-2)", colspan=5),
         H("Target Program dan Kegiatan (Renja Perangkat Daerah Tahun n-1)", rowspan=2),
         H("Perkiraan Realisasi Capaian Target Renstra Perangkat Daerah s/d Tahun Berjalan",
           colspan=2)),
        (H("Target Renja Perangkat Daerah Tahun n-2", colspan=2),
         H("Realisasi Renja Perangkat Daerah Tahun n-2", colspan=2),
         H("Tingkat Realisasi (%)"),
         H("Realisasi Capaian Program dan Kegiatan s/d Tahun Berjalan (n-1)"),
         H("Tingkat Capaian Realisasi Target Renstra (%)")),
    ),
    column_numbers=_nums("1", "2", "3", ("4", 2), ("5", 2), ("6", 2), ("7", 2), "8=(7/6)", "9",
                         "10=(5+7+9)", "11=(10/4)"),
)

TC30 = TableSpec(
    identifier="tc30",
    label="Tabel T-C.30",
    title="Pencapaian Kinerja Pelayanan Perangkat Daerah",
    columns=_cols(("no", 5), ("indikator", 36), ("spm", 12), ("ikk", 10),
                  ("target_n2", 9), ("target_n1", 9), ("target_n", 9), ("target_n_1", 9),
                  ("realisasi_n2", 9), ("realisasi_n1", 9),
                  ("proyeksi_n", 9), ("proyeksi_n_1", 9), ("catatan", 24)),
    header=(
        (H("No", rowspan=2), H("Indikator Kinerja", rowspan=2),
         H("SPM/Standar Nasional", rowspan=2), H("IKK", rowspan=2),
         H("Target Renstra Perangkat Daerah", colspan=4), H("Realisasi Capaian", colspan=2),
         H("Proyeksi", colspan=2), H("Catatan Analisis", rowspan=2)),
        (H("Tahun n-2"), H("Tahun n-1"), H("Tahun n"), H("Tahun n+1"),
         H("Tahun n-2"), H("Tahun n-1"), H("Tahun n"), H("Tahun n+1")),
    ),
    column_numbers=_plain_nums(13),
)

TC31 = TableSpec(
    identifier="tc31",
    label="Tabel T-C.31",
    title="Review terhadap Rancangan Awal RKPD Tahun n",
    columns=_cols(("no", 5), ("uraian", 28, True), ("lokasi", 12), ("indikator", 26),
                  ("target", 10), ("pagu", 15),
                  ("uraian_kebutuhan", 28, True), ("lokasi_kebutuhan", 12),
                  ("indikator_kebutuhan", 26), ("target_kebutuhan", 10),
                  ("pagu_kebutuhan", 15), ("catatan", 20)),
    header=(
        (H("No", rowspan=2), H("Rancangan Awal RKPD", colspan=5),
         H("Hasil Analisis Kebutuhan", colspan=5), H("Catatan Penting", rowspan=2)),
        (H("Program/Kegiatan"), H("Lokasi"), H("Indikator Kinerja"), H("Target Capaian"),
         H("Pagu Indikatif (Rp)"),
         H("Program/Kegiatan"), H("Lokasi"), H("Indikator Kinerja"), H("Target Capaian"),
         H("Kebutuhan Dana/Pagu Indikatif (Rp)")),
    ),
    column_numbers=_plain_nums(12),
)

TC32 = TableSpec(
    identifier="tc32",
    label="Tabel T-C.32",
    title="Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Tahun n",
    columns=_cols(("no", 5), ("uraian", 36, True), ("lokasi", 16), ("indikator", 36),
                  ("volume", 14), ("catatan", 26)),
    header=((H("No"), H("Program/Kegiatan"), H("Lokasi"), H("Indikator Kinerja"),
             H("Besaran/Volume"), H("Catatan")),),
    column_numbers=_plain_nums(6, parens=True),
)

TC33 = TableSpec(
    identifier="tc33",
    label="Tabel T-C.33",
    title="Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun n dan Prakiraan Maju "
          "Tahun n+1",
    columns=_cols(("kode", 12), ("uraian", 32, True), ("indikator", 30), ("lokasi", 12),
                  ("target", 11), ("pagu", 16), ("sumber_dana", 11), ("catatan", 16),
                  ("target_maju", 11), ("pagu_maju", 16)),
    header=(
        (H("Kode", rowspan=2), H(_URAIAN, rowspan=2),
         H("Indikator Kinerja Program/Kegiatan", rowspan=2),
         H("Rencana Tahun n", colspan=4), H("Catatan Penting", rowspan=2),
         H("Prakiraan Maju Rencana Tahun n+1", colspan=2)),
        (H("Lokasi"), H("Target Capaian Kinerja"), H("Kebutuhan Dana/Pagu Indikatif (Rp)"),
         H("Sumber Dana"), H("Target Capaian Kinerja"),
         H("Kebutuhan Dana/Pagu Indikatif (Rp)")),
    ),
    column_numbers=_plain_nums(10),
)

RENJA_PERUBAHAN = TableSpec(
    identifier="renja_perubahan",
    label="Tabel",
    title="Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun n (Perubahan) dan "
          "Prakiraan Maju Tahun n+1",
    columns=_cols(("kode", 12), ("uraian", 30, True),
                  ("indikator_sebelum", 24), ("lokasi_sebelum", 10), ("target_sebelum", 10),
                  ("pagu_sebelum", 15),
                  ("indikator_sesudah", 24), ("lokasi_sesudah", 10), ("target_sesudah", 10),
                  ("pagu_sesudah", 15),
                  ("selisih", 15), ("target_maju", 10), ("pagu_maju", 15), ("catatan", 20)),
    header=(
        (H("Kode", rowspan=2), H(_URAIAN, rowspan=2), H("Sebelum Perubahan", colspan=4),
         H("Sesudah Perubahan", colspan=4), H("Bertambah/ Berkurang (Rp)", rowspan=2),
         H("Prakiraan Maju Rencana Tahun n+1", colspan=2),
         H("Catatan Perubahan", rowspan=2)),
        (H("Indikator Kinerja"), H("Lokasi"), H("Target Capaian Kinerja"),
         H("Pagu Indikatif (Rp)"),
         H("Indikator Kinerja"), H("Lokasi"), H("Target Capaian Kinerja"),
         H("Pagu Indikatif (Rp)"),
         H("Target Capaian Kinerja"), H("Kebutuhan Dana/Pagu Indikatif (Rp)")),
    ),
    column_numbers=_plain_nums(14),
)

_KRP = (H(_K), H(_RP))
EVALUASI_TRIWULAN = TableSpec(
    identifier="evaluasi_triwulan",
    label="",
    title="Evaluasi terhadap Hasil Renja Perangkat Daerah Triwulan ... Tahun n",
    columns=_cols(("kode", 10), ("uraian", 28, True), ("indikator", 26), ("satuan", 8),
                  *[(f"{k}_{s}", 8 if s == "k" else 14) for k in
                    ("c5", "c6", "c7", "tw1", "tw2", "tw3", "tw4", "c12", "c13", "c14", "c15")
                    for s in ("k", "rp")],
                  ("penanggung_jawab", 14), ("keterangan", 14)),
    header=(
        (H("Kode", rowspan=3), H("Urusan/Bidang Urusan/Program/Kegiatan", rowspan=3),
         H("Indikator Kinerja Program (outcome)/ Kegiatan (output)", rowspan=3),
         H("Satuan", rowspan=3),
         H("Target Renstra Perangkat Daerah pada Tahun ... (Akhir Periode Renstra)",
           colspan=2, rowspan=2),
         H("Realisasi Capaian Kinerja Renstra Perangkat Daerah s/d Renja Tahun Lalu",
           colspan=2, rowspan=2),
         H("Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan yang Dievaluasi",
           colspan=2, rowspan=2),
         H("Realisasi Kinerja pada Triwulan", colspan=8),
         H("Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi", colspan=2,
           rowspan=2),
         H("Tingkat Capaian Kinerja dan Realisasi Anggaran Renja yang Dievaluasi (%)",
           colspan=2, rowspan=2),
         H("Realisasi Kinerja dan Anggaran Renstra s/d Tahun Berjalan", colspan=2,
           rowspan=2),
         H("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s/d Tahun Berjalan (%)",
           colspan=2, rowspan=2),
         H("Unit Perangkat Daerah Penanggung Jawab", rowspan=3),
         H("Keterangan", rowspan=3)),
        (H("I", colspan=2), H("II", colspan=2), H("III", colspan=2), H("IV", colspan=2)),
        _KRP * 11,
    ),
    column_numbers=_nums("1", "2", "3", "4", ("5", 2), ("6", 2), ("7", 2), ("8", 2), ("9", 2),
                         ("10", 2), ("11", 2), ("12", 2), ("13=12/7", 2), ("14=6+12", 2),
                         ("15=14/5", 2), "16", "17"),
)

PK = TableSpec(
    identifier="pk",
    label="",
    title="Perjanjian Kinerja Tahun n",
    columns=_cols(("no", 5), ("sasaran", 40, True), ("indikator", 44), ("satuan", 10),
                  ("target", 12)),
    header=((H("No"), H("Sasaran Strategis"), H("Indikator Kinerja"), H("Satuan"),
             H("Target")),),
    column_numbers=_plain_nums(5, parens=True),
)

LKJIP_PENGUKURAN = TableSpec(
    identifier="lkjip_pengukuran",
    label="",
    title="Pengukuran Kinerja Tahun n",
    columns=_cols(("no", 5), ("sasaran", 30, True), ("indikator", 36), ("satuan", 10),
                  ("target", 11), ("realisasi", 11), ("capaian", 11), ("predikat", 14)),
    header=((H("No"), H("Sasaran Strategis"), H("Indikator Kinerja"), H("Satuan"),
             H("Target"), H("Realisasi"), H("Capaian (%)"), H("Predikat")),),
    column_numbers=_nums("1", "2", "3", "4", "5", "6", "7=(6/5)", "8"),
)

LKJIP_PEMBANDING = TableSpec(
    identifier="lkjip_pembanding",
    label="",
    title="Perbandingan Realisasi dan Capaian Kinerja Tahun n dengan Tahun Sebelumnya",
    columns=_cols(("no", 5), ("indikator", 40, True), ("satuan", 10),
                  ("realisasi_lalu", 11), ("target", 11), ("realisasi", 11),
                  ("capaian_lalu", 11), ("capaian", 11), ("keterangan", 20)),
    header=(
        (H("No", rowspan=2), H("Indikator Kinerja", rowspan=2), H("Satuan", rowspan=2),
         H("Realisasi Tahun n-1", rowspan=2), H("Tahun n", colspan=2),
         H("Capaian (%)", colspan=2), H("Keterangan", rowspan=2)),
        (H("Target"), H("Realisasi"), H("Tahun n-1"), H("Tahun n")),
    ),
    column_numbers=_nums("1", "2", "3", "4", "5", "6", "7", "8=(6/5)", "9"),
)

LKJIP_RENSTRA = TableSpec(
    identifier="lkjip_renstra",
    label="",
    title="Perbandingan Realisasi Kinerja s/d Tahun n dengan Target Akhir Renstra",
    columns=_cols(("no", 5), ("indikator", 40, True), ("satuan", 10),
                  ("target_akhir", 12), ("realisasi", 12), ("capaian", 12),
                  ("keterangan", 24)),
    header=((H("No"), H("Indikator Kinerja"), H("Satuan"),
             H("Target Akhir Renstra (Tahun ...)"), H("Realisasi s/d Tahun n"),
             H("Capaian terhadap Target Akhir Renstra (%)"), H("Keterangan")),),
    column_numbers=_nums("1", "2", "3", "4", "5", "6=(5/4)", "7"),
)

LKJIP_ANGGARAN = TableSpec(
    identifier="lkjip_anggaran",
    label="",
    title="Program, Kegiatan, Pagu dan Realisasi Anggaran Tahun n",
    columns=_cols(("no", 5), ("kode", 14), ("uraian", 40, True), ("pagu", 17),
                  ("realisasi", 17), ("serapan", 10), ("sisa", 17)),
    header=((H("No"), H("Kode Rekening"), H("Program/Kegiatan/Sub Kegiatan"),
             H("Pagu (Rp)"), H("Realisasi (Rp)"), H("Serapan (%)"), H("Sisa (Rp)")),),
    column_numbers=_nums("1", "2", "3", "4", "5", "6=(5/4)", "7=(4-5)"),
)

LKJIP_EFISIENSI = TableSpec(
    identifier="lkjip_efisiensi",
    label="",
    title="Efisiensi Penggunaan Sumber Daya Tahun n",
    columns=_cols(("no", 5), ("uraian", 34, True), ("capaian", 11), ("pagu", 16),
                  ("realisasi", 16), ("serapan", 10), ("rasio", 10), ("selisih", 10),
                  ("kategori", 13)),
    header=(
        (H("No", rowspan=2), H("Sasaran", rowspan=2), H("Capaian Kinerja (%)", rowspan=2),
         H("Pagu (Rp)", rowspan=2), H("Realisasi Anggaran (Rp)", rowspan=2),
         H("Serapan Anggaran (%)", rowspan=2), H("Efisiensi", colspan=3)),
        (H("Rasio capaian / serapan"), H("Selisih capaian − serapan (poin)"),
         H("Kategori selisih")),
    ),
    column_numbers=_nums("1", "2", "3", "4", "5", "6=(5/4)", "7=(3/6)", "8=(3-6)", "9"),
)

#: Every official table by identifier.
REGISTRY: dict[str, TableSpec] = {
    s.identifier: s
    for s in (TC29, TC30, TC31, TC32, TC33, RENJA_PERUBAHAN, EVALUASI_TRIWULAN, PK,
              LKJIP_PENGUKURAN, LKJIP_PEMBANDING, LKJIP_RENSTRA, LKJIP_ANGGARAN,
              LKJIP_EFISIENSI)
}


def get(identifier: str) -> TableSpec:
    """The entry of an official table; ValueError (in Bahasa Indonesia) when unknown."""
    try:
        return REGISTRY[identifier]
    except KeyError:
        raise ValueError(
            f"tabel '{identifier}' tidak dikenal; yang tersedia: {', '.join(REGISTRY)}"
        ) from None


def attach(identifier: str, build: Callable[..., Table]) -> TableSpec:
    """Attach a builder to an entry (replacing the entry, which is immutable) and return it."""
    spec = replace(get(identifier), build=build)
    REGISTRY[identifier] = spec
    return spec


def describe() -> list[dict[str, Any]]:
    """A plain listing (identifier, label, title, column count, has builder) for the CLI."""
    return [
        {"identifier": s.identifier, "label": s.label, "title": s.title,
         "columns": len(s.columns), "builder": s.build is not None}
        for s in REGISTRY.values()
    ]
