"""Weighted composite indices: an indicator measured as a weighted sum of percentages.

Some agencies define an indicator such as a secretariat service index as 40 % documents on
time + 30 % budget absorption + 25 % staff trained + 5 % facilities working. The definition is
data (`DefinisiKomposit`: name, components with weights summing to 100); each component is given
as a numerator and denominator or directly as a percentage; the result keeps its working as a
sentence with the arithmetic, so the value can fill an indicator's realisation with provenance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from kinerja.core.indices.common import IndeksError, dstr, fmt_id, round_half_up

D = Decimal


@dataclass(frozen=True)
class KomponenKomposit:
    """A component: its code, name and weight (percent of the index)."""

    kode: str
    nama: str
    bobot: Decimal


@dataclass(frozen=True)
class DefinisiKomposit:
    """A composite index: components whose weights add up to 100; `batas_atas` optionally
    caps each component's percentage (e.g. 100) before weighting."""

    nama: str
    komponen: tuple[KomponenKomposit, ...]
    batas_atas: Decimal | None = None
    desimal: int = 2

    def __post_init__(self) -> None:
        if not self.komponen:
            raise IndeksError(f"{self.nama}: tidak ada komponen")
        total = sum((k.bobot for k in self.komponen), D(0))
        if total != 100:
            raise IndeksError(f"{self.nama}: bobot komponen berjumlah {fmt_id(total)}, "
                              "harus 100")
        codes = [k.kode for k in self.komponen]
        if len(set(codes)) != len(codes):
            raise IndeksError(f"{self.nama}: kode komponen harus unik")
        if any(k.bobot < 0 for k in self.komponen):
            raise IndeksError(f"{self.nama}: bobot tidak boleh negatif")


@dataclass(frozen=True)
class Masukan:
    """A component's input: `pembilang`/`penyebut`, or `persen`."""

    pembilang: Decimal | None = None
    penyebut: Decimal | None = None
    persen: Decimal | None = None

    def nilai(self, nama: str) -> Fraction:
        """The component's percentage."""
        if self.persen is not None:
            if self.pembilang is not None or self.penyebut is not None:
                raise IndeksError(f"{nama}: isi persen atau pembilang/penyebut, tidak keduanya")
            return Fraction(self.persen)
        if self.pembilang is None or self.penyebut is None:
            raise IndeksError(f"{nama}: pembilang dan penyebut (atau persen) wajib diisi")
        if self.penyebut == 0:
            raise IndeksError(f"{nama}: penyebut 0, persentase tidak dapat dihitung")
        return Fraction(self.pembilang) / Fraction(self.penyebut) * 100


@dataclass(frozen=True)
class NilaiKomponenKomposit:
    """A component's percentage, the percentage used (capped), and its weighted share."""

    komponen: KomponenKomposit
    masukan: Masukan
    persen: Fraction
    dipakai: Fraction

    @property
    def kontribusi(self) -> Fraction:
        """weight / 100 × percentage used."""
        return Fraction(self.komponen.bobot) / 100 * self.dipakai

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        m = self.masukan
        return {
            "kode": self.komponen.kode,
            "nama": self.komponen.nama,
            "bobot": dstr(self.komponen.bobot),
            "pembilang": None if m.pembilang is None else dstr(m.pembilang),
            "penyebut": None if m.penyebut is None else dstr(m.penyebut),
            "persen": dstr(self.persen, 2),
            "persen_dipakai": dstr(self.dipakai, 2),
            "kontribusi": dstr(self.kontribusi, 2),
        }


