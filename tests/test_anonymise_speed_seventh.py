"""The seventh speed pass's faster ways answer exactly what the plain ways they replace answer.

Each is checked against a straightforward reference on generated input and on invented cases,
as :mod:`tests.test_anonymise_speed_sixth` does for the pass before.
"""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.tokens import Doc

from cmo_coder.anonymise import consistency
from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.folding import fold
from cmo_coder.anonymise.layers import (
    cues,
    name_lists,
    public_figures,
    public_named_bodies,
    register_shapes,
    said_identifiers,
    state,
    world_places,
)
from cmo_coder.anonymise.layers.context import looks_like_name, name_context
from cmo_coder.anonymise.layers.words import is_everyday
from cmo_coder.anonymise.lookup import Intervals, NameGate
from cmo_coder.anonymise.register import RegisterItem
from tests.fuzzing import fuzz_settings


# ------------------------------------------------------------------------------ world places, grouped by first letter
def _plain_world_pattern() -> re.Pattern[str]:
    """The world places' pattern as it was built before: one alternation of every listed name, in length order."""
    names = sorted(world_places.world_places(), key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+").replace("'", "['’]?") for n in names)
    return re.compile(r"(?i)(?<![\w'’.-])(?P<the>the\s+)?(?P<name>" + body + r")(?![\w-])(?!['’]\w\w)")


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[int, int], str | None]]:
    return [(m.span(), m.span("name"), m.group("the")) for m in pattern.finditer(text)]


_LISTED = sorted(world_places.world_places())
place_words = st.sampled_from([*_LISTED[::7], "the", "The", "we went to", "she lives in", "Road", "'s", "x", "-",
                               "  ", "\n", ".", "new", "south", "isle", "st", "los", "Costa", "del"])
casing = st.sampled_from([str, str.lower, str.upper, str.title])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(place_words, casing, st.sampled_from([" ", "", "-", ", ", " the "])), max_size=12))
@example([("new zealand", str.title, " "), ("the", str, " "), ("gambia", str, ".")])
def test_world_places_are_found_as_the_plain_alternation_finds_them(parts: list[tuple[str, object, str]]) -> None:
    text = "".join(case(word) + sep for word, case, sep in parts)  # type: ignore[operator]
    assert _matches(world_places._pattern(), text) == _matches(_plain_world_pattern(), text)


def test_world_places_on_invented_turns_cased_and_as_captions() -> None:
    plain = _plain_world_pattern()
    turns = [
        "We went to Tenerife last year, then the Algarve, and her son emigrated to New Zealand.",
        "he's from Zambia originally, Lusaka, and his mate Georgia said she'd been to the States",
        "the Bali Lounge on Kenya Road does a good curry, better than anything in Costa del Sol",
        "it's like benidorm in there on a friday, proper like magaluf",
        *(f"a week in {n} and then {n.upper()}, {n.title()}'s lovely." for n in _LISTED[::11]),
    ]
    for turn in turns:
        for text in (turn, turn.lower()):
            assert _matches(world_places._pattern(), text) == _matches(plain, text), text
    assert world_places.world_place_spans("We went to Tenerife last year.") == [(11, 19)]


