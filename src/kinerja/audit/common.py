"""Shared machinery of the audit checks: reading cells once per table by the table's number
convention, and the checks every kind uses (document-tables.md, "Conventions").

An `Audit` holds one table, the settings, a cache of parsed cells and the findings found so
far. The check functions here take an `Audit` and add findings to it: sums of children with the
empty-parent convention, printed ratios with the round-or-truncate tolerance, differences,
totals of rounded figures, predicates on a scale, implausible achievements and unreadable
cells. Every finding carries the arithmetic in Bahasa Indonesia and in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from kinerja.audit.findings import Finding
from kinerja.core import numbers, scales
from kinerja.core.doctable import DocTable, Row, rank
from kinerja.core.exact import HUNDRED, ZERO, exact
from kinerja.core.numbers import Parsed, Status

#: Texts that print "nothing" as a dash (accounting zero in money columns).
DASHES = frozenset({"-", "--", "\u2212", "\u2013", "\u2014"})

#: Level names in messages, singular Indonesian / English.
LEVEL_WORDS: dict[str, tuple[str, str]] = {
    "total": ("total", "total"),
    "urusan": ("urusan", "urusan"),
    "bidang": ("bidang urusan", "bidang"),
    "program": ("program", "programs"),
    "kegiatan": ("kegiatan", "kegiatan"),
    "sub_kegiatan": ("sub kegiatan", "sub kegiatan"),
}


def fmt(value: Decimal, decimals: int | None = None) -> str:
    """A number in Indonesian style, with `decimals` places (default: as many as it has,
    at most 4)."""
    if decimals is None:
        exp = value.normalize().as_tuple().exponent
        decimals = min(4, max(0, -exp)) if isinstance(exp, int) else 0
    return numbers.format_number(value, decimals)


def fmt_money(value: Decimal) -> str:
    """Money in Indonesian style: `1.234.567` (with cents only where it has them)."""
    return numbers.format_money(value)


def fmt_ratio(value: Decimal, printed_decimals: int | None) -> str:
    """A recomputed percentage with the printed decimals, at least two (`66,18`), and more
    for a small non-zero value that would otherwise show as zero (`0,0058`)."""
    decimals = max(2, printed_decimals or 0)
    if value and abs(value) < Decimal("0.1"):
        decimals = max(decimals, min(6, 1 - value.adjusted()))
    return numbers.format_number(value, decimals)


def is_dash(text: str) -> bool:
    """Whether a cell prints only a dash (no value; zero in money columns)."""
    return text.strip() in DASHES


def structural(row: Row | None) -> bool:
    """Whether a row is a node of the plan tree (total ... sub_kegiatan)."""
    return row is not None and rank(row.level) is not None


def structural_children(row: Row) -> list[Row]:
    """The children of a row that are nodes of the plan tree (not indikator, rata_rata or
    lain rows)."""
    return [c for c in row.children if rank(c.level) is not None]


def children_word(children: Sequence[Row]) -> tuple[str, str]:
    """How a message names a set of children: 'sub kegiatan' when they share a level."""
    levels = {c.level for c in children}
    if len(levels) == 1:
        return LEVEL_WORDS.get(next(iter(levels)), ("rincian", "items"))
    return ("rincian di bawahnya", "items below it")


def row_span(rows: Sequence[Row]) -> str:
    """Row numbers as a message cites them: '18–26', '3, 9, 11'."""
    numbers_ = [r.number for r in rows]
    if not numbers_:
        return ""
    if len(numbers_) > 2 and numbers_ == list(range(numbers_[0], numbers_[-1] + 1)):
        return f"{numbers_[0]}–{numbers_[-1]}"
    return ", ".join(str(n) for n in numbers_)


@dataclass(frozen=True)
class Operand:
    """One term of a computation as printed: `value` None means no value; `readable` False
    means the cell could not be read (checks that need it are skipped)."""

    value: Decimal | None
    text: str = ""
    decimals: int = 0
    readable: bool = True
    money: bool = False

    @property
    def present(self) -> bool:
        """True when the term has a value."""
        return self.value is not None

    def show(self) -> str:
        """The value as a message shows it."""
        if self.value is None:
            return self.text.strip() or "(kosong)"
        if self.money:
            return fmt_money(self.value)
        return fmt(self.value, self.decimals)


class Audit:
    """The audit of one table: its cells read once by the table's convention, the settings,
    and the findings (one per row, column and rule)."""

    def __init__(self, table: DocTable, settings: object, numeric_columns: Iterable[str]) -> None:
        self.table = table
        self.settings = settings
        self.numeric_columns = [c for c in dict.fromkeys(numeric_columns) if c in table.columns]
        self.convention = numbers.infer_convention(
            row.get(c) for row in table.rows for c in self.numeric_columns
        )
        self._cache: dict[tuple[int, str], Parsed] = {}
        self._effective: dict[tuple[int, str], tuple[Decimal | None, bool]] = {}
        self._printed: dict[tuple[int, str], bool] = {}
        self._found: dict[tuple[int, str, str], Finding] = {}
        self.order = {c: i for i, c in enumerate(table.columns)}
        self.scale = scales.get(str(getattr(settings, "predicate_scale", "permendagri86")))
        self.tolerance = str(getattr(settings, "tolerance", "round_or_truncate"))
        self.above = Decimal(str(getattr(settings, "implausible_above", 500)))
        self.below = Decimal(str(getattr(settings, "implausible_below", 0)))

    # -- cells ---------------------------------------------------------------------------

    def has(self, column: str) -> bool:
        """Whether the table has this column."""
        return column in self.order

    def cell(self, row: Row, column: str) -> Parsed:
        """The cell read by the table's convention (parsed once)."""
        key = (row.number, column)
        parsed = self._cache.get(key)
        if parsed is None:
            parsed = numbers.parse(row.get(column), self.convention)
            self._cache[key] = parsed
        return parsed

    def operand(self, row: Row, column: str) -> Operand:
        """A cell as a term: its value, or no value ('', '-'), or unreadable."""
        p = self.cell(row, column)
        text = row.get(column)
        if p.status is Status.NUMBER:
            assert p.value is not None
            return Operand(p.value, text, p.decimals or 0)
        if p.status is Status.EMPTY:
            return Operand(None, text)
        return Operand(None, text, readable=False)

    def money(self, row: Row, column: str) -> Operand:
        """A money cell as a term: '-' is 0; an empty cell is the sum of the row's children
        (document-tables.md, Sums), or 0 for a row without children."""
        p = self.cell(row, column)
        text = row.get(column)
        if p.status is Status.NUMBER:
            assert p.value is not None
            return Operand(p.value, text, p.decimals or 0, money=True)
        if p.status is Status.EMPTY:
            value, ok = self.effective(row, column)
            return Operand(value if ok else None, text, readable=ok, money=True)
        return Operand(None, text, readable=False, money=True)

    def effective(self, row: Row, column: str) -> tuple[Decimal | None, bool]:
        """(value, readable) of a money or count cell in a roll-up: the printed value; 0 for
        '-' and for an empty leaf; the sum of its children for an empty parent. Not readable
        when the cell or a term under it cannot be read."""
        key = (row.number, column)
        if key in self._effective:
            return self._effective[key]
        p = self.cell(row, column)
        result: tuple[Decimal | None, bool]
        if p.status is Status.NUMBER:
            result = (p.value, True)
        elif p.status is Status.EMPTY:
            kids = structural_children(row)
            if is_dash(row.get(column)) or not kids:
                result = (ZERO, True)
            else:
                total = ZERO
                ok = True
                with exact():
                    for kid in kids:
                        v, kid_ok = self.effective(kid, column)
                        if not kid_ok or v is None:
                            ok = False
                            break
                        total += v
                result = (total, ok)
        else:
            result = (None, False)
        self._effective[key] = result
        return result

    def printed_anything(self, row: Row, column: str) -> bool:
        """Whether the cell, or an empty parent's cells below it, print a value or a dash."""
        key = (row.number, column)
        known = self._printed.get(key)
        if known is None:
            known = bool(row.get(column).strip()) or any(
                self.printed_anything(k, column) for k in structural_children(row))
            self._printed[key] = known
        return known

    # -- findings ------------------------------------------------------------------------

    def add(self, row: Row | int, column: str, rule: str, printed: str | None,
            expected: str | None, message: str, message_en: str) -> None:
        """Record a finding (the first one per row, column and rule is kept)."""
        number = row if isinstance(row, int) else row.number
        key = (number, column, rule)
        if key not in self._found:
            self._found[key] = Finding(number, column, rule, printed, expected, message,
                                       message_en)

    def findings(self) -> list[Finding]:
        """Every finding, sorted by row, then column order in the table, then rule."""
        big = len(self.order) + 1
        return sorted(self._found.values(),
                      key=lambda f: (f.row, self.order.get(f.column, big), f.column, f.rule))

    # -- tolerance -----------------------------------------------------------------------

    def matches(self, exact_value: Decimal, printed: Decimal, decimals: int) -> bool:
        """Whether a printed ratio agrees with the exact one under the tolerance setting."""
        if self.tolerance == "round":
            return numbers.round_half_up(exact_value, decimals) == printed
        if self.tolerance == "truncate":
            return numbers.truncate(exact_value, decimals) == printed
        return numbers.matches_printed(exact_value, printed, decimals)

    def implausible(self, value: Decimal) -> bool:
        """Whether an achievement is outside the plausible range (above 500 % or below 0 %)."""
        return value > self.above or value < self.below


