"""Writing a realisation as a person (or a program acting for one) enters it.

The rule against lost updates is optimistic: whoever writes sends the value they last saw
(`seen`, None when they saw none). When the stored value is no longer that value, someone else
changed it in between and the write is refused with a `Conflict` that carries both values; the
writer then looks again and decides. Every write goes through the permission layer and is
audit-logged by the store's signals under the acting user."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core import numbers
from kinerja.store import auditing, permissions
from kinerja.store.models import Indicator, Realisation


class EntryError(ValueError):
    """A value that cannot be recorded; str() is the message for the user."""


@dataclass
class Conflict(Exception):
    """The stored value changed since the writer last saw it."""

    current: Decimal | None
    current_printed: str
    yours: Decimal | None
    yours_printed: str
    changed_by: str = ""

    def __str__(self) -> str:
        return _("Nilai sudah diubah orang lain sejak Anda melihatnya: tersimpan %(now)s, "
                 "nilai Anda %(yours)s. Muat ulang lalu putuskan nilai mana yang benar.") % {
            "now": self.current_printed or _("(kosong)"),
            "yours": self.yours_printed or _("(kosong)")}


def read_value(text: str | None) -> Decimal | None:
    """An Indonesian number (`1.234,5`, `87,64`) as a Decimal; empty or '-' is None.
    Raises `EntryError` for anything that is not a number."""
    if text is None or not str(text).strip():
        return None
    parsed = numbers.parse(str(text))
    if parsed.status is numbers.Status.EMPTY:
        return None
    if not parsed.ok or parsed.value is None:
        raise EntryError(parsed.error or _("'%(text)s' bukan angka") % {"text": text})
    return parsed.value


def entry_of(indicator: Indicator, year: int, quarter: int) -> Realisation | None:
    """The realisation entered by hand (not from an import) for the year or quarter."""
    return (Realisation.objects.filter(indicator=indicator, year=year, quarter=quarter,
                                       cumulative=False, source__isnull=True)
            .order_by("-reported_at", "-pk").first())


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a == b


@transaction.atomic
def record_realisation(user: Any, indicator: Indicator, year: int, quarter: int,
                       text: str | None, seen: str | None, note: str | None = None,
                       check_seen: bool = True) -> Realisation | None:
    """Record `text` as the realisation of `indicator` for `year` (quarter 0) or a quarter.

    `seen` is the value the writer last saw (text, None for none). Raises
    `permissions.Denied`, `EntryError` for a bad value, and `Conflict` when the stored value
    is no longer `seen`. An empty value removes the entry. Returns the stored row (None when
    removed)."""
    permissions.require(user, "edit_realisation", indicator)
    if not 1900 <= year <= 2200:
        raise EntryError(_("Tahun %(year)s tidak masuk akal") % {"year": year})
    if quarter not in (0, 1, 2, 3, 4):
        raise EntryError(_("Triwulan harus 0 (setahun) atau 1–4"))
    value = read_value(text)
    printed = (text or "").strip()
    # lock the row while comparing, so two writers cannot both pass the check
    current = (Realisation.objects.select_for_update()
               .filter(indicator=indicator, year=year, quarter=quarter, cumulative=False,
                       source__isnull=True).order_by("-reported_at", "-pk").first())
    if check_seen:
        seen_value = read_value(seen)
        now_value = current.value if current is not None else None
        if not _same(now_value, seen_value):
            raise Conflict(now_value, current.printed if current else "", value, printed,
                           getattr(current.reported_by, "username", "") if current else "")
    with auditing.acting_as(user):
        if value is None and not (note or "").strip():
            if current is not None:
                current.delete()
            return None
        if current is None:
            current = Realisation(indicator=indicator, year=year, quarter=quarter,
                                  cumulative=False, unit=indicator.unit)
        current.value = value
        current.printed = printed[:120]
        if note is not None:
            current.note = note
        current.reported_by = user if getattr(user, "pk", None) else None
        current.reported_at = timezone.now()
        current.save()
    return current
