"""The Perjanjian Kinerja (PK): the head's signed promise to the regional head.

A PK (PermenPANRB 53/2014) is a statement between the official (pihak pertama, the head of the
agency, or a Plt./Plh. acting for one) and the superior (pihak kedua, the bupati, wali kota
or gubernur), followed by its attachment: the sasaran with their indicators and targets of the
year, and the programs with their budgets and the total. Both parties sign.

`build(record, year, version)` gives the sasaran–indicator–target table (registry `pk`),
`build_anggaran` the program–budget table, `statement` the agreement text and the parties,
and `pk_draft` the whole document as blocks of `kinerja.tables.lkjip_draft`.
`pk_document` and `pk_pdf` write it as DOCX and PDF.

Targets are those of `version` ('pk' or 'pk_perubahan'); an indicator without one takes the
target of the Renja (Perubahan) or Renstra of the year, so a PK can be drafted before it is
agreed, and a note names every indicator that did.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.exact import total
from kinerja.tables import lkjip_draft as d
from kinerja.tables import registry
from kinerja.tables.grid import (
    Cell,
    Column,
    HeaderCell,
    Note,
    Row,
    RowStyle,
    Signature,
    SumRows,
    Table,
)
from kinerja.tables.lkjip import table_year
from kinerja.tables.record import (
    AgencyRecord,
    DocumentInfo,
    IndicatorRecord,
    PlanNode,
    TargetValue,
)

#: Versions a PK takes its targets from, in order, per PK version.
TARGET_ORDER: dict[str, tuple[str, ...]] = {
    "pk": ("pk", "renja_perubahan", "renja", "renstra"),
    "pk_perubahan": ("pk_perubahan", "pk", "renja_perubahan", "renja", "renstra"),
}

#: Budget stages a PK takes its program budgets from, in order, per PK version.
BUDGET_ORDER: dict[str, tuple[str, ...]] = {
    "pk": ("dpa", "apbd", "rka", "renja"),
    "pk_perubahan": ("apbd_perubahan", "dpa", "apbd", "rka", "renja"),
}

_VERSION_NAMES = {"pk": "Perjanjian Kinerja", "pk_perubahan": "PK Perubahan",
                  "renja": "Renja", "renja_perubahan": "Renja Perubahan",
                  "renstra": "Renstra"}
_STAGE_NAMES = {"dpa": "DPA", "apbd": "APBD", "apbd_perubahan": "APBD Perubahan",
                "rka": "RKA", "renja": "Renja"}


def _check_version(version: str) -> str:
    if version not in TARGET_ORDER:
        raise ValueError(f"versi PK '{version}' tidak dikenal; pilih 'pk' atau 'pk_perubahan'")
    return version


def pk_target(ind: IndicatorRecord, year: int, version: str) -> tuple[TargetValue | None, str]:
    """The target of the year for a PK of `version` and the version it came from."""
    for v in TARGET_ORDER[_check_version(version)]:
        t = ind.target(year, v)
        if t is not None and (t.value is not None or t.printed):
            return t, v
    return None, version


def _target_cell(t: TargetValue | None) -> Cell:
    if t is None:
        return Cell.empty("-")
    if t.value is None:
        return Cell.of_text(t.printed)
    # keep a printed grade ('BB (75)') as the PK prints it
    if any(ch.isalpha() for ch in t.printed.replace("%", "")):
        return Cell.of_text(t.printed)
    return Cell.decimal(t.value)


def _title(version: str, year: int) -> str:
    return ("Perjanjian Kinerja Perubahan Tahun " if version == "pk_perubahan"
            else "Perjanjian Kinerja Tahun ") + str(year)


def build(record: AgencyRecord, year: int | None = None, version: str | None = "pk") -> Table:
    """The PK's sasaran–indicator–target table of `year` (default: the record's year) for a
    PK of `version` ('pk', the default, or 'pk_perubahan')."""
    version = _check_version(version or "pk")
    year = table_year(record, year)
    spec = registry.get("pk")
    rows: list[Row] = []
    borrowed: list[str] = []
    for number, s in enumerate(record.sasaran, start=1):
        if not s.indicators:
            rows.append(Row((Cell.of_text(str(number)), Cell.of_text(s.name),
                             Cell.empty("-"), Cell.empty(), Cell.empty("-"))))
            continue
        for k, ind in enumerate(s.indicators):
            t, used = pk_target(ind, year, version)
            if t is not None and used != version:
                borrowed.append(f"{ind.name}: target dari {_VERSION_NAMES.get(used, used)}")
            rows.append(Row((
                Cell.of_text(str(number) if k == 0 else ""),
                Cell.of_text(s.name if k == 0 else ""),
                Cell.of_text(ind.name),
                Cell.of_text(ind.unit),
                _target_cell(t),
            ), RowStyle.DATA))
    notes = (Note("Keterangan", tuple(borrowed)),) if borrowed else ()
    return spec.table(rows, title=_title(version, year),
                      subtitle=(record.agency.name,), notes=notes)


def budget_stage(record: AgencyRecord, year: int, version: str = "pk") -> str:
    """The first budget stage (for a PK of `version`) that a node has an amount at."""
    order = BUDGET_ORDER[_check_version(version)]
    for stage in order:
        if any(n.amount(stage, year) is not None for n in record.nodes()):
            return stage
    return order[0]


def program_budget(node: PlanNode, stage: str, year: int) -> Decimal | None:
    """A program's budget: the exact sum of its leaves' amounts (its own when none has one)."""
    summed = total(leaf.amount(stage, year) for leaf in node.leaves()) if node.children \
        else None
    return summed if summed is not None else node.amount(stage, year)


_ANGGARAN_COLUMNS = (Column("no", 5), Column("program", 60, True), Column("anggaran", 20),
                     Column("keterangan", 20))


def build_anggaran(record: AgencyRecord, year: int, version: str = "pk") -> Table:
    """The PK's program–budget table of `year`, with the total."""
    stage = budget_stage(record, year, version)
    rows: list[Row] = []
    for k, p in enumerate(record.programs, start=1):
        amount = program_budget(p, stage, year)
        rows.append(Row((
            Cell.of_text(str(k)),
            Cell.of_text(p.name),
            Cell.money(amount) if amount is not None else Cell.empty("-"),
            Cell.of_text(p.funding_source(year) or "APBD"),
        ), RowStyle.DATA))
    if rows:
        amounts = [program_budget(p, stage, year) for p in record.programs]
        summed = total(amounts)
        rows.append(Row((
            Cell.of_text("Jumlah", colspan=2),
            Cell.money(summed, formula=SumRows(tuple(range(len(record.programs)))))
            if summed is not None else Cell.empty("-"),
            Cell.empty(),
        ), RowStyle.TOTAL))
    header = ((HeaderCell("No"), HeaderCell("Program"), HeaderCell("Anggaran (Rp)"),
               HeaderCell("Keterangan")),)
    return Table(
        identifier="pk_anggaran", title=f"Program dan Anggaran {_title(version, year)}",
        columns=_ANGGARAN_COLUMNS, header=header, rows=tuple(rows),
        column_numbers=tuple(HeaderCell(f"({i})") for i in range(1, 5)),
        subtitle=(record.agency.name,),
        notes=(Note("Keterangan", (f"Anggaran menurut {_STAGE_NAMES[stage]} tahun {year}.",)),),
    )


