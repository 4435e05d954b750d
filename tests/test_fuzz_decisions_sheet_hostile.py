# ruff: noqa: F811  (the review team tests' fixtures, imported)
"""Fuzz targets: a hostile decisions sheet through ``review --decisions`` and through the browser's upload (a
lead's account, the app's test client).

Each example starts from the sheet the project wrote and changes its structure as a spreadsheet, a text editor or
an attacker would: a quote never closed, a cell of a megabyte, a million blank rows, NUL, bidi marks and control
characters in a cell, line ends mixed line by line, a cell opening with a formula, the header written again in the
middle, a row's id or transcript of another project, rows doubled, cut, cells moved, a separator changed, a byte
order mark. The contract: the sheet is applied, or refused whole with an error naming the sheet and the row (and
the column, where a cell is at fault), and then nothing is decided: the project and the secure folder stay byte for
byte as they were. Never an internal error, a hang, or memory out of proportion to the sheet.

The regular tests at the top are the defects these targets found, kept as ordinary cases.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient
from test_fuzz_decisions_sheet import _base, _invoke

from cmo_coder.web.state import Workbench
from tests.accounts_support import page_csrf
from tests.test_web_review_team import _sheet, bench, cheap_hashing, lena  # noqa: F401


def _state(*roots: Path) -> dict[str, str]:
    """Every file's digest; SQLite's shared-memory index (``-shm``) changes on reading and holds no data, and so
    does an empty write-ahead log (``-wal``) that a reader opens and a writer would fill."""
    return {f"{r.name}/{p.relative_to(r)}": hashlib.sha256(p.read_bytes()).hexdigest()
            for r in roots for p in sorted(r.rglob("*")) if p.is_file() and not p.name.endswith("-shm")
            and not (p.name.endswith("-wal") and p.stat().st_size == 0)}


def _review(data: bytes) -> tuple[int, str, bool, str]:
    """``review --decisions`` on a copy of the base project: exit code, output, whether the project and secure
    folder are as they were, the sheet's path."""
    base, _ = _base()
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        shutil.copytree(base / "study", work / "study", symlinks=True)
        shutil.copytree(base / "secure", work / "secure", symlinks=True)
        path = work / "sheet.csv"
        path.write_bytes(data)
        before = _state(work / "study", work / "secure")
        code, out = _invoke(["review", work / "study", "--secure", work / "secure", "--decisions", path])
        return code, out, _state(work / "study", work / "secure") == before, str(path)


def _refused_naming_the_row(code: int, out: str, same: bool, path: str) -> None:
    assert "Traceback" not in out and "internal error" not in out, out[-2000:]
    assert code == 1, (code, out[-2000:])
    assert same, out[-1000:]
    assert "error:" in out and re.search(re.escape(path) + r":\d+", out), out[-2000:]


def _upload(client: TestClient, body: bytes) -> tuple[int, dict[str, str]]:
    r = client.post("/secure/api/decisions", content=body,
                    headers={"x-csrf-token": page_csrf(client), "content-type": "text/csv"})
    return r.status_code, r.json()


# -- the defects found, as ordinary cases ---------------------------------------------------------------------------

@pytest.mark.parametrize("header", [b"id,tr\ranscript,surface,decision\r\n", b"i\rd,transcript\n,x\n"])
def test_a_header_holding_a_lone_carriage_return_is_refused_naming_row_one(header: bytes) -> None:
    """A CR inside the header's line (a file whose lines end in LF or CRLF, edited on an old Mac) broke the look
    for the separator, outside the reader's own refusal: "internal error", exit 2."""
    code, out, same, path = _review(header + b",x,Jo,accept\r\n")
    _refused_naming_the_row(code, out, same, path)
    assert f"{path}:1: not a readable CSV file" in out


def test_the_same_header_through_the_browser_is_a_400_naming_row_one(bench: Workbench, lena: TestClient) -> None:
    """The browser's upload reads the sheet with the same reader: the CR in the header was a server error."""
    assert bench.secure_path is not None and isinstance(bench.project_path, Path)
    before = _state(bench.project_path, bench.secure_path)
    status, reply = _upload(lena, b"id,tr\ranscript,surface,decision,version\r\n,x,Jo,accept,v\r\n")
    assert status == 400 and reply["error"].startswith("the uploaded sheet:1: not a readable CSV file"), reply
    assert _state(bench.project_path, bench.secure_path) == before


