"""Reading document tables (`shared/spec/document-tables.md`): a CSV file or the first sheet of
an `.xlsx` workbook, each with its `NAME.meta.yaml` beside it.

Every cell is kept as the text a person sees in the source; nothing is corrected here. A file
that is not a document table (no meta file, unknown kind, missing required columns, not UTF-8,
binary, empty, an unknown `level`) raises `DocTableError` with one message in Bahasa Indonesia.
A bad cell is never an error here: the audit reports it as a finding.

Public API:

- `read_table(path) -> DocTable`: one table (`.csv` or `.xlsx`) with its meta data and hierarchy.
- `find_tables(paths) -> list[Path]`: the table files named by files and folders.
- `read_meta(path)`, `meta_path(path)`: the meta file of a table file.
- `undeclared_columns(table)`: columns that neither the kind nor the meta file names.
- `TABLE_SUFFIXES`, `DocTableError`.
"""

from __future__ import annotations

import csv
import datetime as _dt
import difflib
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from kinerja.core.doctable import (
    KIND_COLUMNS,
    LEVELS,
    REQUIRED_COLUMNS,
    DocTable,
    Row,
    build_hierarchy,
)

#: File suffixes that hold a document table.
TABLE_SUFFIXES: tuple[str, ...] = (".csv", ".xlsx")

META_SUFFIX = ".meta.yaml"

#: The C YAML loader where libyaml is present (meta files with long notes read 10x faster).
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DocTableError(Exception):
    """An input that cannot be used as a document table; str() is the message for the user."""


# --------------------------------------------------------------------------------------------
# meta file


def meta_path(path: str | Path) -> Path:
    """The meta file beside a table file: NAME.csv -> NAME.meta.yaml (also for NAME.xlsx)."""
    p = Path(path)
    return p.with_name(_stem(p) + META_SUFFIX)


def _stem(path: Path) -> str:
    name = path.name
    if name.endswith(META_SUFFIX):
        return name[: -len(META_SUFFIX)]
    return name.rsplit(".", 1)[0] if "." in name else name


def read_meta(path: str | Path) -> dict[str, Any]:
    """The meta data of a table file, read from the `.meta.yaml` beside it."""
    p = Path(path)
    mp = meta_path(p)
    if not mp.is_file():
        raise DocTableError(
            f"{p}: berkas meta {mp.name} tidak ditemukan di sebelahnya; setiap tabel dokumen "
            f"memerlukan berkas meta yang menyebut jenis tabelnya (kind)"
        )
    try:
        data = yaml.load(mp.read_text(encoding="utf-8-sig"), Loader=_YAML_LOADER)
    except UnicodeDecodeError:
        raise DocTableError(f"{mp}: berkas meta bukan teks UTF-8") from None
    except yaml.YAMLError as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f" (baris {mark.line + 1})"
        raise DocTableError(f"{mp}: berkas meta bukan YAML yang sah{where}") from None
    if not isinstance(data, dict):
        raise DocTableError(
            f"{mp}: berkas meta harus berupa pemetaan YAML (kind: ..., title: ...)"
        )
    return data


def _kind(path: Path, meta: dict[str, Any]) -> str:
    kind = meta.get("kind")
    if not kind:
        raise DocTableError(
            f"{meta_path(path)}: berkas meta tidak menyebut jenis tabel (kind); "
            f"jenis yang dikenal: {', '.join(KIND_COLUMNS)}"
        )
    kind = str(kind).strip()
    if kind not in KIND_COLUMNS:
        raise DocTableError(
            f"{meta_path(path)}: jenis tabel '{kind}' tidak dikenal; "
            f"jenis yang dikenal: {', '.join(KIND_COLUMNS)}"
        )
    for key in ("value_columns", "extra_columns"):
        value = meta.get(key)
        if value is not None and not isinstance(value, dict):
            raise DocTableError(
                f"{meta_path(path)}: '{key}' di berkas meta harus berupa pemetaan "
                f"nama kolom -> keterangan"
            )
    return kind


# --------------------------------------------------------------------------------------------
# CSV


