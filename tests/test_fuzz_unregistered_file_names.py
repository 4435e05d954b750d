"""Property: a file name made of given names, surnames and places nobody registered, joined with study words and
separators in any casing, never reaches the project or a QDPX export.

The pools are common UK given names, surnames and towns written for this test, not drawn from any evaluation set.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from anon_support import files_holding, run_cli
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.ingest.stem_lexicon import stem_holds_name

GIVEN = ("Sarah", "Margaret", "Deepak", "Siobhan", "Kwame", "Priya", "Gareth", "Niamh", "Bernadette", "Tomasz")
SURNAMES = ("Pennington", "Hollis", "Okonkwo", "Keane", "Whitworth", "Ramsbottom", "Nwosu", "Kowalski", "Pryce")
PLACES = ("Gorleston", "Skegness", "Bridlington", "Haverfordwest", "Loughborough", "Cleethorpes", "Aberystwyth",
          "Morecambe", "Penzance", "Stornoway")
STUDY = ("interview", "int", "fg", "focus group", "carer", "staff", "P07", "SP12", "2024-05-02", "final", "v2",
         "notes", "follow up", "site B", "transcript", "zoom")
SEPARATORS = ("_", "-", " ", ".", " - ")
CASINGS = (str, str.lower, str.upper)

_TRANSCRIPT = ("Amy Cole: How did you find the service?\nJoan Hardy: It was fine, the nurse came on Tuesdays.\n"
               "Amy Cole: Thank you.\nJoan Hardy: No bother.\n")


@st.composite
def _file_name(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A stem and the names it holds: one to three names among study words, in one casing, with separators."""
    names = draw(st.lists(st.sampled_from(GIVEN + SURNAMES + PLACES), min_size=1, max_size=3))
    words = draw(st.lists(st.sampled_from(STUDY), max_size=3))
    order = draw(st.permutations(names + words))
    case = draw(st.sampled_from(CASINGS))
    sep = draw(st.sampled_from(SEPARATORS))
    return sep.join(case(w) for w in order), names


@pytest.mark.fuzz
@fuzz_settings(300)
@given(_file_name())
def test_fuzz_a_name_or_place_in_a_file_name_is_read(drawn: tuple[str, list[str]]) -> None:
    stem, _ = drawn
    assert stem_holds_name(stem) is not None, stem


@pytest.mark.fuzz
@fuzz_settings(3)
@given(_file_name())
def test_fuzz_a_name_in_a_file_name_reaches_neither_the_project_nor_a_qdpx(drawn: tuple[str, list[str]]) -> None:
    stem, names = drawn
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        (tmp / "in").mkdir()
        src = tmp / "in" / f"{stem}.txt"
        src.write_text(_TRANSCRIPT, encoding="utf-8")
        (tmp / "m.csv").write_text("name,aliases,role,site,label\nJoan Hardy,,service_user,A,SU-01\n"
                                   "Amy Cole,,staff,A,ST-01\n", encoding="utf-8")
        (tmp / "r.csv").write_text("surface,category,placeholder,aliases\nJoan Hardy,person,,\nAmy Cole,person,,\n",
                                   encoding="utf-8")
        proj, secure, out = tmp / "proj", tmp / "secure", tmp / "out"
        out.mkdir()
        for step in [("init", proj, "--codebook", "tiny"),
                     ("import", proj, src, "--secure", secure, "--manifest", tmp / "m.csv",
                      "--register", tmp / "r.csv"),
                     ("anonymise", proj, "--secure", secure, "--register", tmp / "r.csv"),
                     ("review", proj, "--secure", secure, "--accept-all", "--sign-off"),
                     ("export", proj, "--qdpx", out / "study.qdpx", "--secure", secure),
                     ("leakcheck", proj, out / "study.qdpx", "--secure", secure)]:
            result = run_cli(*step)
            assert result.exit_code == 0, (stem, step[0], result.output)
        assert files_holding(proj, names) == [] and files_holding(out, names) == [], stem
