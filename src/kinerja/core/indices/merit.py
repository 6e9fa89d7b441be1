"""Indeks Sistem Merit: the KASN self-assessment of the merit system (PermenPANRB 40/2018).

Eight aspects (perencanaan kebutuhan; pengadaan; pengembangan karier; promosi dan mutasi;
manajemen kinerja; penggajian, penghargaan dan disiplin; perlindungan dan pelayanan; sistem
informasi), each with items answered on four levels (1–4). The score is 100 × the weighted mean
level (100–400), the index (score − 100)/300 (0–1), and the category I–IV on `scales.MERIT`.
The default items, their equal weights and the categories are commonly used but not confirmed
from the regulation's text: results say so, and a definition file may replace them
(`formulir.dari_dict`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from kinerja.core import scales
from kinerja.core.indices import formulir
from kinerja.core.indices.common import round_half_up
from kinerja.core.indices.formulir import (
    Aspek,
    Butir,
    Formulir,
    HasilFormulir,
    JawabanButir,
    Pilihan,
)

D = Decimal

LEVEL: tuple[Pilihan, ...] = (
    Pilihan(D(1), "Belum ada"),
    Pilihan(D(2), "Ada, belum diterapkan sepenuhnya"),
    Pilihan(D(3), "Diterapkan"),
    Pilihan(D(4), "Diterapkan, dievaluasi dan diperbaiki"),
)

_ASPEK: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("1", "Perencanaan Kebutuhan", (
        "Rencana kebutuhan pegawai lima tahun berdasarkan analisis jabatan dan beban kerja",
        "Rencana kebutuhan pegawai tahunan yang ditetapkan",
        "Peta jabatan dan standar kompetensi jabatan",
    )),
    ("2", "Pengadaan", (
        "Pengadaan yang terbuka, kompetitif dan berbasis kompetensi",
        "Pengumuman dan hasil seleksi yang dapat diakses publik",
        "Orientasi dan masa percobaan bagi pegawai baru",
    )),
    ("3", "Pengembangan Karier", (
        "Pemetaan talenta dan rencana suksesi",
        "Pengembangan kompetensi minimal 20 JP per pegawai per tahun",
        "Pola karier yang ditetapkan",
    )),
    ("4", "Promosi dan Mutasi", (
        "Seleksi terbuka jabatan pimpinan tinggi",
        "Promosi berdasarkan kualifikasi, kompetensi dan kinerja",
        "Mutasi berdasarkan kebutuhan organisasi dan pola karier",
    )),
    ("5", "Manajemen Kinerja", (
        "Perencanaan kinerja pegawai yang terhubung dengan kinerja organisasi",
        "Penilaian kinerja berkala yang objektif",
        "Tindak lanjut hasil penilaian kinerja",
    )),
    ("6", "Penggajian, Penghargaan dan Disiplin", (
        "Tunjangan berdasarkan kinerja",
        "Penghargaan bagi pegawai berprestasi",
        "Penegakan disiplin yang konsisten",
    )),
    ("7", "Perlindungan dan Pelayanan", (
        "Jaminan kesehatan, kecelakaan kerja dan pensiun",
        "Bantuan hukum bagi pegawai",
        "Pelayanan kepegawaian yang cepat dan terdigitalisasi",
    )),
    ("8", "Sistem Informasi", (
        "Sistem informasi kepegawaian yang terintegrasi",
        "Data kepegawaian yang mutakhir dan dapat diakses",
    )),
)


def _default() -> Formulir:
    aspects = []
    assert all(12 % len(items) == 0 for _, _, items in _ASPEK)
    for code, name, items in _ASPEK:
        # every aspect weighs the same (12,5 %): 12 units split over its items, kept exact
        weight = D(12 // len(items))
        aspects.append(Aspek(code, name, tuple(
            Butir(f"{code}.{i}", text, weight, D(1), D(4), LEVEL)
            for i, text in enumerate(items, start=1))))
    return Formulir(
        key="merit",
        nama="Penilaian Mandiri Sistem Merit (KASN)",
        footing="PermenPANRB 40/2018, delapan aspek",
        aspek=tuple(aspects),
        skala=scales.MERIT,
        pengali=D(100),
        indeks_kurang=D(100),
        indeks_bagi=D(300),
        kategori_dari="skor",
        desimal_indeks=2,
        belum_terkonfirmasi=True,
        catatan="Butir, bobot (setiap aspek 12,5 dari 100) dan kategori I–IV (100–174 Buruk, "
        "175–249 Kurang, 250–324 Baik, 325–400 Sangat Baik) adalah bawaan yang umum dipakai, "
        "belum terkonfirmasi dari teks peraturan; ubah dengan berkas definisi.",
    )


#: The default form (eight aspects, 23 items, equal aspect weights).
FORMULIR: Formulir = _default()


def hitung(jawaban: Sequence[JawabanButir], definisi: Formulir = FORMULIR) -> HasilFormulir:
    """Score a filled merit self-assessment."""
    return formulir.hitung(definisi, jawaban)


def indeks(skor: Decimal) -> Decimal:
    """The 0–1 index of a score: (score − 100)/300, 2 decimals (Paser 185 → 0,28)."""
    return round_half_up(Fraction(skor - 100) / 300, 2)


def dari_dict(data: Mapping[str, Any]) -> Formulir:
    """A merit form from a definition on top of the default."""
    return formulir.dari_dict(data, FORMULIR)
