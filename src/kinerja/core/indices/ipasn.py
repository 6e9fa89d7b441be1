"""Indeks Profesionalitas ASN (Peraturan BKN 8/2019), per civil servant and per agency.

A civil servant's score at a reference date is kualifikasi (education, max 25) + kompetensi
(trainings by the kind of position, max 40) + kinerja (last year's performance score, max 30)
+ disiplin (heaviest final penalty of the last 5 years, max 5); every dimension carries the
reason for its points. An agency's (or a government's) index is the mean of each dimension over
its measured civil servants, with the category of `scales.IPASN`.

Windows ("in the last 1 year") include their first day: a training that ended exactly one year
before the reference date counts (`Pengaturan.tepi_inklusif`). The regulation names a window
for technical training only for pelaksana (1 year); for the other kinds the default is 2 years
(`Pengaturan.jendela_teknis_lainnya`). A NIP's 18 digits (birth date, appointment month, sex,
sequence) are checked with `periksa_nip`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

from kinerja.core import scales
from kinerja.core.indices.common import (
    IndeksError,
    dstr,
    exact_mean,
    fmt_id,
    round_half_up,
    within_years,
)
from kinerja.core.scales import Band, Scale

D = Decimal


class Jabatan(StrEnum):
    """The kind of position, which decides how competence is scored."""

    JPT = "jpt"
    ADMINISTRATOR = "administrator"
    PENGAWAS = "pengawas"
    FUNGSIONAL = "fungsional"
    PELAKSANA = "pelaksana"


STRUKTURAL = frozenset({Jabatan.JPT, Jabatan.ADMINISTRATOR, Jabatan.PENGAWAS})

#: Kualifikasi points by the highest education (S-1 and D-IV alike; below SLTA 1).
KUALIFIKASI: dict[str, Decimal] = {
    "S3": D(25), "S2": D(20), "S1": D(15), "D4": D(15), "D3": D(10), "D2": D(5), "D1": D(5),
    "SLTA": D(5), "SLTP": D(1), "SD": D(1),
}


class JenisPengembangan(StrEnum):
    """Kinds of competency development."""

    KEPEMIMPINAN = "kepemimpinan"
    FUNGSIONAL = "fungsional"
    TEKNIS = "teknis"
    SEMINAR = "seminar"


class Tingkat(StrEnum):
    """Discipline penalty levels."""

    RINGAN = "ringan"
    SEDANG = "sedang"
    BERAT = "berat"


#: Disiplin points by the heaviest penalty (none: 5).
DISIPLIN: dict[Tingkat, Decimal] = {Tingkat.RINGAN: D(3), Tingkat.SEDANG: D(2),
                                    Tingkat.BERAT: D(1)}
_BERAT_URUT = {Tingkat.RINGAN: 1, Tingkat.SEDANG: 2, Tingkat.BERAT: 3}

#: Kinerja points by the performance score: lower bound inclusive, as the category scale.
KINERJA: tuple[tuple[Decimal, Decimal, str], ...] = (
    (D(91), D(30), "sangat baik"),
    (D(76), D(25), "baik"),
    (D(61), D(15), "cukup"),
    (D(51), D(5), "sedang"),
)
KINERJA_TERENDAH = (D(1), "kurang")


@dataclass(frozen=True)
class Pengaturan:
    """Settings of the computation (rules.md §9; [OPEN] items default as documented)."""

    jendela_teknis_pelaksana: int = 1
    jendela_teknis_lainnya: int = 2
    jendela_seminar: int = 2
    jendela_disiplin: int = 5
    batas_jp: Decimal = D(20)
    tepi_inklusif: bool = True
    skala: Scale = scales.IPASN

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "jendela_teknis_pelaksana_tahun": self.jendela_teknis_pelaksana,
            "jendela_teknis_lainnya_tahun": self.jendela_teknis_lainnya,
            "jendela_seminar_tahun": self.jendela_seminar,
            "jendela_disiplin_tahun": self.jendela_disiplin,
            "batas_jp": dstr(self.batas_jp),
            "tepi_inklusif": self.tepi_inklusif,
            "skala": self.skala.key,
            "rerata": "rata-rata atas PNS yang terukur",
        }


@dataclass(frozen=True)
class Pegawai:
    """A civil servant as listed in the `pegawai` file."""

    nip: str
    nama: str
    instansi: str
    jabatan: Jabatan
    pendidikan: str
    nilai_kinerja: Decimal | None
    baris: int | None = None


@dataclass(frozen=True)
class Pengembangan:
    """One completed competency development."""

    nip: str
    jenis: JenisPengembangan
    jp: Decimal
    tanggal_selesai: date
    sesuai_jabatan: bool
    baris: int | None = None


@dataclass(frozen=True)
class Hukuman:
    """One final discipline penalty decision."""

    nip: str
    tingkat: Tingkat
    tanggal_keputusan: date
    baris: int | None = None


@dataclass(frozen=True)
class Skor:
    """Points of one dimension with the reason."""

    nilai: Decimal
    alasan: str


@dataclass(frozen=True)
class HasilPegawai:
    """One civil servant's score."""

    pegawai: Pegawai
    kualifikasi: Skor
    kompetensi: Skor
    kinerja: Skor
    disiplin: Skor
    skala: Scale = scales.IPASN

    @property
    def nilai(self) -> Decimal:
        """The total (0–100)."""
        return (self.kualifikasi.nilai + self.kompetensi.nilai + self.kinerja.nilai
                + self.disiplin.nilai)

    @property
    def kategori(self) -> Band:
        """The category of the total."""
        return self.skala.classify(self.nilai)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        p = self.pegawai
        return {
            "nip": p.nip,
            "nama": p.nama,
            "instansi": p.instansi,
            "jenis_jabatan": p.jabatan.value,
            "pendidikan": p.pendidikan,
            "kualifikasi": dstr(self.kualifikasi.nilai),
            "kompetensi": dstr(self.kompetensi.nilai),
            "kinerja": dstr(self.kinerja.nilai),
            "disiplin": dstr(self.disiplin.nilai),
            "nilai": dstr(self.nilai),
            "kategori": self.kategori.label,
            "alasan": {
                "kualifikasi": self.kualifikasi.alasan,
                "kompetensi": self.kompetensi.alasan,
                "kinerja": self.kinerja.alasan,
                "disiplin": self.disiplin.alasan,
            },
        }


