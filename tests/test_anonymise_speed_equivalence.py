"""The anonymiser's faster look-ups answer exactly what the plain ways they replace answer.

Each faster function is checked against a straightforward reference on generated input: the
grouped regex alternation against the plain one, the token index against a scan of every token,
and the layers that now visit only the tokens beside a listed word against the same layer visiting
every token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.tokens import Doc, Token

from cmo_coder.anonymise.layers import club_context, platform_context, public_figures, state
from cmo_coder.anonymise.lookup import by_first_letter
from cmo_coder.anonymise.occurrences import _form_regex
from tests.fuzzing import fuzz_settings

NLP = spacy.blank("en")


# ------------------------------------------------------------------------------ grouped alternation
name_words = st.text(alphabet="aAbBkKéÉ'’-0", min_size=1, max_size=4)
names = st.lists(st.lists(name_words, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=12)
noise = st.sampled_from([" ", " ", " ", "  ", "\n", ", ", "-", "'", "x", "K", "ſ", "K", "İ", "1"])


def _text_of(draw_names: list[str], parts: list[tuple[int, str]]) -> str:
    return "".join(draw_names[i % len(draw_names)] + sep for i, sep in parts)


@pytest.mark.fuzz
@fuzz_settings(300)
@given(names, st.lists(st.tuples(st.integers(0, 20), noise), max_size=15), st.booleans(), st.booleans())
@example(["Ab", "ac"], [(1, " ")], False, True)  # two cases of one letter: one group only without case
@example(["Azzz", "ab c", "Ab"], [(1, " ")], True, True)  # one group for both cases, in the old order
def test_grouped_alternation_matches_as_the_plain_one(found: list[str], parts: list[tuple[int, str]],
                                                      ignore_case: bool, public: bool) -> None:
    """Both ways the project builds alternatives (a public figure's full name, a registered form),
    ordered as they are built, with the boundaries they are compiled with."""
    alternatives = [public_figures._name_regex(n) if public else _form_regex(n)
                    for n in sorted(set(found), key=lambda n: (-len(n), n))]
    alternatives = [a for a in alternatives if a]
    if not alternatives:
        return
    flags = re.IGNORECASE if ignore_case else 0
    plain = re.compile(r"(?<![\w'’-])(?:" + "|".join(alternatives) + r")(?![\w-])", flags)
    grouped = re.compile(r"(?<![\w'’-])(?:" + by_first_letter(alternatives, ignore_case) + r")(?![\w-])", flags)
    text = _text_of(found + [n.upper() for n in found] + [n.lower() for n in found], parts)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_grouped_alternation_keeps_order_and_falls_back() -> None:
    # the first alternative that lets the whole pattern match wins, as in the plain alternation
    assert re.fullmatch("(?:" + by_first_letter(["ab", "abc", "b"], False) + ")c", "abc")
    assert by_first_letter(["ab", "Ac", "b"], True) == "a(?:b|c)|b(?:)"
    assert by_first_letter(["ab", "Ac"], False) == "a(?:b)|A(?:c)"
    for odd in (["ab", r"\d"], ["ab", "a?b"], ["ab", "x|y"], ["ab", "éa"]):
        assert by_first_letter(odd, True) == "|".join(odd)


# ------------------------------------------------------------------------------ the token index
vocabulary = st.sampled_from(["Whitty", "whitty", "Javid", "and", "with", "my", "Leeds", "leeds", "United", "the",
                              "app", "download", "Flo", "on", "Depop", "sold", "it", "news", "Prof", "Black",
                              "’s", "'s", ".", ",", "Docobo", "box", "log", "into", "Patchs", "fans", "v",
                              "hebden", "Bridge", "Sharon", "\n", "WHITTY", "review", "under", "Cameron"])
texts = st.lists(vocabulary, max_size=30).map(" ".join)


def _doc(text: str) -> Doc:
    return NLP(text)


@pytest.mark.fuzz
@fuzz_settings(300)
@given(texts, st.frozensets(vocabulary.map(str.lower), max_size=6))
def test_token_index_finds_what_a_scan_finds(text: str, words: frozenset[str]) -> None:
    doc = _doc(text)
    assert [t.i for t in state.tokens_among(doc, words)] == [t.i for t in doc if t.lower_ in words]
    assert state.indices_among(doc, words) == [t.i for t in doc if t.lower_ in words]


def _every_token(doc: Doc, words: frozenset[str]) -> Iterator[Token]:
    return (t for t in doc if t.lower_ in words)


@pytest.mark.fuzz
@fuzz_settings(300)
@given(texts)
def test_layers_visiting_listed_words_find_what_a_visit_of_every_token_finds(text: str) -> None:
    doc = _doc(text)
    fast = (public_figures.surname_spans(doc), club_context.club_spans(doc),
            platform_context.platform_spans(doc, False), platform_context.platform_spans(doc, True),
            public_figures.echo_spans(doc, {"whitty", "javid"}))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(public_figures, "tokens_among", _every_token)
        mp.setattr(club_context, "tokens_among", _every_token)
        mp.setattr(platform_context, "indices_among", lambda d, words: list(range(len(d))))
        plain = (public_figures.surname_spans(doc), club_context.club_spans(doc),
                 platform_context.platform_spans(doc, False), platform_context.platform_spans(doc, True),
                 public_figures.echo_spans(doc, {"whitty", "javid"}))
    assert fast == plain


def test_layers_still_find_their_words() -> None:
    """The index is not merely equal to a scan that finds nothing: each layer keeps a real case."""
    assert public_figures.surname_spans(_doc("I saw Whitty on the news last night."))
    assert club_context.club_spans(_doc("He supports Leeds and always has."))
    assert platform_context.platform_spans(_doc("I sold my bike on Depop last week."), False)
    assert platform_context.platform_spans(_doc("Then download Flo and you are set."), False)


@pytest.mark.fuzz
@fuzz_settings(300)
@given(texts, st.booleans())
def test_letter_words_are_the_words_a_scan_lets_through(text: str, capitalised: bool) -> None:
    doc = _doc(text)
    assert [t.i for t in state.letter_words(doc, capitalised)] == [
        t.i for t in doc if t.is_alpha and not t.is_stop and (not capitalised or t.text[:1].isupper())]
