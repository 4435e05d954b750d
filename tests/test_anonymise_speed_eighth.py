"""The eighth speed pass's faster ways answer exactly what the plain ways they replace answer.

Each is checked against a straightforward reference (the code as it was before the pass) on generated input
and on invented cases, cased and as lower-cased captions, as :mod:`tests.test_anonymise_speed_seventh` does
for the pass before.
"""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from cmo_coder.anonymise import consistency
from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.layers import cues, facilities, register_shapes, slots, state
from cmo_coder.anonymise.layers.lexicon import LexiconComponent
from cmo_coder.anonymise.layers.words import place_names
from cmo_coder.anonymise.lookup import NameGate
from cmo_coder.anonymise.register import RegisterItem
from tests.fuzzing import fuzz_settings
from tests.test_anonymise_speed_equivalence import _doc, _sound_alikes_visiting_every_token, _sound_layer
from tests.test_anonymise_speed_seventh import _free_as_before

_BLANK = spacy.blank("en")


# ------------------------------------------------------------------------------ registered shapes: words worth a look
def _worth_a_look_as_before(doc: Doc, index: register_shapes.ShapeIndex) -> list[int]:
    """:func:`.register_shapes._worth_a_look` as it was: every word of the turn sliced and tested again."""
    rs = register_shapes
    text = state.text_of(doc)
    out = []
    for i, (idx, length) in enumerate(doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []):
        word = text[idx:idx + length]
        if not word[:1].isalpha():
            continue
        if word.lower() in rs.PARTICLES or any(ch in word for ch in rs._JOINERS):
            out.append(i)
            continue
        key = rs.squash(word)
        if key in index.exact or key in index.plural:
            out.append(i)
    return out


_ITEMS = [RegisterItem(f"register:person:{n}", n, "person", variants=(n,))
          for n in ("O'Driscoll", "DeAndre", "Kershaw", "De Souza", "Mark", "Zoë", "Sha'Kira", "Ngozi")]


def _index() -> register_shapes.ShapeIndex:
    return register_shapes.ShapeIndex((v, it) for it in _ITEMS for v in it.variants)


_ONE_INDEX = _index()  # shared by every example: the remembered verdicts must not go stale between turns
shape_words = st.sampled_from(["odriscoll", "ODriscoll", "o", "O", "driscoll", "Driscolls", "de", "De", "souza",
                               "desouza", "DeSouza", "kershaws", "KERSHAW", "kershaw's", "marks", "Mark", "zoe",
                               "Zoe", "Zoës", "zoës", "ngozis", "Ngozi", "Anne-Marie", "sha'kira", "shakira", "mc",
                               "van", "the", "said", "12", "-", "'", "’", "o’driscoll", "Ó", "élan", "Mrs", "car"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(st.one_of(shape_words, st.text(min_size=1, max_size=6)),
                          st.sampled_from([" ", "", ", ", ". ", "\n", "-"])), max_size=14),
       st.booleans())
@example([("o", " "), ("driscoll", " "), ("kershaws", " "), ("car", ".")], False)
@example([("Zoës", " "), ("DeSouza", ", "), ("Anne-Marie", " ")], True)
def test_words_worth_a_look_are_those_the_plain_walk_picks(parts: list[tuple[str, str]], lower: bool) -> None:
    text = "".join(w + sep for w, sep in parts)
    text = text.lower() if lower else text
    doc = state.doc_of(_BLANK, text)
    assert register_shapes._worth_a_look(doc, _ONE_INDEX) == _worth_a_look_as_before(doc, _ONE_INDEX)


def test_words_worth_a_look_on_invented_turns_cased_and_as_captions() -> None:
    index = _index()
    for text, want in (("we saw O Driscoll and the Kershaws with Sha'Kira", ["O", "Kershaws", "Sha'Kira"]),
                       ("we saw o driscoll and the kershaws with sha'kira", ["o", "kershaws", "sha'kira"]),
                       ("Zoës mum rang, not the car people", ["Zoës"]),
                       ("nothing to see here at all", [])):
        doc = state.doc_of(_BLANK, text)
        got = register_shapes._worth_a_look(doc, index)
        assert [doc[i].text for i in got] == want, text
        assert got == _worth_a_look_as_before(doc, index)
    assert register_shapes._worth_a_look(state.doc_of(_BLANK, ""), index) == []


