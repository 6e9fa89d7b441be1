"""Every fixture table, audited, gives exactly its expected findings (compared on row, column
and rule): each expected finding is reported, and no other error or warning is (info findings
may be extra). The expected findings are read here only, never by the audit."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kinerja.audit.engine import AuditSettings, audit_table
from kinerja.io.doctable import read_table

FIXTURES = Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures"
METAS = sorted(FIXTURES.glob("*/*.meta.yaml")) if FIXTURES.is_dir() else []


def _table_path(meta: Path) -> Path:
    return meta.with_name(meta.name[: -len(".meta.yaml")] + ".csv")


def _id(meta: Path) -> str:
    return f"{meta.parent.name}/{meta.name[: -len('.meta.yaml')]}"


@pytest.mark.parametrize("meta", METAS, ids=[_id(m) for m in METAS])
def test_fixture_findings(meta: Path) -> None:
    """The audit of one fixture table reports its expected findings and nothing else."""
    oracle = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
    expected = {(int(e["row"]), str(e["column"]), str(e["rule"])): e.get("note", "")
                for e in oracle.get("expected_findings") or []}
    findings = audit_table(read_table(_table_path(meta)), AuditSettings())
    got = {f.key(): f for f in findings if f.severity in ("error", "warning")}
    missing = sorted(set(expected) - set(got))
    extra = sorted(set(got) - set(expected))
    lines = []
    for key in missing:
        lines.append(f"MISSING {key}: {expected[key]}")
    for key in extra:
        f = got[key]
        lines.append(f"EXTRA   {key}: printed {f.printed!r}, expected {f.expected!r}: "
                     f"{f.message}")
    assert not lines, f"{_id(meta)}:\n" + "\n".join(lines)


@pytest.mark.parametrize("meta", METAS, ids=[_id(m) for m in METAS])
def test_fixture_findings_are_complete(meta: Path) -> None:
    """Every finding names its rule's severity, the printed value and a message in both
    languages, and findings come sorted by row."""
    table = read_table(_table_path(meta))
    findings = audit_table(table)
    assert [f.row for f in findings] == sorted(f.row for f in findings)
    for f in findings:
        assert f.severity in ("error", "warning", "info")
        assert f.message and f.message_en
        assert f.column in table.columns
        assert f.printed is not None


def test_fixtures_found() -> None:
    """The shared fixtures are beside this checkout (else the tests above test nothing)."""
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures is not beside this checkout")
    assert len(METAS) >= 14
