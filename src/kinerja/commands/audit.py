"""`kinerja audit PATH...`: read document tables and list every inconsistency in them.

Each PATH is a table file (`NAME.csv` or `NAME.xlsx` with `NAME.meta.yaml` beside it) or a
folder searched recursively for such tables. The report is text (grouped by table: errors,
then warnings, then information) or JSON. Exit status: 0 when no finding is an error, 1 when
one is, 2 when an input could not be used (its message goes to stderr; the other inputs are
still audited and reported).

The `expected_findings` of a meta file are the test oracle of the fixtures: they are removed
from the table before the audit sees it.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import click
from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from kinerja.audit.engine import AuditSettings, audit_table
from kinerja.audit.findings import SEVERITY_ORDER, Finding
from kinerja.core.doctable import DocTable
from kinerja.io.doctable import DocTableError, find_tables, read_table, undeclared_columns

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

#: Report labels by language.
LABELS: dict[str, dict[str, str]] = {
    "id": {
        "error": "Kesalahan",
        "warning": "Peringatan",
        "info": "Informasi",
        "n_error": "{n} kesalahan",
        "n_warning": "{n} peringatan",
        "n_info": "{n} informasi",
        "none": "tidak ada temuan",
        "rows": "{n} baris",
        "row_col": "baris {row}, kolom {column}",
        "printed": "tercetak",
        "expected": "seharusnya",
        "empty": "(kosong)",
        "settings": "Pengaturan pemeriksaan",
        "total": "Jumlah: {tables} tabel diperiksa",
        "unusable": "{n} masukan tidak dapat digunakan (lihat pesan di stderr)",
        "input_error": "tidak dapat digunakan",
        "undeclared": "catatan: kolom di luar jenis {kind} dan di luar berkas meta, dibaca "
                      "sebagai teks: {columns}",
        "progress": "Memeriksa",
        "not_ready": "{path}: pemeriksaan tabel jenis {kind} belum tersedia",
        "crashed": "{path}: pemeriksaan gagal karena galat internal ({error})",
    },
    "en": {
        "error": "Errors",
        "warning": "Warnings",
        "info": "Information",
        "n_error": "{n} errors",
        "n_warning": "{n} warnings",
        "n_info": "{n} info",
        "none": "no findings",
        "rows": "{n} rows",
        "row_col": "row {row}, column {column}",
        "printed": "printed",
        "expected": "expected",
        "empty": "(empty)",
        "settings": "Audit settings",
        "total": "Total: {tables} tables audited",
        "unusable": "{n} inputs could not be used (see the messages on stderr)",
        "input_error": "unusable input",
        "undeclared": "note: columns outside kind {kind} and not named in the meta file, read "
                      "as text: {columns}",
        "progress": "Auditing",
        "not_ready": "{path}: the audit of tables of kind {kind} is not available yet",
        "crashed": "{path}: the audit failed with an internal error ({error})",
    },
}

#: English names of the settings that AuditSettings.describe() names in Indonesian.
SETTING_NAMES_EN: dict[str, str] = {
    "skala predikat": "predicate scale",
    "rumus indikator negatif": "negative-indicator formula",
    "toleransi rasio": "ratio tolerance",
}

STYLES: dict[str, str] = {"error": "bold red", "warning": "yellow", "info": "cyan"}


@dataclass
class TableReport:
    """The audit of one table: where it came from, its kind, row count and findings."""

    path: str
    kind: str
    rows: int
    findings: list[Finding]
    title: str = ""
    undeclared: list[str] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        """Number of findings per severity."""
        return Counter(f.severity for f in self.findings)

    def as_dict(self, lang: str = "id") -> dict[str, Any]:
        """The JSON form of one table of the report."""
        return {
            "path": self.path,
            "kind": self.kind,
            "rows": self.rows,
            "findings": [f.as_dict(lang) for f in self.findings],
        }


@dataclass
class AuditRun:
    """Everything one `kinerja audit` produced: table reports and unusable inputs."""

    settings: AuditSettings
    tables: list[TableReport] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """2 when an input could not be used, else 1 when any finding is an error, else 0."""
        if self.problems:
            return 2
        if any(f.severity == "error" for t in self.tables for f in t.findings):
            return 1
        return 0


def without_oracle(table: DocTable) -> DocTable:
    """The table as the audit may see it: its meta data without `expected_findings`."""
    meta = {k: v for k, v in table.meta.items() if k != "expected_findings"}
    return dataclasses.replace(table, meta=meta)


def audit_one(path: Path, settings: AuditSettings, lang: str = "id") -> TableReport:
    """Read and audit one table file. Raises DocTableError when it cannot be used."""
    table = read_table(path)
    labels = LABELS[lang]
    try:
        findings = audit_table(without_oracle(table), settings)
    except NotImplementedError:
        raise DocTableError(labels["not_ready"].format(path=path, kind=table.kind)) from None
    except Exception as exc:  # a failing check must not hide the other tables' reports
        raise DocTableError(
            labels["crashed"].format(path=path, error=f"{type(exc).__name__}: {exc}")
        ) from exc
    return TableReport(
        path=str(path),
        kind=table.kind,
        rows=len(table.rows),
        findings=list(findings),
        title=str(table.meta.get("title") or "").strip(),
        undeclared=undeclared_columns(table),
    )


def collect(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """The table files named by `paths` and a message for every path that names none."""
    files: list[Path] = []
    problems: list[str] = []
    for p in paths:
        try:
            files.extend(find_tables([p]))
        except DocTableError as exc:
            problems.append(str(exc))
    return files, problems


def run_audit(
    paths: Iterable[str | Path],
    settings: AuditSettings,
    lang: str = "id",
    on_problem: Callable[[str], None] | None = None,
    progress: Callable[[int], Callable[[Path], None]] | None = None,
) -> AuditRun:
    """Audit every table named by `paths`. `on_problem` receives each unusable input's message
    as it happens; `progress(total)` returns a callback called before each table."""
    files, problems = collect(paths)
    run = AuditRun(settings=settings)
    for msg in problems:
        run.problems.append(msg)
        if on_problem:
            on_problem(msg)
    step = progress(len(files)) if progress else None
    for f in files:
        if step:
            step(f)
        try:
            run.tables.append(audit_one(f, settings, lang))
        except DocTableError as exc:
            run.problems.append(str(exc))
            if on_problem:
                on_problem(str(exc))
    if step:
        step(Path())
    return run


# --------------------------------------------------------------------------------------------
# report


def summary(report: TableReport, lang: str = "id") -> str:
    """'tc29.csv (evaluasi_renja, 79 baris): 12 kesalahan, 40 peringatan'."""
    labels = LABELS[lang]
    counts = report.counts()
    parts = [labels[f"n_{s}"].format(n=counts[s]) for s in SEVERITIES if counts[s]]
    if lang == "en":
        parts = [p[:-1] if p.startswith("1 ") and p.endswith("s") else p for p in parts]
    what = ", ".join(parts) if parts else labels["none"]
    rows = labels["rows"].format(n=report.rows)
    if lang == "en" and report.rows == 1:
        rows = "1 row"
    return f"{report.path} ({report.kind}, {rows}): {what}"


def settings_line(settings: AuditSettings, lang: str = "id") -> str:
    """'Pengaturan pemeriksaan: skala predikat = permendagri86, ...'."""
    pairs = settings.describe()
    if lang == "en":
        pairs = [(SETTING_NAMES_EN.get(k, k), v) for k, v in pairs]
    return f"{LABELS[lang]['settings']}: " + ", ".join(f"{k} = {v}" for k, v in pairs)


def finding_text(f: Finding, lang: str = "id") -> Text:
    """'baris R, kolom C [rule] message (tercetak: P; seharusnya: E)'."""
    labels = LABELS[lang]
    message = f.message_en if lang == "en" and f.message_en else f.message
    text = Text()
    text.append(labels["row_col"].format(row=f.row, column=f.column), style="bold")
    text.append(" ")
    text.append(f"[{f.rule}]", style=STYLES.get(f.severity, ""))
    text.append(f" {message}")
    extra = []
    if f.printed is not None:
        extra.append(f"{labels['printed']}: {f.printed.strip() or labels['empty']}")
    if f.expected is not None:
        extra.append(f"{labels['expected']}: {f.expected.strip() or labels['empty']}")
    if extra:
        text.append(f" ({'; '.join(extra)})", style="dim")
    return text


def _indented(console: Console, text: Text, width: int) -> None:
    """Print `text` indented by `width` spaces; on a terminal its wrapped lines are indented
    too, elsewhere it stays one line."""
    if console.is_terminal:
        console.print(Padding(text, (0, 0, 0, width), expand=False))
    else:
        console.print(Text(" " * width).append_text(text))


def render_text(run: AuditRun, console: Console, lang: str = "id") -> None:
    """Write the text report: per table a summary line, then its findings grouped by
    severity (errors, warnings, information); then a total and the settings used."""
    labels = LABELS[lang]
    for i, report in enumerate(run.tables):
        if i:
            console.print()
        counts = report.counts()
        style = "bold red" if counts["error"] else ("bold yellow" if counts["warning"] else
                                                    "bold green")
        console.print(Text(summary(report, lang), style=style))
        if report.title:
            _indented(console, Text(report.title, style="dim"), 2)
        if report.undeclared:
            note = labels["undeclared"].format(kind=report.kind,
                                               columns=", ".join(report.undeclared))
            _indented(console, Text(note, style="dim"), 2)
        ordered = sorted(report.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 9))
        current = None
        for f in ordered:
            if f.severity != current:
                current = f.severity
                heading = labels.get(f.severity, f.severity)
                console.print(Text(f"  {heading}", style=STYLES.get(f.severity, "bold")))
            _indented(console, finding_text(f, lang), 4)
    if run.tables:
        console.print()
    if len(run.tables) > 1 or run.problems:
        total = Counter[str]()
        for report in run.tables:
            total.update(report.counts())
        parts = [labels[f"n_{s}"].format(n=total[s]) for s in SEVERITIES if total[s]]
        line = labels["total"].format(tables=len(run.tables))
        if run.tables:
            line += ": " + (", ".join(parts) if parts else labels["none"])
        if run.problems:
            line += "; " + labels["unusable"].format(n=len(run.problems))
        console.print(Text(line, style="bold"))
    console.print(Text(settings_line(run.settings, lang), style="dim"))


def render_json(run: AuditRun, lang: str = "id") -> str:
    """The JSON report: `{"settings": {...}, "tables": [{path, kind, rows, findings}]}`."""
    doc = {
        "settings": dataclasses.asdict(run.settings),
        "tables": [t.as_dict(lang) for t in run.tables],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


# --------------------------------------------------------------------------------------------
# command


@click.command("audit", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Bentuk laporan.")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
              help="Bahasa laporan (id: Bahasa Indonesia, en: English).")
@click.option("--skala-predikat", type=click.Choice(["permendagri86", "permendagri86_atas"]),
              default=AuditSettings.predicate_scale, show_default=True,
              help="Pita predikat capaian: batas bawah inklusif (permendagri86) atau batas "
                   "atas inklusif (permendagri86_atas).")
@click.option("--rumus-negatif", type=click.Choice(["2t_minus_r", "t_over_r"]),
              default=AuditSettings.negative_formula, show_default=True,
              help="Rumus capaian indikator negatif: (2T - R)/T atau T/R.")
@click.option("--toleransi", type=click.Choice(["round_or_truncate", "round", "truncate"]),
              default=AuditSettings.tolerance, show_default=True,
              help="Rasio tercetak dianggap benar bila sama dengan hasil pembulatan dan/atau "
                   "pemotongan.")
def audit(paths: tuple[Path, ...], fmt: str, lang: str, skala_predikat: str,
          rumus_negatif: str, toleransi: str) -> None:
    """Periksa tabel dokumen dan daftar setiap kesalahannya.

    PATH adalah berkas tabel (NAMA.csv atau NAMA.xlsx dengan NAMA.meta.yaml di sebelahnya)
    atau folder yang berisi tabel-tabel seperti itu. Status keluar: 0 bila tidak ada
    kesalahan, 1 bila ada kesalahan, 2 bila ada masukan yang tidak dapat digunakan.
    """
    settings = AuditSettings(
        predicate_scale=skala_predikat,
        negative_formula=rumus_negatif,
        tolerance=toleransi,
    )
    stdout = sys.stdout
    stderr = sys.stderr
    show_progress = fmt == "text" and _is_terminal(stdout) and _is_terminal(stderr)
    err_console = Console(file=stderr, highlight=False, soft_wrap=not _is_terminal(stderr),
                          force_terminal=True if show_progress else None)

    def on_problem(message: str) -> None:
        err_console.print(Text(f"{LABELS[lang]['input_error']}: ", style="bold red")
                          .append(message))

    if show_progress:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[name]}", style="dim"),
            console=err_console,
            transient=True,
        ) as bar:
            state: dict[str, Any] = {}

            def progress(total: int) -> Callable[[Path], None]:
                task = bar.add_task(LABELS[lang]["progress"], total=total, name="",
                                    visible=total > 1)
                state["started"] = False

                def step(path: Path) -> None:
                    if state["started"]:
                        bar.advance(task)
                    state["started"] = True
                    bar.update(task, name=path.name)

                return step

            run = run_audit(paths, settings, lang, on_problem=on_problem, progress=progress)
    else:
        run = run_audit(paths, settings, lang, on_problem=on_problem)

    if fmt == "json":
        click.echo(render_json(run, lang), file=stdout)
    else:
        console = Console(file=stdout, highlight=False, soft_wrap=not _is_terminal(stdout))
        render_text(run, console, lang)
    if run.exit_code:
        sys.exit(run.exit_code)
