"""T-C.30: Pencapaian kinerja pelayanan Perangkat Daerah (Permendagri 86/2017), built from the
record.

One row per key indicator: the IKU of the sasaran, or, where the record has none, the outcome
indicators of the programs. For the Renja year n: the Renstra targets of n-2, n-1, n and n+1,
the realisations of n-2 and n-1, the projections of n and n+1 (the Renja targets of those
years) and the analyst's note (the realisation's note). The SPM/standar nasional and IKK
columns show the references kept on the indicator (empty where it has none). No formulas: the
table holds entered values only.
"""

from __future__ import annotations

from kinerja.tables import _common as c
from kinerja.tables import registry
from kinerja.tables.grid import Row, Table
from kinerja.tables.record import AgencyRecord, IndicatorRecord


def indicators(record: AgencyRecord) -> list[IndicatorRecord]:
    """The service indicators: the sasaran's IKU, else the programs' indicators."""
    iku = [ind for s in record.sasaran for ind in s.indicators]
    if iku:
        return iku
    return [ind for p in record.programs for ind in p.indicators]


def build(record: AgencyRecord, year: int | None = None, version: str | None = None) -> Table:
    """T-C.30 of `record` for the Renja year `year`; projections from the targets of
    `version` (any version when None)."""
    n = c.the_year(record, year)
    spec = registry.get("tc30")
    rows: list[Row] = []
    for no, ind in enumerate(indicators(record), start=1):
        def renstra(y: int, ind: IndicatorRecord = ind) -> str:
            t = ind.target(y, "renstra")
            return c.target_text(t.value, "", t.printed) if t is not None else ""

        def real(y: int, ind: IndicatorRecord = ind) -> str:
            r = ind.realisation(y)
            return c.target_text(r.value, "", r.printed) if r is not None else ""

        def projection(y: int, ind: IndicatorRecord = ind) -> str:
            t = ind.target(y, version) if version else (
                ind.target(y, "renja") or ind.target(y, "pk") or ind.target(y))
            return c.target_text(t.value, "", t.printed) if t is not None else ""

        note = next((r.note for r in (ind.realisation(n - 1), ind.realisation(n - 2))
                     if r is not None and r.note), "")
        unit = f" ({ind.unit})" if ind.unit else ""
        rows.append(Row((
            c.text(str(no)), c.text(ind.name + unit), c.text(ind.spm), c.text(ind.ikk),
            *(c.text(renstra(y)) for y in (n - 2, n - 1, n, n + 1)),
            c.text(real(n - 2)), c.text(real(n - 1)),
            c.text(projection(n)), c.text(projection(n + 1)), c.text(note))))
    words = {"Tahun n+1": f"Tahun {n + 1}", "Tahun n-1": f"Tahun {n - 1}",
             "Tahun n-2": f"Tahun {n - 2}", "Tahun n": f"Tahun {n}"}
    return spec.table(rows, words=words, subtitle=c.subtitle(record))


registry.attach("tc30", build)
