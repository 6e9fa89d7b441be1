"""Restoring an agency's dump (`kinerja restore`) into a database that does not hold that agency
yet. Everything is created in one transaction with the audit trail switched off (the dump brings
its own trail), so that exporting the restored agency gives the same bytes as the dump."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from kinerja.store import auditing
from kinerja.store.models import (
    Agency,
    AuditLog,
    BudgetChange,
    BudgetLine,
    Document,
    EvaluationNote,
    Government,
    Import,
    ImportFinding,
    IndexResult,
    Indicator,
    Membership,
    Node,
    Period,
    Realisation,
    Recommendation,
    SakipEvaluation,
    Sasaran,
    StakeholderProposal,
    Target,
    Tujuan,
    Unit,
)
from kinerja.store.services import exporter


class RestoreError(ValueError):
    """A dump that cannot be restored; str() is the message for the user."""


def _dec(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise RestoreError(f"nilai desimal tidak sah dalam berkas: {text!r}") from None


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def restore_file(path: Path) -> Agency:
    """Restore the dump in the file at `path`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RestoreError(
            f"{path}: bukan berkas ekspor kinerja yang dapat dibaca ({exc})") from None
    return restore(data)


@transaction.atomic
def restore(data: dict[str, Any]) -> Agency:
    """Restore a dump (as produced by `exporter.build`)."""
    if not isinstance(data, dict) or data.get("format") != exporter.FORMAT:
        raise RestoreError("berkas bukan ekspor catatan kinerja (format tidak dikenal)")
    if data.get("version") != exporter.VERSION:
        raise RestoreError(f"versi ekspor {data.get('version')} tidak didukung "
                           f"(yang didukung: {exporter.VERSION})")
    slug = data["agency"]["slug"]
    if Agency.objects.filter(slug=slug).exists():
        raise RestoreError(f"PD '{slug}' sudah ada di basis data ini; pulihkan ke basis data "
                           "yang belum memuatnya")
    with auditing.suspended():
        return _restore(data)


