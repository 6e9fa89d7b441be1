"""Indonesian numbers as printed in planning documents, read into exact `Decimal` values.

Documents print `1.234.567,89` (dots for thousands, comma for decimals), `Rp 7.522.842.676,91`,
`26.254.031.882,-`, `89,02 %`, stray dot decimals (`7.13`, `88.89`: a dot not followed by exactly
three digits is a decimal point), `(1.234)` for negatives, `-`/`–`/empty for no value,
`#DIV/0!`, grades with their value `B (65,18)`, and typos such as `16.152.427.613,00,00`. Some
tables use the other convention, commas for thousands and dots for decimals (`12,386,177,788`;
`42.48`): `infer_convention` decides it from all the cells of a table, and ambiguous cells
(`1,234`, `1.234`) are read by it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, localcontext
from enum import Enum


class Convention(str, Enum):  # noqa: UP042 - the contract keeps (str, Enum)
    """Which separator is the decimal mark."""

    ID = "id"   # 1.234.567,89
    EN = "en"   # 1,234,567.89


class Status(str, Enum):  # noqa: UP042 - the contract keeps (str, Enum)
    """What a cell holds."""

    NUMBER = "number"      # a value (possibly with flags)
    EMPTY = "empty"        # '', '-', '–', '—': no value
    DIV0 = "div0"          # '#DIV/0!' and other spreadsheet errors: no value, flagged
    ERROR = "error"        # not a number: `error` says why


@dataclass(frozen=True)
class Parsed:
    """A printed cell read as a number.

    `value` is the exact Decimal (None unless status is NUMBER); `decimals` the number of
    decimals printed (0 for `1.400`, 2 for `65,18`); `percent` whether a % sign was printed;
    `grade` the letters printed before a value in brackets (`B (65,18)` -> 'B') or alone
    (`BB` -> status ERROR with grade 'BB'); `flags` notes such as 'typo' (a recoverable typo whose
    value was kept), 'currency', 'negative_parentheses'; `error` a sentence in Bahasa Indonesia
    when status is ERROR; `convention` the convention the cell was read by.
    """

    text: str
    status: Status
    value: Decimal | None = None
    decimals: int | None = None
    percent: bool = False
    grade: str | None = None
    flags: tuple[str, ...] = ()
    error: str | None = None
    convention: Convention = Convention.ID

    @property
    def ok(self) -> bool:
        """True when the cell holds a value."""
        return self.status is Status.NUMBER

    @property
    def is_empty(self) -> bool:
        """True for '', '-', '–' (no value printed)."""
        return self.status is Status.EMPTY


_DASHES = "-\u2212\u2013\u2014"          # hyphen, minus sign, en dash, em dash
_EMPTY_TEXTS = frozenset({"", "-", "--", "\u2212", "\u2013", "\u2014"})
_SPREADSHEET_ERROR = re.compile(
    r"#(?:DIV/0!?|VALUE!?|REF!?|N/A|NAME\??|NUM!?|NULL!?|SPILL!?|CALC!?)", re.IGNORECASE)
# Grades and predicate letters printed beside or instead of a value: SAKIP (AA..D), IKM (A..D),
# and the predicate letters of the quarterly form (ST, T, S, R, SR).
_GRADES = frozenset({"AA", "A", "BB", "B", "CC", "C", "D", "E", "ST", "T", "S", "R", "SR"})
_GRADE_RE = r"[A-E]{1,2}|ST|SR|[TSR]"
_GRADE_FIRST = re.compile(rf"^({_GRADE_RE})\s*\((.*)\)$")
_GRADE_AFTER_BRACKET = re.compile(rf"^(.*?)\s*\(\s*({_GRADE_RE})\s*\)$")
_GRADE_AFTER = re.compile(rf"^(.*?\d)\s+({_GRADE_RE})$")
_CURRENCY = re.compile(r"^(?:Rp\.?|IDR)\s*", re.IGNORECASE)
_NO_DECIMALS = re.compile(r"[.,]-{1,2}$")          # 26.254.031.882,-
_SPACE_AFTER_SEP = re.compile(r"(?<=\d)([.,]) +(?=\d)")
_SPACE_BEFORE_SEP = re.compile(r"(?<=\d) +([.,])(?=\d)")
_BODY = re.compile(r"^[0-9.,]*[0-9][0-9.,]*$")
_NUMBER_IN_TEXT = re.compile(r"\d+(?:[.,]\d+)*")

# Cells that can only be one convention (strong evidence) and cells that lean to one (weak).
_STRONG = {
    Convention.ID: re.compile(r"^\d{1,3}(?:\.\d{3}){2,}(?:,\d*)?$|^\d{1,3}\.\d{3},\d+$"),
    Convention.EN: re.compile(r"^\d{1,3}(?:,\d{3}){2,}(?:\.\d*)?$|^\d{1,3},\d{3}\.\d+$"),
}
_WEAK = {
    Convention.ID: re.compile(r"^\d+,(?:\d{1,2}|\d{4,})$|^\d{4,},\d{3}$"),
    Convention.EN: re.compile(r"^\d+\.(?:\d{1,2}|\d{4,})$|^\d{4,}\.\d{3}$"),
}


def _other(convention: Convention) -> Convention:
    return Convention.EN if convention is Convention.ID else Convention.ID


def _separators(convention: Convention) -> tuple[str, str]:
    """(thousands separator, decimal mark)."""
    return (".", ",") if convention is Convention.ID else (",", ".")


@dataclass(frozen=True)
class _Reading:
    integer: str
    fraction: str
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Prepared:
    """A cell stripped of sign, currency, percent sign and grade: `body` is digits and separators
    only (or whatever is left when the cell is not a number)."""

    body: str
    negative: bool = False
    percent: bool = False
    grade: str | None = None
    no_decimals: bool = False
    flags: tuple[str, ...] = ()


def _group_error(text: str) -> str:
    return (f"'{text}' bukan angka yang sah dalam format ribuan tabel ini "
            f"(kelompok ribuan harus tiga digit)")


def _read_strict(body: str, convention: Convention, text: str) -> _Reading | str:
    """Read digits and separators by one convention; a message (str) when they do not fit it."""
    thousands, mark = _separators(convention)
    if body[0] in ".,":
        return f"'{text}' bukan angka yang sah: diawali tanda pemisah '{body[0]}'"
    if body.count(mark) > 1:
        return f"'{text}' bukan angka yang sah: tanda desimal '{mark}' muncul lebih dari sekali"
    integer, _, fraction = body.partition(mark)
    has_mark = mark in body
    if has_mark and not fraction:
        return f"'{text}' bukan angka yang sah: tidak ada angka setelah tanda desimal"
    if thousands in fraction:
        return f"'{text}' bukan angka yang sah: pemisah ribuan setelah tanda desimal"
    if not integer:
        return f"'{text}' bukan angka yang sah: tidak ada angka sebelum tanda desimal"
    if thousands not in integer:
        return _Reading(integer, fraction)
    groups = integer.split(thousands)
    if all(groups) and 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
        return _Reading("".join(groups), fraction)
    if convention is Convention.ID and not has_mark and len(groups) == 2 and all(groups):
        # A stray dot decimal (7.13, 88.89): a dot not followed by exactly three digits.
        return _Reading(groups[0], groups[1], ("dot_decimal",))
    return _group_error(text)


def _repair(body: str, convention: Convention) -> str | None:
    """The body with a recoverable typo mended, or None when there is none to mend."""
    thousands, mark = _separators(convention)
    repaired = re.sub(r"([.,])\1+", r"\1", body)        # doubled separators: 1..234
    repaired = repaired.rstrip(".,")                     # a trailing separator: 1.234,
    # repeated zero decimals: 16.152.427.613,00,00
    repaired = re.sub(rf"^([0-9{re.escape(thousands)}]+{re.escape(mark)}\d+)"
                      rf"(?:{re.escape(mark)}0+)+$", r"\1", repaired)
    return repaired if repaired != body and repaired else None


def _prepare(text: str) -> _Prepared | Parsed:
    """Strip what surrounds the digits; a finished `Parsed` when the cell is decided already."""
    s = " ".join(text.replace("\u00a0", " ").split())
    if s in _EMPTY_TEXTS:
        return Parsed(text=text, status=Status.EMPTY)
    if _SPREADSHEET_ERROR.fullmatch(s):
        flag = "div0" if s.upper().startswith("#DIV") else "spreadsheet_error"
        return Parsed(text=text, status=Status.DIV0, flags=(flag,))
    if s in _GRADES:
        return Parsed(text=text, status=Status.ERROR, grade=s,
                      error=f"'{text}' adalah predikat tanpa nilai, bukan angka")
    grade: str | None = None
    for pattern, value_group, grade_group in ((_GRADE_FIRST, 2, 1),
                                              (_GRADE_AFTER_BRACKET, 1, 2),
                                              (_GRADE_AFTER, 1, 2)):
        m = pattern.match(s)
        if m:
            grade, s = m.group(grade_group), m.group(value_group).strip()
            break
    if grade is not None and not s:        # '(B)': a grade with nothing beside it
        return Parsed(text=text, status=Status.ERROR, grade=grade,
                      error=f"'{text}' adalah predikat tanpa nilai, bukan angka")
    flags: list[str] = []
    negative = False
    if s.startswith("(") and s.endswith(")"):
        s, negative = s[1:-1].strip(), True
        flags.append("negative_parentheses")
    for _ in range(2):          # '-Rp 19.860.500', 'Rp -19.860.500', '- 8.500.000,00'
        if s[:1] in _DASHES and len(s) > 1:
            if negative:
                return Parsed(text=text, status=Status.ERROR, grade=grade,
                              error=f"'{text}' bukan angka yang sah: tanda minus ganda")
            s, negative = s[1:].lstrip(), True
        elif s[:1] == "+" and len(s) > 1:
            s = s[1:].lstrip()
        m = _CURRENCY.match(s)
        if m and "currency" not in flags:
            s = s[m.end():]
            flags.append("currency")
    if s.startswith("(") and s.endswith(")") and not negative:    # 'Rp (1.234)'
        s, negative = s[1:-1].strip(), True
        flags.append("negative_parentheses")
    percent = False
    if s.endswith("%"):
        s, percent = s[:-1].rstrip(), True
    if s in _EMPTY_TEXTS:       # 'Rp -', '- %': a sign or symbol with no value
        return Parsed(text=text, status=Status.EMPTY, percent=percent, grade=grade,
                      flags=tuple(flags))
    no_decimals = False
    m = _NO_DECIMALS.search(s)
    if m and m.start() > 0:
        s, no_decimals = s[:m.start()], True
    spaced = _SPACE_BEFORE_SEP.sub(r"\1", _SPACE_AFTER_SEP.sub(r"\1", s))
    if spaced != s and _BODY.match(spaced):
        s = spaced
        flags.append("spacing")
    return _Prepared(body=s, negative=negative, percent=percent, grade=grade,
                     no_decimals=no_decimals, flags=tuple(flags))


def _not_a_number(text: str, body: str) -> str:
    numbers = _NUMBER_IN_TEXT.findall(body)
    if not numbers:
        return f"'{text}' bukan angka"
    if len(numbers) > 1:
        return f"'{text}' bukan angka: berisi lebih dari satu bilangan"
    m = re.match(r"^\s*\d+(?:[.,]\d+)*\s*(.+)$", body)
    if m:
        return f"'{text}' bukan angka: ada teks '{m.group(1)}' setelah angka"
    return f"'{text}' bukan angka: ada teks selain angka"


def _strong_convention(body: str) -> Convention | None:
    for convention, pattern in _STRONG.items():
        if pattern.match(body):
            return convention
    return None


def _read(prep: _Prepared, convention: Convention | None, text: str
          ) -> tuple[_Reading, Convention] | str:
    """Read a prepared body: by `convention` when given, else Indonesian unless it can only be
    the other one; then unambiguous cells of the other convention; then recoverable typos."""
    body = prep.body
    preferred = convention or Convention.ID
    first = _read_strict(body, preferred, text)
    if isinstance(first, _Reading):
        return first, preferred
    other = _other(preferred)
    if convention is None:
        second = _read_strict(body, other, text)
        if isinstance(second, _Reading):
            return second, other
    elif _strong_convention(body) is other:
        second = _read_strict(body, other, text)
        if isinstance(second, _Reading):
            return _Reading(second.integer, second.fraction,
                            second.flags + ("other_convention",)), other
    repaired = _repair(body, preferred)
    if repaired is not None:
        third = _read_strict(repaired, preferred, text)
        if isinstance(third, _Reading):
            return _Reading(third.integer, third.fraction, third.flags + ("typo",)), preferred
    return first


def parse(text: str | None, convention: Convention | None = None) -> Parsed:
    """Read one printed cell. Never raises: anything unreadable is status ERROR with `error`.
    With `convention` None the cell is read as Indonesian unless it can only be the other
    convention (`12,386,177,788`).

    With a `convention` the cell is read strictly by it (in EN every comma group has three
    digits, so `3,19` is an ERROR); a cell that can only be the other convention
    (`1.234.567,89` in an EN table) is still read, flagged 'other_convention'. The value of a
    percentage is the printed number (`89,02 %` -> 89.02, `percent` True). Flags: 'currency'
    (`Rp`), 'negative_parentheses', 'dot_decimal' (a stray dot decimal in Indonesian, `7.13`),
    'spacing' (`67, 50`), 'typo' (a mended typo: `16.152.427.613,00,00`, `1..234`, a trailing
    separator), 'other_convention'; on DIV0 cells 'div0' or 'spreadsheet_error'."""
    raw = "" if text is None else str(text)
    try:
        return _parse(raw, convention)
    except Exception as exc:  # the contract: never raise
        return Parsed(text=raw, status=Status.ERROR,
                      error=f"'{raw}' tidak dapat dibaca sebagai angka ({exc})",
                      convention=convention or Convention.ID)


def _parse(text: str, convention: Convention | None) -> Parsed:
    conv = convention or Convention.ID
    prep = _prepare(text)
    if isinstance(prep, Parsed):
        return replace(prep, convention=conv)
    if not _BODY.match(prep.body):
        return Parsed(text=text, status=Status.ERROR, percent=prep.percent, grade=prep.grade,
                      error=_not_a_number(text, prep.body), convention=conv)
    result = _read(prep, convention, text)
    if isinstance(result, str):
        return Parsed(text=text, status=Status.ERROR, percent=prep.percent, grade=prep.grade,
                      error=result, convention=conv)
    reading, used = result
    fraction = "" if prep.no_decimals and not reading.fraction else reading.fraction
    if prep.no_decimals and reading.fraction:
        return Parsed(text=text, status=Status.ERROR, percent=prep.percent, grade=prep.grade,
                      error=f"'{text}' bukan angka yang sah: ',-' setelah angka desimal",
                      convention=conv)
    digits = reading.integer + ("." + fraction if fraction else "")
    value = Decimal(("-" if prep.negative else "") + digits)
    return Parsed(text=text, status=Status.NUMBER, value=value, decimals=len(fraction),
                  percent=prep.percent, grade=prep.grade,
                  flags=prep.flags + reading.flags, convention=used)


def infer_convention(cells: Iterable[str]) -> Convention:
    """The convention of a whole table, decided from all its cells (unambiguous cells vote;
    ties and no evidence give Convention.ID).

    Cells that can only be one convention decide when there are any (`1.234.567`, `1.234,5`
    for ID; `12,386,177,788`, `1,234.5` for EN). Otherwise cells that lean to one decide: a
    comma decimal not of three digits (`65,18`) for ID, a dot decimal not of three digits
    (`21.88`) for EN. Ambiguous cells (`1,234`, `1.234`) and text do not vote."""
    strong = {Convention.ID: 0, Convention.EN: 0}
    weak = {Convention.ID: 0, Convention.EN: 0}
    for cell in cells:
        if cell is None:
            continue
        prep = _prepare(str(cell))
        if isinstance(prep, Parsed):
            continue
        body = prep.body
        for conv in (Convention.ID, Convention.EN):
            if _STRONG[conv].match(body):
                strong[conv] += 1
            elif _WEAK[conv].match(body):
                weak[conv] += 1
    votes = strong if any(strong.values()) else weak
    return Convention.EN if votes[Convention.EN] > votes[Convention.ID] else Convention.ID


def _quantum(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def _context(value: Decimal, decimals: int) -> Context:
    """A context precise enough to quantize `value` to `decimals` places."""
    return Context(prec=max(28, value.adjusted() + decimals + 3))


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """`value` rounded half-up to `decimals` places."""
    return value.quantize(_quantum(decimals), rounding=ROUND_HALF_UP,
                          context=_context(value, decimals))


def truncate(value: Decimal, decimals: int) -> Decimal:
    """`value` truncated toward zero to `decimals` places."""
    return value.quantize(_quantum(decimals), rounding=ROUND_DOWN,
                          context=_context(value, decimals))


def matches_printed(exact: Decimal, printed: Decimal, decimals: int) -> bool:
    """True when `printed` equals `exact` rounded half-up or truncated to `decimals` places
    (document-tables.md: documents do both)."""
    return printed == round_half_up(exact, decimals) or printed == truncate(exact, decimals)


_ROUNDINGS = {"half_up": round_half_up, "truncate": truncate}


def _rounded(value: Decimal, decimals: int, rounding: str) -> Decimal:
    try:
        rounder = _ROUNDINGS[rounding]
    except KeyError:
        raise ValueError(
            f"pembulatan '{rounding}' tidak dikenal: pilih 'half_up' atau 'truncate'") from None
    result = rounder(value, decimals)
    return result.copy_abs() if result.is_zero() else result     # no '-0,00'


def _babel_format(value: Decimal, decimals: int) -> str:
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    with localcontext(_context(value, max(decimals, 0))):
        return format_decimal(value, format=pattern, locale="id_ID",
                              decimal_quantization=False)


def format_number(value: Decimal, decimals: int = 0, rounding: str = "half_up") -> str:
    """Indonesian display with Babel id_ID: `1.234.567,89`. `rounding` 'half_up' or
    'truncate' (anything else is a ValueError). Zero is never shown with a minus sign."""
    return _babel_format(_rounded(value, decimals, rounding), decimals)


def format_money(value: Decimal, decimals: int | None = None, symbol: bool = False) -> str:
    """Money with thousands dots and no decimals unless it has cents (or `decimals` is given):
    `7.522.842.676,91`; `Rp 12.386.177.788` with symbol (`-Rp 8.500.000` when negative).
    A value with cents is shown with two decimals, rounded half-up."""
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else 2
    text = format_number(value, decimals)
    if not symbol:
        return text
    return "-Rp " + text[1:] if text.startswith("-") else "Rp " + text


def format_percent(value: Decimal, decimals: int = 2, rounding: str = "half_up",
                   sign: bool = False) -> str:
    """A percentage with a decimal comma: `42,48` (`42,48 %` with sign)."""
    text = format_number(value, decimals, rounding)
    return text + " %" if sign else text