# -- unreadable cells --------------------------------------------------------------------


def check_unparseable(audit: Audit, columns: Iterable[str],
                      rows: Iterable[Row] | None = None) -> None:
    """`unparseable_value` for every cell of `columns` that should hold a number and does not
    (a grade printed alone is a predicate, not an unreadable number)."""
    cols = [c for c in columns if audit.has(c)]
    for row in rows if rows is not None else audit.table.rows:
        for column in cols:
            p = audit.cell(row, column)
            if p.status is Status.ERROR and not p.grade:
                reason = p.error or f"'{row.get(column)}' bukan angka"
                audit.add(row, column, "unparseable_value", row.get(column), None,
                          f"{reason}; pemeriksaan yang memerlukan sel ini dilewati",
                          f"'{row.get(column)}' is not a number; checks that need this cell "
                          "are skipped")


def check_count(audit: Audit, row: Row, column: str) -> None:
    """`unparseable_value` for a count (of people, of items) that is not a whole number."""
    p = audit.cell(row, column)
    if p.status is Status.NUMBER and p.value is not None and p.value != p.value.to_integral():
        audit.add(row, column, "unparseable_value", row.get(column), None,
                  f"'{row.get(column)}' bukan jumlah yang sah: jumlah harus bilangan bulat "
                  "(kemungkinan digit terakhir hilang)",
                  f"'{row.get(column)}' is not a valid count: a count is a whole number "
                  "(probably a lost last digit)")


