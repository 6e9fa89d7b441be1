"""`kinerja lke`: SAKIP evaluation scores (LKE) from criterion answers, and the follow-up of
the evaluation's recommendations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from kinerja.commands.indeks import prepare, save, store_options
from kinerja.core.indices import lke as core
from kinerja.core.indices.common import IndeksError, fmt_id
from kinerja.io.records import (
    Checker,
    RecordsError,
    echo_json,
    fail,
    parse_date,
    read_records,
)


def read_answers(path: Path, struktur: core.Struktur) -> list[core.JawabanKriteria]:
    """Rows `komponen, subkomponen, kriteria, jawaban` (and optionally `penilai`), each
    checked against the structure so every bad row is reported with its column."""
    table = read_records(path, required=("komponen", "subkomponen", "jawaban"),
                         aliases={"sub_komponen": "subkomponen", "nilai": "jawaban",
                                  "kriteria_penilaian": "kriteria"})
    check = Checker(table)
    out: list[core.JawabanKriteria] = []
    penilai_options = {p: p for p in core.PENILAI}
    for rec in table.records:
        komponen = check.text(rec, "komponen")
        sub = check.text(rec, "subkomponen")
        jawaban = check.text(rec, "jawaban")
        penilai = "evaluator"
        if "penilai" in table.columns:
            penilai = check.choice(rec, "penilai", penilai_options) or "evaluator"
        if komponen and sub:
            try:
                struktur.cari(komponen, sub)
            except IndeksError as exc:
                column = "komponen" if str(exc).startswith("komponen") else "subkomponen"
                check.error(rec, column, str(exc))
        if jawaban:
            try:
                core.nilai_jawaban(jawaban)
            except IndeksError as exc:
                check.error(rec, "jawaban", str(exc))
        out.append(core.JawabanKriteria(komponen or "", sub or "", rec.text("kriteria"),
                                        jawaban or "", penilai, rec.baris))
    if not out:
        check.error(None, None, "tidak ada baris jawaban")
    check.raise_if_any()
    return out


@click.group(name="lke")
def lke() -> None:
    """Evaluasi SAKIP (LKE, PermenPANRB 88/2021)."""


@lke.command("hitung")
@click.argument("berkas", type=click.Path(path_type=Path))
@click.option("--struktur", type=click.Choice(sorted(core.STRUKTUR)), default="88/2021",
              show_default=True, help="Struktur LKE: PermenPANRB 88/2021 atau 12/2015.")
@click.option("--format", "fmt", type=click.Choice(["teks", "json"]), default="teks",
              show_default=True)
@store_options
def hitung(berkas: Path, struktur: str, fmt: str, pd_slug: str | None, tahun: int | None,
           isi_iku: str | None, triwulan: int, database_url: str | None) -> None:
    """Hitung nilai LKE dari BERKAS jawaban (komponen, subkomponen, kriteria, jawaban AA … E).
    Dengan --pd dan --tahun nilainya disimpan sebagai evaluasi SAKIP PD tahun itu; --isi-iku
    mengisi realisasi IKU (mis. nilai SAKIP) darinya."""
    tujuan = prepare(pd_slug, tahun, isi_iku, triwulan, database_url)
    s = core.STRUKTUR[struktur]
    try:
        result = core.evaluasi(s, read_answers(berkas, s))
    except RecordsError as exc:
        fail(exc.masalah)
    except IndeksError as exc:
        fail([f"{berkas.name}: {exc}"])
    if fmt == "json":
        echo_json(result.to_dict())
    else:
        _print(s, result)
    if tujuan is not None:
        from kinerja.store.services.indices import store_lke

        ev = store_lke(tujuan.agency, tujuan.year, result)
        click.echo(f"Evaluasi SAKIP {ev.year} PD {tujuan.agency.slug} tersimpan: nilai "
                   f"{fmt_id(ev.score, 2) if ev.score is not None else '-'} → {ev.grade}",
                   err=True)
        save(tujuan, "lke", result, berkas)


def _print(s: core.Struktur, result: core.EvaluasiLke) -> None:
    console = Console()
    for h in result.hasil:
        table = Table(title=f"{s.nama} — penilaian {h.penilai}")
        table.add_column("Komponen / subkomponen")
        table.add_column("Bobot", justify="right")
        table.add_column("Kriteria", justify="right")
        table.add_column("Rata-rata %", justify="right")
        table.add_column("Nilai", justify="right")
        for k in h.komponen:
            table.add_row(f"[bold]{k.komponen.kode}. {k.komponen.nama}[/bold]",
                          fmt_id(k.komponen.bobot), "", "", f"[bold]{fmt_id(k.nilai, 2)}[/bold]")
            for sub in k.sub:
                avg = "-" if sub.rata_rata is None else fmt_id(sub.rata_rata, 2)
                table.add_row(f"   {sub.sub.kode}. {sub.sub.nama}", fmt_id(sub.sub.bobot),
                              str(sub.kriteria), avg, fmt_id(sub.nilai, 2))
        table.add_row("[bold]Jumlah[/bold]", fmt_id(s.bobot_total), "", "",
                      f"[bold]{fmt_id(h.total, 2)}[/bold]")
        console.print(table)
        console.print(f"Nilai {h.penilai}: {h.kerja()}")
        for w in h.peringatan:
            console.print(f"[yellow]Peringatan:[/yellow] {w}")


def read_recommendations(path: Path) -> list[core.Rekomendasi]:
    """Rows `rekomendasi, rencana_aksi, penanggung_jawab, status, bukti, batas_waktu` (and
    optionally `nomor`, `tanggal_selesai`)."""
    table = read_records(path, required=("rekomendasi", "status"),
                         aliases={"tindak_lanjut": "rencana_aksi", "unit": "penanggung_jawab",
                                  "pj": "penanggung_jawab", "tenggat": "batas_waktu",
                                  "no": "nomor"})
    check = Checker(table)
    out: list[core.Rekomendasi] = []
    for rec in table.records:
        text = check.text(rec, "rekomendasi")
        status = core.StatusTL.BELUM
        raw_status = check.text(rec, "status")
        if raw_status:
            try:
                status = core.status_dari_teks(raw_status)
            except IndeksError as exc:
                check.error(rec, "status", str(exc))
        due = check.date(rec, "batas_waktu", required=False)
        done = check.date(rec, "tanggal_selesai", required=False)
        out.append(core.Rekomendasi(
            rekomendasi=text or "", rencana_aksi=rec.text("rencana_aksi"),
            penanggung_jawab=rec.text("penanggung_jawab"), status=status,
            bukti=rec.text("bukti"), batas_waktu=due, tanggal_selesai=done,
            nomor=rec.text("nomor") or str(len(out) + 1),
        ))
    check.raise_if_any()
    return out


@lke.command("rekomendasi")
@click.argument("berkas", type=click.Path(path_type=Path))
@click.option("--tanggal", default=None, help="Tanggal acuan (YYYY-MM-DD); bawaan hari ini.")
@click.option("--format", "fmt", type=click.Choice(["teks", "json"]), default="teks",
              show_default=True)
@click.option("--pd", "pd_slug", default=None, metavar="SLUG",
              help="Simpan rekomendasi ke evaluasi SAKIP PD ini.")
@click.option("--tahun", type=click.IntRange(1900, 2200), default=None,
              help="Tahun evaluasi SAKIP (wajib bersama --pd).")
@click.option("--database-url", envvar="DATABASE_URL", default=None,
              help="Basis data (bawaan: SQLite di $KINERJA_HOME/kinerja.sqlite3).")
def rekomendasi(berkas: Path, tanggal: str | None, fmt: str, pd_slug: str | None,
                tahun: int | None, database_url: str | None) -> None:
    """Rekap tindak lanjut rekomendasi hasil evaluasi dari BERKAS. Dengan --pd dan --tahun
    rekomendasi disimpan (nomor yang sama diperbarui) pada evaluasi SAKIP PD tahun itu, dan
    rekapnya mencakup semua rekomendasi evaluasi itu yang tersimpan."""
    when = date.today()
    if tanggal is not None:
        parsed = parse_date(tanggal)
        if parsed is None:
            fail([f"--tanggal: '{tanggal}' bukan tanggal (contoh: 2024-12-31)"])
        when = parsed
    tujuan = prepare(pd_slug, tahun, None, 0, database_url)
    try:
        items = read_recommendations(berkas)
    except RecordsError as exc:
        fail(exc.masalah)
    if tujuan is None:
        result = core.rekap_rekomendasi(items, when)
    else:
        result = _store_recommendations(tujuan.agency, tujuan.year, items, when)
    if fmt == "json":
        echo_json(result.to_dict())
        return
    console = Console()
    table = Table(title=f"Tindak lanjut rekomendasi per {when.isoformat()}")
    for col in ("No", "Rekomendasi", "Penanggung jawab", "Status", "Batas waktu"):
        table.add_column(col)
    late = {id(r) for r in result.terlambat}
    for r in result.rekomendasi:
        due = r.batas_waktu.isoformat() if r.batas_waktu else "-"
        if id(r) in late:
            due = f"[red]{due} (terlambat)[/red]"
        table.add_row(r.nomor, r.rekomendasi, r.penanggung_jawab, r.status.value, due)
    console.print(table)
    counts = ", ".join(f"{s.value} {n}" for s, n in result.per_status.items())
    pct = result.selesai_persen
    console.print(f"Jumlah {len(result.rekomendasi)}: {counts}; selesai "
                  f"{fmt_id(pct, 2) if pct is not None else '-'} %; terlambat "
                  f"{len(result.terlambat)}.")


def _store_recommendations(agency: object, year: int, items: list[core.Rekomendasi],
                           when: date) -> core.RekapRekomendasi:
    """Store the recommendations on the agency's SAKIP evaluation of `year`; the summary of
    every recommendation of that evaluation."""
    from django.db import transaction

    from kinerja.store.services.indices import (
        IndexStoreError,
        evaluation_for,
        recommendation_summary,
        store_recommendations,
    )

    try:
        with transaction.atomic():
            ev, created = evaluation_for(agency, year)  # type: ignore[arg-type]
            stored = store_recommendations(ev, items, today=when)
    except IndexStoreError as exc:
        raise click.ClickException(str(exc)) from None
    if created:
        click.echo(f"Evaluasi SAKIP {year} belum ada; dibuat tanpa nilai (isi dengan "
                   f"kinerja lke hitung … --pd … --tahun {year}).", err=True)
    click.echo(f"{len(stored)} rekomendasi tersimpan pada evaluasi SAKIP {year}.", err=True)
    return recommendation_summary(ev, when)
