"""The twelfth speed pass: the places and sound-alike components answer exactly as the plain code they replace.

Each change is checked against the plain loop it replaced, on generated input drawn from the layer's own lists
and words of invented people, cased and as lower-cased captions, with odd spaces and punctuation: the faster
path and the plain one give the same answer. Invented turns where a layer must find something are found, and
invented ones that must stay, stay. Every name and sentence here is invented for the project.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from unittest import mock

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.tokens import Doc

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.layers import register_heard, register_near, sound_alike, state
from cmo_coder.anonymise.layers.places import PlacesComponent
from cmo_coder.anonymise.layers.register_near import NearIndex
from cmo_coder.anonymise.layers.turn_view import turn_view
from cmo_coder.anonymise.layers.words import place_names, place_words
from cmo_coder.anonymise.register import RegisterItem, build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey
from tests.fuzzing import fuzz_settings

_BLANK = spacy.blank("en")

_PEOPLE = ["Morwenna Tregarthen", "Ifeoluwa Balogun", "Caoimhe Brannigan", "Tadeusz Wozniak", "Ffion Pritchard",
           "Lachlan Dunleavy", "Aoife Brannagh", "Kwabena Mensah", "Eluned Probert", "Ruairi Macintyre",
           "Bronagh Tierney", "Dafydd Tregarth"]
"""Invented people, some sharing letters, sounds and lengths, so that ties and the length window are met."""


@cache
def _index() -> NearIndex:
    key = ParticipantKey(entries=[KeyEntry(label=f"P{i + 1}", name=n, role="service_user", site="A")
                                  for i, n in enumerate(_PEOPLE)])
    return NearIndex(build_register(key, [], set()).items)


# ------------------------------------------------------------------------------ heard names: the best match by table
_SYLLABLES = st.sampled_from(["mor", "wen", "na", "tre", "gar", "then", "ife", "olu", "wa", "bal", "o", "gun",
                              "kee", "va", "bran", "ni", "gan", "ta", "day", "oosh", "woz", "nee", "ak", "fee",
                              "on", "prit", "chard", "lock", "lan", "done", "levy", "eef", "agh", "men", "sah",
                              "el", "in", "ed", "pro", "bert", "rory", "mac", "in", "tyre", "tier", "ney", "x"])


def _scope(out_of_scope: set[int]) -> Callable[[RegisterItem], bool]:
    labels = {f"P{i + 1}" for i in out_of_scope}
    return lambda item: item.label not in labels


@pytest.mark.fuzz
@fuzz_settings(400)
@given(st.lists(_SYLLABLES, min_size=1, max_size=6).map("".join), st.sets(st.integers(0, 11)))
@example("brannigan", set())
@example("brannigan", {2})
@example("tregarth", {11})
@example("tre", set())
def test_best_match_by_table_as_the_plain_loop(joined: str, out_of_scope: set[int]) -> None:
    in_scope = _scope(out_of_scope)
    targets = register_heard.targets_of(_index())
    table, long_table = register_heard._tables(_index())
    assert register_heard._best(joined, table, in_scope) == register_heard.best_match(joined, targets, in_scope)
    long_targets = [t for t in targets if len(t.form) >= 6]
    assert (register_heard._best(joined, long_table, in_scope)
            == register_heard.best_match(joined, long_targets, in_scope))


def test_best_match_by_table_takes_the_first_of_a_tie() -> None:
    """Two registered forms as close to the words by letters and by sound: the first in the register's order."""
    targets = register_heard.targets_of(_index())
    table, _ = register_heard._tables(_index())
    got = register_heard._best("branagan", table, lambda _item: True)
    plain = register_heard.best_match("branagan", targets, lambda _item: True)
    assert got is not None and got == plain


@pytest.mark.parametrize("turn, said", [
    ("and my sister kee va brannigan came round", "kee va"),
    ("thanks mor wenna for that", "mor wenna"),
])
def test_a_heard_name_after_a_cue_is_found(turn: str, said: str) -> None:
    doc = _BLANK(turn)
    found = register_heard.heard_candidates(doc, _index(), [], [], lambda _item: True)
    assert [turn[c.start:c.end] for c in found] == [said]


@pytest.mark.parametrize("turn", ["and my sister went to the shop", "thanks for the tea"])
def test_ordinary_words_after_a_cue_stay(turn: str) -> None:
    assert register_heard.heard_candidates(_BLANK(turn), _index(), [], [], lambda _item: True) == []


