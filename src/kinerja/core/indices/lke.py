"""SAKIP evaluation sheet (LKE): components, sub components, criteria and the grade.

The structure is data: PermenPANRB 88/2021 (four components, each split into keberadaan 20 %,
kualitas 30 % and pemanfaatan 50 % of its weight) and, as an alternative, the older
PermenPANRB 12/2015 (five components). Each criterion is answered AA … E (100/90/80/70/60/50/
30/0 %); a sub component's score is the mean of its criteria / 100 × its weight, a component is
the sum of its sub components and the total the sum of the components, graded on
`scales.SAKIP`. Self-assessment (mandiri) and evaluator answers are scored apart.

Recommendations from an evaluation are tracked to closure with `Rekomendasi` and
`rekap_rekomendasi` (counts by status, overdue items).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

from kinerja.core import scales
from kinerja.core.indices.common import IndeksError, dstr, fmt_id, round_half_up
from kinerja.core.scales import Band, Scale

D = Decimal

#: Criterion answers and their percentage (PermenPANRB 88/2021); Y/T of older sheets too.
JAWABAN: dict[str, int] = {
    "AA": 100, "A": 90, "BB": 80, "B": 70, "CC": 60, "C": 50, "D": 30, "E": 0,
    "Y": 100, "YA": 100, "T": 0, "TIDAK": 0,
}

PENILAI = ("mandiri", "evaluator")


@dataclass(frozen=True)
class SubKomponen:
    """A sub component: its code within the component, name and weight (points)."""

    kode: str
    nama: str
    bobot: Decimal


@dataclass(frozen=True)
class Komponen:
    """A component with its weight and sub components (whose weights add up to it)."""

    kode: str
    nama: str
    bobot: Decimal
    sub: tuple[SubKomponen, ...]
    alias: tuple[str, ...] = ()


@dataclass(frozen=True)
class Struktur:
    """An LKE structure: which regulation, its components, and the grade scale."""

    key: str
    nama: str
    footing: str
    komponen: tuple[Komponen, ...]
    skala: Scale = scales.SAKIP

    def __post_init__(self) -> None:
        for k in self.komponen:
            if sum((s.bobot for s in k.sub), D(0)) != k.bobot:
                raise IndeksError(f"bobot subkomponen {k.nama} tidak berjumlah {k.bobot}")

    @property
    def bobot_total(self) -> Decimal:
        """Sum of the component weights (100)."""
        return sum((k.bobot for k in self.komponen), D(0))

    def cari(self, komponen: str, subkomponen: str) -> tuple[Komponen, SubKomponen]:
        """The component and sub component a printed pair names (code such as '1' and 'a' or
        '1.a', or name such as 'Perencanaan Kinerja' and 'Keberadaan'); IndeksError if none."""
        k = self._komponen(komponen)
        key = _key(subkomponen)
        for s in k.sub:
            names = {_key(s.kode), _key(f"{k.kode}.{s.kode}"), _key(f"{k.kode}{s.kode}"),
                     _key(s.nama)}
            if key in names or (len(key) > 3 and key.startswith(_key(s.nama))):
                return k, s
        raise IndeksError(
            f"subkomponen '{subkomponen}' tidak ada pada komponen {k.nama}; pilihan: "
            + ", ".join(f"{s.kode} {s.nama}" for s in k.sub)
        )

    def _komponen(self, text: str) -> Komponen:
        key = _key(text)
        for k in self.komponen:
            if key in {_key(k.kode), _key(k.nama), *(_key(a) for a in k.alias)}:
                return k
        raise IndeksError(
            f"komponen '{text}' tidak dikenal pada {self.nama}; pilihan: "
            + ", ".join(f"{k.kode} {k.nama}" for k in self.komponen)
        )


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _sub88(weight: str) -> tuple[SubKomponen, ...]:
    w = D(weight)
    return (
        SubKomponen("a", "Keberadaan", w * D("0.2")),
        SubKomponen("b", "Kualitas", w * D("0.3")),
        SubKomponen("c", "Pemanfaatan", w * D("0.5")),
    )


#: PermenPANRB 88/2021.
PERMENPANRB_88_2021 = Struktur(
    key="88/2021",
    nama="LKE PermenPANRB 88/2021",
    footing="PermenPANRB 88/2021: komponen 30/30/15/25, subkomponen keberadaan 20 %, "
    "kualitas 30 %, pemanfaatan 50 % dari bobot komponen",
    komponen=(
        Komponen("1", "Perencanaan Kinerja", D(30), _sub88("30")),
        Komponen("2", "Pengukuran Kinerja", D(30), _sub88("30")),
        Komponen("3", "Pelaporan Kinerja", D(15), _sub88("15")),
        Komponen("4", "Evaluasi Akuntabilitas Kinerja Internal", D(25), _sub88("25"),
                 alias=("Evaluasi Internal", "Evaluasi Akuntabilitas Internal",
                        "Evaluasi Kinerja Internal")),
    ),
)

#: PermenPANRB 12/2015 (the older sheet still used in some reports). Component weights from
#: the regulation; the sub component split follows the sheet as commonly distributed.
PERMENPANRB_12_2015 = Struktur(
    key="12/2015",
    nama="LKE PermenPANRB 12/2015",
    footing="PermenPANRB 12/2015: komponen 30/25/15/10/20; pembagian subkomponen menurut "
    "LKE yang beredar (belum terkonfirmasi dari teks)",
    komponen=(
        Komponen("1", "Perencanaan Kinerja", D(30), (
            SubKomponen("a", "Rencana Strategis", D(10)),
            SubKomponen("b", "Perencanaan Kinerja Tahunan", D(20)),
        )),
        Komponen("2", "Pengukuran Kinerja", D(25), (
            SubKomponen("a", "Pemenuhan Pengukuran", D(5)),
            SubKomponen("b", "Kualitas Pengukuran", D("12.5")),
            SubKomponen("c", "Implementasi Pengukuran", D("7.5")),
        )),
        Komponen("3", "Pelaporan Kinerja", D(15), (
            SubKomponen("a", "Pemenuhan Pelaporan", D(3)),
            SubKomponen("b", "Penyajian Informasi Kinerja", D(8)),
            SubKomponen("c", "Pemanfaatan Informasi Kinerja", D(4)),
        )),
        Komponen("4", "Evaluasi Internal", D(10), (
            SubKomponen("a", "Pemenuhan Evaluasi", D(2)),
            SubKomponen("b", "Kualitas Evaluasi", D(5)),
            SubKomponen("c", "Pemanfaatan Hasil Evaluasi", D(3)),
        ), alias=("Evaluasi Akuntabilitas Kinerja Internal",)),
        Komponen("5", "Capaian Kinerja", D(20), (
            SubKomponen("a", "Kinerja yang Dilaporkan (Output)", D(5)),
            SubKomponen("b", "Kinerja yang Dilaporkan (Outcome)", D(10)),
            SubKomponen("c", "Kinerja Tahun Berjalan (Benchmark)", D(5)),
        )),
    ),
)

STRUKTUR: dict[str, Struktur] = {s.key: s for s in (PERMENPANRB_88_2021, PERMENPANRB_12_2015)}


def nilai_jawaban(text: str) -> int:
    """The percentage of an answer ('AA' → 100, 'bb' → 80, 'E' → 0); IndeksError if unknown."""
    key = text.strip().upper()
    if key not in JAWABAN:
        raise IndeksError(f"jawaban '{text}' tidak dikenal; pilihan: AA, A, BB, B, CC, C, D, E")
    return JAWABAN[key]


@dataclass(frozen=True)
class JawabanKriteria:
    """One answered criterion."""

    komponen: str
    subkomponen: str
    kriteria: str
    jawaban: str
    penilai: str = "evaluator"
    baris: int | None = None


@dataclass(frozen=True)
class NilaiSub:
    """A sub component's score: mean of its criteria (percent) / 100 × weight."""

    sub: SubKomponen
    kriteria: int
    rata_rata: Fraction | None  # percent; None when no criterion was answered

    @property
    def nilai(self) -> Fraction:
        """Points out of the sub component's weight."""
        if self.rata_rata is None:
            return Fraction(0)
        return self.rata_rata / 100 * Fraction(self.sub.bobot)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "kode": self.sub.kode,
            "nama": self.sub.nama,
            "bobot": dstr(self.sub.bobot),
            "kriteria": self.kriteria,
            "rata_rata": None if self.rata_rata is None else dstr(self.rata_rata, 2),
            "nilai": dstr(self.nilai, 2),
        }


