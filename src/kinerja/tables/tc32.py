"""T-C.32: Usulan program dan kegiatan dari para pemangku kepentingan (Permendagri 86/2017).

One row per proposal the record keeps for the Renja year, in the order entered: the
program/kegiatan (the plan node's name, or the name written in free text), location,
performance indicator, volume as entered (its exact number where only the number is kept)
and the note, preceded by who proposed it (Musrenbang, the DPRD's pokok pikiran, an agency).
A year without proposals is built with an empty body, which every writer shows as "Nihil" —
what agencies print when they received none. No formulas.
"""

from __future__ import annotations

from kinerja.tables import _common as c
from kinerja.tables import registry
from kinerja.tables.grid import Cell, Row, Table
from kinerja.tables.record import AgencyRecord, ProposalInfo


def volume(proposal: ProposalInfo) -> Cell:
    """The volume as entered; a bare number without text becomes a number cell."""
    if proposal.volume:
        return c.text(proposal.volume)
    return c.number(proposal.volume_value)


def note(proposal: ProposalInfo) -> str:
    """The note, preceded by the stakeholder who proposed it."""
    parts = []
    if proposal.stakeholder:
        parts.append(f"Pengusul: {proposal.stakeholder}")
    if proposal.note:
        parts.append(proposal.note)
    return "; ".join(parts)


def build(record: AgencyRecord, year: int | None = None, version: str | None = None) -> Table:
    """T-C.32 of `record` for the Renja year `year`: the stakeholder proposals of that year,
    "Nihil" when there are none."""
    n = c.the_year(record, year)
    rows = [Row((c.text(str(no)), c.text(p.title), c.text(p.location), c.text(p.indicator),
                 volume(p), c.text(note(p))))
            for no, p in enumerate(record.proposals_for(n), start=1)]
    return registry.get("tc32").table(rows, words=c.year_words(n), subtitle=c.subtitle(record))


registry.attach("tc32", build)
