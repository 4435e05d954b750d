"""Work the layers had grown to do per word, per turn or per transcript, now done once where its answer allows,
answering exactly as before.

- a word's close registered name parts (``register_near.NearIndex.close``): compared with the register once per
  word, the scope asked per transcript;
- the registered people the letter forms read (``bynames.BynamesComponent._registered_people``): gathered once
  per register, not once per transcript;
- a sound-alike's neighbour (``sound_alike._another_name``): the listed names asked before the registered
  person's words are made;
- the club kinds' gate (``club_talk.club_kind_spans``): each kind's first word split once, not per turn;
- the tokenizer's cache (``pipeline.TOKENIZER_CACHE``): room for more chunks than spaCy's default, the same tokens.

Each is checked against a copy of the code it replaced, on generated input and across several transcripts'
scopes in turn. Every name here is invented for the project.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from cmo_coder.anonymise import pipeline
from cmo_coder.anonymise.layers import club_talk, register_near, sound_alike
from cmo_coder.anonymise.layers.bynames import BynamesComponent
from cmo_coder.anonymise.layers.register_near import NearIndex
from cmo_coder.anonymise.register import RegisterItem
from tests.fuzzing import fuzz_settings

_PEOPLE = [
    RegisterItem("label:P1", "Morwenna Tregear", "person", "[P1]", ("Morwenna Tregear", "Morwenna", "Tregear")),
    RegisterItem("label:P2", "Oluwaseun Adebayo", "person", "[P2]", ("Oluwaseun Adebayo", "Oluwaseun", "Adebayo")),
    RegisterItem("label:P3", "Kowalczyk", "person", "[P3]", ("Kowalczyk",), scope="int01"),
    RegisterItem("label:P4", "Tregearth", "person", "[P4]", ("Tregearth",), scope="int02"),
    RegisterItem("label:P5", "Tregeare", "person", "[P5]", ("Tregeare",), scope="int01"),
    RegisterItem("label:P6", "Barbara Ferriday", "person", "[P6]", ("Barbara Ferriday", "Barbara", "Ferriday")),
]
"""Invented people, three scoped to one transcript each, two close in spelling to another's surname."""


def _scope(transcript: str | None) -> Callable[[RegisterItem], bool]:
    return lambda item: item.scope is None or transcript is None or item.scope == transcript


def _close_before(index: NearIndex, word: str, in_scope: Callable[[RegisterItem], bool]) -> RegisterItem | None:
    """The plain walk :meth:`NearIndex.close` replaced: every part of the letter, in scope, compared."""
    low = register_near.fold(word)
    if len(low) < register_near.MIN_CLOSE or low in index.own:
        return None
    best: tuple[float, RegisterItem] | None = None
    for part, item in index.parts.get(low[0], ()):
        if not in_scope(item):
            continue
        score = fuzz.ratio(low, part)
        if score >= register_near.CLOSE_SIMILARITY and (best is None or score > best[0]):
            best = (score, item)
    return best[1] if best else None


_PIECES = st.sampled_from(["mor", "wenna", "tre", "gear", "geare", "gearth", "kowal", "czyk", "czik", "oluwa",
                           "seun", "ade", "bayo", "barb", "ara", "ferri", "day", "k", "o", "a", "Tre", "É"])


@fuzz_settings(300)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=4).map("".join), min_size=1, max_size=6),
       st.lists(st.sampled_from([None, "int01", "int02", "int03"]), min_size=1, max_size=4))
@example(["tregeer", "kowalczik"], ["int01", "int02", "int01", None])
@example(["Tregearr", "tregeer"], ["int02", "int01"])
def test_close_parts_kept_per_word_answer_as_the_plain_walk(words: list[str], transcripts: list[str | None]) -> None:
    """One index asked the same words under several transcripts' scopes in turn answers as the plain walk."""
    index = NearIndex(_PEOPLE)
    for transcript in transcripts:
        in_scope = _scope(transcript)
        for word in words:
            assert index.close(word, in_scope) == _close_before(index, word, in_scope)


def test_a_word_is_compared_with_the_parts_once(monkeypatch: Any) -> None:
    index = NearIndex(_PEOPLE)
    calls: list[tuple[str, str]] = []

    class Counting:
        @staticmethod
        def ratio(a: str, b: str) -> float:
            calls.append((a, b))
            return float(fuzz.ratio(a, b))

    monkeypatch.setattr(register_near, "fuzz", Counting)
    # the closest in scope differs by transcript: the scoped Tregeare in int01, the scoped Tregearth in int02
    assert [index.close("Tregearte", _scope(t)).key for t in ("int01", "int02", "int03")] == [  # type: ignore[union-attr]
        "label:P5", "label:P4", "label:P1"]
    assert len(calls) == len({c for c in calls}) > 0  # each part compared with the word once, in the first ask
    assert index.close("Zzzzzz", _scope(None)) is None


# ------------------------------------------------------------------------------------------ bynames' people
class _CountingItems(dict[str, list[RegisterItem]]):
    """A register's table of forms that counts how often it is walked."""

    walks = 0

    def values(self) -> Any:
        type(self).walks += 1
        return super().values()


