"""`kinerja ikm`: the satisfaction index (IKM / SKM, PermenPANRB 14/2017) from survey answers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from kinerja.commands.indeks import prepare, save, store_options
from kinerja.core.indices import ikm as core
from kinerja.core.indices.common import IndeksError, fmt_id
from kinerja.io.records import Checker, RecordsError, echo_json, fail, read_records

_SCORES = {"1": 1, "2": 2, "3": 3, "4": 4}


def read_survey(path: Path) -> tuple[list[core.Jawaban], list[str]]:
    """The respondents of a survey file: `responden` (optional), `layanan` and `unit`
    (optional), `u1` … `u9` and any extra `u10` … columns, each 1–4 or empty."""
    table = read_records(path, aliases={"nama_responden": "responden", "no": "responden",
                                        "jenis_layanan": "layanan"})
    codes = core.element_codes(table.columns)
    check = Checker(table)
    if not codes:
        check.error(None, None, "tidak ada kolom unsur (u1, u2, … u9)")
        check.raise_if_any()
    answers: list[core.Jawaban] = []
    for rec in table.records:
        skor: dict[str, int | None] = {}
        for code in codes:
            value = check.number(rec, code, required=False, minimum=Decimal(1),
                                 maximum=Decimal(4), integer=True)
            skor[code] = None if value is None else int(value)
        answers.append(core.Jawaban(
            responden=rec.text("responden") or f"baris {rec.baris}",
            skor=skor,
            layanan=rec.text("layanan") or None,
            unit=rec.text("unit") or None,
            baris=rec.baris,
        ))
    if not answers:
        check.error(None, None, "tidak ada baris responden")
    check.raise_if_any()
    return answers, codes


@click.group(name="ikm")
def ikm() -> None:
    """Indeks Kepuasan Masyarakat (PermenPANRB 14/2017)."""


@ikm.command("hitung")
@click.argument("berkas", type=click.Path(path_type=Path))
@click.option("--populasi", type=click.IntRange(min=1), default=None,
              help="Jumlah populasi pengguna layanan, untuk sampel minimum (Krejcie–Morgan).")
@click.option("--nama", default="Unit pelayanan", show_default=True, help="Nama unit pelayanan.")
@click.option("--terendah", type=click.IntRange(min=1), default=3, show_default=True,
              help="Jumlah unsur terendah yang dilaporkan.")
@click.option("--format", "fmt", type=click.Choice(["teks", "json"]), default="teks",
              show_default=True)
@store_options
def hitung(berkas: Path, populasi: int | None, nama: str, terendah: int, fmt: str,
           pd_slug: str | None, tahun: int | None, isi_iku: str | None, triwulan: int,
           database_url: str | None) -> None:
    """Hitung IKM dari BERKAS survei (CSV/XLSX: responden, layanan, u1 … u9). Dengan --pd dan
    --tahun hasilnya disimpan di catatan PD; --isi-iku mengisi realisasi IKU darinya."""
    tujuan = prepare(pd_slug, tahun, isi_iku, triwulan, database_url)
    try:
        answers, codes = read_survey(berkas)
        result = core.hitung(answers, codes, populasi=populasi, nama=nama, terendah=terendah)
    except RecordsError as exc:
        fail(exc.masalah)
    except IndeksError as exc:
        fail([f"{berkas.name}: {exc}"])
    if fmt == "json":
        echo_json(result.to_dict())
    else:
        _print(result)
    save(tujuan, "ikm", result, berkas)


def _print(result: core.HasilIkm) -> None:
    console = Console()
    table = Table(title=f"IKM {result.nama} — {result.responden} responden")
    table.add_column("Unsur")
    table.add_column("Nama")
    table.add_column("Dijawab", justify="right")
    table.add_column("NRR", justify="right")
    weakest = {u.kode for u in result.unsur_terendah}
    for u in result.unsur:
        nrr = "-" if u.nrr is None else fmt_id(u.nrr, 4)
        mark = " ▼" if u.kode in weakest else ""
        table.add_row(u.kode, u.nama, str(u.dijawab), nrr + mark)
    console.print(table)
    console.print(result.kerja())
    console.print(f"Mutu pelayanan: [bold]{result.mutu.code}[/bold] — kinerja unit "
                  f"{result.mutu.label}")
    jarak = result.jarak_ke_mutu_berikutnya
    if jarak is not None:
        console.print(f"Kurang {fmt_id(jarak[1], 2)} poin untuk mutu {jarak[0].code} "
                      f"({jarak[0].label}).")
    console.print("Unsur terendah: " + ", ".join(
        f"{u.kode} {u.nama} ({fmt_id(u.nrr, 4) if u.nrr is not None else '-'})"
        for u in result.unsur_terendah))
    if result.sampel_minimum is not None:
        console.print(f"Sampel minimum untuk populasi {fmt_id(result.populasi or 0)}: "
                      f"{result.sampel_minimum} (Krejcie–Morgan)")
    for title, groups in (("unit", result.per_unit), ("layanan", result.per_layanan)):
        if groups:
            t = Table(title=f"IKM per {title}")
            t.add_column(title.capitalize())
            t.add_column("Responden", justify="right")
            t.add_column("IKM", justify="right")
            t.add_column("Mutu")
            for g in groups:
                t.add_row(g.nama, str(g.responden), fmt_id(g.ikm, 2),
                          f"{g.mutu.code} ({g.mutu.label})")
            console.print(t)
    for w in result.peringatan:
        console.print(f"[yellow]Peringatan:[/yellow] {w}")

