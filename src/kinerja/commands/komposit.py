"""`kinerja komposit`: an indicator measured as a weighted sum of percentages, computed from a
definition file (components and weights, the year's inputs, and optionally the indicator the
definition belongs to), with its working shown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import yaml

from kinerja.commands.indeks import prepare, save, store_options
from kinerja.core.indices import composite
from kinerja.core.indices.common import IndeksError
from kinerja.io.records import echo_json, fail


def read_file(path: Path) -> tuple[composite.DefinisiKomposit, dict[str, composite.Masukan],
                                   str | None]:
    """The definition, the inputs and the indicator key (`indikator`, optional) of a YAML or
    JSON file with the keys `definisi`, `masukan` and `indikator`."""
    try:
        text = path.read_text(encoding="utf-8")
        data: Any = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except FileNotFoundError:
        fail([f"{path}: berkas tidak ditemukan"])
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
        fail([f"{path.name}: berkas tidak dapat dibaca ({exc})"])
    if not isinstance(data, dict) or "definisi" not in data or "masukan" not in data:
        fail([f"{path.name}: harus memuat 'definisi' (nama, komponen dengan bobot) dan "
              "'masukan' (nilai tiap komponen)"])
    try:
        definisi = composite.definisi_dari_dict(data["definisi"])
        masukan = composite.masukan_dari_dict(data["masukan"])
    except IndeksError as exc:
        fail([f"{path.name}: {exc}"])
    indikator = data.get("indikator")
    return definisi, masukan, (str(indikator) if indikator else None)


@click.group(name="komposit")
def komposit() -> None:
    """Indeks komposit: jumlah tertimbang persentase komponen."""


@komposit.command("hitung")
@click.argument("berkas", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["teks", "json"]), default="teks",
              show_default=True)
@store_options
def hitung(berkas: Path, fmt: str, pd_slug: str | None, tahun: int | None,
           isi_iku: str | None, triwulan: int, database_url: str | None) -> None:
    """Hitung indeks komposit dari BERKAS definisi (YAML/JSON: definisi, masukan, indikator).
    Dengan --pd dan --tahun hasilnya disimpan; indikator yang disebut di berkas (atau
    --isi-iku) diisi realisasinya dari hasil itu."""
    definisi, masukan, indikator = read_file(berkas)
    if pd_slug is not None and isi_iku is None:
        isi_iku = indikator
    tujuan = prepare(pd_slug, tahun, isi_iku, triwulan, database_url)
    try:
        result = composite.hitung(definisi, masukan)
    except IndeksError as exc:
        fail([f"{berkas.name}: {exc}"])
    if fmt == "json":
        echo_json(result.to_dict())
    else:
        click.echo(result.kerja())
    save(tujuan, "komposit", result, berkas, name=definisi.nama,
         settings={"indikator": indikator} if indikator else None)
