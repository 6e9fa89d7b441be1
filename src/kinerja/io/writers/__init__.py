"""Writers of neutral tables (`kinerja.tables.grid.Table`) to XLSX, DOCX, PDF and HTML.

Each module has `write(table, path_or_stream, **options)` and `render(table, **options) ->
bytes`; `WRITERS` maps a format name to its module name.
"""

from __future__ import annotations

import importlib
from types import ModuleType

WRITERS: dict[str, str] = {
    "xlsx": "kinerja.io.writers.xlsx",
    "docx": "kinerja.io.writers.docx",
    "pdf": "kinerja.io.writers.pdf",
    "html": "kinerja.io.writers.html",
}


def writer(fmt: str) -> ModuleType:
    """The writer module of a format ('xlsx', 'docx', 'pdf', 'html'); imported on first use."""
    try:
        return importlib.import_module(WRITERS[fmt.lower()])
    except KeyError:
        raise ValueError(
            f"format '{fmt}' tidak dikenal; yang tersedia: {', '.join(WRITERS)}"
        ) from None
