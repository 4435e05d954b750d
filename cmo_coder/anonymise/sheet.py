"""Review in a spreadsheet: proposals and decisions out to CSV, edited decisions back in.

One row per surface form (decided for every transcript) and one row per occurrence that
must be decided on its own (a registered name that may be an everyday word there). The
team fills the ``decision`` column (accept/redact, reject/keep, edit with a placeholder,
or blank for undecided) and reads the file back; every row is validated before any
decision is saved, and each problem names the file, the row and the column.

The column ``version`` says what each row's decision was when the sheet was written, so a sheet that would
overwrite a decision made since is refused (:mod:`.sheet_versions`); the last, ``project``, carries the project's
mark on every row, so another project's sheet is refused (:mod:`.sheet_mark`); cells are written safe for a
spreadsheet and read back as one saved them (:mod:`.sheet_text`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterator
from pathlib import Path

from ..errors import CmoError, ValidationFailed
from ..store.atomic import write_text
from . import sheet_text
from .models import Decision, Decisions, ProposalSet
from .occurrences import norm
from .review import decide, decide_occurrence, group_by_surface, occurrence_items
from .sheet_mark import PROJECT
from .sheet_text import FORMULA_STARTS, as_written, formula_safe
from .sheet_versions import SYNONYMS, VERSION, current, decision_version

COLUMNS = ["id", "transcript", "surface", "count", "category", "placeholder", "registered", "decision", "context"]
#: The columns the sheet is written with: :data:`COLUMNS`, each row's decision version and the project's mark.
SHEET_COLUMNS = [*COLUMNS, VERSION, PROJECT]

__all__ = ["COLUMNS", "FORMULA_STARTS", "SHEET_COLUMNS", "SYNONYMS", "as_written", "export_sheet", "formula_safe",
           "read_sheet", "read_sheet_text", "sheet_chunks", "sheet_csv", "sheet_file_text", "sheet_rows",
           "versioned_rows"]


def export_sheet(path: Path, sets: list[ProposalSet], decisions: Decisions, mark: str) -> int:
    """Write the sheet atomically, each row with the project's ``mark``; returns the number of rows."""
    rows = 0

    def counted() -> Iterator[list[str]]:
        nonlocal rows
        for row in versioned_rows(sets, decisions, mark):
            rows += 1
            yield row

    try:
        write_text(path, "".join(sheet_chunks(SHEET_COLUMNS, counted())))
    except OSError as exc:
        raise CmoError(f"cannot write decisions file {path}: {exc.strerror}") from None
    return rows


def sheet_rows(sets: list[ProposalSet], decisions: Decisions) -> Iterator[list[str]]:
    """The sheet's rows (in :data:`COLUMNS` order, cells as they are), one at a time: one per surface, then one
    per occurrence decided on its own."""
    for g in group_by_surface(sets, decisions):
        d = g.as_dict()
        decision = _exported(g.decision)
        yield ["", ";".join(d["transcripts"]), g.surface, str(g.count), ";".join(sorted(g.categories)),
               ";".join(d["placeholders"]), "yes" if g.auto else "", decision, g.contexts[0]]
    for tid, p, dec in occurrence_items(sets, decisions):
        yield [p.id, tid, p.surface, "1", p.category,
               dec.placeholder if dec and dec.placeholder else p.placeholder, "yes",
               dec.decision if dec else "", p.context]


def versioned_rows(sets: list[ProposalSet], decisions: Decisions, mark: str) -> Iterator[list[str]]:
    """The rows in :data:`SHEET_COLUMNS` order: each with the version of its decision as stored now and the
    project's ``mark`` (:func:`.sheet_mark.project_mark`)."""
    for row in sheet_rows(sets, decisions):
        yield [*row, decision_version(current(decisions, row[0], row[2])), mark]


def sheet_chunks(header: list[str], rows: Iterator[list[str]], per_chunk: int = 500) -> Iterator[str]:
    """The CSV text of a sheet in pieces of ``per_chunk`` rows, each cell made safe for a spreadsheet
    (:func:`formula_safe`): the browser streams them, so a sheet of tens of thousands of rows is never whole in
    memory as text beside its rows."""
    buf = io.StringIO()
    # CRLF, as RFC 4180 and the spreadsheets write it: the csv writer quotes a cell holding a character of the line
    # end only, so with LF alone a surface or a context holding a carriage return was written bare and broke its row
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for n, row in enumerate(rows, start=1):
        writer.writerow([formula_safe(cell) for cell in row])
        if n % per_chunk == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def sheet_csv(header: list[str], rows: list[list[str]]) -> str:
    """The CSV text of a sheet, each cell made safe for a spreadsheet (:func:`formula_safe`)."""
    return "".join(sheet_chunks(header, iter(rows)))


