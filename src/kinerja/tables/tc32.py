"""T-C.32: Usulan program dan kegiatan dari para pemangku kepentingan (Permendagri 86/2017).

The record keeps no stakeholder proposals yet, so the table is built with an empty body,
which every writer shows as "Nihil" — what agencies print when they received none.
"""

from __future__ import annotations

from kinerja.tables import _common as c
from kinerja.tables import registry
from kinerja.tables.grid import Table
from kinerja.tables.record import AgencyRecord


def build(record: AgencyRecord, year: int | None = None, version: str | None = None) -> Table:
    """T-C.32 of `record` for the Renja year `year`: "Nihil" while no proposal is recorded."""
    n = c.the_year(record, year)
    return registry.get("tc32").table((), words=c.year_words(n), subtitle=c.subtitle(record))


registry.attach("tc32", build)
