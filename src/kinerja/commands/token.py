"""`kinerja token`: API tokens of users (`buat` makes one and shows its secret once,
`daftar` lists a user's tokens, `cabut` revokes one)."""

from __future__ import annotations

import click

_DB_OPTION = click.option("--database-url", envvar="DATABASE_URL", default=None,
                          help="Basis data (bawaan: SQLite di $KINERJA_HOME/kinerja.sqlite3).")


def _user(username: str):  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise click.ClickException(f"pengguna '{username}' tidak ditemukan")
    return user


@click.group("token")
def token() -> None:
    """Kelola token API pengguna (Authorization: Bearer <token>)."""


@token.command("buat")
@click.argument("username")
@click.option("--nama", default="", help="Nama token, misalnya aplikasi yang memakainya.")
@_DB_OPTION
def buat(username: str, nama: str, database_url: str | None) -> None:
    """Buat token API untuk USERNAME; rahasianya ditampilkan sekali ini saja."""
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)
    from kinerja.web.api.models import ApiToken

    _, secret = ApiToken.issue(_user(username), nama)
    click.echo(secret)
    click.echo(f"Token untuk {username} dibuat. Simpan sekarang: rahasia ini tidak dapat "
               "ditampilkan lagi.", err=True)


@token.command("daftar")
@click.argument("username")
@_DB_OPTION
def daftar(username: str, database_url: str | None) -> None:
    """Daftar token API milik USERNAME."""
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)
    from kinerja.web.api.models import ApiToken

    for t in ApiToken.objects.filter(user=_user(username)).order_by("created_at"):
        state = "dicabut" if t.revoked_at else "aktif"
        used = f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "belum dipakai"
        click.echo(f"{t.pk}\t{t.hint}…\t{state}\t{t.name or '-'}\t{used}")


@token.command("cabut")
@click.argument("token_id", type=int)
@_DB_OPTION
def cabut(token_id: int, database_url: str | None) -> None:
    """Cabut token API dengan nomor TOKEN_ID (lihat: kinerja token daftar)."""
    from kinerja.store.bootstrap import setup

    setup(database_url, migrate=True)
    from kinerja.web.api.models import ApiToken

    t = ApiToken.objects.filter(pk=token_id).first()
    if t is None:
        raise click.ClickException(f"token {token_id} tidak ditemukan")
    t.revoke()
    click.echo(f"Token {token_id} dicabut.")
