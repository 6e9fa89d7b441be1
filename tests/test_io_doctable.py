"""Reading document tables: CSV and XLSX with their meta file, folders, and every way an input
can fail to be a document table (one Indonesian message each)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from kinerja.core.doctable import KIND_COLUMNS, REQUIRED_COLUMNS
from kinerja.io.doctable import (
    DocTableError,
    cell_text,
    find_tables,
    meta_path,
    read_table,
    undeclared_columns,
)

TC29_HEADER = ",".join(KIND_COLUMNS["evaluasi_renja"])
NUMERIC = re.compile(r"-?\d+(\.\d+)?")


def write_table(folder: Path, name: str, csv_text: str | bytes,
                meta: str | None = "kind: evaluasi_renja\n") -> Path:
    """Write NAME.csv (and NAME.meta.yaml unless meta is None) into folder."""
    path = folder / f"{name}.csv"
    if isinstance(csv_text, bytes):
        path.write_bytes(csv_text)
    else:
        path.write_text(csv_text, encoding="utf-8")
    if meta is not None:
        (folder / f"{name}.meta.yaml").write_text(meta, encoding="utf-8")
    return path


def as_number(text: str) -> int | float | str:
    """A cell as an XLSX test workbook stores it: a number where the text is a plain number
    whose own text comes back unchanged, else the string."""
    if NUMERIC.fullmatch(text):
        number: int | float = int(text) if "." not in text else float(text)
        if cell_text(number) == text:
            return number
    return text


def xlsx_copy(csv_path: Path, folder: Path, numbers: bool = True) -> Path:
    """An .xlsx copy of a CSV document table (first sheet) with its meta file beside it."""
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    with csv_path.open(encoding="utf-8", newline="") as fh:
        for i, rec in enumerate(csv.reader(fh)):
            ws.append([as_number(c) if numbers and i else c for c in rec])
    out = folder / (csv_path.stem + ".xlsx")
    wb.save(out)
    (folder / (csv_path.stem + ".meta.yaml")).write_bytes(meta_path(csv_path).read_bytes())
    return out


def all_fixture_tables(fixtures_dir: Path) -> list[Path]:
    return find_tables([fixtures_dir])


# --- the fixtures ---------------------------------------------------------------------------


def test_every_fixture_reads(fixtures_dir: Path) -> None:
    tables = all_fixture_tables(fixtures_dir)
    assert len(tables) == 14
    kinds = set()
    for path in tables:
        table = read_table(path)
        kinds.add(table.kind)
        assert [r.number for r in table.rows] == list(range(1, len(table.rows) + 1))
        for column in REQUIRED_COLUMNS[table.kind]:
            assert column in table.columns
        assert undeclared_columns(table) == []
    assert kinds == set(KIND_COLUMNS)


def test_tc29_cells_and_hierarchy(fixtures_dir: Path) -> None:
    table = read_table(fixtures_dir / "paser-renja-2025" / "tc29.csv")
    assert table.kind == "evaluasi_renja"
    assert len(table.rows) == 79
    assert table.columns == list(KIND_COLUMNS["evaluasi_renja"])
    program = table.row(3)
    assert program.level == "program"
    assert program["c7_realisasi"] == "99,53"  # exactly as printed
    assert program["c8_tingkat_realisasi"] == "138"
    kegiatan = table.row(4)
    assert kegiatan.parent is program
    assert table.row(1).level == "urusan" and program.parent is table.row(1)
    assert table.row(2).parent is None  # a `lain` row belongs to nothing


def test_extra_columns_are_kept(fixtures_dir: Path) -> None:
    table = read_table(fixtures_dir / "paser-renja-2025" / "tc31.csv")
    assert "uraian_kebutuhan" in table.columns
    assert table.row(3)["no"] == "A"


def test_xlsx_copy_reads_to_the_same_cells(fixtures_dir: Path, tmp_path: Path) -> None:
    for path in all_fixture_tables(fixtures_dir):
        folder = tmp_path / path.parent.name
        folder.mkdir(exist_ok=True)
        copy = xlsx_copy(path, folder)
        from_csv, from_xlsx = read_table(path), read_table(copy)
        assert from_xlsx.kind == from_csv.kind
        assert from_xlsx.columns == from_csv.columns
        assert [r.cells for r in from_xlsx.rows] == [r.cells for r in from_csv.rows], path
        assert [r.level for r in from_xlsx.rows] == [r.level for r in from_csv.rows]
        parents = [r.parent.number if r.parent else None for r in from_csv.rows]
        assert [r.parent.number if r.parent else None for r in from_xlsx.rows] == parents


def test_xlsx_number_cells_become_their_text(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["level", "komponen", "bobot", "nilai", "keterangan"])
    ws.append(["lain", "Perencanaan", 30, 21.5, None])
    ws.append(["lain", "Pengukuran", "30 %", 17.25, "#DIV/0!"])
    ws.append(["total", "Jumlah", 100, 1234567.891, "B (Baik)"])
    ws["D4"].number_format = "#,##0.00"
    ws.append(["lain", "Rasio", 0.9553, 7.0, None])
    ws["C5"].number_format = "0.00%"
    ws.append([None, None, None, None, None])  # trailing empty row is dropped
    wb.save(tmp_path / "lke.xlsx")
    (tmp_path / "lke.meta.yaml").write_text("kind: komponen_lke\n", encoding="utf-8")
    table = read_table(tmp_path / "lke.xlsx")
    assert len(table.rows) == 4
    assert table.row(1).cells == {"level": "lain", "komponen": "Perencanaan", "bobot": "30",
                                  "nilai": "21.5", "keterangan": ""}
    assert table.row(2)["bobot"] == "30 %"
    assert table.row(2)["keterangan"] == "#DIV/0!"
    assert table.row(3)["nilai"] == "1.234.567,89"
    assert table.row(4)["bobot"] == "95,53%"
    assert table.row(4)["nilai"] == "7"


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (5, "General", "5"),
        (5.0, "General", "5"),
        (21.88, "General", "21.88"),
        (11171242916.0, "General", "11171242916"),
        (0.00001, "General", "0.00001"),
        (-3, "General", "-3"),
        (1234567, "#,##0", "1.234.567"),
        (0.5, "0%", "50%"),
        (65.18, "0.00", "65,18"),
        ("  teks  ", "General", "  teks  "),
        (None, "General", ""),
    ],
)
def test_cell_text(value: object, fmt: str, text: str) -> None:
    assert cell_text(value, fmt) == text


# --- find_tables ----------------------------------------------------------------------------


def test_find_tables_in_folders(tmp_path: Path) -> None:
    sub = tmp_path / "b"
    sub.mkdir()
    a = write_table(tmp_path, "a", TC29_HEADER + "\n")
    c = write_table(sub, "c", TC29_HEADER + "\n")
    write_table(tmp_path, "tanpa-meta", TC29_HEADER + "\n", meta=None)  # skipped silently
    (tmp_path / "catatan.txt").write_text("bukan tabel", encoding="utf-8")
    assert find_tables([tmp_path]) == [a, c]
    assert find_tables(tmp_path) == [a, c]
    assert find_tables([c, a]) == [c, a]
    assert find_tables([meta_path(a)]) == [a]
    x = xlsx_copy(c, tmp_path)  # c.xlsx with c.meta.yaml at the top level
    assert find_tables([tmp_path]) == [a, c, x]  # by path: a.csv, b/c.csv, c.xlsx
    assert read_table(x).kind == "evaluasi_renja"


def test_find_tables_errors(tmp_path: Path) -> None:
    with pytest.raises(DocTableError, match="tidak ditemukan"):
        find_tables([tmp_path / "tidak-ada"])
    with pytest.raises(DocTableError, match="tidak berisi tabel dokumen"):
        find_tables([tmp_path])
    # a file given directly is passed on: read_table says what is wrong with it
    lone = write_table(tmp_path, "lone", TC29_HEADER + "\n", meta=None)
    assert find_tables([lone]) == [lone]
    with pytest.raises(DocTableError, match="berkas meta lone.meta.yaml tidak ditemukan"):
        read_table(lone)


# --- every way a file is not a document table -------------------------------------------------

BAD_INPUTS = [
    ("no_meta", TC29_HEADER + "\n", None, r"berkas meta x\.meta\.yaml tidak ditemukan"),
    ("unknown_kind", TC29_HEADER + "\n", "kind: renstra\n",
     r"jenis tabel 'renstra' tidak dikenal; jenis yang dikenal: evaluasi_renja"),
    ("no_kind", TC29_HEADER + "\n", "title: Tabel\n", r"tidak menyebut jenis tabel \(kind\)"),
    ("meta_not_yaml", TC29_HEADER + "\n", "kind: [evaluasi_renja\n",
     r"berkas meta bukan YAML yang sah"),
    ("meta_not_mapping", TC29_HEADER + "\n", "- evaluasi_renja\n",
     r"berkas meta harus berupa pemetaan YAML"),
    ("missing_required", "kode,level,uraian\n,program,Program A\n", "kind: evaluasi_renja\n",
     r"kolom wajib untuk jenis evaluasi_renja tidak ada: c6_target, c7_realisasi"),
    ("not_utf8", (TC29_HEADER + "\n,program,Pengadaan \xe9\n").encode("latin-1"),
     "kind: evaluasi_renja\n", r"bukan teks UTF-8"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "kind: evaluasi_renja\n",
     r"berisi data biner, bukan teks CSV"),
    ("empty", "", "kind: evaluasi_renja\n", r"berkas kosong; tidak ada baris judul kolom"),
    ("blank_lines", "\n\n", "kind: evaluasi_renja\n", r"berkas kosong"),
    ("bad_quotes", TC29_HEADER + '\n,program,"Program "A" lagi\n', "kind: evaluasi_renja\n",
     r"bukan CSV yang sah \(baris berkas 2"),
    ("unknown_level", TC29_HEADER + "\n,program,P\n,subkegiatan,S\n", "kind: evaluasi_renja\n",
     r"baris 2, kolom level: 'subkegiatan' bukan tingkat yang dikenal "
     r"\(maksudnya 'sub_kegiatan'\?\); tingkat yang dikenal: total, urusan"),
    ("empty_level", TC29_HEADER + "\n,program,P\n,,S\n", "kind: evaluasi_renja\n",
     r"baris 2, kolom level: kosong"),
    ("duplicate_column", "level,uraian,uraian,c6_target,c7_realisasi\n",
     "kind: evaluasi_renja\n", r"kolom 'uraian' muncul dua kali"),
    ("unnamed_column", "level,,uraian,c6_target,c7_realisasi\nprogram,x,P,1,1\n",
     "kind: evaluasi_renja\n", r"kolom ke-2 di baris judul tidak bernama"),
    ("too_many_cells", "level,uraian,c6_target,c7_realisasi\nprogram,P,1,1,9\n",
     "kind: evaluasi_renja\n", r"baris 1 berisi 5 sel, sedangkan baris judul hanya 4 kolom"),
]


@pytest.mark.parametrize(("name", "content", "meta", "message"), BAD_INPUTS,
                         ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_has_one_indonesian_message(tmp_path: Path, name: str, content: str | bytes,
                                              meta: str | None, message: str) -> None:
    path = write_table(tmp_path, "x", content, meta)
    with pytest.raises(DocTableError, match=message) as info:
        read_table(path)
    text = str(info.value)
    assert text.startswith(str(path)) or text.startswith(str(meta_path(path)))
    assert "\n" not in text


def test_bad_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04 ini bukan buku kerja")
    (tmp_path / "rusak.meta.yaml").write_text("kind: komponen_lke\n", encoding="utf-8")
    with pytest.raises(DocTableError, match="bukan buku kerja XLSX yang sah"):
        read_table(path)


def test_other_suffix_and_missing_file(tmp_path: Path) -> None:
    doc = tmp_path / "renja.pdf"
    doc.write_bytes(b"%PDF-1.4")
    with pytest.raises(DocTableError, match=r"bukan berkas tabel dokumen.*\.csv atau \.xlsx"):
        read_table(doc)
    with pytest.raises(DocTableError, match="berkas tidak ditemukan"):
        read_table(tmp_path / "hilang.csv")


def test_bad_cells_are_not_errors(tmp_path: Path) -> None:
    body = (
        "level,uraian,c6_target,c7_realisasi,c8_tingkat_realisasi,catatan_lain\n"
        "Program,P,#DIV/0!,12 unit dan 5 unit,–,bebas\n"
        "kegiatan,K,1.234.567,89,\"7.13\",,\n"
        ",,,,,\n"
    )
    path = write_table(tmp_path, "x", "\ufeff" + body, "kind: evaluasi_renja\n")
    table = read_table(path)
    assert len(table.rows) == 2  # the trailing empty row is dropped
    assert table.rows[0].level == "program"  # case of the level is not significant
    assert table.rows[0]["c6_target"] == "#DIV/0!"
    assert table.rows[1].parent is table.rows[0]
    assert table.columns[0] == "level"  # the byte-order mark is not part of the name
    assert undeclared_columns(table) == ["catatan_lain"]


def test_short_rows_are_padded(tmp_path: Path) -> None:
    path = write_table(tmp_path, "x", "level,uraian,c6_target,c7_realisasi\nprogram,P\n")
    assert read_table(path).rows[0].cells == {"level": "program", "uraian": "P",
                                              "c6_target": "", "c7_realisasi": ""}


def test_kind_without_level_column(tmp_path: Path) -> None:
    path = write_table(tmp_path, "ipasn", "no,instansi,nilai\n1,Kota A,81.6\n",
                       "kind: indeks_ipasn\n")
    table = read_table(path)
    assert table.rows[0].level == "" and table.rows[0]["nilai"] == "81.6"
