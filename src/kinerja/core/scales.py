"""Predicate scales as data.

A scale is an ordered list of named bands, each with a lower and an upper bound and which of the
two is inclusive, plus optional steps applied before mapping (rounding to a number of decimals,
a cap). Every band table of `rules.md` §5 is one `Scale` value here, so a government that uses a
local variant configures a new `Scale` instead of changing code. A printed predicate ("Tinggi",
"B ( Baik )", "BB") is read back to a band with `Scale.read_label`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

D = Decimal


@dataclass(frozen=True)
class Band:
    """One band of a scale: a value `x` is in it when it lies between `lower` and `upper`
    (None = unbounded) with the stated inclusiveness."""

    code: str
    label: str
    lower: Decimal | None = None
    upper: Decimal | None = None
    lower_inclusive: bool = True
    upper_inclusive: bool = True
    aliases: tuple[str, ...] = ()

    def contains(self, x: Decimal) -> bool:
        """Whether `x` falls in this band."""
        if self.lower is not None:
            if x < self.lower or (x == self.lower and not self.lower_inclusive):
                return False
        if self.upper is not None:
            if x > self.upper or (x == self.upper and not self.upper_inclusive):
                return False
        return True

    @property
    def display(self) -> str:
        """'Sangat Tinggi (ST)' or 'B (Baik)'."""
        if len(self.code) <= 2 and self.code.isupper() and not self.label.isupper():
            if self.code in ("ST", "T", "S", "R", "SR"):
                return self.label
            return f"{self.code} ({self.label})"
        return self.label


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.sub(r"[^A-Za-z0-9 ]+", " ", text).split())


@dataclass(frozen=True)
class Scale:
    """A named scale: bands ordered from best to worst, with its footing."""

    key: str
    name: str
    footing: str
    bands: tuple[Band, ...]
    round_to: int | None = None
    cap: Decimal | None = None
    unconfirmed: bool = False
    notes: str = ""
    codes_are_grades: bool = field(default=False)
    categorical: bool = False

    def prepare(self, value: Decimal) -> Decimal:
        """The value the bands are applied to: rounded (half-up) and capped as the scale says."""
        x = value
        if self.round_to is not None:
            x = x.quantize(D(1).scaleb(-self.round_to), rounding=ROUND_HALF_UP)
        if self.cap is not None and x > self.cap:
            x = self.cap
        return x

    def classify(self, value: Decimal) -> Band:
        """The band of `value`. A value outside every band falls to the nearest end band.
        A categorical scale (an audit opinion) has no numeric bands: ValueError."""
        if self.categorical:
            raise ValueError(f"skala {self.key} berupa kategori, bukan rentang nilai")
        x = self.prepare(value)
        for band in self.bands:
            if band.contains(x):
                return band
        # outside the printed range: above the best band's upper bound -> best, else worst
        best = self.bands[0]
        if best.upper is not None and x > best.upper:
            return best
        return self.bands[-1]

    def read_label(self, text: str) -> Band | None:
        """The band a printed predicate names, or None when it names no band of this scale.

        Accepts the code ('ST', 'BB'), the label ('Sangat Tinggi', 'tinggi'), an alias, and the
        combined forms 'B ( Baik )', 'A (Memuaskan)', 'Sangat Tinggi (ST)'. When code and label
        are both printed they must name the same band.
        """
        if not text or not text.strip():
            return None
        words = _words(text)
        if not words:
            return None
        lowered = " ".join(w.lower() for w in words)
        # whole text is a label or alias
        for band in self.bands:
            names = (band.label, *band.aliases)
            if any(lowered == " ".join(_words(n)).lower() for n in names):
                return band
        # whole text is a code (case-sensitive for grade letters, else insensitive)
        joined = " ".join(words)
        for band in self.bands:
            if joined == band.code or (not self.codes_are_grades and joined.upper() == band.code):
                return band
        # combined form: first word(s) a code, the rest a label ("B Baik", "A Memuaskan")
        first, rest = words[0], " ".join(w.lower() for w in words[1:])
        for band in self.bands:
            code_ok = first == band.code or (
                not self.codes_are_grades and first.upper() == band.code
            )
            if code_ok and rest:
                names = (band.label, *band.aliases)
                if any(rest == " ".join(_words(n)).lower() for n in names):
                    return band
                return None
        # label followed by code: "Sangat Tinggi ST"
        last = words[-1]
        head = " ".join(w.lower() for w in words[:-1])
        for band in self.bands:
            if last.upper() == band.code and head == " ".join(_words(band.label)).lower():
                return band
        return None

    def fits(self, value: Decimal, label: str) -> bool | None:
        """True when `label` names the band of `value`; False when it names another band or no
        band of this scale at all; None when `label` is empty."""
        if not label or not label.strip():
            return None
        band = self.read_label(label)
        return band is not None and band == self.classify(value)

    def rank(self, band: Band) -> int:
        """The band's place on the scale, 0 for the best."""
        return self.bands.index(band)

    def band_by_code(self, code: str) -> Band:
        """The band with this code (KeyError if none)."""
        for band in self.bands:
            if band.code == code:
                return band
        raise KeyError(code)