@lru_cache(maxsize=4096)
def unit_state(text: str) -> str:
    """What a unit cell holds: 'empty', 'grade' (a printed predicate), 'number' (a value where
    a unit is due) or 'unit'."""
    from kinerja.core.indicators import is_grade

    t = text.strip()
    if not t or t in DASHES:
        return "empty"
    if is_grade(t):
        return "grade"
    if numbers.parse(t).status is Status.NUMBER:
        return "number"
    return "unit"


def check_unit_cell(audit: Audit, row: Row, column: str) -> str:
    """The state of a unit cell (see `unit_state`); a number in it is an `unparseable_value`."""
    state = unit_state(row.get(column))
    if state == "number":
        audit.add(row, column, "unparseable_value", row.get(column), None,
                  f"sel satuan berisi angka '{row.get(column)}', bukan satuan; satuan ini "
                  "tidak dibandingkan",
                  f"the unit cell holds a number '{row.get(column)}', not a unit; it is not "
                  "compared")
    return state


# -- sums ------------------------------------------------------------------------------


def check_rollup(audit: Audit, column: str, rows: Iterable[Row] | None = None) -> None:
    """`sum_mismatch` where a parent's money or count is not the exact sum of its direct
    children (document-tables.md, Sums): a parent printed empty is not checked and, as a
    child, stands for the sum of its own children; '-' is 0; indikator and lain rows take no
    part."""
    if not audit.has(column):
        return
    for row in rows if rows is not None else audit.table.rows:
        kids = structural_children(row)
        if not kids or not structural(row):
            continue
        p = audit.cell(row, column)
        text = row.get(column)
        if p.status is Status.NUMBER:
            assert p.value is not None
            printed = p.value
        elif p.status is Status.EMPTY and is_dash(text):
            printed = ZERO
        else:
            continue
        if not any(audit.printed_anything(k, column) for k in kids):
            continue
        terms = [audit.effective(kid, column) for kid in kids]
        if any(not ok or value is None for value, ok in terms):
            continue
        with exact():
            total = sum((value for value, _ in terms if value is not None), ZERO)
            diff = printed - total
        if not diff:
            continue
        word, word_en = children_word(kids)
        where = row_span(kids)
        audit.add(row, column, "sum_mismatch", text, fmt_money(total),
                  f"Jumlah {word} {fmt_money(total)}, tertulis {fmt_money(printed)}, "
                  f"selisih {fmt_money(abs(diff))} (rincian: baris {where})",
                  f"Sum of the {word_en} {fmt_money(total)}, printed {fmt_money(printed)}, "
                  f"difference {fmt_money(abs(diff))} (items: rows {where})")


