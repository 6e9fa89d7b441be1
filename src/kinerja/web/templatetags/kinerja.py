"""Indonesian numbers in templates (`{% load kinerja %}`), through `kinerja.core.numbers`:

- `{{ x|angka }}` / `{{ x|angka:2 }}`: `1.234.567` / `1.234.567,89` (exact values keep up to
  the given decimals, without trailing zeros when no count is given);
- `{{ x|persen }}`: `42,48` (two decimals; `persen:1` for one), `{{ x|persen_tanda }}`: `42,48 %`;
- `{{ x|rupiah }}`: `Rp 12.386.177.788` (cents only when there are cents);
- `{{ x|uang }}`: the same without the symbol;
- `{% predikat band %}`: the coloured badge of a Permendagri 86/2017 band (or "belum ada").

A missing value (None, '') is shown as an en dash, never as 0.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from kinerja.core import numbers

register = template.Library()
EMPTY = "–"


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def plain_decimals(value: Decimal, limit: int = 6) -> int:
    """How many decimals an exact value needs (trailing zeros dropped, at most `limit`)."""
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    if not isinstance(exponent, int):
        return 0
    return min(max(-exponent, 0), limit)


def show_number(value: Any, decimals: int | None = None) -> str:
    """A value in Indonesian format; None -> en dash."""
    d = _decimal(value)
    if d is None:
        return EMPTY
    places = plain_decimals(d) if decimals is None else decimals
    return numbers.format_number(d, places)


@register.filter
def angka(value: Any, decimals: Any = None) -> str:
    """Indonesian number: `1.234.567,89`."""
    return show_number(value, int(decimals) if decimals not in (None, "") else None)


@register.filter
def persen(value: Any, decimals: Any = 2) -> str:
    """A percentage without sign: `42,48`."""
    d = _decimal(value)
    return EMPTY if d is None else numbers.format_percent(d, int(decimals))


@register.filter
def persen_tanda(value: Any, decimals: Any = 2) -> str:
    """A percentage with sign: `42,48 %`."""
    d = _decimal(value)
    return EMPTY if d is None else numbers.format_percent(d, int(decimals), sign=True)


@register.filter
def rupiah(value: Any) -> str:
    """Money with the Rupiah symbol: `Rp 12.386.177.788`."""
    d = _decimal(value)
    return EMPTY if d is None else numbers.format_money(d, symbol=True)


@register.filter
def uang(value: Any) -> str:
    """Money without symbol: `12.386.177.788` (`7.522.842.676,91` with cents)."""
    d = _decimal(value)
    return EMPTY if d is None else numbers.format_money(d)


@register.filter
def bar_width(value: Any) -> str:
    """A percentage for a CSS width, between 0 and 100 (with a dot decimal)."""
    d = _decimal(value)
    if d is None:
        return "0"
    return format(max(Decimal(0), min(Decimal(100), d)).quantize(Decimal("0.1")), "f")


@register.simple_tag
def predikat(band: Any, empty: str | None = None) -> str:
    """The badge of a predicate band (`Band` with code and label), or a grey badge."""
    if band is None:
        return format_html('<span class="badge none">{}</span>',
                           empty if empty is not None else _("belum ada"))
    return format_html('<span class="badge {}" title="{}">{}</span>', band.code,
                       _("Predikat Permendagri 86/2017"), band.label)


@register.filter
def triwulan(quarter: Any) -> str:
    """`TW I` … `TW IV` (quarter 0: the year)."""
    names = {0: _("setahun"), 1: "TW I", 2: "TW II", 3: "TW III", 4: "TW IV"}
    try:
        return str(names[int(quarter)])
    except (KeyError, TypeError, ValueError):
        return str(quarter)
