"""Index results in the record: an IKM stored for an agency and year, an IKU realisation filled
from it with provenance and an audit entry, recomputing, refusals, the LKE stored as the SAKIP
evaluation, recommendations tracked to closure, and the commands that do all this."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kinerja.cli import main

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "src" / "kinerja" / "data" / "contoh-indeks"
SURVEY = DATA / "ikm-survei.csv"


def run(*args: str) -> Any:
    """Run `kinerja ARGS` and return the click result."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _ikm(path: Path = SURVEY, **kwargs: Any) -> Any:
    from kinerja.commands.ikm import read_survey
    from kinerja.core.indices import ikm

    answers, codes = read_survey(path)
    return ikm.hitung(answers, codes, **kwargs)


def _iku(agency: Any, key: str = "iku-ikm", unit: str = "indeks", kind: str = "level",
         **kwargs: Any) -> Any:
    from kinerja.store.models import Indicator

    return Indicator.objects.create(agency=agency, key=key, name="Indeks Kepuasan Masyarakat",
                                    unit=unit, kind=kind, **kwargs)


def _lke() -> Any:
    from kinerja.commands.lke import read_answers
    from kinerja.core.indices import lke

    s = lke.STRUKTUR["88/2021"]
    return lke.evaluasi(s, read_answers(DATA / "lke-samarinda-2023.csv", s))


def _recommendations() -> Any:
    from kinerja.commands.lke import read_recommendations

    return read_recommendations(DATA / "lke-rekomendasi.csv")


# --- storing ------------------------------------------------------------------------------------


def test_store_ikm_for_agency_and_year(world: Any) -> None:
    from kinerja.store.models import AuditLog, IndexResult
    from kinerja.store.services.indices import store_result

    stored = store_result(world.own, 2024, "ikm", _ikm(populasi=100), SURVEY,
                          user=world.users["perencana"])
    stored = IndexResult.objects.get(pk=stored.pk)
    assert (stored.agency, stored.year, stored.kind, stored.name) == (
        world.own, 2024, "ikm", "Unit pelayanan")
    assert stored.value == Decimal("91.48")
    assert (stored.category, stored.category_label) == ("A", "Sangat Baik")
    assert stored.result["ikm"] == "91.48" and stored.result["responden"] == 29
    assert stored.working.endswith("= 91,48 → A (Sangat Baik)")
    assert stored.file_name == "ikm-survei.csv"
    assert stored.sha256 == hashlib.sha256(SURVEY.read_bytes()).hexdigest()
    assert stored.settings == {"populasi": 100, "terendah": 3, "skala": "ikm"}
    assert stored.computed_by == world.users["perencana"]
    assert stored.computed_by_name == "perencana"
    log = AuditLog.objects.get(model="indexresult")
    assert (log.action, log.agency, log.actor) == ("create", world.own, world.users["perencana"])
    assert log.after["value"] == "91.480000" and "result" not in log.after


def test_recompute_updates_instead_of_duplicating(world: Any, tmp_path: Path) -> None:
    from kinerja.store.models import AuditLog, IndexResult
    from kinerja.store.services.indices import store_result

    first = store_result(world.own, 2024, "ikm", _ikm(), SURVEY)
    again = store_result(world.own, 2024, "ikm", _ikm(), SURVEY)
    assert again.pk == first.pk and IndexResult.objects.count() == 1
    assert AuditLog.objects.filter(model="indexresult").count() == 1  # nothing changed
    # one answer changed: the same result is updated, and the change is in the trail
    changed = tmp_path / "survei-revisi.csv"
    lines = SURVEY.read_text(encoding="utf-8").splitlines()
    lines[1] = "R001,Kenaikan pangkat,1,1,1,1,1,1,1,1,1"
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    updated = store_result(world.own, 2024, "ikm", _ikm(changed), changed)
    assert updated.pk == first.pk and IndexResult.objects.count() == 1
    assert updated.value < Decimal("91.48") and updated.file_name == "survei-revisi.csv"
    log = AuditLog.objects.filter(model="indexresult").order_by("id").last()
    assert log.action == "update" and log.actor_name == "cli"
    assert log.before["value"] == "91.480000" and log.after["value"] == str(updated.value)
    # another year, another name: separate results
    store_result(world.own, 2025, "ikm", _ikm(), SURVEY)
    store_result(world.own, 2024, "ikm", _ikm(nama="UPT Diklat"), SURVEY)
    assert IndexResult.objects.count() == 3


