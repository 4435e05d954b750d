"""Captions recall, a fifth round: name words whose cues add up over a transcript, names in lists, quoting and
addressing, pubs named by a pair of signs, and members' clubs said by their kind. Every name here is invented
for these tests; the negatives are the everyday words said in the same places ("the price went up", "a rose
bush", "we saw a fox and badger", "a raffle for the legion").
"""

from __future__ import annotations

import re

import pytest
from anon_support import as_captions
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.pubs import kind_clubs, pub_spans
from cmo_coder.anonymise.layers.word_names import CueRecord
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.recurring_names import persons_by_cues


def _find(anon: Anonymiser, turns: list[str], caseless: bool) -> tuple[str, list[tuple[int, int]]]:
    text, segments = "", []
    for t in turns:
        if text:
            text += "\n\n"
        segments.append((len(text), len(text) + len(t)))
        text += t
    groups, _, _ = anon.find(text, segments, caseless=caseless)
    return text, [(min(c.start for c in g), max(c.end for c in g)) for g in groups]


def _uses(text: str, word: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"(?<![\w']){re.escape(word)}(?!\w)", text, re.IGNORECASE)]


def _removed(anon: Anonymiser, turns: list[str], word: str, caseless: bool = True) -> list[bool]:
    """For each use of ``word`` in the transcript of ``turns``: wholly inside a redaction."""
    text, spans = _find(anon, turns, caseless)
    return [any(s <= a and b <= e for s, e in spans) for a, b in _uses(text, word)]


def _touched(anon: Anonymiser, turns: list[str], word: str, caseless: bool = True) -> list[bool]:
    text, spans = _find(anon, turns, caseless)
    return [any(s < b and a < e for s, e in spans) for a, b in _uses(text, word)]


# ------------------------------------------------------------------- 1. a name word's cues over a transcript
RECURRING = [
    (["Then Price said I could go.", "I told Price about the letter.", "Price was alright with me after that."],
     "price"),
    (["Me and Cross went down the gym.", "Cross reckons he's getting out in June.", "I said to Cross, don't."],
     "cross"),
    (["Then Marsh said I was out of order.", "I never liked Marsh much, to be honest."], "marsh"),
]


@pytest.mark.parametrize(("turns", "word"), RECURRING)
def test_a_name_word_said_where_a_person_stands_in_several_turns_goes_everywhere(
        anon: Anonymiser, turns: list[str], word: str) -> None:
    assert all(_removed(anon, [as_captions(t) for t in turns], word)), turns


def test_the_everyday_uses_of_a_recurring_name_word_stay(anon: Anonymiser) -> None:
    turns = ["then price said i could go", "i told price about the letter", "the price went up again",
             "full price for everything", "price was alright with me"]
    assert _removed(anon, turns, "price") == [True, True, False, False, True]
    turns = ["thanks rob over to you", "rising prices rob us every quarter", "please rob me of nothing"]
    assert _removed(anon, turns, "rob") == [True, False, False]
    turns = ["then baker said no", "i told baker about it", "the baker's shop shut", "a baker came in"]
    assert _removed(anon, turns, "baker") == [True, True, False, False]


def test_a_word_heard_once_or_only_weakly_is_no_person() -> None:
    one = [CueRecord(0, 5, "price", frozenset({"does"}), False)]
    weak = [CueRecord(0, 5, "price", frozenset({"object"}), False),
            CueRecord(20, 25, "price", frozenset({"he or she"}), False)]
    good = [CueRecord(0, 5, "price", frozenset({"object"}), False),
            CueRecord(20, 25, "price", frozenset({"speaks"}), True)]
    three = [CueRecord(i * 10, i * 10 + 5, "price", frozenset({"object"}), False) for i in range(3)]
    assert persons_by_cues({"price": one}) == set()
    assert persons_by_cues({"price": weak}) == set()
    assert persons_by_cues({"price": good}) == {"price"}
    assert persons_by_cues({"price": three}) == {"price"}


def test_cased_text_keeps_its_capitals_as_the_guide(anon: Anonymiser) -> None:
    turns = ["Then Price said I could go.", "The price went up again."]
    assert _removed(anon, turns, "price", caseless=False) == [True, False]


