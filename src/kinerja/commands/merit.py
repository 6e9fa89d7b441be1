"""`kinerja merit`: Indeks Sistem Merit from a filled self-assessment. The command group is
built by `form_group`, which `kinerja nspk` uses too."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
import yaml
from rich.console import Console
from rich.table import Table

from kinerja.commands.indeks import prepare, save, store_options
from kinerja.core.indices import formulir
from kinerja.core.indices import merit as core
from kinerja.core.indices.common import IndeksError, fmt_id
from kinerja.io.records import Checker, RecordsError, echo_json, fail, read_records

ANSWER_ALIASES = {"butir": "kode", "unsur": "kode", "kode_butir": "kode", "no": "kode",
                  "jawaban": "nilai", "skor": "nilai", "level": "nilai"}


def read_answers(path: Path, form: formulir.Formulir) -> list[formulir.JawabanButir]:
    """Rows `kode, nilai` (and optionally `bukti`): the item code (or an element's code or
    name when it has one item) and the answer (a value or an option's label)."""
    table = read_records(path, required=("kode", "nilai"), aliases=ANSWER_ALIASES)
    check = Checker(table)
    out: list[formulir.JawabanButir] = []
    seen: dict[str, int] = {}
    for rec in table.records:
        code = check.text(rec, "kode")
        raw = rec.get("nilai")
        answer = rec.text("nilai")
        if not answer:
            continue  # an unanswered item: the form is reported incomplete
        if code is None:
            continue
        try:
            _, butir = form.cari(code)
        except IndeksError as exc:
            check.error(rec, "kode", str(exc))
            continue
        if butir.kode in seen:
            check.error(rec, "kode",
                        f"butir {butir.kode} sudah dijawab di baris {seen[butir.kode]}")
            continue
        seen[butir.kode] = rec.baris
        value: str | Decimal = raw if isinstance(raw, Decimal) else answer
        try:
            butir.baca(value)
        except IndeksError as exc:
            check.error(rec, "nilai", str(exc))
            continue
        out.append(formulir.JawabanButir(butir.kode, value, rec.text("bukti"), rec.baris))
    check.raise_if_any()
    return out


def read_definition(path: Path, load: Callable[[Mapping[str, Any]], formulir.Formulir]
                    ) -> formulir.Formulir:
    """A form definition file (YAML or JSON) on top of the default form."""
    if not path.is_file():
        fail([f"{path}: berkas definisi tidak ditemukan"])
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
        fail([f"{path.name}: definisi tidak dapat dibaca ({type(exc).__name__})"])
    try:
        return load(data)
    except IndeksError as exc:
        fail([f"{path.name}: {exc}"])


def form_group(
    name: str,
    help_text: str,
    default: formulir.Formulir,
    load: Callable[[Mapping[str, Any]], formulir.Formulir],
) -> click.Group:
    """A command group `NAME hitung FILE` and `NAME formulir` for a self-assessment form."""

    @click.group(name=name, help=help_text)
    def group() -> None:
        pass

    @group.command("hitung")
    @click.argument("berkas", type=click.Path(path_type=Path))
    @click.option("--definisi", type=click.Path(path_type=Path), default=None,
                  help="Berkas definisi formulir (YAML/JSON) pengganti bawaan.")
    @click.option("--format", "fmt", type=click.Choice(["teks", "json"]), default="teks",
                  show_default=True)
    @store_options
    def hitung(berkas: Path, definisi: Path | None, fmt: str, pd_slug: str | None,
               tahun: int | None, isi_iku: str | None, triwulan: int,
               database_url: str | None) -> None:
        """Hitung skor, indeks dan kategori dari BERKAS jawaban (CSV/XLSX: kode, nilai).
        Dengan --pd dan --tahun hasilnya disimpan di catatan PD; --isi-iku mengisi realisasi
        IKU dari indeksnya."""
        form = default if definisi is None else read_definition(definisi, load)
        tujuan = prepare(pd_slug, tahun, isi_iku, triwulan, database_url)
        try:
            result = formulir.hitung(form, read_answers(berkas, form))
        except RecordsError as exc:
            fail(exc.masalah)
        except IndeksError as exc:
            fail([f"{berkas.name}: {exc}"])
        if fmt == "json":
            echo_json(result.to_dict())
        else:
            print_result(result)
        extra = None if definisi is None else {"definisi": definisi.name}
        save(tujuan, name, result, berkas, settings=extra)

    @group.command("formulir")
    @click.option("--definisi", type=click.Path(path_type=Path), default=None,
                  help="Berkas definisi formulir (YAML/JSON) pengganti bawaan.")
    @click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml",
                  show_default=True)
    def show(definisi: Path | None, fmt: str) -> None:
        """Tampilkan definisi formulir (bawaan atau dari berkas) sebagai templat."""
        form = default if definisi is None else read_definition(definisi, load)
        data = formulir.ke_dict(form)
        if fmt == "json":
            echo_json(data)
        else:
            click.echo(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), nl=False)

    return group


def print_result(result: formulir.HasilFormulir) -> None:
    """A readable table of a filled form."""
    console = Console()
    table = Table(title=result.formulir.nama)
    table.add_column("Kode")
    table.add_column("Aspek / unsur")
    table.add_column("Dijawab", justify="right")
    table.add_column("Rata-rata", justify="right")
    table.add_column("Kontribusi", justify="right")
    for a in result.aspek:
        avg = a.rata_rata
        table.add_row(a.aspek.kode, a.aspek.nama,
                      f"{sum(1 for b in a.butir if b.nilai is not None)}/{len(a.butir)}",
                      "-" if avg is None else fmt_id(avg, 2), fmt_id(a.kontribusi, 2))
    console.print(table)
    f = result.formulir
    console.print(f"Skor {fmt_id(result.skor, 2)}; indeks "
                  f"{fmt_id(result.indeks, f.desimal_indeks)}; kategori "
                  f"{result.kategori.code} ({result.kategori.label})")
    if f.belum_terkonfirmasi or f.skala.unconfirmed:
        console.print(f"[yellow]Belum terkonfirmasi:[/yellow] {f.catatan}")
    for w in result.peringatan:
        console.print(f"[yellow]Peringatan:[/yellow] {w}")


merit = form_group("merit", "Indeks Sistem Merit (penilaian mandiri KASN).", core.FORMULIR,
                   core.dari_dict)
