"""The deadlines of a year (rules.md §11) and whether they are met.

- Perjanjian Kinerja: within one month after the budget document (DPA) is approved. The record
  does not hold the approval date; the DPA is taken as approved at the start of January, so the
  PK is due on 31 January of the year. Met when a final PK of the year exists.
- Quarterly realisation reports: `QUARTER_REPORT_DAYS` days after the quarter ends (default 14,
  set with `KINERJA_QUARTER_REPORT_DAYS`). Met when nothing is *belum diisi* for the quarter.
- LKjIP: to the head of the agency by the end of February of the next year. Met when a final
  LKjIP of the year exists.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

QUARTER_REPORT_DAYS = int(os.environ.get("KINERJA_QUARTER_REPORT_DAYS") or 14)
SOON_DAYS = 30


@dataclass(frozen=True)
class Deadline:
    """One deadline: what, when, a note on the rule, and its state."""

    what: str
    due: dt.date
    rule: str
    done: bool

    def state(self, today: dt.date) -> str:
        """'done', 'late', 'soon' (within `SOON_DAYS`) or 'open'."""
        if self.done:
            return "done"
        if self.due < today:
            return "late"
        if (self.due - today).days <= SOON_DAYS:
            return "soon"
        return "open"


def quarter_end(year: int, quarter: int) -> dt.date:
    """The last day of a quarter."""
    month = quarter * 3
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def of_year(year: int, final_documents: set[str],
            quarter_complete: Callable[[int], bool]) -> list[Deadline]:
    """The deadlines of `year` in date order. `final_documents` holds the kinds of the year's
    final documents ('pk', 'lkjip', ...); `quarter_complete(q)` says whether nothing is
    missing for quarter q."""
    out = [Deadline(_("Perjanjian Kinerja %(year)d") % {"year": year}, dt.date(year, 1, 31),
                    _("satu bulan setelah DPA disahkan (tanggal pengesahan dianggap awal "
                      "Januari)"),
                    "pk" in final_documents or "pk_perubahan" in final_documents)]
    for q in (1, 2, 3, 4):
        due = quarter_end(year, q) + dt.timedelta(days=QUARTER_REPORT_DAYS)
        roman = ("I", "II", "III", "IV")[q - 1]
        out.append(Deadline(_("Laporan realisasi triwulan %(q)s") % {"q": roman}, due,
                            _("%(days)d hari setelah akhir triwulan")
                            % {"days": QUARTER_REPORT_DAYS},
                            quarter_complete(q)))
    feb_end = calendar.monthrange(year + 1, 2)[1]
    out.append(Deadline(_("LKjIP %(year)d") % {"year": year}, dt.date(year + 1, 2, feb_end),
                        _("kepada kepala PD paling lambat akhir Februari tahun berikutnya"),
                        "lkjip" in final_documents))
    return sorted(out, key=lambda d: d.due)
