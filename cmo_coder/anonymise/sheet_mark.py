"""The decisions sheet's mark of its project, and the check that a sheet read back carries this project's.

Two projects of one team often hold transcripts of the same names ("P01", "interview-03"), and a sheet of one,
uploaded or passed to ``review --decisions`` in the other, names transcripts and occurrences the reader can find:
its "keep" rows would keep a name this project's reviewers never saw. The reader refuses rows it cannot place,
but a sheet whose rows it can place is read. So every row carries the project's mark in a ``project`` column.

Why a column and a hash:

* a comment line above the header is dropped by a spreadsheet on saving, and one cell of a header row is lost
  when a team sorts or pastes rows between sheets; a cell on every row survives a save, a sort, a filter, moved
  columns and rows pasted from another project's sheet (those rows carry the other mark and are named);
* the mark is a hash of the secure folder's own salt (:func:`cmo_coder.anonymise.review.salt`, made once and never
  replaced), so it is the same for every sheet of a project, differs between projects, and says nothing of the
  project or its people; its ``cmoc-`` prefix keeps it text in a spreadsheet (a bare hex string such as
  ``12e4…`` is read as a number).

A sheet without the ``project`` or the ``version`` column (written by hand, or before the sheet had them) is
refused, at the command line as in the browser, saying what could not be checked: nothing could tell that it is
this project's, or that none of its rows overwrites a decision made since.
"""

from __future__ import annotations

import hashlib

from ..errors import CmoError
from ..store.secure import SecureFolder
from .sheet_text import parse
from .sheet_versions import VERSION

PROJECT = "project"
PREFIX = "cmoc-"
SALT_FILE = ".log-salt"  # review.salt's file


def project_mark(secure: SecureFolder) -> str:
    """This project's mark, as a sheet is written: the same on every sheet, another on another project's."""
    from .review import salt  # review reads sheets' decisions; the salt is its

    return PREFIX + hashlib.sha256(f"decisions sheet\n{salt(secure)}".encode()).hexdigest()[:12]


def existing_mark(secure: SecureFolder) -> str | None:
    """This project's mark, as a sheet is read: reading makes no salt (a refused sheet changes nothing), and a
    secure folder without one has written no sheet, so owns no mark."""
    return project_mark(secure) if (secure.path / SALT_FILE).exists() else None


class ForeignSheet(CmoError):
    """A sheet refused whole: another project's, or one that cannot say whose it is."""


def check_sheet(text: str, path: str, mark: str | None) -> None:
    """Refuse a sheet that lacks the ``project`` or ``version`` column, or any of whose rows carries another
    project's mark. A row with a blank ``project`` cell was added by hand and is read, if some row of the sheet
    carries this project's mark."""
    header, rows = parse(text, path, (PROJECT, VERSION, "id", "surface", "decision"))
    missing = [c for c in (PROJECT, VERSION) if c not in header]
    if missing:
        unchecked = {PROJECT: "that it is this project's sheet",
                     VERSION: "that none of its rows overwrites a decision made since it was written"}
        raise ForeignSheet(
            f"{path}:1: header lacks the {' and '.join(repr(c) for c in missing)} column"
            f"{'s' if len(missing) > 1 else ''}, so nothing can check {' or '.join(unchecked[c] for c in missing)}; "
            "nothing was read: write the sheet again (the review page's 'Decide in a spreadsheet' or 'review "
            "--export-decisions') and copy your decisions into its 'decision' column")
    at = header.index(PROJECT)
    ours = filled = 0
    foreign: list[int] = []
    others: set[str] = set()
    for number, row in rows:
        if at >= len(row) or not any(c.strip() for c in row):
            continue  # a short row is named by the reader
        filled += 1
        cell = row[at].strip().lower()
        if cell == mark:
            ours += 1
        elif cell:
            foreign.append(number)
            others.add(cell[:24])  # a mark is 17 characters: a longer cell is not quoted whole
    ours_is = mark or "not yet made"
    if foreign:
        shown = ", ".join(str(n) for n in foreign[:5]) + (" …" if len(foreign) > 5 else "")
        raise ForeignSheet(
            f"{path}:{foreign[0]}: column '{PROJECT}': {len(foreign)} row(s) (row {shown}) carry another project's "
            f"mark ({', '.join(sorted(others)[:3])}; this project's is {ours_is}): the sheet, or rows pasted "
            "into it, came from another project; nothing was read")
    if filled and not ours:  # a header alone decides nothing
        raise ForeignSheet(
            f"{path}: column '{PROJECT}': no row carries this project's mark ({ours_is}), so nothing can check "
            "that it is this project's sheet; nothing was read: write the sheet again and copy your decisions "
            "into it")
