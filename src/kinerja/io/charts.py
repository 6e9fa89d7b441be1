"""Charts of the LKjIP as PNG images: target against realisation over the years for the
indicators of a sasaran, and budget absorption per program.

Drawn with matplotlib on the Agg backend (no display needed), with every number on the axes and
labels in the Indonesian style (`1.234,5`, `81,37 %`) through `kinerja.core.numbers`. Values
arrive as exact `Decimal`; they become floats only to be drawn. A missing value (a realisation
not yet reported) draws no bar and is labelled "belum diisi", never as 0. The data come as
the draft's chart objects (`kinerja.tables.lkjip_draft.IndicatorSeries`, `ProgramBudget`).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from io import BytesIO
from typing import Any

from kinerja.core.numbers import format_number, format_percent
from kinerja.tables.lkjip_draft import IndicatorSeries, ProgramBudget

#: Colours: target (light) and realisation (dark), and overspending.
TARGET_COLOUR = "#9ecae1"
REALISATION_COLOUR = "#08519c"
OVERSPENT_COLOUR = "#cb181d"
_FONT = ["Liberation Sans", "DejaVu Sans"]
_DPI = 150


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["font.family"] = "sans-serif"
    plt.rcParams["font.sans-serif"] = _FONT
    plt.rcParams["font.size"] = 8
    plt.rcParams["axes.spines.top"] = False
    plt.rcParams["axes.spines.right"] = False
    return plt


def number_label(value: float | Decimal, decimals: int | None = None) -> str:
    """A value as an Indonesian number: `1.234,5`; `decimals` None shows up to two decimals
    and drops trailing zeros (`75`, `65,18`)."""
    d = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    if decimals is None:
        text = format_number(d, 2)
        if "," in text:
            text = text.rstrip("0").rstrip(",")
        return text
    return format_number(d, decimals)


def _tick_formatter(decimals: int | None = None) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: number_label(x, decimals))


def _png(fig: Any) -> bytes:
    buf = BytesIO()
    fig.savefig(buf, format="png", dpi=_DPI, bbox_inches="tight", facecolor="white")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return buf.getvalue()


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def target_realisation_chart(title: str, series: Sequence[IndicatorSeries]) -> bytes:
    """A PNG with one panel per indicator: target and realisation bars for each year, each bar
    labelled with its value; a year without a realisation says "belum diisi"."""
    plt = _pyplot()
    count = max(1, len(series))
    cols = 1 if count == 1 else 2
    rows = math.ceil(count / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(6.6 if cols == 2 else 5.6, 2.7 * rows + 0.5),
                             squeeze=False)
    for k, ax in enumerate(axes.flat):
        if k >= len(series):
            ax.axis("off")
            continue
        _indicator_panel(ax, series[k])
    fig.suptitle(_wrap(title, 80), fontsize=9, fontweight="bold")
    handles = [plt.Rectangle((0, 0), 1, 1, color=TARGET_COLOUR),
               plt.Rectangle((0, 0), 1, 1, color=REALISATION_COLOUR)]
    fig.legend(handles, ["Target", "Realisasi"], loc="lower center", ncol=2, frameon=False,
               fontsize=8)
    fig.tight_layout(rect=(0, 0.06, 1, 0.95))
    return _png(fig)


def _indicator_panel(ax: Any, s: IndicatorSeries) -> None:
    years = list(s.years)
    xs = list(range(len(years)))
    width = 0.38
    values = [v for y in years for v in (y.target, y.realisation) if v is not None]
    top = float(max(values)) if values else 1.0
    top = top if top > 0 else 1.0
    for i, y in enumerate(years):
        for offset, value, colour in ((-width / 2, y.target, TARGET_COLOUR),
                                      (width / 2, y.realisation, REALISATION_COLOUR)):
            x = i + offset
            if value is None:
                label = "belum diisi" if colour == REALISATION_COLOUR else "-"
                ax.text(x, top * 0.02, label, ha="center", va="bottom", fontsize=6,
                        rotation=90, color="#555555")
                continue
            ax.bar(x, float(value), width, color=colour)
            ax.text(x, float(value) + top * 0.015, number_label(value), ha="center",
                    va="bottom", fontsize=6)
    ax.set_xticks(xs)
    ax.set_xticklabels([str(y.year) for y in years])
    pad = max(0.0, (3 - len(years)) / 2)
    ax.set_xlim(-0.6 - pad, len(years) - 0.4 + pad)
    ax.set_ylim(0, top * 1.18)
    ax.yaxis.set_major_formatter(_tick_formatter())
    unit = f" ({s.unit})" if s.unit else ""
    ax.set_title(_wrap(s.name + unit, 48), fontsize=7.5)
    ax.grid(axis="y", linewidth=0.4, alpha=0.5)
    ax.set_axisbelow(True)


def _money_scale(top: Decimal) -> tuple[Decimal, str]:
    if top >= Decimal(10) ** 9:
        return Decimal(10) ** 9, "miliar Rp"
    if top >= Decimal(10) ** 6:
        return Decimal(10) ** 6, "juta Rp"
    return Decimal(1), "Rp"


def absorption_chart(title: str, programs: Sequence[ProgramBudget]) -> bytes:
    """A PNG of horizontal bars per program: pagu (light) and realisation (dark, red when above
    the pagu), each labelled with its absorption `81,37 %`."""
    plt = _pyplot()
    n = max(1, len(programs))
    fig, ax = plt.subplots(figsize=(6.6, 0.75 * n + 1.4))
    amounts = [a for p in programs for a in (p.pagu, p.realisation) if a is not None]
    top = max(amounts) if amounts else Decimal(1)
    factor, axis_unit = _money_scale(top)
    ys = list(range(len(programs)))[::-1]
    height = 0.36
    for y, p in zip(ys, programs, strict=True):
        if p.pagu is not None:
            ax.barh(y + height / 2, float(p.pagu / factor), height, color=TARGET_COLOUR)
        if p.realisation is not None:
            over = p.pagu is not None and p.realisation > p.pagu
            ax.barh(y - height / 2, float(p.realisation / factor), height,
                    color=OVERSPENT_COLOUR if over else REALISATION_COLOUR)
        if p.pagu and p.realisation is not None:
            label = format_percent(p.realisation / p.pagu * 100, sign=True)
        elif p.realisation is None:
            label = "realisasi belum diisi"
        else:
            label = "pagu kosong"
        end = max(float((p.pagu or 0) / factor), float((p.realisation or 0) / factor))
        ax.text(end + float(top / factor) * 0.01, y, label, va="center", fontsize=7.5,
                fontweight="bold")
    ax.set_yticks(ys)
    ax.set_yticklabels([_wrap(p.label, 34) for p in programs], fontsize=7)
    ax.set_xlim(0, float(top / factor) * 1.2)
    ax.xaxis.set_major_formatter(_tick_formatter())
    ax.set_xlabel(axis_unit)
    ax.grid(axis="x", linewidth=0.4, alpha=0.5)
    ax.set_axisbelow(True)
    ax.set_title(_wrap(title, 80), fontsize=9, fontweight="bold")
    handles = [plt.Rectangle((0, 0), 1, 1, color=TARGET_COLOUR),
               plt.Rectangle((0, 0), 1, 1, color=REALISATION_COLOUR)]
    ax.legend(handles, ["Pagu", "Realisasi"], loc="upper center", bbox_to_anchor=(0.5, -0.12),
              ncol=2, fontsize=7, frameon=False)
    fig.tight_layout()
    return _png(fig)
