"""The nomenclature code checks on the real tables of shared/fixtures: exactly the code findings
(code_name_mismatch, invalid_code, duplicate_code) that each meta file expects."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
import yaml

from kinerja.core.codes import CODE_LEVELS, CodeCheck, check_code

FIXTURES = Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures"
TABLES = sorted(FIXTURES.glob("*/*.csv")) if FIXTURES.is_dir() else []
CODE_RULES = {"code_name_mismatch", "invalid_code", "duplicate_code"}
RULE_OF_STATUS = {"name_mismatch": "code_name_mismatch", "invalid": "invalid_code"}

pytestmark = pytest.mark.skipif(not TABLES, reason="../shared/fixtures is not beside this checkout")


def _read(name: str) -> tuple[list[dict[str, str]], dict[str, Any]]:
    path = FIXTURES / name
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    meta = yaml.safe_load(path.with_suffix(".meta.yaml").read_text(encoding="utf-8"))
    return rows, meta


def _checks(name: str) -> dict[int, CodeCheck]:
    """The check of every row that carries a nomenclature code, by 1-based row number."""
    rows, meta = _read(name)
    return {
        number: check_code(row["kode"], row["uraian"], row["level"], meta["government_level"])
        for number, row in enumerate(rows, start=1)
        if (row.get("kode") or "").strip() and row["level"] in CODE_LEVELS
    }


def _findings(name: str) -> set[tuple[int, str]]:
    """(row, rule) of the code findings: a status that is a finding, and a code equal to the
    code of an earlier row (reported on the second)."""
    found: set[tuple[int, str]] = set()
    first: dict[str, int] = {}
    for number, check in sorted(_checks(name).items()):
        if check.status in RULE_OF_STATUS:
            found.add((number, RULE_OF_STATUS[check.status]))
        if check.code is not None:
            if check.code in first:
                found.add((number, "duplicate_code"))
            else:
                first[check.code] = number
    return found


def _expected(name: str) -> set[tuple[int, str]]:
    _, meta = _read(name)
    return {
        (f["row"], f["rule"]) for f in meta.get("expected_findings") or []
        if f["rule"] in CODE_RULES
    }


@pytest.mark.parametrize(
    "name", [str(p.relative_to(FIXTURES)) for p in TABLES], ids=lambda n: n.removesuffix(".csv"),
)
def test_every_fixture_has_exactly_its_expected_code_findings(name: str) -> None:
    assert _findings(name) == _expected(name)


T13 = "samarinda-lkip-2024/t13-realisasi-belanja-langsung.csv"
KUKAR = "kukar-renja-perubahan-2023/lampiran-perubahan.csv"
LAMPIRAN3 = "samarinda-lkip-2024/lampiran3-evaluasi-triwulan-des.csv"


def test_t13_code_findings() -> None:
    assert _findings(T13) == {
        (8, "code_name_mismatch"),
        (15, "code_name_mismatch"), (15, "duplicate_code"),
        (44, "code_name_mismatch"), (44, "duplicate_code"),
        (45, "code_name_mismatch"), (45, "duplicate_code"),
        *((row, "invalid_code") for row in range(46, 54)),
    }


def test_t13_suggestions_name_the_code_of_the_printed_name() -> None:
    checks = _checks(T13)
    assert {row: checks[row].suggested for row in (8, 15, 44, 45)} == {
        8: "5.03.01.2.02.0005",
        15: "5.03.01.2.06.0009",
        44: "5.03.02.2.03.0002",
        45: "5.03.02.2.03.0003",
    }
    assert checks[8].message == (
        'Kode 5.03.01.2.02.0003 adalah "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi '
        'Keuangan SKPD"; nama tertulis "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun '
        'SKPD" adalah 5.03.01.2.02.0005.'
    )
    # the kegiatan code printed on a sub kegiatan row says both levels
    assert "kegiatan \"Administrasi Umum Perangkat Daerah\"" in checks[15].message
    assert "sub kegiatan 5.03.01.2.06.0009" in checks[15].message


def test_t13_duplicates_are_the_codes_of_earlier_rows() -> None:
    checks = _checks(T13)
    assert checks[15].code == checks[9].code == "5.03.01.2.06"
    assert checks[44].code == checks[41].code == "5.03.02.2.02.0002"
    assert checks[45].code == checks[42].code == "5.03.02.2.02.0003"


def test_t13_invalid_codes_do_not_exist_and_name_their_real_code() -> None:
    checks = _checks(T13)
    for row, sub in zip(range(46, 54), (4, 5, 8, 9, 12, 13, 14, 15), strict=True):
        check = checks[row]
        assert check.status == "invalid"
        assert check.code is None
        assert check.suggested == f"5.03.02.2.03.{sub:04d}"
        assert f"5.03.02.2.02.{sub:04d} tidak ada dalam nomenklatur" in check.message


def test_t13_program_named_with_abbreviation_is_no_finding() -> None:
    # 'Penunjang Urusan Pemerintahan Daerah Kab/Kota' is the name of 5.03.01
    assert _checks(T13)[1].status == "ok"


def test_kukar_lampiran_spaced_codes_resolve_except_row_72() -> None:
    checks = _checks(KUKAR)
    assert checks[5].code == "5.03.01.2.01.0001"
    assert checks[62].code == "5.03.02.2.04.0005"
    assert {row for row, c in checks.items() if c.status != "ok"} == {72}
    assert checks[72].status == "name_mismatch"
    assert checks[72].code == "5.04.02.2.02.0001"
    assert checks[72].suggested == "5.04.02.2.02.0007"


def test_lampiran3_every_code_resolves_to_its_name() -> None:
    checks = _checks(LAMPIRAN3)
    assert 1 not in checks  # the organisation code on the first (lain) row is not checked
    assert checks
    for row, check in checks.items():
        assert check.status in ("ok", "repaired"), (row, check)
        assert check.official_name is not None
    assert checks[12].code == "5.03.02.2.01.0010"
    assert checks[91].code == "5.04.02.2.02.0007"