def test_store_checks_kind_and_permission(world: Any) -> None:
    from kinerja.store import permissions
    from kinerja.store.services.indices import IndexStoreError, store_result

    with pytest.raises(IndexStoreError, match="bukan hasil"):
        store_result(world.own, 2024, "lke", _ikm(), SURVEY)
    with pytest.raises(IndexStoreError, match="tidak dikenal"):
        store_result(world.own, 2024, "ikp", _ikm(), SURVEY)
    for role in ("bappeda", "bidang", "none"):
        with pytest.raises(permissions.Denied):
            store_result(world.own, 2024, "ikm", _ikm(), SURVEY, user=world.users[role])
    with pytest.raises(permissions.Denied):
        store_result(world.sibling, 2024, "ikm", _ikm(), SURVEY, user=world.users["perencana"])
    store_result(world.sibling, 2024, "ikm", _ikm(), SURVEY, user=world.users["admin_pemda"])


def test_every_kind_is_stored(world: Any) -> None:
    from kinerja.commands.ipasn import read_folder
    from kinerja.commands.merit import read_answers
    from kinerja.core.indices import composite, formulir, ipasn, merit, nspk
    from kinerja.store.services.indices import store_result

    pegawai, dev, pen = read_folder(DATA / "ipasn")
    hasil = ipasn.hitung(pegawai, dev, pen, date(2024, 12, 31))
    stored = store_result(world.own, 2024, "ipasn", hasil, DATA / "ipasn")
    assert stored.file_name == "ipasn/" and len(stored.sha256) == 64
    assert stored.value == hasil.pemerintah.nilai and stored.settings["tanggal"] == "2024-12-31"
    for kind, module, path, value, grade in (
            ("merit", merit, "merit-penilaian.csv", Decimal("0.30"), "II"),
            ("nspk", nspk, "nspk-penilaian.csv", Decimal("81.44"), "B")):
        form = module.FORMULIR
        result = formulir.hitung(form, read_answers(DATA / path, form))
        stored = store_result(world.own, 2024, kind, result, DATA / path)
        assert (stored.value, stored.category) == (value, grade), kind
    import yaml

    data = yaml.safe_load((DATA / "komposit-sekretariat.yaml").read_text(encoding="utf-8"))
    result = composite.hitung(composite.definisi_dari_dict(data["definisi"]),
                              composite.masukan_dari_dict(data["masukan"]))
    stored = store_result(world.own, 2024, "komposit", result,
                          DATA / "komposit-sekretariat.yaml")
    assert stored.value == Decimal("84.55") and "84,55" in stored.working


# --- filling an IKU -----------------------------------------------------------------------------


def test_fill_iku_realisation_with_provenance_and_audit(world: Any) -> None:
    from kinerja.store.models import AuditLog, Realisation
    from kinerja.store.services.indices import fill_realisation, store_result

    stored = store_result(world.own, 2024, "ikm", _ikm(), SURVEY, user=world.users["perencana"])
    iku = _iku(world.own)
    real = fill_realisation(stored, iku, user=world.users["perencana"])
    real = Realisation.objects.get(pk=real.pk)
    assert (real.indicator, real.year, real.quarter, real.cumulative, real.source) == (
        iku, 2024, 0, False, None)
    assert real.value == Decimal("91.48") and real.printed == "91,48"
    assert real.note.startswith("Diisi dari hasil IKM 2024 (Unit pelayanan: 91,48 A; "
                                "berkas ikm-survei.csv, sha256 ")
    assert stored.sha256 in real.note and real.note.endswith(" oleh perencana)")
    assert real.reported_by == world.users["perencana"]
    assert list(real.index_results.all()) == [stored]
    log = AuditLog.objects.get(model="realisation")
    assert (log.action, log.actor, log.agency) == ("create", world.users["perencana"], world.own)
    assert log.after["value"] == "91.480000" and "Diisi dari hasil IKM" in log.after["note"]
    # filling again from a recomputed result updates the same realisation
    again = fill_realisation(stored, iku, user=world.users["perencana"])
    assert again.pk == real.pk and Realisation.objects.count() == 1


