"""Weighted composite indices: definition as data, inputs, working shown."""

from __future__ import annotations

import json
from decimal import Decimal as D
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from kinerja.core.indices import composite as c
from kinerja.core.indices.common import IndeksError

CONTOH = Path(__file__).resolve().parent.parent / "src/kinerja/data/contoh-indeks"


def secretariat() -> c.DefinisiKomposit:
    return c.DefinisiKomposit("Indeks Pelayanan Sekretariat", (
        c.KomponenKomposit("dokumen", "Dokumen tepat waktu", D(40)),
        c.KomponenKomposit("serapan", "Serapan anggaran", D(30)),
        c.KomponenKomposit("pelatihan", "Pegawai terlatih", D(25)),
        c.KomponenKomposit("sarana", "Sarana berfungsi", D(5)),
    ))


INPUTS = {
    "dokumen": c.Masukan(D(19), D(20)),
    "serapan": c.Masukan(persen=D("88.50")),
    "pelatihan": c.Masukan(D(30), D(50)),
    "sarana": c.Masukan(D(12), D(12)),
}


def test_weighted_sum_with_working() -> None:
    r = c.hitung(secretariat(), INPUTS)
    assert r.nilai == D("84.55")
    assert [k.kontribusi for k in r.komponen] == [
        Fraction(38), Fraction("26.55"), Fraction(15), Fraction(5)]
    assert r.kerja() == (
        "Indeks Pelayanan Sekretariat = 40 % × 95,00 (19/20) + 30 % × 88,50 + "
        "25 % × 60,00 (30/50) + 5 % × 100,00 (12/12) = 38,00 + 26,55 + 15,00 + 5,00 = 84,55")
    data = r.to_dict()
    json.dumps(data)
    assert data["nilai"] == "84.55" and data["komponen"][0]["persen"] == "95.00"


def test_exact_fractions_round_only_at_the_end() -> None:
    d = c.DefinisiKomposit("X", (c.KomponenKomposit("a", "A", D(50)),
                                 c.KomponenKomposit("b", "B", D(50))))
    r = c.hitung(d, {"a": c.Masukan(D(1), D(3)), "b": c.Masukan(D(1), D(3))})
    assert r.nilai_exact == Fraction(100, 3) and r.nilai == D("33.33")


def test_cap_is_optional_and_shown() -> None:
    inputs = dict(INPUTS, serapan=c.Masukan(persen=D(120)))
    assert c.hitung(secretariat(), inputs).nilai == D("94.00")  # 38 + 36 + 15 + 5
    capped = c.DefinisiKomposit(secretariat().nama, secretariat().komponen, batas_atas=D(100))
    r = c.hitung(capped, inputs)
    assert r.nilai == D("88.00")  # 38 + 30 + 15 + 5
    assert "30 % × 120,00, dibatasi 100,00" in r.kerja()


def test_definition_errors() -> None:
    with pytest.raises(IndeksError, match="berjumlah 95"):
        c.DefinisiKomposit("X", (c.KomponenKomposit("a", "A", D(95)),))
    with pytest.raises(IndeksError, match="unik"):
        c.DefinisiKomposit("X", (c.KomponenKomposit("a", "A", D(50)),
                                 c.KomponenKomposit("a", "B", D(50))))


def test_input_errors() -> None:
    with pytest.raises(IndeksError, match="penyebut 0"):
        c.hitung(secretariat(), dict(INPUTS, dokumen=c.Masukan(D(1), D(0))))
    with pytest.raises(IndeksError, match="tidak ada"):
        c.hitung(secretariat(), {"dokumen": INPUTS["dokumen"]})
    with pytest.raises(IndeksError, match="tidak dikenal: lain"):
        c.hitung(secretariat(), dict(INPUTS, lain=c.Masukan(persen=D(1))))
    with pytest.raises(IndeksError, match="tidak keduanya"):
        c.hitung(secretariat(), dict(INPUTS, sarana=c.Masukan(D(1), D(2), D(50))))


def test_bundled_definition_file() -> None:
    data = yaml.safe_load((CONTOH / "komposit-sekretariat.yaml").read_text(encoding="utf-8"))
    d = c.definisi_dari_dict(data["definisi"])
    r = c.hitung(d, c.masukan_dari_dict(data["masukan"]))
    assert r.nilai == D("84.55")
    assert r.kerja().endswith("= 38,00 + 26,55 + 15,00 + 5,00 = 84,55")
