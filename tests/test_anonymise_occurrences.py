"""Fuzz targets: the occurrence finder's offsets and the decisions-sheet reader's errors."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.models import Decisions, Proposal, ProposalSet
from cmo_coder.anonymise.occurrences import accepted_occurrences, norm, registered_occurrences
from cmo_coder.anonymise.register import RegisterItem, person_variants
from cmo_coder.anonymise.sheet import COLUMNS, read_sheet
from cmo_coder.errors import CmoError

NAMES = ["Will Jenkins", "Dawn", "O'Brien", "Jo", "Tarleton"]
ITEMS = [RegisterItem(key=f"register:person:{n.lower()}", surface=n, category="person", variants=person_variants(n))
         for n in NAMES]
GLUE = ["", " ", "\n", "…", "'s", "’", ",", ".", "(", ")", "-", "\t", "x", "é"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        if draw(st.booleans()):
            name = draw(st.sampled_from(NAMES)).replace(" ", draw(st.sampled_from([" ", "\n", "  ", "\t"])))
            parts.append(draw(st.sampled_from([name, name.lower(), name.upper(), name.replace("'", "’")])))
        else:
            parts.append(draw(st.text(alphabet="abc ’'.\n", max_size=6)))
        parts.append(draw(st.sampled_from(GLUE)))
    return "".join(parts)


@pytest.mark.fuzz
@fuzz_settings(100)
@given(text=texts())
def test_every_occurrence_slices_to_its_form(text: str) -> None:
    found = registered_occurrences(text, [(0, len(text))], ITEMS)
    forms = {norm(v) for i in ITEMS for v in i.variants}
    for o in found:
        assert norm(text[o.start : o.end]) == o.form and o.form in forms
        assert not (o.start and re.match(r"\w", text[o.start - 1])), "starts inside a word"
        assert not (o.end < len(text) and re.match(r"\w", text[o.end])), "ends inside a word"
    # nothing is missed: with the found stretches blanked, no form is left (word-bounded, any casing)
    blank = list(text)
    for o in found:
        blank[o.start : o.end] = " " * (o.end - o.start)
    rest = "".join(blank)
    for f in forms:
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w).replace("'", "['’]") for w in f.split()) + r"(?!\w)"
        assert not re.search(pattern, rest, re.IGNORECASE), (f, rest)
    accepted = accepted_occurrences(text, [(0, len(text))], ["tarleton"], caseless=False)
    assert [(o.start, o.end) for o in accepted] == [(o.start, o.end) for o in found if o.form == "tarleton"]


SET = ProposalSet(transcript_id="t1", source_sha256="x", model=None, caseless=False, numbered=False, proposals=[
    Proposal(id="red-0000000001", start=0, end=4, surface="will", category="person", layers=["register"],
             score=0.5, reason="r", placeholder="[name removed]", per_occurrence=True),
    Proposal(id="red-0000000002", start=10, end=18, surface="Tarleton", category="person", layers=["ner"],
             score=0.5, reason="r", placeholder="[name removed]"),
])


@pytest.mark.fuzz
@fuzz_settings(80)
@given(rows=st.lists(st.lists(st.one_of(st.sampled_from(["", "accept", "keep", "edit", "red-0000000001",
                                                         "Tarleton", "will", "[x]", "redact", "reject"]),
                                        st.text(max_size=8)), min_size=0, max_size=11), max_size=6),
       header=st.booleans())
def test_any_sheet_is_applied_whole_or_refused_with_a_clear_error(tmp_path_factory, rows: list[list[str]],
                                                                  header: bool) -> None:
    path = Path(tmp_path_factory.mktemp("sheet")) / "decisions.csv"
    buf = io.StringIO()
    writer = csv.writer(buf)
    if header:
        writer.writerow(COLUMNS)
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    try:
        decisions, used = read_sheet(path, [SET], Decisions(), {"will"}, "tester")
    except CmoError as exc:
        assert str(path) in str(exc)
        return
    assert set(decisions.occurrences) <= {p.id for p in SET.proposals}
    assert (used == 0) == (not decisions.surfaces and not decisions.occurrences)
    assert "will" not in {k for k, d in decisions.surfaces.items() if d.decision == "reject"}
