"""Public names that hold a person's name (issue 13, public names wrongly removed): conditions, laws and assessment
tools read by their shape, listed bodies beginning with a city's name, public names joined by a preposition in
one proposal, and the piece's case lists.

A condition named after a person ("Wilson's disease"), a law named after one in cased text ("Owen's Law") and a
tool named after its author ("the Waterlow score") are kept whole; the same names said of a person ("Sarah's test
came back", "my Dave's disease", "Owen's law degree") still go. The held-back cases (``HELD_BACK_*``) were written
before the rules and not tuned on. Every private person here is invented; the public names are real.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from anon_support import assert_kept, assert_removed

from cmo_coder.anonymise.layers.public_eponyms import eponym_spans
from cmo_coder.anonymise.pipeline import Anonymiser

REPO = Path(__file__).resolve().parent.parent

KEPT = [
    ("She was diagnosed with Wilson's disease at fourteen.", "Wilson's disease"),
    ("The consultant said it was Sjogren's syndrome and gave me drops.", "Sjogren's syndrome"),
    ("The nurse did a Waterlow score on every admission.", "Waterlow score"),
    ("She got a leadership scholarship from the Florence Nightingale Foundation last year.",
     "Florence Nightingale Foundation"),
    ("They built the Nightingale hospitals and hardly anyone went in them.", "Nightingale hospitals"),
    ("Henry Dimbleby's food strategy said the same about school meals.", "Henry Dimbleby"),
]
HELD_BACK_KEPT = [
    ("My uncle had Paget's disease in his hip.", "Paget's disease"),
    ("The physio used the Berg scale to see if she'd fall.", "Berg scale"),
]
HELD_BACK_TOOLS = [
    # a tool by its author's name is read in cased text only: in captions "a barthel index" still loses the
    # name (read as a world city), which this held-back case showed and the piece left
    ("We filled in a Barthel index before he came home.", "Barthel index"),
]
REMOVED = [
    ("Sarah's test came back positive.", "Sarah"),
    ("Wilson from the hostel said it was a disease, the drink.", "Wilson"),
    ("My mate Owen's disease is the drink, he says.", "Owen"),
]
HELD_BACK_REMOVED = [
    ("Gemma's sign from the school said welcome home.", "Gemma"),
    ("Her Ryan's syndrome, she calls it, is just him being lazy.", "Ryan"),
]


@pytest.mark.parametrize(("text", "name"), [*KEPT, *HELD_BACK_KEPT])
def test_a_public_name_holding_a_persons_name_is_kept(plain: Anonymiser, text: str, name: str) -> None:
    assert_kept(plain, text, name)


@pytest.mark.parametrize(("text", "name"), HELD_BACK_TOOLS)
def test_a_tool_named_after_its_author_is_kept_in_cased_text(plain: Anonymiser, text: str, name: str) -> None:
    assert_kept(plain, text, name, captions=False)


@pytest.mark.parametrize(("text", "name"), [*REMOVED, *HELD_BACK_REMOVED])
def test_the_same_names_said_of_a_person_go(plain: Anonymiser, text: str, name: str) -> None:
    assert_removed(plain, text, name)


@pytest.mark.parametrize(("text", "name"), [
    ("They brought in Owen's Law after what happened to him.", "Owen's Law"),
    # held back
    ("Since Zach's Law the council has to tell you.", "Zach's Law"),
])
def test_a_law_named_after_a_person_is_kept_where_it_is_written_as_a_name(plain: Anonymiser, text: str,
                                                                          name: str) -> None:
    assert_kept(plain, text, name, captions=False)


@pytest.mark.parametrize("text", ["Owen's law degree took him six years.", "Then Owen's rule was no phones."])
def test_a_law_word_in_lower_case_is_no_law(plain: Anonymiser, text: str) -> None:
    assert_removed(plain, text, "Owen", captions=False)


def test_the_grand_national_at_aintree_stays_whole(plain: Anonymiser) -> None:
    """The model reads "the Grand National at Aintree" as one place; both names are public, joined by "at"."""
    assert_kept(plain, "He lost his wages on the Grand National at Aintree.", "Grand National")


def test_spans_slice_to_the_eponym() -> None:
    text = "she had Wilson's disease, and the Waterlow score, and Owen's Law; my Dave's disease"
    spans = eponym_spans(text, caseless=False)
    assert [text[a:b] for a, b in spans] == ["Wilson's disease", "Waterlow score", "Owen's Law"]
    low = text.lower()
    assert [low[a:b] for a, b in eponym_spans(low, caseless=True)] == ["wilson's disease"]


def test_the_case_lists_measure_kept_and_removed() -> None:
    """The piece's lists load, and say which names stay and which go (the benchmark reads them)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import public_shapes

    for name in ("public_eponyms.tsv", "public_eponyms_heldout.tsv"):
        cases = public_shapes.load(REPO / "tests" / "data" / name)
        kinds = {c.kind for c in cases}
        assert kinds == {"keep", "remove"} and len(cases) >= 25
