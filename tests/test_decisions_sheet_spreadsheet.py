"""The decisions sheet as a team uses it in a spreadsheet: opened safely, saved back in any of the ways Excel and
LibreOffice save a CSV file, edited by hand, and read back as the same decisions on the same occurrences, or
refused whole naming the row and the column.

The round trip is a property: any text in any cell (a surface, a context, a placeholder), out and back through the
edits a team makes, gives the decisions the team typed and no others.
"""

from __future__ import annotations

import csv
import io
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise.models import Decisions, Proposal, ProposalSet
from cmo_coder.anonymise.occurrences import norm
from cmo_coder.anonymise.sheet import SHEET_COLUMNS, SYNONYMS, read_sheet_text, sheet_csv, versioned_rows
from cmo_coder.anonymise.sheet_text import FORMULA_STARTS, as_written, parse
from cmo_coder.errors import CmoError, ValidationFailed

MARK = "cmoc-0123456789ab"


def _proposal(i: int, surface: str, context: str, one_by_one: bool, tid: str = "t1") -> Proposal:
    return Proposal(id=f"red-{tid}-{i}", start=0, end=len(surface), surface=surface, category="person",
                    layers=["test"], score=1.0, reason="test", placeholder="[name]", context=context,
                    per_occurrence=one_by_one)


def _sets(items: list[tuple[str, str, bool]], tid: str = "t1") -> list[ProposalSet]:
    proposals = [_proposal(i, s, c, o, tid) for i, (s, c, o) in enumerate(items)]
    return [ProposalSet(transcript_id=tid, source_sha256="0" * 64, model=None, caseless=False, numbered=False,
                        proposals=proposals)]


def _table(sets: list[ProposalSet]) -> list[list[str]]:
    """The sheet as a spreadsheet shows it: cells as written, apostrophes and all."""
    text = sheet_csv(SHEET_COLUMNS, list(versioned_rows(sets, Decisions(), MARK)))
    return list(csv.reader(io.StringIO(text)))


def _save(table: list[list[str]], delimiter: str = ",", line_end: str = "\r\n", bom: bool = False) -> str:
    """As a spreadsheet saves: a cell holding a line end is quoted whatever the file's line end (every cell, where
    the line end is not CRLF, as LibreOffice's "quote all text cells")."""
    out = io.StringIO()
    quoting = csv.QUOTE_MINIMAL if line_end == "\r\n" else csv.QUOTE_ALL
    csv.writer(out, delimiter=delimiter, lineterminator=line_end, quoting=quoting).writerows(table)
    return ("\ufeff" if bom else "") + out.getvalue()


def _row(table: list[list[str]], surface: str) -> list[str]:
    s = table[0].index("surface")
    return next(row for row in table[1:] if as_written(row[s]) == surface)


def _read(text: str, sets: list[ProposalSet]) -> tuple[Decisions, int]:
    return read_sheet_text(text, "sheet.csv", sets, Decisions(), set(), "lena")


ITEMS = [("Margaret Okafor", "I saw Margaret Okafor on Monday", False),
         ("=HYPERLINK(\"http://x\",\"y\")", "-- she said =cmd|' /c calc'!A0", False),
         ("\uff1dSUM(A1)", "\uff0b44 7700 900123", False),
         ("Will", "I will be fine", True)]


def test_no_cell_opens_as_a_formula_in_a_spreadsheet_full_width_signs_included() -> None:
    """Full-width = + - @ are read as operators by spreadsheets in some locales: written behind an apostrophe."""
    table = _table(_sets(ITEMS))
    for row in table:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell
    assert any(cell == "'\uff1dSUM(A1)" for row in table for cell in row)


@pytest.mark.parametrize(("delimiter", "line_end", "bom"), [(";", "\r\n", True), ("\t", "\r\n", True),
                                                             (",", "\r", False), (";", "\n", False)])
def test_a_sheet_as_excel_saves_it_comes_back_as_the_same_decisions(delimiter: str, line_end: str,
                                                                   bom: bool) -> None:
    """Saved by Excel in a locale whose decimal mark is a comma (';', CRLF, a byte order mark), as Unicode text
    (tabs), or on an old Mac (CR), with columns moved, rows sorted and a decision typed loosely."""
    sets = _sets(ITEMS)
    table = _table(sets)
    header = table[0]
    d = header.index("decision")
    for (surface, _, _), typed in zip(ITEMS, ["Redact ", " keep", "ACCEPT", "Keep"], strict=True):
        _row(table, surface)[d] = typed
    order = list(reversed(range(len(header))))  # every column moved
    moved = [[row[i] for i in order] for row in table]
    moved = [moved[0], *sorted(moved[1:], key=lambda r: r[len(header) - 1 - header.index("surface")])]
    decisions, used = _read(_save(moved, delimiter, line_end, bom), sets)
    assert used == 4
    assert decisions.surfaces[norm("Margaret Okafor")].decision == "accept"
    assert decisions.surfaces[norm(ITEMS[1][0])].decision == "reject"
    assert decisions.surfaces[norm(ITEMS[2][0])].decision == "accept"
    assert decisions.occurrences["red-t1-3"].decision == "reject"


def test_a_spreadsheet_that_dropped_the_apostrophes_reads_the_same() -> None:
    sets = _sets(ITEMS)
    table = _table(sets)
    d = table[0].index("decision")
    for row in table[1:]:
        row[d] = "keep"
    saved = [[as_written(cell) for cell in row] for row in table]  # Excel saves a text cell without its mark
    decisions, used = _read(_save(saved), sets)
    assert used == 4 and {x.decision for x in decisions.surfaces.values()} == {"reject"}


