"""`kinerja demo`: build the demo database (three seed agencies, demo users of every role) and
serve it with the web application at http://127.0.0.1:8000 (`--no-serve`: only build)."""

from __future__ import annotations

import os

import click


@click.command("demo")
@click.option("--no-serve", is_flag=True, help="Hanya bangun basis data, jangan jalankan web.")
@click.option("--database-url", envvar="DATABASE_URL", default=None,
              help="Basis data (bawaan: SQLite di $KINERJA_HOME/kinerja.sqlite3).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Alamat aplikasi web.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port aplikasi web.")
def demo(no_serve: bool, database_url: str | None, host: str, port: int) -> None:
    """Bangun basis data demo: PD Paser, Kutai Kartanegara dan Samarinda dimuat dari tabel
    bawaan, dengan pengguna demo untuk setiap peran. Dapat dijalankan berulang."""
    os.environ.setdefault("KINERJA_DEMO", "1")
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)
    from django.conf import settings

    from kinerja.store.services import demo as service

    click.echo("Membangun basis data demo …")
    results, users = service.build()
    for r in results:
        errors = sum(1 for f in r.findings if f.severity == "error")
        click.echo(f"  {r.source.agency.slug:<10} {r.source.file_name:<40} {r.status:<14} "
                   f"{len(r.findings)} temuan ({errors} kesalahan)")
    db = settings.DATABASES["default"]
    click.echo(f"Basis data: {db['NAME']}")
    click.echo("Pengguna demo (nama pengguna, kata sandi, peran, cakupan):")
    for line in service.describe_users(users):
        click.echo(f"  {line}")
    click.echo("Coba: kinerja export --pd paser")
    if no_serve:
        return
    from kinerja.web.server import serve

    click.echo(f"Buka http://{host}:{port}/ dan masuk dengan salah satu pengguna di atas "
               f"(mis. perencana-paser / {users[0].password if users else ''}).")
    serve(host, port, demo=True, database_url=database_url)
