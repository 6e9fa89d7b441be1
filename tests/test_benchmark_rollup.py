"""The roll-up benchmark keeps working (a small size; no timing is asserted)."""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from kinerja.core.rollup import sum_of_leaves

PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "rollup.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_rollup", PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_benchmark_build_and_run_small(capsys: pytest.CaptureFixture[str]) -> None:
    bench = _module()
    size = bench.Size(agencies=2, sub_kegiatan=25)
    government = bench.build(size, seed=1)
    subs = bench.sub_kegiatans(government)
    assert len(subs) == 2 * 25
    assert all(len(s.indicators) == 3 and len(s.spending) == 4 for s in subs)
    values = bench.year_values(government)
    capaian = bench.achievements(government, values)
    root = bench.tree(government, capaian)
    rolled = bench.roll(root)
    assert rolled.values["pagu"] == sum((s.pagu for s in subs), Decimal(0))
    assert rolled.values["pagu"] == sum_of_leaves(root, "pagu")
    bench.main(["--agencies", "1", "--sub-kegiatan", "20"])
    out = capsys.readouterr().out
    assert "baris/detik" in out and "pembanding" in out
