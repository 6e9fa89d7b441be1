"""Reading plain tabular input files (CSV or the first sheet of an XLSX) into records.

A record is one data row with its row number as the user sees it (the header is row 1, so the
first data row is row 2, in a CSV file as in a spreadsheet) and its cells keyed by normalised
column name (`Jenis Jabatan` -> `jenis_jabatan`). Empty rows are skipped.

Cells are read with `Checker`, which collects every problem of a file with its row and column
in Bahasa Indonesia instead of stopping at the first one; `Checker.raise_if_any` then raises
one `RecordsError` listing them all, so a file is either used whole or not at all.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import NoReturn, TypeVar

from kinerja.core import numbers

T = TypeVar("T")

#: A cell as read: text from a CSV file; text, number or date from an XLSX sheet.
Cell = str | Decimal | date

SUPPORTED = (".csv", ".xlsx")

_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "ags": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12,
}


@dataclass(frozen=True)
class Masalah:
    """One problem of an input file: where it is and what is wrong (Bahasa Indonesia)."""

    berkas: str
    baris: int | None
    kolom: str | None
    pesan: str

    def __str__(self) -> str:
        where = [self.berkas]
        if self.baris is not None:
            where.append(f"baris {self.baris}")
        if self.kolom is not None:
            where.append(f"kolom {self.kolom}")
        return f"{', '.join(where)}: {self.pesan}"


class RecordsError(Exception):
    """An input file that cannot be used; `masalah` lists every problem found."""

    def __init__(self, masalah: Sequence[Masalah]):
        self.masalah = list(masalah)
        super().__init__("\n".join(str(m) for m in self.masalah))


@dataclass
class Record:
    """One data row: its row number and its cells by normalised column name."""

    baris: int
    values: dict[str, Cell]

    def get(self, column: str) -> Cell:
        """The cell of `column` ('' when the column or the cell is absent)."""
        return self.values.get(column, "")

    def text(self, column: str) -> str:
        """The cell as stripped text."""
        return cell_text(self.get(column))


@dataclass
class Table:
    """The records of one file."""

    path: Path
    columns: list[str]
    records: list[Record] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The file name used in messages."""
        return self.path.name


def normalise_column(name: str) -> str:
    """`Jenis Jabatan ` -> `jenis_jabatan`; `U1` -> `u1`; `Tanggal-Selesai` -> `tanggal_selesai`."""
    text = re.sub(r"[\s\-/]+", "_", str(name).strip().lower())
    return re.sub(r"[^0-9a-z_]", "", text).strip("_")


def cell_text(cell: Cell | None) -> str:
    """A cell as text: numbers with a dot decimal mark, dates as YYYY-MM-DD."""
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return format(cell, "f")
    if isinstance(cell, date):
        return cell.isoformat()
    return cell.strip()


def find_file(folder: Path, stem: str) -> Path | None:
    """`folder/stem.csv` or `folder/stem.xlsx` (the first that exists), or None."""
    for ext in SUPPORTED:
        candidate = folder / f"{stem}{ext}"
        if candidate.is_file():
            return candidate
    return None