def test_a_duplicated_row_is_read_once_and_a_changed_duplicate_refuses_the_sheet_naming_both_rows() -> None:
    sets = _sets(ITEMS)
    table = _table(sets)
    d = table[0].index("decision")
    first = _row(table, "Margaret Okafor")
    first[d] = "redact"
    table.append(list(first))
    assert _read(_save(table), sets)[1] == 1
    table[-1][d] = "keep"
    with pytest.raises(ValidationFailed) as err:
        _read(_save(table), sets)
    assert err.value.problems == [f"sheet.csv:{len(table)}: column 'decision': row {table.index(first) + 1} decides "
                                  "the same surface otherwise: keep one of the two"]


def test_a_deleted_row_leaves_its_item_undecided() -> None:
    sets = _sets(ITEMS)
    table = _table(sets)
    d = table[0].index("decision")
    for row in table[1:]:
        row[d] = "redact"
    table.remove(_row(table, ITEMS[1][0]))
    decisions, used = _read(_save(table), sets)
    assert used == 3 and norm(ITEMS[1][0]) not in decisions.surfaces


def test_a_sheet_of_another_project_or_transcript_set_is_refused_whole_naming_row_and_column() -> None:
    theirs = _sets([("Jo Kirwan", "with Jo Kirwan", False), ("Will", "I will", True)], tid="other-study-05")
    table = _table(theirs)
    d = table[0].index("decision")
    for row in table[1:]:
        row[d] = "redact"
    ours = _sets(ITEMS)
    with pytest.raises(ValidationFailed) as err:
        _read(_save(table), ours)
    problems = err.value.problems
    assert len(problems) == 2
    assert problems[0].startswith("sheet.csv:2: column 'transcript': transcript 'other-study-05' is not under review")
    assert problems[1].startswith("sheet.csv:3: column 'transcript'")
    # the same transcript id, other text: the surface and the occurrence are named
    same_id = _sets([("Jo Kirwan", "with Jo Kirwan", False), ("Maggie", "Maggie", True),
                     ("x", "x", False), ("y", "y", False)])
    table = _table(same_id)
    for row in table[1:]:
        row[d] = "redact"
    table = [table[0], _row(table, "Jo Kirwan"), next(r for r in table if r[0] == "red-t1-1")]
    with pytest.raises(ValidationFailed) as err:
        _read(_save(table), ours)
    assert err.value.problems[0].startswith("sheet.csv:2: column 'surface': 'Jo Kirwan' is proposed in none")
    assert err.value.problems[1].startswith("sheet.csv:3: column 'surface': occurrence red-t1-1 is ")


def test_a_cell_the_csv_reader_cannot_read_names_its_row() -> None:
    with pytest.raises(CmoError, match=r"sheet.csv:3: not a readable CSV"):
        header, rows = parse('id,decision\n"a",b\nc\rd,e\n', "sheet.csv", ("id", "decision"))
        list(rows)


# -- the round trip, any text in any cell -------------------------------------------------------------------

CELL_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


@st.composite
def _study(draw: st.DrawFn) -> list[tuple[str, str, bool]]:
    surfaces = draw(st.lists(CELL_TEXT.filter(lambda s: bool(norm(s)) and "\x00" not in s), min_size=1,
                             max_size=6, unique_by=norm))
    return [(s, draw(CELL_TEXT.filter(lambda c: "\x00" not in c)), draw(st.booleans())) for s in surfaces]


TYPED = {"accept": ["accept", "Redact ", " REDACT", "accept\t"], "reject": ["reject", "keep", " Keep ", "KEEP"]}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=_study(), data=st.data())
def test_any_text_out_and_back_through_a_teams_edits_gives_the_same_decisions(
        items: list[tuple[str, str, bool]], data: st.DataObject) -> None:
    sets = _sets(items)
    table = _table(sets)
    header, body = table[0], table[1:]
    d, pid, surface = header.index("decision"), header.index("id"), header.index("surface")
    expected: dict[tuple[str, str], str] = {}
    for row in body:
        decision = data.draw(st.sampled_from(["", "accept", "reject"]))
        if decision:
            row[d] = data.draw(st.sampled_from(TYPED[decision]))
            key = ("id", row[pid]) if row[pid] else ("surface", norm(as_written(row[surface])))
            expected[key] = decision
    rng = random.Random(data.draw(st.integers(0, 2**32)))
    if data.draw(st.booleans()):
        body.append(list(rng.choice(body)))  # a row duplicated
    rng.shuffle(body)  # sorted or filtered
    order = list(range(len(header)))
    rng.shuffle(order)  # columns moved
    table = [[row[i] for i in order] for row in [header, *body]]
    if data.draw(st.booleans()):
        table = [[as_written(cell) for cell in row] for row in table]  # saved without the apostrophes
    text = _save(table, data.draw(st.sampled_from([",", ";", "\t"])), data.draw(st.sampled_from(["\n", "\r\n"])),
                 data.draw(st.booleans()))
    decisions, used = _read(text, sets)
    got = {("surface", k): v.decision for k, v in decisions.surfaces.items()}
    got |= {("id", k): v.decision for k, v in decisions.occurrences.items()}
    assert got == expected
    assert used == len(expected)
    assert set(SYNONYMS.values()) >= set(got.values())
