"""`kinerja indeks`: the index results stored in the record (`daftar`, `isi`), and the options
`--pd`, `--tahun`, `--isi-iku` and `--triwulan` that every `hitung` command of an index shares
to store its result for an agency and year and to fill an IKU's realisation from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def store_options(f: F) -> F:
    """Add `--pd`, `--tahun`, `--isi-iku`, `--triwulan` and `--database-url` to a command."""
    options = [
        click.option("--pd", "pd_slug", default=None, metavar="SLUG",
                     help="Simpan hasil ke catatan PD ini (lihat: kinerja pd daftar)."),
        click.option("--tahun", type=click.IntRange(1900, 2200), default=None,
                     help="Tahun hasil yang disimpan (wajib bersama --pd)."),
        click.option("--isi-iku", "isi_iku", default=None, metavar="KUNCI_ATAU_ID",
                     help="Isi juga realisasi indikator (IKU) ini dari hasilnya."),
        click.option("--triwulan", type=click.IntRange(0, 4), default=0, show_default=True,
                     help="Triwulan realisasi yang diisi (0 = setahun)."),
        click.option("--database-url", envvar="DATABASE_URL", default=None,
                     help="Basis data (bawaan: SQLite di $KINERJA_HOME/kinerja.sqlite3)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


@dataclass
class Tujuan:
    """Where a computed result goes: the agency, the year, and the indicator to fill."""

    agency: Any
    year: int
    indicator: Any
    quarter: int


def prepare(pd_slug: str | None, tahun: int | None, isi_iku: str | None, triwulan: int,
            database_url: str | None) -> Tujuan | None:
    """Check the storing options before anything is computed: None without `--pd` (nothing is
    stored); otherwise the agency and the indicator, both known to exist."""
    if pd_slug is None:
        if tahun is not None or isi_iku is not None or triwulan:
            raise click.UsageError("--tahun, --isi-iku dan --triwulan hanya berlaku bersama "
                                   "--pd")
        return None
    if tahun is None:
        raise click.UsageError("--tahun wajib diisi bersama --pd")
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)
    from kinerja.store.services.agencies import AgencyError, get_agency
    from kinerja.store.services.indices import IndexStoreError, find_indicator

    try:
        agency = get_agency(pd_slug)
        indicator = None if isi_iku is None else find_indicator(agency, isi_iku)
    except (AgencyError, IndexStoreError) as exc:
        raise click.ClickException(str(exc)) from None
    return Tujuan(agency, tahun, indicator, triwulan)


def save(tujuan: Tujuan | None, kind: str, result: Any, source: Path,
         name: str | None = None, settings: dict[str, Any] | None = None) -> Any:
    """Store `result` where `tujuan` says and fill its indicator; report on standard error (so
    that `--format json` stays valid JSON). Returns the stored result, or None."""
    if tujuan is None:
        return None
    from kinerja.store.services.indices import (
        IndexStoreError,
        fill_realisation,
        shown,
        store_result,
    )

    try:
        stored = store_result(tujuan.agency, tujuan.year, kind, result, source, name=name,
                              settings=settings)
    except IndexStoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Tersimpan: {stored.get_kind_display()} {stored.year} PD "
               f"{tujuan.agency.slug} – {stored.name}: {shown(stored.value)} "
               f"{stored.category}".rstrip()
               + f" (sha256 {stored.sha256[:12]}…)", err=True)
    if tujuan.indicator is not None:
        try:
            real = fill_realisation(stored, tujuan.indicator, tujuan.quarter)
        except IndexStoreError as exc:
            raise click.ClickException(f"hasil tersimpan, tetapi realisasi tidak diisi: {exc}"
                                       ) from None
        when = "setahun" if real.quarter == 0 else f"TW {real.quarter}"
        click.echo(f"Realisasi {tujuan.indicator.key} {real.year} ({when}) diisi: "
                   f"{real.printed}", err=True)
        for w in real.fill_warnings:
            click.echo(f"Peringatan: {w}", err=True)
    return stored


@click.group(name="indeks")
def indeks() -> None:
    """Hasil indeks kepegawaian yang tersimpan di catatan PD."""


@indeks.command("daftar")
@click.option("--pd", "pd_slug", required=True, metavar="SLUG", help="Slug PD.")
@click.option("--tahun", type=int, default=None, help="Hanya tahun ini.")
@click.option("--format", "fmt", type=click.Choice(["teks", "json"]), default="teks",
              show_default=True)
@click.option("--database-url", envvar="DATABASE_URL", default=None,
              help="Basis data (bawaan: SQLite di $KINERJA_HOME/kinerja.sqlite3).")
def daftar(pd_slug: str, tahun: int | None, fmt: str, database_url: str | None) -> None:
    """Daftar hasil indeks yang tersimpan untuk satu PD."""
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)
    from django.utils import timezone

    from kinerja.io.records import echo_json
    from kinerja.store.services.agencies import AgencyError, get_agency
    from kinerja.store.services.exporter import number
    from kinerja.store.services.indices import results, shown

    try:
        agency = get_agency(pd_slug)
    except AgencyError as exc:
        raise click.ClickException(str(exc)) from None
    rows = list(results(agency, tahun).prefetch_related("realisations__indicator"))

    def filled(x: Any) -> list[str]:
        return sorted(f"{r.indicator.key} {r.year}/{r.quarter}" for r in x.realisations.all())

    if fmt == "json":
        echo_json([{
            "tahun": x.year, "jenis": x.kind, "nama": x.name, "nilai": number(x.value),
            "kategori": x.category, "keterangan": x.category_label, "berkas": x.file_name,
            "sha256": x.sha256, "dihitung_oleh": x.computed_by_name,
            "dihitung_pada": timezone.localtime(x.computed_at).isoformat(),
            "uraian": x.working, "realisasi_diisi": filled(x),
        } for x in rows])
        return
    if not rows:
        click.echo(f"Belum ada hasil indeks tersimpan untuk PD {agency.slug}"
                   + (f" tahun {tahun}" if tahun else "") + ".")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Hasil indeks {agency.name}")
    for col in ("Tahun", "Jenis", "Nama", "Nilai", "Kategori", "Berkas", "Dihitung",
                "Realisasi diisi"):
        table.add_column(col, justify="right" if col in ("Tahun", "Nilai") else "left")
    for x in rows:
        value = shown(x.value)
        grade = " ".join(p for p in (x.category, f"({x.category_label})"
                                     if x.category_label else "") if p)
        when = timezone.localtime(x.computed_at).date().isoformat()
        table.add_row(str(x.year), x.kind, x.name, value, grade,
                      f"{x.file_name} {x.sha256[:12]}…", f"{when} {x.computed_by_name}",
                      ", ".join(filled(x)) or "-")
    Console(width=160).print(table)


@indeks.command("isi")
@click.option("--pd", "pd_slug", required=True, metavar="SLUG", help="Slug PD.")
@click.option("--tahun", type=int, required=True, help="Tahun hasil indeks.")
@click.option("--jenis", type=click.Choice(["ipasn", "ikm", "lke", "merit", "nspk", "komposit"]),
              required=True, help="Jenis indeks.")
@click.option("--nama", default=None, help="Nama hasil (bila ada lebih dari satu).")
@click.option("--iku", "iku", required=True, metavar="KUNCI_ATAU_ID",
              help="Indikator (IKU) yang realisasinya diisi.")
@click.option("--triwulan", type=click.IntRange(0, 4), default=0, show_default=True,
              help="Triwulan realisasi (0 = setahun).")
@click.option("--database-url", envvar="DATABASE_URL", default=None,
              help="Basis data (bawaan: SQLite di $KINERJA_HOME/kinerja.sqlite3).")
def isi(pd_slug: str, tahun: int, jenis: str, nama: str | None, iku: str, triwulan: int,
        database_url: str | None) -> None:
    """Isi realisasi IKU dari hasil indeks yang sudah tersimpan."""
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)
    from kinerja.store.services.agencies import AgencyError, get_agency
    from kinerja.store.services.indices import (
        IndexStoreError,
        fill_realisation,
        find_indicator,
        results,
    )

    try:
        agency = get_agency(pd_slug)
        indicator = find_indicator(agency, iku)
    except (AgencyError, IndexStoreError) as exc:
        raise click.ClickException(str(exc)) from None
    found = [x for x in results(agency, tahun).filter(kind=jenis)
             if nama is None or x.name == nama]
    if not found:
        raise click.ClickException(f"belum ada hasil {jenis} {tahun} tersimpan untuk PD "
                                   f"{agency.slug}" + (f" bernama '{nama}'" if nama else ""))
    if len(found) > 1:
        raise click.ClickException("ada beberapa hasil; pilih dengan --nama: "
                                   + " | ".join(x.name for x in found))
    try:
        real = fill_realisation(found[0], indicator, triwulan)
    except IndexStoreError as exc:
        raise click.ClickException(str(exc)) from None
    when = "setahun" if real.quarter == 0 else f"TW {real.quarter}"
    click.echo(f"Realisasi {indicator.key} {real.year} ({when}) diisi: {real.printed}")
    click.echo(real.note)
    for w in real.fill_warnings:
        click.echo(f"Peringatan: {w}")