def _filled() -> tuple[list[str], list[list[str]]]:
    """The base sheet with every row decided ``accept``, as header and rows."""
    _, sheet = _base()
    rows = list(csv.reader(io.StringIO(sheet.decode("utf-8"))))
    at = rows[0].index("decision")
    return rows[0], [[*r[:at], "accept", *r[at + 1:]] for r in rows[1:]]


def _csv(rows: list[list[str]], eol: str = "\r\n", delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=eol, delimiter=delimiter).writerows(rows)
    return out.getvalue()


def _named_cases() -> dict[str, bytes]:
    header, body = _filled()
    good = _csv([header, *body])
    other = [["zz" + r[0][2:] if r[0] else "occ-0000000000", *r[1:]] for r in body]
    return {
        "a quote never closed": (good + '"Jo,accept\r\n').encode(),
        "a quote opened mid-sheet": good.replace(body[0][2], '"' + body[0][2], 1).encode(),
        "a cell of a megabyte": (good + _csv([[*body[0][:2], "x" * 1_000_000, *body[0][3:]]])).encode(),
        "a line of five megabytes": (good + "a" * 5_000_000 + "\r\n").encode(),
        "a NUL in a decision": _csv([header, [*body[0][:7], "acc\x00ept", *body[0][8:]], *body[1:]]).encode(),
        "a NUL alone on a row": (good + "\x00\r\n").encode(),
        "a bare CR in an LF sheet": _csv([header, *body], eol="\n").replace("\n", "\r", 3).encode(),
        "a formula for a decision": _csv([header, [*body[0][:7], '=HYPERLINK("http://x","accept")',
                                                   *body[0][8:]], *body[1:]]).encode(),
        "a formula for a placeholder": _csv([header, [*body[0][:5], "=1+1", "", "edit", *body[0][8:]],
                                             *body[1:]]).encode(),
        "the header again mid-sheet": (good + _csv([header, *body])).encode(),
        "rows of another project": _csv([header, *other]).encode(),
        "a transcript of another project": _csv([header, *[[r[0], "another-study-7", *r[2:]]
                                                           for r in body]]).encode(),
        "a bidi mark before a decision": _csv([header, [*body[0][:7], "\u202eaccept", *body[0][8:]],
                                               *body[1:]]).encode(),
        "a lone surrogate's bytes": good.encode() + b"\xed\xa0\x80\r\n",
    }


@pytest.mark.parametrize("case", sorted(_named_cases()))
def test_a_hostile_sheet_is_refused_whole_naming_the_row(case: str) -> None:
    code, out, same, path = _review(_named_cases()[case])
    if case == "a lone surrogate's bytes":  # not UTF-8: the decoder's refusal names the file and the byte
        assert code == 1 and same and f"{path}: not UTF-8" in out, out
        return
    _refused_naming_the_row(code, out, same, path)


def test_a_million_blank_rows_after_the_sheet_are_read_as_undecided_in_bounded_time() -> None:
    """Blank rows are what a spreadsheet saves below a column someone formatted to the bottom; they decide
    nothing, so the sheet's own rows are read and the rest passed over, in seconds and without holding them."""
    header, body = _filled()
    blank = "\r\n"
    began = time.perf_counter()
    code, out, same, _ = _review((_csv([header, *body]) + blank * 1_000_000).encode())
    assert time.perf_counter() - began < 120
    assert code == 0 and not same, out[-2000:]


# -- the fuzz targets ------------------------------------------------------------------------------------------------

HOSTILE_CELLS = ["", "x" * 200_000, "\x00", "acc\x00ept", "\u202eaccept\u202c", "\u200baccept", "=1+1",
                 '=HYPERLINK("http://x")', "+accept", "@SUM(A1)", "'accept", "ACCEPT", "keep", "reject", "edit",
                 "redact", "[name removed]", "[", "\ud800", "\r", "\n", "\r\n", '"', '"accept', "a,b", "a;b",
                 "\t", "occ-0000000000", "another-study-7", "9" * 5000, "NaN", "-1", "Zo\u00eb M\u00fcller"]


