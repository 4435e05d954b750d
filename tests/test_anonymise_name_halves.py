"""Captions: the other half of a name found, a full name said where a person stands, and a word-name beside a role
or a service (:mod:`cmo_coder.anonymise.name_halves`), with the same words said as words kept."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.name_halves import SERVICE_WORDS, WORKER_WORDS, candidates
from cmo_coder.anonymise.pipeline import Anonymiser


def _removed(anon: Anonymiser, text: str) -> list[tuple[int, int]]:
    groups, _, _ = anon.find(text, [(0, len(text))])
    return [(min(c.start for c in g), max(c.end for c in g)) for g in groups]


def _covered(text: str, spans: list[tuple[int, int]], words: str) -> bool:
    """Every word of ``words`` (first said in ``text``) lies inside a removal."""
    at = text.index(words)
    parts = []
    for w in words.split():
        parts.append((at, at + len(w)))
        at += len(w) + 1
    return all(any(s <= a and b <= e for s, e in spans) for a, b in parts)


def _touched(text: str, spans: list[tuple[int, int]], word: str) -> bool:
    start = text.index(word)
    return any(s < start + len(word) and start < e for s, e in spans)


@pytest.mark.parametrize(("text", "name"), [
    ("i told grace baxter at the clinic everything first person i did", "grace baxter"),
    ("from my old crowd she said danny king was there too that morning", "danny king"),
    ("anyone for you yourself hope turner from the kinship carers group rings me", "hope turner"),
])
def test_both_halves_of_a_name_go(anon: Anonymiser, text: str, name: str) -> None:
    assert _covered(text, _removed(anon, text), name)


@pytest.mark.parametrize(("text", "name"), [
    ("they both helped me a lot too bob my key worker says i'm a different woman", "bob"),
    ("i'm training in a proper kitchen jack my probation officer checks in weekly", "jack"),
    ("it went quiet and joy on the helpline talked me down more than once", "joy"),
    ("he gave me tins holly at the food bank always gives me extra", "holly"),
    ("i've no time now mo at the job centre let me off the work search", "mo"),
    ("we had the review crystal on reception at the surgery knows me by now", "crystal"),
])
def test_a_word_name_beside_a_role_or_a_service_goes(anon: Anonymiser, text: str, name: str) -> None:
    assert _covered(text, _removed(anon, text), name)


@pytest.mark.parametrize(("text", "word"), [
    ("to be frank my mum said no to the whole thing", "frank"),
    ("there was a holly at the food bank door in a big pot", "holly"),
    ("i got a king size bed from the council last week", "king"),
    ("the old mills from the river are all flats now", "mills"),
    ("it's my joy on the helpline to talk people down", "joy"),
    ("she rose at the meeting and said her piece", "rose"),
])
def test_the_same_words_said_as_words_stay(anon: Anonymiser, text: str, word: str) -> None:
    assert not _touched(text, _removed(anon, text), word)


def test_a_public_name_said_whole_stays(anon: Anonymiser) -> None:
    text = "i watched frank bruno on the telly talking about his moods"
    assert not _touched(text, _removed(anon, text), "bruno")


def test_a_public_name_holding_the_found_half_blocks_the_other() -> None:
    """The allow-list's span over both words ("frank bruno") keeps the other half; a span over the other half and a
    word before it ("said danny") does not."""
    from cmo_coder.anonymise.candidates import Candidate

    text = "she said danny king was there"
    king = text.index("king")
    found = [Candidate(king, king + 4, "person", "caseless", 0.8, "model")]
    said = text.index("said")
    got = candidates(text, [(0, len(text))], found, [(said, said + len("said danny"))])
    assert [text[c.start:c.end] for c in got] == ["danny"]
    assert candidates(text, [(0, len(text))], found, [(text.index("danny"), king + 4)]) == []


def test_candidates_slice_to_their_words_and_read_only_caption_turns() -> None:
    from cmo_coder.anonymise.candidates import Candidate

    text = "Typed turn here. penny at the recovery cafe does the group"
    turn = (text.index("penny"), len(text))
    got = candidates(text, [turn], [], [])
    assert [(text[c.start:c.end], c.category) for c in got] == [("penny", "person")]
    assert candidates(text, [], [Candidate(0, 5, "person", "ner", 0.8, "m")], []) == []


def test_the_word_lists_hold_no_stop_word() -> None:
    from spacy.lang.en.stop_words import STOP_WORDS

    assert not (WORKER_WORDS | SERVICE_WORDS) & STOP_WORDS


def test_a_verb_after_a_given_name_found_stays(anon: Anonymiser) -> None:
    """ "Works" is on the surname lists; after a name found it is what the person does."""
    text = "there's a dad ionut works at the car wash and his wife helps out"
    assert not _touched(text, _removed(anon, text), "works")
