"""The LKjIP table `lkjip_pengukuran` (measurement of every IKU),
built in `kinerja.tables.lkjip`.

This module exists so that the table is found by its identifier (`kinerja.tables.<identifier>`);
importing it attaches every LKjIP builder to the registry."""

from kinerja.tables.lkjip import build_pengukuran as build

__all__ = ["build"]
