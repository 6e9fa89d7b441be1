"""Scales against the numbers of rules.md §5 and the seeds."""

from decimal import Decimal as D

import pytest

from kinerja.core import scales


@pytest.mark.parametrize(
    "value,code",
    [("50.63", "SR"), ("51", "R"), ("65.99", "R"), ("66", "S"), ("75.5", "S"), ("76", "T"),
     ("90.99", "T"), ("91", "ST"), ("142.5", "ST"), ("86.91", "T"), ("101.15", "ST")],
)
def test_permendagri86_default_lower_bound_inclusive(value: str, code: str) -> None:
    assert scales.PERMENDAGRI_86.classify(D(value)).code == code


@pytest.mark.parametrize(
    "value,code", [("50", "SR"), ("50.5", "R"), ("65", "R"), ("65.5", "S"), ("90", "T"),
                   ("90.5", "ST")],
)
def test_permendagri86_upper_reading(value: str, code: str) -> None:
    assert scales.PERMENDAGRI_86_UPPER.classify(D(value)).code == code


@pytest.mark.parametrize(
    "value,code", [("67.50", "B"), ("81.00", "A"), ("90.00", "A"), ("90.01", "AA"),
                   ("60", "CC"), ("72", "BB"), ("65.18", "B"), ("75", "BB"), ("30", "D")],
)
def test_sakip_lower_bound_exclusive(value: str, code: str) -> None:
    assert scales.SAKIP.classify(D(value)).code == code


def test_ikm_kutai_kartanegara_and_rounding() -> None:
    band = scales.IKM.classify(D("76.33"))
    assert (band.code, band.label) == ("C", "Kurang Baik")
    assert scales.IKM.band_by_code("B").lower - D("76.33") == D("0.28")
    assert scales.IKM.classify(D("91.48")).code == "A"
    # rounded to 2 decimals before the thresholds: 76.605 -> 76.61 -> B
    assert scales.IKM.classify(D("76.605")).code == "B"
    assert scales.IKM.classify(D("76.604")).code == "C"


@pytest.mark.parametrize(
    "value,label", [("74.71", "Sedang"), ("70.6", "Rendah"), ("81.6", "Tinggi"),
                    ("71.1", "Sedang"), ("61.05", "Rendah"), ("59.62", "Sangat Rendah"),
                    ("80.91", "Sedang"), ("91", "Sangat Tinggi")],
)
def test_ipasn_samarinda_listing(value: str, label: str) -> None:
    assert scales.IPASN.classify(D(value)).label == label


def test_read_printed_labels() -> None:
    assert scales.SAKIP.read_label("B ( Baik )").code == "B"
    assert scales.SAKIP.read_label("A (Memuaskan)").code == "A"
    assert scales.SAKIP.read_label("B (Sangat Baik)") is None  # code and label disagree
    assert scales.PERMENDAGRI_86.read_label("tinggi").code == "T"
    assert scales.PERMENDAGRI_86.read_label("ST").code == "ST"
    assert scales.PERMENDAGRI_86.read_label("Tercapai sesuai target") is None
    assert scales.IKM.read_label("BB") is None
    assert scales.IPASN.read_label("sangat rendah").code == "SR"


def test_fits() -> None:
    assert scales.SAKIP.fits(D("67.50"), "B ( Baik )") is True
    assert scales.SAKIP.fits(D("72"), "B") is False
    assert scales.PERMENDAGRI_86.fits(D("101.15"), "Tercapai sesuai target") is False
    assert scales.PERMENDAGRI_86.fits(D("86.91"), "") is None


def test_registry() -> None:
    assert scales.get("ikm") is scales.IKM
    with pytest.raises(KeyError):
        scales.get("nope")
