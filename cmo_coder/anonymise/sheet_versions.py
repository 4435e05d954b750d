"""What a decisions sheet saw: each row's decision when the sheet was made, and the rows decided since.

A team passes a sheet round while others decide, on the review pages or with ``review``. Read back as it stood, a
sheet would put its older decision over a newer one without a word. So the sheet carries a ``version`` column, the
version of each row's decision when it was written, and a sheet any of whose filled-in rows would overwrite a
decision made since is refused whole, each row named with the decision now standing, who made it and when. The
browser and the command line apply the same rule through :func:`stale_rows`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection

from ..errors import CmoError
from .models import Decision, Decisions
from .occurrences import norm
from .sheet_text import parse

VERSION = "version"

#: how a refusal names a decision standing now (never with its surface: the browser's replies quote no text)
STANDING = {"accept": "redacted", "reject": "kept", "edit": "given its own placeholder"}
SYNONYMS = {"accept": "accept", "redact": "accept", "reject": "reject", "keep": "reject", "edit": "edit"}


def decision_version(d: Decision | None) -> str:
    """What a page or a sheet saw of one decision; a decision changed since is a stale one."""
    content = d.model_dump_json() if d is not None else "undecided"
    return hashlib.sha256(content.encode()).hexdigest()[:16]


def standing(d: Decision) -> str:
    """A decision as a refusal names it: what, by whom and when, so a reviewer knows whom to ask."""
    when = f" at {d.at}" if d.at else ""
    return f"{STANDING.get(d.decision, d.decision)} by {d.by}{when}"


def current(decisions: Decisions, pid: str, surface: str) -> Decision | None:
    """The decision a row names as stored now: an occurrence's own, or its surface's."""
    return decisions.occurrences.get(pid) if pid else decisions.surfaces.get(norm(surface))


def stale_rows(text: str, path: str, decisions: Decisions, under_review: Collection[str] | None = None) -> list[str]:
    """Each filled-in row whose decision was changed since the sheet was written (to another decision than the
    row's), as a problem naming the row and the column; a sheet without the ``version`` column is refused.

    A row whose ``version`` cell is blank was added by hand: it overwrites nothing while its item is undecided. An
    occurrence row outside ``under_review`` (the ids of the occurrences still under review) is left to the reader,
    which skips a signed-off transcript's rows: a decision made at its sign-off is overwritten by none of them."""
    header, rows = parse(text, path, (VERSION, "id", "surface", "decision"))
    if VERSION not in header or "id" not in header or "surface" not in header or "decision" not in header:
        raise CmoError(f"{path}:1: the header lacks the '{VERSION}' column (or id, surface, decision): use a sheet "
                       "written by this version (the review page's 'Decide in a spreadsheet' or 'review "
                       "--export-decisions'), which says what each decision was when it was written")
    col = {name: header.index(name) for name in reversed(header)}
    problems = []
    for number, row in rows:
        if len(row) != len(header):
            continue  # the reader names it
        decision = SYNONYMS.get(row[col["decision"]].strip().lower())
        if decision is None:
            continue  # blank (undecided here) or unknown (the reader names it)
        pid = row[col["id"]].strip()
        if pid and under_review is not None and pid not in under_review:
            continue
        now = current(decisions, pid, row[col["surface"]].strip())
        seen = row[col[VERSION]].strip()
        if decision_version(now) == seen or (not seen and now is None):
            continue
        if now is not None and now.decision == decision:
            continue  # the same decision made meanwhile: nothing would be overwritten
        said = standing(now) if now is not None else "undecided again"
        problems.append(f"{path}:{number}: column 'decision': decided since the sheet was written (now {said})")
    return problems


def check_not_stale(text: str, path: str, decisions: Decisions, under_review: Collection[str] | None = None) -> None:
    """Refuse a sheet any of whose rows would overwrite a decision made since it was written."""
    problems = stale_rows(text, path, decisions, under_review)
    if problems:
        raise StaleSheet(f"{path}: {len(problems)} row(s) decide what was decided since the sheet was written; "
                         "nothing was saved: write the sheet again and copy your decisions into it\n"
                         + "\n".join(f"  - {p}" for p in problems))


class StaleSheet(CmoError):
    """A sheet refused because something it decides was decided since it was written (a 409 in the browser)."""
