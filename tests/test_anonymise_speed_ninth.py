"""The ninth speed pass: the shared per-turn view, and each layer moved onto it, answer exactly as before.

Each replaced walk is checked against a straightforward reference (the code as it was before the pass) on
generated turns and on invented ones, cased and as lower-cased captions, as
:mod:`tests.test_anonymise_speed_eighth` does for the pass before. Docs are built word by word with parts of
speech and entities of the test's choosing, so the layers' tests of those are exercised without the model.
"""

from __future__ import annotations

from collections.abc import Callable
from unittest import mock

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.layers import register_near, state, word_people
from cmo_coder.anonymise.layers.register_near import NearIndex
from cmo_coder.anonymise.layers.turn_view import holds_any, turn_view
from cmo_coder.anonymise.register import RegisterItem, person_variants
from tests.fuzzing import fuzz_settings

_BLANK = spacy.blank("en")
_POS = ["NOUN", "PROPN", "VERB", "ADJ", "PRON", "DET", "ADP", "AUX", "INTJ", "", "SPACE", "PUNCT"]
_ENTS = [None, None, None, "PERSON", "GPE", "ORG"]


def _built(parts: list[tuple[str, str, str, str | None]], lower: bool) -> Doc:
    """A doc of the given words, spaces after, parts of speech and one-word entities; lower-cased as a caption."""
    words = [w.lower() if lower else w for w, _, _, _ in parts]
    doc = Doc(_BLANK.vocab, words=words, spaces=[sp == " " for _, sp, _, _ in parts])
    for tok, (_, _, pos, _) in zip(doc, parts, strict=True):
        if pos:  # "": left untagged, as a turn no tagger read
            tok.pos_ = pos
    doc.ents = [Span(doc, i, i + 1, label=label) for i, (_, _, _, label) in enumerate(parts) if label]
    doc.user_data[state._TEXT_KEY] = doc.text
    return doc


# ------------------------------------------------------------------------------ the view itself
view_words = st.sampled_from(["Mark", "mark", "the", "O'Brien", "rang", "Leeds", "12", ",", ".", "é", "Zoë", "\n",
                              "um", "ANNE", "kowalczyk", "mac", "in", "tosh"])
view_parts = st.lists(st.tuples(st.one_of(view_words, st.text(min_size=1, max_size=5)), st.sampled_from([" ", ""]),
                                st.sampled_from(_POS), st.sampled_from([None])), max_size=14)


@pytest.mark.fuzz
@fuzz_settings(300)
@given(view_parts, st.booleans())
@example([("Mark", " ", "PROPN", None), ("\n", "", "SPACE", None), ("rang", "", "VERB", None)], False)
def test_the_view_reads_what_each_token_says(parts: list[tuple[str, str, str, str | None]], lower: bool) -> None:
    try:
        doc = _built(parts, lower)
    except ValueError:
        return  # spaCy refuses a word list it cannot make a doc of (an empty word): nothing to compare
    view = turn_view(doc)
    assert view.texts == [t.text for t in doc]
    assert view.lowers == [t.lower_ for t in doc]
    assert view.starts == [t.idx for t in doc]
    assert view.lengths == [len(t) for t in doc]
    assert view.alpha == [t.is_alpha for t in doc]
    assert view.stop == [t.is_stop for t in doc]
    assert view.space == [t.is_space for t in doc]
    assert view.pos() == [t.pos_ for t in doc]
    assert view.words == {t.lower_ for t in doc}
    assert turn_view(doc) is view  # kept on the doc
    for word in ("mark", "the", "zoë", "nobody"):
        assert holds_any(doc, frozenset({word})) == any(t.lower_ == word for t in doc)


# ------------------------------------------------------------------------------ close forms and heard names
def _near_as_before(doc: Doc, index: NearIndex, taken: list[tuple[int, int]], caseless: bool,
                    in_scope: Callable[[RegisterItem], bool]) -> list[Candidate]:
    """:func:`.register_near.near_candidates` as it was: a ``Token`` of every word, every test asked of each."""
    rn = register_near
    out: list[Candidate] = []
    spans = list(taken)

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in spans)

    words = [t for t in doc if not t.is_space]
    i = 0
    while i < len(words):
        tok = words[i]
        s, e = tok.idx, tok.idx + len(tok)
        if (rn._plain_word(tok) and len(tok) >= rn.MIN_CLOSE and tok.lower_ not in index.forms and free(s, e)
                and rn._seldom_lower(tok.lower_) and (caseless or rn._written_as_a_name(tok))
                and not rn._named_itself(tok)):
            item = index.close(tok.text, in_scope)
            if item is not None:
                sure = not (rn.in_dictionary(tok.lower_) or rn.is_everyday(tok.lower_))
                out.append(rn._candidate(s, e, item, "close to a registered name part", sure))
                spans.append((s, e))
                i += 1
                continue
        heard = rn._heard_run(words, i, index, caseless, in_scope, free)
        if heard is not None:
            end, item, loose = heard
            s, e = tok.idx, words[end - 1].idx + len(words[end - 1])
            sure = not loose and not any(rn.in_dictionary(w.lower_) or rn.is_everyday(w.lower_) for w in words[i:end])
            out.append(rn._candidate(s, e, item, "a registered name heard as several words", sure))
            spans.append((s, e))
            i = end
            continue
        i += 1
    return out


def _person(name: str) -> RegisterItem:
    return RegisterItem(key=f"register:person:{name.lower()}", surface=name, category="person",
                        variants=tuple(person_variants(name)))