@dataclass(frozen=True)
class NilaiKomponen:
    """A component's score: the sum of its sub components."""

    komponen: Komponen
    sub: tuple[NilaiSub, ...]

    @property
    def nilai(self) -> Fraction:
        """Points out of the component's weight (never above it)."""
        return sum((s.nilai for s in self.sub), Fraction(0))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "kode": self.komponen.kode,
            "nama": self.komponen.nama,
            "bobot": dstr(self.komponen.bobot),
            "nilai": dstr(self.nilai, 2),
            "subkomponen": [s.to_dict() for s in self.sub],
        }


@dataclass(frozen=True)
class HasilLke:
    """One assessor's evaluation: component scores, total and grade."""

    struktur: Struktur
    penilai: str
    komponen: tuple[NilaiKomponen, ...]
    peringatan: tuple[str, ...] = ()

    @property
    def total_exact(self) -> Fraction:
        """The exact total (0–100)."""
        return sum((k.nilai for k in self.komponen), Fraction(0))

    @property
    def total(self) -> Decimal:
        """The total rounded half-up to 2 decimals (the value that is graded)."""
        return round_half_up(self.total_exact, 2)

    @property
    def predikat(self) -> Band:
        """The grade on the structure's scale."""
        return self.struktur.skala.classify(self.total)

    def kerja(self) -> str:
        """The working as a sentence: '21,50 + 17,25 + 11,25 + 17,50 = 67,50 → B (Baik)'."""
        parts = " + ".join(fmt_id(k.nilai, 2) for k in self.komponen)
        return f"{parts} = {fmt_id(self.total, 2)} → {self.predikat.code} ({self.predikat.label})"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "struktur": self.struktur.key,
            "penilai": self.penilai,
            "komponen": [k.to_dict() for k in self.komponen],
            "total": dstr(self.total, 2),
            "predikat": self.predikat.code,
            "label": self.predikat.label,
            "kerja": self.kerja(),
            "peringatan": list(self.peringatan),
        }


