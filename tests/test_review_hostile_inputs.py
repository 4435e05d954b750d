"""Hostile review inputs: the decisions sheet a team opens in a spreadsheet, phrases given to ``review --reject
--where`` and ``--redact``, and a participants manifest whose labels are names.

* A sheet cell that opens with ``=``, ``+``, ``-``, ``@``, a tab or a CR is a formula to Excel and LibreOffice: a
  context holding ``=HYPERLINK(…)`` or ``=cmd|' /c calc'!A0`` (said, or pasted into a chat export) ran when the team
  opened the sheet. ``--export-decisions`` now writes such a cell behind an apostrophe, and ``--decisions`` reads
  it back as it was.
* A phrase of any shape (empty, a regular expression's characters, megabytes) is a phrase: the command decides or
  refuses in one line, never an internal error.
* A manifest label is shown for the speaker in the project, outside the secure folder: a label that is a word of a
  person's name is refused.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.sheet import FORMULA_STARTS, as_written, formula_safe
from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError
from cmo_coder.ingest.speakers import load_manifest
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent
HOSTILE = "=cmd|' /c calc'!A0 and =HYPERLINK(\"http://example.invalid\",\"x\")"


def _invoke(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.output


def _study(root: Path, said: list[str]) -> tuple[Path, Path]:
    key = [KeyEntry(label="P1", name="Will Tarrant", role="service_user", site="A")]
    project = Project.create(root / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="t")
    sf = secure_folder(root, key)
    add_pending(project, sf, "t1", [("P1", "Will Tarrant", line) for line in said])
    project.close()
    code, out = _invoke("anonymise", root / "study", "--secure", sf.path, "--rules-only")
    assert code == 0, out
    return root / "study", sf.path


# -- the sheet: formulas --------------------------------------------------------------------------------------------
@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "a", " ", "\n", "\"", ","]),
               max_size=8) | st.text(max_size=30))
def test_fuzz_a_cell_comes_back_as_it_was_and_never_opens_a_formula(cell: str) -> None:
    written = formula_safe(cell)
    assert as_written(written) == cell
    assert not written.startswith(FORMULA_STARTS)
    # a spreadsheet that drops the apostrophe on saving gives the cell as the transcript had it
    assert as_written(cell) == cell or cell.startswith("'")


@pytest.mark.parametrize("cell, written", [
    ("=1+1", "'=1+1"), ("+44 7700 900123", "'+44 7700 900123"), ("-- she said", "'-- she said"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("'=x", "''=x"),
    ("'Arry", "'Arry"), ("O'Neill", "O'Neill"), ("", ""), ("a=b", "a=b"), (" =x", " =x")])
def test_cells_that_open_a_formula_are_written_behind_an_apostrophe(cell: str, written: str) -> None:
    assert formula_safe(cell) == written and as_written(written) == cell


def test_an_exported_sheet_runs_no_formula_and_reads_back(tmp_path: Path) -> None:
    """A phone number ("+44 …") and a context opening with "=" were written as they were: Excel read the first as
    a sum and would run the second."""
    study, secure = _study(tmp_path, [HOSTILE, "+44 7700 900123 is my number", "-07700 900456 or that one"])
    sheet = tmp_path / "sheet.csv"
    code, out = _invoke("review", study, "--secure", secure, "--export-decisions", sheet)
    assert code == 0, out
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    cells = [c for row in rows for c in row]
    assert not any(c.startswith(FORMULA_STARTS) for c in cells)
    phone = next(r for r in rows if as_written(r[2]) == "+44 7700 900123")
    assert phone[2] == "'+44 7700 900123"
    # the team keeps the number (the sheet read back names the surface as the transcript had it)
    header = rows[0]
    phone[header.index("decision")] = "reject"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    sheet.write_text(buf.getvalue(), encoding="utf-8")
    code, out = _invoke("review", study, "--secure", secure, "--decisions", sheet)
    assert code == 0, out
    code, out = _invoke("review", study, "--secure", secure)
    assert any(line.startswith("reject") and "'+44 7700 900123'" in line for line in out.splitlines()), out


def test_a_sheet_saved_by_a_spreadsheet_that_dropped_the_apostrophe_reads_the_same(tmp_path: Path) -> None:
    study, secure = _study(tmp_path, ["+44 7700 900123 is my number"])
    sheet = tmp_path / "sheet.csv"
    assert _invoke("review", study, "--secure", secure, "--export-decisions", sheet)[0] == 0
    text = sheet.read_text(encoding="utf-8").replace("'+44 7700 900123", "+44 7700 900123")
    rows = list(csv.reader(io.StringIO(text)))
    row = next(r for r in rows if r[2] == "+44 7700 900123")
    row[rows[0].index("decision")] = "keep"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    sheet.write_text(buf.getvalue(), encoding="utf-8")
    code, out = _invoke("review", study, "--secure", secure, "--decisions", sheet)
    assert code == 0, out


# -- phrases given to --reject --where and --redact -----------------------------------------------------------------
#: Empty, blank, a regular expression's characters, a phrase of 8,000 characters, NUL, a bidi override, a line break.
PHRASES = ["", " ", ".*", "(?i)will|a[b\\", "will " * 1600, "\x00", "\u202e", "lovely\nlovely"]


def test_reject_where_and_redact_take_any_phrase_as_a_phrase(tmp_path: Path) -> None:
    study, secure = _study(tmp_path, ["I will say this, the midwife was lovely.", "Will Tarrant said (it) [all]."])
    for phrase in PHRASES:
        for args in (("--reject", "Will", "--where", phrase), ("--redact", phrase, "--category", "place")):
            code, out = _invoke("review", study, "--secure", secure, *args)
            assert "Traceback" not in out and "internal error" not in out, out[-1500:]
            assert code in (0, 1), (code, out[-1500:])
            if code == 1:
                assert out.count("error:") == 1, out[-1500:]


# -- the manifest: labels -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("rows, problem", [
    (['"Jordan Reyes",,staff,Leeds,Jordan'], "line 2: label 'Jordan' is a name of this row's person"),
    (['"Jordan Reyes",,staff,Leeds,reyes'], "line 2: label 'reyes' is a name of this row's person"),
    (['"Jordan Reyes","Jord;JR",staff,Leeds,JR'], "line 2: label 'JR' is a name of this row's person"),
    (['"Carers group",,group,Leeds,Sam', '"Sam Okafor",,service_user,Leeds,P2'],
     "line 2: label 'Sam' is a name of the person on line 3"),
    (['"Jordan Reyes",,staff,Leeds,Jordan Reyes'], "line 2: study label 'Jordan Reyes' must be a letter"),
])
def test_a_label_that_is_a_name_is_refused(tmp_path: Path, rows: list[str], problem: str) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text("name,aliases,role,site,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(CmoError) as info:
        load_manifest(path)
    problems = getattr(info.value, "problems", [])
    assert any(p.startswith(problem) for p in problems), problems
    assert all("\n" not in p and "pydantic" not in p for p in problems), problems


@pytest.mark.parametrize("rows", [
    ['"Jordan Reyes",,staff,Leeds,P1', '"Carers group",,group,Leeds,FG1'],
    ['"Interviewer",,staff,Leeds,Interviewer'],  # a generic speaker word names nobody
    ['"Carers group",,group,Leeds,', '"Youth group",,group,Leeds,'],  # labels given by the import
    ['"Jordan Reyes",,staff,Leeds,Staff1', '"Sunderland dads group",,group,Wearside,SUN'],
])
def test_labels_that_name_nobody_are_read(tmp_path: Path, rows: list[str]) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text("name,aliases,role,site,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert len(load_manifest(path)) == len(rows)


def test_a_group_row_label_used_twice_is_refused_naming_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text("name,aliases,role,site,label\n\"Carers group\",,group,Leeds,FG1\n"
                    "\"Youth group\",,group,Leeds,FG1\n", encoding="utf-8")
    with pytest.raises(CmoError) as info:
        load_manifest(path)
    assert "line 3: label 'FG1' already used on line 2" in getattr(info.value, "problems", [])
