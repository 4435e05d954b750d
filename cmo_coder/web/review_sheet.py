"""The decisions sheet in the browser: download it, decide in a spreadsheet, upload it back.

The sheet is the command line's (``review --export-decisions`` / ``--decisions``, :mod:`cmo_coder.anonymise.sheet`)
with one more column, ``version``: what each row's decision was when the sheet was downloaded. A team passes
a sheet around while others decide on the pages; a sheet read back as the command line reads it would put
its older decision over a newer one without a word. So an upload is refused whole (409) when a row the sheet
decides was decided since the download, naming the line and the decision now standing, and a sheet without
the column (one from the command line) is refused too: it cannot say what it saw.

A refusal of a sheet's rows may quote a surface (as the command line's does): it answers on the secure
pages only, which quote text anyway, and is never kept across a reload.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from ..anonymise import sheet
from ..anonymise.models import Decision
from ..anonymise.occurrences import norm
from ..errors import CmoError
from ..store import Project
from . import api
from .anonymisation import ReviewState, _changing, decision_version, load_state, save, standing
from .changes import StaleEdit
from .security import actor_of
from .state import Workbench

VERSION = "version"
FILE_NAME = "anonymisation-decisions.csv"


def _current(state: ReviewState, pid: str, surface: str) -> Decision | None:
    """The decision a row names as stored now: an occurrence's own, or its surface's."""
    return state.decisions.occurrences.get(pid) if pid else state.decisions.surfaces.get(norm(surface))


def download(state: ReviewState) -> str:
    """The sheet's CSV text, each row with the version of its decision as stored now."""
    rows = [row + [decision_version(_current(state, row[0], row[2]))]
            for row in sheet.sheet_rows(state.sets, state.decisions)]
    return sheet.sheet_csv([*sheet.COLUMNS, VERSION], rows)


def stale_rows(text: str, where: str, state: ReviewState) -> list[str]:
    """Each filled-in row whose decision was changed since the sheet was downloaded (to another decision
    than the row's), as a problem naming the line; a sheet without the ``version`` column is refused."""
    try:
        rows = [[sheet.as_written(cell) for cell in row] for row in csv.reader(io.StringIO(text.lstrip("\ufeff")))]
    except csv.Error as exc:
        raise CmoError(f"{where}: not a readable CSV file ({exc})") from None
    if not rows:
        raise CmoError(f"{where}: empty decisions file (download the sheet from this page)")
    header = [h.strip().lower() for h in rows[0]]
    if VERSION not in header or "id" not in header or "surface" not in header or "decision" not in header:
        raise CmoError(f"{where}:1: the header lacks the '{VERSION}' column (or id, surface, decision): upload "
                       "a sheet downloaded from this page, which says what each decision was when it was "
                       "downloaded; a sheet from 'review --export-decisions' is read by 'review --decisions'")
    col = {name: header.index(name) for name in header}
    problems = []
    for lineno, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            continue  # read_sheet names it
        decision = sheet.SYNONYMS.get(row[col["decision"]].strip().lower())
        if decision is None:
            continue  # blank (undecided here) or unknown (read_sheet names it)
        current = _current(state, row[col["id"]].strip(), row[col["surface"]].strip())
        if decision_version(current) == row[col[VERSION]].strip():
            continue
        if current is not None and current.decision == decision:
            continue  # the same decision made meanwhile: nothing would be overwritten
        now = standing(current) if current is not None else "undecided again"
        problems.append(f"{where}:{lineno}: decided since the sheet was downloaded (now {now})")
    return problems


def check_not_stale(text: str, where: str, state: ReviewState) -> None:
    """Refuse (409) a sheet any of whose rows would overwrite a decision made since it was downloaded."""
    problems = stale_rows(text, where, state)
    if problems:
        raise StaleEdit(f"{where}: {len(problems)} row(s) decide what another reviewer decided since the sheet was "
                        "downloaded; nothing was saved: download the sheet again and copy your decisions into it\n"
                        + "\n".join(f"  - {p}" for p in problems))


async def download_route(request: Request, bench: Workbench) -> Response:
    """GET: the sheet as a file to save (never cached: the security middleware marks every answer no-store)."""
    with bench.project() as p:
        text = download(load_state(p, bench.secure_path))
    return Response(text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{FILE_NAME}"'})


async def upload(request: Request, bench: Workbench) -> dict[str, Any]:
    """POST ``{"sheet": TEXT}``: every filled-in row applied as ``review --decisions`` applies it, or none."""
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    data = await api._body(request)
    text = api._str(data, "sheet")
    if text is None:
        raise api.BadRequest("the request must carry the sheet's text ('sheet')")
    where = "the uploaded sheet"

    def work(p: Project, state: ReviewState) -> dict[str, Any]:
        check_not_stale(text, where, state)
        skipped: dict[str, int] = {}
        decisions, used = sheet.read_sheet_text(text, where, state.sets, state.decisions, state.registered, who,
                                                set(p.transcript_ids(status="signed_off")), skipped)
        save(state, decisions)
        passed = sum(skipped.values())
        note = f"; {passed} row(s) of signed-off transcripts not read" if passed else ""
        return {"message": f"read {used} decision{'' if used == 1 else 's'} from the sheet{note}", "count": used}

    return _changing(bench, work)
