"""A neutral table as PDF, printed by WeasyPrint from the HTML writer's full page.

Landscape A4 or F4 (215 × 330 mm), the header rows repeated on every page (they are the
table's `<thead>`), the title block, notes and signatures, and 'Halaman X dari Y' at the foot
of each page. WeasyPrint needs Debian's Pango (`scripts/system-packages`).
"""

from __future__ import annotations

from kinerja.io.writers import html as html_writer
from kinerja.io.writers._output import Target, emit
from kinerja.tables.grid import Table


def render(table: Table, *, page_size: str = "A4", font_size: float | None = None) -> bytes:
    """The PDF bytes. `page_size` 'A4' or 'F4' (always landscape); `font_size` in points
    (default: chosen from the table's width)."""
    from weasyprint import HTML  # imported here: it loads Pango

    page = html_writer.render_page(table, page_size=page_size, font_size=font_size)
    data = HTML(string=page).write_pdf()
    assert data is not None
    return bytes(data)


def write(table: Table, target: Target, *, page_size: str = "A4",
          font_size: float | None = None) -> None:
    """Write the PDF to a path or binary stream."""
    emit(render(table, page_size=page_size, font_size=font_size), target)
