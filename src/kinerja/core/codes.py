"""Nomenclature codes of programs, kegiatan and sub kegiatan (Permendagri 90/2019,
Kepmendagri 050-5889/2021 and its 2023 update).

Canonical form `U.BB.PP.J.KK.SSSS`: urusan, bidang, program, kegiatan (J = 1 provinsi,
2 kabupaten/kota; KK its number), sub kegiatan (4 digits). Documents print `5.03.02.2.01.0003`,
`5.03.02.2.01.03`, `5 3 1 2.01 1`, `5 3 2 2 11`, legacy `17.22`, damaged `5 3 1 2.1 9`, and
codes without urusan and bidang (`01 2.02 01`).

The names come from the bundled reference lists (`kinerja.data`): the kabupaten/kota list of
every urusan, whose support program `X.XX.01` stands for the support program of every bidang,
and the Kepegawaian / Pendidikan dan Pelatihan list in both its provincial and its
kabupaten/kota form. A 2-digit sub kegiatan number is the same 4-digit number (`.03` is
`.0003`, the 2021+ numbering). `check_code` applies the Conventions of document-tables.md: a
damaged or incomplete print is repaired or completed by the row's name (not a finding); a valid
code whose name belongs to another code is a `name_mismatch`; a code that cannot be read,
repaired or completed is `invalid`.

Public functions: `parse_code`, `lookup` / `official_name` / `children` / `search` (the
nomenclature), `check_code` and `check_code_within` (a row's printed code, the latter completing
`01 2.02 01` inside the bidang of the coded row above). Name matching is `kinerja.core.names`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from kinerja.core import names

#: Levels of the nomenclature, by the number of parts of their code.
LEVEL_BY_LENGTH: dict[int, str] = {
    1: "urusan", 2: "bidang", 3: "program", 5: "kegiatan", 6: "sub_kegiatan",
}
LENGTH_BY_LEVEL: dict[str, int] = {level: n for n, level in LEVEL_BY_LENGTH.items()}
#: The row levels whose printed code is checked against the nomenclature.
CODE_LEVELS: tuple[str, ...] = ("program", "kegiatan", "sub_kegiatan")
GOVERNMENT_LEVELS: tuple[str, ...] = ("provinsi", "kabkota")

_LEVEL_LABEL = {
    "urusan": "urusan", "bidang": "bidang", "program": "program", "kegiatan": "kegiatan",
    "sub_kegiatan": "sub kegiatan",
}
_GOVERNMENT_LABEL = {"provinsi": "provinsi", "kabkota": "kabupaten/kota"}
_REGULATION = "Kepmendagri 050-5889/2021"


@dataclass(frozen=True)
class Code:
    """A parsed code. `parts` are the integer parts present: (urusan, bidang, program,
    kegiatan_type, kegiatan_number, sub_kegiatan); shorter tuples for higher levels."""

    parts: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.parts) not in LEVEL_BY_LENGTH:
            raise ValueError(f"a code has 1, 2, 3, 5 or 6 parts, not {len(self.parts)}")
        if any(p < 0 for p in self.parts):
            raise ValueError("code parts are not negative")

    @property
    def canonical(self) -> str:
        """`5.03.02.2.01.0003` (as many parts as there are)."""
        widths = (1, 2, 2, 1, 2, 4)
        return ".".join(f"{p:0{w}d}" for p, w in zip(self.parts, widths, strict=False))

    @property
    def level(self) -> str:
        """'urusan', 'bidang', 'program', 'kegiatan' or 'sub_kegiatan'."""
        return LEVEL_BY_LENGTH[len(self.parts)]

    @property
    def parent(self) -> Code | None:
        """The code one level up (None for an urusan)."""
        n = len(self.parts)
        if n == 1:
            return None
        return Code(self.parts[:3] if n == 5 else self.parts[:-1])

    @property
    def government_level(self) -> str | None:
        """'provinsi' (J = 1), 'kabkota' (J = 2), None above kegiatan level."""
        if len(self.parts) < 5:
            return None
        return {1: "provinsi", 2: "kabkota"}.get(self.parts[3])

    def __str__(self) -> str:
        return self.canonical


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


@dataclass(frozen=True)
class Entry:
    """One item of the nomenclature: its canonical code, level and official name, and for a sub
    kegiatan its official output (`kinerja`), indicator and unit. `status` is the reference
    list's (`official`, `derived-attested`, `derived`, `inferred`), or `template` for a support
    program item taken from the common `X.XX.01`."""

    code: str
    level: str
    name: str
    government_level: str
    kinerja: str = ""
    indikator: str = ""
    satuan: str = ""
    status: str = "official"

    @property
    def parts(self) -> tuple[int, ...]:
        """The integer parts of the entry's canonical code."""
        return _split_canonical(self.code)