def check_total(audit: Audit, row: Row, column: str, parts: Sequence[Operand],
                label: tuple[str, str]) -> None:
    """`sum_mismatch` where a printed total is not the sum of its printed parts. Integers are
    compared exactly; a total of rounded non-integers may differ by half a unit of the last
    printed decimal times the number of parts, or be the exact sum rounded or truncated to
    its own decimals."""
    total = audit.operand(row, column)
    if total.value is None or not parts or any(not p.readable for p in parts):
        return
    values = [p.value for p in parts if p.value is not None]
    if not values:
        return
    with exact():
        s = sum(values, ZERO)
    decimals = max([total.decimals, *(p.decimals for p in parts)])
    if decimals == 0:
        ok = s == total.value
    else:
        with exact():
            tol = Decimal(len(values)) * Decimal(5).scaleb(-(decimals + 1))
            ok = abs(total.value - s) <= tol or numbers.matches_printed(
                s, total.value, total.decimals)
    if ok:
        return
    terms = " + ".join(p.show() for p in parts if p.value is not None)
    shown = fmt(s, decimals)
    audit.add(row, column, "sum_mismatch", row.get(column), shown,
              f"{label[0]} {terms} = {shown}, tertulis {row.get(column)}",
              f"{label[1]} {terms} = {shown}, printed {row.get(column)}")


# -- ratios ----------------------------------------------------------------------------


Formula = Callable[[Decimal, Decimal], Decimal | None]


