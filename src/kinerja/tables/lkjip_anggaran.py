"""The LKjIP table `lkjip_anggaran` (budget realisation per program, kegiatan and sub kegiatan),
built in `kinerja.tables.lkjip`.

This module exists so that the table is found by its identifier (`kinerja.tables.<identifier>`);
importing it attaches every LKjIP builder to the registry."""

from kinerja.tables.lkjip import build_anggaran as build

__all__ = ["build"]
