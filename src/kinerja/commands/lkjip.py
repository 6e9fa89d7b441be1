"""`kinerja lkjip`: the draft LKjIP of an agency for a year, as DOCX or PDF, from the record."""

from __future__ import annotations

from pathlib import Path

import click

from kinerja.tables.record import AgencyRecord


def load(pd: str, tahun: int, database_url: str | None) -> AgencyRecord:
    """The agency's record for `tahun` (a ClickException in Bahasa Indonesia when the agency
    is unknown)."""
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)
    from kinerja.store.queries import RecordNotFound, load_record

    try:
        return load_record(pd, tahun)
    except RecordNotFound as exc:
        raise click.ClickException(str(exc)) from None


def output_format(path: Path) -> str:
    """'docx' or 'pdf' from the file's extension (a ClickException otherwise)."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("docx", "pdf"):
        raise click.ClickException(
            f"berkas keluaran '{path.name}' harus berakhiran .docx atau .pdf")
    return fmt


@click.command("lkjip")
@click.option("--pd", required=True, help="Slug Perangkat Daerah (mis. paser).")
@click.option("--tahun", required=True, type=int, help="Tahun yang dilaporkan.")
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path),
              help="Berkas keluaran .docx atau .pdf.")
@click.option("--versi", default=None,
              type=click.Choice(["pk_perubahan", "pk", "renja_perubahan", "renja", "renstra"]),
              help="Versi target yang diukur (bawaan: versi terakhir yang ada).")
@click.option("--database-url", envvar="DATABASE_URL", default=None,
              help="Basis data (bawaan: SQLite di $KINERJA_HOME/kinerja.sqlite3).")
def lkjip(pd: str, tahun: int, output: Path, versi: str | None,
          database_url: str | None) -> None:
    """Buat draf LKjIP (Bab I–IV, tabel, kalimat capaian dan grafik) dari catatan."""
    fmt = output_format(output)
    record = load(pd, tahun, database_url)
    from kinerja.io.lkjip_docx import lkjip_document, lkjip_pdf
    data = (lkjip_document(record, tahun, versi) if fmt == "docx"
            else lkjip_pdf(record, tahun, versi))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    click.echo(f"Draf LKjIP {record.agency.name} tahun {tahun} ditulis ke {output}")