def positive_ratio(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator / denominator × 100, exact."""
    with exact():
        return numerator / denominator * HUNDRED


@dataclass(frozen=True)
class RatioSpec:
    """How a printed ratio is made: its name in messages, the formula and how the formula is
    written ('{n} / {d} × 100')."""

    label: str
    label_en: str
    formula: Formula = positive_ratio
    shape: str = "{n} / {d} × 100"


def check_ratio(audit: Audit, row: Row, column: str, num: Operand, den: Operand,
                spec: RatioSpec, *, check_implausible: bool = True) -> Decimal | None:
    """Check a printed ratio against `num` and `den` (document-tables.md, Ratios): the
    round-or-truncate tolerance, `division_by_zero` where the denominator is zero or empty,
    a ratio printed empty where it is due, `#DIV/0!`, and implausible achievements. Returns
    the recomputed value (None when there is none)."""
    p = audit.cell(row, column)
    text = row.get(column)
    if p.status is Status.ERROR:
        return None
    if p.status is Status.DIV0:
        audit.add(row, column, "division_by_zero", text, None,
                  f"{spec.label} tertulis '{text}': pembagian dengan nol "
                  f"(pembagi {den.show()})",
                  f"{spec.label_en} printed '{text}': division by zero "
                  f"(denominator {den.show()})")
        return None
    if not num.readable or not den.readable:
        return None
    recomputed: Decimal | None = None
    if den.value is None or den.value == 0:
        if p.status is Status.NUMBER:
            audit.add(row, column, "division_by_zero", text, "",
                      f"{spec.label} tertulis {text}, padahal pembaginya "
                      f"{'nol' if den.value == 0 else 'kosong'}: tidak dapat dihitung",
                      f"{spec.label_en} printed {text} while its denominator is "
                      f"{'zero' if den.value == 0 else 'empty'}: it cannot be computed")
    elif num.value is not None:
        recomputed = spec.formula(num.value, den.value)
    if recomputed is not None and num.value is not None and den.value is not None:
        def shape_of() -> str:
            return spec.shape.format(n=num.show(), d=den.show())

        if p.status is Status.EMPTY:
            if num.value != 0:
                shape = shape_of()
                shown = fmt_ratio(recomputed, 2)
                audit.add(row, column, "ratio_mismatch", text, shown,
                          f"{spec.label} {shape} = {shown} %, tertulis "
                          f"{text.strip() or 'kosong'}",
                          f"{spec.label_en} {shape} = {shown} %, printed "
                          f"{text.strip() or 'empty'}")
        else:
            assert p.value is not None
            if not audit.matches(recomputed, p.value, p.decimals or 0):
                shown = fmt_ratio(recomputed, p.decimals)
                shape = shape_of()
                audit.add(row, column, "ratio_mismatch", text, shown,
                          f"{spec.label} {shape} = {shown} %, tertulis {text}",
                          f"{spec.label_en} {shape} = {shown} %, printed {text}")
    if check_implausible:
        check_implausible_value(audit, row, column, p.value if p.ok else None, recomputed)
    return recomputed


def check_implausible_value(audit: Audit, row: Row, column: str, printed: Decimal | None,
                            recomputed: Decimal | None) -> None:
    """`implausible_achievement` when the printed or the recomputed achievement is above
    500 % or below 0 % (one finding per cell)."""
    printed_out = printed is not None and audit.implausible(printed)
    if not printed_out and (recomputed is None or not audit.implausible(recomputed)):
        return
    text = row.get(column)
    bounds = f"di atas {fmt(audit.above)} % atau di bawah {fmt(audit.below)} %"
    bounds_en = f"above {fmt(audit.above)} % or below {fmt(audit.below)} %"
    if printed_out:
        extra = (f" (hitung ulang {fmt_ratio(recomputed, 2)} %)"
                 if recomputed is not None else "")
        extra_en = (f" (recomputed {fmt_ratio(recomputed, 2)} %)"
                    if recomputed is not None else "")
        audit.add(row, column, "implausible_achievement", text,
                  fmt_ratio(recomputed, 2) if recomputed is not None else None,
                  f"Capaian tertulis {text} % berada {bounds}{extra}: kemungkinan salah "
                  "satuan atau salah ketik",
                  f"Printed achievement {text} % is {bounds_en}{extra_en}: probably a unit "
                  "or typing error")
    elif recomputed is not None and audit.implausible(recomputed):
        shown = fmt_ratio(recomputed, 2)
        audit.add(row, column, "implausible_achievement", text, shown,
                  f"Capaian hitung ulang {shown} % berada {bounds}: kemungkinan target dan "
                  "realisasi berbeda satuan atau salah ketik",
                  f"Recomputed achievement {shown} % is {bounds_en}: the target and the "
                  "realisation are probably in different units, or mistyped")


def check_mean(audit: Audit, row: Row, column: str, members: Sequence[Decimal],
               what: tuple[str, str]) -> Decimal | None:
    """Check a printed average (or the achievement of a row without a target of its own)
    against the mean of `members`; with no members a printed value is a `division_by_zero`.
    Returns the mean."""
    p = audit.cell(row, column)
    text = row.get(column)
    if p.status is not Status.NUMBER:
        return None
    assert p.value is not None
    if not members:
        audit.add(row, column, "division_by_zero", text, "",
                  f"{what[0]} tertulis {text}, padahal tidak ada target maupun capaian "
                  "rincian untuk dirata-ratakan",
                  f"{what[1]} printed {text}, but there is no target and no achievement "
                  "below it to average")
        return None
    with exact():
        mean = sum(members, ZERO) / len(members)
    if not audit.matches(mean, p.value, p.decimals or 0):
        shown = fmt_ratio(mean, p.decimals)
        terms = " + ".join(fmt(m) for m in members)
        audit.add(row, column, "ratio_mismatch", text, shown,
                  f"{what[0]}: rata-rata ({terms}) / {len(members)} = {shown} %, tertulis {text}",
                  f"{what[1]}: mean ({terms}) / {len(members)} = {shown} %, printed {text}")
    check_implausible_value(audit, row, column, p.value, mean)
    return mean


# -- differences -----------------------------------------------------------------------


def check_difference(audit: Audit, row: Row, column: str, a: Operand, b: Operand,
                     label: tuple[str, str]) -> None:
    """`difference_mismatch` where a printed difference or remaining budget is not a − b
    exactly; a difference printed empty where it is not 0 is one too ('-' is 0)."""
    p = audit.cell(row, column)
    text = row.get(column)
    if p.status is Status.ERROR or not a.readable or not b.readable:
        return
    if a.value is None or b.value is None:
        return
    if not text.strip() and not a.text.strip() and not b.text.strip():
        return
    with exact():
        diff = a.value - b.value
    if p.status is Status.NUMBER:
        assert p.value is not None
        printed = p.value
    elif p.status is Status.EMPTY:
        printed = ZERO
    else:
        return
    if printed == diff:
        return
    audit.add(row, column, "difference_mismatch", text, fmt_money(diff),
              f"{label[0]} {fmt_money(a.value)} − {fmt_money(b.value)} = {fmt_money(diff)}, "
              f"tertulis {text.strip() or 'kosong'}",
              f"{label[1]} {fmt_money(a.value)} − {fmt_money(b.value)} = {fmt_money(diff)}, "
              f"printed {text.strip() or 'empty'}")


# -- predicates ------------------------------------------------------------------------

#: Scale names for English messages.
SCALE_NAMES_EN: dict[str, str] = {
    "permendagri86": "Achievement predicate (Permendagri 86/2017), lower bound inclusive",
    "permendagri86_atas": "Achievement predicate (Permendagri 86/2017), upper bound inclusive",
    "sakip": "SAKIP grade (PermenPANRB 88/2021)",
    "ikm": "Service quality by satisfaction index (IKM, PermenPANRB 14/2017)",
    "ipasn": "IP ASN category (Peraturan BKN 8/2019)",
    "nspk": "NSPK index category (Peraturan BKN 12/2022)",
}

_SCALE_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(kepuasan|ikm|skm)\b", re.IGNORECASE), "ikm"),
    (re.compile(r"\b(sakip|akip)\b", re.IGNORECASE), "sakip"),
    (re.compile(r"\bprofesionalitas\b|\bip\s*-?\s*asn\b", re.IGNORECASE), "ipasn"),
    (re.compile(r"\bnspk\b", re.IGNORECASE), "nspk"),
)


@lru_cache(maxsize=4096)
def scale_for_indicator(*texts: str) -> scales.Scale | None:
    """The scale a value predicate is checked on, by the indicator's words (document-tables.md,
    "Which scale"): kepuasan/IKM/SKM -> IKM; SAKIP/AKIP -> SAKIP; profesionalitas -> IP ASN;
    NSPK -> NSPK. The first text that names one decides; None when none does."""
    for text in texts:
        if not text:
            continue
        for pattern, key in _SCALE_WORDS:
            if pattern.search(text):
                return scales.get(key)
    return None


def check_predicate(audit: Audit, row: Row, column: str, value: Decimal, label: str,
                    scale: scales.Scale, value_text: str | None = None) -> None:
    """`predicate_mismatch` when the printed predicate `label` does not name the band of
    `value` on `scale` (or names no band of it at all)."""
    if not label.strip():
        return
    fits = scale.fits(value, label)
    if fits is None or fits:
        return
    band = scale.classify(value)
    named = scale.read_label(label)
    value_text = value_text or fmt(value)
    if named is None:
        why = f"'{label.strip()}' bukan predikat pada skala ini"
        why_en = f"'{label.strip()}' is not a predicate of this scale"
    else:
        why = f"tertulis {label.strip()}"
        why_en = f"printed {label.strip()}"
    audit.add(row, column, "predicate_mismatch", row.get(column), band.display,
              f"{scale.name}: nilai {value_text} termasuk {band.display}; {why}",
              f"{SCALE_NAMES_EN.get(scale.key, scale.name)}: the value {value_text} is in "
              f"band {band.code} ({band.label}); {why_en}")


def check_value_grade(audit: Audit, row: Row, column: str, scale: scales.Scale | None) -> None:
    """A value printed with its grade (`B (65,18)`): the grade is a printed predicate and must
    fit the value on the indicator's scale."""
    p = audit.cell(row, column)
    if scale is None or p.status is not Status.NUMBER or not p.grade or p.value is None:
        return
    check_predicate(audit, row, column, p.value, p.grade, scale)