# ------------------------------------------------------------------------------ registered shapes: words worth a look
def _shapes_as_before(doc: Doc, index: register_shapes.ShapeIndex, taken: list[tuple[int, int]], caseless: bool,
                      registered: frozenset[str]) -> list[Candidate]:
    """:func:`.register_shapes.shape_candidates` as it was: a ``Token`` made of every word of the turn."""
    rs = register_shapes
    out: list[Candidate] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    def add(s: int, e: int, item: RegisterItem, how: str, sure: bool) -> None:
        out.append(Candidate(s, e, item.category, "register", 1.0 if sure else 0.5, how, item_key=item.key))
        taken.append((s, e))

    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if not tok.text[:1].isalpha():
            i += 1
            continue
        if tok.lower_ in rs.PARTICLES and tok.whitespace_ and i + 1 < n and doc[i + 1].is_alpha:
            nxt = doc[i + 1]
            found = index.word(tok.text + nxt.text)
            if (found is not None and free(tok.idx, nxt.idx + len(nxt))
                    and f"{tok.lower_} {nxt.lower_}" not in registered):
                item, how = found
                sure = not is_everyday(nxt.lower_) or name_context(tok) or looks_like_name(nxt, caseless)
                add(tok.idx, nxt.idx + len(nxt), item, how, sure)
                i += 2
                continue
        word = rs._SUFFIX.sub("", tok.text)
        s, e = tok.idx, tok.idx + len(word)
        if free(s, e) and len(word) >= rs.MIN_PART and word.lower().replace("’", "'") not in registered:
            found = index.word(word)
            if found is not None and tok.lower_ not in rs.PARTICLES:
                item, how = found
                plural = how.startswith("with a trailing s")
                everyday = is_everyday(tok.lower_) or is_everyday(fold(tok.text))
                if not everyday:
                    add(s, e, item, how, True)
                elif plural:
                    if (not caseless and tok.text[:1].isupper() and name_context(tok)) or (
                            rs._possessive_shape(tok) and (caseless or tok.text[:1].isupper())):
                        add(s, e, item, how, False)
                elif name_context(tok) or looks_like_name(tok, caseless):
                    add(s, e, item, how, False)
            elif found is None and any(ch in word for ch in rs._JOINERS):
                part_of = index.inner_part(word)
                if part_of is not None:
                    add(s, e, part_of, "inside a word joined by an apostrophe or hyphen", True)
        i += 1
    return out


_SHAPE_ITEMS = [RegisterItem(f"register:person:{n}", n, "person", variants=(n,))
                for n in ("O'Driscoll", "DeAndre", "Kershaw", "De Souza", "Mark", "Marie", "Ming", "Grange",
                          "Sha'Kira")]
_SHAPE_INDEX = register_shapes.ShapeIndex((v, it) for it in _SHAPE_ITEMS for v in it.variants)
_SHAPE_REGISTERED = frozenset({"o'driscoll", "deandre", "kershaw", "de souza", "mark", "marie", "ming", "grange"})
shape_words = st.sampled_from(["odriscoll", "ODriscoll", "o", "driscoll", "O", "Driscolls", "de", "souza", "De",
                               "Souza", "desouza", "kershaws", "Kershaws", "kershaw's", "marks", "Marks", "Mark",
                               "Anne-Marie", "anne-marie", "Ah-Ming", "ming's", "Marie'll", "granges", "Sha'Kira",
                               "shakira", "De'Andre", "mc", "car", "van", "the", "full", "said", "Mrs", "-", "'",
                               "12", "Mc", "glinchey", "o'", "marie", "Deandres"])
_BLANK = spacy.blank("en")


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(shape_words, st.sampled_from([" ", " ", "", ", ", ". ", "\n"])), max_size=14),
       st.booleans(), st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=3))
@example([("o", " "), ("driscoll", " "), ("kershaws", " "), ("car", ".")], True, [])
@example([("Anne-Marie", " "), ("said", " "), ("De", " "), ("Souza", ".")], False, [(0, 4)])
def test_registered_shapes_are_found_as_the_plain_loop_finds_them(parts: list[tuple[str, str]], caseless: bool,
                                                                   taken: list[tuple[int, int]]) -> None:
    text = "".join(w + sep for w, sep in parts)
    doc = state.doc_of(_BLANK, text)
    spans = [(a, a + n) for a, n in taken]
    got = register_shapes.shape_candidates(doc, _SHAPE_INDEX, list(spans), caseless, lambda _: True,
                                           _SHAPE_REGISTERED)
    want = _shapes_as_before(doc, _SHAPE_INDEX, list(spans), caseless, _SHAPE_REGISTERED)
    assert _shape_rows(got) == _shape_rows(want)


def _shape_rows(cands: list[Candidate]) -> list[tuple[int, int, str | None, bool]]:
    return [(c.start, c.end, c.item_key, c.score == 1.0) for c in cands]