def test_fill_refuses_another_agency(world: Any) -> None:
    from kinerja.store.models import Realisation
    from kinerja.store.services.indices import (
        IndexStoreError,
        fill_realisation,
        find_indicator,
        store_result,
    )

    stored = store_result(world.own, 2024, "ikm", _ikm(), SURVEY)
    foreign = _iku(world.sibling, key="iku-dinkes")
    with pytest.raises(IndexStoreError, match="milik PD dinkes, bukan bkpsdm"):
        fill_realisation(stored, foreign)
    with pytest.raises(IndexStoreError, match="milik PD dinkes"):
        find_indicator(world.own, "iku-dinkes")
    with pytest.raises(IndexStoreError, match="milik PD dinkes"):
        find_indicator(world.own, str(foreign.pk))
    with pytest.raises(IndexStoreError, match="tidak ada pada PD bkpsdm"):
        find_indicator(world.own, "tidak-ada")
    assert find_indicator(world.own, _iku(world.own).key).agency == world.own
    assert not Realisation.objects.exists()


def test_fill_checks_unit_kind_and_permission(world: Any) -> None:
    from kinerja.store import permissions
    from kinerja.store.models import Target
    from kinerja.store.services.indices import IndexStoreError, fill_realisation, store_result

    stored = store_result(world.own, 2024, "ikm", _ikm(), SURVEY)
    assert fill_realisation(stored, _iku(world.own, "persen", unit="%")).fill_warnings == []
    count = fill_realisation(stored, _iku(world.own, "orang", unit="orang"))
    assert "tampak seperti jumlah" in count.fill_warnings[0]
    for key, unit, message in (("rp", "Rp", "uang"), ("hari", "hari", "waktu"),
                               ("predikat", "Predikat", "bukan angka")):
        with pytest.raises(IndexStoreError, match=message):
            fill_realisation(stored, _iku(world.own, key, unit=unit))
    flow = _iku(world.own, "arus", unit="indeks", kind="flow")
    with pytest.raises(IndexStoreError, match="berjenis arus"):
        fill_realisation(stored, flow, quarter=2)
    assert fill_realisation(stored, flow, quarter=0).value == Decimal("91.48")
    assert fill_realisation(stored, _iku(world.own, "tw"), quarter=2).quarter == 2
    scaled = _iku(world.own, "skala", unit="indeks")
    Target.objects.create(indicator=scaled, year=2024, version="pk", value=Decimal("3.5"))
    assert "jauh dari target" in fill_realisation(stored, scaled).fill_warnings[0]
    # the bidang role fills only its unit's indicators
    own_unit = _iku(world.own, "unit-sendiri", responsible_unit=world.own_unit)
    other = _iku(world.own, "unit-lain", responsible_unit=world.other_unit)
    fill_realisation(stored, own_unit, user=world.users["bidang"])
    with pytest.raises(permissions.Denied):
        fill_realisation(stored, other, user=world.users["bidang"])
    with pytest.raises(permissions.Denied):
        fill_realisation(stored, other, user=world.users["bappeda"])


# --- SAKIP evaluation and recommendations ------------------------------------------------------


def test_lke_samarinda_stored_as_sakip_evaluation(world: Any) -> None:
    from kinerja.store import permissions
    from kinerja.store.models import IndexResult, SakipEvaluation
    from kinerja.store.services.indices import store_lke, store_result

    hasil = _lke()
    ev = store_lke(world.own, 2023, hasil, user=world.users["inspektorat"])
    ev = SakipEvaluation.objects.get(pk=ev.pk)
    assert (ev.score, ev.grade, ev.evaluator) == (Decimal("67.50"), "B",
                                                  world.users["inspektorat"])
    assert store_lke(world.own, 2023, hasil).pk == ev.pk
    assert SakipEvaluation.objects.count() == 1
    stored = store_result(world.own, 2023, "lke", hasil, DATA / "lke-samarinda-2023.csv")
    assert (stored.value, stored.category) == (Decimal("67.50"), "B")
    assert "21,50 + 17,25 + 11,25 + 17,50 = 67,50 → B (Baik)" in stored.working
    assert IndexResult.objects.get().settings["struktur"] == "88/2021"
    with pytest.raises(permissions.Denied):
        store_lke(world.own, 2023, hasil, user=world.users["perencana"])


