"""Shapes of the JSON API's requests and answers (pydantic, through django-ninja).

Field names are the domain's Indonesian words. Numbers are exact decimals, sent as JSON
strings in the plain form (`"87.64"`), with the text as printed or entered beside them."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ninja import Field, Schema


class ErrorOut(Schema):
    """An error: `detail` is a sentence in Bahasa Indonesia."""

    detail: str


class FieldErrorOut(Schema):
    """One invalid field of a request."""

    lokasi: list[str]
    pesan: str


class ValidationErrorOut(Schema):
    """A request that does not have the expected shape."""

    detail: str
    kesalahan: list[FieldErrorOut] = []


class AgencyOut(Schema):
    """A perangkat daerah."""

    slug: str
    nama: str
    pemda: str
    tingkat_pemda: str = Field(description="provinsi atau kabkota")
    kode_organisasi: str = ""


class IndicatorOut(Schema):
    """An indicator of a sasaran (IKU) or of a program, kegiatan or sub kegiatan."""

    id: int
    nama: str
    satuan: str
    jenis: str = Field(description="flow (dijumlah), level (nilai terakhir) atau undecided")
    polaritas: str = Field(description="positive, negative atau range")
    aturan_dalam_tahun: str
    rumus: str = ""
    sumber_data: str = ""
    unit_penanggung_jawab: str | None = None
    sasaran_id: int | None = None
    node_id: int | None = None


class NodeOut(Schema):
    """A program, kegiatan or sub kegiatan with its indicators and the nodes below it."""

    id: int
    tingkat: str
    kode: str
    nama: str
    nama_resmi: str
    nama_dokumen: str
    indikator: list[IndicatorOut] = []
    anak: list[NodeOut] = []


class SasaranOut(Schema):
    """A sasaran with its IKU and the programs and kegiatan that serve it."""

    id: int
    nama: str
    iku: list[IndicatorOut] = []
    node_id: list[int] = []


class TujuanOut(Schema):
    """A tujuan of the Renstra with its sasaran."""

    id: int | None
    nama: str
    sasaran: list[SasaranOut] = []


class PlanOut(Schema):
    """An agency's plan: tujuan → sasaran → IKU, and the program tree."""

    pd: AgencyOut
    tujuan: list[TujuanOut]
    program: list[NodeOut]


class TargetOut(Schema):
    """A target of an indicator for a year (triwulan 0) or a quarter, in one version."""

    id: int
    indikator_id: int
    tahun: int
    triwulan: int
    versi: str
    nilai: Decimal | None
    tercetak: str
    satuan: str
    impor_id: int | None = Field(None, description="impor asal; null bila diisi langsung")


class RealisationOut(Schema):
    """A realisation of an indicator for a year (triwulan 0) or a quarter."""

    id: int
    indikator_id: int
    tahun: int
    triwulan: int
    kumulatif: bool
    nilai: Decimal | None
    tercetak: str
    satuan: str
    catatan: str
    dilaporkan_oleh: str | None = None
    dilaporkan_pada: datetime | None = None
    impor_id: int | None = Field(None, description="impor asal; null bila diisi langsung")


class RealisationIn(Schema):
    """A realisation to record. `nilai` is text as a person types it (`1.234,5`); empty
    removes the entry. `nilai_terakhir_dilihat` is the value the client last saw for this
    indicator, year and quarter (null when there was none): when the stored value differs, the
    write is refused with 409."""

    indikator_id: int
    tahun: int = Field(ge=1900, le=2200)
    triwulan: int = Field(0, ge=0, le=4, description="0 = setahun, 1–4 = triwulan")
    nilai: str | None = None
    catatan: str | None = None
    nilai_terakhir_dilihat: str | None = None


class ConflictOut(Schema):
    """The answer to a write that came too late: both values, for the client to decide."""

    detail: str
    nilai_tersimpan: Decimal | None
    tercetak_tersimpan: str
    nilai_anda: Decimal | None
    tercetak_anda: str
    diubah_oleh: str = ""


NodeOut.model_rebuild()
