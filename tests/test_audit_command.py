"""`kinerja audit`: reports, JSON shape, exit status, settings, languages and the progress bar.

Most tests run the command on a fake `audit_table`; the integration tests at the end run the
real engine and are skipped while it is not implemented.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kinerja.commands.audit as audit_module
from kinerja.audit.engine import AuditSettings, audit_table
from kinerja.audit.findings import Finding
from kinerja.cli import main
from kinerja.core.doctable import DocTable
from kinerja.io.doctable import find_tables, read_table
from test_io_doctable import BAD_INPUTS, write_table, xlsx_copy

ROOT = Path(__file__).resolve().parent.parent
CONTOH = ROOT / "src" / "kinerja" / "data" / "contoh"
SEEN: list[tuple[DocTable, AuditSettings | None]] = []


def fake_audit(table: DocTable, settings: AuditSettings | None = None) -> list[Finding]:
    """One error per program row, one warning per kegiatan row, one info on row 1."""
    SEEN.append((table, settings))
    findings = []
    for row in table.rows:
        if row.level == "program":
            findings.append(Finding(row.number, "c8_tingkat_realisasi", "ratio_mismatch",
                                    row["c8_tingkat_realisasi"] or None, "50",
                                    "Tingkat realisasi tidak sama dengan 7/6.",
                                    "The realisation rate is not 7/6."))
        elif row.level == "kegiatan":
            findings.append(Finding(row.number, "c7_satuan", "unit_mismatch", "B", None,
                                    "Satuan target dan realisasi berbeda.",
                                    "Target and realisation units differ."))
    if table.rows:
        findings.append(Finding(1, "uraian", "catatan", None, None, "Catatan saja."))
    return sorted(findings, key=lambda f: f.row)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> list[tuple[DocTable, AuditSettings | None]]:
    SEEN.clear()
    monkeypatch.setattr(audit_module, "audit_table", fake_audit)
    return SEEN


@pytest.fixture
def tc29(tmp_path: Path) -> Path:
    for name in ("tc29.csv", "tc29.meta.yaml"):
        shutil.copy(CONTOH / name, tmp_path / name)
    return tmp_path / "tc29.csv"


def invoke(*args: str | Path):
    return CliRunner().invoke(main, ["audit", *map(str, args)])


def clean_table(folder: Path, name: str = "bersih") -> Path:
    """A table with no program or kegiatan rows: the fake finds only an info."""
    return write_table(folder, name, "level,uraian,c6_target,c7_realisasi\nlain,Catatan,,\n")


# --- text report ----------------------------------------------------------------------------


def test_text_report(fake, tc29: Path) -> None:
    result = invoke(tc29)
    assert result.exit_code == 1, result.output
    out = result.stdout
    table = read_table(tc29)
    programs = sum(r.level == "program" for r in table.rows)
    kegiatan = sum(r.level == "kegiatan" for r in table.rows)
    assert f"{tc29} (evaluasi_renja, 79 baris): {programs} kesalahan, {kegiatan} peringatan, " \
           f"1 informasi" in out
    lines = out.splitlines()
    heads = [lines.index(f"  {h}") for h in ("Kesalahan", "Peringatan", "Informasi")]
    assert heads == sorted(heads)
    assert "    baris 3, kolom c8_tingkat_realisasi [ratio_mismatch] Tingkat realisasi tidak " \
           "sama dengan 7/6. (tercetak: 138; seharusnya: 50)" in lines
    assert "    baris 4, kolom c7_satuan [unit_mismatch] Satuan target dan realisasi berbeda. " \
           "(tercetak: B)" in lines
    assert lines[-1] == ("Pengaturan pemeriksaan: skala predikat = permendagri86, rumus "
                         "indikator negatif = 2t_minus_r, toleransi rasio = round_or_truncate")
    assert "\x1b[" not in out  # no colour when not on a terminal
    assert result.stderr == ""


def test_findings_ordered_errors_first_within_rows(fake, tc29: Path) -> None:
    out = invoke(tc29).stdout.splitlines()
    rows = [int(line.split(",")[0].split()[1]) for line in out if line.startswith("    baris")]
    errors = [r for r in rows[: sum(1 for line in out if "[ratio_mismatch]" in line)]]
    assert errors == sorted(errors)


def test_no_error_exits_0(fake, tmp_path: Path) -> None:
    path = clean_table(tmp_path)
    result = invoke(path)
    assert result.exit_code == 0, result.output
    assert f"{path} (evaluasi_renja, 1 baris): 1 informasi" in result.stdout


def test_expected_findings_are_never_given_to_the_audit(fake, tc29: Path) -> None:
    assert read_table(tc29).meta.get("expected_findings")
    invoke(tc29)
    assert len(fake) == 1
    table, _ = fake[0]
    assert "expected_findings" not in table.meta
    assert table.meta["kind"] == "evaluasi_renja"


def test_folder_with_many_tables(fake, tmp_path: Path, tc29: Path) -> None:
    sub = tmp_path / "lain"
    sub.mkdir()
    clean = clean_table(sub)
    result = invoke(tmp_path)
    assert result.exit_code == 1
    out = result.stdout
    assert out.index(str(clean)) < out.index(str(tc29))  # sorted: lain/bersih.csv first
    assert "Jumlah: 2 tabel diperiksa:" in out
    assert [t.path for t, _ in fake] == [str(clean), str(tc29)]


# --- settings -------------------------------------------------------------------------------


def test_default_settings(fake, tc29: Path) -> None:
    invoke(tc29)
    assert fake[0][1] == AuditSettings()


def test_settings_options(fake, tc29: Path) -> None:
    result = invoke(tc29, "--skala-predikat", "permendagri86_atas", "--rumus-negatif",
                    "t_over_r", "--toleransi", "truncate", "--format", "json")
    expected = AuditSettings(predicate_scale="permendagri86_atas", negative_formula="t_over_r",
                             tolerance="truncate")
    assert fake[0][1] == expected
    settings = json.loads(result.stdout)["settings"]
    assert settings["predicate_scale"] == "permendagri86_atas"
    assert settings["negative_formula"] == "t_over_r"
    assert settings["tolerance"] == "truncate"
    text = invoke(tc29, "--toleransi", "round").stdout
    assert "toleransi rasio = round" in text


def test_bad_option_value(fake, tc29: Path) -> None:
    result = invoke(tc29, "--toleransi", "kira-kira")
    assert result.exit_code == 2
    assert fake == []


# --- JSON -----------------------------------------------------------------------------------


def test_json_shape(fake, tc29: Path, tmp_path: Path) -> None:
    result = invoke(tc29, "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert set(doc) == {"tables", "settings"}
    [table] = doc["tables"]
    assert set(table) == {"path", "kind", "rows", "findings"}
    assert table["path"] == str(tc29)
    assert table["kind"] == "evaluasi_renja"
    assert table["rows"] == 79
    assert table["findings"]
    for f in table["findings"]:
        assert list(f) == ["row", "column", "rule", "severity", "printed", "expected", "message"]
        assert isinstance(f["row"], int) and isinstance(f["column"], str)
        assert f["severity"] in ("error", "warning", "info")
        assert f["printed"] is None or isinstance(f["printed"], str)
        assert f["expected"] is None or isinstance(f["expected"], str)
        assert isinstance(f["message"], str)
    first = table["findings"][0]
    assert first == {"row": 1, "column": "uraian", "rule": "catatan", "severity": "info",
                     "printed": None, "expected": None, "message": "Catatan saja."}
    assert {"row": 3, "column": "c8_tingkat_realisasi", "rule": "ratio_mismatch",
            "severity": "error", "printed": "138", "expected": "50",
            "message": "Tingkat realisasi tidak sama dengan 7/6."} in table["findings"]


def test_json_lang_en(fake, tc29: Path) -> None:
    doc = json.loads(invoke(tc29, "--format", "json", "--lang", "en").stdout)
    messages = {f["rule"]: f["message"] for f in doc["tables"][0]["findings"]}
    assert messages["ratio_mismatch"] == "The realisation rate is not 7/6."
    assert messages["catatan"] == "Catatan saja."  # no English text: the Indonesian one


# --- --lang en ------------------------------------------------------------------------------


def test_text_lang_en(fake, tc29: Path) -> None:
    result = invoke(tc29, "--lang", "en")
    out = result.stdout
    assert "(evaluasi_renja, 79 rows):" in out and "errors" in out and "1 info" in out
    assert "  Errors" in out.splitlines() and "  Warnings" in out.splitlines()
    assert "    row 3, column c8_tingkat_realisasi [ratio_mismatch] The realisation rate is " \
           "not 7/6. (printed: 138; expected: 50)" in out.splitlines()
    assert out.splitlines()[-1].startswith("Audit settings: predicate scale = permendagri86")
    assert "kesalahan" not in out and "baris" not in out


# --- unusable inputs: exit 2 ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "meta", "message"), BAD_INPUTS,
                         ids=[b[0] for b in BAD_INPUTS])
def test_every_reading_error_exits_2(fake, tmp_path: Path, name: str, content: str | bytes,
                                     meta: str | None, message: str) -> None:
    path = write_table(tmp_path, "x", content, meta)
    result = invoke(path)
    assert result.exit_code == 2
    assert result.stderr.startswith("tidak dapat digunakan: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert re.search(message, result.stderr)
    assert "Traceback" not in result.output


def test_missing_path_and_empty_folder_exit_2(fake, tmp_path: Path) -> None:
    result = invoke(tmp_path / "hilang")
    assert result.exit_code == 2
    assert "berkas atau folder tidak ditemukan" in result.stderr
    empty = tmp_path / "kosong"
    empty.mkdir()
    result = invoke(empty)
    assert result.exit_code == 2
    assert "tidak berisi tabel dokumen" in result.stderr


def test_other_inputs_are_still_reported(fake, tmp_path: Path, tc29: Path) -> None:
    bad = write_table(tmp_path, "rusak", "", "kind: evaluasi_renja\n")
    clean = clean_table(tmp_path)
    result = invoke(bad, tc29, tmp_path / "hilang.csv", clean, "--format", "json")
    assert result.exit_code == 2  # an unusable input wins over error findings
    assert [t["path"] for t in json.loads(result.stdout)["tables"]] == [str(tc29), str(clean)]
    assert result.stderr.count("tidak dapat digunakan: ") == 2
    text = invoke(bad, clean)
    assert text.exit_code == 2
    assert f"{clean} (evaluasi_renja, 1 baris)" in text.stdout
    assert "1 masukan tidak dapat digunakan" in text.stdout


def test_file_without_meta_given_directly_exits_2(fake, tmp_path: Path) -> None:
    path = write_table(tmp_path, "tanpa", "level,uraian,c6_target,c7_realisasi\n", meta=None)
    result = invoke(path)
    assert result.exit_code == 2
    assert "berkas meta tanpa.meta.yaml tidak ditemukan" in result.stderr


def test_failing_check_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch,
                                              tc29: Path) -> None:
    def broken(table: DocTable, settings: AuditSettings | None = None) -> list[Finding]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(audit_module, "audit_table", broken)
    result = invoke(tc29)
    assert result.exit_code == 2
    assert "galat internal (ZeroDivisionError: division by zero)" in result.stderr


def test_engine_not_ready_is_exit_2(monkeypatch: pytest.MonkeyPatch, tc29: Path) -> None:
    def pending(table: DocTable, settings: AuditSettings | None = None) -> list[Finding]:
        raise NotImplementedError

    monkeypatch.setattr(audit_module, "audit_table", pending)
    result = invoke(tc29)
    assert result.exit_code == 2
    assert "pemeriksaan tabel jenis evaluasi_renja belum tersedia" in result.stderr


# --- progress bar ---------------------------------------------------------------------------


def test_no_progress_bar_when_piped(fake, tmp_path: Path, tc29: Path) -> None:
    for i in range(3):
        clean_table(tmp_path, f"bersih-{i}")
    result = invoke(tmp_path)
    assert result.stderr == ""
    assert "Memeriksa" not in result.output


def test_progress_bar_on_a_terminal(fake, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                    tc29: Path) -> None:
    for i in range(3):
        clean_table(tmp_path, f"bersih-{i}")
    monkeypatch.setattr(audit_module, "_is_terminal", lambda stream: True)
    result = invoke(tmp_path)
    assert "Memeriksa" in result.stderr
    assert "Memeriksa" not in result.stdout
    json_run = invoke(tmp_path, "--format", "json")
    assert "Memeriksa" not in json_run.stderr  # JSON reports never show a progress bar


def test_real_pipe_has_no_progress_bar(tmp_path: Path) -> None:
    """The installed command with stdout and stderr piped: no bar, only messages."""
    exe = Path(sys.executable).parent / "kinerja"
    if not exe.exists():
        pytest.skip("the kinerja script is not installed in this environment")
    for i in range(3):
        write_table(tmp_path, f"kosong-{i}", "", "kind: evaluasi_renja\n")
    proc = subprocess.run([str(exe), "audit", str(tmp_path)], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("tidak dapat digunakan: ") == 3
    assert "\r" not in proc.stderr and "\x1b[" not in proc.stderr
    assert "━" not in proc.stderr


# --- the real engine (skipped while it is not implemented) ----------------------------------


def engine_ready() -> bool:
    """True once audit_table is implemented (for the bundled table's kind at least)."""
    try:
        audit_table(read_table(CONTOH / "tc29.csv"), AuditSettings())
    except NotImplementedError:
        return False
    except Exception:  # implemented but failing: let the tests below show the failure
        return True
    return True


needs_engine = pytest.mark.skipif(not engine_ready(),
                                  reason="audit_table is not implemented yet")


@needs_engine
def test_bundled_example_on_the_real_engine() -> None:
    result = CliRunner().invoke(main, ["audit", str(CONTOH), "--format", "json"])
    assert result.exit_code == 1, result.output  # the bundled T-C.29 has errors
    doc = json.loads(result.stdout)
    [table] = doc["tables"]
    assert table["kind"] == "evaluasi_renja" and table["rows"] == 79
    assert any(f["severity"] == "error" for f in table["findings"])
    text = CliRunner().invoke(main, ["audit", str(CONTOH)])
    assert "tc29.csv (evaluasi_renja, 79 baris):" in text.stdout


@needs_engine
def test_xlsx_copy_gives_the_same_findings(fixtures_dir: Path, tmp_path: Path) -> None:
    for path in find_tables([fixtures_dir]):
        table = read_table(path)
        try:
            from_csv = audit_table(table, AuditSettings())
        except NotImplementedError:
            continue
        folder = tmp_path / path.parent.name
        folder.mkdir(exist_ok=True)
        from_xlsx = audit_table(read_table(xlsx_copy(path, folder)), AuditSettings())
        assert [f.as_dict() for f in from_xlsx] == [f.as_dict() for f in from_csv], path
