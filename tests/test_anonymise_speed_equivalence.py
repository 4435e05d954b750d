"""The anonymiser's faster look-ups answer exactly what the plain ways they replace answer.

Each faster function is checked against a straightforward reference on generated input: the
grouped regex alternation against the plain one, the token index against a scan of every token,
and the layers that now visit only the tokens beside a listed word against the same layer visiting
every token.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.tokens import Doc, Token

from cmo_coder.anonymise.candidates import Candidate, shifted
from cmo_coder.anonymise.layers import (
    club_context,
    context,
    facilities,
    labels,
    ner,
    platform_context,
    public_context,
    public_figures,
    state,
    words,
)
from cmo_coder.anonymise.lookup import by_first_letter
from cmo_coder.anonymise.occurrences import _form_regex
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.pronunciation import SoundIndex
from cmo_coder.anonymise.register import RegisterItem, build_register, common_word_names, person_variants
from cmo_coder.model.key import ParticipantKey
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


# ------------------------------------------------------------------------------ caption re-casing
def _recase_by_tokens(doc: Doc, stop: frozenset[str]) -> str:
    """The re-casing as it read every ``Token`` of the turn: the reference for :func:`ner.recase`."""
    lex, firsts, places = words.name_lexicon("all"), words.name_lexicon("first"), words.place_names()
    common = common_word_names()
    chars = list(doc.text)
    previous_first = False
    for tok in doc:
        low = tok.lower_
        sent_start = tok.i == 0 or doc[tok.i - 1].text in {".", "?", "!"}
        plain = low not in stop and low not in common and tok.pos_ not in state.FUNCTION_POS and tok.is_alpha
        given = (low in firsts and low not in stop and low not in common and tok.is_alpha
                 and tok.pos_ not in state.NEVER_NAME_POS)
        in_place = low in places or (tok.i + 1 < len(doc) and f"{low} {doc[tok.i + 1].lower_}" in places) or (
            tok.i > 0 and f"{doc[tok.i - 1].lower_} {low}" in places)
        up = (low == "i" or sent_start or given
              or (tok.is_alpha and not tok.is_stop and in_place)
              or (tok.pos_ == "PROPN" and plain)
              or (low in lex and context.name_context(tok) and not context.takes_object(tok))
              or (low in lex and tok.is_alpha and low not in stop and not words.is_everyday(low))
              or (previous_first and (plain or (tok.is_alpha and low not in stop and not words.is_everyday(low)))))
        if up and not sent_start and low != "i" and low not in places and tok.i \
                and doc[tok.i - 1].lower_ in ner._DETERMINERS and words.is_everyday(low):
            up = given = False
        previous_first = given
        if up and tok.text[:1].isalpha():
            chars[tok.idx] = chars[tok.idx].upper()
    return "".join(chars)


caption_words = st.sampled_from(["mark", "brian", "nagel", "kamen", "okafor", "leeds", "hebden", "bridge", "great",
                                 "ayton", "the", "our", "a", "i", "told", "thanks", "hi", "to", "with", "spoke",
                                 "page", "said", ".", "?", ",", "seán", "’s", "2", "-", "\n", "will", "rose", "went",
                                 "london", "ÉMILE", "x"])
tags = st.sampled_from(["", "PROPN", "NOUN", "VERB", "ADJ", "ADV", "DET", "PRON", "ADP", "AUX", "INTJ", "PUNCT"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(caption_words, tags), max_size=25))
@example([("hi", "INTJ"), ("brian", "ADJ"), ("nagel", "VERB"), ("the", "DET"), ("page", "NOUN")])
@example([("told", "VERB"), ("mark", "NOUN"), ("in", "ADP"), ("hebden", "PROPN"), ("bridge", "NOUN")])
def test_recase_from_arrays_recases_as_a_visit_of_every_token(tagged: list[tuple[str, str]]) -> None:
    doc = _doc(" ".join(w for w, _ in tagged))
    for tok, tag in zip(doc, [t for _, t in tagged], strict=False):
        if tag and not tok.is_space:
            tok.pos_ = tag
    stop = frozenset(NLP.Defaults.stop_words)
    assert ner.recase(doc, stop) == _recase_by_tokens(doc, stop)


def test_recase_still_capitalises() -> None:
    doc = _doc("hi brian nagel we went to hebden bridge")
    assert ner.recase(doc, NLP.Defaults.stop_words).startswith("Hi Brian")


# ------------------------------------------------------------------------------ per-turn arrays
def _name_runs_by_tokens(doc: Doc, caseless: bool) -> list[tuple[int, int]]:
    allnames = words.name_lexicon("all")
    out = []
    i = 0
    while i < len(doc):
        j = i
        while (j < len(doc) and j - i < 3
               and (doc[j].lower_ in allnames if caseless else doc[j].text[:1].isupper())
               and public_context._name_shaped(doc, j, caseless)):
            j += 1
        if j > i:
            out.append((doc[i].idx, doc[j - 1].idx + len(doc[j - 1])))
            i = j
        else:
            i += 1
    return out


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(caption_words | vocabulary, max_size=25), st.booleans())
def test_turn_arrays_answer_as_tokens_do(said: list[str], caseless: bool) -> None:
    """Name runs, lower-cased words, parts of speech by offset and the kept text, each against the
    ``Token`` by ``Token`` way."""
    text = " ".join(said)
    doc = state.doc_of(NLP, text)
    assert doc.text == text and state.text_of(doc) == text
    for tok, tag in zip(doc, ["PROPN", "VERB", "NOUN", "ADJ"] * 10, strict=False):
        tok.pos_ = tag
    assert public_context.name_runs(doc, caseless) == _name_runs_by_tokens(doc, caseless)
    assert public_context._lows(doc) == [t.lower_.replace("’", "'") for t in doc]
    assert facilities.pos_by_offset(doc) == {t.idx: t.pos_ for t in doc}


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.text(max_size=40))
def test_a_doc_made_with_its_text_keeps_every_character(text: str) -> None:
    assert state.doc_of(NLP, text).text == text


# ------------------------------------------------------------------------------ remembered answers
@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(st.sampled_from(["siobhan", "shiv", "awn", "shivawn", "obrien", "o'brien", "mc", "allister",
                                 "mcallister", "sean", "shaun", "x", "well", "seen"]), max_size=12), st.booleans())
def test_a_remembered_sound_match_is_a_fresh_one(said: list[str], joined: bool) -> None:
    index = SoundIndex(_PARTS)
    for word in said:
        assert index.match(word, joined) == index.match(word, joined) == SoundIndex(_PARTS)._match(word, joined)


_PARTS = [(p, RegisterItem(key=f"register:person:{p.lower()}", surface=p, category="person", variants=[p]))
          for p in ("Siobhan", "O'Brien", "McAllister", "Sean")]


def test_study_labels_are_a_new_list_each_time() -> None:
    first = labels.study_label_spans("Participant 2 and SP12 said")
    first.clear()
    assert labels.study_label_spans("Participant 2 and SP12 said") == [(0, 13), (18, 22)]


def _register_of(*people: str) -> object:
    return build_register(ParticipantKey(), [RegisterItem(key=f"register:person:{p.lower()}", surface=p,
                                                          category="person", variants=person_variants(p))
                                             for p in people], set())


def test_anonymisers_used_in_turn_keep_their_own_registers() -> None:
    """The shared ``Language``'s register layers are put back in each anonymiser's state, not left in the
    other's: each finds its own people, as it did before the other ran."""
    text = "Then Siobhan Menzies rang Wojciech Urquhart about it, and shivawn said so."
    first = Anonymiser(_register_of("Siobhan Menzies"), None)  # type: ignore[arg-type]
    second = Anonymiser(_register_of("Wojciech Urquhart"), None)  # type: ignore[arg-type]

    def found(anon: Anonymiser) -> list[tuple[int, int, str, str | None]]:
        return sorted((c.start, c.end, c.layer, c.item_key) for g in anon.find(text)[0] for c in g)

    alone = found(first)
    assert found(second) != alone
    assert found(first) == alone and found(second) == found(second)
    assert any(k == "register:person:siobhan menzies" for *_, k in alone)
    assert not any(k == "register:person:wojciech urquhart" for *_, k in alone)


