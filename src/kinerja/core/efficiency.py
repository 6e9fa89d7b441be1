"""Efficiency of resource use: achievement compared with budget absorption (rules.md §6).

PermenPANRB 53/2014 requires the analysis but gives no formula; two conventions are in use and
both are computed, each labelled so a table says which it shows:

- ratio `capaian % / serapan %` (Paser: 86,91 / 94,49 = 0,919; above 1 means more achieved than
  spent);
- difference `capaian % − serapan %` in points (a provincial LKjIP: 105 − 96,20 = 8,80), read on
  the scale `EFISIENSI_SELISIH` (more than +5 efisien, within ±5 cukup efisien, below −5 tidak
  efisien; a common reading, not a regulation).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kinerja.core import scales
from kinerja.core.exact import exact


class Convention(StrEnum):
    """How achievement and absorption are compared."""

    RASIO = "rasio"      # capaian / serapan
    SELISIH = "selisih"  # capaian − serapan, in points


LABELS: dict[Convention, str] = {
    Convention.RASIO: "Efisiensi (rasio capaian / serapan)",
    Convention.SELISIH: "Efisiensi (selisih capaian − serapan, poin)",
}


@dataclass(frozen=True)
class Efficiency:
    """One efficiency figure with its convention and label; `band` is the class on the scale
    for the difference convention (None for the ratio, or without a value)."""

    convention: Convention
    label: str
    value: Decimal | None
    band: scales.Band | None = None


def efficiency_ratio(capaian: Decimal | None, serapan: Decimal | None) -> Efficiency:
    """capaian / serapan (None when either is missing or absorption is 0)."""
    value: Decimal | None = None
    if capaian is not None and serapan is not None and serapan != 0:
        with exact():
            value = capaian / serapan
    return Efficiency(Convention.RASIO, LABELS[Convention.RASIO], value)


def efficiency_difference(capaian: Decimal | None, serapan: Decimal | None,
                          scale: scales.Scale = scales.EFISIENSI_SELISIH) -> Efficiency:
    """capaian − serapan in points, classified on `scale` (None when either is missing)."""
    if capaian is None or serapan is None:
        return Efficiency(Convention.SELISIH, LABELS[Convention.SELISIH], None)
    with exact():
        value = capaian - serapan
    return Efficiency(Convention.SELISIH, LABELS[Convention.SELISIH], value,
                      scale.classify(value))


def efficiency(capaian: Decimal | None, serapan: Decimal | None,
               scale: scales.Scale = scales.EFISIENSI_SELISIH) -> tuple[Efficiency, Efficiency]:
    """Both conventions: (ratio, difference)."""
    return efficiency_ratio(capaian, serapan), efficiency_difference(capaian, serapan, scale)
