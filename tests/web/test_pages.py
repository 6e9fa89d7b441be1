"""Views of the main pages: sign-in, landing, overview, beranda, entry grid and its save
endpoint (Indonesian number input, the conflict rule, bidang scope), history, refusals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from .conftest import PASSWORD, YEAR

pytestmark = pytest.mark.django_db


def _save(client: Any, site: Any, **data: Any) -> Any:
    body = {"kind": "realisation", "year": YEAR, "quarter": 1, "base": "", **data}
    return client.post(f"/pd/{site.own.slug}/isi/simpan/", body,
                       HTTP_X_REQUESTED_WITH="fetch", HTTP_ACCEPT="application/json")


# --- sign-in and landing ------------------------------------------------------------------


def test_login_page_is_indonesian_and_signs_in(site: Any, client: Any) -> None:
    r = client.get("/masuk/", HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert r.status_code == 200
    text = r.content.decode()
    assert "Masuk ke kinerja" in text and "Kata sandi" in text
    r = client.post("/masuk/", {"username": "perencana-uji", "password": PASSWORD})
    assert r.status_code == 302
    r = client.get("/")
    assert r.status_code == 302 and r["Location"] == f"/pd/{site.own.slug}/"


def test_wrong_password_is_refused_in_indonesian(site: Any, client: Any) -> None:
    r = client.post("/masuk/", {"username": "perencana-uji", "password": "salah"})
    assert r.status_code == 200
    assert "sandi yang benar" in r.content.decode()


def test_anonymous_is_sent_to_login(site: Any, client: Any) -> None:
    for url in ("/", f"/pd/{site.own.slug}/", f"/pd/{site.own.slug}/isi/", "/ringkasan/"):
        r = client.get(url)
        assert r.status_code == 302 and r["Location"].startswith("/masuk/"), url


@pytest.mark.parametrize("role,where", [
    ("perencana", "/pd/bkpsdm-uji/"), ("bidang", "/pd/bkpsdm-uji/"),
    ("pimpinan", "/pd/bkpsdm-uji/"), ("bappeda", "/ringkasan/"),
    ("inspektorat", "/ringkasan/"), ("admin_pemda", "/ringkasan/"),
])
def test_landing_by_role(login: Any, role: str, where: str) -> None:
    r = login(role).get("/")
    assert r.status_code == 302 and r["Location"] == where


def test_user_without_role_sees_explanation(login: Any) -> None:
    r = login("none").get("/")
    assert r.status_code == 200 and "belum memiliki peran" in r.content.decode()


def test_password_change_and_logout(site: Any, client: Any) -> None:
    client.login(username="bidang-uji", password=PASSWORD)
    r = client.post("/kata-sandi/", {"old_password": PASSWORD, "new_password1": "Baru-sekali-987",
                                     "new_password2": "Baru-sekali-987"})
    assert r.status_code == 302
    r = client.post("/keluar/")
    assert r.status_code == 302
    assert client.get("/").status_code == 302
    assert client.login(username="bidang-uji", password="Baru-sekali-987")


def test_language_switch_to_english(site: Any, login: Any) -> None:
    c = login("perencana")
    r = c.post("/bahasa/", {"language": "en", "next": "/"})
    assert r.status_code == 302
    r = c.get(f"/pd/{site.own.slug}/?tahun={YEAR}&triwulan=1")
    assert r["Content-Language"] == "en"
    assert "Budget absorption" in r.content.decode()


# --- permissions: every page refuses other agencies -----------------------------------------


@pytest.mark.parametrize("role", ["perencana_sibling", "perencana_foreign", "bappeda_foreign",
                                  "none"])
@pytest.mark.parametrize("page", ["", "isi/"])
def test_agency_pages_refuse_outsiders(site: Any, login: Any, role: str, page: str) -> None:
    r = login(role).get(f"/pd/{site.own.slug}/{page}")
    assert r.status_code == 403
    assert "Akses ditolak" in r.content.decode()


def test_save_refuses_outsiders(site: Any, login: Any) -> None:
    for role in ("perencana_sibling", "perencana_foreign", "bappeda", "pimpinan"):
        r = _save(login(role), site, id=site.ind_sub.pk, value="5")
        assert r.status_code == 403, role
        assert r.json()["ok"] is False
    assert not site.ind_sub.realisations.exists()


def test_overview_refuses_other_government(site: Any, login: Any) -> None:
    assert login("bappeda_foreign").get(f"/pemda/{site.gov.pk}/").status_code == 403
    assert login("perencana").get(f"/pemda/{site.gov.pk}/").status_code == 403
    assert login("bappeda").get(f"/pemda/{site.other_gov.pk}/").status_code == 403


def test_history_refuses_other_agencies(site: Any, login: Any) -> None:
    target = site.ind_sub.targets.get()
    assert login("perencana").get(f"/riwayat/target/{target.pk}/").status_code == 200
    assert login("perencana_foreign").get(f"/riwayat/target/{target.pk}/").status_code == 403
    assert login("perencana_sibling").get(f"/riwayat/target/{target.pk}/").status_code == 403


def test_superuser_sees_everything(site: Any, login: Any) -> None:
    c = login("superuser")
    assert c.get("/ringkasan/").status_code == 200
    assert c.get(f"/pd/{site.foreign.slug}/").status_code == 200


# --- beranda and overview ---------------------------------------------------------------------


def test_beranda_shows_achievement_predicate_and_absorption(site: Any, login: Any) -> None:
    r = login("pimpinan").get(f"/pd/{site.own.slug}/?tahun={YEAR}&triwulan=1")
    assert r.status_code == 200
    text = r.content.decode()
    # program indicator: 45 of 90 -> 50,00 -> Sangat Rendah
    assert "50,00" in text and "Sangat Rendah" in text
    # budget: 250.000.000 of 1.000.000.000 -> 25,00 %
    assert "1.000.000.000" in text and "25,00" in text
    assert "<svg" in text
    # missing this quarter, by unit
    assert "Bidang Pengembangan" in text and "belum diisi" in text.lower()
    assert "LKjIP 2025" in text


def test_overview_ranks_agencies(site: Any, login: Any) -> None:
    r = login("bappeda").get(f"/pemda/{site.gov.pk}/?tahun={YEAR}&triwulan=1")
    assert r.status_code == 200
    text = r.content.decode()
    assert site.own.name in text and site.sibling.name in text
    assert site.foreign.name not in text
    assert text.index(site.own.name) < text.index(site.sibling.name)
    r = login("bappeda").get("/ringkasan/")
    assert r.status_code == 302 and r["Location"] == f"/pemda/{site.gov.pk}/"


# --- entry grid ---------------------------------------------------------------------------


def test_bidang_sees_only_its_unit(site: Any, login: Any) -> None:
    r = login("bidang").get(f"/pd/{site.own.slug}/isi/?tahun={YEAR}&triwulan=1")
    assert r.status_code == 200
    text = r.content.decode()
    assert site.ind_sub.name in text
    assert site.ind_sub_other.name not in text
    assert site.iku.name not in text


def test_perencana_sees_all(site: Any, login: Any) -> None:
    text = login("perencana").get(
        f"/pd/{site.own.slug}/isi/?tahun={YEAR}&triwulan=1").content.decode()
    for ind in (site.iku, site.ind_sub, site.ind_sub_other, site.ind_program):
        assert ind.name in text


def test_bidang_may_not_write_other_units_indicator(site: Any, login: Any) -> None:
    r = _save(login("bidang"), site, id=site.ind_sub_other.pk, value="5")
    assert r.status_code == 403
    assert "Akses" not in r.content.decode() or r.json()["ok"] is False


def test_save_reads_indonesian_numbers_and_records_audit(site: Any, login: Any) -> None:
    from kinerja.store.models import AuditLog, Realisation

    r = _save(login("bidang"), site, id=site.ind_sub.pk, value="1.250,5", note="SK terbit")
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["ok"] and body["value"] == "1250.5" and body["display"] == "1.250,5"
    row = Realisation.objects.get(indicator=site.ind_sub, year=YEAR, quarter=1)
    assert row.value == Decimal("1250.5") and row.note == "SK terbit"
    assert row.reported_by == site.users["bidang"]
    log = AuditLog.objects.filter(model="realisation", object_id=str(row.pk)).get()
    assert log.actor_name == "bidang-uji" and log.after["value"].startswith("1250.5")
    # achievement of the sub kegiatan indicator: 1250,5 / 1000 -> 125,05
    assert body["achievement"] == "125,05" and body["band"]["code"] == "ST"


@pytest.mark.parametrize("text,fragment", [
    ("12.5", "koma untuk desimal"),
    ("abc", "bukan angka"),
    ("1,2,3", "bukan angka"),
    ("-5", "negatif"),
    ("1,1234567", "di belakang koma"),
    ("Rp 5", "tanpa 'Rp'"),
])
def test_invalid_input_gets_indonesian_message(site: Any, login: Any, text: str,
                                               fragment: str) -> None:
    r = _save(login("perencana"), site, id=site.ind_sub.pk, value=text)
    assert r.status_code == 400
    assert fragment in r.json()["error"]
    assert not site.ind_sub.realisations.exists()


def test_budget_realisation_in_rupiah(site: Any, login: Any) -> None:
    from kinerja.store.models import BudgetLine

    c = login("bidang")
    r = _save(c, site, kind="budget", id=site.sub.pk, quarter=2, value="Rp 75.000.000,50")
    assert r.status_code == 200, r.content
    line = BudgetLine.objects.get(node=site.sub, year=YEAR, stage="realisasi", quarter=2,
                                  source=None)
    assert line.amount == Decimal("75000000.50")
    # 150.000.000 + 75.000.000,50 of 600.000.000
    assert r.json()["cumulative"] == "225.000.000,50"
    # the bidang of another unit may not
    r = _save(login("bidang_lain"), site, kind="budget", id=site.sub.pk, quarter=2, value="1")
    assert r.status_code == 403


def test_conflict_is_refused_and_shows_both_values(site: Any, login: Any) -> None:
    from kinerja.store.models import Realisation

    first, second = login("bidang"), login("perencana")
    assert _save(first, site, id=site.ind_sub.pk, value="12").status_code == 200
    # the perencana loaded the empty cell before the bidang saved 12, and now types 15
    r = _save(second, site, id=site.ind_sub.pk, value="15", base="")
    assert r.status_code == 409
    body = r.json()
    assert body["conflict"] and body["theirs"] == "12" and body["by"] == "bidang-uji"
    assert "Nilai ini sudah diubah oleh bidang-uji" in body["message"]
    assert "menjadi 12; nilai Anda 15" in body["message"]
    assert Realisation.objects.get(indicator=site.ind_sub, quarter=1).value == Decimal("12")
    # choosing to keep their own value: saved with the stored value as base
    r = _save(second, site, id=site.ind_sub.pk, value="15", base="12")
    assert r.status_code == 200
    assert Realisation.objects.get(indicator=site.ind_sub, quarter=1).value == Decimal("15")


def test_same_value_is_no_conflict(site: Any, login: Any) -> None:
    assert _save(login("bidang"), site, id=site.ind_sub.pk, value="12").status_code == 200
    r = _save(login("perencana"), site, id=site.ind_sub.pk, value="12", base="")
    assert r.status_code == 200 and r.json()["changed"] is False


def test_note_conflict(site: Any, login: Any) -> None:
    assert _save(login("bidang"), site, id=site.ind_sub.pk, value="12",
                 note="catatan A").status_code == 200
    r = _save(login("perencana"), site, id=site.ind_sub.pk, value="12", base="12",
              note="catatan B", note_base="")
    assert r.status_code == 409 and r.json()["field"] == "note"


def test_evidence_upload_and_download(site: Any, login: Any, settings: Any,
                                      tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    c = login("bidang")
    pdf = SimpleUploadedFile("sk.pdf", b"%PDF-1.4 bukti", content_type="application/pdf")
    r = _save(c, site, id=site.ind_sub.pk, value="3", evidence=pdf)
    assert r.status_code == 200, r.content
    url = r.json()["evidence"]["url"]
    got = c.get(url)
    assert got.status_code == 200 and b"".join(got.streaming_content) == b"%PDF-1.4 bukti"
    assert login("perencana_foreign").get(url).status_code == 403
    bad = SimpleUploadedFile("x.exe", b"MZ", content_type="application/octet-stream")
    r = _save(c, site, id=site.ind_sub.pk, value="3", base="3", evidence=bad)
    assert r.status_code == 400 and "tidak diterima" in r.json()["error"]


def test_entered_value_shows_on_beranda(site: Any, login: Any) -> None:
    c = login("perencana")
    assert _save(c, site, id=site.iku.pk, value="60").status_code == 200
    text = c.get(f"/pd/{site.own.slug}/?tahun={YEAR}&triwulan=1").content.decode()
    # IKU 60 of 75 -> 80,00 -> Tinggi, and the agency's achievement is the IKU mean
    assert "80,00" in text and "Tinggi" in text


# --- history ------------------------------------------------------------------------------


def test_history_lists_who_when_before_after(site: Any, login: Any) -> None:
    from kinerja.store.models import Realisation

    assert _save(login("bidang"), site, id=site.ind_sub.pk, value="10").status_code == 200
    assert _save(login("perencana"), site, id=site.ind_sub.pk, value="1.500",
                 base="10").status_code == 200
    row = Realisation.objects.get(indicator=site.ind_sub, quarter=1)
    r = login("pimpinan").get(f"/riwayat/realisasi/{row.pk}/")
    assert r.status_code == 200
    text = r.content.decode()
    assert "bidang-uji" in text and "perencana-uji" in text
    assert "1.500" in text and ">10<" in text
    assert text.index("perencana-uji") < text.index("bidang-uji")  # newest first


def test_history_of_budget_and_unknown_model(site: Any, login: Any) -> None:
    from kinerja.store.models import BudgetLine

    line = BudgetLine.objects.filter(node=site.sub, stage="dpa").get()
    r = login("perencana").get(f"/riwayat/anggaran/{line.pk}/")
    assert r.status_code == 200 and "600.000.000" in r.content.decode()
    assert login("perencana").get("/riwayat/pengguna/1/").status_code == 404


# --- number filters -----------------------------------------------------------------------


def test_number_filters() -> None:
    from kinerja.web.templatetags import kinerja as f

    assert f.angka(Decimal("1234567.89")) == "1.234.567,89"
    assert f.angka(Decimal("1250.500000")) == "1.250,5"
    assert f.angka(None) == "–"
    assert f.persen(Decimal("42.4812")) == "42,48"
    assert f.persen_tanda(Decimal("89.02")) == "89,02 %"
    assert f.rupiah(Decimal("12386177788")) == "Rp 12.386.177.788"
    assert f.uang(Decimal("7522842676.91")) == "7.522.842.676,91"
    assert f.bar_width(Decimal("108.4")) == "100.0"