def read_sheet(path: Path, sets: list[ProposalSet], decisions: Decisions, registered: set[str],
               actor: str, signed_off: Collection[str] = (),
               skipped: dict[str, int] | None = None, pending: Collection[str] = ()) -> tuple[Decisions, int]:
    """Apply every filled-in row; nothing is applied unless every row is valid. Returns decisions, rows used.

    A sheet is often exported before some of its transcripts are signed off. An occurrence row of a transcript
    in ``signed_off`` can no longer be decided (its text is final in the project, and its proposals are no longer
    under review), so it is not read, and counted in ``skipped`` by transcript for the caller to name; every
    other row is read as before, and a row naming an occurrence found nowhere else is still a problem. Surface
    rows are read whatever transcripts they list: a surface decision holds for every transcript still to be
    signed off, and for later ones."""
    return read_sheet_text(sheet_file_text(path), str(path), sets, decisions, registered, actor, signed_off, skipped,
                           pending)


def sheet_file_text(path: Path) -> str:
    """A sheet file's text (UTF-8, with or without the byte order mark a spreadsheet writes)."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise CmoError(f"cannot read decisions file {path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise CmoError(f"{path}: not UTF-8 (byte {exc.start}): save it from the spreadsheet as 'CSV UTF-8'") from None


def read_sheet_text(text: str, path: str, sets: list[ProposalSet], decisions: Decisions, registered: set[str],
                    actor: str, signed_off: Collection[str] = (),
                    skipped: dict[str, int] | None = None, pending: Collection[str] = ()) -> tuple[Decisions, int]:
    """:func:`read_sheet` of a sheet's text (an upload in the browser); ``path`` names it in every problem.

    The sheet is read as a spreadsheet saved it (:func:`sheet_text.parse`: a byte order mark, ``;`` or a tab
    between cells, CRLF, columns in any order, rows sorted or filtered). A row is refused, naming its number and
    column, when it names an occurrence or a transcript this review does not hold (a sheet of another project or
    another set of transcripts), or when it decides what another row decides otherwise (a row duplicated, then
    changed); a duplicate that agrees is read once."""
    header, rows = sheet_text.parse(text, path, SHEET_COLUMNS)
    missing = [c for c in ("id", "surface", "placeholder", "decision") if c not in header]
    if missing:
        raise CmoError(f"{path}:1: header lacks column(s) {', '.join(missing)} (export one with --export-decisions)")
    col = {name: header.index(name) for name in reversed(header)}
    groups = group_by_surface(sets, decisions)
    shown = {norm(g.surface): ";".join(g.as_dict()["placeholders"]) for g in groups}
    standing = {norm(g.surface): _exported(g.decision) for g in groups if g.decision is not None}
    proposals = {p.id: (ps, p) for ps in sets for p in ps.proposals}
    reviewed = {ps.transcript_id for ps in sets}
    problems: list[str] = []
    seen: dict[tuple[str, str], tuple[int, str, str]] = {}
    surfaces: dict[str, Decision] = {}
    occurrences: dict[str, Decision] = {}
    for lineno, row in rows:
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            problems.append(f"{path}:{lineno}: expected {len(header)} columns, found {len(row)}")
            continue
        pid, surface = row[col["id"]].strip(), row[col["surface"]].strip()
        raw_decision, placeholder = row[col["decision"]].strip().lower(), row[col["placeholder"]].strip()
        if not raw_decision:
            continue
        decision = SYNONYMS.get(raw_decision)
        if decision is None:
            problems.append(f"{path}:{lineno}: column 'decision': unknown decision {raw_decision!r} "
                            "(accept/redact, reject/keep, edit, or blank)")
            continue
        listed = [t.strip() for t in row[col["transcript"]].split(";") if t.strip()] if "transcript" in col else []
        try:
            foreign = [t for t in listed if t not in reviewed and t not in signed_off and t not in pending]
            if foreign:
                raise _Cell("transcript", f"transcript {foreign[0]!r} is not under review in this project (a sheet "
                                          "of another project, or of transcripts not yet anonymised?)")
            key = ("id", pid) if pid else ("surface", norm(surface))
            earlier_row = seen.get(key)
            if earlier_row is not None:
                if earlier_row[1:] != (decision, placeholder):
                    raise _Cell("decision", f"row {earlier_row[0]} decides the same "
                                            f"{'occurrence' if pid else 'surface'} otherwise: keep one of the two")
                continue  # a row duplicated: read once
            seen[key] = (lineno, decision, placeholder)
            if pid:
                found = proposals.get(pid)
                tid = row[col["transcript"]].strip() if "transcript" in col else ""
                if found is None and tid in signed_off:
                    if skipped is not None:
                        skipped[tid] = skipped.get(tid, 0) + 1
                    continue
                if found is None:
                    raise _Cell("id", f"no occurrence {pid} in the transcripts under review (a sheet of another "
                                      "project or set of transcripts?)")
                if tid and tid != found[0].transcript_id:
                    raise _Cell("transcript", f"occurrence {pid} is in {found[0].transcript_id}, not {tid}")
                if surface and norm(found[1].surface) not in (norm(surface), norm("'" + surface)):
                    raise _Cell("surface", f"occurrence {pid} is {found[1].surface!r}, not {surface!r}")
                earlier = decisions.occurrences.get(found[1].id)
                decision = _edited(decision, placeholder, {found[1].placeholder,
                                                           earlier.placeholder if earlier and earlier.placeholder
                                                           else ""})
                one = decide_occurrence(Decisions(), found[1], decision, actor,
                                        placeholder if decision == "edit" else None)
                occurrences.update(one.occurrences)
            else:
                if not surface:
                    raise _Cell("surface", "a row without an id needs a surface")
                surface = _known(surface, shown)
                if norm(surface) not in shown and listed and not any(t in signed_off for t in listed):
                    raise _Cell("surface", f"{surface!r} is proposed in none of the transcripts the row lists (a "
                                           "sheet of another project or set of transcripts?)")
                decision = _edited(decision, placeholder, {shown.get(norm(surface), "")})
                if decision == standing.get(norm(surface)):
                    continue  # as exported (a registered name's own accept): no decision of the team's
                one = decide(Decisions(), registered, surface, decision, actor,
                             placeholder if decision == "edit" else None)
                surfaces.update(one.surfaces)
        except _Cell as exc:
            problems.append(f"{path}:{lineno}: column {exc.column!r}: {exc}")
        except CmoError as exc:  # the decision refused as typed: an edit's placeholder, or keeping a registered name
            column = "placeholder" if decision == "edit" else "decision"
            problems.append(f"{path}:{lineno}: column {column!r}: {exc}")
    if problems:
        raise ValidationFailed(f"decisions file {path} has {len(problems)} problem(s); nothing was saved", problems)
    used = len(surfaces) + len(occurrences)
    decisions = decisions.model_copy(update={"surfaces": {**decisions.surfaces, **surfaces},
                                             "occurrences": {**decisions.occurrences, **occurrences}})
    return decisions, used


class _Cell(CmoError):
    """A row's problem in one column, which the reader names."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def _known(surface: str, shown: Collection[str]) -> str:
    """A surface as the sheet wrote it: a spreadsheet that dropped the apostrophe before a surface that opened
    with one ("'=x" written "''=x", saved "'=x", read "=x") gives it back one apostrophe short."""
    return "'" + surface if norm(surface) not in shown and norm("'" + surface) in shown else surface


def _exported(decision: str | None) -> str:
    """A group's decision as the sheet writes it.

    Why it matters on the way back: a registered name's group is exported as "accept" by the register, and
    read back as the team's own surface decision it reached the occurrences the sheet lists on rows of their
    own ("there's not much joy" with a registered Joy), deciding unseen what was left blank."""
    return "" if decision is None else ("accept" if decision.startswith("accept") else decision)


def _edited(decision: str, placeholder: str, exported: set[str]) -> str:
    """An accepted row whose placeholder cell was changed is an edit: a team that types "[service name]" over
    "[city name]" and writes "accept" means the new placeholder, and silently keeping the old one would put a
    wrong type into the signed-off text. A cell still holding several placeholders cannot be one edit."""
    if decision != "accept" or not placeholder or placeholder in exported:
        return decision
    if ";" in placeholder:
        raise _Cell("placeholder", f"placeholder {placeholder!r} was changed but names several; give the one to use")
    return "edit"