# --------------------------------------------------------------------------------------------
# Reading printed codes

_SEPARATORS = re.compile(r"[\s.,]+")
_PRINTED = re.compile(r"[0-9]+(?:[\s.,]+[0-9]+)*")
#: An organisation code (`5.03.5.04.0.00.01.0000`: up to three bidang, unit, sub unit) printed
#: before the program code in Permendagri 86/2017 forms.
_ORGANISATION = re.compile(r"\d\.\d{2}\.\d\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}\s+(?=\d)")


def _groups(text: str) -> list[str] | None:
    """The digit groups of a printed code (`5 3 1 2.01 1` -> 5, 3, 1, 2, 01, 1), or None when it
    holds anything but digits, spaces, dots and commas. An organisation code printed before the
    program code is left out."""
    stripped = _ORGANISATION.sub("", text.strip(), count=1).strip(".,").strip()
    if not stripped or not _PRINTED.fullmatch(stripped):
        return None
    return _SEPARATORS.split(stripped)


def _well_formed(groups: Sequence[str]) -> tuple[int, ...] | None:
    """The parts of an unambiguous code: urusan 1 digit, bidang and program 1-2 digits, kegiatan
    type 1 digit, kegiatan number exactly 2 digits, sub kegiatan 1-4 digits, none of them 0."""
    n = len(groups)
    if n not in LEVEL_BY_LENGTH or len(groups[0]) != 1:
        return None
    widths = ((1, 1), (1, 2), (1, 2), (1, 1), (2, 2), (1, 4))
    for group, (low, high) in zip(groups, widths, strict=False):
        if not low <= len(group) <= high:
            return None
    parts = tuple(int(g) for g in groups)
    if any(p == 0 for p in parts):
        return None
    return parts


def parse_code(text: str) -> Code | None:
    """Parse a well-formed printed code (dotted or spaced; 2- or 4-digit sub kegiatan) into a
    Code, or None when it cannot be read without the name."""
    groups = _groups(text)
    if groups is None:
        return None
    parts = _well_formed(groups)
    return Code(parts) if parts is not None else None


def _split_canonical(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split("."))


def _kegiatan_numbers(group: str) -> list[int]:
    """The kegiatan numbers a printed kegiatan number may stand for. Two digits are read as
    printed. One digit `d` lost a zero (`2.1` = 2.01 or 2.10) or is the two-digit number rounded
    to one decimal by the extraction (`2.1` for 2.05-2.14, `2.0` for 2.01-2.04)."""
    if len(group) == 2:
        return [int(group)]
    if len(group) != 1:
        return []
    d = int(group)
    numbers = [d, *range(10 * d - 5, 10 * d + 5)]
    return sorted({n for n in numbers if 1 <= n <= 99})


def _full_readings(groups: Sequence[str]) -> list[tuple[int, ...]]:
    """Complete codes (urusan first) that the digit groups may stand for, repairing a kegiatan
    number that lost a zero or was rounded."""
    n = len(groups)
    if n not in (3, 5, 6) or len(groups[0]) != 1:
        return []
    widths = ((1, 1), (1, 2), (1, 2), (1, 1), (1, 2), (1, 4))
    for group, (low, high) in zip(groups, widths, strict=False):
        if not low <= len(group) <= high:
            return []
    head = tuple(int(g) for g in groups[:4])
    if any(p == 0 for p in head):
        return []
    if n == 3:
        return [head[:3]]
    tail = (int(groups[5]),) if n == 6 else ()
    if tail and tail[0] == 0:
        return []
    return [(*head, kk, *tail) for kk in _kegiatan_numbers(groups[4])]