def test_words_worth_a_look_once_the_remembered_verdicts_are_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    index = _index()
    monkeypatch.setattr(register_shapes, "_WORTH_MAX", 3)
    for text in ("de souza and the kershaws came", "then Mark said o driscoll was there", "no one at all"):
        doc = state.doc_of(_BLANK, text)
        assert register_shapes._worth_a_look(doc, index) == _worth_a_look_as_before(doc, index), text
        assert len(index.worth) <= max(3, len(set(doc.to_array("ORTH").tolist())))


# ------------------------------------------------------------------------------ name gates: a turn's runs read once
def _may_hold_as_before(gate: NameGate, text: str) -> bool:
    """:meth:`.lookup.NameGate.may_hold` as it was: the turn's runs found again by each gate."""
    if gate.forms is None or not text.isascii():
        return True
    return not gate.forms.isdisjoint(re.findall(r"[a-z0-9]+", text.lower()))


_GATES = [NameGate(["Nuffield Trust", "Al-Anon Family Groups"]), NameGate(["New Zealand", "O'Brien"]),
          NameGate(["Age UK", "12 Steps"])]
gate_words = st.sampled_from(["nuffield", "Nuffield", "trust", "alanon", "al-anon", "Al", "anon", "zealand",
                              "new", "obrien", "O'Brien", "o", "brien", "age", "UK", "12", "steps", "the", "café",
                              "x", "-", "'", "  ", "\n"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.lists(st.tuples(st.one_of(gate_words, st.text(max_size=4)), st.sampled_from([" ", "", ". "])),
                         max_size=8), max_size=5), st.lists(st.integers(0, 2), min_size=1, max_size=6))
@example([[("nuffield", " ")], [("the", " ")]], [0, 1, 2])
def test_gates_asked_in_turn_answer_as_each_did_alone(turns: list[list[tuple[str, str]]], order: list[int]) -> None:
    for words in turns:  # each turn asked by the gates in turn, some twice, as the layers do
        text = "".join(w + sep for w, sep in words)
        for k in order:
            assert _GATES[k].may_hold(text) is _may_hold_as_before(_GATES[k], text), (text, k)


def test_gates_on_invented_turns_cased_and_as_captions() -> None:
    for text, want in (("we went to the Nuffield Trust do", [True, False, False]),
                       ("we went to the nuffield trust do", [True, False, False]),
                       ("my cousin in New Zealand and Age UK", [False, True, True]),
                       ("my cousin in new zealand and age uk", [False, True, True]),
                       ("nothing here", [False, False, False]),
                       ("", [False, False, False])):
        for _ in range(2):  # asked again of the same text: the same answers
            assert [g.may_hold(text) for g in _GATES] == want, text


# ------------------------------------------------------------------------------ repeats: a possessive told by its end
possessive_words = st.sampled_from(["Sky's", "Sky’s", "sky's", "Skys", "Sky", "sky", "Kemi’s", "kemi's", "Kemi",
                                    "s", "'s", "’s", "the", "Anne-Marie's", "anne-marie’s", "Zoë's", "Ss", "Sky''s"])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(st.tuples(possessive_words, st.sampled_from([" ", ", ", ".\n", "-", "'"])), max_size=14),
       st.booleans(), st.sets(st.sampled_from(["sky", "kemi", "anne-marie", "zoë", "s", "skys"]), max_size=3))
@example([("Sky’s", " "), ("kemi's", " ")], True, {"sky", "kemi"})
def test_possessives_are_read_as_the_pattern_read_them(parts: list[tuple[str, str]], caseless: bool,
                                                       words: set[str]) -> None:
    text = "".join(w + sep for w, sep in parts)
    segments = [(0, len(text))]
    got = list(consistency._free_occurrences(text, segments, words, caseless, [], []))
    assert got == _free_as_before(text, segments, words, caseless, [], [])


