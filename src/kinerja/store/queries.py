"""Queries that turn the stored record into the plain objects of `kinerja.tables.record`.

`load_record(agency, year)` reads one agency's whole record with a fixed, small number of
queries (one per model, whatever the size of the plan) and returns an immutable
`AgencyRecord`: the plan tree with indicators, targets, realisations, budget lines and budget
changes, the sasaran with their IKU, units, periods, imports, documents, Bappeda's notes and the
stakeholder proposals.
Stored decimals come back without their padding zeros (`200.000000` → `200`)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from kinerja.core.indicators import Kind, Polarity, WithinYear
from kinerja.tables.record import (
    AgencyInfo,
    AgencyRecord,
    BudgetAmount,
    BudgetChangeInfo,
    DocumentInfo,
    EvaluationNoteInfo,
    GovernmentInfo,
    ImportInfo,
    IndicatorRecord,
    PeriodInfo,
    PlanNode,
    ProposalInfo,
    RealisationValue,
    SasaranRecord,
    TargetValue,
    UnitInfo,
)


class RecordNotFound(LookupError):
    """No agency with that slug; str() is the message for the user."""


def _num(value: Decimal | None) -> Decimal | None:
    """A stored decimal without padding zeros, never in exponent form."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _agency(agency_or_slug: Any) -> Any:
    from kinerja.store.models import Agency

    if isinstance(agency_or_slug, Agency):
        return Agency.objects.select_related("government").get(pk=agency_or_slug.pk)
    found = Agency.objects.select_related("government").filter(slug=agency_or_slug).first()
    if found is None:
        raise RecordNotFound(f"perangkat daerah '{agency_or_slug}' tidak ditemukan")
    return found


