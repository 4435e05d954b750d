"""The turn's table of offsets (``turn_view``) answers exactly as the spaCy calls it replaces.

- :meth:`TurnView.char_tokens` and :func:`turn_view.char_span` against ``doc.char_span`` in its three alignment
  modes, for every character span of generated turns (line breaks, runs of spaces, punctuation, contractions),
  spans that run off either end or backwards included;
- :meth:`TurnView.before` and :meth:`TurnView.after`, and ``context.word_before`` / ``word_after`` built on them,
  against the plain walk over ``Token.is_space`` they replaced;
- the layers moved onto the table (the public runs, the private mentions, a registered name's next word) on
  invented turns, with what must be found found and what must stay kept.

Every name, place and sentence here is invented for the project.
"""

from __future__ import annotations

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.tokens import Doc, Token

from cmo_coder.anonymise.layers import context
from cmo_coder.anonymise.layers.public_runs import runs
from cmo_coder.anonymise.layers.turn_view import char_span, char_tokens, turn_view
from cmo_coder.anonymise.pipeline import Anonymiser
from tests.fuzzing import fuzz_settings

_BLANK = spacy.blank("en")

_PIECES = st.sampled_from(["Morwenna", "tregear", "said", "my", "cousin", "Darren", "'s", "can't", "\n", "\n\n",
                           "  ", " ", ",", ".", "?", "Dr.", "St", "Ynys-Wen", "(", ")", "o'brien", "—", "x", "9",
                           "£5", "e-mail", "\t", "NHS", "'", "’s"])


def _text(pieces: list[str]) -> str:
    return " ".join(pieces)


def _plain_tokens(doc: Doc, start: int, end: int, mode: str) -> tuple[int, int] | None | type[Exception]:
    try:
        span = doc.char_span(start, end, alignment_mode=mode)
    except Exception as error:  # spaCy's own answer to a reversed range: the table must give the same
        return type(error)
    return None if span is None else (span.start, span.end)


def _table_tokens(doc: Doc, start: int, end: int, mode: str) -> tuple[int, int] | None | type[Exception]:
    try:
        return char_tokens(doc, start, end, mode)
    except Exception as error:
        return type(error)


@fuzz_settings(200)
@given(st.lists(_PIECES, max_size=14))
@example(["Morwenna", "\n", "tregear"])
@example(["  ", "x", "  "])
@example([])
def test_char_tokens_are_char_span_for_every_span_and_mode(pieces: list[str]) -> None:
    doc = _BLANK(_text(pieces))
    n = len(doc.text)
    for mode in ("strict", "contract", "expand"):
        for start in range(-2, n + 3):
            for end in range(start - 2, min(n + 3, start + 24)):
                assert _table_tokens(doc, start, end, mode) == _plain_tokens(doc, start, end, mode), (mode, start,
                                                                                                      end)


@fuzz_settings(100)
@given(st.lists(_PIECES, min_size=1, max_size=12), st.data())
def test_char_span_is_the_same_span(pieces: list[str], data: st.DataObject) -> None:
    doc = _BLANK(_text(pieces))
    n = len(doc.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n + 1))
    mode = data.draw(st.sampled_from(["strict", "contract", "expand"]))
    try:
        plain = doc.char_span(start, end, alignment_mode=mode)
    except Exception:
        return
    mine = char_span(doc, start, end, mode)
    assert (mine is None) == (plain is None)
    if plain is not None and mine is not None:
        assert (mine.start, mine.end, mine.text, mine.label_) == (plain.start, plain.end, plain.text, plain.label_)


def test_an_unknown_mode_is_spacys_error() -> None:
    doc = _BLANK("my cousin Darren")
    with pytest.raises(ValueError):
        doc.char_span(0, 2, alignment_mode="wide")
    with pytest.raises(ValueError):
        char_tokens(doc, 0, 2, "wide")


def test_token_at_holds_a_tokens_trailing_space() -> None:
    doc = _BLANK("thanks  Morwenna\nyes")
    view = turn_view(doc)
    assert [view.token_at(c) for c in range(len(doc.text))] == [
        next(t.i for t in doc if t.idx <= c < t.idx + len(t.text_with_ws)) for c in range(len(doc.text))]
    assert view.token_at(-1) == -1 and view.token_at(len(doc.text)) == -1


