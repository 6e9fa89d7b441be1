"""Nomenclature codes: printed forms, levels, parents, government level, official names, and
checking a printed code against the row's name (repair, completion, name mismatch)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.core import names
from kinerja.core.codes import (
    Code,
    Entry,
    check_code,
    check_code_within,
    children,
    lookup,
    official_name,
    parse_code,
    search,
)

# --- printed forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "canonical", "level"),
    [
        ("5.03.02.2.01.0003", "5.03.02.2.01.0003", "sub_kegiatan"),
        ("5.03.02.2.01.03", "5.03.02.2.01.0003", "sub_kegiatan"),
        ("5 3 1 2.01 1", "5.03.01.2.01.0001", "sub_kegiatan"),
        ("5 3 2 2.01 12", "5.03.02.2.01.0012", "sub_kegiatan"),
        ("5 3 2 2 11", "5.03.02.2.11", "kegiatan"),
        ("5 3 2 2.01", "5.03.02.2.01", "kegiatan"),
        ("5 3 2", "5.03.02", "program"),
        ("5 3", "5.03", "bidang"),
        ("5", "5", "urusan"),
        ("  5.04.02.2.02.0007 ", "5.04.02.2.02.0007", "sub_kegiatan"),
        ("5.03.5.04.0.00.01.0000 5 3 2 2.01 1", "5.03.02.2.01.0001", "sub_kegiatan"),
    ],
)
def test_printed_forms_normalise_to_canonical(printed: str, canonical: str, level: str) -> None:
    code = parse_code(printed)
    assert code is not None
    assert code.canonical == canonical
    assert code.level == level


@pytest.mark.parametrize(
    "printed",
    [
        "17.22",                   # legacy: the urusan has one digit
        "5 3 1 2.1 9",             # damaged kegiatan number: needs the name
        "01 2.02 01",              # no urusan and bidang: needs the name
        "5.03.5.04.0.00.01.0000",  # an organisation code
        "1.1.01.01",               # an account code
        "", "-", "abc", "5.03.02.2.01.00001", "5.03.02.2", "5.00.02",
    ],
)
def test_what_cannot_be_read_without_the_name(printed: str) -> None:
    assert parse_code(printed) is None


def test_levels_parents_and_government_level() -> None:
    sub = Code((5, 3, 2, 2, 1, 3))
    assert sub.canonical == "5.03.02.2.01.0003"
    assert sub.level == "sub_kegiatan"
    chain = []
    node: Code | None = sub
    while node is not None:
        chain.append((node.canonical, node.level))
        node = node.parent
    assert chain == [
        ("5.03.02.2.01.0003", "sub_kegiatan"),
        ("5.03.02.2.01", "kegiatan"),
        ("5.03.02", "program"),
        ("5.03", "bidang"),
        ("5", "urusan"),
    ]
    assert sub.government_level == "kabkota"
    assert Code((5, 3, 2, 1, 1)).government_level == "provinsi"
    assert Code((5, 3, 2)).government_level is None
    assert Code((1, 1, 2, 3, 1)).government_level is None  # other kegiatan types


def test_code_needs_a_level() -> None:
    with pytest.raises(ValueError):
        Code((5, 3, 2, 2))
    with pytest.raises(ValueError):
        Code(())


_PARTS = st.tuples(
    st.integers(1, 9), st.integers(1, 99), st.integers(1, 99), st.integers(1, 2),
    st.integers(1, 99), st.integers(1, 9999),
)


@given(_PARTS, st.sampled_from([1, 2, 3, 5, 6]))
def test_canonical_and_spaced_forms_read_back(parts: tuple[int, ...], n: int) -> None:
    code = Code(parts[:n])
    assert parse_code(code.canonical) == code
    spaced = [str(p) for p in code.parts]
    if n >= 5:
        spaced[3:5] = [f"{code.parts[3]}.{code.parts[4]:02d}"]
    assert parse_code(" ".join(spaced)) == code


# --- official names ---------------------------------------------------------------------------


def test_official_names_by_government_level() -> None:
    assert official_name("5.03.01", "kabkota") == (
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    )
    assert official_name("5.03.01", "provinsi") == (
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI"
    )
    assert official_name("5.03.02.2.01.0003") == (
        "Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK"
    )
    # the kegiatan digit decides the list below program level
    assert official_name("5.03.01.1.02.0003", "kabkota") == official_name(
        "5.03.01.2.02.0003", "kabkota"
    )
    assert lookup("5.03.01.1.02.0003") is not None
    assert lookup("5.03.01.1.02.0003").government_level == "provinsi"  # type: ignore[union-attr]


def test_official_names_keep_the_official_typos_and_every_urusan() -> None:
    assert official_name("5.03.02.2.03.0003") == (
        "Pengeloaan Administrasi Diklat dan Sertifikasi ASN"
    )
    assert official_name("1.01.02.2.01") == "Pengelolaan Pendidikan Sekolah Dasar"
    assert official_name("5.04.02.2.03") == "Pengembangan Kompetensi Pemerintahan Dalam Negeri"


def test_support_program_of_every_bidang_comes_from_x_xx_01() -> None:
    entry = lookup("1.02.01.2.02.0001")
    assert entry is not None
    assert entry.name == "Penyediaan Gaji dan Tunjangan ASN"
    assert entry.status == "template"
    assert official_name("1.02.01") == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    # the Kepegawaian list spells its own support program out
    assert lookup("5.03.01.2.02.0001").status == "official"  # type: ignore[union-attr]


def test_lookup_accepts_printed_forms_and_gives_outputs() -> None:
    entry = lookup("5 3 2 2.01 3")
    assert entry is not None
    assert entry.code == "5.03.02.2.01.0003"
    assert entry.level == "sub_kegiatan"
    assert entry.satuan == "Dokumen"
    assert lookup("5.03.02.2.02.0004") is None
    assert official_name("not a code") is None


def test_children_and_search() -> None:
    assert [e.code for e in children("5.03.02.2.02")] == [
        "5.03.02.2.02.0001", "5.03.02.2.02.0002", "5.03.02.2.02.0003",
    ]
    assert [e.code for e in children("5.03.02")] == [
        "5.03.02.2.01", "5.03.02.2.02", "5.03.02.2.03", "5.03.02.2.04",
    ]
    assert children("5.03.01", "provinsi")[0].code == "5.03.01.1.01"
    assert [e.code for e in search("kenaikan pangkat")] == ["5.03.02.2.02.0002"]
    assert [e.code for e in search("Assesment Center", level="sub_kegiatan")] == [
        "5.03.02.2.03.0002",
    ]
    hits = search("pengembangan kompetensi teknis", level="kegiatan")
    assert hits[0].code == "5.04.02.2.01"
    assert len(search("penyediaan gaji tunjangan asn", limit=100)) > 40  # every bidang
    assert [e.code for e in search("Penyediaan Gaji dan Tunjangan ASN", within="5.03")] == [
        "5.03.01.2.02.0001",
    ]
    assert search("pengelolaan", within="bukan kode") == []


def test_unknown_government_level_is_refused() -> None:
    with pytest.raises(ValueError):
        check_code("5.03.01", "x", "program", "kota")


# --- names ------------------------------------------------------------------------------------


def test_name_words_ignore_case_punctuation_level_words_and_abbreviations() -> None:
    assert names.words("Penunjang Urusan Pemerintahan Daerah Kab/Kota") == names.words(
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    )
    assert names.words("Evaluasi Kinerja PD") == names.words("Evaluasi Kinerja Perangkat Daerah")
    assert names.words("Pembinaan JF ASN") == names.words(
        "Pembinaan Jabatan Fungsional Aparatur Sipil Negara"
    )
    assert names.words("Pengelolaan Administrasi Diklat") == names.words(
        "Pengeloaan Administrasi Pendidikan dan Pelatihan"
    )
    assert names.words("Sub Kegiatan Fasilitasi Kunjungan Tamu") == (
        "fasilitasi", "kunjungan", "tamu",
    )


def test_fit_grades() -> None:
    official = names.words("Pengelolaan Pemberian Penghargaan bagi Pegawai")
    assert names.fit(names.words("pengelolaan pemberian penghargaan bagi pegawai"), official) == (
        names.EXACT
    )
    assert names.fit(names.words("Pengelolaan Pemberian Penghargan bagi Pegawai"), official) == (
        names.CLOSE
    )
    assert names.fit(names.words("Pemberian Penghargaan Pegawai"), official) == names.PARTIAL
    assert names.fit(names.words("Pengelolaan Tanda Jasa bagi Pegawai"), official) is None
    assert names.fit((), official) is None


# --- checking a printed code against the row's name -------------------------------------------


def test_valid_code_with_its_name_is_ok() -> None:
    check = check_code("5 3 1 2.01 1", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                       "sub_kegiatan")
    assert check.status == "ok"
    assert check.code == "5.03.01.2.01.0001"
    assert check.message == ""


@pytest.mark.parametrize(
    "name",
    [
        "penyusunan dokumen perencanaan PD",          # case and abbreviation
        "Penyusunan Dokumen Perencanaan",             # words left out
        "Penyusunan Dokumen Perencanan Perangkat Daerah",  # a typo
        "Belanja kegiatan perencanaan tahun ini",     # another wording, no other code's name
        "",                                           # nothing to compare
    ],
)
def test_wording_differences_are_no_finding(name: str) -> None:
    assert check_code("5.03.01.2.01.0001", name, "sub_kegiatan").status == "ok"


def test_name_of_another_code_is_a_mismatch() -> None:
    check = check_code("5.03.01.2.02.0003",
                       "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
                       "sub_kegiatan")
    assert check.status == "name_mismatch"
    assert check.code == "5.03.01.2.02.0003"
    assert check.suggested == "5.03.01.2.02.0005"
    assert check.official_name == "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD"
    assert "Pelaksanaan Penatausahaan" in check.message and "Akhir Tahun" in check.message


def test_name_fitting_the_code_only_partly_but_another_exactly_is_a_mismatch() -> None:
    # 'Evaluasi Kinerja Perangkat Daerah' is words of kegiatan 2.01 but exactly sub kegiatan 0007
    check = check_code("5.03.01.2.01", "Evaluasi Kinerja Perangkat Daerah", "sub_kegiatan")
    assert check.status == "name_mismatch"
    assert check.suggested == "5.03.01.2.01.0007"
    # on a kegiatan row the same print is the kegiatan's own (partial) name
    assert check_code("5.03.01.2.01", "Perencanaan dan Evaluasi Kinerja PD", "kegiatan").status == (
        "ok"
    )


def test_level_mismatch_is_a_name_mismatch() -> None:
    check = check_code("5.03.01.2.06", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
                       "sub_kegiatan")
    assert check.status == "name_mismatch"
    assert check.code == "5.03.01.2.06"
    assert check.suggested == "5.03.01.2.06.0009"


def test_two_digit_sub_kegiatan_is_the_same_four_digit_number() -> None:
    # .03 is .0003 (Promosi), never renumbered to the name's code
    check = check_code("5.03.02.2.02.03", "Pengelolaan Kenaikan Pangkat ASN", "sub_kegiatan")
    assert check.status == "name_mismatch"
    assert check.code == "5.03.02.2.02.0003"
    assert check.suggested == "5.03.02.2.02.0002"
    # an old (2019) number that no longer exists is invalid, with the name's code suggested
    old = check_code("5.03.02.2.02.10", "Pengelolaan Kenaikan Pangkat ASN", "sub_kegiatan")
    assert old.status == "invalid"
    assert old.suggested == "5.03.02.2.02.0002"
    assert "penomoran lama" in old.message


def test_code_missing_from_the_nomenclature_is_invalid() -> None:
    check = check_code("5.03.02.2.02.0004", "Pengelolaan Pendidikan Lanjutan ASN", "sub_kegiatan")
    assert check.status == "invalid"
    assert check.code is None
    assert check.suggested == "5.03.02.2.03.0004"
    assert check.message.startswith("Kode 5.03.02.2.02.0004 tidak ada dalam nomenklatur")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", "5.03.01.2.09.0009"),
        ("Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "5.03.01.2.06.0009"),
        ("Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", "5.03.01.2.05.0009"),
        ("Pengadaan Gedung Kantor atau Bangunan Lainnya", "5.03.01.2.07.0009"),
    ],
)
def test_damaged_kegiatan_number_is_repaired_by_the_name(name: str, code: str) -> None:
    check = check_code("5 3 1 2.1 9", name, "sub_kegiatan")
    assert check.status == "repaired"
    assert check.code == code
    assert check.official_name is not None


def test_lost_zero_in_the_kegiatan_number_is_repaired() -> None:
    check = check_code("5.3.2.2.1.3", "Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK",
                       "sub_kegiatan")
    assert (check.status, check.code) == ("repaired", "5.03.02.2.01.0003")
    kegiatan = check_code("5 3 1 2.1", "Peningkatan Pelayanan BLUD", "kegiatan")
    assert (kegiatan.status, kegiatan.code) == ("repaired", "5.03.01.2.10")


def test_damaged_code_that_no_name_resolves_is_invalid_with_its_candidates() -> None:
    check = check_code("5 3 1 2.1 9", "Penyediaan Jasa Surat Menyurat", "sub_kegiatan")
    assert check.status == "invalid"
    assert check.code is None
    assert check.candidates == (
        "5.03.01.2.05.0009", "5.03.01.2.06.0009", "5.03.01.2.07.0009", "5.03.01.2.09.0009",
    )
    assert "5.03.01.2.05.0009" in check.message
    # the name is the support program's Surat Menyurat, suggested in the same program
    assert check.suggested == "5.03.01.2.08.0001"


def test_code_without_urusan_and_bidang_is_completed_by_the_name() -> None:
    check = check_code("02 2.01 03", "Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK",
                       "sub_kegiatan")
    assert (check.status, check.code) == ("repaired", "5.03.02.2.01.0003")
    kegiatan = check_code("02 2.04", "Penilaian dan Evaluasi Kinerja Aparatur", "kegiatan")
    assert (kegiatan.status, kegiatan.code) == ("repaired", "5.03.02.2.04")


def test_completion_inside_the_bidang_above() -> None:
    # the support program's items have the same name in every bidang: the name alone cannot
    # choose, the bidang heading above the row can
    alone = check_code("01 2.02 01", "Penyediaan Gaji dan Tunjangan ASN", "sub_kegiatan")
    assert alone.status == "invalid"
    assert "5.03.01.2.02.0001" in alone.candidates
    assert "5.04.01.2.02.0001" in alone.candidates
    assert alone.suggested is None
    assert "lebih dari satu kode" in alone.message
    within = check_code_within("01 2.02 01", "Penyediaan Gaji dan Tunjangan ASN", "sub_kegiatan",
                               within="5 3")
    assert (within.status, within.code) == ("repaired", "5.03.01.2.02.0001")
    within = check_code_within("01 2.02 01", "Penyediaan Gaji dan Tunjangan ASN", "sub_kegiatan",
                               within="5.04.02")
    assert within.code == "5.04.01.2.02.0001"


def test_legacy_codes_are_for_duplicates_only() -> None:
    check = check_code("17.22", "Pendidikan dan Pelatihan Formal", "kegiatan")
    assert check.status == "legacy"
    assert check.code == "17.22"
    assert check_code("17.022", "x", "kegiatan").code == "17.22"


def test_what_is_not_checked() -> None:
    assert check_code("", "Belanja", "program").status == "skipped"
    assert check_code("5.1", "Belanja Langsung", "total").status == "skipped"
    assert check_code("1.1.01.01", "Gaji pokok PNS", "lain").status == "skipped"
    # a provincial code outside the bidang that the provincial list holds
    outside = check_code("1.01.02.1.01.0001", "Apa pun", "sub_kegiatan", "provinsi")
    assert outside.status == "skipped"
    assert outside.code == "1.01.02.1.01.0001"
    assert check_code("1 1 2 1.1 1", "Apa pun", "sub_kegiatan", "provinsi").status == "skipped"
    # inside it, a provincial code that does not exist is invalid
    assert check_code("5.03.02.1.02.0009", "Apa pun", "sub_kegiatan", "provinsi").status == (
        "invalid"
    )


def test_unreadable_code_is_invalid() -> None:
    check = check_code("5.03.O1.2.01", "Perencanaan", "kegiatan")
    assert check.status == "invalid"
    assert check.code is None


def test_provincial_codes() -> None:
    check = check_code("5.03.01.1.02.0003",
                       "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
                       "sub_kegiatan", "provinsi")
    assert (check.status, check.code) == ("ok", "5.03.01.1.02.0003")
    program = check_code("5.03.01", "Program Penunjang Urusan Pemerintahan Daerah Provinsi",
                         "program", "provinsi")
    assert program.status == "ok"
    assert program.official_name == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI"


def test_shortened_name_of_a_sibling_is_a_mismatch_but_other_wordings_are_not() -> None:
    # 'Pelayanan Izin Perceraian' is 'Pelayanan Proses Izin Perceraian Pegawai' with words left
    # out, and no other name of the program fits it
    check = check_code("5.03.02.2.04.0008", "Pelayanan Izin Perceraian", "sub_kegiatan")
    assert (check.status, check.suggested) == ("name_mismatch", "5.03.02.2.04.0009")
    assert check_code("5.03.02.2.04.0009", "Pelayanan Izin Perceraian", "sub_kegiatan").status == (
        "ok"
    )
    # another wording of the printed code's item, fitting no other name: no finding
    assert check_code("5.03.01.2.08.0004", "Penyediaan Jasa Kebersihan Kantor",
                      "sub_kegiatan").status == "ok"


def test_skpd_and_perangkat_daerah_are_the_same_words() -> None:
    assert names.words("Penatausahaan Arsip Dinamis pada Perangkat Daerah") == names.words(
        "Penatausahaan Arsip Dinamis pada SKPD"
    )
    check = check_code("5 3 1 2.1 10", "Penatausahaan Arsip Dinamis pada Perangkat Daerah",
                       "sub_kegiatan")
    assert (check.status, check.code) == ("repaired", "5.03.01.2.06.0010")


@pytest.mark.parametrize(
    ("printed_name", "code"),
    [
        # names as the seed documents print them (Paser T-C.29, T-C.31 and Tabel 4.1, Kutai
        # Kartanegara Tabel 1)
        ("Penyusunan Dok Perencanaan Perangkat Daerah", "5.03.01.2.01.0001"),
        ("Penyediaan Barang Cetak dan Penggandaan", "5.03.01.2.06.0005"),
        ("Pengadaan Meubel", "5.03.01.2.07.0005"),
        ("Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", "5.03.01.2.07"),
        (
            "Penyelenggaraan pengembangan kompetensi teknis umum, inti, dan pilihan bagi jabatan "
            "administrasi penyelenggaraan urusan pemerintah konkuren, perangkat daerah penunjang, "
            "dan urusan pemerintahan umum",
            "5.04.02.2.01.0003",
        ),
    ],
)
def test_printed_name_variants_fit_their_code(printed_name: str, code: str) -> None:
    official = official_name(code)
    assert official is not None
    assert names.fit(names.words(printed_name), names.words(official)) in (names.EXACT, names.CLOSE)
    level = "kegiatan" if code.count(".") == 4 else "sub_kegiatan"
    assert check_code(code, printed_name, level).status == "ok"
    # and they are enough to repair a damaged print of the code
    parts = code.split(".")
    damaged = " ".join([parts[0], parts[1][1], parts[2][1], f"{parts[3]}.{int(parts[4])}",
                        *(str(int(p)) for p in parts[5:])])
    repaired = check_code(damaged, printed_name, level)
    assert (repaired.status, repaired.code) == ("repaired", code), damaged


@pytest.mark.parametrize("government_level", ["kabkota", "provinsi"])
def test_every_code_of_the_reference_with_its_own_name_is_ok(government_level: str) -> None:
    checked = 0
    for level in ("program", "kegiatan", "sub_kegiatan"):
        for entry in search_all(government_level, level):
            check = check_code(entry.code, entry.name, level, government_level)
            assert (check.status, check.code) == ("ok", entry.code), entry
            checked += 1
    assert checked > (200 if government_level == "provinsi" else 8000)


def search_all(government_level: str, level: str) -> list[Entry]:
    """Every entry of a level, walking the tree from the urusan down."""
    found: list[Entry] = []
    todo = [e for u in range(1, 10) if (e := lookup(str(u), government_level)) is not None]
    while todo:
        entry = todo.pop()
        if entry.level == level:
            found.append(entry)
        else:
            todo.extend(children(entry.code, government_level))
    return found
