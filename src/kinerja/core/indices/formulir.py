"""Self-assessment forms as data, shared by the merit-system and the NSPK indices.

A form has aspects, each with items; an item has a weight and is answered with a number in its
range or with one of its options (each option a value and a label). The score is the weighted
mean of the answered items times `pengali` (merit: values 1–4 × 100 → 100–400; NSPK: values
0–100 × 1), the index is `(score − indeks_kurang) / indeks_bagi` (merit: (score − 100)/300),
and the category comes from the form's scale applied to the score or to the index.

`dari_dict` builds a form from a definition (YAML or JSON read by the caller) on top of a
default form, so a government can configure items, weights, options and bands without code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from kinerja.core.indices.common import IndeksError, dstr, fmt_id, round_half_up
from kinerja.core.scales import Band, Scale

D = Decimal


@dataclass(frozen=True)
class Pilihan:
    """An answer option: its value and label."""

    nilai: Decimal
    label: str


@dataclass(frozen=True)
class Butir:
    """An item of a form."""

    kode: str
    uraian: str
    bobot: Decimal
    nilai_min: Decimal
    nilai_maks: Decimal
    pilihan: tuple[Pilihan, ...] = ()

    def baca(self, jawaban: str | Decimal) -> Decimal:
        """The value of an answer: a number in range, or an option's label (or its value)."""
        if isinstance(jawaban, Decimal):
            value: Decimal | None = jawaban
        else:
            text = jawaban.strip()
            value = _number(text)
            if value is None:
                key = _key(text)
                for p in self.pilihan:
                    if _key(p.label) == key:
                        return p.nilai
                options = "; ".join(f"{fmt_id(p.nilai)} = {p.label}" for p in self.pilihan)
                raise IndeksError(f"butir {self.kode}: jawaban '{text}' tidak dikenal"
                                  + (f"; pilihan: {options}" if options else ""))
        assert value is not None
        if self.pilihan and value not in {p.nilai for p in self.pilihan}:
            allowed = ", ".join(fmt_id(p.nilai) for p in self.pilihan)
            raise IndeksError(f"butir {self.kode}: nilai {fmt_id(value)} bukan pilihan "
                              f"({allowed})")
        if not self.nilai_min <= value <= self.nilai_maks:
            raise IndeksError(f"butir {self.kode}: nilai {fmt_id(value)} di luar rentang "
                              f"{fmt_id(self.nilai_min)}–{fmt_id(self.nilai_maks)}")
        return value


@dataclass(frozen=True)
class Aspek:
    """An aspect (or element) of a form and its items."""

    kode: str
    nama: str
    butir: tuple[Butir, ...]


@dataclass(frozen=True)
class Formulir:
    """A self-assessment form."""

    key: str
    nama: str
    footing: str
    aspek: tuple[Aspek, ...]
    skala: Scale
    pengali: Decimal = D(1)
    indeks_kurang: Decimal = D(0)
    indeks_bagi: Decimal = D(1)
    kategori_dari: str = "skor"  # or "indeks"
    desimal_indeks: int = 2
    belum_terkonfirmasi: bool = True
    catatan: str = ""

    @property
    def semua_butir(self) -> tuple[tuple[Aspek, Butir], ...]:
        """Every item with its aspect, in order."""
        return tuple((a, b) for a in self.aspek for b in a.butir)

    def cari(self, kode: str) -> tuple[Aspek, Butir]:
        """The item with this code; an aspect's code names its item when it has only one;
        IndeksError otherwise."""
        key = _key(kode)
        for a, b in self.semua_butir:
            if _key(b.kode) == key:
                return a, b
        for a in self.aspek:
            if len(a.butir) == 1 and key in (_key(a.kode), _key(a.nama)):
                return a, a.butir[0]
        raise IndeksError(f"butir '{kode}' tidak ada pada formulir {self.nama}")


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _number(text: str) -> Decimal | None:
    s = text.replace(" ", "")
    if re.fullmatch(r"-?\d+([.,]\d+)?", s):
        return D(s.replace(",", "."))
    return None


