"""`kinerja pd`: manage agencies (perangkat daerah) from the command line."""

from __future__ import annotations

import click


@click.group()
@click.option("--database-url", envvar="DATABASE_URL", default=None,
              help="Basis data (bawaan: SQLite di $KINERJA_HOME/kinerja.sqlite3).")
@click.pass_context
def pd(ctx: click.Context, database_url: str | None) -> None:
    """Kelola Perangkat Daerah (PD) dan pemerintah daerahnya."""
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)


@pd.command("tambah")
@click.argument("slug")
@click.option("--nama", required=True, help="Nama PD, mis. 'BKPSDM Kabupaten Paser'.")
@click.option("--pemda", required=True, help="Nama pemda, mis. 'Kabupaten Paser'.")
@click.option("--tingkat", required=True, type=click.Choice(["provinsi", "kabkota"]),
              help="Tingkat pemda.")
@click.option("--kode", default="", help="Kode organisasi PD.")
@click.option("--kode-wilayah", default="", help="Kode wilayah pemda (jika pemda baru).")
def tambah(slug: str, nama: str, pemda: str, tingkat: str, kode: str, kode_wilayah: str) -> None:
    """Tambah PD SLUG (dan pemdanya bila belum ada)."""
    from kinerja.store import auditing
    from kinerja.store.services.agencies import AgencyError, add_agency

    try:
        with auditing.acting_as(None, "cli"):
            agency, created, gov_created = add_agency(slug, nama, pemda, tingkat, org_code=kode,
                                                      region_code=kode_wilayah)
    except AgencyError as exc:
        raise click.ClickException(str(exc)) from None
    if gov_created:
        click.echo(f"Pemda baru: {agency.government.name} ({tingkat})")
    if created:
        click.echo(f"PD baru: {agency.slug} – {agency.name}")
    else:
        click.echo(f"PD {agency.slug} sudah ada – tidak ada perubahan")


@pd.command("daftar")
def daftar() -> None:
    """Daftar PD yang tercatat."""
    from kinerja.store.models import Agency

    rows = Agency.objects.select_related("government").order_by("government__name", "slug")
    if not rows:
        click.echo("Belum ada PD. Tambah dengan: kinerja pd tambah SLUG --nama ... --pemda ... "
                   "--tingkat kabkota")
    for a in rows:
        click.echo(f"{a.slug}\t{a.name}\t{a.government.name}")