def test_registered_shapes_still_found_on_invented_turns() -> None:
    for text, caseless, first in (("we saw o driscoll and the Kershaws at Anne-Marie's", False, (7, 17)),
                                  ("then desouza rang about kershaws car", True, (5, 12))):
        doc = state.doc_of(_BLANK, text)
        got = register_shapes.shape_candidates(doc, _SHAPE_INDEX, [], caseless, lambda _: True, _SHAPE_REGISTERED)
        assert (got[0].start, got[0].end) == first, text
        assert _shape_rows(got) == _shape_rows(_shapes_as_before(doc, _SHAPE_INDEX, [], caseless, _SHAPE_REGISTERED))


# ------------------------------------------------------------------------------ lists of names: turns that can hold one
def _listed_as_before(doc: Doc) -> list[Candidate]:
    """:func:`.name_lists.listed_names` as it was: every turn's words walked for a list."""
    nl = name_lists
    caseless = nl.reads_as_captions(doc)
    people = Intervals((c.start, c.end) for c in state.candidates(doc) if c.category == "person")
    out: list[Candidate] = []
    for run in nl._runs(doc, people, caseless):
        kinds = [k for _, k in run]
        first, last = run[0][0], run[-1][0]
        before = doc[first.i - 1] if first.i > 0 else None
        after = next((t for t in doc[last.i + 1 :] if not t.is_space), None)
        if before is not None and before.lower_ in nl._PLACE_BEFORE:
            continue
        if after is not None and after.pos_ == "NOUN" and after.lower_ not in {"came", "went"}:
            continue
        if not (len(run) >= nl._MIN_MEMBERS or "person" in kinds) or kinds.count("me") > 1 or "name" not in kinds:
            continue
        out.extend(Candidate(t.idx, t.idx + len(t), "person", nl.LAYER, 0.7, nl.REASON) for t, k in run if k == "name")
    return out


list_words = st.sampled_from(["me", "I", "mags", "Mags", "rose", "Rose", "lily", "daisy", "Daisy", "pearl", "and",
                              "&", ",", "the", "crown", "bulbs", "came", "Kemi", "kemi", "will", "Dawn", "dawn",
                              "went", "a", "bunch", "of", "mum", "Faith", "myself", "us", "\n"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(list_words, st.sampled_from([" ", " ", ", ", " and "])), max_size=12),
       st.lists(st.integers(0, 11), max_size=2))
@example([("me", " "), ("mags", " and "), ("rose", " ")], [])
@example([("Kemi", " and "), ("Dawn", " came")], [0])
def test_lists_of_names_are_found_as_before(parts: list[tuple[str, str]], people: list[int]) -> None:
    text = "".join(w + sep for w, sep in parts)
    doc = state.doc_of(_BLANK, text)
    for k in people:
        if k < len(doc):
            state.candidates(doc).append(Candidate(doc[k].idx, doc[k].idx + len(doc[k]), "person", "ner", 0.8, "x"))
    assert name_lists.listed_names(doc) == _listed_as_before(doc)


def test_lists_of_names_still_found() -> None:
    for text in ("me mags and rose went", "Pearl, Lily and Daisy came round"):
        doc = state.doc_of(_BLANK, text)
        assert len(name_lists.listed_names(doc)) >= 2, text
    assert name_lists.listed_names(state.doc_of(_BLANK, "we had the rose and the crown")) == []


# ------------------------------------------------------------------------------ person cues: words a name may be
cue_words = st.sampled_from(["Tiago", "tiago", "KAI", "Jo", "jo", "mum", "Mum", "will", "Will", "Leeds", "leeds",
                             "hebden", "Hebden", "bridge", "Bridge", "the", "The", "a", "I", "i", "x", "mind", "Mind",
                             "NHS", "Seán", "seán", "stevo", "Supercalifragilistic", "it's", "O'Neil", "12", "-", ","])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(cue_words, st.sampled_from([" ", " ", ", ", ". ", ""])), max_size=14), st.booleans())