@dataclass(frozen=True)
class JawabanButir:
    """One answered item."""

    kode: str
    jawaban: str | Decimal
    bukti: str = ""
    baris: int | None = None


@dataclass(frozen=True)
class NilaiButir:
    """An item's answer value."""

    butir: Butir
    nilai: Decimal | None  # None when not answered
    bukti: str = ""


@dataclass(frozen=True)
class NilaiAspek:
    """An aspect's weighted mean of its answered items, and its share of the score."""

    aspek: Aspek
    butir: tuple[NilaiButir, ...]
    kontribusi: Fraction
    bobot_persen: Fraction = Fraction(0)

    @property
    def rata_rata(self) -> Fraction | None:
        """Weighted mean of the answered items, None when none was answered."""
        done = [b for b in self.butir if b.nilai is not None]
        weight = sum((Fraction(b.butir.bobot) for b in done), Fraction(0))
        if not done or weight == 0:
            return None
        return sum((Fraction(b.butir.bobot) * Fraction(b.nilai) for b in done
                    if b.nilai is not None), Fraction(0)) / weight

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        avg = self.rata_rata
        return {
            "kode": self.aspek.kode,
            "nama": self.aspek.nama,
            "bobot": dstr(sum((b.bobot for b in self.aspek.butir), D(0))),
            "bobot_persen": dstr(self.bobot_persen, 2),
            "rata_rata": None if avg is None else dstr(avg, 2),
            "kontribusi": dstr(self.kontribusi, 2),
            "dijawab": sum(1 for b in self.butir if b.nilai is not None),
            "butir": [
                {"kode": b.butir.kode, "uraian": b.butir.uraian, "bobot": dstr(b.butir.bobot),
                 "nilai": None if b.nilai is None else dstr(b.nilai), "bukti": b.bukti}
                for b in self.butir
            ],
        }


@dataclass(frozen=True)
class HasilFormulir:
    """The result of a filled form."""

    formulir: Formulir
    aspek: tuple[NilaiAspek, ...]
    skor_exact: Fraction
    lengkap: bool
    peringatan: tuple[str, ...] = ()

    @property
    def skor(self) -> Decimal:
        """The score rounded half-up to 2 decimals."""
        return round_half_up(self.skor_exact, 2)

    @property
    def indeks(self) -> Decimal:
        """The index from the score."""
        f = self.formulir
        exact = (self.skor_exact - Fraction(f.indeks_kurang)) / Fraction(f.indeks_bagi)
        return round_half_up(exact, f.desimal_indeks)

    @property
    def kategori(self) -> Band:
        """The category on the form's scale."""
        value = self.indeks if self.formulir.kategori_dari == "indeks" else self.skor
        return self.formulir.skala.classify(value)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; `belum_terkonfirmasi` marks defaults not confirmed from a
        regulation's text."""
        f = self.formulir
        unconfirmed = f.belum_terkonfirmasi or f.skala.unconfirmed
        return {
            "formulir": f.nama,
            "skor": dstr(self.skor, 2),
            "indeks": dstr(self.indeks, f.desimal_indeks),
            "kategori": self.kategori.code,
            "label": self.kategori.label,
            "skala": f.skala.key,
            "lengkap": self.lengkap,
            "belum_terkonfirmasi": unconfirmed,
            "catatan": f.catatan if unconfirmed else "",
            "aspek": [a.to_dict() for a in self.aspek],
            "peringatan": list(self.peringatan),
        }