def nilai(struktur: Struktur, jawaban: Sequence[JawabanKriteria], penilai: str = "evaluator"
          ) -> HasilLke:
    """Score one assessor's answers. Unknown components, sub components or answers raise
    IndeksError naming the row; a sub component without answers scores 0 with a warning."""
    answers: dict[tuple[str, str], list[int]] = {}
    for j in jawaban:
        where = f"baris {j.baris}: " if j.baris is not None else ""
        try:
            k, s = struktur.cari(j.komponen, j.subkomponen)
            pct = nilai_jawaban(j.jawaban)
        except IndeksError as exc:
            raise IndeksError(f"{where}{exc}") from None
        answers.setdefault((k.kode, s.kode), []).append(pct)
    warnings: list[str] = []
    comps: list[NilaiKomponen] = []
    for k in struktur.komponen:
        subs: list[NilaiSub] = []
        for s in k.sub:
            got = answers.get((k.kode, s.kode), [])
            if not got:
                warnings.append(f"{k.nama} / {s.nama}: belum ada kriteria yang dijawab; nilai 0")
            mean = Fraction(sum(got), len(got)) if got else None
            subs.append(NilaiSub(s, len(got), mean))
        comps.append(NilaiKomponen(k, tuple(subs)))
    return HasilLke(struktur, penilai, tuple(comps), tuple(warnings))


@dataclass(frozen=True)
class EvaluasiLke:
    """Self-assessment and evaluator scores kept apart; `utama` is the evaluator's when there
    is one, else the self-assessment."""

    hasil: tuple[HasilLke, ...]

    @property
    def utama(self) -> HasilLke:
        """The result that counts."""
        for h in self.hasil:
            if h.penilai == "evaluator":
                return h
        return self.hasil[0]

    def get(self, penilai: str) -> HasilLke | None:
        """The result of one assessor, if any."""
        for h in self.hasil:
            if h.penilai == penilai:
                return h
        return None

    def to_dict(self) -> dict[str, Any]:
        """The main result at the top level, every assessor under `penilaian`, and the
        differences evaluator − mandiri when both are present."""
        out = self.utama.to_dict()
        out["penilaian"] = {h.penilai: h.to_dict() for h in self.hasil}
        mandiri, evaluator = self.get("mandiri"), self.get("evaluator")
        if mandiri and evaluator:
            out["selisih_evaluator_mandiri"] = {
                "komponen": [
                    {"nama": e.komponen.nama, "selisih": dstr(e.nilai - m.nilai, 2)}
                    for e, m in zip(evaluator.komponen, mandiri.komponen, strict=True)
                ],
                "total": dstr(evaluator.total_exact - mandiri.total_exact, 2),
            }
        return out


def evaluasi(struktur: Struktur, jawaban: Sequence[JawabanKriteria]) -> EvaluasiLke:
    """Score every assessor's answers apart (mandiri first, then evaluator)."""
    if not jawaban:
        raise IndeksError("tidak ada jawaban kriteria")
    by: dict[str, list[JawabanKriteria]] = {}
    for j in jawaban:
        p = j.penilai.strip().lower()
        if p not in PENILAI:
            where = f"baris {j.baris}: " if j.baris is not None else ""
            raise IndeksError(f"{where}penilai '{j.penilai}' tidak dikenal; pilihan: mandiri | "
                              "evaluator")
        by.setdefault(p, []).append(j)
    return EvaluasiLke(tuple(nilai(struktur, by[p], p) for p in PENILAI if p in by))


