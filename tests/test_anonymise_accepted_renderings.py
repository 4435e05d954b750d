"""An accepted name reaches a caption file of the same project however the captions spell it.

A study's project holds typed interviews and caption files. A place or person accepted in a typed transcript
("St Mary's", "Ashby-de-la-Zouch", "Dr O'Hara", "Siân") is the same name in a caption file, which drops the
apostrophe, the hyphen, the accent and the full stop ("st marys", "ashby de la zouch", "o hara", "sian") and
writes a possessive without its apostrophe ("the golden lions quiz"). The decision about a surface must reach
every occurrence in every transcript, so each such rendering is found (:func:`rendered_occurrences`), while
the one-word everyday renderings ("wills" for an accepted "Will's"), study labels and ordinary words stay.
Every case here is invented for the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import add_pending, run_cli, secure_folder, signed_text

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.occurrences import accepted_occurrences, norm, rendered_occurrences
from cmo_coder.anonymise.renderings import key
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent


def _found(text: str, accepted: list[str], caseless: bool = True) -> list[str]:
    found = accepted_occurrences(text, [(0, len(text))], accepted, caseless)
    for o in found:  # offsets are sacred: each occurrence slices to a rendering of its own form
        said = text[o.start : o.end]
        assert key(o.form).startswith(key(said).removesuffix("s")), (said, o.form)  # the whole or its bare name
        assert o.form in {norm(a) for a in accepted}
    return [text[o.start : o.end] for o in found]


@pytest.mark.parametrize(("accepted", "text", "said"), [
    ("St Mary's", "she was in st marys for a fortnight", "st marys"),
    ("St Mary's", "then saint marys sent her home", "saint marys"),
    ("St. Aidan's Primary", "st aidans primary is round the corner", "st aidans primary"),
    ("Ashby-de-la-Zouch", "ashby de la zouch is where i grew up", "ashby de la zouch"),
    ("Bassett-Hunt", "mrs bassetthunt came round", "bassetthunt"),
    ("O'Hara", "dr o hara was brilliant with her", "o hara"),
    ("O'Hara", "ohara was brilliant with her", "ohara"),
    ("Siân", "sian rang me on the monday", "sian"),
    ("Chloë Bassett-Hunt", "chloe bassett hunt looked after him", "chloe bassett hunt"),
    ("Marisa's Café", "marisas cafe does a good breakfast", "marisas cafe"),
    ("Thornley-Banks estate", "thornley banks was rough back then", "thornley banks"),  # said without its kind
    ("Thornley-Banks estate", "we were back on thornley banks by then", "thornley banks"),
])
def test_an_accepted_name_is_found_as_captions_write_it(accepted: str, text: str, said: str) -> None:
    assert said in _found(text, [accepted])


def test_a_typed_transcript_that_spells_it_another_way_is_found_too() -> None:
    text = "We went to St Marys, then Saint Mary’s, then Ashby de la Zouch."
    assert _found(text, ["St Mary's", "Ashby-de-la-Zouch"], caseless=False) == [
        "St Marys", "Saint Mary’s", "Ashby de la Zouch"]


def test_a_bare_possessive_s_in_captions_is_the_reviewers_one_by_one() -> None:
    text = "the golden lions quiz was on that night"
    found = rendered_occurrences(text, [(0, len(text))], ["the golden lion"], caseless=True)
    assert [(text[o.start : o.end], o.everyday) for o in found] == [("the golden lions", True)]
    assert rendered_occurrences(text, [(0, len(text))], ["the golden lion"], caseless=False) == []


def test_a_rendering_of_everyday_words_only_is_decided_one_at_a_time() -> None:
    text = "then wood smith came round"
    found = rendered_occurrences(text, [(0, len(text))], ["wood-smith"], caseless=True)
    assert [(text[o.start : o.end], o.everyday) for o in found] == [("wood smith", True)]
    text = "then st marys sent her home"
    found = rendered_occurrences(text, [(0, len(text))], ["st mary's"], caseless=True)
    assert [o.everyday for o in found] == [False]  # a saint's name is never an everyday phrase


@pytest.mark.parametrize(("accepted", "text"), [
    ("Will's", "he sorted out his wills before he went"),  # one everyday word: no rendering of "Will's"
    ("Will's", "the wills were all signed"),
    ("St Mary's", "mary said she would come"),  # a part of the name is no occurrence of it
    ("St Mary's", "marys coat was on the peg"),
    ("O'Hara", "oh hara is what she said"),
    ("Ashby-de-la-Zouch", "we went to ashby for the day"),
    ("SP-12", "then sp 12 said she was fine"),  # a study label stays, whatever was accepted
    ("Lea-Side Surgery", "the side door of the surgery"),
    ("the golden lion", "we saw the lions at the zoo"),
    ("Hill-Top House", "she climbed to the hill top and back"),
])
def test_ordinary_words_labels_and_parts_are_never_renderings(accepted: str, text: str) -> None:
    assert _found(text, [accepted]) == []


def test_an_everyday_word_accepted_in_cased_text_still_needs_its_capital() -> None:
    assert _found("she rose early and the rose bloomed", ["Rose"], caseless=False) == []


def test_forms_the_plain_pattern_finds_are_not_found_twice() -> None:
    text = "st mary's and st marys and the golden lion"
    found = accepted_occurrences(text, [(0, len(text))], ["St Mary's", "the Golden Lion"], caseless=True)
    spans = [(o.start, o.end) for o in found]
    assert len(spans) == len(set(spans)) == 3
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


# --- the whole path: a typed interview and a caption file of one study ------------------------------------------

CASED = ["I was born in Ashby-de-la-Zouch and I still go back most weekends.",
         "My mum was in St Mary's for a fortnight after the fall.",
         "Dr O'Hara was brilliant with her, and so was Siân on the ward.",
         "We used to drink in the Golden Lion on Friday nights."]
CAPTIONS = ["so ashby de la zouch is where i grew up really",
            "she was in st marys and then saint marys sent her home",
            "dr o hara came round and sian said she was doing well",
            "the golden lions quiz was on that night"]


def test_names_accepted_in_a_typed_interview_leave_the_caption_file_of_the_same_study(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="tester")
    sf = secure_folder(tmp_path)
    add_pending(project, sf, "t1", [("P1", "Tamsin Yardley", s) for s in CASED])
    add_pending(project, sf, "t2", [("P1", "Tamsin Yardley", s) for s in CAPTIONS])
    project.close()
    assert run_cli("anonymise", tmp_path / "study", "--secure", sf.path).exit_code == 0
    assert run_cli("review", tmp_path / "study", "--secure", sf.path, "--accept-all", "--sign-off").exit_code == 0
    signed = signed_text(Project.open(tmp_path / "study"), "t2")
    for word in ("ashby", "zouch", "marys", "hara", "sian", "golden", "lions"):
        assert word not in signed.split(), (word, signed)