# ------------------------------------------------------------------------------ words around, quick passes
@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(caption_words | st.sampled_from(["  ", "\n\n"]), max_size=20))
def test_words_around_a_token_are_those_word_before_and_after_find(said: list[str]) -> None:
    doc = _doc(" ".join(said))
    for tok in doc:
        before, after = context._around(tok)
        expected_before = [w.i for n in (1, 2, 3) if (w := context.word_before(tok, n)) is not None]
        expected_after = [w.i for n in (1, 2, 3, 4) if (w := context.word_after(tok, n)) is not None]
        assert ([w.i for w in before], [w.i for w in after]) == (expected_before, expected_after)


rule_words = st.sampled_from(["here", "HERE", "Here", "nurse", "Nurse", "the", "our", "new", "head", ",", ", ", ".",
                              "hospital", "Infirmary", "nhs", "foundation", "trust", "truſt", "health", "centre",
                              "medical", "jo", "Sam", "is", "and", "we have", "ſister", "sister", "\n", "K", "-"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(rule_words, max_size=25), st.sampled_from(["", " ", "  "]))
def test_quick_passes_turn_away_only_turns_without_a_match(said: list[str], sep: str) -> None:
    """A turn the quick pass turns away holds no match of the whole pattern."""
    from cmo_coder.anonymise.layers import rules

    text = (sep or " ").join(said)
    for quick, whole in ((rules._JOB_AFTER_COMMA, rules._NAME_THEN_JOB), (rules._HERE_WORD, rules._HERE),
                         (rules._CASELESS_HEAD, rules._CASELESS_PLACE)):
        if quick.search(text) is None:
            assert whole.search(text) is None


def test_quick_passes_let_real_cases_through() -> None:
    from cmo_coder.anonymise.layers import rules

    for quick, whole, text in ((rules._JOB_AFTER_COMMA, rules._NAME_THEN_JOB, "and Jo Bloggs, our nurse lead"),
                               (rules._HERE_WORD, rules._HERE, "Hi, Sam here."),
                               (rules._CASELESS_HEAD, rules._CASELESS_PLACE, "at elm grove hospital")):
        assert quick.search(text) and whole.search(text)


# ------------------------------------------------------------------------------ the sound-alike walk
def _sound_alikes_visiting_every_token(layer: object, doc: Doc, caseless: bool) -> list[object]:
    """The sound-alike layer's walk as it made a Token of every word: the reference for its array walk."""
    from cmo_coder.anonymise.layers.sound_alike import SoundAlikeComponent

    assert isinstance(layer, SoundAlikeComponent)
    registered: list[tuple[int, int]] = []
    found_labels = labels.study_label_spans(doc.text)

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in registered + found_labels)

    found = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        spelled = layer._spelled(doc, i) if len(tok.text.rstrip(".")) == 1 else None
        if spelled is not None and spelled[0] is None:
            i = spelled[1]
            continue
        if spelled is not None and spelled[0] is not None and free(spelled[0].start, spelled[0].end):
            found.append(spelled[0])
            i = spelled[1]
            continue
        hyphened = layer._hyphened(doc, i)
        if hyphened is not None and free(hyphened.start, hyphened.end):
            found.append(hyphened)
            i += 3
            continue
        if i + 1 < len(doc):
            pair = layer._pair(doc, i, caseless)
            if pair is not None and free(pair.start, pair.end):
                found.append(pair)
                i += 2
                continue
        single = layer._single(tok, caseless)
        if single is not None and free(single.start, single.end):
            found.append(single)
        i += 1
    # then the close forms and heard names of register_near.py, a step of their own after the walk, and the
    # names heard after a cue of register_heard.py
    from cmo_coder.anonymise.layers.register_heard import heard_candidates
    from cmo_coder.anonymise.layers.register_near import near_candidates

    return (found + near_candidates(doc, layer.near, registered + found_labels, caseless, layer._in_scope)
            + heard_candidates(doc, layer.near, found_labels, registered, layer._in_scope))


