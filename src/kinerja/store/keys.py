"""Stable keys of recorded rows, independent of database ids.

A name is compared by its words (lower case, punctuation dropped), so that
`PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA` and `Program Penunjang Urusan
Pemerintahan Daerah Kabupaten/Kota` are the same program. A key is a short path of digests of
such names (`p:3f2a…/k:91c0…`), so it stays short however long the names are."""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"[0-9a-z]+")
LEVEL_LETTER = {"program": "p", "kegiatan": "k", "sub_kegiatan": "s"}


def name_key(text: str) -> str:
    """The words of a name, lower case, joined by single spaces."""
    return " ".join(_WORD.findall((text or "").lower()))


def digest(text: str) -> str:
    """A 16-character digest of a name's words."""
    return hashlib.sha1(name_key(text).encode("utf-8")).hexdigest()[:16]


def node_key(parent_key: str | None, level: str, name: str) -> str:
    """The key of a program, kegiatan or sub kegiatan under the node with `parent_key`."""
    own = f"{LEVEL_LETTER[level]}:{digest(name)}"
    return f"{parent_key}/{own}" if parent_key else own


def sasaran_key(name: str) -> str:
    """The key of a sasaran."""
    return f"sasaran:{digest(name)}"


def tujuan_key(name: str) -> str:
    """The key of a tujuan."""
    return f"tujuan:{digest(name)}"


def indicator_key(owner_key: str, name: str) -> str:
    """The key of an indicator of the node or sasaran with `owner_key`."""
    return f"{owner_key}#{digest(name)}"
