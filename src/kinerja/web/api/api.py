"""The JSON API (django-ninja): read an agency's plan, indicators, targets and realisations,
write realisations.

Authentication is a token (`Authorization: Bearer knj_…`, made with `kinerja token buat
USERNAME`) or the session of a signed-in user (with its CSRF token for writes). Every endpoint
asks the permission layer: an agency the user may not see does not exist for them (404), an
action they may not take is refused (403). Errors are JSON `{"detail": "..."}` in Bahasa
Indonesia."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth

from kinerja.store import permissions
from kinerja.store.models import Agency, Indicator, Node, Realisation, Sasaran, Target, Tujuan
from kinerja.web.api import schemas as s
from kinerja.web.api.models import ApiToken
from kinerja.web.api.services import Conflict, EntryError, record_realisation


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`: the token's user."""

    openapi_description = "Token API dari `kinerja token buat USERNAME`"

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        """The user of a valid token (None refuses the request)."""
        user = ApiToken.user_for(token)
        if user is not None:
            request.user = user
        return user


class SignedInSession(SessionAuth):
    """The session of a user signed in to the web pages (writes need the CSRF token)."""

    openapi_description = "Sesi pengguna yang masuk melalui halaman web"


api = NinjaAPI(
    title="API kinerja",
    version="1",
    description=(
        "Rencana, indikator, target dan realisasi Perangkat Daerah. Aturan izin sama dengan "
        "halaman web: data PD yang tidak boleh Anda lihat tidak ada (404), tindakan yang tidak "
        "boleh Anda lakukan ditolak (403). Kirim nilai yang terakhir Anda lihat saat menulis "
        "realisasi; bila nilai tersimpan sudah berubah, jawaban 409 memuat kedua nilai."
    ),
    auth=[TokenAuth(), SignedInSession()],
    urls_namespace="api",
    docs_url=None,  # /api/docs is the application's own page (kinerja.web.api.docs)
    openapi_url="/openapi.json",
)


# -- errors in Bahasa Indonesia ---------------------------------------------------------------

