"""`kinerja import`, `kinerja export` and `kinerja restore`: load document tables into the
record, dump an agency's whole record, and restore such a dump into an empty database."""

from __future__ import annotations

import sys
from pathlib import Path

import click

_DB_OPTION = click.option("--database-url", envvar="DATABASE_URL", default=None,
                          help="Basis data (bawaan: SQLite di $KINERJA_HOME/kinerja.sqlite3).")


def _tables(paths: tuple[str, ...]) -> list[Path]:
    """The table files named, a folder standing for every table file in it."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir()
                              if q.suffix.lower() in (".csv", ".xlsx")))
        else:
            out.append(p)
    return out


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--pd", "slug", required=True, help="Slug PD tujuan (lihat: kinerja pd daftar).")
@click.option("--tahun", type=int, required=True, help="Tahun dokumen sumber tabel.")
@click.option("--versi", default=None,
              type=click.Choice(["renstra", "renja", "renja_perubahan", "pk", "pk_perubahan",
                                 "rencana_aksi", "ranwal_rkpd", "analisis_kebutuhan", "lkjip"]),
              help="Versi dokumen target tahun berjalan (bawaan menurut jenis tabel).")
@click.option("--semua-temuan", is_flag=True, help="Tampilkan setiap temuan, bukan 10 pertama.")
@_DB_OPTION
def import_(paths: tuple[str, ...], slug: str, tahun: int, versi: str | None,
            semua_temuan: bool, database_url: str | None) -> None:
    """Muat tabel dokumen (evaluasi_renja, rencana_anggaran, evaluasi_triwulan,
    pengukuran_kinerja) ke catatan PD. Setiap berkas dimuat utuh atau tidak sama sekali;
    memuat tabel yang sama lagi memperbarui, tidak menggandakan."""
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)
    from kinerja.store.services.agencies import AgencyError, get_agency
    from kinerja.store.services.importer import ImportRejected, import_table

    try:
        agency = get_agency(slug)
    except AgencyError as exc:
        raise click.ClickException(str(exc)) from None
    failed = 0
    for path in _tables(paths):
        try:
            result = import_table(path, agency, tahun, versi)
        except ImportRejected as exc:
            failed += 1
            click.echo(f"{path}: TIDAK DIIMPOR, tidak ada yang dimuat:", err=True)
            for problem in exc.problems:
                click.echo(f"  - {problem}", err=True)
            continue
        imp = result.source
        errors = sum(1 for f in result.findings if f.severity == "error")
        warnings = len(result.findings) - errors
        click.echo(f"{path}: {result.status} – {imp.kind} {imp.year} ({imp.version}), "
                   f"{imp.row_count} baris; temuan: {errors} kesalahan, {warnings} peringatan")
        if result.counts:
            click.echo("  dimuat: " + ", ".join(f"{k} {v}" for k, v in
                                                 sorted(result.counts.items())))
        shown = result.findings if semua_temuan else result.findings[:10]
        for f in shown:
            click.echo(f"  baris {f.row}, {f.column}: [{f.rule}] {f.message}")
        if len(shown) < len(result.findings):
            click.echo(f"  … {len(result.findings) - len(shown)} temuan lagi "
                       "(--semua-temuan untuk semuanya)")
    if failed:
        sys.exit(1)


@click.command("export")
@click.option("--pd", "slug", required=True, help="Slug PD yang diekspor.")
@click.option("--format", "fmt", default="json", type=click.Choice(["json"]),
              help="Format ekspor.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Tulis ke berkas ini (bawaan: keluaran standar).")
@_DB_OPTION
def export(slug: str, fmt: str, output: str | None, database_url: str | None) -> None:
    """Ekspor seluruh catatan satu PD sebagai berkas JSON berversi."""
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)
    from kinerja.store.services.agencies import AgencyError, get_agency
    from kinerja.store.services.exporter import dumps

    try:
        agency = get_agency(slug)
    except AgencyError as exc:
        raise click.ClickException(str(exc)) from None
    text = dumps(agency)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"Catatan {slug} ditulis ke {output}", err=True)
    else:
        click.echo(text, nl=False)


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_DB_OPTION
def restore(file: str, database_url: str | None) -> None:
    """Pulihkan catatan satu PD dari berkas ekspor ke basis data yang belum memuat PD itu."""
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)
    from kinerja.store.services.restore import RestoreError, restore_file

    try:
        agency = restore_file(Path(file))
    except RestoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Catatan {agency.slug} dipulihkan dari {file}")
