"""Captions: a word no dictionary or list holds, and no near spelling of one, said where only a name stands.

Every sentence and name here is invented for these tests. Each removal case is tried as captions write it; the
typed sentence is checked too, where the model and the capitals are the evidence and this layer reads nothing.
"""

from __future__ import annotations

import re

import pytest
from anon_support import caption

from cmo_coder.anonymise.layers.unheard_words import REASON, near_spelling
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text

PREFIX = REASON.split("(")[0].strip()


def _left(out: str, word: str) -> bool:
    bare = re.sub(r"\[[^\[\]]*\]", " ", out.lower())
    return re.search(rf"(?<![\w'’]){word}(?![\w'’])", bare) is not None


def _ours(anon: Anonymiser, text: str) -> list[tuple[int, int, str]]:
    groups, _, _ = anon.find(text, [(0, len(text))])
    return [(c.start, c.end, text[c.start:c.end]) for g in groups for c in g if c.reason.startswith(PREFIX)]


GONE = [
    ("And Penhaligowan said we could come back the week after.", "penhaligowan", "person"),
    ("Then Brennock phoned the office and sorted the whole thing.", "brennock", "person"),
    ("So what happened was Tavishan told them she wasn't coming.", "tavishan", "person"),
    ("Yeah Ashcombry sorted all of that out in the end.", "ashcombry", "person"),
    ("Oh Trevannick he was a character, everyone loved him.", "trevannick", "person"),
    ("Tamzelle she's lovely, she always asks after you.", "tamzelle", "person"),
    ("It was Ashcombry that sorted it all out for us.", "ashcombry", "person"),
    ("I think Kellavan rang them on the Monday.", "kellavan", "person"),
    ("She said Ruthvenna brought the forms round.", "ruthvenna", "person"),
    ("Yeah Dunmorrick is where my nan lives now.", "dunmorrick", "place"),
    ("The Brindlecott lot were no help at all with the forms.", "brindlecott", "place"),
]


@pytest.mark.parametrize(("sentence", "word", "category"), GONE)
def test_a_heard_word_where_only_a_name_stands_goes_in_captions(anon: Anonymiser, sentence: str, word: str,
                                                              category: str) -> None:
    text = caption(sentence)
    out = redact_text(anon, text, open_items=True)
    assert not _left(out, word), out
    groups, _, _ = anon.find(text, [(0, len(text))])
    spans = [c for g in groups for c in g if text[c.start:c.end] == word]
    assert spans, "no candidate slices to the word"
    ours = [c for c in spans if c.reason.startswith(PREFIX)]
    assert all(c.category == category for c in ours)


KEPT = [
    # medicines, apps, brands, programmes and words newer than the dictionary in the same frames
    "Then metformin helped a lot with it.",
    "And omeprazole sorted my stomach out.",
    "Then sertraline helped me more than anything.",
    "Then lurasidone helped her sleep a bit better.",
    "I think Instagram sent her a message about it.",
    "Well TikTok said it was fine to post it.",
    "So WhatsApp went down again on the Tuesday.",
    "It was lockdown that did it for her.",
    "It was Covid that did it, really.",
    "She speaks Tigrinya, she said it helps.",
    # mishearings and misspellings of ordinary words: one letter from a word
    "And becuase she said so, we went.",
    "Then probaly she said it was fine.",
    "It was definately that which helped.",
    # ordinary words and names the other layers read in the same frames
    "And the manager said we could come back.",
    "The council lot were no help at all.",
    "We went the long way in the end.",
    "Home is where the heart is, my mum says.",
    "It was the nurse that sorted it.",
    # an unknown word outside the frames: nothing says it is a name
    "We had a right old chinwag about it.",
    "He plays Fortnite all night on the Xbox.",
]


@pytest.mark.parametrize("sentence", KEPT)
def test_words_that_are_not_names_are_left_to_the_other_layers(anon: Anonymiser, sentence: str) -> None:
    for text in (sentence, caption(sentence)):
        assert _ours(anon, text) == [], text


@pytest.mark.parametrize(("sentence", "word", "category"), GONE[:3])
def test_typed_text_is_read_by_the_model_not_by_this_frame(anon: Anonymiser, sentence: str, word: str,
                                                         category: str) -> None:
    assert _ours(anon, sentence) == []


def test_spans_slice_to_the_word_in_a_longer_turn(anon: Anonymiser) -> None:
    text = caption("We were all there on the Monday. And Penhaligowan said we could come back. "
                   "Then Brennock phoned the office. The Brindlecott lot were no help.")
    found = _ours(anon, text)
    assert found, "the frame read nothing"
    assert all(text[s:e] == w for s, e, w in found)
    out = redact_text(anon, text, open_items=True)
    assert not any(_left(out, w) for w in ("penhaligowan", "brennock", "brindlecott")), out


@pytest.mark.parametrize("word", ["becuase", "probaly", "definately", "recieve", "tomorow", "thier", "wich"])
def test_near_spellings_of_words(word: str) -> None:
    assert near_spelling(word)


@pytest.mark.parametrize("word", ["penhaligowan", "brennock", "trevannick", "dunmorrick", "brindlecott"])
def test_invented_names_are_no_near_spelling(word: str) -> None:
    assert not near_spelling(word)
