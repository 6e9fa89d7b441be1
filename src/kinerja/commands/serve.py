"""`kinerja serve`: serve the web application on an existing record (SQLite by default, or
`DATABASE_URL`), with the settings of a server (see `kinerja.web.server`)."""

from __future__ import annotations

import click


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Alamat yang didengar (0.0.0.0 untuk semua antarmuka).")
@click.option("--port", default=8000, show_default=True, type=int, help="Port.")
@click.option("--database-url", envvar="DATABASE_URL", default=None,
              help="Basis data (bawaan: SQLite di $KINERJA_HOME/kinerja.sqlite3).")
@click.option("--threads", default=8, show_default=True, type=int,
              help="Jumlah utas server.")
def serve(host: str, port: int, database_url: str | None, threads: int) -> None:
    """Jalankan aplikasi web pada basis data yang ada. Di luar mode demo, SECRET_KEY wajib
    diatur di lingkungan; KINERJA_HTTPS=1 di belakang proxy HTTPS."""
    from kinerja.web.server import ServerError
    from kinerja.web.server import serve as run

    try:
        run(host, port, demo=False, database_url=database_url, threads=threads)
    except ServerError as exc:
        raise click.ClickException(str(exc)) from None