def load_record(agency_or_slug: Any, year: int | None = None) -> AgencyRecord:
    """The record of an agency (given as an `Agency` or its slug) as core objects, read for
    `year` (kept on the record as the year its tables default to; values of every year are
    loaded). Raises `RecordNotFound` for an unknown slug."""
    from kinerja.store.models import (
        BudgetChange,
        BudgetLine,
        Document,
        EvaluationNote,
        Import,
        Indicator,
        Node,
        Period,
        Realisation,
        Sasaran,
        StakeholderProposal,
        Target,
        Unit,
    )

    agency = _agency(agency_or_slug)
    gov = agency.government
    info = AgencyInfo(agency.slug, agency.name,
                      GovernmentInfo(gov.name, gov.level, gov.region_code), agency.org_code)

    targets: dict[int, list[TargetValue]] = defaultdict(list)
    for t in Target.objects.filter(indicator__agency=agency).order_by(
            "indicator_id", "year", "quarter", "version", "source_id", "id"):
        targets[t.indicator_id].append(TargetValue(
            t.year, t.quarter, t.version, _num(t.value), t.printed, t.unit, t.source_id))
    realisations: dict[int, list[RealisationValue]] = defaultdict(list)
    for r in Realisation.objects.filter(indicator__agency=agency).order_by(
            "indicator_id", "year", "quarter", "cumulative", "source_id", "id"):
        realisations[r.indicator_id].append(RealisationValue(
            r.year, r.quarter, r.cumulative, _num(r.value), r.printed, r.unit, r.note,
            r.source_id))

    by_node: dict[int, list[IndicatorRecord]] = defaultdict(list)
    by_sasaran: dict[int, list[IndicatorRecord]] = defaultdict(list)
    for ind in Indicator.objects.filter(agency=agency).select_related(
            "responsible_unit").order_by("position", "id"):
        rec = IndicatorRecord(
            key=ind.key, name=ind.name, unit=ind.unit, kind=Kind(ind.kind),
            polarity=Polarity(ind.polarity), within_year=WithinYear(ind.within_year),
            formula=ind.formula, data_source=ind.data_source,
            responsible_unit=ind.responsible_unit.name if ind.responsible_unit else "",
            scale=ind.scale, position=ind.position, spm=ind.spm, ikk=ind.ikk,
            targets=tuple(targets.get(ind.pk, ())),
            realisations=tuple(realisations.get(ind.pk, ())))
        if ind.node_id is not None:
            by_node[ind.node_id].append(rec)
        elif ind.sasaran_id is not None:
            by_sasaran[ind.sasaran_id].append(rec)

    budget: dict[int, list[BudgetAmount]] = defaultdict(list)
    for b in BudgetLine.objects.filter(node__agency=agency).order_by(
            "node_id", "year", "stage", "quarter", "cumulative", "source_id", "id"):
        budget[b.node_id].append(BudgetAmount(
            b.year, b.stage, b.quarter, _num(b.amount), b.printed, b.location,
            b.funding_source, b.source_id, b.cumulative))
    changes: dict[int, list[BudgetChangeInfo]] = defaultdict(list)
    for c in BudgetChange.objects.filter(node__agency=agency).order_by(
            "node_id", "year", "source_id", "id"):
        changes[c.node_id].append(BudgetChangeInfo(
            c.year, c.from_stage, c.to_stage, c.change_type, _num(c.amount_before),
            _num(c.amount_after), c.target_before, c.target_after, c.reason, c.source_id))

    rows = list(Node.objects.filter(agency=agency).order_by("position", "id"))
    kids: dict[int | None, list[Any]] = defaultdict(list)
    for n in rows:
        kids[n.parent_id].append(n)
    node_keys = {n.pk: n.key for n in rows}

    def build(n: Any) -> PlanNode:
        return PlanNode(
            key=n.key, level=n.level, code=n.code, printed_code=n.printed_code,
            official_name=n.official_name, local_name=n.local_name, position=n.position,
            indicators=tuple(by_node.get(n.pk, ())), budget=tuple(budget.get(n.pk, ())),
            changes=tuple(changes.get(n.pk, ())),
            children=tuple(build(c) for c in kids.get(n.pk, ())))

    programs = tuple(build(n) for n in kids.get(None, ()))

    served: dict[int, list[str]] = defaultdict(list)
    through = Sasaran.nodes.through
    for sasaran_id, node_id in through.objects.filter(sasaran__agency=agency).values_list(
            "sasaran_id", "node_id").order_by("id"):
        if node_id in node_keys:
            served[sasaran_id].append(node_keys[node_id])
    sasaran = tuple(
        SasaranRecord(s.key, s.name, s.tujuan.name if s.tujuan else "", s.position,
                      tuple(by_sasaran.get(s.pk, ())), tuple(served.get(s.pk, ())))
        for s in Sasaran.objects.filter(agency=agency).select_related("tujuan").order_by(
            "position", "id"))

    return AgencyRecord(
        agency=info,
        year=year,
        periods=tuple(PeriodInfo(p.name, p.start_year, p.end_year)
                      for p in Period.objects.filter(agency=agency).order_by("start_year")),
        units=tuple(UnitInfo(u.name, u.kind)
                    for u in Unit.objects.filter(agency=agency).order_by("name")),
        sasaran=sasaran,
        programs=programs,
        imports=tuple(ImportInfo(i.pk, i.kind, i.title, i.year, i.version, i.file_name,
                                 dict(i.meta or {}))
                      for i in Import.objects.filter(agency=agency).order_by("id")),
        documents=tuple(DocumentInfo(d.kind, d.year, d.version, d.title, d.status,
                                     d.signatory_name, d.signatory_nip, d.signatory_position,
                                     d.signatory_capacity)
                        for d in Document.objects.filter(agency=agency).order_by(
                            "kind", "year", "version")),
        notes=tuple(EvaluationNoteInfo(n.year, n.quarter, n.text)
                    for n in EvaluationNote.objects.filter(agency=agency).order_by(
                        "year", "quarter", "created_at", "id")),
        proposals=tuple(
            ProposalInfo(p.year, p.title, node_keys.get(p.node_id) if p.node_id else None,
                         p.location, p.indicator, p.volume, _num(p.volume_value), p.note,
                         p.stakeholder, p.position)
            for p in StakeholderProposal.objects.filter(agency=agency).select_related(
                "node").order_by("year", "position", "id")),
    )


def years_with_data(agency_or_slug: Any) -> list[int]:
    """The years for which the agency's record holds a target, realisation or budget line."""
    from kinerja.store.models import BudgetLine, Realisation, Target

    agency = _agency(agency_or_slug)
    years: set[int] = set()
    years.update(Target.objects.filter(indicator__agency=agency).values_list("year", flat=True))
    years.update(Realisation.objects.filter(indicator__agency=agency).values_list(
        "year", flat=True))
    years.update(BudgetLine.objects.filter(node__agency=agency).values_list("year", flat=True))
    return sorted(years)