def _restore(data: dict[str, Any]) -> Agency:
    g = data["government"]
    gov, _ = Government.objects.get_or_create(
        name=g["name"], defaults={"level": g["level"], "region_code": g["region_code"]})
    if gov.level != g["level"]:
        raise RestoreError(f"pemda '{gov.name}' sudah ada dengan tingkat {gov.level}")
    a = data["agency"]
    agency = Agency.objects.create(government=gov, slug=a["slug"], name=a["name"],
                                   org_code=a["org_code"])
    units = {u["name"]: Unit.objects.create(agency=agency, name=u["name"], kind=u["kind"])
             for u in data["units"]}
    periods = {(p["start_year"], p["end_year"]): Period.objects.create(
        agency=agency, name=p["name"], start_year=p["start_year"], end_year=p["end_year"])
        for p in data["periods"]}

    User = get_user_model()
    users: dict[str, Any] = {}
    for u in data["users"]:
        user = User.objects.filter(username=u["username"]).first()
        if user is None:
            user = User(username=u["username"], first_name=u["first_name"],
                        last_name=u["last_name"], email=u["email"])
            user.set_unusable_password()
            user.save()
        users[u["username"]] = user
        for r in u["roles"]:
            Membership.objects.get_or_create(
                user=user, role=r["role"], government=gov,
                agency=agency if r["agency"] else None,
                unit=units.get(r["unit"]) if r["unit"] else None)

    def user(name: str | None) -> Any:
        if name is None:
            return None
        if name not in users:
            found = User.objects.filter(username=name).first()
            if found is None:
                found = User(username=name)
                found.set_unusable_password()
                found.save()
            users[name] = found
        return users[name]

    def period(years: list[int] | None) -> Period | None:
        return None if years is None else periods[tuple(years)]  # type: ignore[index]

    tujuan = {t["key"]: Tujuan.objects.create(agency=agency, key=t["key"], name=t["name"],
                                              position=t["position"], period=period(t["period"]))
              for t in data["tujuan"]}
    nodes: dict[str, Node] = {}
    for n in sorted(data["nodes"], key=lambda r: (r["key"].count("/"), r["key"])):
        nodes[n["key"]] = Node.objects.create(
            agency=agency, key=n["key"], parent=nodes[n["parent"]] if n["parent"] else None,
            level=n["level"], code=n["code"], printed_code=n["printed_code"],
            official_name=n["official_name"], local_name=n["local_name"],
            position=n["position"])
    sasaran: dict[str, Sasaran] = {}
    for s in data["sasaran"]:
        obj = Sasaran.objects.create(agency=agency, key=s["key"], name=s["name"],
                                     position=s["position"], period=period(s["period"]),
                                     tujuan=tujuan[s["tujuan"]] if s["tujuan"] else None)
        obj.nodes.set([nodes[k] for k in s["nodes"]])
        sasaran[s["key"]] = obj
    indicators = {i["key"]: Indicator.objects.create(
        agency=agency, key=i["key"], node=nodes[i["node"]] if i["node"] else None,
        sasaran=sasaran[i["sasaran"]] if i["sasaran"] else None, name=i["name"],
        unit=i["unit"], kind=i["kind"], polarity=i["polarity"], within_year=i["within_year"],
        formula=i["formula"], data_source=i["data_source"],
        responsible_unit=units[i["responsible_unit"]] if i["responsible_unit"] else None,
        scale=i["scale"], spm=i.get("spm", ""), ikk=i.get("ikk", ""),
        position=i["position"]) for i in data["indicators"]}

    imports: dict[int, Import] = {}
    for d in data["imports"]:
        imp = Import.objects.create(
            agency=agency, kind=d["kind"], title=d["title"], file_name=d["file_name"],
            year=d["year"], version=d["version"], sha256=d["sha256"],
            row_count=d["row_count"], imported_by=user(d["imported_by"]),
            imported_at=_time(d["imported_at"]), meta=d["meta"])
        ImportFinding.objects.bulk_create(ImportFinding(source=imp, **f) for f in d["findings"])
        imports[d["ref"]] = imp

    def src(ref: int | None) -> Import | None:
        return None if ref is None else imports[ref]

    Target.objects.bulk_create(Target(
        indicator=indicators[t["indicator"]], year=t["year"], quarter=t["quarter"],
        version=t["version"], source=src(t["source"]), value=_dec(t["value"]),
        printed=t["printed"], unit=t["unit"]) for t in data["targets"])
    Realisation.objects.bulk_create(Realisation(
        indicator=indicators[r["indicator"]], year=r["year"], quarter=r["quarter"],
        cumulative=r["cumulative"], source=src(r["source"]), value=_dec(r["value"]),
        printed=r["printed"], unit=r["unit"], note=r["note"],
        evidence_file=r["evidence_file"], evidence_link=r["evidence_link"],
        reported_by=user(r["reported_by"]), reported_at=_time(r["reported_at"]))
        for r in data["realisations"])
    BudgetLine.objects.bulk_create(BudgetLine(
        node=nodes[b["node"]], year=b["year"], stage=b["stage"], quarter=b["quarter"],
        cumulative=b.get("cumulative", False), source=src(b["source"]),
        amount=_dec(b["amount"]), printed=b["printed"],
        funding_source=b["funding_source"], location=b["location"])
        for b in data["budget_lines"])
    BudgetChange.objects.bulk_create(BudgetChange(
        node=nodes[c["node"]], year=c["year"], from_stage=c["from_stage"],
        to_stage=c["to_stage"], source=src(c["source"]), change_type=c["change_type"],
        amount_before=_dec(c["amount_before"]), amount_after=_dec(c["amount_after"]),
        target_before=c["target_before"], target_after=c["target_after"],
        reason=c["reason"]) for c in data["budget_changes"])
    StakeholderProposal.objects.bulk_create(StakeholderProposal(
        agency=agency, year=p["year"], node=nodes[p["node"]] if p["node"] else None,
        program_name=p["program_name"], location=p["location"], indicator=p["indicator"],
        volume=p["volume"], volume_value=_dec(p["volume_value"]), note=p["note"],
        stakeholder=p["stakeholder"], position=p["position"])
        for p in data.get("stakeholder_proposals", []))
    for d in data["documents"]:
        Document.objects.create(
            agency=agency, kind=d["kind"], year=d["year"], version=d["version"],
            title=d["title"], status=d["status"], finalised_by=user(d["finalised_by"]),
            finalised_at=_time(d["finalised_at"]), signatory_name=d["signatory_name"],
            signatory_nip=d["signatory_nip"], signatory_position=d["signatory_position"],
            signatory_capacity=d["signatory_capacity"], snapshot=d["snapshot"])
    for e in data["evaluation_notes"]:
        EvaluationNote.objects.create(agency=agency, year=e["year"], quarter=e["quarter"],
                                      text=e["text"], author=user(e["author"]),
                                      created_at=_time(e["created_at"]))
    for s in data["sakip_evaluations"]:
        ev = SakipEvaluation.objects.create(
            agency=agency, year=s["year"], score=_dec(s["score"]), grade=s["grade"],
            notes=s["notes"], evaluator=user(s["evaluator"]), created_at=_time(s["created_at"]))
        for r in s["recommendations"]:
            unit = r.get("responsible_unit")
            Recommendation.objects.create(
                evaluation=ev, position=r["position"], text=r["text"], status=r["status"],
                follow_up=r["follow_up"], action=r.get("action", ""),
                responsible_unit=units[unit] if unit else None,
                responsible_text=r.get("responsible_text", ""),
                evidence=r.get("evidence", ""), due_date=_day(r.get("due_date")),
                closed_at=_day(r.get("closed_at")))
    for x in data.get("index_results", []):
        result = IndexResult.objects.create(
            agency=agency, year=x["year"], kind=x["kind"], name=x["name"],
            value=_dec(x["value"]), category=x["category"],
            category_label=x["category_label"], result=x["result"], working=x["working"],
            file_name=x["file_name"], sha256=x["sha256"], settings=x["settings"],
            computed_by=user(x["computed_by"]), computed_by_name=x["computed_by_name"],
            computed_at=_time(x["computed_at"]))
        result.realisations.set([Realisation.objects.get(
            indicator=indicators[r["indicator"]], year=r["year"], quarter=r["quarter"],
            cumulative=r["cumulative"], source=src(r["source"])) for r in x["realisations"]])
    for e in data["audit_log"]:
        AuditLog.objects.create(
            at=_time(e["at"]), actor=user(e["actor"]), actor_name=e["actor_name"],
            agency=agency, action=e["action"], model=e["model"], object_id=e["object_id"],
            object_repr=e["object_repr"], before=e["before"], after=e["after"])
    return agency