# ------------------------------------------------------------------------------ words before and after
def _plain_before(token: Token, n: int = 1) -> Token | None:
    doc, i = token.doc, token.i
    while n:
        i -= 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0:
            return None
        n -= 1
    return doc[i]


def _plain_after(token: Token, n: int = 1) -> Token | None:
    doc, i = token.doc, token.i
    while n:
        i += 1
        while i < len(doc) and doc[i].is_space:
            i += 1
        if i >= len(doc):
            return None
        n -= 1
    return doc[i]


def _index(tok: Token | None) -> int:
    return -1 if tok is None else tok.i


@fuzz_settings(200)
@given(st.lists(_PIECES, min_size=1, max_size=14))
@example(["\n", "\n\n", "x"])
@example(["me", "and", "\n", "kwame", "went"])
def test_words_around_are_the_plain_walk(pieces: list[str]) -> None:
    doc = _BLANK(_text(pieces))
    for tok in doc:
        for n in range(4):
            assert _index(context.word_before(tok, n)) == _index(_plain_before(tok, n))
            assert _index(context.word_after(tok, n)) == _index(_plain_after(tok, n))


def test_a_caption_break_is_skipped_between_the_words() -> None:
    doc = _BLANK("me and\nkwame went")
    kwame = doc[3]
    assert kwame.text == "kwame"
    before = context.word_before(kwame)
    after = context.word_after(kwame)
    assert before is not None and before.text == "and"
    assert after is not None and after.text == "went"
    assert context.word_before(doc[0]) is None and context.word_after(doc[-1]) is None


# ------------------------------------------------------------------------------ layers moved onto the table
def test_public_runs_widen_and_trim_as_before() -> None:
    doc = _BLANK("We saw the Ynys Wen Players at the Morwenna Hall's gig")
    text = doc.text
    a = text.index("Wen")
    b = a + len("Wen")
    assert runs(doc, [(a, b)], caseless=False) == [(2 + 1, 6)]  # "Ynys Wen Players", no "the"
    h = text.index("Hall")
    assert [(doc[s].text, doc[e - 1].text) for s, e in runs(doc, [(h, h + 4)], caseless=False)] == [
        ("Morwenna", "Hall")]
    assert runs(doc, [(text.index("gig"), len(text))], caseless=True) == [(len(doc) - 1, len(doc))]
    assert runs(doc, [(len(text) + 5, len(text) + 9)], caseless=False) == []


def test_spans_off_the_turn_are_none() -> None:
    doc = _BLANK("hello there")
    assert char_span(doc, 20, 25, "expand") is None
    assert char_tokens(doc, 0, 40, "expand") is None
    span = char_span(doc, 1, 8, "expand")
    assert span is not None and span.text == "hello there"
    contracted = char_span(doc, 1, 11, "contract")
    assert contracted is not None and contracted.text == "there"