def _tail_readings(groups: Sequence[str]) -> list[tuple[int, ...]]:
    """(program, J, KK[, sub kegiatan]) or (program,) for a code printed without urusan and
    bidang (`01 2.02 01`)."""
    n = len(groups)
    if n not in (1, 3, 4):
        return []
    widths = ((1, 2), (1, 1), (1, 2), (1, 4))
    for group, (low, high) in zip(groups, widths, strict=False):
        if not low <= len(group) <= high:
            return []
    program = int(groups[0])
    if program == 0:
        return []
    if n == 1:
        return [(program,)]
    j = int(groups[1])
    sub = (int(groups[3]),) if n == 4 else ()
    if j == 0 or (sub and sub[0] == 0):
        return []
    return [(program, j, kk, *sub) for kk in _kegiatan_numbers(groups[2])]


# --------------------------------------------------------------------------------------------
# The reference lists


@dataclass
class _Index:
    """The nomenclature of one government level, indexed for look-ups by code, by name and by
    the code's tail (for completion)."""

    government_level: str
    entries: dict[str, Entry] = field(default_factory=dict)
    bidang_covered: frozenset[tuple[int, int]] | None = None  # None: every bidang

    def __post_init__(self) -> None:
        self.words: dict[str, tuple[str, ...]] = {}
        self.by_words: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        self.postings: dict[tuple[str, str], set[str]] = {}
        self.by_level: dict[str, list[str]] = {}
        self.by_tail: dict[tuple[int, ...], list[str]] = {}
        self.children: dict[str, list[str]] = {}

    def add(self, entry: Entry) -> None:
        """Add one reference row (a later row with the same code replaces it)."""
        self.entries[entry.code] = entry

    def build(self) -> None:
        """Derive the lookup tables (children, codes by their last parts) once every row is
        added."""
        for code in sorted(self.entries, key=_split_canonical):
            entry = self.entries[code]
            ws = names.words(entry.name)
            self.words[code] = ws
            self.by_words.setdefault((entry.level, tuple(sorted(ws))), []).append(code)
            for w in set(ws):
                self.postings.setdefault((entry.level, w), set()).add(code)
            self.by_level.setdefault(entry.level, []).append(code)
            parts = _split_canonical(code)
            if len(parts) >= 3:
                self.by_tail.setdefault(parts[2:], []).append(code)
            parent = Code(parts).parent
            if parent is not None:
                self.children.setdefault(parent.canonical, []).append(code)

    def covers(self, parts: tuple[int, ...]) -> bool:
        """Whether the list holds the whole of the bidang of `parts` (so that a code missing
        from it does not exist)."""
        if self.bidang_covered is None:
            return True
        if len(parts) == 1:
            return any(u == parts[0] for u, _ in self.bidang_covered)
        return (parts[0], parts[1]) in self.bidang_covered


def _rows(filename: str) -> list[dict[str, str]]:
    text = files("kinerja.data").joinpath(filename).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _entry(row: dict[str, str], code: str, government_level: str, status: str) -> Entry:
    return Entry(
        code=code, level=row["level"], name=row["nama"].strip(),
        government_level=government_level, kinerja=row.get("kinerja") or "",
        indikator=row.get("indikator") or "", satuan=row.get("satuan") or "", status=status,
    )


@lru_cache(maxsize=2)
def _index(government_level: str) -> _Index:
    if government_level not in GOVERNMENT_LEVELS:
        raise ValueError(f"government_level is 'provinsi' or 'kabkota', not {government_level!r}")
    kepegawaian = [
        r for r in _rows("nomenklatur-kepegawaian.csv")
        if r["applies_to"] in (government_level, "both")
    ]
    if government_level == "provinsi":
        index = _Index("provinsi", bidang_covered=frozenset({(5, 3), (5, 4)}))
        for row in kepegawaian:
            index.add(_entry(row, row["kode"], "provinsi", row["status"]))
        index.build()
        return index

    index = _Index("kabkota")
    template: list[tuple[str, dict[str, str]]] = []
    for row in _rows("nomenklatur-kabkota-lengkap.csv"):
        code = row["kode"]
        if code.startswith("X"):
            if code.startswith("X.XX.01."):
                template.append((code[len("X.XX.01."):], row))
            elif code == "X.XX.01":
                template.append(("", row))
            continue
        index.add(_entry(row, code, "kabkota", "official"))
    for row in kepegawaian:
        index.add(_entry(row, row["kode"], "kabkota", row["status"]))
    # the support program X.XX.01 of every bidang that the lists do not spell out
    spelled_out = {c[: len("5.03.01")] for c in index.entries if c.count(".") > 2}
    bidang = [e.code for e in index.entries.values() if e.level == "bidang"]
    for b in bidang:
        program = f"{b}.01"
        if program in spelled_out:
            continue
        for suffix, row in template:
            code = f"{program}.{suffix}" if suffix else program
            if code not in index.entries:
                index.add(_entry(row, code, "kabkota", "template"))
    index.build()
    return index


