"""Reading document tables (CSV with its `.meta.yaml`, or the first sheet of an `.xlsx`).

A file that is not a document table raises `DocTableError` with one message in Bahasa
Indonesia; a bad cell is never an error here (the audit reports it as a finding).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

from kinerja.core.doctable import KIND_COLUMNS, REQUIRED_COLUMNS, DocTable, Row, build_hierarchy


class DocTableError(Exception):
    """An input that cannot be used as a document table; str() is the message for the user."""


def meta_path(path: Path) -> Path:
    """The meta file beside a table file: NAME.csv -> NAME.meta.yaml."""
    return path.with_name(path.name.rsplit(".", 1)[0] + ".meta.yaml")


def read_meta(path: Path) -> dict[str, Any]:
    """The meta data of a table file."""
    mp = meta_path(path)
    if not mp.is_file():
        raise DocTableError(f"{path}: berkas meta {mp.name} tidak ditemukan")
    try:
        data = yaml.safe_load(mp.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DocTableError(f"{mp}: berkas meta tidak dapat dibaca ({exc})") from None
    if not isinstance(data, dict):
        raise DocTableError(f"{mp}: berkas meta bukan pemetaan YAML")
    return data


def read_table(path: str | Path) -> DocTable:
    """Read one document table (CSV for now) with its meta file and build its hierarchy."""
    p = Path(path)
    meta = read_meta(p)
    kind = str(meta.get("kind") or "")
    if kind not in KIND_COLUMNS:
        raise DocTableError(
            f"{p}: jenis tabel '{kind}' tidak dikenal; yang dikenal: {', '.join(KIND_COLUMNS)}"
        )
    try:
        with p.open(encoding="utf-8", newline="") as fh:
            records = list(csv.reader(fh))
    except UnicodeDecodeError:
        raise DocTableError(f"{p}: berkas bukan teks UTF-8") from None
    if not records:
        raise DocTableError(f"{p}: berkas kosong, tidak ada baris judul kolom")
    header = [h.strip() for h in records[0]]
    missing = [c for c in REQUIRED_COLUMNS[kind] if c not in header]
    if missing:
        raise DocTableError(f"{p}: kolom wajib tidak ada: {', '.join(missing)}")
    rows: list[Row] = []
    for i, rec in enumerate(records[1:], start=1):
        cells = {h: (rec[j] if j < len(rec) else "") for j, h in enumerate(header)}
        rows.append(Row(number=i, cells=cells, level=cells.get("level", "").strip()))
    build_hierarchy(rows)
    return DocTable(path=str(p), kind=kind, meta=meta, columns=header, rows=rows)