_PREDICATE_ROW = re.compile(r"^\s*predikat\b", re.IGNORECASE)


def is_predicate_row(row: Row) -> bool:
    """A row that prints the predicates of the row above it ('Predikat Kinerja')."""
    return bool(_PREDICATE_ROW.match(row.get("uraian") or row.get("indikator")))


def value_rows(audit: Audit) -> list[Row]:
    """The rows whose achievement cells hold numbers (predicate rows hold labels)."""
    return [r for r in audit.table.rows if not is_predicate_row(r)]


def check_predicate_row(audit: Audit, row: Row, columns: Iterable[str]) -> None:
    """A predicate row's labels against the nearest value printed above them in the same
    column, on the achievement scale of the settings."""
    rows = audit.table.rows
    for column in columns:
        label = row.get(column)
        if not audit.has(column) or not label.strip():
            continue
        for above in reversed(rows[: row.number - 1]):
            p = audit.cell(above, column)
            if p.status is Status.NUMBER and p.value is not None:
                check_predicate(audit, row, column, p.value, label, audit.scale,
                                above.get(column).strip())
                break


# -- averages --------------------------------------------------------------------------


def average_targets(rows: Sequence[Row]) -> dict[int, Row | None]:
    """For each `rata_rata` row, the plan-tree row whose achievement it averages: after the
    last child of a node it averages that node's children; a following average row averages
    the level above. None where the rows above are not part of a tree (a flat list: the row
    averages the rows since the previous average row)."""
    targets: dict[int, Row | None] = {}
    prev: Row | None = None
    for row in rows:
        if row.level == "rata_rata":
            target: Row | None = None
            if prev is not None:
                if prev.level == "rata_rata":
                    done = targets.get(prev.number)
                    target = done.parent if done is not None and structural(done.parent) \
                        else None
                else:
                    node: Row | None = prev
                    if not structural(prev) and structural(prev.parent):
                        node = prev.parent  # an indicator row stands for its node
                    if node is not None and structural(node) and structural(node.parent):
                        target = node.parent
            targets[row.number] = target
        prev = row
    return targets


