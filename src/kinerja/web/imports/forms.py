"""The upload form of the import area: a document table (.csv or .xlsx), its meta file or the
meta fields typed in the form, and the year and document version of the import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.core.doctable import KIND_COLUMNS
from kinerja.store.services.importer import VERSIONS

KIND_LABELS: dict[str, str] = {
    "evaluasi_renja": "evaluasi_renja – T-C.29 evaluasi hasil Renja",
    "rencana_anggaran": "rencana_anggaran – program/kegiatan dengan target dan pagu",
    "pengukuran_kinerja": "pengukuran_kinerja – target dan realisasi indikator (LKjIP)",
    "evaluasi_triwulan": "evaluasi_triwulan – formulir evaluasi triwulan",
    "indeks_ipasn": "indeks_ipasn – daftar Indeks Profesionalitas ASN (hanya diperiksa)",
    "komponen_lke": "komponen_lke – komponen evaluasi SAKIP (hanya diperiksa)",
}
VERSION_LABELS: dict[str, str] = {
    "renstra": "Renstra", "renja": "Renja", "renja_perubahan": "Renja Perubahan",
    "pk": "Perjanjian Kinerja", "pk_perubahan": "PK Perubahan", "rencana_aksi": "Rencana Aksi",
    "ranwal_rkpd": "Rancangan Awal RKPD", "analisis_kebutuhan": "Analisis kebutuhan",
    "lkjip": "LKjIP",
}
MAX_BYTES = 10 * 1024 * 1024


class UploadForm(forms.Form):
    """A document table with its meta data, and the year and version to import it as."""

    table = forms.FileField(label=_("Berkas tabel (.csv atau .xlsx)"))
    meta = forms.FileField(label=_("Berkas meta (.meta.yaml)"), required=False,
                           help_text=_("Bila tidak ada, isi jenis tabel dan keterangan di "
                                       "bawah."))
    kind = forms.ChoiceField(label=_("Jenis tabel"), required=False,
                             choices=[("", _("— dari berkas meta —"))]
                             + [(k, KIND_LABELS.get(k, k)) for k in KIND_COLUMNS])
    title = forms.CharField(label=_("Judul tabel seperti tercetak"), required=False,
                            max_length=500)
    renstra = forms.CharField(label=_("Periode Renstra"), required=False, max_length=20,
                              help_text=_("misalnya 2021-2026"))
    realised_until = forms.IntegerField(label=_("Realisasi s/d tahun (kolom 5)"),
                                        required=False, min_value=1900, max_value=2200)
    n = forms.IntegerField(label=_("Tahun n (tahun yang dievaluasi / direncanakan)"),
                           required=False, min_value=1900, max_value=2200)
    next = forms.IntegerField(label=_("Tahun berikutnya (kolom 9)"), required=False,
                              min_value=1900, max_value=2200)
    year = forms.IntegerField(label=_("Tahun dokumen sumber"), required=False,
                              min_value=1900, max_value=2200,
                              help_text=_("Bila kosong: tahun n dari meta."))
    version = forms.ChoiceField(label=_("Versi dokumen target tahun berjalan"),
                                required=False,
                                choices=[("", _("— menurut jenis tabel —"))]
                                + [(v, VERSION_LABELS.get(v, v)) for v in VERSIONS])

    def clean_table(self) -> Any:
        """Only .csv and .xlsx files of at most 10 MB."""
        f = self.cleaned_data["table"]
        name = (f.name or "").lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Berkas tabel harus .csv atau .xlsx."))
        if f.size > MAX_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (paling besar 10 MB)."))
        return f

    def clean_meta(self) -> Any:
        """A YAML file of at most 1 MB."""
        f = self.cleaned_data.get("meta")
        if f is None:
            return None
        if not (f.name or "").lower().endswith((".yaml", ".yml")):
            raise forms.ValidationError(_("Berkas meta harus .meta.yaml."))
        if f.size > 1024 * 1024:
            raise forms.ValidationError(_("Berkas meta terlalu besar."))
        return f

    def clean(self) -> dict[str, Any]:
        """Either a meta file or at least the kind of the table."""
        data = super().clean()
        if not data.get("meta") and not data.get("kind") and "table" in data:
            raise forms.ValidationError(
                _("Unggah berkas meta (.meta.yaml) atau pilih jenis tabel."))
        return data

    def meta_from_fields(self, agency_name: str, government_level: str) -> dict[str, Any]:
        """The meta data typed in the form (used when no meta file is uploaded)."""
        d = self.cleaned_data
        years = {k: d[k] for k in ("renstra", "realised_until", "n", "next")
                 if d.get(k) not in (None, "")}
        meta: dict[str, Any] = {"kind": d["kind"], "title": d.get("title") or "",
                                "agency": agency_name, "government_level": government_level}
        if years:
            meta["years"] = years
        return meta
