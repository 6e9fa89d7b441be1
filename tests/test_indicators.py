"""Units, kinds, polarity and within-year rules of indicators (document-tables.md)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.core.indicators import (
    Indicator,
    Kind,
    WithinYear,
    is_grade,
    kind_of_unit,
    normalise_unit,
    units_equal,
    year_value,
    year_value_candidates,
)

D = Decimal


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dok", "Dokumen"),
        ("dokumen", "DOKUMEN"),
        ("Lap", "Laporan"),
        ("Keg", "Kegiatan"),
        ("org", "Orang"),
        ("%", "persen"),
        ("%", "Persentase"),
        ("Persen", "persentase"),
        ("Orang/bulan", "orang / bulan"),
        ("Dok.", "Dokumen"),
        ("  Wajib   Laporan ", "wajib laporan"),
    ],
)
def test_synonyms_are_equal(a: str, b: str) -> None:
    assert units_equal(a, b)


@pytest.mark.parametrize(("a", "b"), [("Dok", "SK"), ("Orang", "ASN"), ("Laporan", "Kasus"),
                                      ("%", "Nilai"), ("Unit", "Paket")])
def test_different_units(a: str, b: str) -> None:
    assert not units_equal(a, b)


def test_normalise_unit() -> None:
    assert normalise_unit("Dok") == "dokumen"
    assert normalise_unit("%") == "persen"
    assert normalise_unit("") == ""
    assert normalise_unit("   ") == ""


@pytest.mark.parametrize("grade", ["A", "AA", "B", "BB", "C", "CC", "D", "E", " BB "])
def test_grades(grade: str) -> None:
    assert is_grade(grade)
    assert kind_of_unit(grade) is Kind.LEVEL


@pytest.mark.parametrize("text", ["", "Dok", "a", "F", "BBB", "Orang", "100%"])
def test_not_grades(text: str) -> None:
    assert not is_grade(text)


@pytest.mark.parametrize(
    ("unit", "kind"),
    [
        ("%", Kind.LEVEL), ("Persen", Kind.LEVEL), ("persentase", Kind.LEVEL),
        ("Nilai", Kind.LEVEL), ("Indeks", Kind.LEVEL), ("skor", Kind.LEVEL),
        ("Predikat", Kind.LEVEL), ("Rasio", Kind.LEVEL),
        ("Unit", Kind.UNDECIDED), ("Jenis", Kind.UNDECIDED), ("Bulan", Kind.UNDECIDED),
        ("orang/bulan", Kind.UNDECIDED), ("Orang/bulan", Kind.UNDECIDED),
        ("Layanan", Kind.UNDECIDED),
        ("Dokumen", Kind.FLOW), ("Dok", Kind.FLOW), ("Laporan", Kind.FLOW), ("Orang", Kind.FLOW),
        ("ASN", Kind.FLOW), ("Paket", Kind.FLOW), ("SK", Kind.FLOW), ("Kasus", Kind.FLOW),
        ("ASN/bulan", Kind.FLOW), ("", Kind.FLOW),
    ],
)
def test_kind_of_unit(unit: str, kind: Kind) -> None:
    assert kind_of_unit(unit) is kind


def test_indicator_defaults() -> None:
    assert Indicator("Jumlah dokumen", "Dok").effective_within_year is WithinYear.SUM
    assert Indicator("Persentase", "%").effective_within_year is WithinYear.LAST
    assert Indicator("Jumlah", "Unit").effective_within_year is WithinYear.LAST
    assert Indicator("x", "%", kind=Kind.FLOW).effective_within_year is WithinYear.SUM
    assert Indicator("x", "%", within_year=WithinYear.MAX).effective_within_year is WithinYear.MAX


def test_year_value_rules() -> None:
    q = [D(25), D(25), D(0), None]
    assert year_value(q, WithinYear.SUM) == 50
    assert year_value(q, WithinYear.LAST) == 25  # the later 0 is "not yet measured"
    assert year_value(q, WithinYear.MAX) == 25
    assert year_value([D(1), D(2), None, None], WithinYear.MEAN) == D("1.5")  # None left out
    assert year_value([D(0), D(0)], WithinYear.LAST) == 0
    assert year_value([None, None, None, None], WithinYear.SUM) is None
    # Samarinda row 33: a level indicator's latest value is the last non-zero quarter
    assert year_value([D("39.65"), D("39.65"), D(0), D(0)], WithinYear.LAST) == D("39.65")


def test_year_value_candidates() -> None:
    # Samarinda row 51: orang/bulan is undecided; 71 is the latest quarter and passes
    q = [D(70), D(70), D(71), D(71)]
    assert D(71) in year_value_candidates(q, kind_of_unit("Orang/bulan"))
    assert year_value_candidates(q, Kind.FLOW) == (D(282),)
    assert year_value_candidates(q, Kind.LEVEL) == (D(71),)
    assert year_value_candidates([None], Kind.FLOW) == ()


quarters = st.lists(
    st.one_of(st.none(), st.decimals(min_value=0, max_value=10**9, places=2)), max_size=4
)


@given(quarters)
def test_sum_ignores_missing(qs: list[Decimal | None]) -> None:
    present = [q for q in qs if q is not None]
    got = year_value(qs, WithinYear.SUM)
    if not present:
        assert got is None
    else:
        assert got == sum(present, D(0))


@given(quarters)
def test_last_is_a_reported_value(qs: list[Decimal | None]) -> None:
    got = year_value(qs, WithinYear.LAST)
    present = [q for q in qs if q is not None]
    if present:
        assert got in present or got == 0
        assert got is not None
        assert got <= max(present)