class _Register:
    """What :meth:`BynamesComponent._initials` reads of the register layer."""

    def __init__(self, items: dict[str, list[RegisterItem]]) -> None:
        self.items = items
        self.transcript_id: str | None = None

    def _in_scope(self, items: list[RegisterItem]) -> list[RegisterItem]:
        return [i for i in items if i.scope is None or self.transcript_id is None or i.scope == self.transcript_id]


def _forms(people: list[RegisterItem]) -> _CountingItems:
    items = _CountingItems()
    for item in people:
        for form in item.variants:
            items.setdefault(form.lower(), []).append(item)
    return items


def _initials_before(reg: _Register) -> dict[str, list[RegisterItem]]:
    """The table :meth:`BynamesComponent._initials` made per transcript before, from every form again."""
    out: dict[str, list[RegisterItem]] = {}
    people = {id(item): item for group in dict.values(reg.items) for item in group if item.category == "person"}
    for item in reg._in_scope(list(people.values())):
        for letter in dict.fromkeys(word[0].lower() for word in item.surface.split() if word[:1].isalpha()):
            out.setdefault(letter, []).append(item)
    return out


def test_the_registered_people_are_gathered_once_per_register() -> None:
    layer = BynamesComponent.__new__(BynamesComponent)
    reg = _Register(_forms(_PEOPLE))
    _CountingItems.walks = 0
    for transcript in ("int01", "int02", None, "int01", "int03"):
        reg.transcript_id = transcript
        assert layer._initials(reg) == _initials_before(reg)  # type: ignore[arg-type]
    assert _CountingItems.walks == 1
    # another register: its own people, gathered again
    reg.items = _forms(_PEOPLE[:2] + [RegisterItem("label:P9", "Yestin Quarrie", "person", "[P9]", ("Quarrie",))])
    reg.transcript_id = "int01"
    got = layer._initials(reg)  # type: ignore[arg-type]
    assert got == _initials_before(reg)  # type: ignore[arg-type]
    assert [i.key for i in got["q"]] == ["label:P9"] and "k" not in got
    assert _CountingItems.walks == 2


# ------------------------------------------------------------------------------------------ a sound-alike's neighbour
def test_a_neighbour_no_list_holds_makes_no_set_of_the_persons_words(monkeypatch: Any) -> None:
    doc = spacy.blank("en")("then Tregear and Kenny came")
    asked: list[str] = []
    real = sound_alike.item_words

    def counting(item: RegisterItem) -> frozenset[str]:
        asked.append(item.key)
        return real(item)

    monkeypatch.setattr(sound_alike, "item_words", counting)
    item = _PEOPLE[0]
    plain = [not (not t.is_alpha or t.lower_ in real(item) or t.lower_ not in sound_alike.listed_names())
             and (t.text[:1].isupper()) for t in doc]
    got = [sound_alike._another_name(t, item, False) for t in doc]
    assert got == plain
    listed = [t.lower_ for t in doc if t.is_alpha and t.lower_ in sound_alike.listed_names()]
    assert len(asked) == len(listed) < len(doc)


# ------------------------------------------------------------------------------------------ the club kinds' gate
@fuzz_settings(200)
@given(st.text(alphabet=st.sampled_from(list("abcdeilmnorstuwfg '’-\nAB")), max_size=40)
       | st.lists(st.sampled_from([*club_talk.CLUB_KINDS, "the", "went", "to", "cons", "sports"]), max_size=5
                  ).map(" ".join))
def test_the_club_kinds_gate_answers_as_the_split_per_turn(text: str) -> None:
    low = text.lower()
    before = any(k.split()[0] in low for k in club_talk.CLUB_KINDS)
    assert any(first in low for first in club_talk._KIND_FIRSTS) is before
    if not before:
        assert club_talk.club_kind_spans(text, True) == []


# ------------------------------------------------------------------------------------------ the tokenizer's cache
_SMALL = spacy.blank("en")
_SMALL.tokenizer.max_cache_size = 0  # keeps nothing: every chunk split afresh
_BIG = spacy.blank("en")
_BIG.tokenizer.max_cache_size = pipeline.TOKENIZER_CACHE


def test_the_pipeline_keeps_more_chunks_than_spacys_default() -> None:
    assert pipeline.TOKENIZER_CACHE > 10_000
    assert pipeline.build_language(None).tokenizer.max_cache_size == pipeline.TOKENIZER_CACHE


@fuzz_settings(200)
@given(st.lists(st.sampled_from(["don't", "can't", ":)", "U.K.", "Dr.", "o'brien", "Mary's", "(he", "you,",
                                 "a&e", "3pm", "e-mail", "\n", "  ", "ſ", "Tregear", "i'm", "gonna", "K"]),
                max_size=12).map(" ".join))
def test_a_kept_chunk_is_tokenised_as_a_fresh_one(text: str) -> None:
    """spaCy keeps what it made of a chunk; with room for more the tokens of every text, said twice, are the same
    as a tokenizer that keeps nothing makes."""
    def tokens(nlp: Any) -> list[tuple[str, str, str]]:
        return [(t.text, t.whitespace_, t.norm_) for t in nlp.make_doc(text)]

    fresh = tokens(_SMALL)
    assert tokens(_BIG) == fresh
    assert tokens(_BIG) == fresh
