"""Benchmark of `kinerja audit`: the run time of auditing every fixture table, against a
reference run in the same process that only reads the tables.

    .venv/bin/python benchmarks/audit.py                   # every fixture once
    .venv/bin/python benchmarks/audit.py -n 20             # the same tables 20 times over
    .venv/bin/python benchmarks/audit.py --rows 10         # each table with its rows 10 times
    .venv/bin/python benchmarks/audit.py PATH...           # other tables or folders

Printed: the tables, rows and findings, the best time of `--repeat` runs of reading alone
(reference) and of reading plus auditing, and their ratio. Tables whose kind the audit does
not implement yet are counted apart. Nothing is asserted: this is for reading, not for tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from kinerja.audit.engine import AuditSettings, audit_table
from kinerja.core.doctable import DocTable, Row, build_hierarchy
from kinerja.io.doctable import find_tables, read_table

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [ROOT.parent / "shared" / "fixtures", ROOT / "src" / "kinerja" / "data" / "contoh"]


def widen(table: DocTable, times: int) -> DocTable:
    """The table with its data rows repeated `times` times (renumbered, hierarchy rebuilt):
    a larger table of the same shape, to see how the audit scales with rows."""
    if times <= 1:
        return table
    rows: list[Row] = []
    for _ in range(times):
        for row in table.rows:
            rows.append(Row(number=len(rows) + 1, cells=dict(row.cells), level=row.level))
    build_hierarchy(rows)
    return dataclasses.replace(table, rows=rows)


def best_of(repeat: int, fn: Callable[[], object]) -> tuple[float, object]:
    """The shortest wall-clock time of `repeat` calls of `fn`, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="tables or folders (default: fixtures)")
    parser.add_argument("-n", "--replicate", type=int, default=1,
                        help="audit the list of tables this many times over")
    parser.add_argument("--rows", type=int, default=1,
                        help="repeat every table's rows this many times")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best one counts")
    args = parser.parse_args(argv)

    paths = args.paths or [next(p for p in DEFAULT_PATHS if p.is_dir())]
    files = find_tables(paths) * max(args.replicate, 1)
    settings = AuditSettings()

    # which kinds the audit implements (checked once, outside the timed runs)
    ready: dict[str, bool] = {}
    for f in dict.fromkeys(files):
        table = read_table(f)
        if table.kind not in ready:
            try:
                audit_table(table, settings)
                ready[table.kind] = True
            except NotImplementedError:
                ready[table.kind] = False
    pending = sorted(k for k, ok in ready.items() if not ok)

    def read_all() -> list[DocTable]:
        return [widen(read_table(f), args.rows) for f in files]

    def read_and_audit() -> Counter[str]:
        counts: Counter[str] = Counter()
        for f in files:
            table = widen(read_table(f), args.rows)
            counts["tables"] += 1
            counts["rows"] += len(table.rows)
            if ready[table.kind]:
                counts["findings"] += len(audit_table(table, settings))
                counts["audited"] += 1
        return counts

    t_read, tables = best_of(args.repeat, read_all)
    t_audit, counts = best_of(args.repeat, read_and_audit)
    assert isinstance(counts, Counter) and isinstance(tables, list)

    print(f"tabel: {counts['tables']} ({len(set(files))} berkas x {args.replicate}), "
          f"baris: {counts['rows']} (baris x {args.rows}), diperiksa: {counts['audited']}, "
          f"temuan: {counts['findings']}")
    if pending:
        print(f"belum diperiksa (audit_table belum tersedia untuk jenis ini): {', '.join(pending)}")
    print(f"acuan, hanya membaca   : {t_read * 1000:9.1f} ms")
    print(f"membaca dan memeriksa  : {t_audit * 1000:9.1f} ms")
    ratio = t_audit / t_read if t_read else float("inf")
    per_row = t_audit / counts["rows"] * 1e6 if counts["rows"] else 0.0
    print(f"rasio terhadap acuan   : {ratio:9.2f} x   ({per_row:.0f} us per baris)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