sound_words = st.sampled_from(["shiv", "awn", "shivawn", "siobhan", "Shiv", "-", "s", "i", "o", "b", "h", "a", "n",
                               "s.", "mc", "allister", "roy", "sin", "the", "and", "um", "well", "seen", "obrien",
                               "Niamh", "nee", "ev", "P7", "participant", "two", "\n", ",", "x"])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(st.tuples(sound_words, st.sampled_from([" ", "", " ", "\n"])), max_size=20), st.booleans())
@example([("shiv", "-"), ("awn", " ")], False)
@example([("s", "-"), ("i", "-"), ("o", "-"), ("b", "-"), ("h", "-"), ("a", "-"), ("n", " ")], True)
def test_sound_alike_walk_from_arrays_finds_what_a_visit_of_every_token_finds(
        said: list[tuple[str, str]], caseless: bool) -> None:
    from cmo_coder.anonymise.layers.sound_alike import SoundAlikeComponent

    layer = _sound_layer()
    text = "".join(w + sep for w, sep in said)
    doc = _doc(text)
    doc._.cmo_caseless = caseless
    expected = _sound_alikes_visiting_every_token(layer, doc, caseless)
    assert isinstance(layer, SoundAlikeComponent)
    layer(doc)
    assert state.candidates(doc) == expected