def _index_for(parts: tuple[int, ...], government_level: str) -> _Index:
    """The kegiatan type digit decides the list for kegiatan and sub kegiatan; above them the
    agency's government level does."""
    if len(parts) >= 5:
        return _index("provinsi" if parts[3] == 1 else "kabkota")
    return _index(government_level)


def _to_parts(code: str | Code) -> tuple[int, ...] | None:
    if isinstance(code, Code):
        return code.parts
    parsed = parse_code(code)
    return parsed.parts if parsed is not None else None


def lookup(code: str | Code, government_level: str = "kabkota") -> Entry | None:
    """The nomenclature entry of a code (canonical or any well-formed printed form)."""
    parts = _to_parts(code)
    if parts is None:
        return None
    return _index_for(parts, government_level).entries.get(Code(parts).canonical)


def official_name(code: str, government_level: str = "kabkota") -> str | None:
    """The nomenclature's name of a canonical code, from the bundled reference lists."""
    entry = lookup(code, government_level)
    return entry.name if entry is not None else None


def children(code: str | Code, government_level: str = "kabkota") -> list[Entry]:
    """The entries one level below `code`, in code order."""
    parts = _to_parts(code)
    if parts is None:
        return []
    index = _index_for(parts, government_level)
    return [index.entries[c] for c in index.children.get(Code(parts).canonical, [])]


def search(
    text: str, government_level: str = "kabkota", level: str | None = None, limit: int = 20,
    within: str | None = None,
) -> list[Entry]:
    """Entries whose official name holds the words of `text` (tolerantly: case, punctuation,
    abbreviations, typos), the closest fits first, then in code order; only those under the
    code `within` (e.g. the agency's bidang `5.03`) when it is given."""
    index = _index(government_level)
    query = names.words(text)
    prefix = _to_parts(within) if within else ()
    if not query or prefix is None:
        return []
    levels = [level] if level is not None else list(LENGTH_BY_LEVEL)
    found: list[tuple[int, tuple[int, ...], str]] = []
    for lv in levels:
        for code in _plausible(index, lv, query):
            if _split_canonical(code)[: len(prefix)] != prefix:
                continue
            grade = names.GRADES[names.fit(query, index.words[code])]
            if grade:
                found.append((-grade, _split_canonical(code), code))
    found.sort()
    return [index.entries[code] for _, _, code in found[:limit]]


def _plausible(index: _Index, level: str, query: Sequence[str]) -> list[str]:
    """Codes of `level` that may fit `query`: those holding one of its three rarest known words
    (a fit may spell a word or two otherwise); all of the level when none of its words is
    known."""
    postings = [index.postings[(level, w)] for w in query if (level, w) in index.postings]
    if not postings:
        return list(index.by_level.get(level, []))
    rarest = sorted(postings, key=len)[:3]
    return sorted(set().union(*rarest), key=_split_canonical)


# --------------------------------------------------------------------------------------------
# Checking a printed code against the row's name


def _nearest(codes: Iterable[str], near: tuple[int, ...] | None) -> str:
    """The code sharing the longest leading parts with `near` (then the first in code order)."""
    def key(code: str) -> tuple[int, tuple[int, ...]]:
        parts = _split_canonical(code)
        shared = 0
        if near is not None:
            for a, b in zip(parts, near, strict=False):
                if a != b:
                    break
                shared += 1
        return (-shared, parts)

    return min(codes, key=key)