def test_possessives_on_invented_turns_cased_and_as_captions() -> None:
    text = "Sky’s great and Sky's mum said skys"
    assert list(consistency._free_occurrences(text, [(0, len(text))], {"sky"}, False, [], [])) == [(0, 3), (16, 19)]
    low = text.lower()
    assert list(consistency._free_occurrences(low, [(0, len(low))], {"sky"}, True, [], [])) == [(0, 3), (16, 19)]


# ------------------------------------------------------------------------- facilities: parts of speech on first use
_POS = ["NOUN", "VERB", "AUX", "PROPN", "ADP", "DET", "ADJ", "PUNCT"]


def _pos_as_before(doc: Doc) -> dict[int, str]:
    """:func:`.facilities.pos_by_offset` as it was: every token's part of speech read for every turn."""
    return {t.idx: t.pos_ for t in doc}


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(st.tuples(st.sampled_from(["from", "Fresh", "start", "rang", "me", "the", "club", "was", ",", "x"]),
                          st.sampled_from(_POS), st.booleans()), max_size=12),
       st.lists(st.integers(-2, 80), max_size=6))
def test_parts_of_speech_read_on_first_use_are_those_read_at_once(words: list[tuple[str, str, bool]],
                                                                   asked: list[int]) -> None:
    doc = Doc(_BLANK.vocab, words=[w for w, _, _ in words], spaces=[s for _, _, s in words],
              pos=[p for _, p, _ in words])
    want = _pos_as_before(doc)
    lazy = facilities.pos_by_offset(doc)
    assert [lazy.get(k) for k in asked] == [want.get(k) for k in asked]
    assert [lazy.get(k, "") for k in asked] == [want.get(k, "") for k in asked]
    assert dict(lazy) == want and len(lazy) == len(want)


def test_facilities_with_parts_of_speech_on_invented_turns_cased_and_as_captions() -> None:
    for text in ("a worker from Fresh Start rang me", "a worker from fresh start rang me",
                 "we live on Farrow and it floods", "we live on farrow and it floods"):
        words = text.split()
        doc = Doc(_BLANK.vocab, words=words, pos=["VERB" if w in {"rang", "floods", "live"} else "NOUN"
                                                   for w in words])
        caseless = text.islower()
        assert (facilities.facility_spans(text, caseless, facilities.pos_by_offset(doc))
                == facilities.facility_spans(text, caseless, _pos_as_before(doc))), text


# ------------------------------------------------------------------------------ sound-alikes: the index asked first
said_words = st.sampled_from(["Mc", "mc", "Allister", "allister", "Shiv", "awn", "shivon", "Roy", "sin", "Roisin",
                              "neev", "Neeve", "nee", "ev", "obrien", "O'Brien", "siobhan", "Siobhán", "the", "Road",
                              "road", "ward", "um", "well", "seen", "owen", "Street", "and", "x", "-", "s", "i", "o"])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(st.tuples(said_words, st.sampled_from([" ", " ", "", ", ", "\n"])), max_size=16), st.booleans())
@example([("mc", " "), ("allister", " "), ("road", " ")], True)
@example([("Roy", " "), ("sin", " "), ("rang", ".")], False)
def test_sound_alikes_asked_of_the_index_first_are_those_every_token_finds(said: list[tuple[str, str]],
                                                                          lower: bool) -> None:
    layer = _sound_layer()
    text = "".join(w + sep for w, sep in said)
    text = text.lower() if lower else text
    doc = _doc(text)
    doc._.cmo_caseless = lower
    expected = _sound_alikes_visiting_every_token(layer, doc, lower)
    layer(doc)  # type: ignore[operator]
    assert state.candidates(doc) == expected


def test_sound_alikes_on_invented_turns_cased_and_as_captions() -> None:
    layer = _sound_layer()
    for text, lower, want in (("then Mc Allister rang, and Roy sin came", False, ["Mc Allister", "Roy sin"]),
                              ("then mc allister rang and roy sin came", True, ["mc allister", "roy sin"]),
                              ("we went down Mc Allister Road", False, [])):
        doc = _doc(text)
        doc._.cmo_caseless = lower
        layer(doc)  # type: ignore[operator]
        assert [text[c.start:c.end] for c in state.candidates(doc)] == want, text


