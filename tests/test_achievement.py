"""Achievement (capaian) per rules.md §1, against numbers from the real documents."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from kinerja.core.achievement import Achievement, NegativeFormula, Status, achievement
from kinerja.core.exact import percent, total, total_or_zero
from kinerja.core.indicators import Polarity

D = Decimal
NEG = Polarity.NEGATIVE


def r2(x: Decimal | None) -> Decimal:
    assert x is not None
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def value(a: Achievement) -> Decimal:
    assert a.value is not None, a
    return a.value


def test_positive_uncapped_from_the_documents() -> None:
    assert value(achievement(D(200), D(285))) == D("142.5")      # Paser prints 142
    assert value(achievement(D(8), D(9))) == D("112.5")          # Paser prints 112
    assert value(achievement(D(8), D(9))).quantize(D(1), rounding=ROUND_DOWN) == 112
    assert r2(achievement(D(700), D(1000)).value) == D("142.86")  # Samarinda
    assert value(achievement(D(10), D(50))) == 500               # Samarinda row 88
    assert value(achievement(D(1), D(18))) == 1800
    a = achievement(D(200), D(285))
    assert a.status is Status.DIHITUNG and a.computed and "realisasi / target" in a.reason


def test_negative_polarity() -> None:
    assert value(achievement(D(10), D(8), NEG)) == 120
    assert value(achievement(D(10), D(25), NEG)) == 0            # floored at 0
    assert value(achievement(D(10), D(10), NEG)) == 100          # met exactly: 100, not 0
    assert value(achievement(D(10), D(20), NEG)) == 0
    rasio = NegativeFormula.RASIO
    assert value(achievement(D(10), D(8), NEG, negative_formula=rasio)) == D(125)
    assert value(achievement(D(10), D(25), NEG, negative_formula=rasio)) == D(40)
    zero = achievement(D(10), D(0), NEG, negative_formula=rasio)
    assert zero.value is None and zero.status is Status.TERCAPAI


def test_zero_or_empty_target() -> None:
    for t in (D(0), None):
        a = achievement(t, D(5))
        assert a.value is None
        assert a.status is Status.TIDAK_DAPAT_DIHITUNG
        assert "tidak dapat dihitung" in a.reason
    ok = achievement(D(0), D(0), NEG)
    assert ok.value is None and ok.status is Status.TERCAPAI
    bad = achievement(D(0), D(2), NEG)
    assert bad.value is None and bad.status is Status.TIDAK_TERCAPAI


def test_missing_realisation_is_not_zero() -> None:
    missing = achievement(D(10), None)
    assert missing.value is None and missing.status is Status.BELUM_DIISI
    assert "belum diisi" in missing.reason
    zero = achievement(D(10), D(0))
    assert zero.value == 0 and zero.status is Status.DIHITUNG


def test_range_targets() -> None:
    rng = Polarity.RANGE
    # 7–8 months (PermenPANRB 8/2021)
    assert value(achievement(D(7), D("7.5"), rng, upper=D(8))) == 100
    assert value(achievement(D(7), D(7), rng, upper=D(8))) == 100
    assert value(achievement(D(7), D(8), rng, upper=D(8))) == 100
    above = achievement(D(7), D(10), rng, upper=D(8))           # (16 − 10) / 8 = 75
    assert value(above) == 75 and "batas atas" in above.reason
    below = achievement(D(7), D(6), rng, upper=D(8))            # 6 / 7
    assert r2(below.value) == D("85.71") and "batas bawah" in below.reason
    assert achievement(D(7), None, rng, upper=D(8)).status is Status.BELUM_DIISI
    assert achievement(None, D(7), rng, upper=D(8)).status is Status.TIDAK_DAPAT_DIHITUNG


def test_exact_helpers() -> None:
    assert percent(D(5), D(0)) is None
    assert percent(None, D(1)) is None
    assert total([None, None]) is None
    assert total([D("0.1"), None, D("0.2")]) == D("0.3")
    assert total_or_zero([None, D(285), D(180)]) == 465
    big = D("7522842676.91")
    assert total([big] * 1000) == big * 1000


positive = st.decimals(min_value=D("0.01"), max_value=D(10) ** 12, places=2)
non_negative = st.decimals(min_value=0, max_value=D(10) ** 12, places=2)


@given(positive, non_negative, non_negative)
def test_positive_is_monotone_in_realisation(t: Decimal, r1: Decimal, r2_: Decimal) -> None:
    lo, hi = sorted((r1, r2_))
    assert value(achievement(t, lo)) <= value(achievement(t, hi))


@given(positive, non_negative)
def test_negative_never_below_zero(t: Decimal, r: Decimal) -> None:
    for formula in NegativeFormula:
        a = achievement(t, r, NEG, negative_formula=formula)
        assert a.value is None or a.value >= 0


@given(positive, non_negative, non_negative)
def test_negative_is_antitone_in_realisation(t: Decimal, r1: Decimal, r2_: Decimal) -> None:
    lo, hi = sorted((r1, r2_))
    assert value(achievement(t, lo, NEG)) >= value(achievement(t, hi, NEG))


@given(positive)
def test_target_met_is_100(t: Decimal) -> None:
    assert value(achievement(t, t)) == 100
    assert value(achievement(t, t, NEG)) == 100


# --- text and grade targets (rules.md §1, last point) -------------------------------------------

def test_grade_targets_compared_through_the_scale_order() -> None:
    from kinerja.core import scales
    from kinerja.core.achievement import Status, grade_achievement

    # Paser Tabel 2.2.1: Nilai SAKIP target BB (75), realised B (65,18): not met
    r = grade_achievement("BB (75)", "B (65,18)", scales.SAKIP)
    assert (r.status, r.value) == (Status.TIDAK_TERCAPAI, None)
    assert r.reason == ("predikat B di bawah target BB "
                        "(Predikat nilai SAKIP (PermenPANRB 88/2021))")
    # Paser Tabel 2.2.1: survey target B (80), realised B (80,92): met
    assert grade_achievement("B (80)", "B (80,92)", scales.IKM).status is Status.TERCAPAI
    assert grade_achievement("BB", "A", scales.SAKIP).status is Status.TERCAPAI
    assert grade_achievement("WTP", "WDP", scales.OPINI_BPK).status is Status.TIDAK_TERCAPAI
    assert grade_achievement("WTP", "Wajar Tanpa Pengecualian",
                             scales.OPINI_BPK).status is Status.TERCAPAI
    assert grade_achievement("WTP", "", scales.OPINI_BPK).status is Status.BELUM_DIISI
    unknown = grade_achievement("BB", "Q", scales.SAKIP)
    assert unknown.status is Status.TIDAK_DAPAT_DIHITUNG and "'Q'" in unknown.reason


def test_categorical_scale_has_no_numeric_bands() -> None:
    from decimal import Decimal

    import pytest

    from kinerja.core import scales

    with pytest.raises(ValueError, match="kategori"):
        scales.OPINI_BPK.classify(Decimal("90"))
    assert scales.OPINI_BPK.rank(scales.OPINI_BPK.band_by_code("TW")) == 2
