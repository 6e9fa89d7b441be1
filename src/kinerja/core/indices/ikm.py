"""Indeks Kepuasan Masyarakat (IKM / SKM, PermenPANRB 14/2017).

Each respondent scores the service's elements (*unsur*) from 1 to 4. An element's NRR is the
mean score of the respondents who answered it; the index is the mean NRR over the n elements
(exactly 1/n each, not the printed 0,11) times 25, computed exactly and rounded to 2 decimals
only at the end, then graded on `scales.IKM` (A Sangat Baik … D Tidak Baik). A survey may add
elements beyond the nine of the regulation (u10, u11 …). The minimum sample for a population
follows Krejcie–Morgan; fewer responses give a warning and more are never discarded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from kinerja.core import scales
from kinerja.core.indices.common import IndeksError, dstr, fmt_id, round_half_up
from kinerja.core.scales import Band, Scale

#: The nine elements of PermenPANRB 14/2017, in order u1 … u9.
UNSUR_BAKU: tuple[tuple[str, str], ...] = (
    ("u1", "Persyaratan"),
    ("u2", "Sistem, mekanisme dan prosedur"),
    ("u3", "Waktu penyelesaian"),
    ("u4", "Biaya/tarif"),
    ("u5", "Produk spesifikasi jenis pelayanan"),
    ("u6", "Kompetensi pelaksana"),
    ("u7", "Perilaku pelaksana"),
    ("u8", "Penanganan pengaduan, saran dan masukan"),
    ("u9", "Sarana dan prasarana"),
)

SKOR_MIN = 1
SKOR_MAKS = 4

_UNSUR_KODE = re.compile(r"^u(\d+)$")


def unsur_names(codes: Sequence[str]) -> dict[str, str]:
    """Names of element codes: the regulation's for u1 … u9, 'Unsur tambahan N' beyond."""
    base = dict(UNSUR_BAKU)
    return {c: base.get(c, f"Unsur tambahan {c[1:]}") for c in codes}


def element_codes(columns: Sequence[str]) -> list[str]:
    """The element columns (`u1`, `u2` … in numeric order) among `columns`."""
    found = [c for c in columns if _UNSUR_KODE.match(c)]
    return sorted(found, key=lambda c: int(c[1:]))


@dataclass(frozen=True)
class Jawaban:
    """One respondent's answers: score 1–4 per element code, None when not answered."""

    responden: str
    skor: Mapping[str, int | None]
    layanan: str | None = None
    unit: str | None = None
    baris: int | None = None


@dataclass(frozen=True)
class NilaiUnsur:
    """An element's total score, how many answered it, and its NRR (exact)."""

    kode: str
    nama: str
    jumlah_skor: int
    dijawab: int

    @property
    def nrr_exact(self) -> Fraction | None:
        """The exact mean score, None when nobody answered."""
        return Fraction(self.jumlah_skor, self.dijawab) if self.dijawab else None

    @property
    def nrr(self) -> Decimal | None:
        """The NRR rounded half-up to 4 decimals, as printed in survey reports."""
        exact = self.nrr_exact
        return None if exact is None else round_half_up(exact, 4)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "kode": self.kode,
            "nama": self.nama,
            "jumlah_skor": self.jumlah_skor,
            "dijawab": self.dijawab,
            "nrr": None if self.nrr is None else dstr(self.nrr, 4),
        }


def krejcie_morgan(populasi: int) -> int:
    """Minimum sample for a population N (Krejcie–Morgan, χ² 3,841, P 0,5, d 0,05), rounded
    half-up: N = 100 → 80; 1 000 → 278; 10 000 → 370."""
    if populasi <= 0:
        raise IndeksError("populasi harus lebih dari 0")
    chi = Fraction(3841, 1000)
    n = chi * populasi * Fraction(1, 4) / (Fraction(25, 10000) * (populasi - 1) + chi / 4)
    return int(round_half_up(n, 0))