# ------------------------------------------------------------------------------ place slots: a word judged once
def _slot_word_as_before(word: str, caseless: bool) -> bool:
    """The word test of :func:`.slots.slot_spans` as it was, asked again of every word of every turn."""
    low = word.lower()
    return not (not slots.unknown_word(word, caseless) or low in slots.LANGUAGES or low in slots.RECENT_WORDS
                or slots._public(low))


slot_words = st.sampled_from(["Pinderfields", "pinderfields", "Haddon", "haddon", "HADDON", "Tescos", "tescos",
                              "Leeds", "leeds", "Punjabi", "punjabi", "Morrisons", "Yesterday", "yesterday",
                              "Mark", "Gorseway", "gorseway", "Thursday", "Olwenfield"])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(st.tuples(st.one_of(slot_words, st.text(alphabet="abcdefgjkrstwxyzABGKWé", min_size=5,
                                                        max_size=9)), st.booleans()), max_size=12))
def test_slot_words_remembered_are_judged_as_before(words: list[tuple[str, bool]]) -> None:
    for word, caseless in words * 2:  # asked again: the remembered answer
        assert slots._slot_word(word, caseless) is _slot_word_as_before(word, caseless), (word, caseless)


def test_place_slots_on_invented_turns_cased_and_as_captions() -> None:
    for text, caseless, want in (("I was in Pinderfields for a month", False, ["Pinderfields"]),
                                 ("i was in pinderfields for a month", True, ["pinderfields"]),
                                 ("we got it from Tescos on the way", False, []),
                                 ("she moved out to little haddon last year", True, ["little haddon"])):
        for _ in range(2):
            assert [text[s:e] for s, e, _ in slots.slot_spans(text, caseless)] == want, text


def test_a_gate_vouches_by_a_word_that_is_no_stop_word_and_stays_open_wherever_the_name_stands() -> None:
    gate = NameGate(["From The Bridge", "The Samaritans", "See Me"])
    assert gate.forms is not None and {"bridge", "samaritans"} <= gate.forms
    assert "from" not in gate.forms and "the" not in gate.forms
    assert gate.may_hold("we came from the shop") is False
    for text in ("i went to From The Bridge", "i went to from the bridge", "The Samaritans rang",
                 "see me lot", "SEE ME", "the samaritans' line"):
        assert gate.may_hold(text) is True, text


# ------------------------------------------------------------------------------ the lexicon: given names picked first
def _lexicon_as_before(layer: LexiconComponent, doc: Doc) -> list[Candidate]:
    """:meth:`.lexicon.LexiconComponent.__call__` as it was: a ``Token`` made of every word for its three tests."""
    caseless = state.caseless_doc(doc)
    out = list(layer._coordinated(doc, caseless))
    i = 0
    while i < len(doc):
        tok = doc[i]
        if not layer._is_given(tok, caseless):
            if layer._from_a_team(tok, caseless):
                out.append(Candidate(tok.idx, tok.idx + len(tok), "person", "lexicon", 0.7,
                                     "given name + where they work"))
                i += 1
                continue
            if i + 1 < len(doc) and layer._first_and_surname(tok, doc[i + 1], caseless):
                nxt = doc[i + 1]
                out.append(Candidate(tok.idx, nxt.idx + len(nxt), "person", "lexicon", 0.7, "given name + surname"))
                i += 2
                continue
            i += 1
            continue
        end = i + 1
        while (end < len(doc) and end - i < 3 and doc[end - 1].whitespace_
               and layer._is_surname(doc[end], caseless, first=end == i + 1)):
            end += 1
        out.append(Candidate(tok.idx, doc[end - 1].idx + len(doc[end - 1]), "person", "lexicon", 0.7,
                             "known given name"))
        i = end
    return out


