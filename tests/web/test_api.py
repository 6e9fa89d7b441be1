"""Tests of the JSON API: schema and docs, token and session authentication, reading an
agency's plan and values, writing realisations with the 409 conflict rule, audit log, and the
same permission rules as the pages (another agency's data is refused)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _token(user: Any) -> str:
    from kinerja.web.api.models import ApiToken

    return ApiToken.issue(user, "uji")[1]


def _client(user: Any) -> Client:
    """A client that authenticates with a fresh API token of `user`."""
    return Client(HTTP_AUTHORIZATION=f"Bearer {_token(user)}")


def _put(c: Client, slug: str, body: dict[str, Any]) -> Any:
    return c.put(f"/api/pd/{slug}/realisasi", data=json.dumps(body),
                 content_type="application/json")


def test_openapi_schema_and_docs_are_served(client: Client) -> None:
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/pd/{slug}/rencana" in paths
    assert "put" in paths["/api/pd/{slug}/realisasi"]
    assert "409" in paths["/api/pd/{slug}/realisasi"]["put"]["responses"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert b"openapi.json" in docs.content


def test_without_authentication_401_in_indonesian(client: Client, site: Any) -> None:
    r = client.get("/api/pd")
    assert r.status_code == 401
    assert "Belum masuk" in r.json()["detail"]
    r = Client(HTTP_AUTHORIZATION="Bearer knj_salah").get("/api/pd")
    assert r.status_code == 401


def test_token_authentication_and_revocation(site: Any) -> None:
    from kinerja.web.api.models import ApiToken

    token, secret = ApiToken.issue(site.users["perencana"], "skrip")
    c = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    r = c.get("/api/pd")
    assert r.status_code == 200
    assert [a["slug"] for a in r.json()] == ["bkpsdm-uji"]
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert token.key_digest != secret and secret not in token.key_digest
    token.revoke()
    assert c.get("/api/pd").status_code == 401


def test_session_authentication(login: Any) -> None:
    r = login("bappeda").get("/api/pd")
    assert r.status_code == 200
    assert {a["slug"] for a in r.json()} == {"bkpsdm-uji", "dinkes-uji"}


def test_plan_tree(site: Any) -> None:
    r = _client(site.users["perencana"]).get("/api/pd/bkpsdm-uji/rencana")
    assert r.status_code == 200
    data = r.json()
    assert data["pd"]["slug"] == "bkpsdm-uji"
    program = data["program"][0]
    assert program["kode"] == "5.03.02"
    assert program["indikator"][0]["satuan"] == "%"
    kegiatan = program["anak"][0]
    assert [s["kode"] for s in kegiatan["anak"]] == ["5.03.02.2.02.0001", "5.03.02.2.02.0002"]
    sasaran = data["tujuan"][0]["sasaran"][0]
    assert sasaran["iku"][0]["nama"] == "Indeks Profesionalitas ASN"
    assert sasaran["node_id"] == [site.program.pk]


def test_indicators_targets_realisations(site: Any) -> None:
    c = _client(site.users["inspektorat"])
    inds = c.get("/api/pd/bkpsdm-uji/indikator").json()
    assert len(inds) == 5
    one = c.get(f"/api/pd/bkpsdm-uji/indikator/{site.ind_sub.pk}").json()
    assert one["unit_penanggung_jawab"] == "Bidang Mutasi"
    targets = c.get("/api/pd/bkpsdm-uji/target", {"tahun": 2025, "versi": "pk"}).json()
    assert len(targets) == 5
    sub_target = next(t for t in targets if t["indikator_id"] == site.ind_sub.pk)
    assert Decimal(sub_target["nilai"]) == 1000
    real = c.get("/api/pd/bkpsdm-uji/realisasi", {"triwulan": 1}).json()
    assert len(real) == 1 and Decimal(real[0]["nilai"]) == 45


@pytest.mark.parametrize("role", ["perencana_sibling", "perencana_foreign", "bappeda_foreign",
                                  "none"])
@pytest.mark.parametrize("path", ["", "/rencana", "/indikator", "/target", "/realisasi",
                                  "/indikator/{ind}"])
def test_other_agency_refused(site: Any, role: str, path: str) -> None:
    c = _client(site.users[role])
    r = c.get("/api/pd/bkpsdm-uji" + path.format(ind=site.ind_sub.pk))
    assert r.status_code == 404
    assert "tidak ditemukan" in r.json()["detail"]


def test_indicator_of_another_agency_is_not_found(site: Any) -> None:
    c = _client(site.users["perencana"])
    r = c.get(f"/api/pd/bkpsdm-uji/indikator/{site.foreign_indicator.pk}")
    assert r.status_code == 404
    r = _put(c, "bkpsdm-uji", {"indikator_id": site.foreign_indicator.pk, "tahun": 2025,
                               "triwulan": 1, "nilai": "1"})
    assert r.status_code == 404


def test_write_to_other_agency_refused(site: Any) -> None:
    from kinerja.store.models import Realisation

    for role in ("perencana_foreign", "perencana_sibling"):
        r = _put(_client(site.users[role]), "bkpsdm-uji",
                 {"indikator_id": site.ind_sub.pk, "tahun": 2025, "triwulan": 2,
                  "nilai": "10"})
        assert r.status_code == 404
    assert not Realisation.objects.filter(indicator=site.ind_sub, quarter=2).exists()


def test_write_realisation_audit_logged(site: Any) -> None:
    from kinerja.store.models import AuditLog, Realisation

    c = _client(site.users["perencana"])
    r = _put(c, "bkpsdm-uji", {"indikator_id": site.ind_sub.pk, "tahun": 2025, "triwulan": 2,
                               "nilai": "1.234,5", "nilai_terakhir_dilihat": None,
                               "catatan": "sesuai SK"})
    assert r.status_code == 200, r.content
    assert Decimal(r.json()["nilai"]) == Decimal("1234.5")
    row = Realisation.objects.get(indicator=site.ind_sub, quarter=2, source__isnull=True)
    assert row.value == Decimal("1234.5") and row.printed == "1.234,5"
    assert row.reported_by == site.users["perencana"]
    log = AuditLog.objects.filter(model="realisation", object_id=str(row.pk)).last()
    assert log is not None and log.actor == site.users["perencana"]
    assert log.action == "create"
    # a second write that saw the first value
    r = _put(c, "bkpsdm-uji", {"indikator_id": site.ind_sub.pk, "tahun": 2025, "triwulan": 2,
                               "nilai": "1300", "nilai_terakhir_dilihat": "1.234,5"})
    assert r.status_code == 200
    log = AuditLog.objects.filter(model="realisation", object_id=str(row.pk)).last()
    assert log.action == "update"
    assert log.before["value"].startswith("1234.5") and log.after["value"].startswith("1300")


def test_conflict_returns_409_with_both_values(site: Any) -> None:
    from kinerja.store.models import Realisation

    ind = site.ind_program  # TW I realisation 45 stored by the fixture
    c = _client(site.users["perencana"])
    r = _put(c, "bkpsdm-uji", {"indikator_id": ind.pk, "tahun": 2025, "triwulan": 1,
                               "nilai": "50", "nilai_terakhir_dilihat": "40"})
    assert r.status_code == 409
    body = r.json()
    assert Decimal(body["nilai_tersimpan"]) == 45
    assert Decimal(body["nilai_anda"]) == 50
    assert "diubah orang lain" in body["detail"]
    assert Realisation.objects.get(indicator=ind, quarter=1).value == 45
    # someone who saw nothing while a value exists conflicts too
    r = _put(c, "bkpsdm-uji", {"indikator_id": ind.pk, "tahun": 2025, "triwulan": 1,
                               "nilai": "50"})
    assert r.status_code == 409
    r = _put(c, "bkpsdm-uji", {"indikator_id": ind.pk, "tahun": 2025, "triwulan": 1,
                               "nilai": "50", "nilai_terakhir_dilihat": "45"})
    assert r.status_code == 200


def test_bidang_writes_only_its_units_indicators(site: Any) -> None:
    c = _client(site.users["bidang"])
    ok = _put(c, "bkpsdm-uji", {"indikator_id": site.ind_sub.pk, "tahun": 2025,
                                "triwulan": 3, "nilai": "5"})
    assert ok.status_code == 200
    refused = _put(c, "bkpsdm-uji", {"indikator_id": site.ind_sub_other.pk, "tahun": 2025,
                                     "triwulan": 3, "nilai": "5"})
    assert refused.status_code == 403
    assert "tidak berwenang" in refused.json()["detail"]


def test_reader_roles_cannot_write(site: Any) -> None:
    for role in ("bappeda", "inspektorat", "pimpinan"):
        r = _put(_client(site.users[role]), "bkpsdm-uji",
                 {"indikator_id": site.ind_sub.pk, "tahun": 2025, "triwulan": 4, "nilai": "5"})
        assert r.status_code == 403, role


def test_invalid_input_in_indonesian(site: Any) -> None:
    c = _client(site.users["perencana"])
    r = _put(c, "bkpsdm-uji", {"indikator_id": site.ind_sub.pk, "tahun": 2025,
                               "triwulan": 1, "nilai": "dua belas"})
    assert r.status_code == 422
    assert "angka" in r.json()["detail"]
    r = _put(c, "bkpsdm-uji", {"tahun": "tahun lalu", "triwulan": 9})
    assert r.status_code == 422
    body = r.json()
    assert body["detail"] == "Permintaan tidak sah"
    messages = {tuple(e["lokasi"][-1:]): e["pesan"] for e in body["kesalahan"]}
    assert messages[("indikator_id",)] == "wajib diisi"
    assert messages[("tahun",)] == "harus bilangan bulat"
    assert messages[("triwulan",)] == "terlalu besar"


def test_empty_value_removes_entry(site: Any) -> None:
    from kinerja.store.models import Realisation

    c = _client(site.users["perencana"])
    _put(c, "bkpsdm-uji", {"indikator_id": site.ind_sub.pk, "tahun": 2025, "triwulan": 4,
                           "nilai": "7"})
    r = _put(c, "bkpsdm-uji", {"indikator_id": site.ind_sub.pk, "tahun": 2025, "triwulan": 4,
                               "nilai": "", "nilai_terakhir_dilihat": "7"})
    assert r.status_code == 204
    assert not Realisation.objects.filter(indicator=site.ind_sub, quarter=4).exists()


def test_session_write_needs_csrf(site: Any) -> None:
    c = Client(enforce_csrf_checks=True)
    c.force_login(site.users["perencana"])
    r = _put(c, "bkpsdm-uji", {"indikator_id": site.ind_sub.pk, "tahun": 2025, "triwulan": 2,
                               "nilai": "3"})
    assert r.status_code in (401, 403)


def test_token_command(site: Any) -> None:
    from click.testing import CliRunner

    from kinerja.commands.token import token

    result = CliRunner().invoke(token, ["buat", "perencana-uji", "--nama", "skrip"])
    assert result.exit_code == 0, result.output
    secret = result.output.strip().splitlines()[0]
    assert secret.startswith("knj_")
    r = Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/pd/bkpsdm-uji")
    assert r.status_code == 200
    assert r.json()["nama"] == "BKPSDM Kabupaten Uji"
    missing = CliRunner().invoke(token, ["buat", "tidak-ada"])
    assert missing.exit_code != 0 and "tidak ditemukan" in missing.output