@dataclass(frozen=True)
class HasilKomposit:
    """A computed composite index with its working."""

    definisi: DefinisiKomposit
    komponen: tuple[NilaiKomponenKomposit, ...]

    @property
    def nilai_exact(self) -> Fraction:
        """The exact index."""
        return sum((k.kontribusi for k in self.komponen), Fraction(0))

    @property
    def nilai(self) -> Decimal:
        """The index rounded half-up to the definition's decimals."""
        return round_half_up(self.nilai_exact, self.definisi.desimal)

    def kerja(self) -> str:
        """The working: 'Indeks X = 40 % × 95,00 (19/20) + … = 38,00 + … = 84,55'."""
        n = self.definisi.desimal
        terms = []
        for k in self.komponen:
            m = k.masukan
            source = (f" ({fmt_id(m.pembilang)}/{fmt_id(m.penyebut)})"
                      if m.pembilang is not None and m.penyebut is not None else "")
            capped = (f", dibatasi {fmt_id(k.dipakai, n)}" if k.dipakai != k.persen else "")
            terms.append(f"{fmt_id(k.komponen.bobot)} % × {fmt_id(k.persen, n)}{source}{capped}")
        shares = " + ".join(fmt_id(k.kontribusi, n) for k in self.komponen)
        return (f"{self.definisi.nama} = " + " + ".join(terms)
                + f" = {shares} = {fmt_id(self.nilai, n)}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "nama": self.definisi.nama,
            "nilai": dstr(self.nilai, self.definisi.desimal),
            "komponen": [k.to_dict() for k in self.komponen],
            "kerja": self.kerja(),
        }


def hitung(definisi: DefinisiKomposit, masukan: Mapping[str, Masukan]) -> HasilKomposit:
    """Compute the index from every component's input (keyed by component code)."""
    unknown = sorted(set(masukan) - {k.kode for k in definisi.komponen})
    if unknown:
        raise IndeksError(f"{definisi.nama}: komponen tidak dikenal: {', '.join(unknown)}")
    rows = []
    for k in definisi.komponen:
        if k.kode not in masukan:
            raise IndeksError(f"{definisi.nama}: masukan komponen {k.kode} ({k.nama}) tidak ada")
        m = masukan[k.kode]
        pct = m.nilai(k.nama)
        used = pct
        if definisi.batas_atas is not None and used > definisi.batas_atas:
            used = Fraction(definisi.batas_atas)
        rows.append(NilaiKomponenKomposit(k, m, pct, used))
    return HasilKomposit(definisi, tuple(rows))


def _dec(value: Any, what: str) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return D(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        raise IndeksError(f"{what} '{value}' bukan angka") from None


def definisi_dari_dict(data: Mapping[str, Any]) -> DefinisiKomposit:
    """A definition from data: `nama`, `komponen` (each `kode`, `nama`, `bobot`),
    optionally `batas_atas` and `desimal`."""
    if not isinstance(data, Mapping) or "nama" not in data:
        raise IndeksError("definisi komposit perlu 'nama' dan 'komponen'")
    rows = data.get("komponen")
    if not isinstance(rows, list):
        raise IndeksError("definisi komposit: 'komponen' harus daftar")
    comps = []
    for i, r in enumerate(rows, start=1):
        if not isinstance(r, Mapping) or "bobot" not in r:
            raise IndeksError(f"definisi komposit: komponen ke-{i} perlu 'bobot'")
        weight = _dec(r["bobot"], "bobot")
        assert weight is not None
        comps.append(KomponenKomposit(str(r.get("kode", i)), str(r.get("nama", "")), weight))
    return DefinisiKomposit(str(data["nama"]), tuple(comps), _dec(data.get("batas_atas"),
                            "batas_atas"), int(data.get("desimal", 2)))


def masukan_dari_dict(data: Mapping[str, Any]) -> dict[str, Masukan]:
    """Inputs from data: code → {`pembilang`, `penyebut`} or {`persen`} (or a bare number,
    read as a percentage)."""
    out: dict[str, Masukan] = {}
    for code, value in data.items():
        if isinstance(value, Mapping):
            out[str(code)] = Masukan(_dec(value.get("pembilang"), "pembilang"),
                                     _dec(value.get("penyebut"), "penyebut"),
                                     _dec(value.get("persen"), "persen"))
        else:
            out[str(code)] = Masukan(persen=_dec(value, "persen"))
    return out