@st.composite
def _hostile_sheet(draw: st.DrawFn) -> bytes:
    """The project's own sheet with one to five structural edits, then written with a separator, line ends and
    encoding a spreadsheet or editor might use, perhaps damaged at one byte."""
    header, body = _filled()
    rows = [list(header), *[list(r) for r in body]]
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["cell", "cell", "cell", "header", "blank", "double", "drop", "width"]))
        i = draw(st.integers(1, max(1, len(rows) - 1))) if len(rows) > 1 else 0
        if op == "cell" and len(rows) > 1 and rows[i]:
            j = draw(st.integers(0, len(rows[i]) - 1))
            rows[i][j] = draw(st.sampled_from(HOSTILE_CELLS))
        elif op == "header":
            rows.insert(i, list(header))
        elif op == "blank":
            rows[i:i] = [[""] * len(header)] * draw(st.sampled_from([1, 50, 5000]))
        elif op == "double" and len(rows) > 1:
            rows.insert(i, list(rows[i]))
        elif op == "drop" and len(rows) > 1:
            del rows[i]
        elif op == "width" and len(rows) > 1:
            rows[i] = rows[i][:-1] if draw(st.booleans()) else [*rows[i], "extra"]
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    lines = _csv(rows, delimiter=delimiter).split("\r\n")
    ends = [draw(st.sampled_from(["\r\n", "\n", "\r"])) if draw(st.integers(0, 3)) == 0 else "\r\n"
            for _ in lines]
    text = "".join(line + end for line, end in zip(lines, ends, strict=True))
    raw = (("\ufeff" if draw(st.booleans()) else "") + text).encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b'"', b"\x00", b"\r", b"\xff", b","])) + raw[at:]
    return raw


def _applied_or_refused_whole(code: int, out: str, same: bool, path: str) -> None:
    assert "Traceback" not in out and "internal error" not in out, out[-2000:]
    assert code in (0, 1), (code, out[-2000:])
    if code == 1:
        assert same, out[-1000:]
        assert "error:" in out and path in out, out[-2000:]


@pytest.mark.fuzz
@fuzz_settings(25)
@given(_hostile_sheet())
def test_fuzz_hostile_sheet_through_the_command_line(raw: bytes) -> None:
    began = time.perf_counter()
    _applied_or_refused_whole(*_review(raw))
    assert time.perf_counter() - began < 60


@st.composite
def _hostile_upload(draw: st.DrawFn, rows: list[list[str]]) -> bytes:
    header, body = rows[0], [list(r) for r in rows[1:]]
    at = header.index("decision")
    body = [[*r[:at], "accept", *r[at + 1:]] for r in body]
    edited = [list(header), *body]
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(edited) - 1))
        op = draw(st.sampled_from(["cell", "cell", "header", "blank", "other"]))
        if op == "cell" and edited[i]:
            edited[i][draw(st.integers(0, len(edited[i]) - 1))] = draw(st.sampled_from(HOSTILE_CELLS))
        elif op == "header":
            edited.insert(max(1, i), list(header))
        elif op == "blank":
            edited[max(1, i):max(1, i)] = [[""] * len(header)] * draw(st.sampled_from([1, 2000]))
        elif i and edited[i]:
            edited[i][0] = "occ-0000000000"
    text = _csv(edited, eol=draw(st.sampled_from(["\r\n", "\n"])))
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b'"', b"\x00", b"\r", b"\xff"])) + raw[at:]
    return raw


#: How many uploads ended in each status, for the long run's account.
SEEN: dict[int, int] = {}


@pytest.mark.fuzz
def test_fuzz_hostile_sheet_through_the_browsers_upload(bench: Workbench, lena: TestClient) -> None:
    """A lead uploads the hostile sheet: 200, or a 4xx naming the sheet's row, and then nothing decided (the
    secure folder and project byte for byte as they were). Hypothesis runs inside one signed-in client; a sheet
    that was applied makes the next one stale (409), which is a refusal as good as any."""
    rows = _sheet(lena)
    assert bench.secure_path is not None
    assert isinstance(bench.project_path, Path)
    roots = (bench.project_path, bench.secure_path)

    @fuzz_settings(20)
    @given(_hostile_upload(rows))
    def run(raw: bytes) -> None:
        before = _state(*roots)
        began = time.perf_counter()
        status, reply = _upload(lena, raw)
        assert time.perf_counter() - began < 60
        SEEN[status] = SEEN.get(status, 0) + 1
        assert status in (200, 400, 409, 422), (status, reply)
        if status != 200:
            assert _state(*roots) == before, reply
            error = reply.get("error", "")
            assert "internal" not in error.lower() and "Traceback" not in error, error
            assert re.search(r"the uploaded sheet:\d+|not UTF-8|uploaded sheet", error), error

    SEEN.clear()
    run()
    print("browser upload statuses:", dict(sorted(SEEN.items())))
    assert set(SEEN) - {200}, SEEN  # the sheets drawn reach the refusals, not only sheets read whole