def hitung(formulir: Formulir, jawaban: Sequence[JawabanButir]) -> HasilFormulir:
    """Score a filled form. Unknown items, answers out of range and items answered twice raise
    IndeksError (with the row); unanswered items leave the form incomplete: the score is then
    the weighted mean over the answered items, with a warning."""
    values: dict[str, tuple[Decimal, str]] = {}
    for j in jawaban:
        where = f"baris {j.baris}: " if j.baris is not None else ""
        try:
            _, butir = formulir.cari(j.kode)
            value = butir.baca(j.jawaban)
        except IndeksError as exc:
            raise IndeksError(f"{where}{exc}") from None
        if butir.kode in values:
            raise IndeksError(f"{where}butir {butir.kode} dijawab lebih dari sekali")
        values[butir.kode] = (value, j.bukti)
    if not values:
        raise IndeksError("tidak ada butir yang dijawab")
    answered_weight = sum((Fraction(b.bobot) for _, b in formulir.semua_butir
                           if b.kode in values), Fraction(0))
    if answered_weight == 0:
        raise IndeksError("bobot butir yang dijawab berjumlah 0")
    scale = Fraction(formulir.pengali) / answered_weight
    all_weight = sum((Fraction(b.bobot) for _, b in formulir.semua_butir), Fraction(0))
    aspects: list[NilaiAspek] = []
    missing: list[str] = []
    total = Fraction(0)
    for a in formulir.aspek:
        items: list[NilaiButir] = []
        share = Fraction(0)
        for b in a.butir:
            got = values.get(b.kode)
            if got is None:
                missing.append(b.kode)
                items.append(NilaiButir(b, None))
                continue
            items.append(NilaiButir(b, got[0], got[1]))
            share += Fraction(b.bobot) * Fraction(got[0]) * scale
        weight = sum((Fraction(b.bobot) for b in a.butir), Fraction(0))
        aspects.append(NilaiAspek(a, tuple(items), share,
                                  weight * 100 / all_weight if all_weight else Fraction(0)))
        total += share
    warnings = []
    if missing:
        warnings.append(f"{len(missing)} butir belum dijawab ({', '.join(missing)}); skor "
                        "dihitung atas butir yang dijawab dan belum final")
    return HasilFormulir(formulir, tuple(aspects), total, not missing, tuple(warnings))


# --- definitions as data ----------------------------------------------------------------------


