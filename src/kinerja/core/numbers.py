"""Indonesian numbers as printed in planning documents, read into exact `Decimal` values.

CONTRACT (implementation pending): the signatures and data types below are fixed; other modules
code against them.

Documents print `1.234.567,89` (dots for thousands, comma for decimals), `Rp 7.522.842.676,91`,
`26.254.031.882,-`, `89,02 %`, stray dot decimals (`7.13`, `88.89`: a dot not followed by exactly
three digits is a decimal point), `(1.234)` for negatives, `-`/`–`/empty for no value,
`#DIV/0!`, grades with their value `B (65,18)`, and typos such as `16.152.427.613,00,00`. Some
tables use the other convention, commas for thousands and dots for decimals (`12,386,177,788`;
`42.48`): `infer_convention` decides it from all the cells of a table, and ambiguous cells
(`1,234`, `1.234`) are read by it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum


class Convention(str, Enum):
    """Which separator is the decimal mark."""

    ID = "id"   # 1.234.567,89
    EN = "en"   # 1,234,567.89


class Status(str, Enum):
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


def parse(text: str | None, convention: Convention | None = None) -> Parsed:
    """Read one printed cell. Never raises: anything unreadable is status ERROR with `error`.
    With `convention` None the cell is read as Indonesian unless it can only be the other
    convention (`12,386,177,788`)."""
    raise NotImplementedError


def infer_convention(cells: Iterable[str]) -> Convention:
    """The convention of a whole table, decided from all its cells (unambiguous cells vote;
    ties and no evidence give Convention.ID)."""
    raise NotImplementedError


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """`value` rounded half-up to `decimals` places."""
    raise NotImplementedError


def truncate(value: Decimal, decimals: int) -> Decimal:
    """`value` truncated toward zero to `decimals` places."""
    raise NotImplementedError


def matches_printed(exact: Decimal, printed: Decimal, decimals: int) -> bool:
    """True when `printed` equals `exact` rounded half-up or truncated to `decimals` places
    (document-tables.md: documents do both)."""
    raise NotImplementedError


def format_number(value: Decimal, decimals: int = 0, rounding: str = "half_up") -> str:
    """Indonesian display with Babel id_ID: `1.234.567,89`. `rounding` 'half_up' or
    'truncate'."""
    raise NotImplementedError


def format_money(value: Decimal, decimals: int | None = None, symbol: bool = False) -> str:
    """Money with thousands dots and no decimals unless it has cents (or `decimals` is given):
    `7.522.842.676,91`; `Rp 12.386.177.788` with symbol."""
    raise NotImplementedError


def format_percent(value: Decimal, decimals: int = 2, rounding: str = "half_up",
                   sign: bool = False) -> str:
    """A percentage with a decimal comma: `42,48` (`42,48 %` with sign)."""
    raise NotImplementedError
