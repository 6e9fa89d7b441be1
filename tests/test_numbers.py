"""Numbers as printed in the documents: parsing, the table convention, rounding, display."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.core.numbers import (
    Convention,
    Parsed,
    Status,
    format_money,
    format_number,
    format_percent,
    infer_convention,
    matches_printed,
    parse,
    round_half_up,
    truncate,
)

D = Decimal


# --- parse: Indonesian cells ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("1.234.567,89", "1234567.89", 2),
        ("26.254.031.882,-", "26254031882", 0),
        ("Rp. 26.254.031.882,-", "26254031882", 0),
        ("Rp 7.522.842.676,91", "7522842676.91", 2),
        ("Rp 4.212.961", "4212961", 0),
        ("Rp 1.854.000,00", "1854000", 2),
        ("-Rp 19.860.500", "-19860500", 0),
        ("65,18", "65.18", 2),
        ("1.400", "1400", 0),
        ("7.13", "7.13", 2),
        ("88.89", "88.89", 2),
        ("92.11", "92.11", 2),
        ("81.6", "81.6", 1),
        ("(1.234)", "-1234", 0),
        ("- 8.500.000,00", "-8500000", 2),
        ("- 7.688.721.304,00", "-7688721304", 2),
        ("1800,00", "1800", 2),
        ("72,5", "72.5", 1),
        ("0", "0", 0),
        ("20.345.704.066,95", "20345704066.95", 2),
        ("  153 ", "153", 0),
    ],
)
def test_parse_indonesian(text: str, value: str, decimals: int) -> None:
    p = parse(text)
    assert p.status is Status.NUMBER, p.error
    assert p.value == D(value)
    assert p.decimals == decimals
    assert p.ok and not p.is_empty
    assert p.error is None
    assert p.text == text


def test_parse_keeps_exact_decimals() -> None:
    assert str(parse("0,10").value) == "0.10"
    assert str(parse("16.152.427.613,00,00").value) == "16152427613.00"


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [("89,02 %", "89.02", 2), ("95%", "95", 0), ("0,00%", "0", 2), ("30 %", "30", 0),
     ("130,69%", "130.69", 2), ("95,44%", "95.44", 2)],
)
def test_parse_percent(text: str, value: str, decimals: int) -> None:
    p = parse(text)
    assert p.ok and p.percent
    assert (p.value, p.decimals) == (D(value), decimals)


def test_parse_flags() -> None:
    assert "currency" in parse("Rp 4.212.961").flags
    assert "negative_parentheses" in parse("(1.234)").flags
    assert "currency" not in parse("4.212.961").flags
    assert parse("1.234.567,89").flags == ()


@pytest.mark.parametrize("text", ["", " ", "-", "–", "—", "\u00a0", "Rp -", None])
def test_parse_empty(text: str | None) -> None:
    p = parse(text)
    assert p.status is Status.EMPTY and p.is_empty
    assert p.value is None and not p.ok


@pytest.mark.parametrize("text", ["#DIV/0!", "#VALUE!", "#REF!", "#N/A", "#NAME?", "#div/0!"])
def test_parse_spreadsheet_errors(text: str) -> None:
    p = parse(text)
    assert p.status is Status.DIV0
    assert p.value is None and p.flags
    assert not p.ok and not p.is_empty


def test_div0_flag() -> None:
    assert parse("#DIV/0!").flags == ("div0",)
    assert parse("#REF!").flags == ("spreadsheet_error",)


@pytest.mark.parametrize(
    ("text", "grade", "value", "decimals"),
    [("B (65,18)", "B", "65.18", 2), ("BB (75)", "BB", "75", 0), ("B (80)", "B", "80", 0),
     ("B (72)", "B", "72", 0), ("B (78)", "B", "78", 0), ("72 B", "B", "72", 0),
     ("99,53 BB", "BB", "99.53", 2)],
)
def test_parse_grade_with_value(text: str, grade: str, value: str, decimals: int) -> None:
    p = parse(text)
    assert p.ok
    assert (p.grade, p.value, p.decimals) == (grade, D(value), decimals)


@pytest.mark.parametrize("text", ["BB", "B", "AA", "SR"])
def test_parse_bare_grade(text: str) -> None:
    p = parse(text)
    assert p.status is Status.ERROR
    assert p.grade == text
    assert p.value is None
    assert p.error and "predikat" in p.error


def test_parse_space_after_comma() -> None:
    p = parse("67, 50")
    assert p.ok and p.value == D("67.50") and p.decimals == 2


def test_parse_recoverable_typo() -> None:
    p = parse("16.152.427.613,00,00")
    assert p.ok
    assert p.value == D("16152427613.00") and p.decimals == 2
    assert "typo" in p.flags
    p = parse("1..234")
    assert p.ok and p.value == D("1234") and "typo" in p.flags


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("12 unit dan 5 unit", "'12 unit dan 5 unit' bukan angka"),
        ("5 dok", "'5 dok' bukan angka"),
        ("Tinggi", "'Tinggi' bukan angka"),
        ("1.234,56,78", "'1.234,56,78' bukan angka"),
        ("1.23.456", "kelompok ribuan harus tiga digit"),
        ("--5", "'--5' bukan angka"),
        ("B ( Baik )", "bukan angka"),
    ],
)
def test_parse_errors_are_indonesian(text: str, needle: str) -> None:
    p = parse(text)
    assert p.status is Status.ERROR
    assert p.value is None
    assert p.error is not None and needle in p.error


@given(st.text(max_size=30))
def test_parse_never_raises(text: str) -> None:
    p = parse(text)
    assert isinstance(p, Parsed)
    assert (p.value is not None) == (p.status is Status.NUMBER)
    if p.status is Status.ERROR:
        assert p.error


@given(st.text(alphabet="0123456789.,-() %Rp#B", max_size=20))
def test_parse_never_raises_numberlike(text: str) -> None:
    for convention in (None, Convention.ID, Convention.EN):
        p = parse(text, convention)
        assert (p.value is not None) == (p.status is Status.NUMBER)
        if p.ok:
            assert p.decimals is not None and p.decimals >= 0


# --- the other convention ----------------------------------------------------------------

def test_en_cells() -> None:
    p = parse("12,386,177,788")              # can only be EN, even without a convention
    assert p.ok and p.value == D("12386177788") and p.convention is Convention.EN
    p = parse("29,160,800,721", Convention.EN)
    assert p.value == D("29160800721") and p.decimals == 0
    p = parse("3,454", Convention.EN)
    assert p.value == D("3454") and p.decimals == 0
    p = parse("42.48", Convention.EN)
    assert p.value == D("42.48") and p.decimals == 2
    p = parse("1,234.5", Convention.EN)
    assert p.value == D("1234.5") and p.decimals == 1


def test_ambiguous_cells_follow_the_convention() -> None:
    assert parse("1,234", Convention.ID).value == D("1.234")
    assert parse("1,234", Convention.EN).value == D("1234")
    assert parse("1.234", Convention.ID).value == D("1234")
    assert parse("1.234", Convention.EN).value == D("1.234")
    assert parse("1,234").value == D("1.234")          # no convention: Indonesian
    assert parse("1.400").value == D("1400")
    assert parse("3,454", Convention.ID).value == D("3.454")
    assert parse("65,18", Convention.ID).value == D("65.18")


@pytest.mark.parametrize("text", ["3,19", "4,02"])
def test_en_comma_group_must_have_three_digits(text: str) -> None:
    p = parse(text, Convention.EN)
    assert p.status is Status.ERROR
    assert p.error == (f"'{text}' bukan angka yang sah dalam format ribuan tabel ini "
                       "(kelompok ribuan harus tiga digit)")
    assert p.convention is Convention.EN


def test_unambiguous_cell_of_the_other_convention_is_read_and_flagged() -> None:
    p = parse("1.234.567,89", Convention.EN)
    assert p.value == D("1234567.89") and "other_convention" in p.flags
    p = parse("12,386,177,788", Convention.ID)
    assert p.value == D("12386177788") and "other_convention" in p.flags


def test_infer_convention_votes() -> None:
    assert infer_convention([]) is Convention.ID
    assert infer_convention(["", "-", "abc", "1,234", "1.234"]) is Convention.ID   # no evidence
    assert infer_convention(["1.234.567", "1,234"]) is Convention.ID
    assert infer_convention(["65,18", "1,234"]) is Convention.ID
    assert infer_convention(["12,386,177,788", "1.234"]) is Convention.EN
    assert infer_convention(["1,234.5"]) is Convention.EN
    assert infer_convention(["1.234.567", "12,386,177,788"]) is Convention.ID       # tie
    assert infer_convention(["Rp 1.234.567,00", "89,02 %"]) is Convention.ID


# --- the fixtures --------------------------------------------------------------------------

TEXT_COLUMNS = {
    "kode", "level", "uraian", "indikator", "sasaran", "keterangan", "instansi", "kategori",
    "komponen", "lokasi", "sumber_dana", "catatan", "uraian_kebutuhan", "lokasi_kebutuhan",
    "indikator_kebutuhan", "indikator_sasaran", "no", "satuan", "predikat_k", "predikat_rp",
}
# Columns that print a value with its unit ('5 dok'): every cell read, not every cell a number.
MIXED_COLUMNS = {"target", "target_ranwal", "target_kebutuhan"}


def _tables(fixtures_dir: Path) -> list[tuple[str, list[dict[str, str]]]]:
    tables = []
    for path in sorted(fixtures_dir.glob("*/*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            tables.append((f"{path.parent.name}/{path.stem}", list(csv.DictReader(fh))))
    return tables


def _numeric_columns(rows: list[dict[str, str]]) -> list[str]:
    return [c for c in rows[0] if c not in TEXT_COLUMNS and not c.endswith("_satuan")]


def _convention(rows: list[dict[str, str]]) -> Convention:
    return infer_convention(r[c] for r in rows for c in _numeric_columns(rows))


EXPECTED_CONVENTION = {
    "kukar-renja-perubahan-2023/lampiran-perubahan": Convention.ID,
    "kukar-renja-perubahan-2023/tabel-1": Convention.ID,
    "kukar-renja-perubahan-2023/tabel-3": Convention.ID,
    "paser-renja-2025/tabel-2-2-1": Convention.ID,
    "paser-renja-2025/tabel-4-1": Convention.ID,
    "paser-renja-2025/tc29": Convention.ID,
    "paser-renja-2025/tc31": Convention.ID,
    "samarinda-lkip-2024/ipasn-pns": Convention.EN,
    "samarinda-lkip-2024/ipasn-pppk": Convention.EN,
    "samarinda-lkip-2024/lampiran3-evaluasi-triwulan-des": Convention.EN,
    "samarinda-lkip-2024/t11-capaian-program": Convention.ID,
    "samarinda-lkip-2024/t13-realisasi-belanja-langsung": Convention.ID,
    "samarinda-lkip-2024/t14-belanja-tidak-langsung": Convention.ID,
    "samarinda-lkip-2024/t5-komponen-lke": Convention.ID,
}

# Cells of numeric columns that are not numbers, by (table, 1-based data row, column).
EXPECTED_ERRORS = {
    ("samarinda-lkip-2024/ipasn-pns", 20, "jumlah_asn"),
    ("samarinda-lkip-2024/ipasn-pns", 31, "jumlah_asn"),
    ("samarinda-lkip-2024/ipasn-pns", 32, "jumlah_asn"),
}

# Known cells: (table, row, column) -> (value, decimals).
KNOWN_VALUES = {
    ("kukar-renja-perubahan-2023/tabel-3", 4, "selisih"): ("-8500000", 2),
    ("kukar-renja-perubahan-2023/lampiran-perubahan", 1, "pagu_sesudah"): ("40497194742", 2),
    ("kukar-renja-perubahan-2023/tabel-1", 3, "c11_tingkat_capaian"): ("95.44", 2),
    ("paser-renja-2025/tabel-2-2-1", 1, "realisasi"): ("65.18", 2),
    ("paser-renja-2025/tabel-2-2-1", 1, "target"): ("75", 0),
    ("paser-renja-2025/tabel-4-1", 1, "anggaran"): ("12018849148", 0),
    ("paser-renja-2025/tc29", 3, "c7_realisasi"): ("99.53", 2),
    ("paser-renja-2025/tc31", 2, "pagu_ranwal"): ("20345704066.95", 2),
    ("paser-renja-2025/tc31", 2, "pagu_kebutuhan"): ("27566864148", 0),
    ("samarinda-lkip-2024/ipasn-pns", 1, "jumlah_asn"): ("3454", 0),
    ("samarinda-lkip-2024/ipasn-pns", 1, "kualifikasi"): ("21.88", 2),
    ("samarinda-lkip-2024/ipasn-pns", 1, "nilai"): ("81.6", 1),
    ("samarinda-lkip-2024/ipasn-pppk", 3, "jumlah_asn"): ("1322", 0),
    ("samarinda-lkip-2024/lampiran3-evaluasi-triwulan-des", 2, "pagu"): ("29160800721", 0),
    ("samarinda-lkip-2024/lampiran3-evaluasi-triwulan-des", 2, "realisasi_rp"):
        ("12386177788", 0),
    ("samarinda-lkip-2024/lampiran3-evaluasi-triwulan-des", 2, "capaian_rp"): ("42.48", 2),
    ("samarinda-lkip-2024/lampiran3-evaluasi-triwulan-des", 4, "target_k"): ("92.11", 2),
    ("samarinda-lkip-2024/t11-capaian-program", 2, "target"): ("92.11", 2),
    ("samarinda-lkip-2024/t11-capaian-program", 2, "realisasi"): ("92.11", 2),
    ("samarinda-lkip-2024/t13-realisasi-belanja-langsung", 1, "pagu"): ("14558389656", 0),
    ("samarinda-lkip-2024/t13-realisasi-belanja-langsung", 4, "sisa"): ("4212961", 0),
    ("samarinda-lkip-2024/t14-belanja-tidak-langsung", 1, "realisasi"):
        ("10802985965", 2),
    ("samarinda-lkip-2024/t5-komponen-lke", 1, "nilai"): ("21.50", 2),
}


def test_fixture_conventions(fixtures_dir: Path) -> None:
    tables = dict(_tables(fixtures_dir))
    assert set(tables) == set(EXPECTED_CONVENTION)
    for name, rows in tables.items():
        assert _convention(rows) is EXPECTED_CONVENTION[name], name


def test_every_fixture_cell_parses(fixtures_dir: Path) -> None:
    errors = set()
    seen = set()
    numbers = 0
    for name, rows in _tables(fixtures_dir):
        convention = _convention(rows)
        for i, row in enumerate(rows, start=1):
            for column in _numeric_columns(rows):
                p = parse(row[column], convention)
                assert isinstance(p, Parsed)
                assert (p.value is not None) == p.ok
                if p.ok:
                    numbers += 1
                    assert "other_convention" not in p.flags, (name, i, column, p.text)
                if (name, i, column) in KNOWN_VALUES:
                    seen.add((name, i, column))
                    value, decimals = KNOWN_VALUES[(name, i, column)]
                    assert (p.value, p.decimals) == (D(value), decimals), (name, i, column)
                if p.status is Status.ERROR and column not in MIXED_COLUMNS:
                    errors.add((name, i, column))
                    assert p.error
    assert errors == EXPECTED_ERRORS
    assert seen == set(KNOWN_VALUES)
    assert numbers > 2000


def test_fixture_mixed_columns(fixtures_dir: Path) -> None:
    tables = dict(_tables(fixtures_dir))
    tabel41 = tables["paser-renja-2025/tabel-4-1"]
    p = parse(tabel41[3]["target"])            # row 4: '5 dok'
    assert p.status is Status.ERROR
    assert p.error == "'5 dok' bukan angka: ada teks 'dok' setelah angka"
    assert parse(tabel41[0]["target"]).value == D("76") and parse(tabel41[0]["target"]).percent
    tc29 = tables["paser-renja-2025/tc29"]
    assert [parse(r["c6_target"]).value for r in tc29 if r["c6_target"] == "1.400"] == [D(1400)]
    assert [parse(r["c8_tingkat_realisasi"]).value
            for r in tc29 if r["c8_tingkat_realisasi"] == "7.13"] == [D("7.13")]


def test_fixture_spot_conventions(fixtures_dir: Path) -> None:
    tables = dict(_tables(fixtures_dir))
    lamp = tables["samarinda-lkip-2024/lampiran3-evaluasi-triwulan-des"]
    assert infer_convention(c for r in lamp for c in r.values()) is Convention.EN
    ipasn = tables["samarinda-lkip-2024/ipasn-pns"]
    assert infer_convention(c for r in ipasn for c in r.values()) is Convention.EN
    tc29 = tables["paser-renja-2025/tc29"]
    assert infer_convention(c for r in tc29 for c in r.values()) is Convention.ID


# --- rounding --------------------------------------------------------------------------------

def test_round_and_truncate() -> None:
    assert round_half_up(D("142.5"), 0) == D("143")
    assert round_half_up(D("86.905"), 2) == D("86.91")
    assert round_half_up(D("-2.5"), 0) == D("-3")
    assert truncate(D("142.5"), 0) == D("142")
    assert truncate(D("-2.59"), 1) == D("-2.5")
    assert str(round_half_up(D("1"), 2)) == "1.00"
    assert round_half_up(D("1234"), -2) == D("1200")
    assert round_half_up(D("123456789012345678901234567890.125"), 2) == \
        D("123456789012345678901234567890.13")


def test_matches_printed() -> None:
    two_thirds = D(200) / D(3)
    assert matches_printed(D("142.5"), D("142"), 0)        # truncated
    assert matches_printed(D("142.5"), D("143"), 0)        # rounded half-up
    assert not matches_printed(D("142.5"), D("141"), 0)
    assert matches_printed(D("86.907"), D("86.91"), 2)
    assert matches_printed(two_thirds, D("66.67"), 2)
    assert matches_printed(two_thirds, D("66.66"), 2)
    assert not matches_printed(two_thirds, D("66.65"), 2)
    assert matches_printed(D("65.16") / D("65") * 100, D("100.25"), 2)
    assert not matches_printed(D("65.16") / D("65") * 100, D("102"), 0)


# --- formatting ------------------------------------------------------------------------------

def test_format_number() -> None:
    assert format_number(D("1234567.891"), 2) == "1.234.567,89"
    assert format_number(D("1234567.891")) == "1.234.568"
    assert format_number(D("66.666"), 2, "truncate") == "66,66"
    assert format_number(D("66.666"), 2) == "66,67"
    assert format_number(D("-0.001"), 2) == "0,00"
    assert format_number(D("0"), 0) == "0"
    with pytest.raises(ValueError):
        format_number(D("1"), 0, "banker")


def test_format_money() -> None:
    assert format_money(D("7522842676.91")) == "7.522.842.676,91"
    assert format_money(D("12386177788")) == "12.386.177.788"
    assert format_money(D("12386177788"), symbol=True) == "Rp 12.386.177.788"
    assert format_money(D("12386177788.00")) == "12.386.177.788"
    assert format_money(D("-8500000")) == "-8.500.000"
    assert format_money(D("-19860500"), symbol=True) == "-Rp 19.860.500"
    assert format_money(D("185000000"), decimals=2) == "185.000.000,00"
    assert format_money(D("12.5")) == "12,50"


def test_format_percent() -> None:
    assert format_percent(D("42.4799"), 2) == "42,48"
    assert format_percent(D("42.4799"), 2, sign=True) == "42,48 %"
    assert format_percent(D("42.4799"), 2, "truncate") == "42,47"
    assert format_percent(D("16480")) == "16.480,00"
    assert format_percent(D("-5"), 0) == "-5"


money_integers = st.integers(min_value=-(10**15), max_value=10**15).map(Decimal)
money_cents = st.integers(min_value=-(10**17), max_value=10**17).map(
    lambda n: Decimal(n).scaleb(-2))


@given(money_integers, st.booleans())
def test_money_round_trip_integers(value: Decimal, symbol: bool) -> None:
    p = parse(format_money(value, symbol=symbol))
    assert p.ok and p.value == value and p.decimals == 0


@given(money_cents, st.booleans())
def test_money_round_trip_cents(value: Decimal, symbol: bool) -> None:
    text = format_money(value, decimals=2, symbol=symbol)
    p = parse(text)
    assert p.ok and p.value == value and p.decimals == 2, text
    assert parse(format_money(value)).value == value


@given(st.integers(min_value=-(10**8), max_value=10**8), st.integers(0, 3), st.booleans())
def test_percent_round_trip(n: int, decimals: int, sign: bool) -> None:
    value = Decimal(n).scaleb(-decimals)
    text = format_percent(value, decimals, sign=sign)
    p = parse(text)
    assert p.ok and p.value == value and p.percent is sign, text
    if decimals:
        assert p.decimals == decimals


@given(st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False,
                   allow_infinity=False, places=4), st.integers(0, 4))
def test_format_number_agrees_with_rounding(value: Decimal, decimals: int) -> None:
    p = parse(format_number(value, decimals))
    assert p.value == round_half_up(value, decimals)
    p = parse(format_number(value, decimals, "truncate"))
    assert p.value == truncate(value, decimals)


# --- less common prints --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "value", "flag"),
    [
        ("Rp (1.234)", "-1234", "negative_parentheses"),
        ("(Rp 1.234)", "-1234", "negative_parentheses"),
        ("1.234.567,89.", "1234567.89", "typo"),      # a sentence stop after the number
        ("1.234,", "1234", "typo"),
        ("7.13", "7.13", "dot_decimal"),
        ("\u22125", "-5", None),                     # minus sign
        ("\u20135", "-5", None),                     # en dash
        ("+5", "5", None),
    ],
)
def test_parse_less_common(text: str, value: str, flag: str | None) -> None:
    p = parse(text)
    assert p.ok and p.value == D(value)
    if flag is not None:
        assert flag in p.flags


def test_grade_after_value_and_alone_in_brackets() -> None:
    p = parse("65,18 (B)")
    assert p.ok and p.grade == "B" and p.value == D("65.18")
    p = parse("(B)")
    assert p.status is Status.ERROR and p.grade == "B"
    p = parse("B (-)")
    assert p.status is Status.EMPTY and p.grade == "B"


def test_units_are_not_grades() -> None:
    p = parse("ASN")
    assert p.status is Status.ERROR and p.grade is None
    p = parse("SK")
    assert p.status is Status.ERROR and p.grade is None
    p = parse("12 SK")
    assert p.status is Status.ERROR and p.grade is None


def test_leading_separator_is_an_error() -> None:
    p = parse(".5")
    assert p.status is Status.ERROR
    assert p.error == "'.5' bukan angka yang sah: diawali tanda pemisah '.'"
