"""Forms of the plan editor: tujuan, sasaran, nodes chosen from the nomenclature, indicators
and stakeholder proposals."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.core import codes
from kinerja.store.models import Indicator, Node, Sasaran, StakeholderProposal, Tujuan, Unit
from kinerja.web.api.services import EntryError, read_value


class TujuanForm(forms.ModelForm):
    """A tujuan of the Renstra."""

    class Meta:
        model = Tujuan
        fields = ["name"]
        labels = {"name": _("Tujuan")}
        widgets = {"name": forms.Textarea(attrs={"rows": 2})}


class SasaranForm(forms.ModelForm):
    """A sasaran with its tujuan and the programs and kegiatan that serve it."""

    class Meta:
        model = Sasaran
        fields = ["name", "tujuan", "nodes"]
        labels = {"name": _("Sasaran"), "tujuan": _("Tujuan"),
                  "nodes": _("Program/kegiatan yang melayani")}
        widgets = {"name": forms.Textarea(attrs={"rows": 2}),
                   "nodes": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tujuan"].queryset = Tujuan.objects.filter(agency=agency)
        self.fields["nodes"].queryset = Node.objects.filter(
            agency=agency, level__in=("program", "kegiatan")).order_by("code", "position")
        self.fields["nodes"].required = False


class NodeForm(forms.Form):
    """A program, kegiatan or sub kegiatan chosen from the official nomenclature by its code
    (searched by code or words), with the document's own name where it differs."""

    code = forms.CharField(label=_("Kode nomenklatur"), max_length=40,
                           widget=forms.TextInput(attrs={"autocomplete": "off",
                                                         "data-kode-cari": "1"}))
    local_name = forms.CharField(label=_("Nama dalam dokumen (bila berbeda dari nama resmi)"),
                                 required=False, widget=forms.Textarea(attrs={"rows": 2}))

    LEVEL_BELOW = {None: "program", "program": "kegiatan", "kegiatan": "sub_kegiatan"}

    def __init__(self, *args: Any, government_level: str, parent: Node | None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.government_level = government_level
        self.parent = parent
        self.level = self.LEVEL_BELOW.get(parent.level if parent else None)
        self.entry: codes.Entry | None = None

    def clean_code(self) -> str:
        """A code of the nomenclature at the right level, under the parent's code."""
        text = self.cleaned_data["code"].strip()
        entry = codes.lookup(text, self.government_level)
        if entry is None:
            found = codes.search(text, self.government_level, level=self.level, limit=2,
                                 within=self.parent.code if self.parent and self.parent.code
                                 else None)
            if len(found) == 1:
                entry = found[0]
        if entry is None:
            raise forms.ValidationError(_("Kode '%(code)s' tidak ada dalam nomenklatur.")
                                        % {"code": text})
        if entry.level != self.level:
            raise forms.ValidationError(_("Kode %(code)s adalah %(is)s, bukan %(want)s.") % {
                "code": entry.code, "is": entry.level.replace("_", " "),
                "want": (self.level or "").replace("_", " ")})
        if self.parent is not None and self.parent.code and not entry.code.startswith(
                self.parent.code + "."):
            raise forms.ValidationError(
                _("Kode %(code)s tidak berada di bawah %(parent)s.") % {
                    "code": entry.code, "parent": self.parent.code})
        self.entry = entry
        return entry.code


class IndicatorForm(forms.ModelForm):
    """An indicator with its unit, kind, polarity and the unit of the agency responsible."""

    class Meta:
        model = Indicator
        fields = ["name", "unit", "kind", "polarity", "within_year", "formula", "data_source",
                  "responsible_unit", "spm", "ikk"]
        labels = {"name": _("Nama indikator"), "unit": _("Satuan"), "kind": _("Jenis"),
                  "polarity": _("Polaritas"), "within_year": _("Aturan dalam tahun"),
                  "formula": _("Rumus (pembilang dan penyebut)"),
                  "data_source": _("Sumber data"),
                  "responsible_unit": _("Unit penanggung jawab"),
                  "spm": _("SPM/standar nasional"), "ikk": _("IKK (Indikator Kinerja Kunci)")}
        help_texts = {"spm": _("Acuan Standar Pelayanan Minimal yang diukur indikator ini "
                               "(kolom SPM pada T-C.30); kosongkan bila tidak ada."),
                      "ikk": _("Acuan Indikator Kinerja Kunci (kolom IKK pada T-C.30); "
                               "kosongkan bila tidak ada.")}
        widgets = {"name": forms.Textarea(attrs={"rows": 2}),
                   "formula": forms.Textarea(attrs={"rows": 2}),
                   "spm": forms.Textarea(attrs={"rows": 2}),
                   "ikk": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible_unit"].queryset = Unit.objects.filter(agency=agency)


class ProposalForm(forms.ModelForm):
    """A program/kegiatan proposed by a stakeholder: the plan's program/kegiatan or a name in
    free text, location, indicator, volume (kept as typed, with its exact number when the text
    is a number), note and who proposed it."""

    class Meta:
        model = StakeholderProposal
        fields = ["year", "stakeholder", "node", "program_name", "location", "indicator",
                  "volume", "note"]
        labels = {"year": _("Tahun"), "stakeholder": _("Pemangku kepentingan (pengusul)"),
                  "node": _("Program/kegiatan dalam rencana"),
                  "program_name": _("atau nama program/kegiatan yang diusulkan"),
                  "location": _("Lokasi"), "indicator": _("Indikator kinerja"),
                  "volume": _("Besaran/volume"), "note": _("Catatan")}
        help_texts = {"stakeholder": _("Misalnya Musrenbang Kecamatan, pokok pikiran DPRD, "
                                       "atau instansi pengusul."),
                      "volume": _("Ketik seperti dalam usulan, misalnya 150 orang atau "
                                  "1.250,5.")}
        widgets = {"program_name": forms.Textarea(attrs={"rows": 2}),
                   "indicator": forms.Textarea(attrs={"rows": 2}),
                   "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["node"].queryset = Node.objects.filter(
            agency=agency, level__in=("program", "kegiatan")).order_by("code", "position", "pk")
        self.fields["node"].required = False
        self.fields["node"].empty_label = _("— tidak ada dalam rencana —")

    def save(self, commit: bool = True) -> StakeholderProposal:
        """The proposal with the exact number of its volume when the volume is a number."""
        proposal: Any = super().save(commit=False)
        try:
            proposal.volume_value = read_value(proposal.volume)
        except EntryError:
            proposal.volume_value = None
        if commit:
            proposal.save()
        return proposal