_SOUND_LAYER: list[object] = []


def _sound_layer() -> object:
    from cmo_coder.anonymise.layers.sound_alike import SoundAlikeComponent

    if not _SOUND_LAYER:
        layer = SoundAlikeComponent(NLP)
        layer.set_register(_register_of("Siobhan O'Brien", "Fiona McAllister", "Niamh Roisin"))  # type: ignore[arg-type]
        _SOUND_LAYER.append(layer)
    return _SOUND_LAYER[0]


def test_sound_alike_walk_still_finds_names() -> None:
    doc = _doc("then shiv-awn rang and s-i-o-b-h-a-n wrote")
    _sound_layer()(doc)  # type: ignore[operator]
    assert len(state.candidates(doc)) == 2


@pytest.mark.fuzz
@fuzz_settings(200)
@given(texts)
def test_public_runs_read_token_texts_as_tokens_do(text: str) -> None:
    """The public frames read each word's text from one array per doc: the same as each Token's text."""
    from cmo_coder.anonymise.layers import public_runs

    doc = _doc(text)
    assert public_runs._texts(doc) == [t.text for t in doc]
    for i, tok in enumerate(doc):
        assert public_runs.capitalised(doc, i) == (tok.text[:1].isupper() and any(c.isalpha() for c in tok.text))
        assert public_runs._alpha(doc, i) == (any(c.isalpha() for c in tok.text)
                                              and all(c.isalnum() or c in "-'’&+!." for c in tok.text))


_layer_names = st.sampled_from(["register", "sound_alike", "rules", "ner", "caseless", "places", "lexicon"])
candidates_made = st.builds(
    Candidate, st.integers(0, 500), st.integers(0, 500), st.sampled_from(["person", "city", "org", "date"]),
    _layer_names, st.floats(0, 1), st.text(max_size=12), st.none() | st.text(max_size=8),
    st.none() | st.text(max_size=8), st.booleans(), st.none() | st.text(max_size=8))


@pytest.mark.fuzz
@fuzz_settings(300)
@given(candidates_made, st.integers(0, 10_000))
def test_a_shifted_candidate_is_the_replaced_one(c: Candidate, by: int) -> None:
    """Moving a candidate to transcript offsets by copying its fields gives what ``dataclasses.replace`` gives,
    field for field, hash and equality alike."""
    moved, reference = shifted(c, by), dataclasses.replace(c, start=c.start + by, end=c.end + by)
    assert moved == reference and hash(moved) == hash(reference) and repr(moved) == repr(reference)
    assert c.start + by == moved.start and (c.start, c.end) == (reference.start - by, reference.end - by)


