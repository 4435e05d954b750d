"""Fuzz target: ``review --decisions`` on a decisions sheet a team edited badly.

The seed is the sheet ``review --export-decisions`` writes for a sample transcript. Each example edits it as a
spreadsheet, a text editor or a careless hand does: cells of one row swapped, decisions and placeholders
typed over with anything, ids and surfaces from another row, rows duplicated or cut, a quote left open, a
column added or lost, the file saved as UTF-16, Latin-1 or with CR line ends, bytes flipped, truncated.
The command must exit 0, or exit 1 with ``error:`` naming the sheet and leave the project and the secure folder
byte for byte as they were (a sheet is applied whole or not at all).
"""

from __future__ import annotations

import atexit
import csv
import hashlib
import io
import shutil
import tempfile
from functools import cache
from pathlib import Path

import pytest
from fuzzing import REPO, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.cli.main import cli

pytestmark = pytest.mark.fuzz

TRANSCRIPT = REPO / "transcripts_sample" / "siteC_service_user_interview.srt"
DECISIONS = ["accept", "reject", "edit", "keep", "redact", "", "ACCEPT ", "maybe", "accept;reject", "=1+1", "\x00"]
PLACEHOLDERS = ["[name removed]", "[ward name]", "", "[", "name removed", "[a];[b]", "[" + "x" * 5000 + "]",
                "[Zoë]", "\u202e[x]"]


def _invoke(argv: list[object]) -> tuple[int, str]:
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, [str(a) for a in argv])
    return result.exit_code, result.output


@cache
def _base() -> tuple[Path, bytes]:
    """A project with one transcript imported and anonymised, and the sheet exported for it (made once)."""
    root = Path(tempfile.mkdtemp(prefix="fuzz-sheet-"))
    atexit.register(shutil.rmtree, root, True)
    assert _invoke(["init", root / "study", "--codebook", "tiny"])[0] == 0
    assert _invoke(["import", root / "study", TRANSCRIPT, "--secure", root / "secure"])[0] == 0
    assert _invoke(["anonymise", root / "study", "--secure", root / "secure"])[0] == 0
    sheet = root / "sheet.csv"
    code, out = _invoke(["review", root / "study", "--secure", root / "secure", "--export-decisions", sheet])
    assert code == 0, out
    return root, sheet.read_bytes()


def _state(*roots: Path) -> dict[str, str]:
    return {f"{r.name}/{p.relative_to(r)}": hashlib.sha256(p.read_bytes()).hexdigest()
            for r in roots for p in sorted(r.rglob("*")) if p.is_file()}


def _edit(draw: st.DrawFn, sheet: bytes) -> bytes:
    rows = list(csv.reader(io.StringIO(sheet.decode("utf-8"))))
    header, body = rows[0], rows[1:]
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["decide", "decide", "placeholder", "swap", "borrow", "duplicate", "drop",
                                   "column", "header"]))
        if not body:
            break
        i = draw(st.integers(0, len(body) - 1))
        row = body[i]
        if op == "decide" and "decision" in header:
            row[header.index("decision")] = draw(st.sampled_from(DECISIONS))
        elif op == "placeholder" and "placeholder" in header:
            row[header.index("placeholder")] = draw(st.sampled_from(PLACEHOLDERS))
        elif op == "swap" and len(row) > 1:
            a, b = draw(st.integers(0, len(row) - 1)), draw(st.integers(0, len(row) - 1))
            row[a], row[b] = row[b], row[a]
        elif op == "borrow":  # an id or a surface from another row
            j = draw(st.integers(0, len(row) - 1))
            row[j] = body[draw(st.integers(0, len(body) - 1))][j] if j < len(body[0]) else row[j]
        elif op == "duplicate":
            body.insert(i, list(row))
        elif op == "drop":
            del body[i]
        elif op == "column":
            body[i] = row + ["extra"] if draw(st.booleans()) else row[:-1]
        else:
            header = [h.upper() if draw(st.booleans()) else h for h in header][: draw(st.integers(1, len(header)))]
    out = io.StringIO()
    csv.writer(out).writerows([header, *body])
    return out.getvalue().encode("utf-8")


def _damage(draw: st.DrawFn, data: bytes) -> bytes:
    op = draw(st.sampled_from(["none", "none", "quote", "utf16", "latin1", "cr", "flip", "truncate", "bom"]))
    if op == "quote":
        i = draw(st.integers(0, len(data)))
        return data[:i] + b'"' + data[i:]
    if op == "utf16":
        return data.decode().encode("utf-16")
    if op == "latin1":
        return data.decode().encode("latin-1", errors="replace")
    if op == "cr":
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    if op == "flip" and data:
        buf = bytearray(data)
        buf[draw(st.integers(0, len(buf) - 1))] ^= 1 << draw(st.integers(0, 7))
        return bytes(buf)
    if op == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if op == "bom":
        return b"\xef\xbb\xbf" + data
    return data


@fuzz_settings(8)
@given(data=st.data())
def test_fuzz_decisions_sheet(data: st.DataObject) -> None:
    base, sheet = _base()
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        shutil.copytree(base / "study", work / "study", symlinks=True)
        shutil.copytree(base / "secure", work / "secure", symlinks=True)
        path = work / "edited.csv"
        path.write_bytes(_damage(data.draw, _edit(data.draw, sheet)))
        before = _state(work / "study", work / "secure")
        code, out = _invoke(["review", work / "study", "--secure", work / "secure", "--decisions", path])
        assert "Traceback" not in out and "internal error" not in out, out[-2000:]
        assert code in (0, 1), (code, out[-2000:])
        if code == 1:
            assert "error:" in out and str(path) in out, out[-2000:]
            assert _state(work / "study", work / "secure") == before, out[-1000:]
