"""The `kinerja` command. Each sub-command lives in its own module under
`kinerja.commands` and is loaded only when it is called, so `kinerja --help` stays fast and a
feature that is not installed yet (for example the web application) simply does not appear."""

from __future__ import annotations

import importlib
import importlib.util

import click

from kinerja import __version__

# name -> (module, attribute, one-line help in Bahasa Indonesia)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "audit": ("kinerja.commands.audit", "audit",
              "Periksa tabel dokumen dan daftar setiap kesalahannya."),
    "ipasn": ("kinerja.commands.ipasn", "ipasn", "Indeks Profesionalitas ASN dari data pegawai."),
    "ikm": ("kinerja.commands.ikm", "ikm", "Indeks Kepuasan Masyarakat dari data survei."),
    "lke": ("kinerja.commands.lke", "lke", "Nilai evaluasi SAKIP (LKE) dari jawaban kriteria."),
    "merit": ("kinerja.commands.merit", "merit", "Indeks Sistem Merit dari penilaian mandiri."),
    "nspk": ("kinerja.commands.nspk", "nspk", "Indeks NSPK Manajemen ASN dari penilaian mandiri."),
    "komposit": ("kinerja.commands.komposit", "komposit",
                 "Indeks komposit: jumlah tertimbang persentase komponen."),
    "indeks": ("kinerja.commands.indeks", "indeks", "Daftar hasil indeks yang tersimpan."),
    "pd": ("kinerja.commands.pd", "pd", "Kelola Perangkat Daerah."),
    "import": ("kinerja.commands.record", "import_", "Muat tabel dokumen ke dalam catatan."),
    "export": ("kinerja.commands.record", "export",
               "Ekspor seluruh catatan satu Perangkat Daerah."),
    "restore": ("kinerja.commands.record", "restore", "Pulihkan catatan dari berkas ekspor."),
    "demo": ("kinerja.commands.demo", "demo", "Bangun basis data demo dan jalankan aplikasi."),
    "serve": ("kinerja.commands.serve", "serve", "Jalankan aplikasi web pada basis data yang ada."),
    "token": ("kinerja.commands.token", "token", "Kelola token API pengguna."),
    "tabel": ("kinerja.commands.tabel", "tabel", "Daftar dan buat tabel resmi dari catatan."),
    "lkjip": ("kinerja.commands.lkjip", "lkjip", "Buat draf LKjIP (DOCX/PDF) dari catatan."),
    "pk": ("kinerja.commands.pk", "pk", "Buat dokumen Perjanjian Kinerja (DOCX/PDF) dari catatan."),
}


def _available(name: str) -> bool:
    module = COMMANDS[name][0]
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(n for n in COMMANDS if _available(n))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not _available(cmd_name):
            return None
        module, attr, _ = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(n, COMMANDS[n][2]) for n in self.list_commands(ctx)]
        if rows:
            with formatter.section("Perintah"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kinerja")
def main() -> None:
    """kinerja: perencanaan, pengukuran dan pelaporan kinerja Perangkat Daerah (SAKIP).

    Satu catatan rencana, indikator, target, realisasi dan anggaran; setiap tabel resmi
    diturunkan darinya; dan pemeriksa yang membaca tabel dari dokumen yang ada lalu
    mendaftar setiap kesalahannya.
    """


if __name__ == "__main__":  # pragma: no cover
    main()
