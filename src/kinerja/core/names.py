"""Tolerant comparison of program, kegiatan and sub kegiatan names with the official nomenclature.

Documents print the official names with other case and punctuation, with level words
(`Program Penunjang ...`), abbreviations (`Kab/Kota`, `PD`, `JF`, `SKPD`, `ASN`), typos, and with
words left out. Names are compared by their words after normalising all of that
(document-tables.md, Conventions, "Structure"): `words` turns a name into its normalised words,
and `fit` grades how a printed name fits an official one: the same words ('exact'), the same
words with one-letter typos ('close'), or the official words with some left out ('partial').
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

#: Words that say which level a name is at, dropped at the start of a name.
LEVEL_WORDS: tuple[tuple[str, ...], ...] = (
    ("sub", "kegiatan"),
    ("subkegiatan",),
    ("kegiatan",),
    ("program",),
)

#: Connectives that printed names add or leave out freely.
CONNECTIVES: frozenset[str] = frozenset({"dan", "serta"})

#: Misspellings, in the official list itself or common in documents, and their correct word.
SPELLING: dict[str, str] = {
    "pengeloaan": "pengelolaan",
    "pengelolaaan": "pengelolaan",
    "jumah": "jumlah",
    "sertfikasi": "sertifikasi",
    "assesment": "assessment",
    "asessment": "assessment",
    "asesmen": "assessment",
    "perundangan": "perundang undangan",
    "prasana": "prasarana",
}

#: Phrases and the one standard form each is read as (mostly the abbreviation); a longer phrase
#: is replaced before a shorter one that starts it.
ABBREVIATIONS: dict[str, str] = {
    # SKPD (Satuan Kerja Perangkat Daerah), OPD and PD name the same agency; no two official
    # names differ only by these words
    "satuan kerja perangkat daerah": "pd",
    "skpd": "pd",
    "organisasi perangkat daerah": "pd",
    "perangkat daerah": "pd",
    "opd": "pd",
    "jabatan fungsional": "jf",
    "jabatan pimpinan tinggi": "jpt",
    "aparatur sipil negara": "asn",
    "pegawai negeri sipil": "pns",
    "pegawai pemerintah dengan perjanjian kerja": "pppk",
    "barang milik daerah": "bmd",
    "sumber daya manusia": "sdm",
    "pendidikan pelatihan": "diklat",
    "sistem pemerintahan berbasis elektronik": "spbe",
    "badan layanan umum daerah": "blud",
    "bimbingan teknis": "bimtek",
    "rapat koordinasi": "rakor",
    "pemda": "pemerintah daerah",
    "pemkab": "pemerintah kabupaten",
    "pemkot": "pemerintah kota",
    "pemprov": "pemerintah provinsi",
    "dok": "dokumen",
    "lap": "laporan",
    "keg": "kegiatan",
    "kabupaten kota": "kabkota",
    "kab kota": "kabkota",
    "kab": "kabupaten",
    "prov": "provinsi",
    "thn": "tahun",
    "tw": "triwulan",
    "sekda": "sekretariat daerah",
}

_TOKEN = re.compile(r"[a-z0-9]+")


def _fold(text: str) -> str:
    """Lower case without accents; '&' read as 'dan'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.lower().replace("&", " dan ")


def _phrases() -> dict[str, list[tuple[tuple[str, ...], list[str]]]]:
    """ABBREVIATIONS by their first word, longest phrase first."""
    table: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
    for long, short in ABBREVIATIONS.items():
        words_ = tuple(long.split())
        table.setdefault(words_[0], []).append((words_, short.split()))
    for options in table.values():
        options.sort(key=lambda item: -len(item[0]))
    return table


_PHRASES = _phrases()


def _replace_phrases(tokens: list[str]) -> list[str]:
    """Apply SPELLING to single words, then ABBREVIATIONS to phrases (longest first)."""
    spelled: list[str] = []
    for token in tokens:
        spelled.extend(SPELLING.get(token, token).split())
    out: list[str] = []
    i = 0
    while i < len(spelled):
        for long, short in _PHRASES.get(spelled[i], ()):
            if tuple(spelled[i:i + len(long)]) == long:
                out.extend(short)
                i += len(long)
                break
        else:
            out.append(spelled[i])
            i += 1
    return out


def _strip_level_words(tokens: list[str]) -> list[str]:
    changed = True
    while changed and tokens:
        changed = False
        for words in LEVEL_WORDS:
            if tuple(tokens[: len(words)]) == words and len(tokens) > len(words):
                tokens = tokens[len(words):]
                changed = True
                break
    return tokens


@lru_cache(maxsize=65536)
def words(name: str) -> tuple[str, ...]:
    """The normalised words of a name: lower case, no punctuation, no leading level word,
    misspellings corrected, abbreviations in one form, connectives ('dan', 'serta') left out."""
    tokens = _TOKEN.findall(_fold(name))
    # 'dan' is dropped before abbreviations so that 'Pendidikan dan Pelatihan' = 'Diklat'
    tokens = [t for t in tokens if t not in CONNECTIVES]
    return tuple(_strip_level_words(_replace_phrases(tokens)))


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """True when `a` and `b` differ by at most one inserted, deleted or replaced letter, or by two
    neighbouring letters swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2 and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    # b is one letter longer than a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


#: How well a printed name fits an official one, best first.
EXACT = "exact"        # the same words (in any order)
CLOSE = "close"        # the same words, some of them misspelt (one letter, a suffix -an)
PARTIAL = "partial"    # the official words with some left out (misspellings allowed)
GRADES: dict[str | None, int] = {EXACT: 3, CLOSE: 2, PARTIAL: 1, None: 0}


def _similar(a: str, b: str) -> bool:
    """One word for another: one letter apart (typo, OCR), or the same word with and without
    the suffix -an ('Cetak'/'Cetakan', 'Penyelenggara'/'Penyelenggaraan'); five letters or more."""
    if len(a) < 5 or len(b) < 5:
        return False
    return edit_distance_at_most_one(a, b) or a == b + "an" or b == a + "an"


def fit(printed: Sequence[str], official: Sequence[str]) -> str | None:
    """How the printed words fit the official words: EXACT, CLOSE, PARTIAL or None.

    A printed word that is not among the official words may stand for one similar official
    word (`_similar`): a typo, an OCR error, a suffix. Official words left over make the fit
    PARTIAL ("the official name with words left out")."""
    if not printed:
        return None
    p = Counter(printed)
    o = Counter(official)
    if p == o:
        return EXACT
    left = o - p
    unmatched = list((p - o).elements())
    for word in unmatched:
        match = next((w for w in left if left[w] > 0 and _similar(word, w)), None)
        if match is None:
            return None
        left[match] -= 1
    if sum(left.values()) > 0:
        return PARTIAL
    return CLOSE
