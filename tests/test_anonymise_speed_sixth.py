"""The sixth speed pass's faster ways answer exactly what the plain ways they replace answer.

Each is checked against a straightforward reference on generated input and on invented cases,
as :mod:`tests.test_anonymise_speed_equivalence` does for the passes before.
"""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.tokens import Doc

from cmo_coder.anonymise.candidates import Suspicion
from cmo_coder.anonymise.layers import (
    facility_cues,
    public_figures,
    public_medicines,
    public_named_bodies,
    slots,
    state,
)
from cmo_coder.anonymise.lookup import by_first_letter
from tests.fuzzing import fuzz_settings

# ------------------------------------------------------------------------------ a digit leads a group
name_words = st.text(alphabet="aAbB09'’-", min_size=1, max_size=4)
names = st.lists(st.lists(name_words, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=10)
noise = st.sampled_from([" ", "  ", "\n", ", ", "-", "'", "x", "1", "a"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(names, st.lists(st.tuples(st.integers(0, 20), noise), max_size=15), st.booleans())
@example(["0a b", "0a", "a0"], [(0, " "), (1, ", "), (2, "1")], True)
@example(["12 Steps", "1a"], [(0, " "), (1, " ")], False)
def test_alternatives_led_by_digits_match_as_the_plain_alternation(found: list[str], parts: list[tuple[int, str]],
                                                                   ignore_case: bool) -> None:
    alternatives = [public_figures._name_regex(n) for n in sorted(set(found), key=lambda n: (-len(n), n))]
    alternatives = [a for a in alternatives if a]
    if not alternatives:
        return
    flags = re.IGNORECASE if ignore_case else 0
    plain = re.compile(r"(?<![\w'’-])(?:" + "|".join(alternatives) + r")(?![\w-])", flags)
    grouped = re.compile(r"(?<![\w'’-])(?:" + by_first_letter(alternatives, ignore_case) + r")(?![\w-])", flags)
    said = found + [n.upper() for n in found] + [n.lower() for n in found]
    text = "".join(said[i % len(said)] + sep for i, sep in parts)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_digit_leads_a_group_and_odd_heads_still_fall_back() -> None:
    assert by_first_letter([r"12\s+Steps", "ab", "1a"], True) == r"1(?:2\s+Steps|a)|a(?:b)"
    for odd in (["ab", r"\d"], ["ab", "1?b"], ["ab", "x|y"], ["ab", "éa"], ["ab", "٣a"]):
        assert by_first_letter(odd, True) == "|".join(odd)


def test_listed_bodies_are_found_as_the_plain_alternation_finds_them() -> None:
    """The real list (853 names, one led by a digit) on invented turns, cased and as captions."""
    listed = public_named_bodies.listed_body_names()
    plain = re.compile(r"(?<![\w'’-])(?:" + "|".join(public_figures._name_regex(n) for n in listed)
                       + r")(?![\w-])", re.IGNORECASE)
    turns = [
        "I went to the 12 Steps meeting and then Al-Anon, my cousin Deri Malone came too.",
        "she rang the Nuffield Trust and the Howard League about it, then the Terrence Higgins Trust",
        "we did the 12 steps thing at the church hall and 112 steps up to the flat",
        "Carol Black and the Paul Hamlyn Foundation funded it, said Ms Ifeoma Tansley",
        *(f"we had {n} round and {n.lower()} again, {n.upper()}." for n in listed[::17]),
    ]
    for turn in turns:
        got = public_named_bodies.listed_body_spans(turn)
        assert got == [m.span() for m in plain.finditer(turn)], turn
    assert public_named_bodies.listed_body_spans("off to the 12 Steps group") == [(11, 19)]


# ------------------------------------------------------------------------------ a facility's kind, patterns made once
def _category_as_before(verb: str, kind: str) -> str:
    """The way :func:`.facility_cues._category` read a kind before: kinds merged, sorted and searched each call."""
    from cmo_coder.anonymise.layers.facilities import HEADS

    said = " ".join(kind.lower().replace("’", "'").split())
    for head, category in sorted({**HEADS, **facility_cues._KIND_CATEGORY}.items(), key=lambda h: (-len(h[0]), h[0])):
        if re.search(r"(?<![\w'’-])" + re.escape(head) + r"$", said):
            return category
    return facility_cues._category(verb, "")  # the verb's reading, the same code after the kinds


kind_words = st.sampled_from(["day centre", "centre", "home", "care home", "club", "the", "bakery", "Hostel", "lot",
                              "housing association", "association", "x-home", "o'club", "shop", "agency", "\n", "’s",
                              "pub", "surgery", "works", "  ", "GARAGE", "caff", "cafe", "bridge club", "-", "ward"])
verbs = st.sampled_from(["goes to", "works at", "referred by", "support from", "went down", "from", "helped by"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(verbs, st.lists(kind_words, max_size=4).map(" ".join))
@example("goes to", "the day centre")
@example("works at", "x-home")
def test_a_facilitys_kind_is_read_as_before(verb: str, kind: str) -> None:
    assert facility_cues._category(verb, kind) == _category_as_before(verb, kind)


# ------------------------------------------------------------------------------ slots: the word before the slot
def _a_slot_word(word: str, caseless: bool) -> bool:
    low = word.lower()
    return not (low in slots.LANGUAGES or low in slots.RECENT_WORDS or slots._public(low)
                or not slots.unknown_word(word, caseless))


def _slot_spans_as_before(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """:func:`.slots.slot_spans` as it read before: each word's slot searched for before the word was looked up."""
    out: list[tuple[int, int, str]] = []
    for m in slots._WORD.finditer(text):
        start = m.start()
        prefix = slots._PLACE_PREFIX.search(text, max(0, start - 12), start)
        if prefix is not None and (caseless or prefix.group(1)[:1].isupper()):
            start = prefix.start(1)
        before = text[max(0, start - 40) : start]
        if not (slots._SLOT_BEFORE.search(before) or slots._RESIDENT_ON.search(before)) \
                or slots._PRESCRIBED.search(before):
            continue
        word = m.group(0)
        if not _a_slot_word(word, caseless):
            continue
        end = m.end()
        while (nxt := re.match(r" ([^\W\d_]{4,})(?![\w'’-])", text[end:])) is not None \
                and (caseless or nxt.group(1)[:1].isupper()) and _a_slot_word(nxt.group(1), caseless):
            end += nxt.end()  # a place of several words no dictionary holds ("in Whitmore Reans") is one
        out.append((start, end, "place"))
    out.extend(slots.house_spans(text, caseless))
    if "royal" in text.lower() or "general" in text.lower() or "infirmary" in text.lower():
        for m in slots._HOSPITAL_WORDS.finditer(text):
            name = m.group(1)
            if not caseless and not any(w[:1].isupper() for w in name.split()[1:]):
                continue
            if slots._HOSPITAL_AFTER.match(text[m.end() : m.end() + 20]):
                out.append((m.start(1) + len("the") + 1, m.end(1), "hospital"))
    return out


said_words = st.sampled_from(["in", "at", "to", "the", "from", "into", "lives", "on", "switched", "moved", "little",
                              "Little", "harrowmead", "Harrowmead", "brackenridge", "Wrenbeck", "urdu", "lockdown",
                              "tescos", "morning", "sertraline", "hewell", "north", "went", "i", "was", "for", "a",
                              "month", "leeds", "Bristol", ",", ".", "\n", "orchard", "grange", "royal", "general"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(said_words, max_size=25).map(" ".join), st.booleans())
@example("i was in harrowmead for a month", True)
@example("in harrowmead harrowmead", True)
@example("She moved out to Little Wrenbeck in lockdown", False)
def test_slot_words_are_found_as_before(text: str, caseless: bool) -> None:
    said = text.lower() if caseless else text
    assert slots.slot_spans(said, caseless) == _slot_spans_as_before(said, caseless)


def test_slot_words_still_found() -> None:
    assert slots.slot_spans("i was in harrowmead for a month", True) == [(9, 19, "place")]
    assert slots.slot_spans("she moved out to little wrenbeck", True) == [(17, 32, "place")]
    assert slots.slot_spans("they switched her to sertraline in the morning", True) == []


# ------------------------------------------------------------------------------ a turn's flags without ``doc._``
class _CaseFlagAsBefore:
    """:class:`.state.CaseFlag` as it set a turn's flags before: through ``doc._``."""

    def __init__(self, override: bool | None) -> None:
        self.override = override

    def __call__(self, doc: Doc) -> Doc:
        given = doc.user_data.get(state._TEXT_KEY)
        text = doc.text if given is None else given
        doc._.cmo_text = text
        own = doc.user_data.get(state._CASELESS_KEY)
        doc._.cmo_caseless = (own if own is not None else state.is_caseless(text) if self.override is None
                              else self.override)
        doc._.cmo_candidates = []
        doc._.cmo_suspicions = []
        return doc


NLP = spacy.blank("en")
flags = st.sampled_from([None, True, False])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.text(alphabet="aAbB zZ.,'\n", max_size=60), flags, flags, st.booleans())
@example("hello there my friend how are you doing", None, None, True)
@example("Hello there My Friend", None, None, False)
def test_a_turns_flags_are_set_and_read_as_through_doc_underscore(text: str, override: bool | None,
                                                                  own: bool | None, given: bool) -> None:
    fresh, old = (state.doc_of(NLP, text, own) if given else NLP.make_doc(text) for _ in range(2))
    if not given and own is not None:
        fresh.user_data[state._CASELESS_KEY] = old.user_data[state._CASELESS_KEY] = own
    flag = state.CaseFlag()
    flag.override = override
    flag(fresh)
    _CaseFlagAsBefore(override)(old)
    assert fresh.user_data == old.user_data
    assert fresh._.cmo_text == old._.cmo_text == text
    assert fresh._.cmo_caseless == old._.cmo_caseless
    assert state.caseless_doc(fresh) == bool(old._.cmo_caseless)
    assert state.candidates(fresh) is fresh._.cmo_candidates
    assert state.suspicions(fresh) is fresh._.cmo_suspicions
    state.suspicions(fresh).append(Suspicion(0, 0, "x"))
    assert fresh._.cmo_suspicions == [Suspicion(0, 0, "x")]


def test_flags_read_where_no_flag_was_set() -> None:
    """A doc no pipeline ran on: no flag is caseless, and the lists are made as ``doc._`` made them."""
    doc = NLP.make_doc("what the layers may be asked of a bare doc")
    assert state.caseless_doc(doc) is False
    assert state.suspicions(doc) == [] and state.suspicions(doc) is doc._.cmo_suspicions
    doc._.cmo_caseless = True
    assert state.caseless_doc(doc) is True


def test_the_byname_layer_finds_the_register_layer_where_it_runs() -> None:
    from cmo_coder.anonymise.layers.bynames import BynamesComponent

    nlp = spacy.blank("en")
    layer = BynamesComponent(nlp)
    assert layer._register() is None
    nlp.add_pipe("cmo_register")
    assert layer._register() is nlp.get_pipe("cmo_register")


# ------------------------------------------------------------------------------ the words before a medicine
def _before_as_before(lows: list[str], i: int) -> bool:
    """:func:`.public_medicines._before` as it read before: every row sliced and compared."""
    for row in public_medicines.BEFORE:
        words = (row,) if isinstance(row, str) else row
        if tuple(lows[max(0, i - len(words)) : i]) == words:
            return True
    return False


medicine_context = st.sampled_from(["prescribed", "withdrawal", "from", "weaned", "off", "mg", "of", "dose", "doses",
                                    "course", "script", "for", "overdosed", "on", "buccolam", "the", "my", "50", ""])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(medicine_context, max_size=8), st.integers(-2, 10))
@example(["withdrawal", "from", "zimovane"], 2)
@example(["from", "zimovane"], 1)
def test_words_before_a_medicine_are_read_as_before(lows: list[str], i: int) -> None:
    i = min(i, len(lows))
    if i < 0:
        i = 0
    assert public_medicines._before(lows, i) == _before_as_before(lows, i)