def total_komponen(struktur: Struktur, nilai_komponen: Mapping[str, Decimal]
                   ) -> tuple[Decimal, Band]:
    """Total and grade from printed component scores (name or code → points); each score must
    lie within its component's weight."""
    total = D(0)
    for name, value in nilai_komponen.items():
        k = struktur._komponen(name)
        if not D(0) <= value <= k.bobot:
            raise IndeksError(f"nilai {k.nama} {fmt_id(value)} di luar 0–{fmt_id(k.bobot)}")
        total += value
    return total, struktur.skala.classify(total)


# --- recommendations tracked to closure --------------------------------------------------------


class StatusTL(StrEnum):
    """Follow-up status of a recommendation."""

    BELUM = "belum"
    PROSES = "dalam proses"
    SELESAI = "selesai"


_STATUS_TEXT = {
    "belum": StatusTL.BELUM, "belumditindaklanjuti": StatusTL.BELUM, "belumsesuai": StatusTL.BELUM,
    "dalamproses": StatusTL.PROSES, "proses": StatusTL.PROSES, "sedangproses": StatusTL.PROSES,
    "selesai": StatusTL.SELESAI, "sudah": StatusTL.SELESAI, "sesuai": StatusTL.SELESAI,
    "tuntas": StatusTL.SELESAI, "sudahditindaklanjuti": StatusTL.SELESAI,
}


def status_dari_teks(text: str) -> StatusTL:
    """'Belum', 'Dalam Proses', 'selesai', 'Tuntas' … as a status; IndeksError if unknown."""
    key = _key(text)
    if key in _STATUS_TEXT:
        return _STATUS_TEXT[key]
    raise IndeksError(f"status '{text}' tidak dikenal; pilihan: belum | dalam proses | selesai")


@dataclass(frozen=True)
class Rekomendasi:
    """A recommendation of an evaluation and its follow-up."""

    rekomendasi: str
    rencana_aksi: str = ""
    penanggung_jawab: str = ""
    status: StatusTL = StatusTL.BELUM
    bukti: str = ""
    batas_waktu: date | None = None
    tanggal_selesai: date | None = None
    nomor: str = ""

    def terlambat(self, tanggal: date) -> bool:
        """Not closed and past its due date at `tanggal`."""
        return (self.status is not StatusTL.SELESAI and self.batas_waktu is not None
                and self.batas_waktu < tanggal)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "nomor": self.nomor,
            "rekomendasi": self.rekomendasi,
            "rencana_aksi": self.rencana_aksi,
            "penanggung_jawab": self.penanggung_jawab,
            "status": self.status.value,
            "bukti": self.bukti,
            "batas_waktu": None if self.batas_waktu is None else self.batas_waktu.isoformat(),
            "tanggal_selesai": (None if self.tanggal_selesai is None
                                else self.tanggal_selesai.isoformat()),
        }


@dataclass(frozen=True)
class RekapRekomendasi:
    """Counts by status and the overdue items at a date."""

    tanggal: date
    rekomendasi: tuple[Rekomendasi, ...]

    @property
    def per_status(self) -> dict[StatusTL, int]:
        """How many recommendations are in each status."""
        return {s: sum(1 for r in self.rekomendasi if r.status is s) for s in StatusTL}

    @property
    def terlambat(self) -> tuple[Rekomendasi, ...]:
        """Open recommendations past their due date."""
        return tuple(r for r in self.rekomendasi if r.terlambat(self.tanggal))

    @property
    def selesai_persen(self) -> Decimal | None:
        """Share closed, in percent (2 decimals); None when there are none."""
        if not self.rekomendasi:
            return None
        done = self.per_status[StatusTL.SELESAI]
        return round_half_up(Fraction(done * 100, len(self.rekomendasi)), 2)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        pct = self.selesai_persen
        return {
            "tanggal": self.tanggal.isoformat(),
            "jumlah": len(self.rekomendasi),
            "per_status": {s.value: n for s, n in self.per_status.items()},
            "selesai_persen": None if pct is None else dstr(pct, 2),
            "terlambat": [r.to_dict() for r in self.terlambat],
            "rekomendasi": [r.to_dict() for r in self.rekomendasi],
        }


def rekap_rekomendasi(rekomendasi: Sequence[Rekomendasi], tanggal: date) -> RekapRekomendasi:
    """Counts by status and overdue items at `tanggal`."""
    return RekapRekomendasi(tanggal, tuple(rekomendasi))
