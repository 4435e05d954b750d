"""Short person words and wards named "the" and a plural (issue 13, an eleventh caption round): invented cases,
cased and as captions, that must go, that become undecided items, and that must stay; offsets by property."""

from __future__ import annotations

import re

import pytest
from anon_support import caption
from anon_support import redact_turns as redact
from hypothesis import example, given
from hypothesis import strategies as st

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.layers.named_plurals import OPEN_REASON, plural_place_spans
from cmo_coder.anonymise.layers.short_people import rest_of_name, short_people_spans, spelled_spans
from cmo_coder.anonymise.pipeline import Anonymiser, open_case
from cmo_coder.anonymise.rest_of_place import rest_of_place
from tests.fuzzing import fuzz_settings


def gone(out: str, word: str) -> bool:
    return re.search(rf"(?i)(?<![\w'’-]){re.escape(word)}(?![\w'’-])", out) is None


def spelled(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in spelled_spans(text)]


def short(text: str, caseless: bool) -> list[str]:
    return [text[s:e] for s, e, _ in short_people_spans(text, caseless)]


def plural(text: str, caseless: bool) -> list[tuple[str, bool]]:
    return [(text[s:e], sure) for s, e, sure in plural_place_spans(text, caseless)]


# ------------------------------------------------------------------------------------------ names spelled out
@pytest.mark.parametrize(("text", "run", "word"), [
    ("Her name's Bryony, B-R-Y-O-N-Y, like the plant.", "B-R-Y-O-N-Y", "Bryony"),
    ("it's tansy t a n s y she's my support worker", "t a n s y", "tansy"),
    ("That's Kerenza, K-E-R-E-N-Z-A, she runs the group.", "K-E-R-E-N-Z-A", "Kerenza"),
    ("his surname is spelled m o r r o w by the way", "m o r r o w", None),
    ("you spell it f e n n e l l two ls at the end", "f e n n e l l", None),
    ("it's dorrit with a double r, d o double r i t", "d o double r i t", "dorrit"),
    ("I wrote it down as P. E. N. R. O. S. E. for the form.", "P. E. N. R. O. S. E", None),
])
@pytest.mark.parametrize("captions", [False, True])
def test_a_spelling_goes_with_the_name_it_spells(text: str, run: str, word: str | None, captions: bool) -> None:
    if captions:
        text, run, word = caption(text), caption(run), word.lower() if word else None
    found = spelled(text)
    assert run.rstrip(".") in found
    if word:
        assert word in found


@pytest.mark.parametrize("text", [
    "the n h s app never works for me",
    "she's got o c d and it's really bad",
    "i got a b in maths and a c in english",
    "the c a b service was useless",
    "my postcode starts l s six and then the rest",
    "it was the d w p again wasn't it",
    "we did the a b c with the kids",
    "he's in the c p n team now",
])
def test_letters_that_spell_an_abbreviation_or_a_grade_stay(text: str) -> None:
    assert spelled(text) == []
    assert spelled(text.upper()) == []


# ------------------------------------------------------------------------------------------ initials
@pytest.mark.parametrize(("text", "initial"), [
    ("Mr J was the one who did my review.", "J"),
    ("we saw dr k on the monday and she was lovely", "k"),
    ("i told mrs t about the letter and she sorted it", "t"),
    ("Miss R from the school rang me twice.", "R"),
    ("my key worker s said they'd find me a room", "s"),
    ("and then p said it was all sorted", "p"),
    ("k from the team rang me on the friday", "k"),
    ("me and j went down the town", "j"),
    ("i rang b and she said to come in", "b"),
    ("my sister k lee said she would come", "k lee"),
    ("the nurse k said it was nothing to worry about", "k"),
    ("she said p was coming round after tea", "p"),
    ("my sister d on was with me the whole time", "d on"),
    ("so i rang j on and she said leave it with her", "j on"),
])
def test_an_initial_in_a_persons_frame_goes(text: str, initial: str) -> None:
    assert initial in short(text, caseless=text == text.lower())
    assert initial.lower() in short(caption(text), caseless=True)


@pytest.mark.parametrize("text", [
    "it was plan b really if that fell through",
    "i miss a lot of things about it",
    "she's on vitamin d now",
    "he was in bay c for a week",
    "i said i would",
    "the dr said it was nothing",
    "type 2 and a b c",
    "my son j really wanted to go",
    "i told them about it",
    "i told them on monday and nothing happened",
    "she said a lot of things that day",
    "he said i was fine",
])
def test_letters_that_are_words_or_labels_stay(text: str) -> None:
    assert short(text, caseless=True) == []


