"""The decisions sheet in the browser: download it, decide in a spreadsheet, upload it back.

The sheet is the command line's (``review --export-decisions`` / ``--decisions``, :mod:`cmo_coder.anonymise.sheet`),
``version`` column and all: what each row's decision was when the sheet was downloaded. A team passes a sheet
around while others decide on the pages; an upload is refused whole (409) when a row the sheet decides was decided
since, naming the row and the decision now standing, who made it and when (:mod:`cmo_coder.anonymise.sheet_versions`,
the rule ``review --decisions`` applies too); a sheet without the column cannot say what it saw and is refused. A
sheet of another project (its ``project`` column's mark, :mod:`cmo_coder.anonymise.sheet_mark`), or without that
column, is refused whole, as at the command line.

Size: a project of tens of thousands of occurrences has a sheet of several megabytes. The download is streamed in
pieces of rows, and the upload is sent as the file itself (``text/csv``, up to :data:`MAX_SHEET` bytes) rather
than inside the JSON body every other change uses, whose limit (``api.MAX_BODY``) once cut a sheet off at about
1,500 rows. A sheet is read a row at a time, never held as text and as rows together.

A refusal of a sheet's rows may quote a surface (as the command line's does): it answers on the secure
pages only, which quote text anyway, and is never kept across a reload.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from ..anonymise import sheet, sheet_versions
from ..anonymise.sheet_mark import check_sheet, existing_mark, project_mark
from ..store import Project
from . import api
from .anonymisation import ReviewState, _changing, cached_state, remember, save
from .changes import StaleEdit
from .security import actor_of
from .state import Workbench

FILE_NAME = "anonymisation-decisions.csv"
#: The largest sheet an upload may send: about 150,000 rows of the usual width.
MAX_SHEET = 64 * 1024 * 1024
CSV_TYPES = ("text/csv", "text/plain", "application/octet-stream")


def download(state: ReviewState) -> Iterator[str]:
    """The sheet's CSV text in pieces, each row with the version of its decision as stored now."""
    return sheet.sheet_chunks(sheet.SHEET_COLUMNS,
                              sheet.versioned_rows(state.sets, state.decisions, project_mark(state.secure)))


def check_not_stale(text: str, where: str, state: ReviewState) -> None:
    """Refuse another project's sheet, or one without the ``project`` or ``version`` column (400, as the command
    line refuses it), and (409) a sheet any of whose rows would overwrite a decision made since it was
    downloaded."""
    check_sheet(text, where, existing_mark(state.secure))
    try:
        sheet_versions.check_not_stale(text, where, state.decisions,
                                       {p.id for ps in state.sets for p in ps.proposals})
    except sheet_versions.StaleSheet as exc:
        raise StaleEdit(str(exc)) from None


async def download_route(request: Request, bench: Workbench) -> Response:
    """GET: the sheet as a file to save (never cached: the security middleware marks every answer no-store).

    The review's state is read under the project; the rows are written from it as the answer is sent."""
    with bench.project() as p:
        state = cached_state(p, bench.secure_path)
    return StreamingResponse((chunk.encode("utf-8") for chunk in download(state)),
                             media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{FILE_NAME}"'})


async def _sheet_text(request: Request) -> str:
    """The uploaded sheet: the file itself (``text/csv``), read up to :data:`MAX_SHEET` bytes, or the JSON body's
    ``sheet`` (a small sheet, as earlier pages sent it)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in CSV_TYPES:
        data = await api._body(request)
        text = api._str(data, "sheet")
        if text is None:
            raise api.BadRequest("the request must carry the sheet's text ('sheet')")
        return text
    received = bytearray()
    async for piece in request.stream():
        received += piece
        if len(received) > MAX_SHEET:
            raise api.BadRequest(f"the sheet is larger than {MAX_SHEET // (1024 * 1024)} MB: decide part of it on "
                                 "the pages, or with 'cmo-coder review --decisions', which reads a sheet of any size")
    try:
        text = received.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise api.BadRequest(f"the uploaded sheet is not UTF-8 (byte {exc.start}): save it from the spreadsheet "
                             "as 'CSV UTF-8'") from None
    del received
    return text


async def upload(request: Request, bench: Workbench) -> dict[str, Any]:
    """POST the sheet: every filled-in row applied as ``review --decisions`` applies it, or none."""
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    text = await _sheet_text(request)
    where = "the uploaded sheet"

    def work(p: Project, state: ReviewState) -> dict[str, Any]:
        check_not_stale(text, where, state)
        skipped: dict[str, int] = {}
        decisions, used = sheet.read_sheet_text(text, where, state.sets, state.decisions, state.registered, who,
                                                set(p.transcript_ids(status="signed_off")), skipped,
                                                p.transcript_ids(status="pending"))
        remember(p, bench.secure_path, save(state, decisions))
        passed = sum(skipped.values())
        note = f"; {passed} row(s) of signed-off transcripts not read" if passed else ""
        return {"message": f"read {used} decision{'' if used == 1 else 's'} from the sheet{note}", "count": used}

    return _changing(bench, work)