@example([("Tiago", " "), ("said", " "), ("Hebden", " "), ("Bridge", " ")], False)
@example([("mum", " "), ("and", " "), ("tiago", " "), ("will", " ")], True)
def test_person_cue_words_are_those_the_plain_walk_lets_through(parts: list[tuple[str, str]], caseless: bool) -> None:
    doc = state.doc_of(_BLANK, "".join(w + sep for w, sep in parts))
    component = cues.CuesComponent()
    got = [t.i for t in cues._may_be_names(doc, caseless) if component._word_ok(t, caseless)]
    want = [t.i for t in state.letter_words(doc, capitalised=not caseless) if component._word_ok(t, caseless)]
    assert got == want


def test_person_cue_words_on_invented_turns() -> None:
    doc = state.doc_of(_BLANK, "then Tiago and mum went to Hebden Bridge with Kai")
    component = cues.CuesComponent()
    got = [t.text for t in cues._may_be_names(doc, False) if component._word_ok(t, False)]
    assert got == ["Tiago", "Bridge", "Kai"]


# ------------------------------------------------------------------------------ the gate before the listed names
def _gated_lists() -> list[tuple[str, list[str], re.Pattern[str], NameGate]]:
    return [
        ("world places", sorted(world_places.world_places()), world_places._pattern(), world_places._gate()),
        ("full names", public_figures._full_names(), public_figures._full_name_pattern(),
         public_figures._full_name_gate()),
        ("bodies", list(public_named_bodies.listed_body_names()), public_named_bodies._pattern(),
         public_named_bodies._gate()),
    ]


_GATED = _gated_lists()
_SAMPLED = [n for _, names, _, _ in _GATED for n in names[::23]]
gate_words = st.sampled_from([*_SAMPLED, "the", "and", "o'", "al-", "-", "st.", "Mc", "x", "z", "12", "é", "ſ", "İ"])


def _marks_changed(name: str, how: int) -> str:
    """A name as speech or captions may write it: marks left out or changed, words glued, any casing."""
    return [name, name.replace("-", ""), name.replace("-", " "), name.replace("'", ""), name.replace("'", "’"),
            name.upper(), name.title(), name.lower().replace(" ", "  ")][how % 8]


@pytest.mark.fuzz
@fuzz_settings(400)
@given(st.lists(st.tuples(gate_words, st.integers(0, 7), st.sampled_from([" ", "", ", ", "-", ".", "'s ", "\n"])),
                max_size=8))
@example([("O'Brien Trust", 3, " ")])
def test_the_gate_is_open_wherever_a_listed_name_stands(parts: list[tuple[str, int, str]]) -> None:
    text = "".join(_marks_changed(w, how) + sep for w, how, sep in parts)
    for what, _, pattern, gate in _GATED:
        if pattern.search(text):
            assert gate.may_hold(text), (what, text)


def test_the_gate_on_every_listed_name_and_on_invented_turns() -> None:
    for what, names, pattern, gate in _GATED:
        for name in names:
            for how in range(8):
                text = f"we talked about {_marks_changed(name, how)} yesterday"
                if pattern.search(text):
                    assert gate.may_hold(text), (what, text)
    assert not world_places._gate().may_hold("we just had a quiet one at home this year")
    assert world_places._gate().may_hold("we went to tenerife")
    assert world_places.world_place_spans("we went to tenerife") == [(11, 19)]
    assert NameGate(["Éire Óg", "Nuffield Trust"]).may_hold("nothing here") is True  # no plain word: always open
    assert NameGate(["Al-Anon"]).may_hold("the alanon lot") is True
    assert NameGate(["Al-Anon"]).may_hold("an al anon meeting") is True
    assert NameGate(["Al-Anon"]).may_hold("a family do") is False
    assert NameGate(["Al-Anon Family Groups"]).may_hold("the alanon family groups") is True


# ------------------------------------------------------------------------------ identifiers: turns with no number
number_words = st.sampled_from(["one", "One", "ONE", "oh", "Oh", "double", "nineteen", "twenty", "s", "l", "b", "m",
                                "x",
                                "7", "12", "٣", "phone", "someone", "often", "the", "tenner", "ten", "fourteen", "é",
                                "dot", "com", "_one", "one_", "eighty", "naught", "nought"])