# ------------------------------------------------------------------------------------------ short given names
@pytest.mark.parametrize(("text", "name"), [
    ("my mate jo said i should ring them", "jo"),
    ("Her brother Al drove us up there.", "Al"),
    ("i asked mo what she thought and she said go", "mo"),
    ("me and ed used to go fishing on sundays", "ed"),
    ("thanks cy that's really helpful", "cy"),
    ("Our Jo had the baby in the March.", "Jo"),
    ("so di said she'd sort it", "di"),
    ("i said jo you can't keep doing this", "jo"),
])
def test_a_short_given_name_in_a_persons_frame_goes(text: str, name: str) -> None:
    assert name in short(text, caseless=text == text.lower())
    assert name.lower() in short(caption(text), caseless=True)


@pytest.mark.parametrize(("text", "caseless"), [
    ("I'll be there in a mo, hang on.", False),
    ("i'll be there in a mo hang on", True),
    ("she does special ed at the college", True),
    ("my son jo", True),  # no frame after: a relation and a word, then nothing a person does
    ("her brother al", False),  # cased, no capital: not written as a name
])
def test_short_words_that_are_no_name_here_stay(text: str, caseless: bool) -> None:
    assert "mo" not in short(text, caseless) and "ed" not in short(text, caseless)
    if not caseless:
        assert short(text, caseless) == []


def test_an_initial_after_a_removed_name_goes_with_it() -> None:
    text = "the nurse tamsin o said not to worry"
    start = text.index("tamsin")
    assert [text[s:e] for s, e, _ in rest_of_name(text, [(start, start + len("tamsin"))])] == ["o"]
    assert rest_of_name("gemma a lot of the time", [(0, 5)]) == []


# ------------------------------------------------------------------------------------------ wards named by plurals
@pytest.mark.parametrize(("text", "name"), [
    ("He ended up in the Willows for about a month.", "Willows"),
    ("she was on the limes inpatient for two weeks", "limes"),
    ("They moved Dad to the Beeches when the ward closed.", "Beeches"),
    ("i stayed at the gables for a bit after the section", "gables"),
    ("Mum went to the Laurels for respite every summer.", "Laurels"),
    ("got moved to the paddocks and it was much calmer", "paddocks"),
    ("she was admitted to the rowans overnight", "rowans"),
])
def test_a_plural_with_a_stay_or_a_time_of_care_is_a_place(text: str, name: str) -> None:
    assert (name, True) in plural(text, caseless=text == text.lower())
    assert (name.lower(), True) in plural(caption(text), caseless=True)


def test_a_bare_plural_homes_are_named_by_is_an_undecided_item() -> None:
    assert plural("we went to see her at the kestrels", True) == [("kestrels", False)]
    assert plural("we went to see her at the laurels", True) == []  # a plural of trees: removed by facilities


@pytest.mark.parametrize("text", [
    "We walked in the meadows every Sunday.",
    "my son went up to the woods with his mates",
    "we sat under the willows by the river",
    "i live near the willows by the river",
    "We fed the swallows at the farm.",
    "i'm in the fields all day with the horses",
    "the limes along the road were cut back",
    "I was out in the garden all afternoon.",
])
def test_plurals_people_walk_in_or_look_at_stay(text: str) -> None:
    assert plural(text, caseless=False) == [] and plural(caption(text), caseless=True) == []


def test_a_plural_without_its_capital_in_cased_text_is_no_name() -> None:
    assert plural("He ended up in the willows for about a month.", caseless=False) == []


# ------------------------------------------------------------------------------------------ the whole path
@pytest.mark.parametrize(("text", "word"), [
    ("Her name's Bryony, B-R-Y-O-N-Y, like the plant.", "bryony"),
    ("we saw dr k on the monday and she was lovely", "k"),
    ("my mate jo said i should ring them", "jo"),
    ("She was on the Limes inpatient for two weeks.", "limes"),
])
@pytest.mark.parametrize("lower", [False, True])
def test_the_anonymiser_removes_them(anon: Anonymiser, text: str, word: str, lower: bool) -> None:
    out = redact(anon, [text], lower)
    assert gone(out, word)
    if word == "bryony":
        assert "B-R-Y" not in out and "b-r-y" not in out


def test_a_bare_plural_is_an_item_a_person_decides(anon: Anonymiser) -> None:
    text = "we went to see her at the kestrels most days"
    groups, _, _ = anon.find(text, [(0, len(text))])
    opened = [g for g in groups if open_case(g)]
    assert any(c.reason == OPEN_REASON for g in opened for c in g)