def _bands(
    rows: Iterable[tuple[str, str, str | None, str | None, bool, bool]],
    aliases: dict[str, tuple[str, ...]] | None = None,
) -> tuple[Band, ...]:
    extra = aliases or {}
    return tuple(
        Band(code, label, D(lo) if lo is not None else None, D(hi) if hi is not None else None,
             li, ui, extra.get(code, ()))
        for code, label, lo, hi, li, ui in rows
    )


#: Permendagri 86/2017, achievement of Renja/RKPD; default reading: lower bound inclusive.
PERMENDAGRI_86 = Scale(
    key="permendagri86",
    name="Predikat capaian kinerja (Permendagri 86/2017), batas bawah inklusif",
    footing="Permendagri 86/2017; bacaan batas bawah inklusif seperti formulir Samarinda "
    "(50,63 -> Sangat Rendah) dan aplikasi e-Monev",
    bands=_bands([
        ("ST", "Sangat Tinggi", "91", None, True, True),
        ("T", "Tinggi", "76", "91", True, False),
        ("S", "Sedang", "66", "76", True, False),
        ("R", "Rendah", "51", "66", True, False),
        ("SR", "Sangat Rendah", None, "51", True, False),
    ]),
)

#: The other reading of Permendagri 86/2017: upper bound inclusive (x > 90 ST, ..., x <= 50 SR).
PERMENDAGRI_86_UPPER = Scale(
    key="permendagri86_atas",
    name="Predikat capaian kinerja (Permendagri 86/2017), batas atas inklusif",
    footing="Permendagri 86/2017; bacaan alternatif: batas atas setiap rentang inklusif",
    bands=_bands([
        ("ST", "Sangat Tinggi", "90", None, False, True),
        ("T", "Tinggi", "75", "90", False, True),
        ("S", "Sedang", "65", "75", False, True),
        ("R", "Rendah", "50", "65", False, True),
        ("SR", "Sangat Rendah", None, "50", True, True),
    ]),
)

#: SAKIP evaluation grade, PermenPANRB 88/2021: lower bound exclusive.
SAKIP = Scale(
    key="sakip",
    name="Predikat nilai SAKIP (PermenPANRB 88/2021)",
    footing="PermenPANRB 88/2021; batas bawah eksklusif: 90,00 -> A, 90,01 -> AA",
    codes_are_grades=True,
    bands=_bands([
        ("AA", "Sangat Memuaskan", "90", "100", False, True),
        ("A", "Memuaskan", "80", "90", False, True),
        ("BB", "Sangat Baik", "70", "80", False, True),
        ("B", "Baik", "60", "70", False, True),
        ("CC", "Cukup", "50", "60", False, True),
        ("C", "Kurang", "30", "50", False, True),
        ("D", "Sangat Kurang", None, "30", True, True),
    ], aliases={"CC": ("Cukup Memadai", "Memadai")}),
)
#: Satisfaction index IKM/SKM, PermenPANRB 14/2017: round to 2 decimals, lower bound inclusive.
IKM = Scale(
    key="ikm",
    name="Mutu pelayanan (IKM, PermenPANRB 14/2017)",
    footing="PermenPANRB 14/2017; nilai dibulatkan 2 desimal lalu batas bawah inklusif",
    round_to=2,
    codes_are_grades=True,
    bands=_bands([
        ("A", "Sangat Baik", "88.31", None, True, True),
        ("B", "Baik", "76.61", "88.31", True, False),
        ("C", "Kurang Baik", "65.00", "76.61", True, False),
        ("D", "Tidak Baik", None, "65.00", True, False),
    ]),
)