@dataclass(frozen=True)
class Rerata:
    """Means of the dimensions over a group's measured civil servants (exact)."""

    instansi: str
    jumlah: int
    kualifikasi: Fraction
    kompetensi: Fraction
    kinerja: Fraction
    disiplin: Fraction
    skala: Scale = scales.IPASN

    @property
    def nilai_exact(self) -> Fraction:
        """The mean total: the sum of the dimension means."""
        return self.kualifikasi + self.kompetensi + self.kinerja + self.disiplin

    @property
    def nilai(self) -> Decimal:
        """The mean total rounded half-up to 2 decimals, as listings print it."""
        return round_half_up(self.nilai_exact, 2)

    @property
    def kategori(self) -> Band:
        """The category of the rounded mean total."""
        return self.skala.classify(self.nilai)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (means to 2 decimals)."""
        return {
            "instansi": self.instansi,
            "jumlah": self.jumlah,
            "kualifikasi": dstr(self.kualifikasi, 2),
            "kompetensi": dstr(self.kompetensi, 2),
            "kinerja": dstr(self.kinerja, 2),
            "disiplin": dstr(self.disiplin, 2),
            "nilai": dstr(self.nilai, 2),
            "kategori": self.kategori.label,
        }


def rerata(instansi: str, hasil: Sequence[HasilPegawai], skala: Scale = scales.IPASN
           ) -> Rerata | None:
    """Means over `hasil`, None when nobody was measured."""
    if not hasil:
        return None

    def m(values: Iterable[Decimal]) -> Fraction:
        mean = exact_mean(values)
        assert mean is not None
        return mean

    return Rerata(
        instansi=instansi,
        jumlah=len(hasil),
        kualifikasi=m(h.kualifikasi.nilai for h in hasil),
        kompetensi=m(h.kompetensi.nilai for h in hasil),
        kinerja=m(h.kinerja.nilai for h in hasil),
        disiplin=m(h.disiplin.nilai for h in hasil),
        skala=skala,
    )


# --- NIP ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InfoNip:
    """What an 18-digit NIP says."""

    nip: str
    tanggal_lahir: date
    tmt_tahun: int
    tmt_bulan: int
    jenis_kelamin: str  # 'L' or 'P'
    urut: int


def normalise_nip(text: str) -> str:
    """A NIP without the spaces and dots printed between its parts."""
    return re.sub(r"[\s.\-]", "", text)


def periksa_nip(text: str, tanggal: date | None = None) -> tuple[InfoNip | None, list[str]]:
    """Check a NIP: 18 digits, a valid birth date (YYYYMMDD), a valid appointment month
    (YYYYMM) not before age 18 and not after `tanggal`, sex 1 or 2, sequence 001–999.
    Returns what it says (None when unreadable) and the problems found (Bahasa Indonesia)."""
    nip = normalise_nip(text)
    if not re.fullmatch(r"\d{18}", nip):
        return None, [f"NIP harus 18 angka, bukan '{text}' ({len(nip)} karakter)"]
    problems: list[str] = []
    try:
        born: date | None = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        born = None
        problems.append(f"tanggal lahir {nip[0:8]} tidak valid")
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12:
        problems.append(f"bulan pengangkatan {nip[8:14]} tidak valid")
    if nip[14] not in "12":
        problems.append(f"kode jenis kelamin '{nip[14]}' harus 1 (laki-laki) atau 2 (perempuan)")
    seq = int(nip[15:18])
    if seq == 0:
        problems.append("nomor urut 000 tidak valid")
    if born is not None and 1 <= month <= 12:
        if (year, month) < (born.year + 18, born.month):
            problems.append(f"pengangkatan {nip[8:14]} sebelum usia 18 tahun "
                            f"(lahir {born.isoformat()})")
        if tanggal is not None and (year, month) > (tanggal.year, tanggal.month):
            problems.append(f"pengangkatan {nip[8:14]} sesudah tanggal acuan")
    if born is not None and tanggal is not None and born > tanggal:
        problems.append("tanggal lahir sesudah tanggal acuan")
    if problems or born is None:
        return None, problems
    return InfoNip(nip, born, year, month, "L" if nip[14] == "1" else "P", seq), problems


# --- scoring ------------------------------------------------------------------------------------


def skor_kualifikasi(pendidikan: str) -> Skor:
    """Points for the highest education."""
    key = pendidikan_key(pendidikan)
    if key is None:
        raise IndeksError(f"jenjang pendidikan '{pendidikan}' tidak dikenal; pilihan: "
                          + " | ".join(KUALIFIKASI))
    points = KUALIFIKASI[key]
    return Skor(points, f"{key} → {fmt_id(points)}")


def pendidikan_key(text: str) -> str | None:
    """'S-1', 's1', 'D IV', 'SMA' … as a key of KUALIFIKASI, None if unknown."""
    key = re.sub(r"[\s\-./]", "", text.upper())
    key = {"DIV": "D4", "DIII": "D3", "DII": "D2", "DI": "D1", "SMA": "SLTA", "SMK": "SLTA",
           "SMP": "SLTP", "SMU": "SLTA", "MA": "SLTA", "MTS": "SLTP"}.get(key, key)
    return key if key in KUALIFIKASI else None


def skor_kinerja(nilai: Decimal) -> Skor:
    """Points for last year's performance score (lower bound inclusive)."""
    for lower, points, label in KINERJA:
        if nilai >= lower:
            return Skor(points, f"nilai kinerja {fmt_id(nilai)} ({label}) → {fmt_id(points)}")
    points, label = KINERJA_TERENDAH
    return Skor(points, f"nilai kinerja {fmt_id(nilai)} ({label}) → {fmt_id(points)}")


