"""`kinerja ipasn`: Indeks Profesionalitas ASN (Peraturan BKN 8/2019) from a folder holding
`pegawai`, `pengembangan` and `hukuman_disiplin` (each .csv or .xlsx)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from kinerja.commands.indeks import prepare, save, store_options
from kinerja.core.indices import ipasn as core
from kinerja.core.indices.common import IndeksError, fmt_id
from kinerja.io.records import (
    Checker,
    Masalah,
    RecordsError,
    echo_json,
    fail,
    find_file,
    parse_date,
    read_records,
)

FILES = ("pegawai", "pengembangan", "hukuman_disiplin")
_YA_TIDAK = {"ya": True, "y": True, "tidak": False, "t": False, "sesuai": True,
             "tidak sesuai": False}


def read_folder(folder: Path
                ) -> tuple[list[core.Pegawai], list[core.Pengembangan], list[core.Hukuman]]:
    """The three files of a folder, every problem of every file reported at once."""
    if not folder.is_dir():
        raise RecordsError([Masalah(str(folder), None, None, "folder tidak ditemukan")])
    paths: dict[str, Path] = {}
    missing: list[Masalah] = []
    for stem in FILES:
        found = find_file(folder, stem)
        if found is None:
            missing.append(Masalah(str(folder), None, None,
                                   f"berkas {stem}.csv atau {stem}.xlsx tidak ada"))
        else:
            paths[stem] = found
    if missing:
        raise RecordsError(missing)
    problems: list[Masalah] = []
    pegawai: list[core.Pegawai] = []
    dev: list[core.Pengembangan] = []
    pen: list[core.Hukuman] = []
    try:
        pegawai = _read_pegawai(paths["pegawai"])
    except RecordsError as exc:
        problems.extend(exc.masalah)
    try:
        dev = _read_pengembangan(paths["pengembangan"])
    except RecordsError as exc:
        problems.extend(exc.masalah)
    try:
        pen = _read_hukuman(paths["hukuman_disiplin"])
    except RecordsError as exc:
        problems.extend(exc.masalah)
    if problems:
        raise RecordsError(problems)
    return pegawai, dev, pen


def _read_pegawai(path: Path) -> list[core.Pegawai]:
    table = read_records(path, required=("nip", "nama", "instansi", "jenis_jabatan",
                                         "pendidikan", "nilai_kinerja"),
                         aliases={"jabatan": "jenis_jabatan", "nilai_skp": "nilai_kinerja"})
    check = Checker(table)
    jabatan = {j.value: j for j in core.Jabatan}
    jabatan.update({"jf": core.Jabatan.FUNGSIONAL, "jpt pratama": core.Jabatan.JPT,
                    "jabatan pimpinan tinggi": core.Jabatan.JPT})
    out: list[core.Pegawai] = []
    seen: dict[str, int] = {}
    for rec in table.records:
        nip = check.text(rec, "nip")
        if nip:
            key = core.normalise_nip(nip)
            if key in seen:
                check.error(rec, "nip", f"NIP {nip} sudah tercantum di baris {seen[key]}")
                nip = None
            else:
                seen[key] = rec.baris
        nama = check.text(rec, "nama")
        instansi = check.text(rec, "instansi")
        kind = check.choice(rec, "jenis_jabatan", jabatan)
        edu = check.text(rec, "pendidikan")
        if edu and core.pendidikan_key(edu) is None:
            check.error(rec, "pendidikan", f"'{edu}' tidak dikenal; pilihan: "
                        + " | ".join(core.KUALIFIKASI))
            edu = None
        score = check.number(rec, "nilai_kinerja", required=False, minimum=Decimal(0),
                             maximum=Decimal(100))
        if nip and nama and instansi and kind and edu:
            out.append(core.Pegawai(nip, nama, instansi, kind, edu, score, rec.baris))
    check.raise_if_any()
    return out


def _read_pengembangan(path: Path) -> list[core.Pengembangan]:
    table = read_records(path, required=("nip", "jenis", "jp", "tanggal_selesai",
                                         "sesuai_jabatan"),
                         aliases={"jenis_pengembangan": "jenis", "jumlah_jp": "jp"})
    check = Checker(table)
    kinds = {k.value: k for k in core.JenisPengembangan}
    kinds.update({"pim": core.JenisPengembangan.KEPEMIMPINAN,
                  "diklat kepemimpinan": core.JenisPengembangan.KEPEMIMPINAN,
                  "workshop": core.JenisPengembangan.SEMINAR,
                  "lokakarya": core.JenisPengembangan.SEMINAR,
                  "kursus": core.JenisPengembangan.SEMINAR,
                  "magang": core.JenisPengembangan.SEMINAR})
    out: list[core.Pengembangan] = []
    for rec in table.records:
        nip = check.text(rec, "nip")
        kind = check.choice(rec, "jenis", kinds)
        jp = check.number(rec, "jp", required=kind is core.JenisPengembangan.TEKNIS,
                          minimum=Decimal(0))
        when = check.date(rec, "tanggal_selesai")
        fits = check.choice(rec, "sesuai_jabatan", _YA_TIDAK)
        if nip and kind and when and fits is not None:
            out.append(core.Pengembangan(nip, kind, jp or Decimal(0), when, fits, rec.baris))
    check.raise_if_any()
    return out


def _read_hukuman(path: Path) -> list[core.Hukuman]:
    table = read_records(path, required=("nip", "tingkat", "tanggal_keputusan"),
                         aliases={"tingkat_hukuman": "tingkat", "tanggal_sk": "tanggal_keputusan"})
    check = Checker(table)
    levels = {t.value: t for t in core.Tingkat}
    out: list[core.Hukuman] = []
    for rec in table.records:
        nip = check.text(rec, "nip")
        level = check.choice(rec, "tingkat", levels)
        when = check.date(rec, "tanggal_keputusan")
        if nip and level and when:
            out.append(core.Hukuman(nip, level, when, rec.baris))
    check.raise_if_any()
    return out


@click.group(name="ipasn")
def ipasn() -> None:
    """Indeks Profesionalitas ASN (Peraturan BKN 8/2019)."""


@ipasn.command("hitung")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--tanggal", required=True, help="Tanggal acuan (YYYY-MM-DD), mis. 2024-12-31.")
@click.option("--jendela-teknis", type=click.IntRange(min=1), default=2, show_default=True,
              help="Jendela pelatihan teknis (tahun) untuk JPT, administrator, pengawas dan "
                   "fungsional (pelaksana: 1 tahun menurut peraturan).")
@click.option("--tepi-eksklusif", is_flag=True,
              help="Tanggal tepat 1/2/5 tahun sebelum tanggal acuan tidak dihitung.")
@click.option("--pemerintah", default="Seluruh instansi", show_default=True,
              help="Nama baris rata-rata seluruh pegawai.")
@click.option("--format", "fmt", type=click.Choice(["teks", "json"]), default="teks",
              show_default=True)
@store_options
def hitung(folder: Path, tanggal: str, jendela_teknis: int, tepi_eksklusif: bool,
           pemerintah: str, fmt: str, pd_slug: str | None, tahun: int | None,
           isi_iku: str | None, triwulan: int, database_url: str | None) -> None:
    """Hitung IP ASN setiap pegawai dan rata-rata per instansi dari FOLDER. Dengan --pd dan
    --tahun rata-rata seluruh pegawai disimpan di catatan PD; --isi-iku mengisi realisasi IKU
    darinya."""
    tujuan = prepare(pd_slug, tahun, isi_iku, triwulan, database_url)
    when = parse_date(tanggal)
    if when is None:
        fail([f"--tanggal: '{tanggal}' bukan tanggal (contoh: 2024-12-31)"])
    cfg = core.Pengaturan(jendela_teknis_lainnya=jendela_teknis,
                          tepi_inklusif=not tepi_eksklusif)
    try:
        pegawai, dev, pen = read_folder(folder)
        result = core.hitung(pegawai, dev, pen, when, cfg, nama_pemerintah=pemerintah)
    except RecordsError as exc:
        fail(exc.masalah)
    except IndeksError as exc:
        fail([f"{folder}: {exc}"])
    if fmt == "json":
        echo_json(result.to_dict())
    else:
        _print(result)
    save(tujuan, "ipasn", result, folder)


def _print(result: core.HasilIpAsn) -> None:
    console = Console()
    t = Table(title=f"IP ASN per pegawai, tanggal acuan {result.tanggal.isoformat()}")
    for col in ("NIP", "Nama", "Jabatan", "Kual.", "Komp.", "Kin.", "Disp.", "Nilai", "Kategori"):
        t.add_column(col, justify="right" if col in ("Kual.", "Komp.", "Kin.", "Disp.",
                                                     "Nilai") else "left")
    for h in result.pegawai:
        p = h.pegawai
        t.add_row(p.nip, p.nama, p.jabatan.value, fmt_id(h.kualifikasi.nilai),
                  fmt_id(h.kompetensi.nilai), fmt_id(h.kinerja.nilai), fmt_id(h.disiplin.nilai),
                  fmt_id(h.nilai), h.kategori.label)
    console.print(t)
    for h in result.pegawai:
        console.print(f"[bold]{h.pegawai.nip}[/bold] {h.pegawai.nama}: kualifikasi "
                      f"{h.kualifikasi.alasan}; kompetensi {h.kompetensi.alasan}; "
                      f"{h.kinerja.alasan}; {h.disiplin.alasan}")
    rows = list(result.instansi)
    if result.pemerintah is not None and len(rows) > 1:
        rows.append(result.pemerintah)
    t = Table(title="IP ASN per instansi (rata-rata atas pegawai terukur)")
    for col in ("No", "Instansi", "Kategori", "Jumlah ASN", "Kualifikasi", "Kompetensi",
                "Kinerja", "Disiplin", "Nilai"):
        t.add_column(col, justify="left" if col in ("Instansi", "Kategori") else "right")
    for i, r in enumerate(rows, start=1):
        t.add_row(str(i) if i <= len(result.instansi) else "", r.instansi, r.kategori.label,
                  fmt_id(r.jumlah), fmt_id(r.kualifikasi, 2), fmt_id(r.kompetensi, 2),
                  fmt_id(r.kinerja, 2), fmt_id(r.disiplin, 2), fmt_id(r.nilai, 2))
    console.print(t)
    for p, why in result.tidak_diukur:
        console.print(f"[yellow]Tidak diukur:[/yellow] {p.nip} {p.nama}: {why}")
    for m in result.nip_bermasalah:
        where = f" (baris {m.baris})" if m.baris is not None else ""
        console.print(f"[red]NIP bermasalah:[/red] {m.nip}{where}: {'; '.join(m.masalah)}")
    for w in result.peringatan:
        console.print(f"[yellow]Peringatan:[/yellow] {w}")