def _dec(value: Any, what: str) -> Decimal:
    try:
        return D(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        raise IndeksError(f"definisi: {what} '{value}' bukan angka") from None


def _bands(rows: Any) -> tuple[Band, ...]:
    if not isinstance(rows, list) or not rows:
        raise IndeksError("definisi: 'kategori' harus daftar rentang")
    out = []
    for r in rows:
        if not isinstance(r, Mapping) or "kode" not in r:
            raise IndeksError("definisi: setiap kategori perlu 'kode', 'label', 'bawah'/'atas'")
        out.append(Band(
            code=str(r["kode"]), label=str(r.get("label", r["kode"])),
            lower=None if r.get("bawah") is None else _dec(r["bawah"], "bawah"),
            upper=None if r.get("atas") is None else _dec(r["atas"], "atas"),
            lower_inclusive=bool(r.get("bawah_inklusif", True)),
            upper_inclusive=bool(r.get("atas_inklusif", False)),
        ))
    return tuple(out)


def dari_dict(data: Mapping[str, Any], dasar: Formulir) -> Formulir:
    """A form from a definition, starting from `dasar`: `nama`, `aspek` (each with `kode`,
    `nama` and `butir`: `kode`, `uraian`, `bobot`, `nilai_min`, `nilai_maks`, `pilihan` as a
    mapping value → label), `pengali`, `indeks_kurang`, `indeks_bagi`, `kategori` (bands with
    `kode`, `label`, `bawah`, `atas`, `bawah_inklusif`, `atas_inklusif`), `belum_terkonfirmasi`
    and `catatan`. Keys left out keep the default."""
    if not isinstance(data, Mapping):
        raise IndeksError("definisi harus berupa pemetaan (kunci: nilai)")
    f = dasar
    if "nama" in data:
        f = replace(f, nama=str(data["nama"]))
    if "pengali" in data:
        f = replace(f, pengali=_dec(data["pengali"], "pengali"))
    if "indeks_kurang" in data:
        f = replace(f, indeks_kurang=_dec(data["indeks_kurang"], "indeks_kurang"))
    if "indeks_bagi" in data:
        f = replace(f, indeks_bagi=_dec(data["indeks_bagi"], "indeks_bagi"))
    if "aspek" in data:
        default_item = dasar.aspek[0].butir[0]
        aspects = []
        if not isinstance(data["aspek"], list) or not data["aspek"]:
            raise IndeksError("definisi: 'aspek' harus daftar yang tidak kosong")
        for i, a in enumerate(data["aspek"], start=1):
            if not isinstance(a, Mapping) or "nama" not in a:
                raise IndeksError(f"definisi: aspek ke-{i} perlu 'nama'")
            items = []
            raw_items = a.get("butir") or [{"kode": a.get("kode", str(i)), "uraian": a["nama"]}]
            for j, b in enumerate(raw_items, start=1):
                if not isinstance(b, Mapping):
                    raise IndeksError(f"definisi: butir ke-{j} aspek {a['nama']} tidak valid")
                options = b.get("pilihan", None)
                if options is None:
                    pilihan = default_item.pilihan
                elif isinstance(options, Mapping):
                    pilihan = tuple(Pilihan(_dec(k, "pilihan"), str(v))
                                    for k, v in options.items())
                else:
                    raise IndeksError("definisi: 'pilihan' harus pemetaan nilai → label")
                items.append(Butir(
                    kode=str(b.get("kode", f"{a.get('kode', i)}.{j}")),
                    uraian=str(b.get("uraian", "")),
                    bobot=_dec(b.get("bobot", 1), "bobot"),
                    nilai_min=_dec(b.get("nilai_min", default_item.nilai_min), "nilai_min"),
                    nilai_maks=_dec(b.get("nilai_maks", default_item.nilai_maks), "nilai_maks"),
                    pilihan=pilihan,
                ))
            aspects.append(Aspek(str(a.get("kode", i)), str(a["nama"]), tuple(items)))
        f = replace(f, aspek=tuple(aspects))
    if "kategori" in data:
        f = replace(f, skala=replace(f.skala, bands=_bands(data["kategori"]),
                                     unconfirmed=bool(data.get("belum_terkonfirmasi", False))))
    if "belum_terkonfirmasi" in data:
        f = replace(f, belum_terkonfirmasi=bool(data["belum_terkonfirmasi"]))
    if "catatan" in data:
        f = replace(f, catatan=str(data["catatan"]))
    codes = [b.kode for _, b in f.semua_butir]
    if len(set(codes)) != len(codes):
        raise IndeksError("definisi: kode butir harus unik")
    return f


def ke_dict(f: Formulir) -> dict[str, Any]:
    """A form as a definition (the inverse of `dari_dict`), for a template file."""
    return {
        "nama": f.nama,
        "pengali": dstr(f.pengali),
        "indeks_kurang": dstr(f.indeks_kurang),
        "indeks_bagi": dstr(f.indeks_bagi),
        "belum_terkonfirmasi": f.belum_terkonfirmasi,
        "catatan": f.catatan,
        "kategori": [
            {"kode": b.code, "label": b.label,
             "bawah": None if b.lower is None else dstr(b.lower),
             "atas": None if b.upper is None else dstr(b.upper),
             "bawah_inklusif": b.lower_inclusive, "atas_inklusif": b.upper_inclusive}
            for b in f.skala.bands
        ],
        "aspek": [
            {"kode": a.kode, "nama": a.nama, "butir": [
                {"kode": b.kode, "uraian": b.uraian, "bobot": dstr(b.bobot),
                 "nilai_min": dstr(b.nilai_min), "nilai_maks": dstr(b.nilai_maks),
                 **({"pilihan": {dstr(p.nilai): p.label for p in b.pilihan}}
                    if b.pilihan else {})}
                for b in a.butir]}
            for a in f.aspek
        ],
    }
