"""Benchmark of the roll-ups over a synthetic government.

Builds a government of 60 agencies, each with programs, kegiatan and 200 sub kegiatan of 3
indicators reported over 4 quarters (money per sub kegiatan per quarter), then times:

1. the year value of every indicator from its quarters (sum for flow, latest for level);
2. the achievement of every indicator;
3. the roll-up of the whole tree: money sums, means of achievement, ratios of sums.

It prints rows per second for each step and for the whole, a reference run in the same process
(a plain Python `sum` over as many Decimals as the run reads) and the ratio of the two, so the
figure can be compared across machines. Nothing here is asserted: run it by hand with

    .venv/bin/python benchmarks/rollup.py [--agencies 60] [--sub-kegiatan 200]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from kinerja.core.achievement import achievement
from kinerja.core.indicators import Indicator, Polarity, year_value
from kinerja.core.quarterly import CAPAIAN_K, PAGU, RATA_RATA_K, RATA_RATA_RP, REALISASI_RP
from kinerja.core.rollup import Node, mean_of, roll_up

T = TypeVar("T")

UNITS = ("Dokumen", "Orang", "%", "Laporan", "Nilai", "Unit")


@dataclass(frozen=True)
class IndicatorData:
    """One indicator of a sub kegiatan with its target and quarterly realisations."""

    indicator: Indicator
    target: Decimal
    quarters: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class SubKegiatan:
    """A sub kegiatan: its code, pagu, quarterly spending and indicators."""

    key: str
    pagu: Decimal
    spending: tuple[Decimal, ...]
    indicators: tuple[IndicatorData, ...]


@dataclass(frozen=True)
class Agency:
    """An agency: programs → kegiatan → sub kegiatan, as nested tuples of sub kegiatan."""

    key: str
    programs: tuple[tuple[tuple[SubKegiatan, ...], ...], ...]


@dataclass(frozen=True)
class Size:
    """The shape of the synthetic government."""

    agencies: int = 60
    programs: int = 4
    kegiatan: int = 5
    sub_kegiatan: int = 200       # per agency, spread over its kegiatan
    indicators: int = 3
    quarters: int = 4


def build(size: Size = Size(), seed: int = 2024) -> tuple[Agency, ...]:
    """A synthetic government of `size`, reproducible from `seed`."""
    rnd = random.Random(seed)
    per_kegiatan, extra = divmod(size.sub_kegiatan, size.programs * size.kegiatan)
    agencies = []
    for a in range(size.agencies):
        programs = []
        count = 0
        for p in range(size.programs):
            kegiatans = []
            for k in range(size.kegiatan):
                n = per_kegiatan + (1 if p * size.kegiatan + k < extra else 0)
                subs = []
                for s in range(n):
                    count += 1
                    pagu = Decimal(rnd.randrange(10_000_000, 5_000_000_000))
                    spending = tuple(
                        Decimal(rnd.randrange(0, int(pagu) // size.quarters + 1))
                        for _ in range(size.quarters)
                    )
                    inds = []
                    for i in range(size.indicators):
                        unit = UNITS[rnd.randrange(len(UNITS))]
                        ind = Indicator(f"Indikator {i + 1}", unit,
                                        polarity=Polarity.NEGATIVE if rnd.random() < 0.05
                                        else Polarity.POSITIVE)
                        target = Decimal(rnd.randrange(1, 1000))
                        quarters = tuple(
                            None if rnd.random() < 0.05
                            else Decimal(rnd.randrange(0, 40000)) / 100
                            for _ in range(size.quarters)
                        )
                        inds.append(IndicatorData(ind, target, quarters))
                    subs.append(SubKegiatan(f"{a}.{p}.{k}.{s}", pagu, spending, tuple(inds)))
                kegiatans.append(tuple(subs))
            programs.append(tuple(kegiatans))
        assert count == size.sub_kegiatan
        agencies.append(Agency(f"PD {a + 1}", tuple(programs)))
    return tuple(agencies)


def sub_kegiatans(government: tuple[Agency, ...]) -> list[SubKegiatan]:
    """Every sub kegiatan of the government, in order."""
    return [s for a in government for p in a.programs for k in p for s in k]


def year_values(government: tuple[Agency, ...]) -> list[list[Decimal | None]]:
    """Step 1: the year value of every indicator, per sub kegiatan."""
    return [
        [year_value(d.quarters, d.indicator.effective_within_year) for d in s.indicators]
        for s in sub_kegiatans(government)
    ]


def achievements(government: tuple[Agency, ...],
                 values: list[list[Decimal | None]]) -> list[Decimal | None]:
    """Step 2: each indicator's achievement, and each sub kegiatan's mean of them."""
    out: list[Decimal | None] = []
    for s, vs in zip(sub_kegiatans(government), values, strict=True):
        caps = [achievement(d.target, v, d.indicator.polarity).value
                for d, v in zip(s.indicators, vs, strict=True)]
        out.append(mean_of(caps).value)
    return out


def tree(government: tuple[Agency, ...], capaian: list[Decimal | None]) -> Node:
    """The government as a roll-up tree with sub kegiatan leaves."""
    it = iter(capaian)
    agencies = []
    for a in government:
        programs = []
        for pi, p in enumerate(a.programs):
            kegiatans = []
            for ki, k in enumerate(p):
                leaves = tuple(
                    Node(s.key, {
                        PAGU: s.pagu,
                        REALISASI_RP: sum(s.spending, Decimal(0)),
                        CAPAIAN_K: None,
                        RATA_RATA_K: next(it),
                    })
                    for s in k
                )
                kegiatans.append(Node(f"{a.key}.{pi}.{ki}", {}, leaves))
            programs.append(Node(f"{a.key}.{pi}", {}, tuple(kegiatans)))
        agencies.append(Node(a.key, {}, tuple(programs)))
    return Node("Pemda", {}, tuple(agencies))


def roll(root: Node) -> Node:
    """Step 3: money sums, means of achievement and ratios of sums over the whole tree."""
    return roll_up(root, sums=(PAGU, REALISASI_RP), means=(RATA_RATA_K,),
                   ratios={RATA_RATA_RP: (REALISASI_RP, PAGU)})


def _id(text: str) -> str:
    """Indonesian digit grouping: 1,234,567.8 -> 1.234.567,8."""
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _fmt(value: float | int | Decimal | None, spec: str) -> str:
    """`value` formatted by `spec` with Indonesian digit grouping ('-' for no value)."""
    return "-" if value is None else _id(format(value, spec))


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    """The result of `fn()` and the seconds it took."""
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--agencies", type=int, default=Size.agencies)
    parser.add_argument("--sub-kegiatan", type=int, default=Size.sub_kegiatan)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    size = Size(agencies=args.agencies, sub_kegiatan=args.sub_kegiatan)

    government, t_build = timed(lambda: build(size, args.seed))
    subs = len(sub_kegiatans(government))
    indicator_rows = subs * size.indicators
    quarter_rows = indicator_rows * size.quarters
    values, t_year = timed(lambda: year_values(government))
    capaian, t_ach = timed(lambda: achievements(government, values))
    root = tree(government, capaian)
    rolled, t_roll = timed(lambda: roll(root))

    # reference: a plain sum over as many Decimals as the steps read
    # (the quarter values, the year values and targets, the money of the roll-up)
    reference = [Decimal(i % 9973) / 100 for i in range(quarter_rows + 2 * indicator_rows
                                                        + 2 * subs)]
    _, t_ref = timed(lambda: sum(reference, Decimal(0)))
    total_rows = quarter_rows + indicator_rows + subs
    t_run = t_year + t_ach + t_roll

    def rate(n: int, t: float) -> str:
        return f"{_fmt(n / t, ',.0f'):>14} baris/detik" if t > 0 else "—"

    print(f"Pemda sintetis: {size.agencies} PD × {args.sub_kegiatan} sub kegiatan × "
          f"{size.indicators} indikator × {size.quarters} triwulan "
          f"(dibangun dalam {t_build:.2f} detik)")
    print(f"  nilai tahunan : {_fmt(quarter_rows, ','):>9} baris triwulan  {t_year:8.3f} s "
          f"{rate(quarter_rows, t_year)}")
    print(f"  capaian       : {_fmt(indicator_rows, ','):>9} indikator       {t_ach:8.3f} s "
          f"{rate(indicator_rows, t_ach)}")
    print(f"  roll-up pohon : {_fmt(subs, ','):>9} sub kegiatan    {t_roll:8.3f} s "
          f"{rate(subs, t_roll)}")
    print(f"  seluruhnya    : {_fmt(total_rows, ','):>9} baris           {t_run:8.3f} s "
          f"{rate(total_rows, t_run)}")
    print(f"  pembanding    : sum() atas {_fmt(len(reference), ',')} Decimal  {t_ref:8.3f} s "
          f"{rate(len(reference), t_ref)}")
    if t_ref > 0:
        print(f"  rasio waktu   : {_fmt(t_run / t_ref, ',.1f')} × pembanding")
    print(f"  total pagu {_fmt(rolled.values[PAGU], ',')}, "
          f"realisasi {_fmt(rolled.values[REALISASI_RP], ',')}, "
          f"serapan {_fmt(rolled.values[RATA_RATA_RP], '.2f')} %, "
          f"rata-rata capaian {_fmt(rolled.values[RATA_RATA_K], '.2f')} %")


if __name__ == "__main__":
    main()
