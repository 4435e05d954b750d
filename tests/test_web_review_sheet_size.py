# ruff: noqa: F811  (the review team tests' fixtures, imported)
"""A decisions sheet of any length in the browser: the upload is the file itself, not a field of the JSON body
whose 256 KiB limit cut a sheet off at about 1,500 rows; a Excel-saved sheet (';', a byte order mark) reads as
the command line reads it; a sheet past the upload's own limit is refused saying what to do instead."""

from __future__ import annotations

import csv
import io

from starlette.testclient import TestClient

from cmo_coder.web import api, review_sheet
from cmo_coder.web.state import Workbench
from tests.accounts_support import page_csrf
from tests.test_web_review_team import _decisions, _filled, _sheet, bench, cheap_hashing, lena  # noqa: F401


def _upload(client: TestClient, text: str | bytes) -> tuple[int, dict[str, str]]:
    body = text.encode("utf-8") if isinstance(text, str) else text
    r = client.post("/secure/api/decisions", content=body,
                    headers={"x-csrf-token": page_csrf(client), "content-type": "text/csv"})
    return r.status_code, r.json()


def test_a_sheet_larger_than_the_json_limit_is_read_whole(bench: Workbench, lena: TestClient) -> None:
    rows = _sheet(lena)
    text = _filled(rows, "Quennell", "Redact ")
    filler = io.StringIO()
    blank = [""] * len(rows[0])
    blank[rows[0].index("context")] = "a context a team left as it was " * 4
    blank[rows[0].index("surface")] = "Quennell"
    csv.writer(filler, lineterminator="\r\n").writerows([blank] * 6000)  # rows left blank: undecided
    big = text + filler.getvalue()
    assert len(big.encode()) > 2 * api.MAX_BODY
    status, out = _upload(lena, big)
    assert status == 200, out
    assert out["count"] == 1
    assert _decisions(bench).surfaces["quennell"].decision == "accept"


def test_a_sheet_saved_by_excel_with_semicolons_and_a_byte_order_mark_is_read(bench: Workbench,
                                                                            lena: TestClient) -> None:
    rows = _sheet(lena)
    table = list(csv.reader(io.StringIO(_filled(rows, "Quennell", "keep"))))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(table)
    status, reply = _upload(lena, "\ufeff" + out.getvalue())
    assert status == 200, reply
    assert _decisions(bench).surfaces["quennell"].decision == "reject"


def test_a_sheet_past_the_upload_limit_or_not_utf8_is_refused_saying_what_to_do(
        bench: Workbench, lena: TestClient, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(review_sheet, "MAX_SHEET", 1000)
    status, out = _upload(lena, "id,surface\r\n" + "x,y\r\n" * 400)
    assert status == 400 and "review --decisions" in out["error"]
    monkeypatch.undo()
    status, out = _upload(lena, "id,surface,decision\r\n,caf\xe9,keep\r\n".encode("latin-1"))
    assert status == 400 and "CSV UTF-8" in out["error"]
    assert "quennell" not in _decisions(bench).surfaces


def test_the_download_is_streamed_and_is_the_command_lines_sheet(bench: Workbench, lena: TestClient) -> None:
    r = lena.get("/secure/review/decisions.csv")
    assert r.status_code == 200 and "content-length" not in r.headers  # sent in pieces as it is written
    assert r.text.startswith("id,transcript,surface,count,category,placeholder,registered,decision,context,version,"
                             "project\r\n")