def test_a_candidate_has_nothing_to_run_when_made() -> None:
    """:func:`shifted` copies fields without calling ``__init__``: that is only ``replace`` while nothing runs
    at creation, and a frozen candidate stays frozen."""
    assert not hasattr(Candidate, "__post_init__")
    moved = shifted(Candidate(1, 2, "person", "ner", 0.5, "x"), 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        moved.start = 0  # type: ignore[misc]


def test_the_registers_one_word_names_follow_its_items() -> None:
    """The residual list's one-word registered names are made once per register and made again when the
    register holds other items."""
    from cmo_coder.anonymise.register import Register

    register = Register([RegisterItem("register:person:a", "Anwen Price", "person", variants=("Anwen Price", "Anwen")),
                         RegisterItem("register:person:b", "Bo", "person", variants=("Bo",))])
    anon = Anonymiser.__new__(Anonymiser)
    anon.register, anon._single_names = register, None
    first = anon._singles()
    assert first == {"anwen"} and anon._singles() is first
    register.items = [*register.items, RegisterItem("register:person:c", "Cerys", "person", variants=("Cerys",))]
    assert anon._singles() == {"anwen", "cerys"}


@pytest.mark.fuzz
@fuzz_settings(200)
@given(texts)
def test_public_bodies_read_lower_cased_words_as_tokens_do(text: str) -> None:
    """The public-body frames' lower-cased words come from each token's string id: the same as ``Token.lower_``."""
    from cmo_coder.anonymise.layers import public_bodies

    doc = _doc(text.replace("'", "’"))
    assert public_bodies._lows(doc) == [t.lower_.replace("’", "'") for t in doc]
    assert public_context._low(doc, -1) == "" and public_context._low(doc, len(doc)) == ""
    assert [public_context._low(doc, i) for i in range(len(doc))] == public_bodies._lows(doc)


def _runs_by_tokens(doc: Doc, proposed: list[tuple[int, int]], caseless: bool) -> list[tuple[int, int]]:
    """The public frames' name runs as first written: each word's tests asked of the doc at each look."""
    from cmo_coder.anonymise.layers import public_runs as pr

    out: set[tuple[int, int]] = set()
    lows = pr._lows(doc)
    for a, b in proposed:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            continue
        s, e = span.start, span.end
        if not caseless:
            while s > 0 and pr.capitalised(doc, s - 1) and pr._alpha(doc, s - 1) and doc[s - 1].whitespace_ \
                    and lows[s - 1] not in pr.TITLES:
                s -= 1
            while e < len(doc) and (pr.capitalised(doc, e) and pr._alpha(doc, e) or (
                    lows[e] in pr.JOINERS - {"a", "to", "on", "in"} and e + 1 < len(doc)
                    and pr.capitalised(doc, e + 1))):
                e += 1
        while s < e and (lows[s] in pr.ARTICLES or not pr._alpha(doc, s)):
            s += 1
        while e > s and (lows[e - 1] in {"'s", "'"} or not pr._alpha(doc, e - 1) or lows[e - 1] in pr.JOINERS):
            e -= 1
        if s < e and e - s <= pr._MAX:
            out.add((s, e))
    return sorted(out)


_run_words = st.sampled_from(["Slow", "Horses", "the", "Lord", "of", "Rings", "Mrs", "Sands", "'s", "and", "Ted",
                              "Lasso", "on", "Netflix", "Co-op2", "A&E", "-", ",", "watched", "pink", "Therapy", "a",
                              "Kayleigh", "to", "in", "’s", "!", "Go!", "x"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(_run_words, max_size=20).map(" ".join), st.lists(st.tuples(st.integers(0, 120), st.integers(0, 30)),
                                                               max_size=6), st.booleans())
def test_public_runs_widen_as_a_look_at_each_word_does(text: str, spans: list[tuple[int, int]],
                                                       caseless: bool) -> None:
    """The name runs read from the doc's word texts once give the runs found by asking each word again."""
    from cmo_coder.anonymise.layers import public_runs

    doc = _doc(text)
    proposed = [(a, min(len(text), a + n)) for a, n in spans if a < len(text)]
    assert public_runs.runs(doc, proposed, caseless) == _runs_by_tokens(doc, proposed, caseless)


_rule_words = st.sampled_from(["Royal", "royal", "Leeds", "Infirmary", "Hospital", "hospital", "Hospice", "NHS", "nhs",
                               "Foundation", "Trust", "St", "St.", "Mary's", "Ward", "ward", "Beech", "Surgery",
                               "Medical", "Practice", "Health", "Centre", "a@b.co", "x@", "Dr", "dr.", "Sister",
                               "sister", "Prof", "thank", "you", "thanks", "Thanks", "cheers", "hiya", "Mo", "mo", ",",
                               ".", "and", "\n", "ta", "hi", "Ruth", "Ann-Marie", "’", "ſister", "KIT", "PC"])
rule_texts = st.lists(_rule_words, max_size=25).map(" ".join)


@pytest.mark.fuzz
@fuzz_settings(300)
@given(rule_texts)
def test_a_rule_passed_over_for_want_of_its_word_would_find_nothing(text: str) -> None:
    """A turn holding none of a rule's needed words (:data:`rules._NEEDS`) has no match of that rule."""
    from cmo_coder.anonymise.layers import rules

    for pattern, needs in rules._NEEDS.items():
        if pattern.search(text):
            assert any(word in text for word in needs), (pattern.pattern, text)


@pytest.mark.fuzz
@fuzz_settings(300)
@given(rule_texts)
def test_titles_and_greetings_grouped_match_as_the_plain_alternation(text: str) -> None:
    """The title and greeting patterns, grouped by first letter, match where and as the plain alternation does."""
    from cmo_coder.anonymise.layers import rules, titles
    from cmo_coder.anonymise.layers.titles import HONORIFICS, ROLE_TITLES
    from cmo_coder.anonymise.layers.words import GREETINGS

    plain_title = re.compile(r"(?i)\b(" + "|".join(sorted((*HONORIFICS, *ROLE_TITLES), key=len, reverse=True))
                             + r")(\.?)[ \t]+")
    plain_vocative = re.compile(r"(?i)\b(?:" + "|".join(GREETINGS)
                                + r")\s*,?\s+([A-Za-z][a-z'’-]+)(?=\s*(?:[,.!?;]|$|\n)|\s+and\b)")
    for grouped, plain in ((titles._TITLE, plain_title), (rules._VOCATIVE, plain_vocative)):
        assert [(m.span(), m.groups()) for m in grouped.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)]


# ------------------------------------------------------------------------------ casing counts
def _caseless_plainly(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 20 and sum(1 for c in letters if c.isupper()) / len(letters) < 0.005


def _turn_casing_plainly(turn: str) -> bool | None:
    letters = [c for c in turn if c.isalpha()]
    if any(c.isupper() for c in letters):
        uppers = sum(1 for c in letters if c.isupper())
        return _caseless_plainly(turn) or (letters[0].islower() and len(letters) >= 20
                                           and uppers / len(letters) < 0.01)
    return True if len(letters) >= 20 else None


casing_chars = st.sampled_from(["a", "b", "A", "Z", " ", ".", "1", "é", "É", "ǅ", "Ⅷ", "ⅷ", "İ", "ß", "ſ", "\n", "'"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(casing_chars, max_size=260).map("".join), st.integers(0, 400))
@example("Ⅷ" + "a" * 30, 0)  # a capital numeral is upper case and no letter
@example("ǅ" + "a" * 30, 0)  # a title-case letter is a letter and not upper case
def test_casing_counts_answer_as_lists_of_letters_do(text: str, pad: int) -> None:
    text += "a" * pad  # long lower-case stretches, where one capital in two hundred letters decides
    assert state.is_caseless(text) == _caseless_plainly(text)
    assert state._turn_casing(text) == _turn_casing_plainly(text)


# ------------------------------------------------------------------------------ byname frames' quick passes
byname_words = st.sampled_from(["we", "all", "call", "called", "him", "her", "them", "Tank", "big", "to", "To", "his",
                                "the", "THE", "us", "everyone", "mates", "whole", "family", "known", "as", "by", "went",
                                "that's", "what", "is", "nicknamed", "nickname", "was", "ſ", "uſ", ",", "\n", "  ",
                                "knew", "dubbed", "goes", "name", "of", "it", "lofty"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(byname_words, max_size=20).map(" ".join))
def test_byname_quick_passes_turn_away_only_turns_without_a_frame(text: str) -> None:
    """A turn that holds no cue of a byname frame has no match of that frame, so it need not be scanned."""
    from cmo_coder.anonymise.layers import bynames

    for quick, whole in ((bynames._FRAME_CUES, bynames._FRAMES), (bynames._AFTER_CUES, bynames._AFTER)):
        if quick.search(text) is None:
            assert whole.search(text) is None, (whole.pattern[:40], text)


def test_byname_quick_passes_let_real_frames_through() -> None:
    from cmo_coder.anonymise.layers import bynames

    for quick, whole, text in ((bynames._FRAME_CUES, bynames._FRAMES, "we called him Tank"),
                               (bynames._AFTER_CUES, bynames._AFTER, "Lofty to all his mates"),
                               (bynames._AFTER_CUES, bynames._AFTER, "Lofty, that's what we all call him")):
        assert quick.search(text) and whole.search(text)
    assert not bynames._AFTER_CUES.search("I went to town to see them")


# ------------------------------------------------------------------------------ public frames' short cuts
frame_words = st.sampled_from(["Rishi", "Sunak", "the", "prime", "minister", "Minister", "health", "secretary", "Sir",
                               "Keir", "Starmer", "my", "mate", "Dave", "Smith", "said", "on", "news", "-", "Rees",
                               "Mogg", "Jacob", "'s", "review", "Professor", "Whitty", "inquiry", "was", ",", ".",
                               "first", "at", "time", "whatshisname", "Edward", "Argar", "neighbour", "for", "of"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(frame_words, max_size=24).map(" ".join), st.booleans())
def test_public_frames_with_short_cuts_keep_what_the_full_walk_keeps(text: str, caseless: bool) -> None:
    """Remembering whether a word may be a name, skipping the office walk in a turn with no office word and
    the hyphen join in a turn with no hyphen keep exactly what the frames kept without them."""
    doc = _doc(text.lower() if caseless else text)
    spans = [(t.idx, t.idx + len(t)) for t in doc] + public_context.name_runs(doc, caseless)
    spans += [(a, d) for a, _ in spans for _, d in spans if a < d and len(doc.text[a:d].split()) <= 3]
    fast = public_context.public_by_context(doc, spans, caseless, fast_weak := [])
    plain_doc = _doc(doc.text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(public_context, "_may_hold_office", lambda lows: True)
        mp.setattr(public_context, "_name_shaped", public_context._shaped_now)
        plain = public_context.public_by_context(plain_doc, spans, caseless, plain_weak := [])
        assert [public_context._private_near(plain_doc, s, e) for s in range(len(doc)) for e in range(s, len(doc))] \
            == [_private_near_plainly(plain_doc, s, e) for s in range(len(doc)) for e in range(s, len(doc))]
    assert (fast, fast_weak) == (plain, plain_weak)


def _private_near_plainly(doc: Doc, start: int, end: int) -> bool:
    lo, hi = max(0, start - 3), min(len(doc), end + 3)
    return public_context._low(doc, start - 1) in public_context.OWNERS or any(
        public_context._low(doc, k) in public_context.PRIVATE for k in range(lo, hi) if not start <= k < end)


def test_public_frames_still_keep_offices_and_joined_names() -> None:
    doc = _doc("The prime minister Rishi Sunak said so, and Jacob Rees-Mogg was at the inquiry.")
    kept = {doc.text[a:b] for a, b in public_context.public_by_context(
        doc, [(19, 31), (44, 48), (49, 53), (54, 58)], False)}
    assert "Rishi Sunak" in kept
    assert public_context._may_hold_office(public_context._lows(doc))
    assert not public_context._may_hold_office(public_context._lows(_doc("Dave Smith said so on the news.")))


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(caption_words | st.sampled_from(["  ", "\n\n", "Auntie", "WAS", "Like"]), max_size=20))
def test_lower_cased_words_around_a_token_are_those_of_the_tokens_around_it(said: list[str]) -> None:
    doc = _doc(" ".join(said))
    for tok in doc:
        before, after = context._around(tok)
        assert context._lows_around(tok) == ([w.lower_ for w in before], [w.lower_ for w in after])