def read_records(
    path: str | Path,
    required: Sequence[str] = (),
    aliases: Mapping[str, str] | None = None,
) -> Table:
    """Read a CSV or XLSX file into records. `required` columns must be present (else a
    `RecordsError` naming them); `aliases` maps other normalised header names to the expected
    ones (e.g. `{'nomor_induk': 'nip'}`)."""
    p = Path(path)
    if not p.is_file():
        raise RecordsError([Masalah(str(p), None, None, "berkas tidak ditemukan")])
    suffix = p.suffix.lower()
    if suffix == ".csv":
        header, rows = _read_csv(p)
    elif suffix == ".xlsx":
        header, rows = _read_xlsx(p)
    else:
        raise RecordsError([Masalah(p.name, None, None,
                                    "jenis berkas tidak didukung; gunakan .csv atau .xlsx")])
    alias = dict(aliases or {})
    plain = [normalise_column(h) for h in header]
    # an alias names an expected column only when the file does not have that column itself
    columns = [alias[c] if c in alias and alias[c] not in plain else c for c in plain]
    problems: list[Masalah] = []
    seen: set[str] = set()
    for i, col in enumerate(columns):
        if not col:
            continue
        if col in seen:
            problems.append(
                Masalah(p.name, 1, col, f"kolom '{header[i]}' muncul lebih dari sekali"))
        seen.add(col)
    missing = [c for c in required if c not in seen]
    if missing:
        problems.append(Masalah(
            p.name, 1, None,
            f"kolom wajib tidak ada: {', '.join(missing)}; kolom yang ada: "
            f"{', '.join(c for c in columns if c) or '(tidak ada)'}",
        ))
    if problems:
        raise RecordsError(problems)
    table = Table(p, [c for c in columns if c])
    for number, row in rows:
        values: dict[str, Cell] = {}
        for col, cell in zip(columns, row, strict=False):
            if col:
                values[col] = cell
        if all(cell_text(v) == "" for v in values.values()):
            continue
        table.records.append(Record(number, values))
    return table


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[Cell]]]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything
        raise RecordsError([Masalah(path.name, None, None, "pengodean berkas tidak dikenal")])
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise RecordsError(
            [Masalah(path.name, 1, None, "berkas kosong: baris judul kolom tidak ada")])
    first = lines[0]
    delimiter = ";" if first.count(";") > first.count(",") else (
        "\t" if first.count("\t") > first.count(",") else ",")
    reader = csv.reader(lines, delimiter=delimiter)
    header = next(reader)
    rows: list[tuple[int, list[Cell]]] = []
    for row in reader:
        rows.append((reader.line_num, list(row)))
    return header, rows


def _xlsx_cell(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # the spreadsheet's own precision: 15 significant digits, as Excel shows them
        return Decimal(format(value, ".15g"))
    return str(value)


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, list[Cell]]]]:
    try:
        from openpyxl import load_workbook  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - openpyxl is a dependency
        message = f"openpyxl tidak terpasang ({exc})"
        raise RecordsError([Masalah(path.name, None, None, message)]) from None
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the user's input
        message = f"berkas XLSX tidak dapat dibaca ({type(exc).__name__})"
        raise RecordsError([Masalah(path.name, None, None, message)]) from None
    try:
        ws = wb.worksheets[0]
        it = ws.iter_rows(values_only=True)
        header_row = next(it, None)
        if header_row is None:
            raise RecordsError([Masalah(path.name, 1, None, "lembar kerja kosong")])
        header = [cell_text(_xlsx_cell(v)) for v in header_row]
        rows: list[tuple[int, list[Cell]]] = []
        for number, row in enumerate(it, start=2):
            rows.append((number, [_xlsx_cell(v) for v in row]))
    finally:
        wb.close()
    return header, rows


# --- numbers and dates ------------------------------------------------------------------------

def parse_number(cell: Cell) -> Decimal | None:
    """A cell as an exact Decimal, or None when it is not a number. Text is read by the
    project's Indonesian number reader (`1.234,5`, `85,5`, and a stray dot decimal `85.5`)."""
    if isinstance(cell, Decimal):
        return cell
    if isinstance(cell, date):
        return None
    text = cell.strip()
    if not text:
        return None
    parsed = numbers.parse(text)
    return parsed.value if parsed.ok else None


