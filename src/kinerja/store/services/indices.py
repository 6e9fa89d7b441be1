"""Storing computed civil-service indices in the record and using them.

- `store_result` keeps a result of `kinerja.core.indices` (IP ASN, IKM, LKE, Sistem Merit, NSPK,
  composite) as an `IndexResult` of an agency and year, with the input file's name and SHA-256,
  the settings and the working; computing again updates the stored result, and every change is
  written to the audit trail.
- `fill_realisation` writes a stored value as the realisation of an indicator (an IKU such as
  "Indeks Kepuasan Masyarakat"), with its provenance in the note, through the permission layer
  and the audit trail; it refuses an indicator of another agency or one whose unit or kind
  cannot hold an index value.
- `store_lke` and `store_recommendations` keep the SAKIP evaluation and its recommendations,
  tracked to closure (`recommendation_summary`: counts by status and overdue items).

`user=None` is the command line, which acts as the system administrator."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from kinerja.core.indices import composite, formulir, ikm, ipasn, lke
from kinerja.core.indices.common import dstr, fmt_id
from kinerja.store import auditing, permissions
from kinerja.store.models import (
    Agency,
    AuditLog,
    IndexResult,
    Indicator,
    Realisation,
    Recommendation,
    SakipEvaluation,
    Unit,
)

#: Index kind -> the name used in sentences ("Diisi dari hasil IKM 2024 …").
LABELS: dict[str, str] = {
    "ipasn": "IP ASN",
    "ikm": "IKM",
    "lke": "nilai SAKIP (LKE)",
    "merit": "Indeks Sistem Merit",
    "nspk": "Indeks NSPK",
    "komposit": "indeks komposit",
}

#: Stored status of a recommendation <- the status of `kinerja.core.indices.lke`.
STATUS_FROM_CORE: dict[lke.StatusTL, str] = {
    lke.StatusTL.BELUM: "belum",
    lke.StatusTL.PROSES: "proses",
    lke.StatusTL.SELESAI: "selesai",
}
STATUS_TO_CORE: dict[str, lke.StatusTL] = {v: k for k, v in STATUS_FROM_CORE.items()}

#: Fields of an `IndexResult` left out of the audit trail (large; the hash stands for them).
_AUDIT_EXCLUDE = ("result", "working")
#: Fields whose change is a new result (the time and person of computing alone are not).
_CONTENT = ("value", "category", "category_label", "result", "working", "file_name", "sha256",
            "settings")


class IndexStoreError(ValueError):
    """A result that cannot be stored or used as asked; str() is the message for the user."""


# --- the input file ------------------------------------------------------------------------------


def file_digest(path: Path) -> tuple[str, str]:
    """(name, SHA-256) of an input file. A folder (the three files of IP ASN) is hashed as the
    `sha256sum` listing of its CSV/XLSX files sorted by name, one line `<sha256>  <name>` each."""
    path = Path(path)
    if path.is_dir():
        lines = []
        for p in sorted(q for q in path.iterdir()
                        if q.is_file() and q.suffix.lower() in (".csv", ".xlsx")):
            lines.append(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n")
        return f"{path.name}/", hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()
    return path.name, hashlib.sha256(path.read_bytes()).hexdigest()


# --- what is stored of each kind of result ------------------------------------------------------


@dataclass(frozen=True)
class Ringkasan:
    """What is stored of a result: its name, value, category, data, working and settings."""

    name: str
    value: Decimal | None
    category: str
    category_label: str
    data: dict[str, Any]
    working: str
    settings: dict[str, Any]


def _ipasn(result: ipasn.HasilIpAsn) -> Ringkasan:
    row = result.pemerintah
    settings = {"tanggal": result.tanggal.isoformat(), **result.pengaturan.to_dict()}
    if row is None:
        return Ringkasan("Seluruh instansi", None, "", "", result.to_dict(),
                         "Tidak ada pegawai yang terukur.", settings)
    working = (f"IP ASN {row.instansi} = kualifikasi {fmt_id(row.kualifikasi, 2)} + kompetensi "
               f"{fmt_id(row.kompetensi, 2)} + kinerja {fmt_id(row.kinerja, 2)} + disiplin "
               f"{fmt_id(row.disiplin, 2)} = {fmt_id(row.nilai, 2)} → {row.kategori.label}; "
               f"rata-rata atas {row.jumlah} pegawai terukur")
    if result.tidak_diukur:
        working += f" ({len(result.tidak_diukur)} pegawai tidak diukur)"
    return Ringkasan(row.instansi, row.nilai, row.kategori.code, row.kategori.label,
                     result.to_dict(), working, settings)


def _ikm(result: ikm.HasilIkm) -> Ringkasan:
    return Ringkasan(result.nama, result.ikm, result.mutu.code, result.mutu.label,
                     result.to_dict(), result.kerja(),
                     {"populasi": result.populasi, "terendah": result.terendah,
                      "skala": result.skala.key})


def _lke(result: lke.EvaluasiLke | lke.HasilLke) -> Ringkasan:
    main = result.utama if isinstance(result, lke.EvaluasiLke) else result
    working = f"Nilai {main.penilai}: {main.kerja()}"
    if isinstance(result, lke.EvaluasiLke):
        for other in result.hasil:
            if other is not main:
                working += f"; nilai {other.penilai}: {other.kerja()}"
    return Ringkasan(main.struktur.nama, main.total, main.predikat.code, main.predikat.label,
                     result.to_dict(), working,
                     {"struktur": main.struktur.key, "penilai": main.penilai,
                      "skala": main.struktur.skala.key})


def _formulir(result: formulir.HasilFormulir) -> Ringkasan:
    f = result.formulir
    shares = " + ".join(fmt_id(a.kontribusi, 2) for a in result.aspek)
    working = f"Skor = {shares} = {fmt_id(result.skor, 2)}"
    if f.indeks_kurang != 0 or f.indeks_bagi != 1:
        working += (f"; indeks = ({fmt_id(result.skor, 2)} − {fmt_id(f.indeks_kurang)}) / "
                    f"{fmt_id(f.indeks_bagi)} = {fmt_id(result.indeks, f.desimal_indeks)}")
    working += f" → {result.kategori.code} ({result.kategori.label})"
    if not result.lengkap:
        working += "; formulir belum lengkap"
    settings = {"formulir": f.key, "nama": f.nama, "skala": f.skala.key,
                "pengali": dstr(f.pengali), "indeks_kurang": dstr(f.indeks_kurang),
                "indeks_bagi": dstr(f.indeks_bagi), "kategori_dari": f.kategori_dari,
                "desimal_indeks": f.desimal_indeks,
                "belum_terkonfirmasi": bool(f.belum_terkonfirmasi or f.skala.unconfirmed)}
    return Ringkasan(f.nama, result.indeks, result.kategori.code, result.kategori.label,
                     result.to_dict(), working, settings)


def _komposit(result: composite.HasilKomposit) -> Ringkasan:
    d = result.definisi
    return Ringkasan(d.nama, result.nilai, "", "", result.to_dict(), result.kerja(), {
        "komponen": [{"kode": k.kode, "nama": k.nama, "bobot": dstr(k.bobot)}
                     for k in d.komponen],
        "batas_atas": None if d.batas_atas is None else dstr(d.batas_atas),
        "desimal": d.desimal})


_SUMMARY: dict[str, tuple[tuple[type, ...], Any]] = {
    "ipasn": ((ipasn.HasilIpAsn,), _ipasn),
    "ikm": ((ikm.HasilIkm,), _ikm),
    "lke": ((lke.EvaluasiLke, lke.HasilLke), _lke),
    "merit": ((formulir.HasilFormulir,), _formulir),
    "nspk": ((formulir.HasilFormulir,), _formulir),
    "komposit": ((composite.HasilKomposit,), _komposit),
}


def summarise(kind: str, result: Any) -> Ringkasan:
    """What is stored of `result`, a result of the index `kind`."""
    if kind not in _SUMMARY:
        raise IndexStoreError(f"jenis indeks '{kind}' tidak dikenal; pilihan: "
                              + " | ".join(_SUMMARY))
    types, fn = _SUMMARY[kind]
    if not isinstance(result, types):
        raise IndexStoreError(f"hasil {type(result).__name__} bukan hasil {LABELS[kind]}")
    out: Ringkasan = fn(result)
    return out


# --- storing a result ----------------------------------------------------------------------------


def _actor(user: Any) -> tuple[Any, str]:
    """(user with a primary key or None, the name recorded)."""
    real = user if getattr(user, "pk", None) else None
    name = getattr(user, "username", "") or auditing.current_actor()[1] or "cli"
    return real, name


def _audit(obj: IndexResult, before: dict[str, Any] | None, user: Any, name: str) -> None:
    """Write the change of a stored result to the audit trail (as the figures' signals do)."""
    if auditing.is_suspended():
        return
    after = auditing.field_values(obj, _AUDIT_EXCLUDE)
    AuditLog.objects.create(
        actor=user, actor_name=name, agency_id=obj.agency_id,
        action="create" if before is None else "update", model=obj._meta.model_name,
        object_id=str(obj.pk), object_repr=str(obj)[:500], before=before, after=after)


def _plain_settings(value: Any) -> Any:
    """Settings as JSON-safe data (Decimals and Fractions as decimal strings)."""
    if isinstance(value, dict):
        return {str(k): _plain_settings(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_settings(v) for v in value]
    if isinstance(value, Decimal | Fraction):
        return dstr(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


@transaction.atomic
def store_result(agency: Agency, year: int, kind: str, result: Any, source_path: Path | str,
                 user: Any = None, *, name: str | None = None,
                 settings: dict[str, Any] | None = None) -> IndexResult:
    """Store `result` (of the index `kind`, computed from the file or folder `source_path`) for
    `agency` and `year`, or update the result stored under the same agency, year, kind and
    name (`name` defaults to the result's own: the IKM's unit, the form's name …). `settings`
    are added to those read from the result. Every change is written to the audit trail."""
    if user is not None:
        action = "write_sakip_evaluation" if kind == "lke" else "import"
        permissions.require(user, action, agency)
    if not 1900 <= int(year) <= 2200:
        raise IndexStoreError(f"tahun {year} tidak sah")
    summary = summarise(kind, result)
    file_name, sha = file_digest(Path(source_path))
    label = (name or summary.name).strip() or LABELS[kind]
    obj = IndexResult.objects.filter(agency=agency, year=year, kind=kind, name=label).first()
    before = None if obj is None else auditing.field_values(obj, _AUDIT_EXCLUDE)
    old_content = None if obj is None else {f: getattr(obj, f) for f in _CONTENT}
    if obj is None:
        obj = IndexResult(agency=agency, year=year, kind=kind, name=label)
    real, actor_name = _actor(user)
    obj.value = summary.value
    obj.category = summary.category
    obj.category_label = summary.category_label
    obj.result = summary.data
    obj.working = summary.working
    obj.file_name = file_name
    obj.sha256 = sha
    obj.settings = _plain_settings({**summary.settings, **(settings or {})})
    obj.computed_by = real
    obj.computed_by_name = actor_name
    obj.computed_at = timezone.now()
    obj.save()
    obj.refresh_from_db()
    new_content = {f: getattr(obj, f) for f in _CONTENT}
    if old_content != new_content:
        _audit(obj, before, real, actor_name)
    return obj


def results(agency: Agency, year: int | None = None, user: Any = None) -> QuerySet[IndexResult]:
    """The stored results of `agency` (of `year` when given), by year, kind and name."""
    if user is not None:
        permissions.require(user, "view", agency)
    qs = IndexResult.objects.filter(agency=agency)
    if year is not None:
        qs = qs.filter(year=year)
    return qs.select_related("computed_by").order_by("year", "kind", "name")


# --- filling an indicator's realisation -----------------------------------------------------------


def find_indicator(agency: Agency, key_or_id: str) -> Indicator:
    """The indicator of `agency` with this key (or database id); an indicator of another agency
    is refused by name."""
    text = str(key_or_id).strip()
    found = Indicator.objects.filter(agency=agency, key=text).first()
    if found is not None:
        return found
    if text.isdigit():
        found = Indicator.objects.filter(pk=int(text)).select_related("agency").first()
    if found is None:
        found = Indicator.objects.filter(key=text).select_related("agency").first()
    if found is None:
        raise IndexStoreError(f"indikator '{text}' tidak ada pada PD {agency.slug}")
    if found.agency_id != agency.pk:
        raise IndexStoreError(
            f"indikator '{text}' milik PD {found.agency.slug}, bukan {agency.slug}; hasil "
            "indeks hanya dapat mengisi indikator PD yang sama")
    return found


_WORD = re.compile(r"[a-z%]+")
_MONEY = {"rp", "rupiah", "juta", "miliar", "milyar", "ribu"}
_TIME = {"hari", "jam", "menit", "minggu", "pekan", "bulan"}
_GRADE = {"predikat", "kategori", "huruf", "peringkat", "status"}
_COUNT = {"orang", "dokumen", "kegiatan", "laporan", "buah", "unit", "kali", "paket", "berkas",
          "pegawai", "asn", "pns", "jenis", "layanan", "jumlah", "rekomendasi", "sk", "pd",
          "opd", "sertifikat", "peserta", "lembaga", "instansi", "aplikasi", "sistem"}
_PERCENT = {"%", "persen", "prosen"}


def _unit_words(unit: str) -> set[str]:
    return set(_WORD.findall(unit.lower().replace("%", " % ")))


def check_fill(index_result: IndexResult, indicator: Indicator, quarter: int = 0) -> list[str]:
    """Whether `index_result` may fill `indicator`'s realisation of its year and `quarter`:
    raises `IndexStoreError` when it may not (another agency; no value; a unit of money, time
    or a grade; a quarter of an indicator that is summed over the year) and returns the
    warnings (a unit that suggests a count; a scale far from the year's targets)."""
    if indicator.agency_id != index_result.agency_id:
        raise IndexStoreError(
            f"indikator '{indicator.key}' milik PD {indicator.agency.slug}, bukan "
            f"{index_result.agency.slug}; hasil indeks hanya dapat mengisi indikator PD yang "
            "sama")
    if quarter not in (0, 1, 2, 3, 4):
        raise IndexStoreError(f"triwulan {quarter} tidak sah (0 = setahun, 1–4)")
    value = index_result.value
    label = LABELS.get(index_result.kind, index_result.kind)
    if value is None:
        raise IndexStoreError(f"hasil {label} {index_result.year} tidak memiliki nilai")
    words = _unit_words(indicator.unit)
    unit = indicator.unit.strip()
    if words & _MONEY:
        raise IndexStoreError(f"satuan indikator '{indicator.key}' adalah uang ({unit}); "
                              f"nilai {label} tidak dapat mengisinya")
    if words & _TIME:
        raise IndexStoreError(f"satuan indikator '{indicator.key}' adalah waktu ({unit}); "
                              f"nilai {label} tidak dapat mengisinya")
    if words & _GRADE:
        raise IndexStoreError(f"satuan indikator '{indicator.key}' adalah {unit}, bukan angka; "
                              f"isi predikatnya sendiri ({index_result.category or '-'})")
    if quarter and indicator.kind == "flow" and indicator.within_year == "sum":
        raise IndexStoreError(
            f"indikator '{indicator.key}' berjenis arus (realisasi triwulan dijumlah), "
            f"sedangkan {label} adalah nilai tingkat; isi realisasi setahun (triwulan 0) atau "
            "ubah jenis indikator menjadi tingkat")
    warnings: list[str] = []
    if words & _COUNT:
        warnings.append(f"satuan indikator '{indicator.key}' ({unit}) tampak seperti jumlah, "
                        f"bukan indeks; periksa apakah nilai {label} memang realisasinya")
    if words & _PERCENT and abs(value) <= 1 and value != 0:
        warnings.append(f"nilai {label} {fmt_id(_trim(value))} berskala 0–1, sedangkan satuan "
                        f"indikator '{indicator.key}' persen")
    targets = [t.value for t in indicator.targets.filter(year=index_result.year, quarter=quarter)
               if t.value]
    if targets and value:
        far = [t for t in targets if not Decimal("0.1") <= abs(value / t) <= 10]
        if far:
            warnings.append(
                f"nilai {fmt_id(_trim(value))} jauh dari target {index_result.year} "
                f"({', '.join(fmt_id(_trim(t)) for t in far)}); skala indikator mungkin berbeda")
    return warnings


def _trim(value: Decimal) -> Decimal:
    """`value` without trailing zeros (91.480000 → 91.48)."""
    return value.normalize() if value != value.to_integral_value() else value.quantize(Decimal(1))


def shown(value: Decimal | None) -> str:
    """A stored value as printed: Indonesian, at least 2 decimals (67,50; 0,30; 91,48)."""
    if value is None:
        return "-"
    trimmed = _trim(value)
    return fmt_id(trimmed, max(2, -int(trimmed.as_tuple().exponent)))


def provenance(index_result: IndexResult) -> str:
    """The note of a realisation filled from `index_result`: where the value came from."""
    label = LABELS.get(index_result.kind, index_result.kind)
    when = timezone.localtime(index_result.computed_at).date().isoformat()
    who = index_result.computed_by_name or getattr(index_result.computed_by, "username", "")
    value = shown(index_result.value)
    grade = f" {index_result.category}" if index_result.category else ""
    return (f"Diisi dari hasil {label} {index_result.year} ({index_result.name}: {value}{grade}; "
            f"berkas {index_result.file_name}, sha256 {index_result.sha256}, dihitung {when} "
            f"oleh {who or 'sistem'})")


@transaction.atomic
def fill_realisation(index_result: IndexResult, indicator: Indicator, quarter: int = 0,
                     user: Any = None, evidence_link: str = "") -> Realisation:
    """Write the value of `index_result` as `indicator`'s realisation for the result's year and
    `quarter` (0 = the year), the provenance in its note and the link between them kept on the
    result. Asks the permission layer (`edit_realisation`) and leaves an entry in the audit
    trail. Refuses (`IndexStoreError`) what `check_fill` refuses; its warnings are returned on
    the realisation as `fill_warnings`."""
    if user is not None:
        permissions.require(user, "edit_realisation", indicator)
    warnings = check_fill(index_result, indicator, quarter)
    real_user, actor_name = _actor(user)
    with auditing.acting_as(real_user, actor_name):
        real = Realisation.objects.filter(indicator=indicator, year=index_result.year,
                                          quarter=quarter, cumulative=False,
                                          source__isnull=True).first()
        if real is None:
            real = Realisation(indicator=indicator, year=index_result.year, quarter=quarter)
        value = index_result.value
        assert value is not None  # check_fill refuses a result without a value
        real.value = value
        real.printed = shown(value)
        real.note = provenance(index_result)
        real.evidence_link = evidence_link
        real.reported_by = real_user
        real.reported_at = timezone.now()
        real.save()
    real.index_results.set([index_result])
    real.fill_warnings = warnings  # type: ignore[attr-defined]
    return real


# --- SAKIP evaluation and its recommendations ----------------------------------------------------


@transaction.atomic
def store_lke(agency: Agency, year: int, hasil: lke.EvaluasiLke | lke.HasilLke,
              recommendations: Sequence[lke.Rekomendasi] | None = None,
              user: Any = None) -> SakipEvaluation:
    """Keep an LKE result as the agency's SAKIP evaluation of `year` (score and grade of the
    evaluator's assessment, else the self-assessment), and its recommendations when given."""
    if user is not None:
        permissions.require(user, "write_sakip_evaluation", agency)
    main = hasil.utama if isinstance(hasil, lke.EvaluasiLke) else hasil
    real_user, _ = _actor(user)
    ev = SakipEvaluation.objects.filter(agency=agency, year=year).first()
    if ev is None:
        ev = SakipEvaluation(agency=agency, year=year)
    ev.score = main.total
    ev.grade = main.predikat.code
    if real_user is not None:
        ev.evaluator = real_user
    ev.save()
    if recommendations is not None:
        store_recommendations(ev, recommendations, user=user)
    return ev


def evaluation_for(agency: Agency, year: int, user: Any = None) -> tuple[SakipEvaluation, bool]:
    """The SAKIP evaluation of `agency` for `year`, created without a score when there is none
    yet; (evaluation, created)."""
    if user is not None:
        permissions.require(user, "write_sakip_evaluation", agency)
    return SakipEvaluation.objects.get_or_create(agency=agency, year=year)


def _position(r: lke.Rekomendasi, index: int) -> int:
    text = r.nomor.strip().rstrip(".")
    return int(text) if text.isdigit() else index


def _unit(agency: Agency, text: str) -> Unit | None:
    key = " ".join(text.split()).casefold()
    if not key:
        return None
    for unit in Unit.objects.filter(agency=agency):
        if " ".join(unit.name.split()).casefold() == key:
            return unit
    return None


@transaction.atomic
def store_recommendations(evaluation: SakipEvaluation,
                          recommendations: Sequence[lke.Rekomendasi],
                          user: Any = None, today: date | None = None) -> list[Recommendation]:
    """Add or update the recommendations of `evaluation`, matched by their number: text,
    action, responsible unit (a unit of the agency with that name; the name as written is kept
    beside it), status, evidence, due date and closing date (a closed item without a date is
    closed `today`, unless it was closed before). Items of the evaluation that the list does
    not mention are left as they are."""
    if user is not None:
        permissions.require(user, "write_sakip_evaluation", evaluation.agency)
    today = today or timezone.localdate()
    seen: dict[int, str] = {}
    out: list[Recommendation] = []
    for i, r in enumerate(recommendations, start=1):
        pos = _position(r, i)
        if pos in seen:
            raise IndexStoreError(f"rekomendasi nomor {pos} tercantum dua kali")
        seen[pos] = r.rekomendasi
        if not r.rekomendasi.strip():
            raise IndexStoreError(f"rekomendasi nomor {pos} tidak memiliki teks")
        rec = Recommendation.objects.filter(evaluation=evaluation, position=pos).first()
        if rec is None:
            rec = Recommendation(evaluation=evaluation, position=pos)
        status = STATUS_FROM_CORE[r.status]
        rec.text = r.rekomendasi.strip()
        rec.action = r.rencana_aksi
        rec.responsible_text = r.penanggung_jawab
        rec.responsible_unit = _unit(evaluation.agency, r.penanggung_jawab)
        rec.evidence = r.bukti
        rec.due_date = r.batas_waktu
        if status == "selesai":
            rec.closed_at = r.tanggal_selesai or rec.closed_at or today
        else:
            rec.closed_at = None
        rec.status = status
        rec.save()
        out.append(rec)
    return out


def recommendation_summary(evaluation: SakipEvaluation, on: date | None = None
                           ) -> lke.RekapRekomendasi:
    """Counts by status and the overdue items of `evaluation`'s recommendations at `on`
    (default today)."""
    items = [lke.Rekomendasi(
        rekomendasi=r.text, rencana_aksi=r.action,
        penanggung_jawab=r.responsible_unit.name if r.responsible_unit else r.responsible_text,
        status=STATUS_TO_CORE[r.status], bukti=r.evidence, batas_waktu=r.due_date,
        tanggal_selesai=r.closed_at, nomor=str(r.position))
        for r in evaluation.recommendations.select_related("responsible_unit")
        .order_by("position", "id")]
    return lke.rekap_rekomendasi(items, on or timezone.localdate())