lexicon_words = st.sampled_from(["Mark", "mark", "Conley", "conley", "Sandy", "sandy", "Cooper", "Tiago", "tiago",
                                 "Oyelaran", "oyelaran", "Rose", "rose", "from", "the", "housing", "team", "May",
                                 "may", "June", "Séan", "séan", "Dazza", "dazza", "and", "Grace", "grace", "I", "x",
                                 "12", ",", "Piken", "Brown", "MARK", "said"])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(st.tuples(lexicon_words, st.sampled_from(["NOUN", "PROPN", "VERB", "ADJ", "ADP", "DET", ""]),
                          st.booleans()), max_size=14), st.booleans())
@example([("Mark", "PROPN", True), ("from", "ADP", True), ("the", "DET", True), ("housing", "NOUN", True),
          ("team", "NOUN", False)], False)
@example([("grace", "NOUN", True), ("oyelaran", "NOUN", True), ("said", "VERB", False)], True)
def test_the_lexicon_finds_what_the_walk_of_every_token_found(words: list[tuple[str, str, bool]],
                                                              caseless: bool) -> None:
    layer = LexiconComponent(_BLANK)
    doc = Doc(_BLANK.vocab, words=[w for w, _, _ in words] or [""][:0], spaces=[s for _, _, s in words],
              pos=[p or "X" for _, p, _ in words])
    doc._.cmo_caseless = caseless
    want = _lexicon_as_before(layer, doc)
    layer(doc)
    assert state.candidates(doc) == want


def test_the_lexicon_on_invented_turns_cased_and_as_captions() -> None:
    layer = LexiconComponent(_BLANK)
    for text, caseless in (("then Tiago and Sandy Cooper came with Mark from the housing team", False),
                           ("then tiago and sandy cooper came with mark from the housing team", True),
                           ("we may go in June", False)):
        doc = state.doc_of(_BLANK, text)
        doc._.cmo_caseless = caseless
        want = _lexicon_as_before(layer, doc)
        layer(doc)
        assert state.candidates(doc) == want, text
        found = [text[c.start:c.end].lower() for c in want]
        assert ("tiago" in found) is (not text.startswith("we")), text  # "may", "June": calendar words, no one


# ------------------------------------------------------------------------------ person cues: a word judged once
def _may_be_names_as_before(doc: Doc, caseless: bool) -> list[int]:
    """:func:`.cues._may_be_names` as it was: each word's lower case looked up in the lists on every turn."""
    text, strings = state.text_of(doc), doc.vocab.strings
    out = []
    for i, (idx, low_id, alpha, stop) in enumerate(doc.to_array(["IDX", "LOWER", "IS_ALPHA", "IS_STOP"]).tolist()
                                                   if len(doc) else []):
        if not alpha or stop or (not caseless and not text[idx:idx + 1].isupper()):
            continue
        low = strings[low_id]
        if len(low) < 2 or len(low) > 15 or low in cues._NEVER or low in cues._MODAL or low in place_names():
            continue
        out.append(i)
    return out


cue_words = st.sampled_from(["Tiago", "tiago", "Leeds", "leeds", "Mum", "mum", "Would", "would", "I", "X", "Eun",
                             "eun", "Honestly", "Supercalifragilistic", "Jo", "jo", "the", "said", "Kai", "Monday"])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(st.tuples(cue_words, st.sampled_from([" ", ", ", ". ", "\n"])), max_size=14), st.booleans())
def test_cue_words_judged_once_are_those_judged_every_turn(parts: list[tuple[str, str]], lower: bool) -> None:
    text = "".join(w + sep for w, sep in parts)
    text = text.lower() if lower else text
    for _ in range(2):  # asked again: the remembered answers
        doc = state.doc_of(_BLANK, text)
        assert [t.i for t in cues._may_be_names(doc, lower)] == _may_be_names_as_before(doc, lower)


def test_cue_words_on_invented_turns_cased_and_as_captions() -> None:
    for text, lower, want in (("then Tiago rang Mum from Leeds", False, ["Tiago"]),
                              ("then tiago rang mum from leeds", True, ["tiago", "rang"])):
        doc = state.doc_of(_BLANK, text)
        assert [t.text for t in cues._may_be_names(doc, lower)] == want, text
