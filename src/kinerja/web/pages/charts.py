"""The quarter-by-quarter chart of the beranda: achievement and budget absorption per quarter
as grouped bars, written as inline SVG (no JavaScript, no image file; readable by screen
readers through its title and a table fallback on the page)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kinerja.core import numbers

WIDTH, HEIGHT = 520, 250
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 20, 34
COLOURS = ("#0f5c8c", "#e08a1e")


def _scale_max(values: Sequence[Decimal | None]) -> Decimal:
    top = max([v for v in values if v is not None] + [Decimal(100)])
    for step in (100, 120, 150, 200, 300, 500):
        if top <= step:
            return Decimal(step)
    return Decimal(int(top / 100 + 1) * 100)


def quarter_bars(series: Sequence[tuple[int, Decimal | None, Decimal | None]],
                 labels: tuple[str, str], title: str) -> SafeString:
    """SVG grouped bars: for each (quarter, achievement, absorption) two bars, in percent,
    with the value printed above each bar in Indonesian format ('–' for no value)."""
    values = [v for _, a, b in series for v in (a, b)]
    top = _scale_max(values)
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    parts = [f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" '
             f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" '
             f'font-size="13"><title>{escape(title)}</title>']
    steps = 4
    for i in range(steps + 1):
        v = top * i / steps
        y = TOP + plot_h - float(v / top) * plot_h
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#d6dde4" stroke-width="1"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
                     f'fill="#5b6875">{numbers.format_number(v, 0)}</text>')
    if top > 100:
        y100 = TOP + plot_h - float(Decimal(100) / top) * plot_h
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y100:.1f}" y2="{y100:.1f}" '
                     f'stroke="#8a96a3" stroke-dasharray="4 3" stroke-width="1"/>')
    n = max(len(series), 1)
    slot = plot_w / n
    bar = min(48.0, slot * 0.34)
    for i, (quarter, *pair) in enumerate(series):
        x0 = LEFT + slot * i + slot / 2
        for j, value in enumerate(pair):
            x = x0 - bar - 2 + j * (bar + 4)
            if value is None:
                parts.append(f'<text x="{x + bar / 2:.1f}" y="{TOP + plot_h - 4:.1f}" '
                             f'text-anchor="middle" fill="#8a96a3">–</text>')
                continue
            shown = min(value, top)
            h = float(shown / top) * plot_h
            y = TOP + plot_h - h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                         f'rx="2" fill="{COLOURS[j]}"><title>{escape(labels[j])} TW {quarter}: '
                         f'{numbers.format_percent(value)} %</title></rect>')
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
                         f'fill="#1d2733">{numbers.format_number(value, 1)}</text>')
        roman = {1: "I", 2: "II", 3: "III", 4: "IV"}.get(quarter, str(quarter))
        parts.append(f'<text x="{x0:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
                     f'fill="#33414f" font-size="14">TW {roman}</text>')
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" '
                 f'y2="{TOP + plot_h}" stroke="#5b6875"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped or numeric