# ----------------------------------------------------------- 2. turning up, quoting and addressing by name
SURE_CUES = [
    ("Rose turns up about nine with the kids.", "rose"),
    ("So Robin goes, you can't do that.", "robin"),
    ("And Dawn goes to me, sit down.", "dawn"),
    ("Yeah I know what you mean, Holly.", "holly"),
    ("Thank you, Pearl.", "pearl"),
    ("Rose, can you pass that over?", "rose"),
    ("And Dot's been brilliant with me.", "dot"),
    ("So Mags's gone back to work.", "mags"),
]


@pytest.mark.parametrize(("said", "word"), SURE_CUES)
def test_a_given_name_turning_up_quoting_or_addressed_is_a_person(anon: Anonymiser, said: str, word: str) -> None:
    assert _removed(anon, [as_captions(said)], word) == [True], said
    if said not in _CASED_GAPS:  # typed text is the model's to read
        assert _removed(anon, [said], word, caseless=False) == [True], said


_CASED_GAPS = frozenset({"Rose turns up about nine with the kids.", "So Mags's gone back to work."})
"""Typed sentences the model misses and these caption rules do not read (they need no capital): left open."""


KEPT_WORDS = [
    ("then the price goes up again", "price"),
    ("and faith goes out the window", "faith"),
    ("the sun rose up over the hill", "rose"),
    ("i planted some holly", "holly"),
    ("there was no hope", "hope"),
    ("it was a grey dawn", "dawn"),
    ("the rose's been pruned", "rose"),
    ("my faith's been tested", "faith"),
]


@pytest.mark.parametrize(("said", "word"), KEPT_WORDS)
def test_the_same_words_as_words_stay(anon: Anonymiser, said: str, word: str) -> None:
    assert _touched(anon, [said], word) == [False], said


# ---------------------------------------------------------------------------------- 3. names in a list
LISTS = [
    ("It was me, Mags and Rose that went.", ["mags", "rose"]),
    ("We had Pearl, Lily and Daisy on the ward that night.", ["pearl", "lily", "daisy"]),
    ("There was Dawn and Faith and Heather from the group.", ["dawn", "faith", "heather"]),
]


@pytest.mark.parametrize(("said", "names"), LISTS)
def test_given_names_in_a_list_of_people_go(anon: Anonymiser, said: str, names: list[str]) -> None:
    for name in names:
        assert _removed(anon, [as_captions(said)], name) == [True], (said, name)
        assert _removed(anon, [said], name, caseless=False) == [True], (said, name)


NOT_LISTS = [
    ("we grew rose and lavender by the door", "rose"),
    ("i bought rose lily and daisy bulbs", "lily"),
    ("a bunch of rose lily and daisy", "daisy"),
    ("the holly and the ivy", "holly"),
]


@pytest.mark.parametrize(("said", "word"), NOT_LISTS)
def test_words_listed_as_things_stay(anon: Anonymiser, said: str, word: str) -> None:
    assert _removed(anon, [said], word) == [False], said


# ------------------------------------------------------------------------------ 4. pubs and members' clubs
@pytest.mark.parametrize(("said", "name"), [
    ("my dad drank at the fox and badger for forty years", "fox and badger"),
    ("she went down the otter and trout with her mates", "otter and trout"),
    ("we'd have a pint in the heron and pike after work", "heron and pike"),
])
def test_a_pair_of_signs_where_people_drink_or_go_is_a_pub(said: str, name: str) -> None:
    assert name in [said[a:b] for a, b, _ in pub_spans(said, True)]
    cased = said.replace(name, name.title().replace(" And ", " and "))
    assert name.title().replace(" And ", " and ") in [cased[a:b] for a, b, _ in pub_spans(cased, False)]


@pytest.mark.parametrize("said", [
    "we saw a fox and badger in the garden",
    "the hunter and the fox ran past",
    "he drew an otter and trout for school",
])
def test_a_pair_of_beasts_said_otherwise_is_no_pub(said: str) -> None:
    assert pub_spans(said, True) == []


