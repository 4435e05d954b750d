"""A word no list and no dictionary holds, said in captions where people tell whom they go, live or grow up with,
whose wedding or funeral it was, and whom they have known for years (issue 13, class 5, captions). Invented cases
that must go and that must stay; every proposal slices to its word."""

from __future__ import annotations

import re

import pytest
from anon_support import redact_turns as redact
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.company_people import REASON, company_people
from cmo_coder.anonymise.pipeline import Anonymiser
from tests.fuzzing import fuzz_settings


def gone(out: str, word: str) -> bool:
    return re.search(rf"(?i)(?<![\w'’-]){re.escape(word)}(?![\w-])", out) is None


_FRAMES = ("gone or lived with", "a gathering held for someone", "known for a time", "seen", "arriving")


def ours(anon: Anonymiser, text: str) -> list[str]:
    """What this layer proposes in one caption turn, after every other layer and the allow-list."""
    groups, _, _ = anon.find(text, [(0, len(text))], caseless=True)
    return [text[c.start:c.end] for g in groups for c in g
            if any(c.reason == REASON.format(frame=f) for f in _FRAMES)]


GONE = [
    ("i went with shannagh to the meeting on the tuesday", "shannagh"),
    ("she came with ruqaya and her kids to the group", "ruqaya"),
    ("i was living with kezzia at the time it happened", "kezzia"),
    ("i used to go out with tobiah when i was at college", "tobiah"),
    ("she's going out with ryzard now and he's alright", "ryzard"),
    ("he grew up with damarcus in the same street", "damarcus"),
    ("she went to nazrul's wedding last year and it was lovely", "nazrul"),
    ("we were all at orlagh's christening in the spring", "orlagh"),
    ("it was kezzia s hen do that weekend", "kezzia"),
    ("i've known fenella for years she's like a sister", "fenella"),
    ("she's been seeing tobiah since june", "tobiah"),
    ("we've known brisben for donkey's years", "brisben"),
    ("i saw neeve in the corridor and she looked awful", "neeve"),
    ("we went to see tobiah after the appointment", "tobiah"),
    ("then sheevaun came in with the letters", "sheevaun"),
    ("and jaxen turned up late as usual", "jaxen"),
]


@pytest.mark.parametrize(("text", "word"), GONE)
def test_an_unlisted_word_in_a_frame_of_company_goes(anon: Anonymiser, text: str, word: str) -> None:
    assert gone(redact(anon, [text], True), word)


def test_the_layer_reads_what_no_other_layer_reads(anon: Anonymiser) -> None:
    assert ours(anon, "i went with shannagh to the meeting on the tuesday") == ["shannagh"]
    # "nazrul" is a listed familiar form now, so the lexicon reads it first; "brisben" is on no list
    assert ours(anon, "she went to brisben's wedding last year and it was lovely") == ["brisben"]


KEPT = [
    # everyday words, states and things in the same slots
    ("i went with work to the meeting about it", "work"),
    ("he's been living with depression for years now", "depression"),
    ("i was living with ptsd at the time and nobody knew", "ptsd"),
    ("she came with flowers and a card for mum", "flowers"),
    ("he went with sertraline in the end and it helped", "sertraline"),
    ("i've known about it for years to be honest", "about"),
    ("it was the firm's party on the friday", "firm's party"),
    ("it was last year's do at the club", "last year's do"),
    ("we went with whatsapp to keep in touch", "whatsapp"),
    # public bodies and study labels
    ("she went with barnardo's to the court", "barnardo's"),
    ("i went with the nhs to the tribunal", "nhs"),
    ("it was sp12's interview on the monday", "sp12"),
    ("he's been living with copd since he retired", "copd"),
    ("she brought a tablet tunnock's don't get excited", "tunnock's"),
]


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_an_everyday_word_a_body_or_a_label_stays(anon: Anonymiser, text: str, kept: str) -> None:
    assert kept in redact(anon, [text], True)
    assert kept not in " ".join(ours(anon, text))


def test_what_a_company_has_is_no_gathering(anon: Anonymiser) -> None:
    assert ours(anon, "i do want to update you on gcp's engagement with its new board") == []
    assert ours(anon, "it was the firm's anniversary and zentrix's retirement plan changed") == []


def test_a_companys_figures_are_no_one_seen_or_arriving(anon: Anonymiser) -> None:
    assert ours(anon, "we saw ebitda in the quarter grow by six percent") == []
    assert ours(anon, "we've seen zentrix in the market for a while") == []
    assert ours(anon, "and then ebitda came in at forty million") == []


def test_cased_text_is_left_to_the_other_layers(anon: Anonymiser) -> None:
    docs = anon.docs(["I went with Shannagh to the meeting on the Tuesday."], caseless=False)
    assert company_people(docs[0]) == []


def test_a_reading_says_its_frame(anon: Anonymiser) -> None:
    text = "i've known fenella for years she's like a sister"
    groups, _, _ = anon.find(text, [(0, len(text))], caseless=True)
    mine = [c for g in groups for c in g if c.reason == REASON.format(frame="known for a time")]
    assert [(text[c.start:c.end], c.category) for c in mine] == [("fenella", "person")]


_WORDS = st.sampled_from(["i", "went", "with", "shannagh", "to", "the", "nazrul's", "wedding", "known", "fenella",
                          "for", "years", "s", "hen", "do", "living", "kezzia", "at", "and", "she", "ptsd"])


@fuzz_settings(40)
@given(st.lists(_WORDS, min_size=1, max_size=14))
def test_every_proposal_slices_to_one_word(anon: Anonymiser, words: list[str]) -> None:
    text = " ".join(words)
    docs = anon.docs([text], caseless=True)
    for c in company_people(docs[0]) + [c for g in anon.find(text, [(0, len(text))], caseless=True)[0] for c in g
                                        if c.reason.startswith(REASON.split("(")[0])]:
        said = text[c.start:c.end]
        assert said and " " not in said and said == said.strip("'’ ")