def test_recommendations_counts_and_overdue(world: Any) -> None:
    from kinerja.core.indices.lke import StatusTL
    from kinerja.store.models import Recommendation
    from kinerja.store.services.indices import (
        recommendation_summary,
        store_lke,
        store_recommendations,
    )

    ev = store_lke(world.own, 2023, _lke(), _recommendations())
    recs = list(Recommendation.objects.filter(evaluation=ev).order_by("position"))
    assert [r.status for r in recs] == ["selesai", "proses", "belum", "proses"]
    first = recs[0]
    assert first.action == "Reviu IKU dan revisi Perjanjian Kinerja"
    assert first.responsible_unit == world.other_unit  # "Sekretariat" is a unit of the agency
    assert first.evidence == "PK Perubahan 2024"
    assert (first.due_date, first.closed_at) == (date(2024, 6, 30), date(2024, 5, 20))
    assert recs[1].responsible_unit is None
    assert recs[1].responsible_text == "Sub Bagian Umum dan Kepegawaian"
    summary = recommendation_summary(ev, date(2024, 12, 31))
    assert summary.per_status == {StatusTL.BELUM: 1, StatusTL.PROSES: 2, StatusTL.SELESAI: 1}
    assert [r.nomor for r in summary.terlambat] == ["2"]
    assert summary.selesai_persen == Decimal("25.00")
    assert [r.nomor for r in recommendation_summary(ev, date(2025, 1, 1)).terlambat] == [
        "2", "4"]
    # the follow-up goes on: item 2 closed, matched by its number, not duplicated
    items = _recommendations()
    done = items[1].__class__(**{**items[1].__dict__, "status": StatusTL.SELESAI})
    store_recommendations(ev, [done], today=date(2024, 10, 15))
    assert Recommendation.objects.filter(evaluation=ev).count() == 4
    second = Recommendation.objects.get(evaluation=ev, position=2)
    assert (second.status, second.closed_at) == ("selesai", date(2024, 10, 15))
    summary = recommendation_summary(ev, date(2024, 12, 31))
    assert summary.per_status[StatusTL.SELESAI] == 2 and summary.terlambat == ()


# --- the commands -------------------------------------------------------------------------------


def _agency() -> None:
    r = run("pd", "tambah", "kukar", "--nama", "BKPSDM Kutai Kartanegara", "--pemda",
            "Kabupaten Kutai Kartanegara", "--tingkat", "kabkota")
    assert r.exit_code == 0, r.output


def test_cli_ikm_stores_and_fills_iku(db: Any, tmp_path: Path) -> None:
    from kinerja.store.models import Agency, IndexResult, Realisation

    _agency()
    agency = Agency.objects.get(slug="kukar")
    iku = _iku(agency)
    survey = tmp_path / "survei.csv"
    shutil.copy(SURVEY, survey)
    r = run("ikm", "hitung", str(survey), "--pd", "kukar", "--tahun", "2023", "--isi-iku",
            iku.key)
    assert r.exit_code == 0, r.output
    assert "Tersimpan: Indeks Kepuasan Masyarakat 2023 PD kukar" in r.output
    assert "Realisasi iku-ikm 2023 (setahun) diisi: 91,48" in r.output
    real = Realisation.objects.get(indicator=iku, year=2023)
    assert real.value == Decimal("91.48") and "berkas survei.csv" in real.note
    assert "oleh cli" in real.note
    r = run("ikm", "hitung", str(survey), "--pd", "kukar", "--tahun", "2023", "--format",
            "json")
    assert r.exit_code == 0 and IndexResult.objects.count() == 1
    r = run("indeks", "daftar", "--pd", "kukar", "--tahun", "2023")
    assert r.exit_code == 0, r.output
    assert "91,48" in r.output and "Unit pelayanan" in r.output and "iku-ikm" in r.output
    r = run("indeks", "daftar", "--pd", "kukar", "--tahun", "2020")
    assert "Belum ada hasil indeks" in r.output