@pytest.mark.parametrize(("said", "club"), [
    ("he goes to the legion most nights", "legion"),
    ("we had the do at the working men's club on station road", "working men's club"),
    ("he was always in the miners welfare on a friday", "miners welfare"),
    ("he plays for the rovers on a saturday", "rovers"),
    ("she plays for the harriers now", "harriers"),
])
def test_a_members_club_said_by_its_kind_is_a_place(anon: Anonymiser, said: str, club: str) -> None:
    assert [(said[a:b], kind) for a, b, kind in kind_clubs(said, True)] == [(club, "club")]
    assert _removed(anon, [said], club.split()[0]) == [True]
    cased = said.replace(club, club.title())
    assert [cased[a:b] for a, b, _ in kind_clubs(cased, False)] == [club.title()]


@pytest.mark.parametrize("said", [
    "we raised money for the legion",
    "a poppy for the royal british legion",
    "we went to the british legion",
    "he supports the rovers",
    "he played for the rovers when he was younger",
    "he goes to the legion of mary meetings",
    "he goes to the legion",
])
def test_clubs_of_the_public_and_other_uses_stay(said: str) -> None:
    found = kind_clubs(said, True)
    if said.endswith("goes to the legion"):
        assert found == [(said.rindex("legion"), len(said), "club")]  # the phrase ends: the local club
    else:
        assert found == []


def test_in_cased_text_a_kind_in_lower_case_is_no_name() -> None:
    assert kind_clubs("He goes to the legion most nights.", False) == []
    assert kind_clubs("He goes to the Legion most nights.", False) == [(15, 21, "club")]


# ------------------------------------------------------------------------------------- 5. offsets hold
_NAMES = ["price", "cross", "rose", "pearl", "mags", "dawn"]
_FRAMES = ["then {} said i could go", "i told {} about the letter", "me {} and {} went", "{} turns up late",
           "thank you {}", "the price went up", "a rose bush", "he goes to the legion most nights",
           "we drank at the fox and badger"]


@fuzz_settings(25)
@given(st.lists(st.tuples(st.sampled_from(_FRAMES), st.sampled_from(_NAMES), st.sampled_from(_NAMES)),
                min_size=1, max_size=5),
       st.sampled_from(["", "  ", "yeah "]))
def test_every_redaction_slices_to_its_own_words(anon: Anonymiser, turns: list[tuple[str, str, str]],
                                                  pad: str) -> None:
    said = [pad + frame.format(a, b) if frame.count("{}") == 2 else pad + frame.format(a) for frame, a, b in turns]
    text, spans = _find(anon, said, True)
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip() and "\n\n" not in text[s:e]
    again = _find(anon, said, True)
    assert again == (text, spans)  # deterministic


# --------------------------------------------------------------------------------- 6. a name given as a name
@pytest.mark.parametrize(("said", "word"), [
    ("His name was Will and he was a screw.", "will"),
    ("We call her Mags.", "mags"),
    ("Her name's May, she's the new one.", "may"),
    ("They called him Sonny on the wing.", "sonny"),
])
def test_a_name_given_as_a_name_goes_even_where_it_is_a_word(anon: Anonymiser, said: str, word: str) -> None:
    assert _removed(anon, [as_captions(said)], word) == [True], said
    assert _removed(anon, [said], word, caseless=False) == [True], said


@pytest.mark.parametrize(("said", "word"), [
    ("i called her back later", "back"),
    ("we called him names at school", "names"),
    ("we call her nan", "nan"),
    ("her name's on the list", "on"),
    ("i will call her tomorrow", "will"),
    ("You may call him if you like.", "may"),
])
def test_the_words_of_a_call_stay(anon: Anonymiser, said: str, word: str) -> None:
    assert _touched(anon, [said], word, caseless=said.islower()) == [False], said


def test_a_name_word_spread_over_a_transcript_is_read_by_the_public_frames_too(anon: Anonymiser) -> None:
    turns = ["then marsh said i could go", "i told marsh about it", "i love marsh's new series on netflix"]
    assert _removed(anon, turns, "marsh") == [True, True, False]