def _read_csv(path: Path) -> list[list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocTableError(f"{path}: berkas tidak dapat dibaca ({exc.strerror})") from None
    if b"\x00" in data:
        raise DocTableError(f"{path}: berkas berisi data biner, bukan teks CSV")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DocTableError(
            f"{path}: berkas bukan teks UTF-8 (bita tak terbaca di baris berkas {line}); "
            f"simpan ulang sebagai CSV UTF-8"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return list(reader)
    except csv.Error as exc:
        raise DocTableError(
            f"{path}: berkas bukan CSV yang sah (baris berkas {reader.line_num}: {exc})"
        ) from None


# --------------------------------------------------------------------------------------------
# XLSX

_DECIMALS_RE = re.compile(r"0\.(0+)")


def _plain(value: Decimal) -> str:
    """A Decimal without exponent and without trailing zeros: 21.88, 1234567, -0.5."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _grouped(value: Decimal, decimals: int, grouping: bool) -> str:
    """Indonesian display: dots for thousands (when `grouping`), comma for decimals."""
    text = f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def cell_text(value: Any, number_format: str | None = "General") -> str:
    """The text a person sees for one XLSX cell value.

    Strings stay exactly as they are. A number in the `General` format becomes its plain text
    (`5`, `21.88`, `11171242916`: no exponent, a dot as the decimal point, as documents with
    stray dot decimals print them). A number with an explicit format shows that format's
    decimals, percent sign and thousands grouping the way a spreadsheet in Indonesian shows it
    (`0.00%` -> `95,53%`, `#,##0.00` -> `1.234.567,89`). Dates become `dd/mm/yyyy`, booleans
    `TRUE`/`FALSE`, empty cells ''.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, _dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, _dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        fmt = (number_format or "General").split(";")[0]
        fmt = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", fmt)  # quoted text, colours, escapes
        if fmt.strip().lower() in ("general", "@", ""):
            return _plain(number)
        m = _DECIMALS_RE.search(fmt)
        decimals = len(m.group(1)) if m else 0
        grouping = "," in fmt
        if "%" in fmt:
            return _grouped(number * 100, decimals, grouping) + "%"
        return _grouped(number, decimals, grouping)
    return str(value)


def _read_xlsx(path: Path) -> list[list[str]]:
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise DocTableError(f"{path}: membaca .xlsx memerlukan paket openpyxl") from None
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        detail = "bukan arsip XLSX" if isinstance(exc, zipfile.BadZipFile) else str(exc)
        raise DocTableError(f"{path}: bukan buku kerja XLSX yang sah ({detail})") from None
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise DocTableError(f"{path}: bukan buku kerja XLSX yang sah ({exc})") from None
    try:
        if not workbook.worksheets:
            return []
        sheet = workbook.worksheets[0]
        records: list[list[str]] = []
        for cells in sheet.iter_rows():
            record = []
            for cell in cells:
                value = getattr(cell, "value", None)
                fmt = getattr(cell, "number_format", "General")
                record.append(cell_text(value, fmt))
            records.append(record)
        return records
    finally:
        workbook.close()


# --------------------------------------------------------------------------------------------
# table


def _header(path: Path, records: list[list[str]]) -> list[str]:
    header = [h.strip() for h in records[0]]
    # trailing unnamed columns are dropped when no row has a value in them
    while header and not header[-1]:
        j = len(header) - 1
        if any(j < len(rec) and rec[j].strip() for rec in records[1:]):
            break
        header.pop()
    if not header:
        raise DocTableError(f"{path}: baris judul kolom (baris pertama) kosong")
    for j, name in enumerate(header):
        if not name:
            raise DocTableError(
                f"{path}: kolom ke-{j + 1} di baris judul tidak bernama; setiap kolom "
                f"memerlukan nama"
            )
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise DocTableError(f"{path}: kolom '{name}' muncul dua kali di baris judul")
        seen.add(name)
    return header


def _level(path: Path, number: int, text: str) -> str:
    level = text.strip().lower()
    if level in LEVELS:
        return level
    known = ", ".join(LEVELS)
    if not level:
        raise DocTableError(
            f"{path}: baris {number}, kolom level: kosong; setiap baris memerlukan tingkat "
            f"(tingkat yang dikenal: {known})"
        )
    hint = difflib.get_close_matches(level.replace(" ", "_"), LEVELS, n=1, cutoff=0.6)
    suggestion = f" (maksudnya '{hint[0]}'?)" if hint else ""
    raise DocTableError(
        f"{path}: baris {number}, kolom level: '{text.strip()}' bukan tingkat yang dikenal"
        f"{suggestion}; tingkat yang dikenal: {known}"
    )


def read_table(path: str | Path) -> DocTable:
    """Read one document table (`.csv` or `.xlsx`, first sheet) with its meta file.

    Rows keep their 1-based data row number (header = row 0); every cell is the printed text;
    all columns are kept, including extra columns; the hierarchy comes from `build_hierarchy`
    (level and row order). Completely empty rows at the end are dropped. Raises `DocTableError`
    with one message in Bahasa Indonesia when the file is not a usable document table.
    """
    p = Path(path)
    if p.is_dir():
        raise DocTableError(f"{p}: sebuah folder, bukan berkas tabel")
    suffix = p.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise DocTableError(
            f"{p}: bukan berkas tabel dokumen; yang dapat dibaca: berkas .csv atau .xlsx "
            f"dengan berkas .meta.yaml di sebelahnya"
        )
    if not p.exists():
        raise DocTableError(f"{p}: berkas tidak ditemukan")
    meta = read_meta(p)
    kind = _kind(p, meta)
    records = _read_xlsx(p) if suffix == ".xlsx" else _read_csv(p)
    while records and not any(c.strip() for c in records[-1]):
        records.pop()
    if not records:
        raise DocTableError(f"{p}: berkas kosong; tidak ada baris judul kolom")
    header = _header(p, records)
    missing = [c for c in REQUIRED_COLUMNS[kind] if c not in header]
    if missing:
        raise DocTableError(
            f"{p}: kolom wajib untuk jenis {kind} tidak ada: {', '.join(missing)} "
            f"(kolom yang ada: {', '.join(header)})"
        )
    width = len(header)
    has_level = "level" in header
    rows: list[Row] = []
    for number, rec in enumerate(records[1:], start=1):
        if len(rec) > width and any(c.strip() for c in rec[width:]):
            raise DocTableError(
                f"{p}: baris {number} berisi {len(rec)} sel, sedangkan baris judul hanya "
                f"{width} kolom; sel di luar kolom akan hilang"
            )
        cells = {h: (rec[j] if j < len(rec) else "") for j, h in enumerate(header)}
        level = _level(p, number, cells["level"]) if has_level else ""
        rows.append(Row(number=number, cells=cells, level=level))
    build_hierarchy(rows)
    return DocTable(path=str(p), kind=kind, meta=meta, columns=header, rows=rows)


def undeclared_columns(table: DocTable) -> list[str]:
    """Columns of `table` that neither its kind, nor `value_columns`, nor `extra_columns` of the
    meta file names (`level` is always known). They are kept and read as text; a misspelt
    standard column shows up here."""
    known = set(KIND_COLUMNS.get(table.kind, ())) | {"level"}
    known |= set(table.value_columns)
    known |= {str(k) for k in (table.meta.get("extra_columns") or {})}
    return [c for c in table.columns if c not in known]


# --------------------------------------------------------------------------------------------
# finding tables


def _is_table_file(path: Path) -> bool:
    return (
        path.is_file()
        and path.suffix.lower() in TABLE_SUFFIXES
        and not path.name.startswith(("~$", "."))
    )


def find_tables(paths: Iterable[str | Path] | str | Path) -> list[Path]:
    """The document-table files named by `paths`, in the order given.

    A file is taken as it is (whether it is usable is `read_table`'s question; a `NAME.meta.yaml`
    stands for the `NAME.csv`/`NAME.xlsx` beside it). A folder gives, recursively and sorted,
    its `.csv` and `.xlsx` files that have a `.meta.yaml` beside them; other files in it are
    skipped silently. Raises `DocTableError` for a path that does not exist and for a folder
    that holds no document table.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            tables = sorted(
                (
                    f for f in p.rglob("*")
                    if _is_table_file(f) and meta_path(f).is_file()
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                ),
                key=lambda f: f.relative_to(p).parts,
            )
            if not tables:
                raise DocTableError(
                    f"{p}: folder ini tidak berisi tabel dokumen (berkas .csv atau .xlsx dengan "
                    f"berkas .meta.yaml di sebelahnya)"
                )
            found.extend(tables)
        elif p.name.endswith(META_SUFFIX):
            stem = p.name[: -len(META_SUFFIX)]
            beside = [p.with_name(stem + s) for s in TABLE_SUFFIXES]
            tables = [f for f in beside if f.is_file()]
            if not tables:
                raise DocTableError(
                    f"{p}: berkas meta tanpa tabel; tidak ada {stem}.csv atau {stem}.xlsx "
                    f"di sebelahnya"
                )
            found.extend(tables)
        elif p.exists():
            found.append(p)
        else:
            raise DocTableError(f"{p}: berkas atau folder tidak ditemukan")
    return found


def read_tables(paths: Sequence[str | Path]) -> list[DocTable]:
    """Every table named by `paths` (`find_tables` then `read_table`); the first unusable input
    raises `DocTableError`."""
    return [read_table(p) for p in find_tables(paths)]
