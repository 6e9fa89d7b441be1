"""How a cell is shown as text in Indonesian style (`1.234.567`, `66,50`, `31 Januari 2025`).

Numbers go through `kinerja.core.numbers` (`format_number`, `format_money`,
`format_percent`); while that module is not implemented yet a small Babel-based fallback gives
the same display. The check is made once, on first use.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cache

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal as _babel_decimal

from kinerja.core import numbers as _numbers
from kinerja.tables.grid import Cell, CellKind, Signature

_LOCALE = "id_ID"


def _fallback_number(value: Decimal, decimals: int = 0, rounding: str = "half_up") -> str:
    q = Decimal(1).scaleb(-decimals)
    mode = ROUND_DOWN if rounding == "truncate" else ROUND_HALF_UP
    v = value.quantize(q, rounding=mode)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _babel_decimal(v, format=pattern, locale=_LOCALE, decimal_quantization=True)


@cache
def _core_ready() -> bool:
    try:
        got = _numbers.format_number(Decimal("1234.5"), 1)
    except NotImplementedError:
        return False
    return got == "1.234,5"


def format_number(value: Decimal, decimals: int = 0, rounding: str = "half_up") -> str:
    """`1.234.567,89`: the core formatter when it exists, else the fallback."""
    if _core_ready():
        return _numbers.format_number(value, decimals, rounding)
    return _fallback_number(value, decimals, rounding)


def format_money(value: Decimal, decimals: int | None = None) -> str:
    """Rupiah without symbol; cents only when present (or `decimals` given)."""
    if _core_ready():
        return _numbers.format_money(value, decimals)
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else 2
    return _fallback_number(value, decimals)


def format_percent(value: Decimal, decimals: int = 2) -> str:
    """Percentage points with a decimal comma, no sign: `66,50`."""
    if _core_ready():
        return _numbers.format_percent(value, decimals)
    return _fallback_number(value, decimals)


def format_date(value: date) -> str:
    """`31 Januari 2025`."""
    return _babel_date(value, "d MMMM y", locale=_LOCALE)


def display(cell: Cell) -> str:
    """The text a cell shows on paper."""
    v = cell.value
    if cell.kind is CellKind.TEXT:
        return str(v)
    if cell.kind is CellKind.EMPTY:
        return cell.text
    if cell.kind is CellKind.DATE:
        assert isinstance(v, date)
        return format_date(v)
    if cell.kind is CellKind.INTEGER:
        assert isinstance(v, int)
        return format_number(Decimal(v), 0)
    assert isinstance(v, Decimal)
    if cell.kind is CellKind.MONEY:
        return format_money(v, cell.decimals)
    if cell.kind is CellKind.PERCENT:
        return format_percent(v, cell.shown_decimals)
    return format_number(v, cell.shown_decimals)


def signature_date(value: date | str | None) -> str:
    """A signature's date as printed."""
    if value is None:
        return ""
    return format_date(value) if isinstance(value, date) else value


def signature_lines(sig: Signature) -> tuple[str, list[str], list[str]]:
    """(place-and-date line, caption and position lines, lines under the space: name, rank,
    NIP)."""
    when = ", ".join(p for p in (sig.place, signature_date(sig.date)) if p)
    top = [p for p in (sig.caption, sig.position_line) if p]
    bottom = [sig.name]
    if sig.rank:
        bottom.append(sig.rank)
    if sig.nip:
        bottom.append(f"NIP. {sig.nip}")
    return when, top, bottom