# --- the statement -------------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """A party to the PK: position (with 'Plt.'/'Plh.' where acting), name and NIP."""

    position: str
    name: str = ""
    nip: str = ""
    acting: str = ""

    @property
    def position_line(self) -> str:
        """'Plt. Kepala Badan …'."""
        return f"{self.acting} {self.position}".strip()

    def signature(self, caption: str, place: str = "", when: str = "") -> Signature:
        """The party's signature block."""
        return Signature(position=self.position, name=self.name or "(" + "." * 40 + ")",
                         nip=self.nip, acting=self.acting, caption=caption, place=place,
                         date=when or None)


@dataclass(frozen=True)
class Statement:
    """The agreement: title lines, the opening, both parties, the promises and the place."""

    title: tuple[str, ...]
    opening: str
    first: Party
    second: Party
    promises: tuple[str, ...]
    place: str
    date_text: str


def acting_prefix(capacity: str) -> str:
    """'Plt.' or 'Plh.' for an acting official, '' for a definitive one."""
    return {"plt": "Plt.", "plh": "Plh."}.get((capacity or "").strip().lower().rstrip("."), "")


def regional_head(record: AgencyRecord) -> str:
    """The superior's position from the government's name: 'Bupati Paser', 'Wali Kota
    Samarinda', 'Gubernur Kalimantan Timur'."""
    name = record.government.name.strip()
    for prefix, head in (("Kabupaten ", "Bupati "), ("Kota ", "Wali Kota "),
                         ("Provinsi ", "Gubernur ")):
        if name.lower().startswith(prefix.lower()):
            return head + name[len(prefix):]
    return "Gubernur " + name if record.government.level == "provinsi" else "Kepala Daerah " + name


