"""`kinerja tabel`: list the official tables, or build one from an agency's record and write
it as XLSX, DOCX, PDF or HTML (or all four).

    kinerja tabel
    kinerja tabel tc29 --pd paser --tahun 2023 --format xlsx -o t-c29.xlsx
    kinerja tabel evaluasi_triwulan --pd samarinda --tahun 2024 --format all -o keluaran/

Exit status: 0 when written, 2 for an unknown table, agency, year or format.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table as RichTable

FORMATS = ("xlsx", "docx", "pdf", "html")


def _fail(message: str) -> None:
    click.echo(f"Kesalahan: {message}", err=True)
    raise SystemExit(2)


def _listing(console: Console) -> None:
    from kinerja.tables._common import load_builders
    from kinerja.tables.registry import describe

    load_builders()
    out = RichTable(title="Tabel resmi")
    out.add_column("Pengenal")
    out.add_column("Judul")
    out.add_column("Pembangun")
    for entry in describe():
        label = f"{entry['label']} " if entry["label"] else ""
        out.add_row(entry["identifier"], f"{label}{entry['title']}",
                    "ada" if entry["builder"] else "belum")
    console.print(out)


def _outputs(identifier: str, slug: str, year: int, fmt: str, output: str | None
             ) -> list[tuple[str, Path]]:
    stem = f"{identifier}-{slug}-{year}"
    if fmt == "all":
        folder = Path(output) if output else Path(".")
        folder.mkdir(parents=True, exist_ok=True)
        return [(f, folder / f"{stem}.{f}") for f in FORMATS]
    if output is None:
        return [(fmt, Path(f"{stem}.{fmt}"))]
    path = Path(output)
    if path.is_dir():
        return [(fmt, path / f"{stem}.{fmt}")]
    path.parent.mkdir(parents=True, exist_ok=True)
    return [(fmt, path)]


@click.command("tabel")
@click.argument("identifier", required=False)
@click.option("--pd", "slug", help="Slug perangkat daerah (mis. paser).")
@click.option("--tahun", "year", type=int, help="Tahun tabel (T-C.29: tahun yang dievaluasi).")
@click.option("--versi", "version", default=None,
              help="Versi dokumen target (renja, renja_perubahan, pk, ...).")
@click.option("--format", "fmt", type=click.Choice([*FORMATS, "all"]), default="xlsx",
              show_default=True, help="Format berkas; 'all' menulis keempatnya.")
@click.option("-o", "--output", default=None,
              help="Berkas keluaran, atau folder untuk --format all.")
@click.option("--rumus", is_flag=True, help="XLSX: tulis rumus hidup pada sel hitungan.")
@click.option("--database", default=None, help="URL basis data (bawaan: DATABASE_URL).")
def tabel(identifier: str | None, slug: str | None, year: int | None, version: str | None,
          fmt: str, output: str | None, rumus: bool, database: str | None) -> None:
    """Daftar tabel resmi, atau buat satu tabel dari catatan perangkat daerah."""
    console = Console()
    if identifier is None:
        _listing(console)
        return
    from kinerja.tables import registry
    from kinerja.tables._common import load_builders

    load_builders()
    try:
        spec = registry.get(identifier)
    except ValueError as exc:
        _fail(str(exc))
        return
    if spec.build is None:
        _fail(f"tabel '{identifier}' belum dapat dibuat dari catatan")
    if not slug:
        _fail("sebutkan perangkat daerah dengan --pd")
    from kinerja.store.bootstrap import setup

    setup(database, migrate=True)
    from kinerja.store.queries import RecordNotFound, load_record, years_with_data

    try:
        record = load_record(slug, year)
    except RecordNotFound as exc:
        _fail(str(exc))
        return
    years = years_with_data(slug)
    if year is None:
        _fail(f"sebutkan tahun dengan --tahun (tahun yang ada dalam catatan '{slug}': "
              f"{', '.join(map(str, years)) or 'tidak ada'})")
        return
    if year not in years:
        _fail(f"catatan '{slug}' tidak memuat data tahun {year} (yang ada: "
              f"{', '.join(map(str, years)) or 'tidak ada'})")
    assert spec.build is not None
    try:
        table = spec.build(record, year, version)
    except ValueError as exc:
        _fail(str(exc))
        return
    from kinerja.io.writers import writer

    for f, path in _outputs(identifier, slug, year, fmt, output):
        options: dict[str, Any] = {"formulas": True} if f == "xlsx" and rumus else {}
        writer(f).write(table, path, **options)
        console.print(f"Ditulis: {path}")
