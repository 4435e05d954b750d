"""Review in a spreadsheet: proposals and decisions out to CSV, edited decisions back in.

One row per surface form (decided for every transcript) and one row per occurrence that
must be decided on its own (a registered name that may be an everyday word there). The
team fills the ``decision`` column (accept/redact, reject/keep, edit with a placeholder,
or blank for undecided) and reads the file back; every row is validated before any
decision is saved, and each problem names the file and line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection
from pathlib import Path

from ..errors import CmoError, ValidationFailed
from ..store.atomic import write_text
from .models import Decisions, ProposalSet
from .occurrences import norm
from .review import decide, decide_occurrence, find_proposal, group_by_surface, occurrence_items

COLUMNS = ["id", "transcript", "surface", "count", "category", "placeholder", "registered", "decision", "context"]
SYNONYMS = {"accept": "accept", "redact": "accept", "reject": "reject", "keep": "reject", "edit": "edit"}


def export_sheet(path: Path, sets: list[ProposalSet], decisions: Decisions) -> int:
    """Write the sheet atomically; returns the number of rows."""
    rows = sheet_rows(sets, decisions)
    try:
        write_text(path, sheet_csv(COLUMNS, rows))
    except OSError as exc:
        raise CmoError(f"cannot write decisions file {path}: {exc.strerror}") from None
    return len(rows)


def sheet_rows(sets: list[ProposalSet], decisions: Decisions) -> list[list[str]]:
    """The sheet's rows (in :data:`COLUMNS` order, cells as they are): one per surface, then one per occurrence
    decided on its own."""
    rows: list[list[str]] = []
    for g in group_by_surface(sets, decisions):
        d = g.as_dict()
        decision = _exported(g.decision)
        rows.append(["", ";".join(d["transcripts"]), g.surface, str(g.count), ";".join(sorted(g.categories)),
                     ";".join(d["placeholders"]), "yes" if g.auto else "", decision, g.contexts[0]])
    for tid, p, dec in occurrence_items(sets, decisions):
        rows.append([p.id, tid, p.surface, "1", p.category,
                     dec.placeholder if dec and dec.placeholder else p.placeholder, "yes",
                     dec.decision if dec else "", p.context])
    return rows


def sheet_csv(header: list[str], rows: list[list[str]]) -> str:
    """The CSV text of a sheet, each cell made safe for a spreadsheet (:func:`formula_safe`)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[formula_safe(cell) for cell in row] for row in rows])
    return buf.getvalue()


def read_sheet(path: Path, sets: list[ProposalSet], decisions: Decisions, registered: set[str],
               actor: str, signed_off: Collection[str] = (),
               skipped: dict[str, int] | None = None) -> tuple[Decisions, int]:
    """Apply every filled-in row; nothing is applied unless every row is valid. Returns decisions, rows used.

    A sheet is often exported before some of its transcripts are signed off. An occurrence row of a transcript
    in ``signed_off`` can no longer be decided (its text is final in the project, and its proposals are no longer
    under review), so it is not read, and counted in ``skipped`` by transcript for the caller to name; every
    other row is read as before, and a row naming an occurrence found nowhere else is still a problem. Surface
    rows are read whatever transcripts they list: a surface decision holds for every transcript still to be
    signed off, and for later ones."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise CmoError(f"cannot read decisions file {path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise CmoError(f"{path}: not UTF-8 (byte {exc.start})") from None
    return read_sheet_text(text, str(path), sets, decisions, registered, actor, signed_off, skipped)


def read_sheet_text(text: str, path: str, sets: list[ProposalSet], decisions: Decisions, registered: set[str],
                    actor: str, signed_off: Collection[str] = (),
                    skipped: dict[str, int] | None = None) -> tuple[Decisions, int]:
    """:func:`read_sheet` of a sheet's text (an upload in the browser); ``path`` names it in every problem."""
    try:
        rows = [[as_written(cell) for cell in row] for row in csv.reader(io.StringIO(text))]
    except csv.Error as exc:
        raise CmoError(f"{path}: not a readable CSV file ({exc})") from None
    if not rows:
        raise CmoError(f"{path}: empty decisions file (expected the header {','.join(COLUMNS)})")
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in ("id", "surface", "placeholder", "decision") if c not in header]
    if missing:
        raise CmoError(f"{path}:1: header lacks column(s) {', '.join(missing)} (export one with --export-decisions)")
    col = {name: header.index(name) for name in header}
    groups = group_by_surface(sets, decisions)
    shown = {norm(g.surface): ";".join(g.as_dict()["placeholders"]) for g in groups}
    standing = {norm(g.surface): _exported(g.decision) for g in groups if g.decision is not None}
    problems: list[str] = []
    used = 0
    for lineno, row in enumerate(rows[1:], start=2):
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
            problems.append(f"{path}:{lineno}: unknown decision {raw_decision!r} "
                            "(accept/redact, reject/keep, edit, or blank)")
            continue
        try:
            if pid:
                found = find_proposal(sets, pid)
                tid = row[col["transcript"]].strip() if "transcript" in col else ""
                if found is None and tid in signed_off:
                    if skipped is not None:
                        skipped[tid] = skipped.get(tid, 0) + 1
                    continue
                if found is None:
                    raise CmoError(f"no occurrence {pid} in the transcripts under review")
                if surface and norm(surface) != norm(found[1].surface):
                    raise CmoError(f"occurrence {pid} is {found[1].surface!r}, not {surface!r}")
                earlier = decisions.occurrences.get(found[1].id)
                decision = _edited(decision, placeholder, {found[1].placeholder,
                                                           earlier.placeholder if earlier and earlier.placeholder
                                                           else ""})
                decisions = decide_occurrence(decisions, found[1], decision, actor,
                                              placeholder if decision == "edit" else None)
            else:
                if not surface:
                    raise CmoError("a row without an id needs a surface")
                decision = _edited(decision, placeholder, {shown.get(norm(surface), "")})
                if decision == standing.get(norm(surface)):
                    continue  # as exported (a registered name's own accept): no decision of the team's
                decisions = decide(decisions, registered, surface, decision, actor,
                                   placeholder if decision == "edit" else None)
            used += 1
        except CmoError as exc:
            problems.append(f"{path}:{lineno}: {exc}")
    if problems:
        raise ValidationFailed(f"decisions file {path} has {len(problems)} problem(s); nothing was saved", problems)
    return decisions, used


#: What a spreadsheet takes for the start of a formula (or, tab and CR, for the edge of a cell): a cell opening with
#: one of them is exported behind an apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(cell: str) -> str:
    """A cell as the sheet writes it: behind an apostrophe where a spreadsheet would read it as a formula.

    Why: a transcript's words reach the sheet as surfaces and contexts, and a team opens the sheet in Excel or
    LibreOffice. A context such as ``=HYPERLINK("http://…", "click")`` or ``=cmd|' /c calc'!A0`` said or pasted
    into a chat export would run there (CSV injection); "+44 7700 900123" and "-- she said" would be misread as
    sums. The apostrophe is the spreadsheets' own mark for "text as written". A cell whose apostrophes are
    followed by one of these characters gets one more, so :func:`as_written` gives every cell back as it was."""
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def as_written(cell: str) -> str:
    """A cell as read back: the apostrophe :func:`formula_safe` put before a formula's first character taken off
    (a spreadsheet that dropped it on saving leaves the cell as the transcript had it, which reads the same)."""
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS) else cell


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
        raise CmoError(f"placeholder {placeholder!r} was changed but names several; give the one to use")
    return "edit"