# ------------------------------------------------------------------------------ close forms: heard runs from the view
_POS = ["NOUN", "PROPN", "VERB", "ADJ", "PRON", "DET", "ADP", "AUX", "INTJ", "", "SPACE", "PUNCT"]
_RUN_WORDS = st.sampled_from(["mor", "wenna", "Tre", "garthen", "bran", "i", "gan", "brannigan", "the", "and", "um",
                              "said", "mac", "in", "tyre", "Mac", "Intyre", "done", "levy", "\n", "\t", "\u00a0",
                              ",", ".", "-", "'s", "x", "woz", "nee", "ak", "prit", "chard", "kwa", "bena", "my",
                              "tregarthen", "MORWENNA", "o", "lu", "wa", "mum", "doctor", "monday", "miss", "nan",
                              "leavy", "morwen"])


def _built(parts: list[tuple[str, str, str]], lower: bool) -> Doc:
    """A doc of the given words, spaces after and parts of speech; lower-cased as a caption."""
    doc = Doc(_BLANK.vocab, words=[w.lower() if lower else w for w, _, _ in parts],
              spaces=[sp == " " for _, sp, _ in parts])
    for tok, (_, _, pos) in zip(doc, parts, strict=True):
        if pos:
            tok.pos_ = pos
    doc.user_data[state._TEXT_KEY] = doc.text
    return doc


@pytest.mark.fuzz
@fuzz_settings(400)
@given(st.lists(st.tuples(_RUN_WORDS, st.sampled_from([" ", " ", ""]), st.sampled_from(_POS)), max_size=12),
       st.booleans(), st.lists(st.integers(0, 60), max_size=3), st.sets(st.integers(0, 11)))
@example([("mac", " ", "NOUN"), ("in", " ", "ADP"), ("tyre", " ", "NOUN")], True, [], set())
@example([("bran", " ", "NOUN"), ("i", " ", "NOUN"), ("gan", " ", "NOUN")], False, [], set())
@example([("done", " ", "NOUN"), ("\n", "", "SPACE"), ("leavy", " ", "NOUN")], True, [], set())
@example([("morwen", " ", "NOUN"), ("nan", " ", "NOUN")], True, [], set())
def test_heard_runs_from_the_view_as_from_tokens(parts: list[tuple[str, str, str]], lower: bool,
                                                 taken_at: list[int], out_of_scope: set[int]) -> None:
    doc = _built(parts, lower)
    taken = [(a, a + 3) for a in taken_at]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    in_scope = _scope(out_of_scope)
    view = turn_view(doc)
    order = [j for j, space in enumerate(view.space) if not space]
    words = [doc[j] for j in order]
    pos = view.pos()
    for i in range(len(order)):
        assert (register_near._heard_in_view(view, order, pos, i, _index(), lower, in_scope, free)
                == register_near._heard_run(words, i, _index(), lower, in_scope, free))


@pytest.mark.parametrize("words, lower, want", [
    (["it", "was", "mac", "in", "tyre", "again"], True, ["mac in tyre"]),
    (["we", "saw", "done", "leavy", "there"], True, ["done leavy"]),
    (["we", "went", "in", "the", "end"], True, []),
    (["it", "was", "Mac", "In", "Tyre", "again"], False, []),  # cased: capitals are the register's and the model's
])
def test_heard_names_anywhere_cased_and_as_captions(words: list[str], lower: bool, want: list[str]) -> None:
    doc = _built([(w, " ", "NOUN") for w in words], lower)
    got = register_near.near_candidates(doc, _index(), [], lower, lambda _item: True)
    assert [state.text_of(doc)[c.start:c.end] for c in got] == want


# ------------------------------------------------------------------------------ listed places from the view
def _listed_as_before(doc: Doc, caseless: bool) -> list[Candidate]:
    """The listed places' walk as it was: a ``Token`` of each word that begins a listed place."""
    names, starts = place_names(), place_words()
    out: list[Candidate] = []
    words = [t.text for t in doc]
    lows = [w.lower() for w in words]
    for i, low in enumerate(lows):
        if low not in starts or (not caseless and not words[i][:1].isupper()):
            continue
        tok = doc[i]
        if i + 1 < len(lows) and f"{low} {lows[i + 1]}" in names and (caseless or words[i + 1][:1].isupper()):
            nxt = doc[i + 1]
            out.append(Candidate(tok.idx, nxt.idx + len(nxt), "city", "places", 0.75, "UK place list"))
        elif low in names:
            out.append(Candidate(tok.idx, tok.idx + len(tok), "city", "places", 0.75, "UK place list"))
    return out


