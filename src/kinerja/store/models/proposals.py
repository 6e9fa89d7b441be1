"""Proposals of programs and kegiatan from the agency's stakeholders (Musrenbang, the DPRD's
pokok pikiran, other agencies) for a Renja year: what T-C.32 lists. A proposal concerns a
program/kegiatan of the plan (`node`) or one named in free text (`program_name`); its volume
is kept as entered, with the exact number beside it when the text is a number."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from kinerja.store.fields import ExactDecimalField
from kinerja.store.models.indicators import VALUE
from kinerja.store.models.organisation import Agency
from kinerja.store.models.plan import Node


class StakeholderProposal(models.Model):
    """A program/kegiatan proposed by a stakeholder for a year, with its location, indicator,
    volume and note."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE,
                               related_name="stakeholder_proposals")
    year = models.PositiveSmallIntegerField("tahun")
    node = models.ForeignKey(Node, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="stakeholder_proposals",
                             verbose_name="program/kegiatan dalam rencana")
    program_name = models.TextField("program/kegiatan (bila tidak ada dalam rencana)",
                                    blank=True)
    location = models.CharField("lokasi", max_length=200, blank=True)
    indicator = models.TextField("indikator kinerja", blank=True)
    volume = models.CharField("besaran/volume", max_length=120, blank=True)
    volume_value = ExactDecimalField("nilai besaran/volume", **VALUE)
    note = models.TextField("catatan", blank=True)
    stakeholder = models.CharField("pemangku kepentingan (pengusul)", max_length=200,
                                   blank=True)
    position = models.PositiveIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "usulan pemangku kepentingan"
        verbose_name_plural = "usulan pemangku kepentingan"
        ordering = ["agency", "year", "position", "id"]

    def __str__(self) -> str:
        return f"{self.year}: {self.title}"

    @property
    def title(self) -> str:
        """The program/kegiatan as shown: the plan node's name, else the free text."""
        if self.node_id is not None and self.node is not None:
            return str(self.node.local_name or self.node.official_name or self.program_name)
        return self.program_name

    def clean(self) -> None:
        """A proposal names its program/kegiatan, and a plan node of its own agency."""
        if self.node_id is None and not self.program_name.strip():
            raise ValidationError("Pilih program/kegiatan dari rencana atau tuliskan namanya.")
        if (self.node_id is not None and self.agency_id is not None
                and self.node.agency_id != self.agency_id):
            raise ValidationError({"node": "Program/kegiatan ini milik perangkat daerah lain."})