@pytest.mark.fuzz
@fuzz_settings(400)
@given(st.lists(st.tuples(number_words, st.sampled_from([" ", "", ", ", "-", ".", "_", "\n"])), max_size=10))
@example([("s", " "), ("l", " "), ("seventy", "")])
@example([("one", "_"), ("two", "")])
def test_turns_without_a_number_are_those_the_look_pattern_turns_away(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + sep for w, sep in parts)
    if said_identifiers._LOOK.search(text):
        assert said_identifiers._may_look(text), text


def test_turns_without_a_number_on_invented_turns() -> None:
    assert not said_identifiers._may_look("we went round to see her on the ward, she was lovely")
    assert said_identifiers._may_look("my number is oh seven seven double two")
    assert said_identifiers._may_look("room 12")
    assert said_identifiers._may_look("the reg was s l seventy")


# ------------------------------------------------------------------------------ repeats: a transcript's words read once
def _free_as_before(text: str, segments: list[tuple[int, int]], words: set[str], caseless: bool,
                    found: list[Candidate], protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """:func:`.consistency._free_occurrences` as it was: the transcript's words found again on every call (with
    the possessive read as its name, "Sky's")."""
    out: list[tuple[int, int]] = []
    if not words:
        return out
    taken = sorted((c.start, c.end) for c in found)
    for seg_start, seg_end in segments:
        for m in consistency._WORD.finditer(text, seg_start, seg_end):
            word = m.group(0)
            if not caseless and not word[:1].isupper():
                continue
            s, e = m.span()
            if word.lower() not in words:
                stem = re.sub(r"['’]s$", "", word.lower())  # "Sky's": the name without its possessive
                if stem == word.lower() or stem not in words:
                    continue
                e = s + len(stem)
            if any(a <= s and e <= b for a, b in taken) or any(a <= s and e <= b for a, b in protected):
                continue
            out.append((s, e))
    return out


repeat_words = st.sampled_from(["Mark", "mark", "Rob", "rob", "Leeds", "leeds", "the", "O'Neil", "anne-marie",
                                "Anne-Marie", "12", "é", "Zoë", "x", "said"])
transcripts = st.lists(st.tuples(repeat_words, st.sampled_from([" ", ", ", ".\n", "'s ", "-"])), max_size=16).map(
    lambda parts: "".join(w + sep for w, sep in parts))


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(transcripts, st.lists(st.integers(0, 80), max_size=4), st.booleans(),
                          st.lists(st.tuples(st.integers(0, 80), st.integers(1, 9)), max_size=3)), min_size=1,
                max_size=4),
       st.sets(st.sampled_from(["mark", "rob", "leeds", "o'neil", "anne-marie", "zoë", "said"]), max_size=4))
def test_free_occurrences_are_found_as_before(calls: list[tuple[str, list[int], bool, list[tuple[int, int]]]],
                                              words: set[str]) -> None:
    for text, cuts, caseless, spans in calls * 2:  # each transcript asked twice in turn, as the passes ask it
        bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
        segments = list(zip(bounds, bounds[1:], strict=False))
        found = [Candidate(a, a + n, "person", "ner", 0.8, "x") for a, n in spans]
        protected = [(a, a + n) for a, n in spans[:1]]
        got = list(consistency._free_occurrences(text, segments, words, caseless, found, protected))
        assert got == _free_as_before(text, segments, words, caseless, found, protected)


def test_free_occurrences_on_an_invented_transcript() -> None:
    text = "Mark came in.\nthen mark said Rob was off, Mark again"
    segments = [(0, 14), (14, len(text))]
    assert list(consistency._free_occurrences(text, segments, {"mark"}, False, [], [])) == [(0, 4), (42, 46)]
    assert list(consistency._free_occurrences(text, segments, {"mark"}, True, [], [(42, 46)])) == [(0, 4), (19, 23)]