def _owner(
    index: _Index, level: str, row_words: tuple[str, ...], better_than: int,
    near: tuple[int, ...] | None,
) -> str | None:
    """The code of `level` whose official name is the row's name, fitting better than
    `better_than` (a names.GRADES value): an exact fit first; otherwise a close fit (typos)
    that only one official name gives; otherwise a partial fit (words left out) that only one
    official name of the program of `near` gives: a shortened name is not looked for elsewhere."""
    if better_than < names.GRADES[names.EXACT]:
        exact = index.by_words.get((level, tuple(sorted(row_words))))
        if exact:
            return _nearest(exact, near)
    for grade_name in (names.CLOSE, names.PARTIAL):
        if better_than >= names.GRADES[grade_name]:
            return None
        fitting = [
            code for code in _plausible(index, level, row_words)
            if names.fit(row_words, index.words[code]) == grade_name
        ]
        if grade_name == names.PARTIAL and near is not None:
            program = near[:3]
            fitting = [c for c in fitting if _split_canonical(c)[: len(program)] == program]
        distinct = {index.words[code] for code in fitting}
        if len(distinct) == 1:
            return _nearest(fitting, near)
        if len(distinct) > 1:
            return None
    return None


def _label(code: str, printed: str) -> str:
    shown = printed.strip()
    return code if shown == code else f"{code} (tertulis \"{shown}\")"


def _check_valid(
    printed: str, parts: tuple[int, ...], name: str, level: str, index: _Index,
) -> CodeCheck:
    code = Code(parts).canonical
    entry = index.entries[code]
    row_words = names.words(name)
    if not row_words:
        return CodeCheck(printed, "ok", code=code, official_name=entry.name)
    grade = names.GRADES[names.fit(row_words, index.words[code])]
    owner = None
    if not (grade == names.GRADES[names.EXACT] and entry.level == level):
        owner = _owner(index, level, row_words, grade, parts)
    if owner is None or owner == code:
        return CodeCheck(printed, "ok", code=code, official_name=entry.name)
    owner_level = index.entries[owner].level
    what = "" if entry.level == owner_level else f"{_LEVEL_LABEL[entry.level]} "
    whose = "" if entry.level == owner_level else f"{_LEVEL_LABEL[owner_level]} "
    message = (
        f"Kode {_label(code, printed)} adalah {what}\"{entry.name}\"; "
        f"nama tertulis \"{name.strip()}\" adalah {whose}{owner}."
    )
    return CodeCheck(
        printed, "name_mismatch", code=code, official_name=entry.name, suggested=owner,
        candidates=(code, owner), message=message,
    )


def _candidates(
    groups: Sequence[str], level: str, government_level: str, within: tuple[int, ...] | None,
) -> list[str]:
    """Existing codes of `level` that a damaged or incomplete print may stand for."""
    wanted = LENGTH_BY_LEVEL[level]
    found: list[str] = []
    for parts in _full_readings(groups):
        if len(parts) == wanted:
            index = _index_for(parts, government_level)
            code = Code(parts).canonical
            if code in index.entries:
                found.append(code)
    for tail in _tail_readings(groups):
        if len(tail) + 2 != wanted:
            continue
        index = _index_for((0, 0, *tail), government_level)
        for code in index.by_tail.get(tail, []):
            if within is None or _split_canonical(code)[:2] == within[:2]:
                found.append(code)
    return sorted(set(found), key=_split_canonical)


def _some(codes: Sequence[str], shown: int = 6) -> str:
    """`a, b, c` or `a, b, c dan 12 lainnya`."""
    if len(codes) <= shown:
        return ", ".join(codes)
    return f"{', '.join(codes[:shown])} dan {len(codes) - shown} lainnya"