@pytest.mark.parametrize("text", [
    "we went to the park and then to the shops",
    "it was a and e or nothing that night",
    "she's got o c d and it's really bad",
    "give me a mo and i'll be there",
    "we walked in the meadows every sunday",
])
def test_the_anonymiser_keeps_what_must_stay(anon: Anonymiser, text: str) -> None:
    assert redact(anon, [text], True) == text


# ------------------------------------------------------------------------------------------ offsets
_LETTER = st.sampled_from("bcdfghjklmnprstvwyaeiou")
_FILLER = st.sampled_from(["and", "then", "it's", "her name's", "spelled", "my mate", "mr", "dr", "said", "she",
                           "the", "in the", "willows", "for two weeks", "stayed at", "jo", "k", "lee", ",", "-"])


@given(st.lists(st.one_of(_LETTER, _FILLER), max_size=24), st.booleans(), st.sampled_from([" ", "-", ". "]))
@example(["her name's", "b", "r", "y", "o", "n", "y"], True, " ")
@example(["stayed at", "the", "willows", "for two weeks"], True, " ")
@fuzz_settings(200)
def test_every_span_slices_to_letters_and_shifts_with_the_text(words: list[str], caseless: bool, sep: str) -> None:
    text = sep.join(words) if sep == "-" and all(len(w) == 1 for w in words) else " ".join(words)
    spans = [(s, e) for s, e, _ in spelled_spans(text)] + [(s, e) for s, e, _ in short_people_spans(text, caseless)]
    spans += [(s, e) for s, e, _ in plural_place_spans(text, caseless)]
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip() and piece[:1].isalpha() and piece[-1:].isalpha()
        assert s == 0 or not text[s - 1].isalnum()
        assert e == len(text) or not text[e].isalnum()
    prefix = "So. "
    moved = [(s, e) for s, e, _ in spelled_spans(prefix + text)]
    assert moved == [(s + len(prefix), e + len(prefix)) for s, e, _ in spelled_spans(text)]
    moved_short = [(s, e) for s, e, _ in short_people_spans(prefix + text, caseless)]
    assert moved_short == [(s + len(prefix), e + len(prefix)) for s, e, _ in short_people_spans(text, caseless)]


# ------------------------------------------------------------------------------------------ the rest of a place
def _place(text: str, word: str, category: str = "place") -> Candidate:
    start = text.index(word)
    return Candidate(start, start + len(word), category, "rules", 0.8, "a place")


@pytest.mark.parametrize(("text", "removed", "whole"), [
    ("my lad goes to birchcliffe road primary now", "birchcliffe road", "birchcliffe road primary"),
    ("we got the flat through calderdene homes in the end", "calderdene", "calderdene homes"),
    ("the kelby adp pays for it", "kelby", "kelby adp"),
    ("they closed lantern house last year", "house", "lantern house"),
    ("she lives off quarrel lane now", "lane", "quarrel lane"),
])
def test_the_rest_of_a_place_goes_with_the_part_removed(text: str, removed: str, whole: str) -> None:
    found = rest_of_place(text, [_place(text, removed)])
    assert whole in [text[c.start:c.end] for c in found]


@pytest.mark.parametrize(("text", "removed"), [
    ("i lost my house keys near leeds", "leeds"),
    ("she does the school run from leeds", "leeds"),
    ("we met in the car park", "park"),
    ("it's a big house", "house"),
    ("they took her to leeds and back", "leeds"),
    ("the primary care team at leeds", "leeds"),
])
def test_words_of_their_own_beside_a_place_stay(text: str, removed: str) -> None:
    assert rest_of_place(text, [_place(text, removed)]) == []


def test_a_person_is_never_taken_as_a_place() -> None:
    text = "hope house was shut"
    assert rest_of_place(text, [_place(text, "house", "person")]) == []


@given(st.lists(st.sampled_from(["the", "kelby", "homes", "house", "lane", "primary", "car", "big", "road", "\n",
                                 "care", "and", "hope", "adp"]), min_size=1, max_size=12), st.data())
@fuzz_settings(200)
def test_the_rest_of_a_place_spans_words_and_holds_the_part(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    named = [i for i, w in enumerate(words) if w.isalpha()]
    if not named:
        return
    k = data.draw(st.sampled_from(named))
    start = len(" ".join(words[:k])) + (1 if k else 0)
    part = Candidate(start, start + len(words[k]), "place", "rules", 0.8, "a place")
    for c in rest_of_place(text, [part]):
        assert c.start <= part.start and part.end <= c.end and (c.start, c.end) != (part.start, part.end)
        piece = text[c.start:c.end]
        assert piece[:1].isalpha() and piece[-1:].isalpha() and "\n" not in piece
        assert c.start == 0 or not text[c.start - 1].isalnum()
        assert c.end == len(text) or not text[c.end].isalnum()
