"""`kinerja pk`: the Perjanjian Kinerja of an agency for a year, as DOCX or PDF, from the
record."""

from __future__ import annotations

from pathlib import Path

import click

from kinerja.commands.lkjip import load, output_format


@click.command("pk")
@click.option("--pd", required=True, help="Slug Perangkat Daerah (mis. paser).")
@click.option("--tahun", required=True, type=int, help="Tahun perjanjian.")
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path),
              help="Berkas keluaran .docx atau .pdf.")
@click.option("--versi", default="pk", show_default=True,
              type=click.Choice(["pk", "pk_perubahan"]), help="PK atau PK Perubahan.")
@click.option("--database-url", envvar="DATABASE_URL", default=None,
              help="Basis data (bawaan: SQLite di $KINERJA_HOME/kinerja.sqlite3).")
def pk(pd: str, tahun: int, output: Path, versi: str, database_url: str | None) -> None:
    """Buat dokumen Perjanjian Kinerja (pernyataan, tabel target dan anggaran program,
    tanda tangan) dari catatan."""
    fmt = output_format(output)
    record = load(pd, tahun, database_url)
    from kinerja.tables.pk import pk_document, pk_pdf
    data = pk_document(record, tahun, versi) if fmt == "docx" else pk_pdf(record, tahun, versi)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    click.echo(f"Perjanjian Kinerja {record.agency.name} tahun {tahun} ditulis ke {output}")