# ------------------------------------------------------------------------------ cues: words no cue takes
def _cue_words() -> list[str]:
    from cmo_coder.anonymise.layers.caption_names import common_given, plain_familiar
    from cmo_coder.anonymise.layers.cues import listed_given

    words = ["the", "dawn", "summer", "mags", "kel", "stevo", "release", "mind", "fella", "jo", "bo", "kai", "eun",
             "tiago", "sunshine", "chuck", "will", "may", "commentary", "seán", "mairéad", "storm", "rob", "mark",
             "zorvexa", "trelawnyth", "bank", "banks", "pushpa", "grace", "hope", "x", "ok"]
    for group in (listed_given(), common_given(), plain_familiar()):
        ordered = sorted(group)
        words += ordered[:: max(1, len(ordered) // 60)]
    return words


_CUE_POS = ["NOUN", "PROPN", "VERB", "ADJ", "ADV", "PRON", "DET", "ADP", "AUX", "INTJ", "X"]


@fuzz_settings(150)
@given(st.data())
def test_a_word_no_cue_takes_gets_no_cue_in_any_reading(data: st.DataObject) -> None:
    from cmo_coder.anonymise.layers import cues

    low = data.draw(st.sampled_from(_cue_words()))
    caseless = data.draw(st.booleans())
    if not cues._no_cue_takes(low, caseless):
        return
    for pos in _CUE_POS:
        doc = Doc(_BLANK.vocab, words=["so", low, "said"], pos=["ADV", pos, "VERB"])
        tok = doc[1]
        assert not cues.CuesComponent._cues_for(tok, caseless), (low, pos, caseless)
        assert not (caseless and cues._word_name(tok)), (low, pos, caseless)


def test_the_words_no_cue_takes_and_those_it_may() -> None:
    from cmo_coder.anonymise.layers import cues

    assert cues._no_cue_takes("release", True) and cues._no_cue_takes("release", False)
    assert not cues._no_cue_takes("tiago", True)  # a listed given name: any cue
    assert not cues._no_cue_takes("dawn", True)  # a word name in captions
    assert not cues._no_cue_takes("zorvexa", False)  # on no list and no dictionary: the people cues, cased
    assert cues._no_cue_takes("release", True) is cues._no_cue_takes("release", True)  # judged once


def test_called_before_any_word_still_makes_a_person_in_captions() -> None:
    from cmo_coder.anonymise.layers.context import called_at, may_be_called

    doc = _BLANK("a carer called precious came and\nher name was\nhope")
    for tok in doc:
        assert called_at(doc, tok.i) == may_be_called(tok)
    assert called_at(doc, 3) and called_at(doc, len(doc) - 1)


_CAPTION_PIECES = st.sampled_from([
    "a carer called", "her name was", "my mate", "auntie", "thanks", "i told", "me and", "and i", "said",
    "came round", "'s mum", "was like no way", "dawn", "summer", "mags", "release", "our", "kel", "tiago", "marisol",
    "femi", "the ward", "sertraline", "yeah", "um", "it was", "who sorted it", "from the hostel", "and", "rob",
    "banks", "we call her", "he", "she said", "\n"])


@pytest.mark.fuzz
@fuzz_settings(40)
@given(st.lists(_CAPTION_PIECES, min_size=1, max_size=9).map(" ".join), st.booleans())
@example("thanks dawn and me and kel went", True)
@example("our mags said release the form", True)
@example("Our Kel said Tiago came round", False)
def test_the_cues_propose_the_same_with_the_word_gate_open(anon: Anonymiser, text: str, caseless: bool) -> None:
    """The whole pipeline proposes the same with :func:`cues._no_cue_takes` and with every word let through."""
    from unittest import mock

    from cmo_coder.anonymise.layers import cues
    from cmo_coder.anonymise.layers.state import candidates

    turn = text.lower() if caseless else text

    def proposed() -> list[tuple[int, int, str, str, str]]:
        doc = anon.docs([turn], caseless=caseless)[0]
        return [(c.start, c.end, c.category, c.layer, c.reason) for c in candidates(doc)]

    gated = proposed()
    with mock.patch.object(cues, "_no_cue_takes", lambda low, caseless: False):
        assert proposed() == gated


# ------------------------------------------------------------------------------ bynames: a caption's letters
def test_a_captions_letter_gate_leaves_out_i_and_a() -> None:
    from cmo_coder.anonymise.layers import bynames

    initials: dict[str, list[object]] = {"a": [], "i": [], "t": []}
    alone = bynames._letters_alone(initials)  # type: ignore[arg-type]
    assert alone == frozenset({"t"})
    assert bynames._letters_alone(initials) is alone  # type: ignore[arg-type]  # kept for the same table
    assert not bynames._says_an_initial(_BLANK("i went to a shop"), alone)
    assert bynames._says_an_initial(_BLANK("i went to a shop"), initials)  # cased text reads "I" and "A"
    assert bynames._says_an_initial(_BLANK("then big t came"), alone)
    fresh: dict[str, list[object]] = {"a": [], "k": []}
    assert bynames._letters_alone(fresh) == frozenset({"k"})  # type: ignore[arg-type]  # another table, anew
