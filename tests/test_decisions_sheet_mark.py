"""The decisions sheet names its project: a ``project`` column on every row, checked by ``review --decisions`` and
by the browser's upload alike.

Two projects of one team with transcripts of the same names (``t1``) and the same words: a sheet of one decides
rows the other can place, so before the mark it was read there, its "keep" keeping a name the other project's
reviewers never saw. The mark survives what a spreadsheet does to a sheet (a property over its saves), a sheet of
another project (or rows pasted from one) is refused whole, and a sheet that lacks the column is refused at the
command line as in the browser, saying what could not be checked. A cell the reader cannot read names its column.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.models import Decisions, Proposal, ProposalSet
from cmo_coder.anonymise.review import load_decisions
from cmo_coder.anonymise.sheet import SHEET_COLUMNS, sheet_csv, versioned_rows
from cmo_coder.anonymise.sheet_mark import ForeignSheet, check_sheet, existing_mark, project_mark
from cmo_coder.anonymise.sheet_text import as_written
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project
from cmo_coder.store.secure import SecureFolder

REPO = Path(__file__).resolve().parent.parent
SAID = "I met Dr Quennell at the Larkfield Unit, and Will Tarrant came along with me to see him."


def _project(root: Path) -> tuple[Path, Path]:
    """A project with one pending transcript ``t1``, anonymised: the same ids and words in every such project."""
    key = [KeyEntry(label="P1", name="Will Tarrant", role="service_user", site="A")]
    project = Project.create(root / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="t")
    sf = secure_folder(root, key)
    add_pending(project, sf, "t1", [("P1", "Will Tarrant", SAID)])
    project.close()
    assert CliRunner().invoke(cli, ["anonymise", str(root / "study"), "--secure", str(sf.path)]).exit_code == 0
    return root / "study", sf.path


def _review(study: Path, secure: Path, *args: str) -> tuple[int, str]:
    r = CliRunner().invoke(cli, ["review", str(study), "--secure", str(secure), "--coder", "rita", *args])
    return r.exit_code, " ".join(r.output.split())


def _export(study: Path, secure: Path, to: Path) -> list[list[str]]:
    code, out = _review(study, secure, "--export-decisions", str(to))
    assert code == 0, out
    return list(csv.reader(io.StringIO(to.read_text(encoding="utf-8"))))


def _write(rows: list[list[str]], to: Path, surface: str = "", decision: str = "") -> Path:
    header = rows[0]
    d, s = header.index("decision"), header.index("surface")
    out = [header] + [[*r[:d], decision, *r[d + 1:]] if surface and r[s] == surface and not r[0] else r
                      for r in rows[1:]]
    with to.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(out)
    return to


def test_a_sheet_of_another_project_with_the_same_transcripts_is_refused_whole(tmp_path: Path) -> None:
    ours, theirs = _project(tmp_path / "ours"), _project(tmp_path / "theirs")
    their_sheet = _export(*theirs, tmp_path / "theirs.csv")
    our_sheet = _export(*ours, tmp_path / "ours.csv")
    p = their_sheet[0].index("project")
    assert their_sheet[1][p] != our_sheet[1][p]  # the same transcripts, another mark
    assert {r[p] for r in our_sheet[1:]} == {our_sheet[1][p]}  # every row carries it
    before = load_decisions(SecureFolder.open(ours[1]))
    code, out = _review(*ours, "--decisions", str(_write(their_sheet, tmp_path / "t.csv", "Quennell", "keep")))
    assert code == 1
    assert f"t.csv:2: column 'project': {len(their_sheet) - 1} row(s) (row 2, " in out
    assert f"carry another project's mark ({their_sheet[1][p]}; this project's is {our_sheet[1][p]})" in out
    assert "nothing was read" in out
    assert load_decisions(SecureFolder.open(ours[1])) == before
    # its own sheet is read
    code, out = _review(*ours, "--decisions", str(_write(our_sheet, tmp_path / "o.csv", "Quennell", "keep")))
    assert code == 0, out
    assert load_decisions(SecureFolder.open(ours[1])).surfaces["quennell"].decision == "reject"


def test_rows_pasted_from_another_projects_sheet_refuse_it_and_a_row_typed_in_by_hand_is_read(
        tmp_path: Path) -> None:
    ours, theirs = _project(tmp_path / "ours"), _project(tmp_path / "theirs")
    their_sheet = _export(*theirs, tmp_path / "theirs.csv")
    our_sheet = _export(*ours, tmp_path / "ours.csv")
    pasted = [*our_sheet, their_sheet[1]]
    code, out = _review(*ours, "--decisions", str(_write(pasted, tmp_path / "p.csv", "Quennell", "keep")))
    assert code == 1 and f"p.csv:{len(pasted)}: column 'project': 1 row(s)" in out
    # a row a reviewer typed in, its mark and version left blank: read, as the sheet is this project's
    header = our_sheet[0]
    typed = dict.fromkeys(header, "")
    typed.update(surface="Larkfield Unit", decision="keep", placeholder="")
    by_hand = [r for r in our_sheet if r[header.index("surface")] != "Larkfield Unit"] + [[typed[c] for c in header]]
    code, out = _review(*ours, "--decisions", str(_write(by_hand, tmp_path / "h.csv")))
    assert code == 0, out
    assert load_decisions(SecureFolder.open(ours[1])).surfaces["larkfield unit"].decision == "reject"


@pytest.mark.parametrize("dropped", [("project",), ("project", "version")])
def test_a_sheet_without_the_project_column_is_refused_saying_what_was_not_checked(
        tmp_path: Path, dropped: tuple[str, ...]) -> None:
    study, secure = _project(tmp_path)
    rows = _export(study, secure, tmp_path / "s.csv")
    keep = [i for i, c in enumerate(rows[0]) if c not in dropped]
    code, out = _review(study, secure, "--decisions",
                        str(_write([[r[i] for i in keep] for r in rows], tmp_path / "d.csv", "Quennell", "keep")))
    assert code == 1
    assert "d.csv:1: header lacks the 'project'" in out
    assert "nothing can check that it is this project's sheet" in out
    assert ("or that none of its rows overwrites a decision made since" in out) == ("version" in dropped)
    assert "quennell" not in load_decisions(SecureFolder.open(secure)).surfaces


def test_reading_a_sheet_makes_no_salt_and_a_project_without_one_owns_no_mark(tmp_path: Path) -> None:
    """A refused sheet changes nothing in the secure folder; a folder that never wrote a sheet refuses any mark."""
    sf = SecureFolder.open(tmp_path / "secure", create=True)
    assert existing_mark(sf) is None and not (sf.path / ".log-salt").exists()
    with pytest.raises(ForeignSheet, match="this project's is not yet made"):
        check_sheet("id,surface,decision,version,project\r\n,x,keep,v,cmoc-000000000000\r\n", "s.csv", None)
    mark = project_mark(sf)
    assert existing_mark(sf) == mark == project_mark(sf) and mark.startswith("cmoc-")


def test_a_cell_the_reader_cannot_read_names_its_column(tmp_path: Path) -> None:
    """A placeholder typed without brackets, a registered name kept: each problem names its row and column."""
    study, secure = _project(tmp_path)
    rows = _export(study, secure, tmp_path / "s.csv")
    h = rows[0]
    quennell = next(r for r in rows[1:] if r[h.index("surface")] == "Quennell" and not r[0])
    quennell[h.index("decision")], quennell[h.index("placeholder")] = "edit", "the doctor"
    will = next(r for r in rows[1:] if r[h.index("surface")] == "Will Tarrant" and not r[0])
    will[h.index("decision")] = "keep"
    code, out = _review(study, secure, "--decisions", str(_write(rows, tmp_path / "c.csv")))
    assert code == 1
    line = {r[h.index("surface")]: n for n, r in enumerate(rows, start=1) if not r[0]}
    assert f"c.csv:{line['Quennell']}: column 'placeholder': edit for 'Quennell': the placeholder must be written " \
        "in brackets" in out
    assert f"c.csv:{line['Will Tarrant']}: column 'decision': 'Will Tarrant' is a registered name" in out


# -- the mark through a spreadsheet's saves, as a property ------------------------------------------------------------


def _sets(surfaces: list[str]) -> list[ProposalSet]:
    proposals = [Proposal(id=f"red-t1-{i}", start=0, end=len(s), surface=s, category="person", layers=["test"],
                          score=1.0, reason="test", placeholder="[name]", context=s, per_occurrence=i % 2 == 1)
                 for i, s in enumerate(surfaces)]
    return [ProposalSet(transcript_id="t1", source_sha256="0" * 64, model=None, caseless=False, numbered=False,
                        proposals=proposals)]


MARKS = st.text("0123456789abcdef", min_size=12, max_size=12).map(lambda h: "cmoc-" + h)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ours=MARKS, theirs=MARKS, surfaces=st.lists(st.text("abcXYZ =+-@;,\"'\r\n\t", min_size=1, max_size=8),
                                                   min_size=1, max_size=5, unique=True),
       seed=st.integers(0, 2**32), delimiter=st.sampled_from([",", ";", "\t"]),
       line_end=st.sampled_from(["\n", "\r\n"]), bom=st.booleans(), apostrophes=st.booleans(),
       paste=st.booleans())
def test_the_mark_survives_a_spreadsheets_save_and_tells_the_projects_apart(
        ours: str, theirs: str, surfaces: list[str], seed: int, delimiter: str, line_end: str, bom: bool,
        apostrophes: bool, paste: bool) -> None:
    table = list(csv.reader(io.StringIO(sheet_csv(SHEET_COLUMNS, list(versioned_rows(_sets(surfaces), Decisions(),
                                                                                       ours))))))
    header, body = table[0], table[1:]
    if paste and ours != theirs:  # a row of another project's sheet pasted in
        body.append([*body[0][:-1], theirs])
    rng = random.Random(seed)
    rng.shuffle(body)  # sorted or filtered
    order = list(range(len(header)))
    rng.shuffle(order)  # columns moved
    table = [[row[i] for i in order] for row in [header, *body]]
    if not apostrophes:
        table = [[as_written(cell) for cell in row] for row in table]  # saved without them
    out = io.StringIO()
    quoting = csv.QUOTE_MINIMAL if line_end == "\r\n" else csv.QUOTE_ALL
    csv.writer(out, delimiter=delimiter, lineterminator=line_end, quoting=quoting).writerows(table)
    text = ("\ufeff" if bom else "") + out.getvalue()
    if paste and ours != theirs:
        with pytest.raises(ForeignSheet, match="column 'project': 1 row"):
            check_sheet(text, "s.csv", ours)
    else:
        check_sheet(text, "s.csv", ours)  # this project's: read
        if ours != theirs:
            with pytest.raises(ForeignSheet, match="another project's mark"):
                check_sheet(text, "s.csv", theirs)