def skor_disiplin(hukuman: Sequence[Hukuman], tanggal: date, pengaturan: Pengaturan) -> Skor:
    """Points for the heaviest final penalty decided in the window."""
    years = pengaturan.jendela_disiplin
    inside = [h for h in hukuman
              if within_years(h.tanggal_keputusan, tanggal, years, pengaturan.tepi_inklusif)]
    if not inside:
        older = " (hukuman lebih lama tidak dihitung)" if hukuman else ""
        return Skor(D(5), f"tanpa hukuman disiplin dalam {years} tahun terakhir{older} → 5")
    worst = max(inside, key=lambda h: _BERAT_URUT[h.tingkat])
    points = DISIPLIN[worst.tingkat]
    return Skor(points, f"hukuman disiplin {worst.tingkat.value} "
                        f"{worst.tanggal_keputusan.isoformat()} → {fmt_id(points)}")


def skor_kompetensi(
    jabatan: Jabatan,
    pengembangan: Sequence[Pengembangan],
    tanggal: date,
    pengaturan: Pengaturan,
) -> Skor:
    """Points for competency development by the kind of position, with the reason."""
    edge = pengaturan.tepi_inklusif
    matching = [p for p in pengembangan if p.sesuai_jabatan and p.tanggal_selesai <= tanggal]

    def teknis(years: int, points: Decimal) -> tuple[Decimal, str]:
        jp = sum((p.jp for p in matching if p.jenis is JenisPengembangan.TEKNIS
                  and within_years(p.tanggal_selesai, tanggal, years, edge)), D(0))
        ok = jp >= pengaturan.batas_jp
        got = points if ok else D(0)
        short = "" if ok else f" (kurang dari {fmt_id(pengaturan.batas_jp)} JP)"
        return got, (f"teknis {fmt_id(jp)} JP dalam {years} tahun terakhir{short} → "
                     f"{fmt_id(got)}")

    def seminar(points: Decimal) -> tuple[Decimal, str]:
        years = pengaturan.jendela_seminar
        found = [p for p in matching if p.jenis is JenisPengembangan.SEMINAR
                 and within_years(p.tanggal_selesai, tanggal, years, edge)]
        got = points if found else D(0)
        what = (f"seminar/lokakarya {found[-1].tanggal_selesai.isoformat()}" if found
                else "tanpa seminar/lokakarya")
        return got, f"{what} dalam {years} tahun terakhir → {fmt_id(got)}"

    def any_time(kind: JenisPengembangan, points: Decimal) -> tuple[Decimal, str]:
        found = [p for p in matching if p.jenis is kind]
        got = points if found else D(0)
        what = f"pelatihan {kind.value} sesuai jabatan"
        return got, (f"{what} ({found[0].tanggal_selesai.year}) → {fmt_id(got)}" if found
                     else f"tanpa {what} → 0")

    parts: list[tuple[Decimal, str]]
    if jabatan is Jabatan.PELAKSANA:
        parts = [teknis(pengaturan.jendela_teknis_pelaksana, D("22.5")), seminar(D("17.5"))]
    else:
        kind = (JenisPengembangan.FUNGSIONAL if jabatan is Jabatan.FUNGSIONAL
                else JenisPengembangan.KEPEMIMPINAN)
        parts = [any_time(kind, D(15)), teknis(pengaturan.jendela_teknis_lainnya, D(15)),
                 seminar(D(10))]
    total = sum((p[0] for p in parts), D(0))
    reason = f"{jabatan.value}: " + "; ".join(p[1] for p in parts) + f" = {fmt_id(total)}"
    return Skor(total, reason)


