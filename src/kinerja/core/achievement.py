"""Achievement of an indicator (capaian), rules.md §1.

- Positive polarity: `realisasi / target × 100`.
- Negative polarity (lower is better): `(2 × target − realisasi) / target × 100`, floored at 0
  (PermenPANRB 8/2021); `target / realisasi × 100` as a per-indicator option
  (`NegativeFormula.RASIO`). Never `(target − realisasi) / target`.
- Range targets: inside the range 100; above it the upper bound as target with negative
  polarity; below it the lower bound with positive polarity.
- Target zero or empty: no ratio ("tidak dapat dihitung"); a negative indicator with target 0 is
  tercapai when its realisation is 0, otherwise not. Such results carry no value and are left out
  of averages.
- A missing realisation is "belum diisi", not 0.
- No cap: the stored value keeps every digit (142,5; 500; 1 800); capping belongs to a scale.
- Text or grade targets (`B`, `BB`, `WTP`) are compared through their scale's order
  (`grade_achievement`): met or not, with no percentage.

All arithmetic is exact `Decimal` (see `core.exact`); nothing is rounded here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kinerja.core import numbers
from kinerja.core.exact import HUNDRED, ZERO, exact
from kinerja.core.indicators import Polarity
from kinerja.core.scales import Band, Scale


class Status(StrEnum):
    """What an achievement result is."""

    DIHITUNG = "dihitung"                          # a value was computed
    TERCAPAI = "tercapai"                          # no ratio, but the target is met
    TIDAK_TERCAPAI = "tidak_tercapai"              # no ratio, and the target is not met
    TIDAK_DAPAT_DIHITUNG = "tidak_dapat_dihitung"  # target zero or empty
    BELUM_DIISI = "belum_diisi"                    # realisation not reported


class NegativeFormula(StrEnum):
    """Formula for negative-polarity indicators."""

    SELISIH = "selisih"  # (2t − r) / t × 100, floored at 0 (default, PermenPANRB 8/2021)
    RASIO = "rasio"      # t / r × 100 (used by some applications)


@dataclass(frozen=True)
class Achievement:
    """An achievement: `value` in percent (exact, uncapped) or None, its `status`, and the
    `reason` in Bahasa Indonesia (how it was computed, or why there is no value)."""

    value: Decimal | None
    status: Status
    reason: str

    @property
    def computed(self) -> bool:
        """True when a value was computed (the result takes part in averages)."""
        return self.value is not None


def _positive(target: Decimal, realisation: Decimal) -> Achievement:
    with exact():
        value = realisation / target * HUNDRED
    return Achievement(value, Status.DIHITUNG, "realisasi / target × 100")


def _negative(target: Decimal, realisation: Decimal, formula: NegativeFormula) -> Achievement:
    if formula is NegativeFormula.RASIO:
        if realisation == 0:
            return Achievement(
                None, Status.TERCAPAI,
                "indikator negatif dengan realisasi 0: rumus target / realisasi tidak dapat "
                "dihitung, target tercapai",
            )
        with exact():
            value = target / realisation * HUNDRED
        return Achievement(value, Status.DIHITUNG,
                           "indikator negatif: target / realisasi × 100")
    with exact():
        value = (2 * target - realisation) / target * HUNDRED
    if value < 0:
        return Achievement(
            ZERO, Status.DIHITUNG,
            "indikator negatif: (2 × target − realisasi) / target × 100, dibatasi paling "
            "rendah 0",
        )
    return Achievement(value, Status.DIHITUNG,
                       "indikator negatif: (2 × target − realisasi) / target × 100")


def achievement(
    target: Decimal | None,
    realisation: Decimal | None,
    polarity: Polarity = Polarity.POSITIVE,
    *,
    upper: Decimal | None = None,
    negative_formula: NegativeFormula = NegativeFormula.SELISIH,
) -> Achievement:
    """The achievement of `realisation` against `target` for an indicator of `polarity`.

    For `Polarity.RANGE`, `target` is the lower bound and `upper` the upper bound of the range
    (`upper` None: a range of one value). `negative_formula` chooses the negative-polarity
    formula (also used above a range).
    """
    if polarity is Polarity.RANGE:
        return _range(target, upper if upper is not None else target, realisation,
                      negative_formula)
    if target is None:
        return Achievement(None, Status.TIDAK_DAPAT_DIHITUNG,
                           "target kosong: capaian tidak dapat dihitung")
    if realisation is None:
        return Achievement(None, Status.BELUM_DIISI, "realisasi belum diisi")
    if target == 0:
        if polarity is Polarity.NEGATIVE:
            if realisation == 0:
                return Achievement(None, Status.TERCAPAI,
                                   "indikator negatif dengan target 0 dan realisasi 0: tercapai")
            return Achievement(
                None, Status.TIDAK_TERCAPAI,
                "indikator negatif dengan target 0 dan realisasi bukan 0: tidak tercapai",
            )
        return Achievement(None, Status.TIDAK_DAPAT_DIHITUNG,
                           "target 0: capaian tidak dapat dihitung")
    if polarity is Polarity.NEGATIVE:
        return _negative(target, realisation, negative_formula)
    return _positive(target, realisation)


def _range(
    lower: Decimal | None,
    upper: Decimal | None,
    realisation: Decimal | None,
    formula: NegativeFormula,
) -> Achievement:
    if lower is None or upper is None:
        return Achievement(None, Status.TIDAK_DAPAT_DIHITUNG,
                           "rentang target kosong: capaian tidak dapat dihitung")
    if realisation is None:
        return Achievement(None, Status.BELUM_DIISI, "realisasi belum diisi")
    if lower > upper:
        lower, upper = upper, lower
    if lower <= realisation <= upper:
        return Achievement(HUNDRED, Status.DIHITUNG, "realisasi di dalam rentang target: 100")
    if realisation > upper:
        result = achievement(upper, realisation, Polarity.NEGATIVE,
                             negative_formula=formula)
        where = "di atas rentang: batas atas sebagai target indikator negatif"
    else:
        result = achievement(lower, realisation, Polarity.POSITIVE)
        where = "di bawah rentang: batas bawah sebagai target indikator positif"
    return Achievement(result.value, result.status, f"{where}; {result.reason}")


def _grade(text: str, scale: Scale) -> Band | None:
    """The band a printed grade names: the letters alone ('BB'), with their value
    ('B (65,18)', read by the letters), or the label ('Sangat Baik')."""
    band = scale.read_label(text)
    if band is None:
        parsed = numbers.parse(text)
        if parsed.grade:
            band = scale.read_label(parsed.grade)
    return band


def grade_achievement(target: str | None, realisation: str | None, scale: Scale) -> Achievement:
    """Achievement of a text or grade target (`BB`, `WTP`) through the order of `scale`: met
    when the realised grade is as good as the target's or better. No percentage is computed
    (a grade has no ratio), so the result is TERCAPAI or TIDAK_TERCAPAI; a missing realisation
    is BELUM_DIISI; a grade the scale does not know is TIDAK_DAPAT_DIHITUNG."""
    if realisation is None or not realisation.strip():
        return Achievement(None, Status.BELUM_DIISI, "realisasi belum diisi")
    if target is None or not target.strip():
        return Achievement(None, Status.TIDAK_DAPAT_DIHITUNG, "target kosong")
    wanted, got = _grade(target, scale), _grade(realisation, scale)
    for text, band in ((target, wanted), (realisation, got)):
        if band is None:
            return Achievement(None, Status.TIDAK_DAPAT_DIHITUNG,
                               f"'{text.strip()}' bukan predikat pada {scale.name}")
    assert wanted is not None and got is not None
    if scale.rank(got) <= scale.rank(wanted):
        return Achievement(None, Status.TERCAPAI,
                           f"predikat {got.code} setara atau lebih baik dari target "
                           f"{wanted.code} ({scale.name})")
    return Achievement(None, Status.TIDAK_TERCAPAI,
                       f"predikat {got.code} di bawah target {wanted.code} ({scale.name})")