def place_name(record: AgencyRecord) -> str:
    """The place printed before the date: the government's name without its kind."""
    name = record.government.name.strip()
    for prefix in ("Kabupaten ", "Kota ", "Provinsi "):
        if name.lower().startswith(prefix.lower()):
            return name[len(prefix):]
    return name


def pk_document_info(record: AgencyRecord, year: int, version: str) -> DocumentInfo | None:
    """The PK document of the year in the record (the version asked for, else the PK)."""
    return record.document(version, year) or record.document("pk", year)


def statement(record: AgencyRecord, year: int, version: str = "pk") -> Statement:
    """The agreement text and its parties; a Plt./Plh. signatory signs as such."""
    _check_version(version)
    doc = pk_document_info(record, year, version)
    position = (doc.signatory_position if doc and doc.signatory_position
                else f"Kepala {record.agency.name}")
    first = Party(position, doc.signatory_name if doc else "", doc.signatory_nip if doc else "",
                  acting_prefix(doc.signatory_capacity) if doc else "")
    second = Party(regional_head(record))
    kind = "PERJANJIAN KINERJA PERUBAHAN" if version == "pk_perubahan" else "PERJANJIAN KINERJA"
    title = (f"{kind} TAHUN {year}", record.agency.name.upper())
    opening = ("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
               "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:")
    promises = (
        "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
        "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang "
        "telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian "
        "target kinerja tersebut menjadi tanggung jawab kami.",
        "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
        "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan "
        "dalam rangka pemberian penghargaan dan sanksi.",
    )
    return Statement(title, opening, first, second, promises, place_name(record),
                     f"{'.' * 16} {year}")


def pk_draft(record: AgencyRecord, year: int, version: str = "pk") -> d.Draft:
    """The whole PK as a `kinerja.tables.lkjip_draft.Draft`: the statement with both
    signatures, then the attachment with both tables and both signatures again."""
    st = statement(record, year, version)
    when = st.date_text
    sigs = (st.second.signature("Pihak Kedua,"),
            st.first.signature("Pihak Pertama,", st.place, when))
    fields_first = d.Fields((("Nama", st.first.name or "." * 40),
                             ("Jabatan", st.first.position_line)))
    fields_second = d.Fields((("Nama", st.second.name or "." * 40),
                              ("Jabatan", st.second.position_line)))
    sasaran = build(record, year, version)
    anggaran = build_anggaran(record, year, version)
    blocks: list[d.Block] = [
        d.Paragraph(st.opening),
        fields_first,
        d.Paragraph("selanjutnya disebut pihak pertama."),
        fields_second,
        d.Paragraph("selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
        *[d.Paragraph(p) for p in st.promises],
        d.Signatures(sigs),
        d.TableBlock(sasaran, "Lampiran"),
        d.TableBlock(anggaran, "", new_page=False),
        d.Signatures(sigs),
    ]
    return d.Draft(" ".join(st.title).title(), st.title, tuple(blocks), cover_page=False)


def pk_document(record: AgencyRecord, year: int, version: str = "pk") -> bytes:
    """The PK as DOCX bytes (python-docx): statement, both tables, signatures."""
    from kinerja.io import lkjip_docx

    return lkjip_docx.render_docx(pk_draft(record, year, version))


def pk_pdf(record: AgencyRecord, year: int, version: str = "pk") -> bytes:
    """The PK as PDF bytes (HTML printed by WeasyPrint)."""
    from kinerja.io import lkjip_docx

    return lkjip_docx.render_pdf(pk_draft(record, year, version))


registry.attach("pk", build)
