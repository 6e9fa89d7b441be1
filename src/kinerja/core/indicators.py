"""Indicators: what an indicator counts or measures, and how its values combine.

CONTRACT (implementation pending): the signatures below are fixed; other modules code against
them.

An indicator has a unit (normalised, with synonyms: Dok = Dokumen, Lap = Laporan, Keg =
Kegiatan, org = Orang, % = persen = persentase), a kind (flow: counts of things done, which add
up over time; level: a state such as a percentage, score or index, whose value to date is its
latest value; undecided units that can be either), a polarity (positive, negative, range) and a
within-year rule (sum, last, max, mean).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(str, Enum):
    """Flow, level, or undecided (unit, jenis, bulan, orang/bulan, layanan)."""

    FLOW = "flow"
    LEVEL = "level"
    UNDECIDED = "undecided"


class Polarity(str, Enum):
    """Higher is better, lower is better, or a target range."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    RANGE = "range"


class WithinYear(str, Enum):
    """How a year's realisation follows from its quarters."""

    SUM = "sum"
    LAST = "last"
    MAX = "max"
    MEAN = "mean"


def normalise_unit(text: str) -> str:
    """The canonical spelling of a unit for comparison: lower case, spaces collapsed,
    synonyms mapped ('Dok' -> 'dokumen', 'Lap' -> 'laporan', '%' -> 'persen', 'org' -> 'orang',
    'Keg' -> 'kegiatan'). '' for an empty cell."""
    raise NotImplementedError


def units_equal(a: str, b: str) -> bool:
    """Whether two printed units are the same unit."""
    raise NotImplementedError


def is_grade(text: str) -> bool:
    """Whether a printed unit cell is in fact a grade letter (A, AA, B, BB, C, CC, D, E) and
    so a printed predicate, not a unit."""
    raise NotImplementedError


def kind_of_unit(unit: str) -> Kind:
    """Flow, level or undecided, from the unit (document-tables.md "Flow and level")."""
    raise NotImplementedError


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