def skor_pegawai(
    pegawai: Pegawai,
    pengembangan: Sequence[Pengembangan],
    hukuman: Sequence[Hukuman],
    tanggal: date,
    pengaturan: Pengaturan | None = None,
) -> HasilPegawai:
    """One civil servant's score at `tanggal` (their own trainings and penalties given).
    IndeksError when the performance score is missing (the servant is then not measured)."""
    cfg = pengaturan or Pengaturan()
    if pegawai.nilai_kinerja is None:
        raise IndeksError(f"{pegawai.nip}: nilai kinerja belum ada")
    return HasilPegawai(
        pegawai=pegawai,
        kualifikasi=skor_kualifikasi(pegawai.pendidikan),
        kompetensi=skor_kompetensi(pegawai.jabatan, pengembangan, tanggal, cfg),
        kinerja=skor_kinerja(pegawai.nilai_kinerja),
        disiplin=skor_disiplin(hukuman, tanggal, cfg),
        skala=cfg.skala,
    )


@dataclass(frozen=True)
class MasalahNip:
    """A NIP that does not read as a valid 18-digit NIP."""

    nip: str
    baris: int | None
    masalah: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {"nip": self.nip, "baris": self.baris, "masalah": list(self.masalah)}


@dataclass(frozen=True)
class HasilIpAsn:
    """Scores of every civil servant, means per agency (ranked) and for the government."""

    tanggal: date
    pengaturan: Pengaturan
    pegawai: tuple[HasilPegawai, ...]
    instansi: tuple[Rerata, ...]
    pemerintah: Rerata | None
    tidak_diukur: tuple[tuple[Pegawai, str], ...] = ()
    nip_bermasalah: tuple[MasalahNip, ...] = ()
    peringatan: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "tanggal": self.tanggal.isoformat(),
            "pegawai": [h.to_dict() for h in self.pegawai],
            "instansi": [{"peringkat": i + 1, **r.to_dict()} for i, r in enumerate(self.instansi)],
            "pemerintah": None if self.pemerintah is None else self.pemerintah.to_dict(),
            "tidak_diukur": [{"nip": p.nip, "nama": p.nama, "alasan": why}
                             for p, why in self.tidak_diukur],
            "nip_bermasalah": [m.to_dict() for m in self.nip_bermasalah],
            "pengaturan": self.pengaturan.to_dict(),
            "peringatan": list(self.peringatan),
        }


