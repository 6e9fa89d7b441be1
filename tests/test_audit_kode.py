"""Code checks of the audit on tables that print codes without urusan and bidang."""

from __future__ import annotations

from pathlib import Path

from kinerja.audit.engine import audit_table
from kinerja.io.doctable import read_table

META = """kind: rencana_anggaran
title: contoh kode tanpa urusan dan bidang
government_level: kabkota
value_columns:
  pagu: {role: pagu, stage: renja}
"""


def _table(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "t.csv"
    path.write_text("kode,level,uraian,pagu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "t.meta.yaml").write_text(META, encoding="utf-8")
    return path


def test_support_program_codes_completed_inside_the_bidang_above(tmp_path: Path) -> None:
    # the support program's kegiatan have the same name in every bidang: only the bidang
    # heading above tells which one is meant
    path = _table(tmp_path, [
        '5 3,bidang,KEPEGAWAIAN,"1.000"',
        '01,program,PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA,"1.000"',
        '01 2.02,kegiatan,Administrasi Keuangan Perangkat Daerah,"1.000"',
        '01 2.02 01,sub_kegiatan,Penyediaan Gaji dan Tunjangan ASN,"1.000"',
    ])
    findings = audit_table(read_table(path))
    assert [f.key() for f in findings if f.column == "kode"] == []


def test_same_rows_without_a_bidang_above_are_unresolvable(tmp_path: Path) -> None:
    path = _table(tmp_path, [
        '01 2.02 01,sub_kegiatan,Penyediaan Gaji dan Tunjangan ASN,"1.000"',
    ])
    findings = audit_table(read_table(path))
    assert [(f.row, f.rule) for f in findings if f.column == "kode"] == [(1, "invalid_code")]
