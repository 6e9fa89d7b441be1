"""Indicators: what an indicator counts or measures, and how its values combine.

An indicator has a unit (normalised, with synonyms: Dok = Dokumen, Lap = Laporan, Keg =
Kegiatan, org = Orang, % = persen = persentase), a kind (flow: counts of things done, which add
up over time; level: a state such as a percentage, score or index, whose value to date is its
latest value; undecided units that can be either), a polarity (positive, negative, range) and a
within-year rule (sum, last, max, mean).

`year_value` applies a within-year rule to a year's quarters; `year_value_candidates` gives the
values a printed year total may take for a kind (undecided units accept the sum, the latest or
the largest value). Missing quarters (None) are not zeros: they are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum

#: Spellings that name the same unit, mapped to the canonical one (compared in lower case).
UNIT_SYNONYMS: dict[str, str] = {
    "dok": "dokumen",
    "lap": "laporan",
    "keg": "kegiatan",
    "org": "orang",
    "%": "persen",
    "persentase": "persen",
}

#: Units (canonical spelling) of level indicators: a state, whose value to date is the latest.
LEVEL_UNITS: frozenset[str] = frozenset(
    {"persen", "nilai", "indeks", "skor", "predikat", "rasio"}
)

#: Units (canonical spelling) that can name either a stock or a flow.
UNDECIDED_UNITS: frozenset[str] = frozenset({"unit", "jenis", "bulan", "orang/bulan", "layanan"})

#: Grade letters that, printed in a unit cell, are a predicate and not a unit.
GRADES: frozenset[str] = frozenset({"A", "AA", "B", "BB", "C", "CC", "D", "E"})

_SPACES = re.compile(r"\s+")


class Kind(StrEnum):
    """Flow, level, or undecided (unit, jenis, bulan, orang/bulan, layanan)."""

    FLOW = "flow"
    LEVEL = "level"
    UNDECIDED = "undecided"


class Polarity(StrEnum):
    """Higher is better, lower is better, or a target range."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    RANGE = "range"


class WithinYear(StrEnum):
    """How a year's realisation follows from its quarters."""

    SUM = "sum"
    LAST = "last"
    MAX = "max"
    MEAN = "mean"


def normalise_unit(text: str) -> str:
    """The canonical spelling of a unit for comparison: lower case, spaces collapsed,
    synonyms mapped ('Dok' -> 'dokumen', 'Lap' -> 'laporan', '%' -> 'persen', 'org' -> 'orang',
    'Keg' -> 'kegiatan'). '' for an empty cell.

    A trailing full stop is dropped ('Dok.' -> 'dokumen') and each part of a compound unit is
    mapped on its own ('org / bulan' -> 'orang/bulan').
    """
    text = _SPACES.sub(" ", (text or "").strip().lower())
    if not text:
        return ""
    parts = [part.strip().rstrip(".").strip() for part in text.split("/")]
    return "/".join(UNIT_SYNONYMS.get(part, part) for part in parts)


def units_equal(a: str, b: str) -> bool:
    """Whether two printed units are the same unit (case-insensitive, synonyms equal)."""
    return normalise_unit(a) == normalise_unit(b)


def is_grade(text: str) -> bool:
    """Whether a printed unit cell is in fact a grade letter (A, AA, B, BB, C, CC, D, E) and
    so a printed predicate, not a unit. Grade letters are capitals: 'a' is not a grade."""
    return (text or "").strip() in GRADES


def kind_of_unit(unit: str) -> Kind:
    """Flow, level or undecided, from the unit (document-tables.md "Flow and level").

    Level: %, persen, persentase, nilai, indeks, skor, predikat, rasio and grade letters.
    Undecided: unit, jenis, bulan, orang/bulan, layanan. Every other unit, and an empty one, is
    flow.
    """
    if is_grade(unit):
        return Kind.LEVEL
    norm = normalise_unit(unit)
    if norm in LEVEL_UNITS:
        return Kind.LEVEL
    if norm in UNDECIDED_UNITS:
        return Kind.UNDECIDED
    return Kind.FLOW


def _present(quarters: Sequence[Decimal | None]) -> list[Decimal]:
    return [q for q in quarters if q is not None]


def year_value(quarters: Sequence[Decimal | None], rule: WithinYear) -> Decimal | None:
    """A year's realisation from its quarters (or months) by the within-year rule.

    SUM adds the reported values; LAST is the last reported non-zero value (a later 0 means
    "not yet measured"), or 0 when every reported value is 0; MAX the largest; MEAN the mean of
    the reported values. Missing values (None) are left out, never taken as 0; with none
    reported the result is None. Exact: no rounding is applied.
    """
    values = _present(quarters)
    if not values:
        return None
    if rule is WithinYear.SUM:
        with localcontext() as ctx:
            ctx.prec = 60
            return sum(values, Decimal(0))
    if rule is WithinYear.LAST:
        for value in reversed(values):
            if value != 0:
                return value
        return Decimal(0)
    if rule is WithinYear.MAX:
        return max(values)
    with localcontext() as ctx:
        ctx.prec = 60
        return sum(values, Decimal(0)) / len(values)


def year_value_candidates(quarters: Sequence[Decimal | None], kind: Kind) -> tuple[Decimal, ...]:
    """The values a printed year total may correctly take for an indicator of this kind.

    Flow: the sum; level: the latest value (rule LAST); undecided: the sum, the latest or the
    largest. Empty when no quarter is reported. Duplicates are removed, order kept.
    """
    if kind is Kind.FLOW:
        rules: tuple[WithinYear, ...] = (WithinYear.SUM,)
    elif kind is Kind.LEVEL:
        rules = (WithinYear.LAST,)
    else:
        rules = (WithinYear.SUM, WithinYear.LAST, WithinYear.MAX)
    out: list[Decimal] = []
    for rule in rules:
        value = year_value(quarters, rule)
        if value is not None and value not in out:
            out.append(value)
    return tuple(out)


@dataclass(frozen=True)
class Indicator:
    """An indicator with its attributes; kind and within-year rule default from the unit."""

    name: str
    unit: str = ""
    kind: Kind | None = None
    polarity: Polarity = Polarity.POSITIVE
    within_year: WithinYear | None = None

    @property
    def effective_kind(self) -> Kind:
        """The set kind, else the unit's."""
        return self.kind if self.kind is not None else kind_of_unit(self.unit)

    @property
    def effective_within_year(self) -> WithinYear:
        """The set rule, else SUM for flow and LAST for level (and undecided)."""
        if self.within_year is not None:
            return self.within_year
        return WithinYear.SUM if self.effective_kind is Kind.FLOW else WithinYear.LAST