def test_cli_without_pd_stores_nothing_and_refuses_other_agency(db: Any) -> None:
    from kinerja.store.models import Agency, Government, IndexResult

    r = run("ikm", "hitung", str(SURVEY), "--format", "json")
    assert r.exit_code == 0 and '"ikm": "91.48"' in r.output
    assert not IndexResult.objects.exists()
    r = run("ikm", "hitung", str(SURVEY), "--tahun", "2023")
    assert r.exit_code != 0 and "hanya berlaku bersama --pd" in r.output
    _agency()
    r = run("ikm", "hitung", str(SURVEY), "--pd", "kukar")
    assert r.exit_code != 0 and "--tahun wajib" in r.output
    gov = Government.objects.get()
    other = Agency.objects.create(government=gov, slug="dinkes", name="Dinas Kesehatan")
    _iku(other, key="iku-dinkes")
    r = run("ikm", "hitung", str(SURVEY), "--pd", "kukar", "--tahun", "2023", "--isi-iku",
            "iku-dinkes")
    assert r.exit_code != 0 and "milik PD dinkes, bukan kukar" in r.output
    assert not IndexResult.objects.exists()


def test_cli_lke_and_recommendations(db: Any) -> None:
    from kinerja.store.models import IndexResult, Recommendation, SakipEvaluation

    _agency()
    r = run("lke", "rekomendasi", str(DATA / "lke-rekomendasi.csv"), "--pd", "kukar",
            "--tahun", "2023", "--tanggal", "2024-12-31")
    assert r.exit_code == 0, r.output
    assert "dibuat tanpa nilai" in r.output
    assert "Jumlah 4: belum 1, dalam proses 2, selesai 1; selesai 25,00 %; terlambat 1." in (
        r.output)
    r = run("lke", "hitung", str(DATA / "lke-samarinda-2023.csv"), "--pd", "kukar", "--tahun",
            "2023")
    assert r.exit_code == 0, r.output
    assert "Evaluasi SAKIP 2023 PD kukar tersimpan: nilai 67,50 → B" in r.output
    ev = SakipEvaluation.objects.get()
    assert (ev.score, ev.grade) == (Decimal("67.50"), "B")
    assert IndexResult.objects.get().kind == "lke"
    r = run("lke", "rekomendasi", str(DATA / "lke-rekomendasi.csv"), "--pd", "kukar",
            "--tahun", "2023", "--tanggal", "2025-01-01", "--format", "json")
    assert r.exit_code == 0, r.output
    assert Recommendation.objects.count() == 4
    assert '"terlambat": [' in r.output and r.output.count('"batas_waktu": "2024-12-31"') == 2


def test_admin_shows_results_only_of_permitted_agencies(world: Any, client: Any) -> None:
    from django.contrib.auth.models import User
    from django.urls import reverse

    from kinerja.store.models import Membership
    from kinerja.store.services.indices import store_result

    own = store_result(world.own, 2024, "ikm", _ikm(nama="IKM BKPSDM"), SURVEY)
    store_result(world.foreign, 2024, "ikm", _ikm(nama="IKM kota lain"), SURVEY)
    staff = User.objects.create_user("staf", is_staff=True)
    Membership.objects.create(user=staff, role="perencana", government=world.gov,
                              agency=world.own)
    client.force_login(staff)
    page = client.get(reverse("admin:store_indexresult_changelist"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "IKM BKPSDM" in text and "IKM kota lain" not in text
    detail = client.get(reverse("admin:store_indexresult_change", args=[own.pk]))
    assert detail.status_code == 200 and "91.48" in detail.content.decode()


def test_stored_results_are_scoped_like_every_other_figure(world: Any) -> None:
    from kinerja.store import permissions
    from kinerja.store.models import IndexResult
    from kinerja.store.services.indices import store_result

    for agency in (world.own, world.sibling, world.foreign):
        store_result(agency, 2024, "ikm", _ikm(), SURVEY)
    every = IndexResult.objects.all()
    own = set(permissions.scope(world.users["perencana"], every).values_list("agency", flat=True))
    assert own == {world.own.pk}
    gov = set(permissions.scope(world.users["bappeda"], every).values_list("agency", flat=True))
    assert gov == {world.own.pk, world.sibling.pk}
    assert not permissions.scope(world.users["none"], every).exists()