_PYDANTIC = {
    "missing": "wajib diisi",
    "int_parsing": "harus bilangan bulat",
    "int_type": "harus bilangan bulat",
    "string_type": "harus teks",
    "bool_parsing": "harus benar atau salah",
    "greater_than_equal": "terlalu kecil",
    "less_than_equal": "terlalu besar",
    "json_invalid": "bukan JSON yang sah",
    "model_attributes_type": "harus berupa objek JSON",
    "dict_type": "harus berupa objek JSON",
}


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """422 with every invalid field, in Bahasa Indonesia."""
    errors = []
    for err in exc.errors:
        loc = [str(x) for x in err.get("loc", ())]
        message = _PYDANTIC.get(str(err.get("type")), "nilai tidak sah")
        errors.append({"lokasi": loc, "pesan": _(message)})
    return api.create_response(request, {"detail": _("Permintaan tidak sah"),
                                         "kesalahan": errors}, status=422)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    """401: no valid token and no signed-in session."""
    response = api.create_response(
        request, {"detail": _("Belum masuk: kirim token API (Authorization: Bearer …) atau "
                              "masuk melalui halaman web")}, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(AuthorizationError)
@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    """403: the user may not take this action."""
    text = str(exc) if isinstance(exc, PermissionDenied) else ""
    return api.create_response(
        request, {"detail": text or _("Anda tidak berwenang melakukan tindakan ini")},
        status=403)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    """404: nothing there, or nothing the user may see."""
    return api.create_response(request, {"detail": str(exc) or _("Tidak ditemukan")},
                               status=404)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """Other HTTP errors with their message."""
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(EntryError)
def _bad_value(request: HttpRequest, exc: EntryError) -> HttpResponse:
    """422: a value that is not a number."""
    return api.create_response(request, {"detail": str(exc), "kesalahan": []}, status=422)


# -- helpers ---------------------------------------------------------------------------------


def _agency(request: HttpRequest, slug: str) -> Agency:
    """The agency `slug` if the user may see it; 404 otherwise (its existence is not told)."""
    agency = (permissions.scope(request.user, Agency.objects.select_related("government"))
              .filter(slug=slug).first())
    if agency is None:
        raise Http404(_("Perangkat daerah '%(slug)s' tidak ditemukan") % {"slug": slug})
    return agency


def agency_out(a: Agency) -> dict[str, Any]:
    """The API form of an agency."""
    return {"slug": a.slug, "nama": a.name, "pemda": a.government.name,
            "tingkat_pemda": a.government.level, "kode_organisasi": a.org_code}


def indicator_out(i: Indicator) -> dict[str, Any]:
    """The API form of an indicator."""
    return {"id": i.pk, "nama": i.name, "satuan": i.unit, "jenis": i.kind,
            "polaritas": i.polarity, "aturan_dalam_tahun": i.within_year, "rumus": i.formula,
            "sumber_data": i.data_source,
            "unit_penanggung_jawab": i.responsible_unit.name if i.responsible_unit else None,
            "sasaran_id": i.sasaran_id, "node_id": i.node_id}


def plan_of(agency: Agency) -> dict[str, Any]:
    """An agency's plan as nested data: tujuan → sasaran → IKU and the program tree."""
    indicators = list(Indicator.objects.filter(agency=agency)
                      .select_related("responsible_unit").order_by("position", "pk"))
    by_node: dict[int, list[dict[str, Any]]] = {}
    by_sasaran: dict[int, list[dict[str, Any]]] = {}
    for ind in indicators:
        if ind.node_id is not None:
            by_node.setdefault(ind.node_id, []).append(indicator_out(ind))
        elif ind.sasaran_id is not None:
            by_sasaran.setdefault(ind.sasaran_id, []).append(indicator_out(ind))
    nodes = list(Node.objects.filter(agency=agency).order_by("position", "code", "pk"))
    children: dict[int | None, list[Node]] = {}
    for n in nodes:
        children.setdefault(n.parent_id, []).append(n)

    def tree(n: Node) -> dict[str, Any]:
        return {"id": n.pk, "tingkat": n.level, "kode": n.code, "nama": n.name,
                "nama_resmi": n.official_name, "nama_dokumen": n.local_name,
                "indikator": by_node.get(n.pk, []),
                "anak": [tree(c) for c in children.get(n.pk, [])]}

    sasaran = list(Sasaran.objects.filter(agency=agency).prefetch_related("nodes")
                   .order_by("position", "pk"))

    def sasaran_out(x: Sasaran) -> dict[str, Any]:
        return {"id": x.pk, "nama": x.name, "iku": by_sasaran.get(x.pk, []),
                "node_id": sorted(n.pk for n in x.nodes.all())}

    tujuan = [{"id": t.pk, "nama": t.name,
               "sasaran": [sasaran_out(x) for x in sasaran if x.tujuan_id == t.pk]}
              for t in Tujuan.objects.filter(agency=agency).order_by("position", "pk")]
    loose = [sasaran_out(x) for x in sasaran if x.tujuan_id is None]
    if loose:
        tujuan.append({"id": None, "nama": _("(sasaran tanpa tujuan)"), "sasaran": loose})
    return {"pd": agency_out(agency), "tujuan": tujuan,
            "program": [tree(n) for n in children.get(None, [])]}


def _target_out(t: Target) -> dict[str, Any]:
    return {"id": t.pk, "indikator_id": t.indicator_id, "tahun": t.year, "triwulan": t.quarter,
            "versi": t.version, "nilai": t.value, "tercetak": t.printed, "satuan": t.unit,
            "impor_id": t.source_id}


def _realisation_out(r: Realisation) -> dict[str, Any]:
    return {"id": r.pk, "indikator_id": r.indicator_id, "tahun": r.year,
            "triwulan": r.quarter, "kumulatif": r.cumulative, "nilai": r.value,
            "tercetak": r.printed, "satuan": r.unit, "catatan": r.note,
            "dilaporkan_oleh": r.reported_by.username if r.reported_by else None,
            "dilaporkan_pada": r.reported_at, "impor_id": r.source_id}


# -- endpoints -------------------------------------------------------------------------------

_ERRORS: dict[int, Any] = {401: s.ErrorOut, 403: s.ErrorOut, 404: s.ErrorOut}


@api.get("/pd", response={200: list[s.AgencyOut], 401: s.ErrorOut}, tags=["PD"],
         summary="Daftar PD yang boleh Anda lihat")
def list_agencies(request: HttpRequest) -> list[dict[str, Any]]:
    """Every agency the user may see."""
    qs = permissions.scope(request.user, Agency.objects.select_related("government"))
    return [agency_out(a) for a in qs.order_by("slug")]


@api.get("/pd/{slug}", response={200: s.AgencyOut, **_ERRORS}, tags=["PD"],
         summary="Satu PD")
def get_agency(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One agency."""
    return agency_out(_agency(request, slug))


@api.get("/pd/{slug}/rencana", response={200: s.PlanOut, **_ERRORS}, tags=["Rencana"],
         summary="Rencana PD: tujuan, sasaran, IKU, program/kegiatan/sub kegiatan")
def get_plan(request: HttpRequest, slug: str) -> dict[str, Any]:
    """The agency's plan tree with its indicators."""
    return plan_of(_agency(request, slug))


class IndicatorFilter(Schema):
    """Filters of the indicator list."""

    node_id: int | None = None
    sasaran_id: int | None = None


@api.get("/pd/{slug}/indikator", response={200: list[s.IndicatorOut], **_ERRORS},
         tags=["Indikator"], summary="Indikator PD")
def list_indicators(request: HttpRequest, slug: str,
                    filters: Query[IndicatorFilter]) -> list[dict[str, Any]]:
    """The agency's indicators, optionally of one node or sasaran."""
    agency = _agency(request, slug)
    qs = permissions.scope(request.user, Indicator.objects.filter(agency=agency))
    if filters.node_id is not None:
        qs = qs.filter(node_id=filters.node_id)
    if filters.sasaran_id is not None:
        qs = qs.filter(sasaran_id=filters.sasaran_id)
    return [indicator_out(i) for i in qs.select_related("responsible_unit")
            .order_by("position", "pk")]


@api.get("/pd/{slug}/indikator/{indikator_id}", response={200: s.IndicatorOut, **_ERRORS},
         tags=["Indikator"], summary="Satu indikator")
def get_indicator(request: HttpRequest, slug: str, indikator_id: int) -> dict[str, Any]:
    """One indicator of the agency."""
    return indicator_out(_indicator(request, slug, indikator_id))


def _indicator(request: HttpRequest, slug: str, indikator_id: int) -> Indicator:
    agency = _agency(request, slug)
    ind = (permissions.scope(request.user, Indicator.objects.filter(agency=agency))
           .select_related("responsible_unit", "agency").filter(pk=indikator_id).first())
    if ind is None:
        raise Http404(_("Indikator %(id)s tidak ditemukan di PD ini") % {"id": indikator_id})
    return ind


class ValueFilter(Schema):
    """Filters of the target and realisation lists."""

    tahun: int | None = None
    triwulan: int | None = None
    versi: str | None = None
    indikator_id: int | None = None


def _filtered(qs: QuerySet[Any], f: ValueFilter, versions: bool) -> QuerySet[Any]:
    if f.tahun is not None:
        qs = qs.filter(year=f.tahun)
    if f.triwulan is not None:
        qs = qs.filter(quarter=f.triwulan)
    if f.indikator_id is not None:
        qs = qs.filter(indicator_id=f.indikator_id)
    if versions and f.versi:
        qs = qs.filter(version=f.versi)
    return qs


@api.get("/pd/{slug}/target", response={200: list[s.TargetOut], **_ERRORS}, tags=["Target"],
         summary="Target indikator PD")
def list_targets(request: HttpRequest, slug: str,
                 filters: Query[ValueFilter]) -> list[dict[str, Any]]:
    """Targets of the agency's indicators (filter by year, quarter, version, indicator)."""
    agency = _agency(request, slug)
    qs = permissions.scope(request.user, Target.objects.filter(indicator__agency=agency))
    qs = _filtered(qs, filters, versions=True)
    return [_target_out(t) for t in qs.order_by("indicator_id", "year", "quarter", "version",
                                                 "pk")]


@api.get("/pd/{slug}/realisasi", response={200: list[s.RealisationOut], **_ERRORS},
         tags=["Realisasi"], summary="Realisasi indikator PD")
def list_realisations(request: HttpRequest, slug: str,
                      filters: Query[ValueFilter]) -> list[dict[str, Any]]:
    """Realisations of the agency's indicators (filter by year, quarter, indicator)."""
    agency = _agency(request, slug)
    qs = permissions.scope(request.user,
                           Realisation.objects.filter(indicator__agency=agency))
    qs = _filtered(qs, filters, versions=False).select_related("reported_by")
    return [_realisation_out(r) for r in qs.order_by("indicator_id", "year", "quarter", "pk")]


@api.put("/pd/{slug}/realisasi",
         response={200: s.RealisationOut, 204: None, 409: s.ConflictOut,
                   422: s.ValidationErrorOut, **_ERRORS},
         tags=["Realisasi"], summary="Catat realisasi (dengan pemeriksaan nilai terakhir)")
def put_realisation(request: HttpRequest, slug: str, data: s.RealisationIn) -> Any:
    """Record a realisation entered by hand. The stored value must still be
    `nilai_terakhir_dilihat`, else 409 with both values. An empty `nilai` (and no note) removes
    the entry (204). Audit-logged."""
    ind = _indicator(request, slug, data.indikator_id)
    if not permissions.can(request.user, "edit_realisation", ind):
        raise permissions.Denied(_("Anda tidak berwenang mengisi realisasi indikator ini"))
    try:
        row = record_realisation(request.user, ind, data.tahun, data.triwulan, data.nilai,
                                 data.nilai_terakhir_dilihat, data.catatan)
    except Conflict as c:
        return Status(409, {"detail": str(c), "nilai_tersimpan": c.current,
                     "tercetak_tersimpan": c.current_printed, "nilai_anda": c.yours,
                     "tercetak_anda": c.yours_printed, "diubah_oleh": c.changed_by})
    if row is None:
        return Status(204, None)
    return Status(200, _realisation_out(row))