def hitung(
    pegawai: Sequence[Pegawai],
    pengembangan: Sequence[Pengembangan],
    hukuman: Sequence[Hukuman],
    tanggal: date,
    pengaturan: Pengaturan | None = None,
    nama_pemerintah: str = "Seluruh instansi",
) -> HasilIpAsn:
    """Score every civil servant at `tanggal`, then the means per agency (ranked by the mean
    total, highest first) and over everyone measured."""
    cfg = pengaturan or Pengaturan()
    seen: dict[str, Pegawai] = {}
    for p in pegawai:
        key = normalise_nip(p.nip)
        if key in seen:
            where = f" (baris {p.baris})" if p.baris is not None else ""
            raise IndeksError(f"NIP {p.nip} tercantum lebih dari sekali{where}")
        seen[key] = p
    dev: dict[str, list[Pengembangan]] = {}
    for d in pengembangan:
        dev.setdefault(normalise_nip(d.nip), []).append(d)
    pen: dict[str, list[Hukuman]] = {}
    for h in hukuman:
        pen.setdefault(normalise_nip(h.nip), []).append(h)
    warnings = [f"pengembangan baris {d.baris}: NIP {d.nip} tidak ada di daftar pegawai"
                for key, rows in dev.items() if key not in seen for d in rows]
    warnings += [f"hukuman_disiplin baris {h.baris}: NIP {h.nip} tidak ada di daftar pegawai"
                 for key, rows in pen.items() if key not in seen for h in rows]
    bad: list[MasalahNip] = []
    scored: list[HasilPegawai] = []
    skipped: list[tuple[Pegawai, str]] = []
    for key, p in seen.items():
        _, problems = periksa_nip(p.nip, tanggal)
        if problems:
            bad.append(MasalahNip(p.nip, p.baris, tuple(problems)))
        if p.nilai_kinerja is None:
            skipped.append((p, "nilai kinerja belum ada"))
            continue
        scored.append(skor_pegawai(p, dev.get(key, []), pen.get(key, []), tanggal, cfg))
    groups: dict[str, list[HasilPegawai]] = {}
    for result in scored:
        groups.setdefault(result.pegawai.instansi, []).append(result)
    per_agency = [r for name, rows in groups.items()
                  if (r := rerata(name, rows, cfg.skala)) is not None]
    per_agency.sort(key=lambda r: (-r.nilai_exact, r.instansi))
    return HasilIpAsn(
        tanggal=tanggal,
        pengaturan=cfg,
        pegawai=tuple(scored),
        instansi=tuple(per_agency),
        pemerintah=rerata(nama_pemerintah, scored, cfg.skala),
        tidak_diukur=tuple(skipped),
        nip_bermasalah=tuple(bad),
        peringatan=tuple(warnings),
    )


# --- a printed listing (BKN's per-agency table) -------------------------------------------------


#: How far a printed total may be from the sum of four printed 2-decimal means (5 × 0,005).
TOLERANSI_LISTING = D("0.025")


@dataclass(frozen=True)
class BarisListing:
    """One row of a printed listing: the four dimension means, the printed total and
    category. `periksa` recomputes the total and the category from the dimensions."""

    instansi: str
    kualifikasi: Decimal
    kompetensi: Decimal
    kinerja: Decimal
    disiplin: Decimal
    nilai: Decimal
    kategori: str = ""
    jumlah: int | None = None

    @property
    def nilai_dihitung(self) -> Decimal:
        """The total from the printed dimensions."""
        return self.kualifikasi + self.kompetensi + self.kinerja + self.disiplin

    def periksa(self, skala: Scale = scales.IPASN, toleransi: Decimal = TOLERANSI_LISTING
                ) -> list[str]:
        """Problems of the row: a total farther from the sum of the dimensions than the
        rounding of five printed 2-decimal figures allows (default ± 0,025), or a category that
        is not the one of the printed total."""
        problems: list[str] = []
        diff = self.nilai - self.nilai_dihitung
        if abs(diff) > toleransi:
            problems.append(f"nilai {fmt_id(self.nilai)} ≠ jumlah dimensi "
                            f"{fmt_id(self.nilai_dihitung)}")
        if self.kategori and skala.fits(self.nilai, self.kategori) is False:
            problems.append(f"kategori '{self.kategori}' bukan kategori nilai "
                            f"{fmt_id(self.nilai)} ({skala.classify(self.nilai).label})")
        return problems
