"""Indeks NSPK Manajemen ASN (Peraturan BKN 12/2022): compliance with the norms, standards,
procedures and criteria of ASN management, 0–100 over eighteen elements, graded A (Unggul) … E
on `scales.NSPK`.

Each element is answered with a value 0–100 (the default form has one item per element); the
index is the weighted mean. BKN does not publish the element weights, so the default is equal
weights, and the categories are those printed in a provincial BKD's LKjIP: both are marked as
unconfirmed in the results, and a definition file may replace them (`formulir.dari_dict`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from kinerja.core import scales
from kinerja.core.indices import formulir
from kinerja.core.indices.formulir import Aspek, Butir, Formulir, HasilFormulir, JawabanButir

D = Decimal

UNSUR: tuple[str, ...] = (
    "Penyusunan dan penetapan kebutuhan",
    "Pengadaan",
    "Pangkat dan jabatan",
    "Pengembangan karier",
    "Pengembangan kompetensi",
    "Pola karier",
    "Promosi",
    "Mutasi",
    "Penilaian kinerja",
    "Penggajian dan tunjangan",
    "Penghargaan",
    "Disiplin",
    "Pemberhentian",
    "Jaminan pensiun dan jaminan hari tua",
    "Perlindungan",
    "Cuti",
    "Pembinaan jabatan fungsional",
    "Sistem informasi ASN",
)


def _default() -> Formulir:
    return Formulir(
        key="nspk",
        nama="Penilaian Mandiri Indeks NSPK Manajemen ASN",
        footing="Peraturan BKN 12/2022, delapan belas unsur",
        aspek=tuple(
            Aspek(str(i), name, (Butir(str(i), f"Penerapan NSPK {name.lower()}", D(1), D(0),
                                       D(100)),))
            for i, name in enumerate(UNSUR, start=1)
        ),
        skala=scales.NSPK,
        pengali=D(1),
        kategori_dari="indeks",
        desimal_indeks=2,
        belum_terkonfirmasi=True,
        catatan="Bobot unsur tidak dipublikasikan BKN: bawaan bobot sama. Kategori A 85,01–100 "
        "Unggul, B 70,01–85, C 55,01–70, D 40,01–55, E 25–40 seperti tercetak dalam LKjIP BKD "
        "provinsi, belum terkonfirmasi dari teks peraturan; ubah dengan berkas definisi.",
    )


#: The default form (eighteen elements, equal weights, values 0–100).
FORMULIR: Formulir = _default()


def hitung(jawaban: Sequence[JawabanButir], definisi: Formulir = FORMULIR) -> HasilFormulir:
    """Score a filled NSPK self-assessment."""
    return formulir.hitung(definisi, jawaban)


def dari_dict(data: Mapping[str, Any]) -> Formulir:
    """An NSPK form from a definition on top of the default."""
    return formulir.dari_dict(data, FORMULIR)