#: Indeks Profesionalitas ASN, Peraturan BKN 8/2019: lower bound inclusive.
IPASN = Scale(
    key="ipasn",
    name="Kategori Indeks Profesionalitas ASN (Peraturan BKN 8/2019)",
    footing="Peraturan BKN 8/2019; nilai di antara rentang bulat jatuh ke rentang bawah",
    bands=_bands([
        ("ST", "Sangat Tinggi", "91", None, True, True),
        ("T", "Tinggi", "81", "91", True, False),
        ("S", "Sedang", "71", "81", True, False),
        ("R", "Rendah", "61", "71", True, False),
        ("SR", "Sangat Rendah", None, "61", True, False),
    ]),
)

#: Indeks NSPK Manajemen ASN, Peraturan BKN 12/2022, categories as printed in a provincial LKjIP.
NSPK = Scale(
    key="nspk",
    name="Kategori Indeks NSPK Manajemen ASN (Peraturan BKN 12/2022)",
    footing="kategori seperti tercetak dalam LKjIP BKD provinsi; hanya label A (Unggul) tercetak",
    codes_are_grades=True,
    unconfirmed=True,
    bands=_bands([
        ("A", "Unggul", "85", "100", False, True),
        ("B", "Kategori B", "70", "85", False, True),
        ("C", "Kategori C", "55", "70", False, True),
        ("D", "Kategori D", "40", "55", False, True),
        ("E", "Kategori E", None, "40", True, True),
    ]),
)

#: Indeks Sistem Merit (KASN self-assessment score 100-400); commonly used, not confirmed.
MERIT = Scale(
    key="merit",
    name="Kategori Sistem Merit (penilaian mandiri KASN, skor 100-400)",
    footing="PermenPANRB 40/2018; kategori yang umum dipakai, belum terkonfirmasi dari teks",
    unconfirmed=True,
    bands=_bands([
        ("IV", "Sangat Baik", "325", None, True, True),
        ("III", "Baik", "250", "325", True, False),
        ("II", "Kurang", "175", "250", True, False),
        ("I", "Buruk", None, "175", True, False),
    ]),
)

#: Efficiency as a difference (capaian % - serapan %), a common reading in practice.
EFISIENSI_SELISIH = Scale(
    key="efisiensi_selisih",
    name="Efisiensi (selisih capaian dan serapan, poin)",
    footing="praktik umum: lebih dari +5 efisien, dalam +-5 cukup efisien, "
    "di bawah -5 tidak efisien",
    unconfirmed=True,
    bands=_bands([
        ("E", "Efisien", "5", None, False, True),
        ("CE", "Cukup Efisien", "-5", "5", True, True),
        ("TE", "Tidak Efisien", None, "-5", True, False),
    ]),
)

#: The BPK audit opinion on financial statements, a target some agencies set ("WTP").
OPINI_BPK = Scale(
    key="opini_bpk",
    name="Opini BPK atas laporan keuangan",
    footing="UU 15/2004: empat jenis opini, dari yang terbaik",
    codes_are_grades=True,
    categorical=True,
    bands=(
        Band("WTP", "Wajar Tanpa Pengecualian"),
        Band("WDP", "Wajar Dengan Pengecualian"),
        Band("TW", "Tidak Wajar"),
        Band("TMP", "Tidak Menyatakan Pendapat", aliases=("Disclaimer",)),
    ),
)

SCALES: dict[str, Scale] = {
    s.key: s
    for s in (PERMENDAGRI_86, PERMENDAGRI_86_UPPER, SAKIP, IKM, IPASN, NSPK, MERIT,
              EFISIENSI_SELISIH, OPINI_BPK)
}


def get(key: str) -> Scale:
    """The registered scale with this key (KeyError with the known keys if none)."""
    try:
        return SCALES[key]
    except KeyError:
        raise KeyError(f"skala tidak dikenal: {key!r}; tersedia: {', '.join(SCALES)}") from None
