"""Nomenclature codes of programs, kegiatan and sub kegiatan (Permendagri 90/2019,
Kepmendagri 050-5889/2021 and its 2023 update).

CONTRACT (implementation pending): the signatures below are fixed; other modules code against
them.

Canonical form `U.BB.PP.J.KK.SSSS`: urusan, bidang, program, kegiatan (J = 1 provinsi,
2 kabupaten/kota; KK its number), sub kegiatan (4 digits). Documents print `5.03.02.2.01.0003`,
`5.03.02.2.01.03`, `5 3 1 2.01 1`, `5 3 2 2 11`, legacy `17.22`, damaged `5 3 1 2.1 9`, and
codes without urusan and bidang (`01 2.02 01`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """A parsed code. `parts` are the integer parts present: (urusan, bidang, program,
    kegiatan_type, kegiatan_number, sub_kegiatan); shorter tuples for higher levels."""

    parts: tuple[int, ...]

    @property
    def canonical(self) -> str:
        """`5.03.02.2.01.0003` (as many parts as there are)."""
        raise NotImplementedError

    @property
    def level(self) -> str:
        """'urusan', 'bidang', 'program', 'kegiatan' or 'sub_kegiatan'."""
        raise NotImplementedError

    @property
    def parent(self) -> Code | None:
        """The code one level up (None for an urusan)."""
        raise NotImplementedError

    @property
    def government_level(self) -> str | None:
        """'provinsi' (J = 1), 'kabkota' (J = 2), None above kegiatan level."""
        raise NotImplementedError


@dataclass(frozen=True)
class CodeCheck:
    """What checking one printed code against the nomenclature gave.

    `status`: 'ok' (valid, name fits or no name to compare), 'repaired' (damaged or incomplete
    print resolved by the name: not a finding), 'name_mismatch' (valid code whose official name is
    not the row's, while another code's official name is: finding code_name_mismatch), 'invalid'
    (cannot be read, repaired or completed: finding invalid_code), 'legacy' (two-part pre-2019
    code: checked for duplicates only), 'skipped' (nothing to check).
    `code` the canonical code used for duplicate detection (None when invalid);
    `official_name` the nomenclature's name of `code`; `candidates` canonical codes that were
    considered; `message` a sentence in Bahasa Indonesia for a finding.
    """

    printed: str
    status: str
    code: str | None = None
    official_name: str | None = None
    suggested: str | None = None
    candidates: tuple[str, ...] = ()
    message: str = ""


def parse_code(text: str) -> Code | None:
    """Parse a well-formed printed code (dotted or spaced; 2- or 4-digit sub kegiatan) into a
    Code, or None when it cannot be read without the name."""
    raise NotImplementedError


def official_name(code: str, government_level: str = "kabkota") -> str | None:
    """The nomenclature's name of a canonical code, from the bundled reference lists."""
    raise NotImplementedError


def check_code(printed: str, name: str, level: str, government_level: str = "kabkota") -> CodeCheck:
    """Check one printed code of a row of `level` ('program', 'kegiatan', 'sub_kegiatan') named
    `name`, following the Conventions of document-tables.md (repair, completion, tolerant name
    matching)."""
    raise NotImplementedError