_NEAR = NearIndex([_person(n) for n in ("Anna Kowalczyk", "Ewan Mackintosh", "Siobhan Dunleavy", "Ifeoma Okonkwo",
                                        "Zoë Grzelak")])
_NO_HEARD = NearIndex([_person(n) for n in ("Al Bo", "Jo Li")])  # no name long enough to be heard as words
near_words = st.sampled_from(["Kowalcyk", "kowalcyk", "kowalczyk", "mac", "in", "tosh", "Mac", "done", "levy", "Done",
                              "Levy", "okonkwoh", "Okonkwoh", "grzelack", "the", "and", "he", "said", "um", "Anna",
                              "anna", "ewan", "Mackintosh", "dunleavy", "ifeoma", "Grzelack", "Zoe", "oh", "\n", ".",
                              "wood", "bard", "Al", "bo", "jo", "lee", "Lie"])
near_parts = st.lists(st.tuples(near_words, st.sampled_from([" ", " ", ""]), st.sampled_from(_POS),
                                st.sampled_from(_ENTS)), max_size=14)


def _everyone(item: RegisterItem) -> bool:
    return True


@pytest.mark.fuzz
@fuzz_settings(300)
@given(near_parts, st.booleans(), st.booleans(), st.lists(st.integers(0, 60), max_size=4))
@example([("mac", " ", "NOUN", None), ("in", " ", "ADP", None), ("tosh", " ", "NOUN", None)], True, True, [])
@example([("Kowalcyk", " ", "PROPN", None), ("said", "", "VERB", None)], False, True, [])
@example([("done", " ", "VERB", None), ("levy", " ", "NOUN", None)], True, False, [3])
def test_close_and_heard_names_are_those_every_token_finds(parts: list[tuple[str, str, str, str | None]],
                                                          lower: bool, heard_index: bool,
                                                          taken_at: list[int]) -> None:
    doc = _built(parts, lower)
    index = _NEAR if heard_index else _NO_HEARD
    taken = [(a, a + 3) for a in taken_at]
    assert register_near.near_candidates(doc, index, taken, lower, _everyone) == _near_as_before(
        doc, index, taken, lower, _everyone)


def test_close_and_heard_names_on_invented_turns_cased_and_as_captions() -> None:
    for words, lower, want in (
            (["then", "Kowalcyk", "rang"], False, ["Kowalcyk"]),
            (["then", "kowalcyk", "rang"], True, ["kowalcyk"]),
            (["it", "was", "mac", "in", "tosh", "again"], True, ["mac in tosh"]),
            (["it", "was", "mack", "in", "toshe", "again"], True, ["mack in toshe"]),  # 11 letters of 10: near the most
            (["we", "went", "to", "the", "wood"], True, []),  # stays: no registered name is near
            (["he", "said", "done"], True, [])):
        doc = _built([(w, " ", "NOUN", None) for w in words], lower)
        got = register_near.near_candidates(doc, _NEAR, [], lower, _everyone)
        text = state.text_of(doc)
        assert [text[c.start:c.end] for c in got] == want, words
        assert got == _near_as_before(doc, _NEAR, [], lower, _everyone)


# ------------------------------------------------------------------------------ layers skipped by their trigger words
def _ungated(module: object, name: str, call: Callable[[], object]) -> object:
    """What ``call`` answers with the gate ``module.name`` letting every turn through: the walk as it was."""
    with mock.patch.object(module, name, lambda *args: True):
        return call()


people_words = st.sampled_from(["Storm", "storm", "and", "her", "his", "their", "brother", "mum", "rang", "asked",
                                "told", "she", "he", "she'd", "came", "was", "went", "Kemi", "kemi", "rose", "Price",
                                "price", "if", "so", "then", "the", "we", ",", ".", "\n", "x"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(people_words, st.sampled_from([" ", " ", ""]), st.sampled_from(_POS),
                          st.sampled_from([None])), max_size=14), st.booleans())
@example([("storm", " ", "NOUN", None), ("and", " ", "CCONJ", None), ("her", " ", "PRON", None),
          ("brother", " ", "NOUN", None)], True)
@example([("rang", " ", "VERB", None), ("Kemi", " ", "PROPN", None), ("and", " ", "CCONJ", None),
          ("she", " ", "PRON", None)], False)
@example([("so", " ", "ADV", None), ("rose", " ", "PROPN", None), ("she", " ", "PRON", None),
          ("came", " ", "VERB", None)], True)
def test_word_people_skipped_by_trigger_words_would_have_found_nothing(
        parts: list[tuple[str, str, str, str | None]], lower: bool) -> None:
    doc = _built(parts, lower)
    doc._.cmo_caseless = lower
    assert word_people.word_people(doc) == _ungated(word_people, "_may_hold", lambda: word_people.word_people(doc))


def test_word_people_on_invented_turns_cased_and_as_captions() -> None:
    for words, lower, want in ((["then", "Storm", "and", "her", "brother", "came"], False, ["Storm"]),
                               (["then", "storm", "and", "her", "brother", "came"], True, ["storm"]),
                               (["i", "rang", "kemi", "and", "she", "said"], True, ["kemi"]),
                               (["the", "storm", "and", "the", "rain", "came"], True, [])):  # stays: no frame
        doc = _built([(w, " ", "PROPN" if w in {"Storm", "storm", "kemi"} else "NOUN", None) for w in words], lower)
        doc._.cmo_caseless = lower
        got = word_people.word_people(doc)
        text = state.text_of(doc)
        assert [text[c.start:c.end] for c in got] == want, words