def flat_members(rows: Sequence[Row], average: Row) -> list[Row]:
    """The rows a flat average row averages: those since the previous average row."""
    members: list[Row] = []
    for row in rows:
        if row is average:
            break
        if row.level == "rata_rata":
            members = []
        elif row.level != "lain":
            members.append(row)
    return members


class Averages:
    """The average rows of a table and the nodes they average."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.rows = rows
        self.targets = average_targets(rows)
        self.row_of: dict[int, Row] = {}
        by_number = {r.number: r for r in rows}
        for number, target in self.targets.items():
            if target is not None and target.number not in self.row_of:
                self.row_of[target.number] = by_number[number]

    def members(self, audit: Audit, node: Row, column: str) -> list[Decimal]:
        """The achievements a node's mean is made of: for each child in the plan tree, its
        average row's value where it has one, else its own printed value."""
        values: list[Decimal] = []
        for kid in structural_children(node):
            source = self.row_of.get(kid.number, kid)
            p = audit.cell(source, column)
            if p.status is Status.NUMBER and p.value is not None:
                values.append(p.value)
        return values

    def average_members(self, audit: Audit, average: Row, column: str) -> list[Decimal] | None:
        """The values an average row averages (None when its scope is unknown)."""
        target = self.targets.get(average.number)
        if target is not None:
            return self.members(audit, target, column)
        members = flat_members(self.rows, average)
        if not members:
            return None
        values = []
        for member in members:
            p = audit.cell(member, column)
            if p.status is Status.NUMBER and p.value is not None:
                values.append(p.value)
        return values