def parse_date(cell: Cell) -> date | None:
    """A cell as a date: `2024-12-31`, `31-12-2024`, `31/12/2024`, `31 Desember 2024`, or a
    spreadsheet date. None when it is not a date."""
    if isinstance(cell, date):
        return cell
    if isinstance(cell, Decimal):
        return None
    text = cell.strip().lower()
    if not text:
        return None
    try:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
        m = re.fullmatch(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", text)
        if m and m[2] in _MONTHS:
            return date(int(m[3]), _MONTHS[m[2]], int(m[1]))
    except ValueError:
        return None
    return None


# --- checking cells ---------------------------------------------------------------------------


class Checker:
    """Reads typed values from the records of one table and collects every problem."""

    def __init__(self, table: Table):
        self.table = table
        self.masalah: list[Masalah] = []

    def error(self, record: Record | None, column: str | None, message: str) -> None:
        """Note a problem at a row and column."""
        self.masalah.append(
            Masalah(self.table.name, record.baris if record else None, column, message)
        )

    def raise_if_any(self) -> None:
        """Raise `RecordsError` with every problem noted, if any."""
        if self.masalah:
            raise RecordsError(self.masalah)

    def text(self, record: Record, column: str, required: bool = True) -> str | None:
        """The cell as text; None (and a problem when required) when empty."""
        value = record.text(column)
        if not value:
            if required:
                self.error(record, column, "wajib diisi")
            return None
        return value

    def number(
        self,
        record: Record,
        column: str,
        required: bool = True,
        minimum: Decimal | None = None,
        maximum: Decimal | None = None,
        integer: bool = False,
    ) -> Decimal | None:
        """The cell as a Decimal within [minimum, maximum]."""
        cell = record.get(column)
        if cell_text(cell) == "":
            if required:
                self.error(record, column, "wajib diisi")
            return None
        value = parse_number(cell)
        if value is None:
            self.error(record, column, f"'{cell_text(cell)}' bukan angka")
            return None
        if integer and value != value.to_integral_value():
            self.error(record, column, f"'{cell_text(cell)}' harus bilangan bulat")
            return None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            lo = "" if minimum is None else format(minimum, "f")
            hi = "" if maximum is None else format(maximum, "f")
            self.error(record, column, f"'{cell_text(cell)}' di luar rentang {lo}–{hi}")
            return None
        return value

    def date(self, record: Record, column: str, required: bool = True) -> date | None:
        """The cell as a date."""
        cell = record.get(column)
        if cell_text(cell) == "":
            if required:
                self.error(record, column, "wajib diisi")
            return None
        value = parse_date(cell)
        if value is None:
            self.error(record, column,
                       f"'{cell_text(cell)}' bukan tanggal (contoh: 2024-12-31 atau 31-12-2024)")
        return value

    def choice(
        self, record: Record, column: str, options: Mapping[str, T], required: bool = True
    ) -> T | None:
        """The cell as one of `options` (keys compared case-insensitively, spaces and dashes
        ignored)."""
        raw = record.text(column)
        if not raw:
            if required:
                self.error(record, column, "wajib diisi")
            return None
        key = _choice_key(raw)
        for name, value in options.items():
            if _choice_key(name) == key:
                return value
        names = _unique(options)
        self.error(record, column,
                   f"'{raw}' tidak dikenal; pilihan: {' | '.join(names)}")
        return None


def _choice_key(text: str) -> str:
    return re.sub(r"[\s\-_.]+", "", text.strip().lower())


def _unique(options: Iterable[str]) -> list[str]:
    out: list[str] = []
    for o in options:
        if o not in out:
            out.append(o)
    return out


# --- command-line helpers shared by the index commands -----------------------------------------


def fail(problems: Sequence[object]) -> NoReturn:
    """Print every problem (in Bahasa Indonesia) to standard error and exit with status 2."""
    import click

    lines = [str(p) for p in problems] or ["masukan tidak dapat dipakai"]
    click.echo("Kesalahan pada masukan:", err=True)
    for line in lines:
        click.echo(f"  - {line}", err=True)
    raise click.exceptions.Exit(2)


def echo_json(data: object) -> None:
    """Print JSON (UTF-8, indented) to standard output."""
    import json

    import click

    click.echo(json.dumps(data, ensure_ascii=False, indent=2))
