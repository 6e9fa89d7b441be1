"""The complete, versioned dump of one agency's record (`kinerja export`).

The dump is JSON with sorted keys and stably ordered lists; rows refer to each other by their
stable keys (node, sasaran and indicator keys; imports by their position in the dump; users by
user name), never by database ids, so that a dump restored into an empty database and exported
again gives the same bytes. Decimals are strings: money with two decimals, indicator values
without trailing zeros. Times are ISO 8601 in UTC."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from kinerja.store.models import (
    Agency,
    AuditLog,
    BudgetChange,
    BudgetLine,
    Document,
    EvaluationNote,
    Import,
    IndexResult,
    Indicator,
    Membership,
    Node,
    Period,
    Realisation,
    SakipEvaluation,
    Sasaran,
    StakeholderProposal,
    Target,
    Tujuan,
    Unit,
)

FORMAT = "kinerja-catatan"
VERSION = 1


def money(value: Decimal | None) -> str | None:
    """Money as text with two decimals."""
    return None if value is None else format(value.quantize(Decimal("0.01")), "f")


def number(value: Decimal | None) -> str | None:
    """An indicator value as text without trailing zeros ('65.16', '5')."""
    if value is None:
        return None
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def when(value: datetime | None) -> str | None:
    """A time as ISO 8601 in UTC."""
    return None if value is None else value.astimezone(UTC).isoformat()


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _user(user: Any) -> str | None:
    return None if user is None else str(user.username)


def _period(p: Period | None) -> list[int] | None:
    return None if p is None else [p.start_year, p.end_year]


def build(agency: Agency, user: Any = None) -> dict[str, Any]:
    """The agency's whole record as plain, stably ordered data (`user`, when given, must be
    allowed to export it; the command line acts as the system administrator)."""
    if user is not None:
        from kinerja.store import permissions

        permissions.require(user, "export", agency)
    gov = agency.government
    imports = list(Import.objects.filter(agency=agency).select_related("imported_by")
                   .order_by("kind", "year", "version", "title"))
    ref = {imp.pk: i + 1 for i, imp in enumerate(imports)}

    def src(obj: Any) -> int | None:
        return None if obj.source_id is None else ref[obj.source_id]

    def order(row: dict[str, Any], *fields: str) -> tuple[Any, ...]:
        return tuple("" if row[f] is None else row[f] for f in fields)

    memberships = Membership.objects.filter(government=gov).select_related("user", "unit")
    users: dict[str, dict[str, Any]] = {}
    for m in memberships:
        if m.agency_id not in (None, agency.pk):
            continue
        u = users.setdefault(m.user.username, {
            "username": m.user.username, "first_name": m.user.first_name,
            "last_name": m.user.last_name, "email": m.user.email, "roles": []})
        u["roles"].append({"role": m.role, "agency": m.agency_id is not None,
                           "unit": m.unit.name if m.unit else None})
    for u in users.values():
        u["roles"].sort(key=lambda r: (r["role"], r["agency"], r["unit"] or ""))

    nodes = [{
        "key": n.key, "parent": n.parent.key if n.parent else None, "level": n.level,
        "code": n.code, "printed_code": n.printed_code, "official_name": n.official_name,
        "local_name": n.local_name, "position": n.position,
    } for n in Node.objects.filter(agency=agency).select_related("parent")]
    nodes.sort(key=lambda r: r["key"])

    indicators = [{
        "key": i.key, "node": i.node.key if i.node else None,
        "sasaran": i.sasaran.key if i.sasaran else None, "name": i.name, "unit": i.unit,
        "kind": i.kind, "polarity": i.polarity, "within_year": i.within_year,
        "formula": i.formula, "data_source": i.data_source,
        "responsible_unit": i.responsible_unit.name if i.responsible_unit else None,
        "scale": i.scale, "spm": i.spm, "ikk": i.ikk, "position": i.position,
    } for i in Indicator.objects.filter(agency=agency).select_related(
        "node", "sasaran", "responsible_unit")]
    indicators.sort(key=lambda r: r["key"])

    targets = [{
        "indicator": t.indicator.key, "year": t.year, "quarter": t.quarter,
        "version": t.version, "source": src(t), "value": number(t.value),
        "printed": t.printed, "unit": t.unit,
    } for t in Target.objects.filter(indicator__agency=agency).select_related("indicator")]
    targets.sort(key=lambda r: order(r, "indicator", "year", "quarter", "version", "source"))

    realisations = [{
        "indicator": r.indicator.key, "year": r.year, "quarter": r.quarter,
        "cumulative": r.cumulative, "source": src(r), "value": number(r.value),
        "printed": r.printed, "unit": r.unit, "note": r.note,
        "evidence_file": r.evidence_file.name or "", "evidence_link": r.evidence_link,
        "reported_by": _user(r.reported_by), "reported_at": when(r.reported_at),
    } for r in Realisation.objects.filter(indicator__agency=agency).select_related(
        "indicator", "reported_by")]
    realisations.sort(key=lambda r: order(r, "indicator", "year", "quarter", "cumulative",
                                          "source"))

    budgets = [{
        "node": b.node.key, "year": b.year, "stage": b.stage, "quarter": b.quarter,
        "cumulative": b.cumulative, "source": src(b), "amount": money(b.amount),
        "printed": b.printed,
        "funding_source": b.funding_source, "location": b.location,
    } for b in BudgetLine.objects.filter(node__agency=agency).select_related("node")]
    budgets.sort(key=lambda r: order(r, "node", "year", "stage", "quarter", "cumulative",
                                     "source"))

    changes = [{
        "node": c.node.key, "year": c.year, "from_stage": c.from_stage,
        "to_stage": c.to_stage, "source": src(c), "change_type": c.change_type,
        "amount_before": money(c.amount_before), "amount_after": money(c.amount_after),
        "target_before": c.target_before, "target_after": c.target_after, "reason": c.reason,
    } for c in BudgetChange.objects.filter(node__agency=agency).select_related("node")]
    changes.sort(key=lambda r: order(r, "node", "year", "from_stage", "to_stage", "source"))

    proposals = [{
        "year": p.year, "node": p.node.key if p.node else None,
        "program_name": p.program_name, "location": p.location, "indicator": p.indicator,
        "volume": p.volume, "volume_value": number(p.volume_value), "note": p.note,
        "stakeholder": p.stakeholder, "position": p.position,
    } for p in StakeholderProposal.objects.filter(agency=agency).select_related("node")
        .order_by("year", "position", "id")]

    sasaran = [{
        "key": s.key, "name": s.name, "position": s.position, "period": _period(s.period),
        "tujuan": s.tujuan.key if s.tujuan else None,
        "nodes": sorted(n.key for n in s.nodes.all()),
    } for s in Sasaran.objects.filter(agency=agency).select_related("period", "tujuan")
        .prefetch_related("nodes")]
    sasaran.sort(key=lambda r: r["key"])

    return {
        "format": FORMAT,
        "version": VERSION,
        "government": {"name": gov.name, "level": gov.level, "region_code": gov.region_code},
        "agency": {"slug": agency.slug, "name": agency.name, "org_code": agency.org_code},
        "units": sorted(({"name": u.name, "kind": u.kind}
                         for u in Unit.objects.filter(agency=agency)), key=lambda r: r["name"]),
        "periods": sorted(({"name": p.name, "start_year": p.start_year, "end_year": p.end_year}
                           for p in Period.objects.filter(agency=agency)),
                          key=lambda r: (r["start_year"], r["end_year"])),
        "users": [users[k] for k in sorted(users)],
        "tujuan": sorted(({"key": t.key, "name": t.name, "position": t.position,
                           "period": _period(t.period)}
                          for t in Tujuan.objects.filter(agency=agency)),
                         key=lambda r: r["key"]),
        "sasaran": sasaran,
        "nodes": nodes,
        "indicators": indicators,
        "imports": [{
            "ref": ref[imp.pk], "kind": imp.kind, "title": imp.title,
            "file_name": imp.file_name, "year": imp.year, "version": imp.version,
            "sha256": imp.sha256, "row_count": imp.row_count,
            "imported_by": _user(imp.imported_by), "imported_at": when(imp.imported_at),
            "meta": imp.meta,
            "findings": [{"row": f.row, "column": f.column, "rule": f.rule,
                          "severity": f.severity, "printed": f.printed,
                          "expected": f.expected, "message": f.message}
                         for f in imp.findings.order_by("id")],
        } for imp in imports],
        "targets": targets,
        "realisations": realisations,
        "budget_lines": budgets,
        "budget_changes": changes,
        "stakeholder_proposals": proposals,
        "documents": [{
            "kind": d.kind, "year": d.year, "version": d.version, "title": d.title,
            "status": d.status, "finalised_by": _user(d.finalised_by),
            "finalised_at": when(d.finalised_at), "signatory_name": d.signatory_name,
            "signatory_nip": d.signatory_nip, "signatory_position": d.signatory_position,
            "signatory_capacity": d.signatory_capacity, "snapshot": d.snapshot,
        } for d in Document.objects.filter(agency=agency).select_related("finalised_by")
            .order_by("kind", "year", "version")],
        "evaluation_notes": [{
            "year": e.year, "quarter": e.quarter, "text": e.text, "author": _user(e.author),
            "created_at": when(e.created_at),
        } for e in EvaluationNote.objects.filter(agency=agency).select_related("author")
            .order_by("year", "quarter", "created_at", "id")],
        "sakip_evaluations": [{
            "year": s.year, "score": money(s.score), "grade": s.grade, "notes": s.notes,
            "evaluator": _user(s.evaluator), "created_at": when(s.created_at),
            "recommendations": [{"position": r.position, "text": r.text, "status": r.status,
                                 "follow_up": r.follow_up, "action": r.action,
                                 "responsible_unit": (r.responsible_unit.name
                                                      if r.responsible_unit else None),
                                 "responsible_text": r.responsible_text,
                                 "evidence": r.evidence, "due_date": _day(r.due_date),
                                 "closed_at": _day(r.closed_at)}
                                for r in s.recommendations.select_related("responsible_unit")
                                .order_by("position", "id")],
        } for s in SakipEvaluation.objects.filter(agency=agency).select_related("evaluator")
            .order_by("year")],
        "index_results": [{
            "year": x.year, "kind": x.kind, "name": x.name, "value": number(x.value),
            "category": x.category, "category_label": x.category_label, "result": x.result,
            "working": x.working, "file_name": x.file_name, "sha256": x.sha256,
            "settings": x.settings, "computed_by": _user(x.computed_by),
            "computed_by_name": x.computed_by_name, "computed_at": when(x.computed_at),
            "realisations": sorted(
                ({"indicator": r.indicator.key, "year": r.year, "quarter": r.quarter,
                  "cumulative": r.cumulative, "source": src(r)}
                 for r in x.realisations.select_related("indicator")),
                key=lambda r: order(r, "indicator", "year", "quarter", "cumulative", "source")),
        } for x in IndexResult.objects.filter(agency=agency).select_related("computed_by")
            .prefetch_related("realisations").order_by("year", "kind", "name")],
        "audit_log": [{
            "at": when(e.at), "actor": _user(e.actor), "actor_name": e.actor_name,
            "action": e.action, "model": e.model, "object_id": e.object_id,
            "object_repr": e.object_repr, "before": e.before, "after": e.after,
        } for e in AuditLog.objects.filter(agency=agency).select_related("actor")
            .order_by("at", "id")],
    }


def dumps(agency: Agency, user: Any = None) -> str:
    """The dump as JSON text (UTF-8, sorted keys, one trailing newline)."""
    return json.dumps(build(agency, user), ensure_ascii=False, sort_keys=True, indent=1) + "\n"