@dataclass(frozen=True)
class HasilIkm:
    """The satisfaction index of one group of respondents (a unit, a service, or all)."""

    nama: str
    responden: int
    unsur: tuple[NilaiUnsur, ...]
    ikm_exact: Fraction
    mutu: Band
    populasi: int | None = None
    sampel_minimum: int | None = None
    terendah: int = 3
    peringatan: tuple[str, ...] = ()
    per_unit: tuple[HasilIkm, ...] = field(default=())
    per_layanan: tuple[HasilIkm, ...] = field(default=())
    skala: Scale = scales.IKM

    @property
    def ikm(self) -> Decimal:
        """The index rounded half-up to 2 decimals (the value that is graded)."""
        return round_half_up(self.ikm_exact, 2)

    @property
    def nilai_interval(self) -> Decimal:
        """The mean NRR (NI, 1–4), rounded to 4 decimals."""
        return round_half_up(self.ikm_exact / 25, 4)

    @property
    def unsur_terendah(self) -> tuple[NilaiUnsur, ...]:
        """The `terendah` weakest answered elements, lowest NRR first (ties at the cut kept)."""
        answered = sorted((u for u in self.unsur if u.dijawab),
                          key=lambda u: (u.nrr_exact, int(u.kode[1:])))
        if len(answered) <= self.terendah:
            return tuple(answered)
        cut = answered[self.terendah - 1].nrr_exact
        return tuple(u for u in answered if u.nrr_exact is not None and cut is not None
                     and u.nrr_exact <= cut)

    @property
    def jarak_ke_mutu_berikutnya(self) -> tuple[Band, Decimal] | None:
        """The next better grade and how far the rounded index is below its lower bound
        (Kutai Kartanegara: 76,33 → B at 0,28); None for the best grade."""
        return distance_to_better(self.ikm, self.skala)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (numbers as decimal strings with a dot)."""
        jarak = self.jarak_ke_mutu_berikutnya
        out: dict[str, Any] = {
            "nama": self.nama,
            "responden": self.responden,
            "nrr": {u.kode: (None if u.nrr is None else dstr(u.nrr, 4)) for u in self.unsur},
            "ikm": dstr(self.ikm, 2),
            "nilai_interval": dstr(self.nilai_interval, 4),
            "mutu": self.mutu.code,
            "kinerja_unit": self.mutu.label,
            "jarak_ke_mutu_berikutnya": None if jarak is None else {
                "mutu": jarak[0].code, "selisih": dstr(jarak[1], 2)},
            "populasi": self.populasi,
            "sampel_minimum": self.sampel_minimum,
            "unsur_terendah": [
                {"kode": u.kode, "nama": u.nama,
                 "nrr": None if u.nrr is None else dstr(u.nrr, 4)}
                for u in self.unsur_terendah
            ],
            "unsur": [u.to_dict() for u in self.unsur],
            "peringatan": list(self.peringatan),
        }
        if self.per_unit:
            out["per_unit"] = [r.to_dict() for r in self.per_unit]
        if self.per_layanan:
            out["per_layanan"] = [r.to_dict() for r in self.per_layanan]
        return out

    def kerja(self) -> str:
        """The working as a sentence in Bahasa Indonesia."""
        used = [u for u in self.unsur if u.dijawab]
        parts = " + ".join(fmt_id(round_half_up(u.nrr_exact or Fraction(0), 4), 4) for u in used)
        ni = fmt_id(self.nilai_interval, 4)
        return (f"IKM = ({parts}) × 1/{len(used)} × 25 = {ni} × 25 = {fmt_id(self.ikm, 2)}"
                f" → {self.mutu.code} ({self.mutu.label})")


def distance_to_better(value: Decimal, scale: Scale = scales.IKM) -> tuple[Band, Decimal] | None:
    """The next better band of `value` on `scale` and the distance to its lower bound."""
    x = scale.prepare(value)
    band = scale.classify(x)
    idx = scale.bands.index(band)
    if idx == 0:
        return None
    better = scale.bands[idx - 1]
    if better.lower is None:
        return None
    gap = better.lower - x
    if not better.lower_inclusive and gap == 0:
        gap = Decimal("0.01")
    return better, gap.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _compute(
    nama: str,
    jawaban: Sequence[Jawaban],
    kode: Sequence[str],
    populasi: int | None,
    terendah: int,
    skala: Scale,
) -> HasilIkm:
    names = unsur_names(kode)
    warnings: list[str] = []
    totals: list[NilaiUnsur] = []
    for k in kode:
        scores = [j.skor.get(k) for j in jawaban]
        answered = [s for s in scores if s is not None]
        for s in answered:
            if not SKOR_MIN <= s <= SKOR_MAKS:
                raise IndeksError(f"skor {k} harus 1–4, bukan {s}")
        totals.append(NilaiUnsur(k, names[k], sum(answered), len(answered)))
    used = [u for u in totals if u.dijawab]
    if not used:
        raise IndeksError(f"{nama}: tidak ada jawaban pada unsur mana pun")
    for u in totals:
        if not u.dijawab:
            warnings.append(f"unsur {u.kode} ({u.nama}) tidak dijawab satu responden pun; "
                            f"IKM dihitung atas {len(used)} unsur")
    kosong = sum(1 for j in jawaban if all(j.skor.get(k) is None for k in kode))
    if kosong:
        warnings.append(f"{kosong} responden tidak menjawab satu unsur pun")
    mean_nrr = sum((u.nrr_exact or Fraction(0) for u in used), Fraction(0)) / len(used)
    ikm_exact = mean_nrr * 25
    minimum = None
    if populasi is not None:
        minimum = krejcie_morgan(populasi)
        if len(jawaban) < minimum:
            warnings.append(
                f"responden {len(jawaban)} kurang dari sampel minimum {minimum} untuk populasi "
                f"{fmt_id(populasi)} (Krejcie–Morgan); hasil tetap dihitung dari semua jawaban"
            )
    return HasilIkm(
        nama=nama,
        responden=len(jawaban),
        unsur=tuple(totals),
        ikm_exact=ikm_exact,
        mutu=skala.classify(round_half_up(ikm_exact, 2)),
        populasi=populasi,
        sampel_minimum=minimum,
        terendah=terendah,
        peringatan=tuple(warnings),
        skala=skala,
    )


def hitung(
    jawaban: Sequence[Jawaban],
    kode_unsur: Sequence[str] | None = None,
    populasi: int | None = None,
    nama: str = "Unit pelayanan",
    terendah: int = 3,
    skala: Scale = scales.IKM,
) -> HasilIkm:
    """The index of all respondents, with a breakdown per unit (when respondents name units)
    or else per service (when they name services). `kode_unsur` defaults to every element
    any respondent has a key for, in numeric order (u1 … u9, then extra elements)."""
    if not jawaban:
        raise IndeksError("tidak ada responden")
    if kode_unsur is None:
        keys: set[str] = set()
        for j in jawaban:
            keys.update(j.skor)
        kode_unsur = element_codes(sorted(keys))
    kode = list(kode_unsur)
    if not kode:
        raise IndeksError("tidak ada kolom unsur (u1, u2, …)")
    overall = _compute(nama, jawaban, kode, populasi, terendah, skala)
    breakdown: dict[str, tuple[HasilIkm, ...]] = {}
    for attr in ("unit", "layanan"):
        groups: dict[str, list[Jawaban]] = {}
        for j in jawaban:
            g = getattr(j, attr)
            if g:
                groups.setdefault(g, []).append(j)
        if groups:
            breakdown["per_" + attr] = tuple(
                _compute(name, rows, kode, None, terendah, skala)
                for name, rows in groups.items()
            )
    if breakdown:
        overall = replace(overall, per_unit=breakdown.get("per_unit", ()),
                          per_layanan=breakdown.get("per_layanan", ()))
    return overall


def ikm_from_nrr(nrr: Sequence[Decimal | Fraction]) -> Decimal:
    """The index (2 decimals) from given NRR values with exactly 1/n weighting."""
    if not nrr:
        raise IndeksError("tidak ada NRR")
    total = sum((Fraction(v) for v in nrr), Fraction(0))
    return round_half_up(total / len(nrr) * 25, 2)


__all__ = [
    "UNSUR_BAKU", "Jawaban", "NilaiUnsur", "HasilIkm", "hitung", "krejcie_morgan",
    "distance_to_better", "ikm_from_nrr", "element_codes", "unsur_names",
]