@cache
def _place_words() -> list[str]:
    """Every 97th listed place, whole, its words alone and its first word's start, with words around them."""
    listed = sorted(place_names())[::97]
    return [*listed, *(w for n in listed for w in n.split()), "the", "went", "to", "and", "New", "Upon", "St",
            "on", "sea", "Leeds"]


_SPACES = st.sampled_from([" ", " ", "  ", ", ", ".", "\n", "\t", "\u00a0", "-", "'s "])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(st.sampled_from(_place_words()), _SPACES, st.sampled_from(["title", "lower", "as is"])),
                max_size=10), st.booleans())
@example([("milton", " ", "title"), ("keynes", " ", "title")], False)
@example([("milton", " ", "lower"), ("keynes", " ", "lower")], True)
@example([("milton", " ", "title"), ("keynes", " ", "lower")], False)
def test_listed_places_from_the_view_as_from_tokens(parts: list[tuple[str, str, str]], caseless: bool) -> None:
    text = "".join((w.title() if how == "title" else w.lower() if how == "lower" else w) + sp
                   for w, sp, how in parts)
    doc = _BLANK(text.lower() if caseless else text)
    got = PlacesComponent._listed(doc, caseless, place_names(), place_words())
    assert got == _listed_as_before(doc, caseless)
    assert all(doc.text[c.start:c.end].lower() in place_names() for c in got)


@pytest.mark.parametrize("text, caseless, want", [
    ("We moved to Milton Keynes in the spring", False, ["Milton Keynes"]),
    ("we moved to milton keynes in the spring", True, ["milton keynes"]),
    ("we moved to milton keynes in the spring", False, []),  # cased text: a place is written with its capital
    ("she reads every evening", True, []),
])
def test_listed_places_cased_and_as_captions(text: str, caseless: bool, want: list[str]) -> None:
    got = PlacesComponent._listed(_BLANK(text), caseless, place_names(), place_words())
    assert [text[c.start:c.end] for c in got] == want


# ------------------------------------------------------------------------------ heard names: the run-in word's gate
_RUN_IN_WORDS = st.sampled_from(["thanksmorwenna", "brannigansaid", "withdafydd", "morwennas", "Thankstadeusz",
                                 "WOZNIAKSAID", "wozniak", "everything", "remembered", "unbelievable", "thanks",
                                 "mensahsays", "cheerseluned", "the", "my", "sister", "mor", "wenna", "said",
                                 "zzzzzzzz", "balogun", "ifeoluwas"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(_RUN_IN_WORDS, _SPACES), min_size=1, max_size=10), st.booleans(),
       st.sets(st.integers(0, 11)))
@example([("thanksmorwenna", " "), ("for", " ")], True, set())
@example([("so", " "), ("brannigansaid", " "), ("no", " ")], False, {2})
def test_run_in_words_gated_as_ungated(parts: list[tuple[str, str]], lower: bool, out_of_scope: set[int]) -> None:
    text = "".join(w + sp for w, sp in parts)
    doc = _BLANK(text.lower() if lower else text)
    in_scope = _scope(out_of_scope)
    gated = register_heard.heard_candidates(doc, _index(), [], [], in_scope)
    with mock.patch.object(register_heard, "GATED", False):
        assert register_heard.heard_candidates(doc, _index(), [], [], in_scope) == gated


def test_a_name_run_into_a_word_is_read_and_a_long_word_stays() -> None:
    for text, want in (("thanksmorwenna for coming", ["thanksmorwenna"]), ("and everything remembered", [])):
        got = register_heard.heard_candidates(_BLANK(text), _index(), [], [], lambda _item: True)
        assert [text[c.start:c.end] for c in got] == want


# ------------------------------------------------------------------------------ sound-alikes: the view's space flags
@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(st.one_of(_RUN_WORDS, st.text(min_size=1, max_size=4)), _SPACES), max_size=12),
       st.booleans())
@example([("Roy", ""), ("-", ""), ("sin", " ")], False)
@example([("mac", "  "), ("allister", "\n")], True)
def test_space_after_each_word_as_the_tokens_say(parts: list[tuple[str, str]], lower: bool) -> None:
    text = "".join(w + sp for w, sp in parts)
    doc = _BLANK(text.lower() if lower else text)
    assert sound_alike.space_after(turn_view(doc)) == [bool(t.whitespace_) for t in doc]