def _resolve(
    printed: str, groups: Sequence[str], name: str, level: str, government_level: str,
    within: tuple[int, ...] | None, direct: tuple[int, ...] | None,
) -> CodeCheck:
    """Repair or complete a print that is not a valid code, choosing by the row's name."""
    candidates = _candidates(groups, level, government_level, within)
    row_words = names.words(name)
    chosen: str | None = None
    considered = tuple(candidates)
    if candidates and not row_words and len(candidates) == 1:
        chosen = candidates[0]
    elif candidates and row_words:
        graded: dict[str, int] = {}
        for code in candidates:
            index = _index_for(_split_canonical(code), government_level)
            graded[code] = names.GRADES[names.fit(row_words, index.words[code])]
        best = max(graded.values())
        top = [c for c in candidates if graded[c] == best]
        if best > 0:
            considered = tuple(top)
            if len(top) == 1:
                chosen = top[0]
    if chosen is not None:
        entry = _index_for(_split_canonical(chosen), government_level).entries[chosen]
        return CodeCheck(
            printed, "repaired", code=chosen, official_name=entry.name, candidates=considered,
            message=f"Kode \"{printed.strip()}\" dibaca sebagai {chosen} (\"{entry.name}\").",
        )

    readings = _full_readings(groups)
    if not candidates and readings and not any(
        _index_for(parts, government_level).covers(parts) for parts in readings
    ):
        index = _index_for(readings[0], government_level)
        return CodeCheck(
            printed, "skipped",
            message=f"Kode \"{printed.strip()}\" di luar daftar nomenklatur rujukan "
            f"{_GOVERNMENT_LABEL[index.government_level]}; tidak diperiksa.",
        )

    # invalid: say what the name is, if it is the name of one code
    near = direct or (readings[0] if readings else None) or within
    index = _index_for(direct, government_level) if direct else _index(government_level)
    ambiguous = len(considered) > 1 and any(
        names.fit(row_words, _index_for(_split_canonical(c), government_level).words[c])
        for c in considered
    )
    suggested = _owner(index, level, row_words, 0, near) if row_words and not ambiguous else None
    shown = printed.strip()
    if direct is not None:
        message = f"Kode {_label(Code(direct).canonical, printed)} tidak ada dalam nomenklatur"
        message += f" {_REGULATION}"
        if (
            suggested is not None and len(direct) == 6 and len(groups[5]) <= 2
            and _split_canonical(suggested)[:5] == direct[:5]
        ):
            message += (
                " (nomor sub kegiatan 2 digit ini mungkin mengikuti penomoran lama sebelum 2021)"
            )
    elif not candidates:
        message = f"Kode \"{shown}\" tidak dapat dibaca sebagai kode {_LEVEL_LABEL[level]}"
    elif ambiguous:
        message = (
            f"Kode \"{shown}\" rusak atau tidak lengkap dan nama \"{name.strip()}\" cocok "
            f"dengan lebih dari satu kode: {_some(considered)}"
        )
    else:
        message = (
            f"Kode \"{shown}\" rusak atau tidak lengkap dan tidak satu pun kemungkinannya "
            f"({_some(considered)}) bernama \"{name.strip()}\""
        )
    if suggested is not None:
        message += f"; nama tertulis \"{name.strip()}\" adalah {suggested}"
    return CodeCheck(
        printed, "invalid", suggested=suggested, candidates=considered, message=message + ".",
    )


def check_code(printed: str, name: str, level: str, government_level: str = "kabkota") -> CodeCheck:
    """Check one printed code of a row of `level` ('program', 'kegiatan', 'sub_kegiatan') named
    `name`, following the Conventions of document-tables.md (repair, completion, tolerant name
    matching)."""
    return check_code_within(printed, name, level, government_level, within=None)


def check_code_within(
    printed: str, name: str, level: str, government_level: str = "kabkota",
    within: str | None = None,
) -> CodeCheck:
    """`check_code` for a row that the table places under the coded row `within` (e.g. the
    bidang heading `5 3` above rows printed `01 2.02 01`): a code printed without urusan and
    bidang is completed inside that bidang only."""
    if government_level not in GOVERNMENT_LEVELS:
        raise ValueError(f"government_level is 'provinsi' or 'kabkota', not {government_level!r}")
    if not printed.strip() or level not in CODE_LEVELS:
        return CodeCheck(printed, "skipped")
    groups = _groups(printed)
    if groups is None:
        return _resolve(printed, [], name, level, government_level, None, None)
    if len(groups) == 2:
        legacy = ".".join(f"{int(g):02d}" for g in groups)
        return CodeCheck(
            printed, "legacy", code=legacy,
            message=f"Kode \"{printed.strip()}\" adalah kode lama (sebelum Permendagri 90/2019): "
            "hanya diperiksa duplikasinya.",
        )
    within_parts = _to_parts(within) if within else None
    direct = _well_formed(groups)
    if direct is not None:
        index = _index_for(direct, government_level)
        code = Code(direct).canonical
        if code in index.entries:
            return _check_valid(printed, direct, name, level, index)
        if not index.covers(direct):
            return CodeCheck(
                printed, "skipped", code=code,
                message=f"Kode {code} di luar daftar nomenklatur rujukan "
                f"{_GOVERNMENT_LABEL[index.government_level]}; namanya tidak diperiksa.",
            )
    return _resolve(printed, groups, name, level, government_level, within_parts, direct)
